#include "ledger/signoff_report.hpp"

#include <set>

#include "common/text_pdf.hpp"
#include "content/word_diff.hpp"
#include "ledger/signoff_json.hpp"

namespace lectern::ledger {

namespace {

std::string csv_cell(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string version_date(const content::DocumentVersion& v) {
    return content::rfc3339(v.time, v.utc_offset_minutes);
}

std::string receipt_time(const SignoffReport& report, const SignoffStatus& s) {
    if (!s.signoff) return {};
    const auto it = report.receipts.find(s.signoff->record.id);
    return it == report.receipts.end() ? std::string() : it->second.value("server_time", "");
}

std::string receipt_flags(const SignoffReport& report, const SignoffStatus& s) {
    if (!s.signoff) return {};
    const auto it = report.receipts.find(s.signoff->record.id);
    if (it == report.receipts.end() || !it->second.contains("flags")) return {};
    std::string out;
    for (const auto& f : it->second["flags"])
        out += (out.empty() ? "" : " ") + f.get<std::string>();
    return out;
}

}  // namespace

std::string receipt_check(const SignoffReport& report, const SignoffStatus& s) {
    if (!s.signoff) return {};
    const std::string& id = s.signoff->record.id;
    if (report.receipts.count(id)) return "valid";
    const auto refused = report.refused_receipts.find(id);
    return refused == report.refused_receipts.end()
               ? "none"
               : "refused (the receipt " + refused->second + ")";
}

namespace {

std::size_t count_changes(const SignoffStatus& s, bool minor) {
    std::size_t n = 0;
    for (const auto& v : s.changes_since) n += v.minor == minor ? 1 : 0;
    return n;
}

}  // namespace

std::map<std::string, std::vector<MinorChange>> minor_changes_of(
    const content::ContentRepository& repository, const std::vector<SignoffStatus>& statuses) {
    std::map<std::string, std::vector<MinorChange>> out;
    std::set<std::string> seen;
    for (const SignoffStatus& s : statuses) {
        if (!seen.insert(s.document_id).second) continue;
        auto& changes = out[s.document_id];
        const auto history = repository.history(s.path);
        for (std::size_t i = 0; i < history.size(); ++i) {
            if (!history[i].minor) continue;
            MinorChange c;
            c.version = history[i];
            if (i + 1 < history.size()) {
                c.previous_blob = history[i + 1].blob_id;
                const auto before = repository.read_blob(c.previous_blob);
                const auto after = repository.read_blob(history[i].blob_id);
                if (before && after)
                    c.word_diff =
                        content::word_diff_marked_text(content::word_diff(*before, *after));
            }
            changes.push_back(std::move(c));
        }
    }
    return out;
}

std::string report_csv(const SignoffReport& report) {
    std::string out =
        "agent,document_id,path,title,required,state,signed_version,signed_version_date,"
        "signed_at,receipt_time,receipt_flags,record_id,device,current_version,"
        "substantive_changes_since,minor_changes_since,receipt_check\r\n";
    for (const SignoffStatus& s : report.statuses) {
        const bool has = s.signoff.has_value();
        const std::vector<std::string> cells = {
            s.agent,
            s.document_id,
            s.path,
            s.title,
            s.required ? "required" : "optional",
            std::string(to_string(s.state)),
            has ? s.signoff->record.blob_id : "",
            s.signed_version ? version_date(*s.signed_version) : "",
            has ? s.signoff->record.signed_at : "",
            receipt_time(report, s),
            receipt_flags(report, s),
            has ? s.signoff->record.id : "",
            has ? s.signoff->record.device : "",
            s.current_blob,
            std::to_string(count_changes(s, false)),
            std::to_string(count_changes(s, true)),
            receipt_check(report, s)};
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i) out += ',';
            out += csv_cell(cells[i]);
        }
        out += "\r\n";
    }
    return out;
}

