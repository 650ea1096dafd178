#include "hooks/pre_receive.hpp"

#include <cstdlib>
#include <istream>
#include <ostream>
#include <sstream>
#include <vector>

#include "common/git_handles.hpp"
#include "common/libgit2.hpp"
#include "common/scratch_dir.hpp"
#include "content/lint.hpp"
#include "hooks/ledger_check.hpp"
#include "hooks/ref_update.hpp"
#include "hooks/tree_check.hpp"
#include "hooks/tree_export.hpp"
#include "ledger/receipt_issuer.hpp"
#include "ledger/server_key.hpp"
#include "store/receipt_log.hpp"

namespace lectern::server {

namespace {

git::RepositoryPtr open_pushed_repository() {
    ensure_libgit2();
    git_repository* raw = nullptr;
    // FROM_ENV honours GIT_DIR, GIT_OBJECT_DIRECTORY and GIT_ALTERNATE_OBJECT_DIRECTORIES:
    // that is how the hook sees the objects git keeps in quarantine until the hook accepts.
    const bool from_env = std::getenv("GIT_DIR") != nullptr;
    const int rc =
        from_env ? git_repository_open_ext(&raw, nullptr, GIT_REPOSITORY_OPEN_FROM_ENV, nullptr)
                 : git_repository_open_bare(&raw, ".");
    if (rc < 0) throw libgit2_error("opening the repository being pushed to");
    return git::RepositoryPtr(raw);
}

git::TreePtr tree_of(git_repository* repo, const std::string& id) {
    git_oid oid;
    if (git_oid_fromstr(&oid, id.c_str()) < 0) throw libgit2_error("reading a pushed object id");
    git_object* raw = nullptr;
    if (git_object_lookup(&raw, repo, &oid, GIT_OBJECT_ANY) < 0)
        throw libgit2_error("reading a pushed commit");
    git::ObjectPtr object(raw);
    git_object* peeled = nullptr;
    if (git_object_peel(&peeled, object.get(), GIT_OBJECT_TREE) < 0)
        throw libgit2_error("reading a pushed tree");
    return git::TreePtr(reinterpret_cast<git_tree*>(peeled));
}

/// True if the content at `update` may be stored.
bool check_content(git_repository* repo, const RefUpdate& update, std::ostream& messages) {
    if (update.new_id == kZeroId) return true;  // deletions: receive.denyDeletes decides
    const auto tree = tree_of(repo, update.new_id);
    const auto unsafe = find_unsafe_paths(repo, tree.get());
    for (const auto& u : unsafe) messages << "lectern: " << u.path << ": " << u.reason << '\n';
    if (!unsafe.empty()) {
        messages << "lectern: push to " << update.ref << " refused: unsafe paths in the tree\n";
        return false;
    }
    ScratchDir scratch("push");
    export_tree(repo, tree.get(), scratch.path());
    const Diagnostics found = content::lint_space(scratch.path());
    for (const auto& d : found.items()) messages << d.to_string() << '\n';
    if (found.has_errors()) {
        messages << "lectern: push to " << update.ref << " refused: " << found.error_count()
                 << (found.error_count() == 1 ? " lint error" : " lint errors")
                 << " (run `lectern lint` before pushing)\n";
        return false;
    }
    return true;
}

}  // namespace

PushContext push_context_from_environment() {
    PushContext out;
    const char* kind = std::getenv("LECTERN_REPO_KIND");
    out.kind = (kind && std::string_view(kind) == "ledger") ? RepoKind::Ledger : RepoKind::Content;
    if (const char* user = std::getenv("LECTERN_USER")) out.user = user;
    if (const char* space = std::getenv("LECTERN_SPACE")) out.space = space;
    if (const char* state = std::getenv("LECTERN_STATE_DIR")) out.state_dir = state;
    return out;
}

int run_pre_receive(const PushContext& context, std::istream& updates, std::ostream& messages) {
    const auto list = read_ref_updates(updates);
    bool ok = true;
    const auto repo = open_pushed_repository();
    if (context.kind == RepoKind::Ledger) {
        const LedgerPush push{StateDir(context.state_dir), context.space, context.user};
        return check_ledger_push(push, repo.get(), list, messages) ? 0 : 1;
    }
    for (const auto& u : list) ok = check_content(repo.get(), u, messages) && ok;
    return ok ? 0 : 1;
}

int run_post_receive(const PushContext& context, std::ostream& messages) {
    if (context.kind != RepoKind::Ledger || context.space.empty()) return 0;
    const StateDir state(context.state_dir);
    ReceiptLog log(state.database());
    const auto key = load_server_key(state);
    for (const auto& r : issue_missing_receipts(state, context.space, log, key)) {
        messages << "lectern: receipt " << r.seq << " for record " << r.record_id << " (commit "
                 << r.commit.substr(0, 12) << ") at " << r.server_time;
        for (const auto& f : r.flags) messages << " [" << f << "]";
        messages << '\n';
    }
    return 0;
}

}  // namespace lectern::server
