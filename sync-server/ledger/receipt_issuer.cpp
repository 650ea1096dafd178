#include "ledger/receipt_issuer.hpp"

#include <memory>

#include "common/git_handles.hpp"
#include "common/libgit2.hpp"
#include "common/log.hpp"
#include "ledger/record.hpp"
#include "store/receipt_log.hpp"

namespace lectern::server {

namespace {

std::string hex_of(const git_oid* oid) {
    char hex[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(hex, sizeof hex, oid);
    return hex;
}

git::CommitPtr lookup_commit(git_repository* repo, const git_oid* oid) {
    git_commit* raw = nullptr;
    if (git_commit_lookup(&raw, repo, oid) < 0) throw libgit2_error("reading a ledger commit");
    return git::CommitPtr(raw);
}

/// The record the commit added (the hook made sure it adds exactly one).
ledger::Record added_record(git_repository* repo, git_commit* commit) {
    git_tree* raw_tree = nullptr;
    if (git_commit_tree(&raw_tree, commit) < 0) throw libgit2_error("reading a ledger tree");
    git::TreePtr tree(raw_tree);
    git::TreePtr parent_tree;
    if (git_commit_parentcount(commit) > 0) {
        auto parent = lookup_commit(repo, git_commit_parent_id(commit, 0));
        git_tree* raw = nullptr;
        if (git_commit_tree(&raw, parent.get()) < 0) throw libgit2_error("reading a ledger tree");
        parent_tree.reset(raw);
    }
    git_diff* raw_diff = nullptr;
    if (git_diff_tree_to_tree(&raw_diff, repo, parent_tree.get(), tree.get(), nullptr) < 0)
        throw libgit2_error("reading what a ledger commit added");
    git::DiffPtr diff(raw_diff);
    if (git_diff_num_deltas(diff.get()) != 1)
        throw Error(ErrorKind::InvalidContent, "ledger commit " + hex_of(git_commit_id(commit)) +
                                                   " does not add exactly one record");
    const git_diff_delta* d = git_diff_get_delta(diff.get(), 0);
    git_blob* raw_blob = nullptr;
    if (git_blob_lookup(&raw_blob, repo, &d->new_file.id) < 0)
        throw libgit2_error("reading a ledger record");
    git::BlobPtr blob(raw_blob);
    return ledger::parse_record(
        std::string_view(static_cast<const char*>(git_blob_rawcontent(blob.get())),
                         static_cast<std::size_t>(git_blob_rawsize(blob.get()))),
        d->new_file.path);
}

}  // namespace

std::vector<ledger::Receipt> issue_missing_receipts(const StateDir& state, const std::string& space,
                                                    ReceiptLog& log,
                                                    const ledger::SigningKey& key) {
    ensure_libgit2();
    git_repository* raw_repo = nullptr;
    const auto path = state.repo(space, RepoKind::Ledger);
    if (git_repository_open_bare(&raw_repo, path.c_str()) < 0)
        throw libgit2_error("opening " + path.string());
    git::RepositoryPtr repo(raw_repo);

    git_reference_iterator* raw_it = nullptr;
    if (git_reference_iterator_glob_new(&raw_it, repo.get(), "refs/heads/agents/*") < 0)
        throw libgit2_error("listing ledger branches");
    std::unique_ptr<git_reference_iterator, decltype(&git_reference_iterator_free)> it(
        raw_it, git_reference_iterator_free);

    std::vector<ledger::Receipt> issued;
    git_reference* raw_ref = nullptr;
    while (git_reference_next(&raw_ref, it.get()) == 0) {
        git::ReferencePtr ref(raw_ref);
        const git_oid* tip = git_reference_target(ref.get());
        if (!tip) continue;
        // Back from the tip to the newest commit with a receipt: what lies between is owed.
        std::vector<git::CommitPtr> owed;
        auto commit = lookup_commit(repo.get(), tip);
        while (!log.find_by_commit(space, hex_of(git_commit_id(commit.get())))) {
            const bool root = git_commit_parentcount(commit.get()) == 0;
            git::CommitPtr parent =
                root ? nullptr : lookup_commit(repo.get(), git_commit_parent_id(commit.get(), 0));
            owed.push_back(std::move(commit));
            if (root) break;
            commit = std::move(parent);
        }
        for (auto c = owed.rbegin(); c != owed.rend(); ++c) {
            try {
                const ledger::Record r = added_record(repo.get(), c->get());
                issued.push_back(log.append(
                    {space, r.id, hex_of(git_commit_id(c->get())), r.agent, r.signed_at}, key));
            } catch (const Error& e) {
                // Only a record that passed the hook can be here; if one cannot be read, the
                // branch's later records wait for an admin rather than skip past it.
                log::error(log::kLedger, "no receipt for " +
                                             std::string(git_reference_name(ref.get())) + ": " +
                                             e.what());
                break;
            }
        }
    }
    return issued;
}

}  // namespace lectern::server