nlohmann::json report_json(const SignoffReport& report) {
    nlohmann::json by_agent = nlohmann::json::array();
    std::map<std::string, nlohmann::json> documents;
    for (const SignoffStatus& s : report.statuses) {
        nlohmann::json row = to_json(s);
        row["receipt"] = nullptr;
        if (s.signoff) row["receipt_check"] = receipt_check(report, s);
        if (s.signoff) {
            const auto it = report.receipts.find(s.signoff->record.id);
            if (it != report.receipts.end()) row["receipt"] = it->second;
        }
        if (by_agent.empty() || by_agent.back()["agent"] != s.agent)
            by_agent.push_back({{"agent", s.agent}, {"documents", nlohmann::json::array()}});
        by_agent.back()["documents"].push_back(row);

        auto& doc = documents[s.path];
        if (doc.is_null()) {
            doc = {{"document_id", s.document_id},
                   {"path", s.path},
                   {"title", s.title},
                   {"required", s.required},
                   {"current_version", s.current_blob},
                   {"signed", nlohmann::json::array()},
                   {"unsigned", nlohmann::json::array()},
                   {"needs_resign", nlohmann::json::array()},
                   {"minor_changes", nlohmann::json::array()}};
            const auto minor = report.minor_changes.find(s.document_id);
            if (minor != report.minor_changes.end())
                for (const MinorChange& c : minor->second)
                    doc["minor_changes"].push_back({{"commit", c.version.commit},
                                                    {"version", c.version.blob_id},
                                                    {"previous_version", c.previous_blob},
                                                    {"date", version_date(c.version)},
                                                    {"author", c.version.author},
                                                    {"summary", c.version.summary},
                                                    {"word_diff", c.word_diff}});
        }
        const char* bucket = s.state == SignoffState::Signed     ? "signed"
                             : s.state == SignoffState::Unsigned ? "unsigned"
                                                                 : "needs_resign";
        doc[bucket].push_back(s.agent);
    }
    nlohmann::json by_document = nlohmann::json::array();
    for (auto& [path, doc] : documents) by_document.push_back(std::move(doc));
    return {{"space", report.space},
            {"content_commit", report.content_commit},
            {"generated_at", report.generated_at},
            {"scope", report.scope},
            {"note", report.note},
            {"by_agent", by_agent},
            {"by_document", by_document}};
}

std::vector<std::string> report_lines(const SignoffReport& report) {
    std::vector<std::string> lines;
    lines.push_back("Sign-off report: space " + report.space + " (" + report.scope + ")");
    lines.push_back("Content " + report.content_commit + ", generated " + report.generated_at);
    if (!report.note.empty()) lines.push_back("Note: " + report.note);
    lines.push_back("");
    lines.push_back("BY AGENT");
    std::string agent;
    for (const SignoffStatus& s : report.statuses) {
        if (s.agent != agent) {
            agent = s.agent;
            lines.push_back("");
            lines.push_back(agent);
        }
        std::string line = "  " + std::string(to_string(s.state)) + "  " + s.document_id +
                           (s.required ? "" : " (optional)");
        if (s.signoff) {
            line += "  version " + s.signoff->record.blob_id.substr(0, 12) + " signed " +
                    s.signoff->record.signed_at;
            const std::string check = receipt_check(report, s);
            if (check == "valid")
                line += "  received " + receipt_time(report, s);
            else
                line += check == "none" ? "  (no receipt)" : "  (receipt " + check + ")";
            const std::string flags = receipt_flags(report, s);
            if (!flags.empty()) line += "  [" + flags + "]";
        }
        const std::size_t substantive = count_changes(s, false);
        const std::size_t minor = count_changes(s, true);
        if (substantive)
            line += "  " + std::to_string(substantive) + " substantive change(s) since";
        if (minor) line += "  " + std::to_string(minor) + " minor change(s) since";
        lines.push_back(line);
    }
    lines.push_back("");
    lines.push_back("BY DOCUMENT");
    const nlohmann::json json = report_json(report);
    for (const auto& doc : json["by_document"]) {
        lines.push_back("");
        lines.push_back(doc["document_id"].get<std::string>() + "  " +
                        doc["title"].get<std::string>() + "  version " +
                        doc["current_version"].get<std::string>().substr(0, 12));
        for (const char* bucket : {"signed", "needs_resign", "unsigned"}) {
            std::string who;
            for (const auto& a : doc[bucket])
                who += (who.empty() ? "" : ", ") + a.get<std::string>();
            lines.push_back(std::string("  ") + bucket + ": " + (who.empty() ? "-" : who));
        }
        for (const auto& c : doc["minor_changes"]) {
            lines.push_back("  minor change " + c["commit"].get<std::string>().substr(0, 12) + " " +
                            c["date"].get<std::string>() + " " + c["summary"].get<std::string>());
            // Only the changed words, so the page shows what the mark claims is minor.
            const std::string diff = c["word_diff"].get<std::string>();
            for (std::size_t at = diff.find("[-"), plus = diff.find("{+");
                 at != std::string::npos || plus != std::string::npos;) {
                const std::size_t start = std::min(at, plus);
                const bool deletion = start == at;
                const std::size_t end = diff.find(deletion ? "-]" : "+}", start);
                if (end == std::string::npos) break;
                lines.push_back("    " + diff.substr(start, end + 2 - start));
                at = diff.find("[-", end);
                plus = diff.find("{+", end);
            }
        }
    }
    return lines;
}

std::string report_pdf(const SignoffReport& report) {
    return text_pdf(report_lines(report), {"Sign-off report " + report.space, 58, 8});
}

}  // namespace lectern::ledger
