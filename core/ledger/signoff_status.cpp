#include "ledger/signoff_status.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "common/log.hpp"
#include "content/space.hpp"

namespace lectern::ledger {

std::string_view to_string(SignoffState state) {
    switch (state) {
        case SignoffState::Unsigned:
            return "unsigned";
        case SignoffState::Signed:
            return "signed";
        case SignoffState::NeedsResign:
            return "needs-resign";
    }
    return "unsigned";
}

std::optional<SignoffState> parse_signoff_state(std::string_view text) {
    for (auto s : {SignoffState::Unsigned, SignoffState::Signed, SignoffState::NeedsResign})
        if (to_string(s) == text) return s;
    return std::nullopt;
}

namespace {

// The position of `blob` in a newest-first history, or npos.
std::size_t version_index(const std::vector<content::DocumentVersion>& history,
                          const std::string& blob) {
    for (std::size_t i = 0; i < history.size(); ++i)
        if (history[i].blob_id == blob) return i;
    return std::string::npos;
}

SignoffStatus status_of(const content::Document& doc,
                        const std::vector<content::DocumentVersion>& history,
                        const std::string& agent,
                        const std::vector<const StoredRecord*>& signoffs) {
    SignoffStatus s;
    s.agent = agent;
    s.document_id = doc.id;
    s.path = doc.path;
    s.title = doc.title;
    s.required = doc.signoff == content::SignoffRule::Required;
    s.current_blob = history.empty() ? doc.blob_id : history.front().blob_id;
    s.current_commit = history.empty() ? std::string() : history.front().commit;

    // The sign-off of the newest version wins; of two for the same version, the later one.
    const StoredRecord* best = nullptr;
    std::size_t best_index = std::string::npos;
    for (const StoredRecord* r : signoffs) {
        const std::size_t index = version_index(history, r->record.blob_id);
        const bool newer_version = index < best_index;
        const bool same_version_later =
            best && index == best_index && r->record.signed_at > best->record.signed_at;
        if (!best || newer_version || same_version_later) {
            best = r;
            best_index = index;
        }
    }
    if (!best) return s;
    s.signoff = *best;
    if (best_index == std::string::npos) {
        // A version this history never had (another branch, a rewritten history): it proves
        // nothing about the text now published.
        s.state = SignoffState::NeedsResign;
        s.changes_since = history;
        return s;
    }
    s.signed_version = history[best_index];
    s.changes_since.assign(history.begin(), history.begin() + static_cast<long>(best_index));
    const bool all_minor = std::all_of(s.changes_since.begin(), s.changes_since.end(),
                                       [](const content::DocumentVersion& v) { return v.minor; });
    s.state = all_minor ? SignoffState::Signed : SignoffState::NeedsResign;
    return s;
}

}  // namespace

std::vector<SignoffStatus> signoff_statuses(const content::Space& space,
                                            const content::ContentRepository& repository,
                                            std::string_view space_name,
                                            const std::vector<StoredRecord>& records,
                                            const std::vector<std::string>& agents) {
    // agent → document id → sign-offs
    std::map<std::string, std::map<std::string, std::vector<const StoredRecord*>>> by_agent;
    for (const StoredRecord& r : records) {
        if (r.record.kind != kKindSignoff || r.record.space != space_name) continue;
        by_agent[r.record.agent][r.record.document_id].push_back(&r);
    }
    std::vector<const content::Document*> documents;
    for (const content::Document& doc : space.documents())
        if (doc.type == content::DocumentType::Procedure &&
            doc.signoff != content::SignoffRule::None)
            documents.push_back(&doc);
    std::sort(documents.begin(), documents.end(),
              [](const auto* a, const auto* b) { return a->path < b->path; });

    std::set<std::string> unique_agents(agents.begin(), agents.end());
    std::vector<SignoffStatus> out;
    for (const content::Document* doc : documents) {
        const auto history = repository.history(doc->path);
        for (const std::string& agent : unique_agents) {
            static const std::vector<const StoredRecord*> none;
            const auto a = by_agent.find(agent);
            const auto* signoffs = &none;
            if (a != by_agent.end()) {
                const auto d = a->second.find(doc->id);
                if (d != a->second.end()) signoffs = &d->second;
            }
            out.push_back(status_of(*doc, history, agent, *signoffs));
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const SignoffStatus& a, const SignoffStatus& b) {
        return a.agent < b.agent;
    });
    return out;
}

std::vector<StoredRecord> ledger_records(const LocalLedger& ledger, std::string_view agent) {
    std::vector<StoredRecord> out;
    std::set<std::string> seen;
    for (const char* base : {"refs/heads/agents/", "refs/remotes/origin/agents/"}) {
        const std::string prefix =
            agent.empty() ? std::string(base) : std::string(base) + std::string(agent) + "/";
        for (const std::string& ref : ledger.refs_under(prefix)) {
            // agents/<user>/<device>: a record counts only on its own agent's branch.
            const std::string rest = ref.substr(std::string_view(base).size());
            const std::string owner = rest.substr(0, rest.find('/'));
            for (StoredRecord& r : ledger.records_on(ref)) {
                if (r.record.agent != owner) {
                    log::warning(log::kLedger, "ignored record " + r.record.id + " of " +
                                                   r.record.agent + " found on " + ref);
                    continue;
                }
                if (seen.insert(r.record.id).second) out.push_back(std::move(r));
            }
        }
    }
    return out;
}

}  // namespace lectern::ledger
