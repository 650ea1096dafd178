#include "sync/space_sync.hpp"

#include <git2.h>

#include <cstdio>

#include "common/error.hpp"
#include "common/git_handles.hpp"
#include "common/libgit2.hpp"
#include "common/log.hpp"
#include "search/index_writer.hpp"
#include "sync/file_ops.hpp"
#include "sync/lfs.hpp"
#include "sync/local_paths.hpp"
#include "sync/set_aside.hpp"
#include "sync/space_lock.hpp"
#include "sync/sync_state.hpp"
#include "sync/tree_safety.hpp"
#include "sync/working_tree.hpp"

namespace lectern::sync {

namespace fs = std::filesystem;

namespace {

// The fetched repository, created when missing and re-created when an interrupted creation
// left something libgit2 cannot open (what it held is fetched again).
void ensure_repository(const fs::path& path) {
    ensure_libgit2();
    git_repository* raw = nullptr;
    if (git_repository_open_bare(&raw, path.c_str()) == 0) {
        git::RepositoryPtr owned(raw);
        return;
    }
    files::remove_tree_quietly(path);
    if (git_repository_init(&raw, path.c_str(), 1) != 0)
        throw libgit2_error("creating the local repository " + path.string());
    git::RepositoryPtr owned(raw);
}

// The commit the remote's default branch points at after the fetch, or empty.
std::string fetched_commit(const fs::path& repository, const std::string& default_branch) {
    const std::string branch =
        default_branch.rfind("refs/heads/", 0) == 0 ? default_branch.substr(11) : "main";
    git_repository* raw = nullptr;
    if (git_repository_open_bare(&raw, repository.c_str()) != 0)
        throw libgit2_error("opening " + repository.string());
    git::RepositoryPtr repo(raw);
    git_oid oid;
    const std::string ref = "refs/remotes/origin/" + branch;
    const int rc = git_reference_name_to_id(&oid, repo.get(), ref.c_str());
    if (rc == GIT_ENOTFOUND) return {};
    if (rc != 0) throw libgit2_error("reading " + ref);
    char hex[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(hex, sizeof hex, &oid);
    return hex;
}

void merge_set_aside(std::optional<SetAsideEdits>& into, std::optional<SetAsideEdits> more) {
    if (!more) return;
    if (!into) {
        into = std::move(more);
        return;
    }
    into->files.insert(into->files.end(), more->files.begin(), more->files.end());
    into->deleted.insert(into->deleted.end(), more->deleted.begin(), more->deleted.end());
}

// Brings the spare tree to `commit`. The spare is marked while it is being written, so a
// sync killed half-way knows at its next start that the half-written files are its own.
WorkingTree prepare_spare(const SpacePaths& paths, const std::string& commit,
                          std::optional<SetAsideEdits>& set_aside, const Progress& progress) {
    auto spare = WorkingTree::open(paths.next);
    if (spare && !spare->is_marked_spare()) {
        // Complete but not marked: a sync stopped between unmarking and swapping, or an
        // older layout. Whatever differs from its commit is someone's edit: keep it.
        merge_set_aside(set_aside, set_aside_edits(*spare, spare->local_edits(), paths.set_aside));
    }
    if (!spare) spare = WorkingTree::create(paths.next, paths.repository);
    spare->mark_spare(true);
    try {
        spare->check_out(commit, progress);
    } catch (const Error& e) {
        // A spare whose creation a kill interrupted (its alternates not yet written) cannot
        // read the commit: it holds nothing of value, start it again.
        log::warning(log::kSync, std::string("rebuilding the spare tree: ") + e.what());
        spare = WorkingTree::create(paths.next, paths.repository);
        spare->mark_spare(true);
        spare->check_out(commit, progress);
    }
    if (!spare->local_edits().empty()) {
        // The checkout could not repair what it found: start from an empty folder.
        log::warning(log::kSync, "rebuilding " + paths.next.string() + " from scratch");
        spare = WorkingTree::create(paths.next, paths.repository);
        spare->mark_spare(true);
        spare->check_out(commit, progress);
    }
    return std::move(*spare);
}

SyncReport fail(SyncReport report, TransferFailure failure, SyncState& state,
                const SpacePaths& paths) {
    log::warning(log::kSync, failure.message);
    state.failure_reason = to_string(failure.reason);
    state.failure_message = failure.message;
    write_sync_state(paths.state_file, state);
    report.failure = std::move(failure);
    report.new_commit = report.old_commit;
    return report;
}

}  // namespace

SyncReport sync_space(const SyncOptions& options) {
    const SpacePaths paths = space_paths(options.space);
    files::create_private_folders(paths.root);
    SpaceLock lock(paths.root);
    if (files::recover_swap(paths.content))
        log::info(log::kSync, "restored " + paths.content.string() + " after an interrupted swap");
    for (const std::string& stale :
         remove_stale_git_locks({paths.repository, paths.content / ".git", paths.next / ".git"}))
        log::info(log::kSync, "removed " + stale + ", left by a sync that was stopped");

    SyncState state = read_sync_state(paths.state_file).value_or(SyncState{});
    state.server = options.server;
    state.last_attempt = files::utc_now_rfc3339();

    SyncReport report;
    report.space = options.space;
    auto live = WorkingTree::open(paths.content);
    report.old_commit = live ? live->head_commit() : "";

    ensure_repository(paths.repository);
    const std::string url = options.server + "/" + options.space + "/content.git";
    FetchResult fetched = fetch(paths.repository, {url, options.credentials, {}, options.progress});
    if (!fetched.ok()) return fail(std::move(report), *fetched.failure, state, paths);
    report.received_objects = fetched.received_objects;
    report.received_bytes = fetched.received_bytes;

    const std::string target = fetched_commit(paths.repository, fetched.default_branch);
    if (target.empty()) {
        return fail(std::move(report),
                    {TransferFailureReason::NotFound,
                     "the content of " + options.space + " at " + url +
                         " has no commits yet; ask a trainer to publish it"},
                    state, paths);
    }
    if (const auto unsafe = unsafe_entries(paths.repository, target); !unsafe.empty()) {
        std::string list;
        for (const auto& u : unsafe) list += "\n  " + u;
        return fail(
            std::move(report),
            {TransferFailureReason::UnsafeContent,
             "refused commit " + target.substr(0, 12) + " of " + options.space + " from " + url +
                 ": it holds entries that could write outside the space folder "
                 "or into its git data; nothing of it was written, the local copy "
                 "stays as it was. Ask the trainers to remove:" +
                 list},
            state, paths);
    }

    const std::vector<LocalEdit> edits = live ? live->local_edits() : std::vector<LocalEdit>{};
    if (!live || report.old_commit != target || !edits.empty()) {
        if (live) report.set_aside = set_aside_edits(*live, edits, paths.set_aside);
        if (options.progress.cancelled())
            return fail(std::move(report),
                        {TransferFailureReason::Cancelled,
                         "the sync of " + options.space + " was cancelled"},
                        state, paths);
        WorkingTree spare = prepare_spare(paths, target, report.set_aside, options.progress);
        if (options.progress.cancelled())
            return fail(std::move(report),
                        {TransferFailureReason::Cancelled,
                         "the sync of " + options.space + " was cancelled"},
                        state, paths);
        spare.mark_spare(false);
        if (live) {
            files::exchange_folders(paths.content, paths.next);
            if (auto old = WorkingTree::open(paths.next)) old->mark_spare(true);
        } else {
            // First sync: the tree appears under its name in one rename, complete.
            if (std::rename(paths.next.c_str(), paths.content.c_str()) != 0)
                throw Error(ErrorKind::Io,
                            "cannot move " + paths.next.string() + " to " + paths.content.string());
            files::sync_folder(paths.root);
        }
    }
    report.new_commit = target;
    state.commit = target;
    state.last_success = state.last_attempt;
    state.failure_reason.clear();
    state.failure_message.clear();
    write_sync_state(paths.state_file, state);
    if (report.set_aside) {
        log::warning(
            log::kSync,
            "local edits of " +
                std::to_string(report.set_aside->files.size() + report.set_aside->deleted.size()) +
                " files were set aside in " + report.set_aside->folder.string());
    }

    report.changes = content_changes(paths.repository, report.old_commit, target);
    if (options.update_index) {
        try {
            search::UpdateOptions update;
            update.include_uncommitted = false;
            update.progress.cancel = options.progress.cancel;
            const auto indexed = search::update_index({paths.content, options.index_dir}, update);
            report.index_note =
                indexed.cancelled
                    ? "the search index update was cancelled; it is brought up to date "
                      "when the space is opened or synced next"
                    : indexed.rebuild_reason;
        } catch (const Error& e) {
            // The content is synced; only the index lags, and the next search rebuilds it.
            report.index_note = std::string("the search index was not updated: ") + e.what();
            log::warning(log::kSync, report.index_note);
        }
    }
    if (options.prefetch_lfs) {
        // The videos of the onboarding path, so the agent can watch them offline. A failure
        // here leaves the sync done: the lesson view fetches on demand later.
        const auto pointers = onboarding_lfs_pointers(paths.content);
        const auto lfs = fetch_lfs_objects(
            {options.server, options.space, options.credentials, options.progress}, pointers);
        report.lfs_downloaded = lfs.downloaded;
        report.lfs_bytes = lfs.bytes;
        if (lfs.failure) report.lfs_problems.push_back(lfs.failure->message);
        for (const auto& p : lfs.problems) report.lfs_problems.push_back(p.message);
    }
    return report;
}

}  // namespace lectern::sync
