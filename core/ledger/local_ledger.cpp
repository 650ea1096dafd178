#include "ledger/local_ledger.hpp"

#include <git2.h>

#include <algorithm>

#include "common/error.hpp"
#include "common/git_handles.hpp"
#include "common/libgit2.hpp"
#include "common/log.hpp"
#include "ledger/durable_files.hpp"
#include "ledger/layout.hpp"
#include "ledger/ledger_lock.hpp"
#include "sync/local_paths.hpp"

namespace lectern::ledger {

namespace {

namespace fs = std::filesystem;

std::string oid_hex(const git_oid& oid) {
    char hex[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(hex, sizeof hex, &oid);
    return hex;
}

void check(int rc, std::string_view doing) {
    if (rc < 0) throw libgit2_error(doing);
}

// The loose object file of `oid` in a bare repository.
fs::path object_file(const fs::path& git_dir, const git_oid& oid) {
    const std::string hex = oid_hex(oid);
    return git_dir / "objects" / hex.substr(0, 2) / hex.substr(2);
}

// Flushes a loose object and the folders that name it. An object that was already in the
// repository (the same blob or tree written before) may be packed: then there is no loose
// file, and the pack was flushed when it was written.
void sync_object(const fs::path& git_dir, const git_oid& oid) {
    const fs::path file = object_file(git_dir, oid);
    if (!fs::exists(file)) return;
    durable::sync_path(file);
    durable::sync_path(file.parent_path());
    durable::sync_path(git_dir / "objects");
}

// Flushes a loose ref file and every folder from its own up to the repository. A deleted ref
// (and the folders git removed with it) has only its remaining folders flushed.
void sync_ref(const fs::path& git_dir, const std::string& ref) {
    fs::path file = git_dir / ref;
    if (fs::exists(file)) durable::sync_path(file);
    for (fs::path folder = file.parent_path(); folder != git_dir.parent_path();
         folder = folder.parent_path()) {
        if (fs::exists(folder)) durable::sync_path(folder);
        if (folder == git_dir) break;
    }
}

git::TreePtr subtree(git_repository* repo, const git_tree* tree, const char* name) {
    if (!tree) return nullptr;
    const git_tree_entry* entry = git_tree_entry_byname(tree, name);  // borrowed
    if (!entry || git_tree_entry_type(entry) != GIT_OBJECT_TREE) return nullptr;
    git_tree* raw = nullptr;
    check(git_tree_lookup(&raw, repo, git_tree_entry_id(entry)), "reading the ledger's records");
    return git::TreePtr(raw);
}

Error bad_commit(const git_oid& commit, const std::string& ref, const std::string& why) {
    return Error(ErrorKind::InvalidContent,
                 "ledger commit " + oid_hex(commit) + " on " + ref + " " + why +
                     "; the ledger clone is damaged: move it away and sync again");
}

}  // namespace

fs::path local_ledger_dir(std::string_view space) {
    return sync::space_paths(space).ledger;
}

struct LocalLedger::Impl {
    git::RepositoryPtr repo;
};

LocalLedger::LocalLedger(fs::path folder, std::unique_ptr<Impl> impl)
    : folder_(std::move(folder)), impl_(std::move(impl)) {}
LocalLedger::LocalLedger(LocalLedger&&) noexcept = default;
LocalLedger& LocalLedger::operator=(LocalLedger&&) noexcept = default;
LocalLedger::~LocalLedger() = default;

std::optional<LocalLedger> LocalLedger::open(const fs::path& folder) {
    ensure_libgit2();
    if (!fs::exists(folder / "HEAD")) return std::nullopt;
    git_repository* raw = nullptr;
    if (git_repository_open_ext(&raw, folder.c_str(),
                                GIT_REPOSITORY_OPEN_NO_SEARCH | GIT_REPOSITORY_OPEN_BARE,
                                nullptr) < 0)
        throw libgit2_error("opening the ledger clone " + folder.string());
    auto impl = std::make_unique<Impl>();
    impl->repo.reset(raw);
    return LocalLedger(folder, std::move(impl));
}

LocalLedger LocalLedger::open_or_create(const fs::path& folder) {
    if (auto existing = open(folder)) return std::move(*existing);
    durable::create_private_folders(folder.parent_path());
    git_repository* raw = nullptr;
    if (git_repository_init(&raw, folder.c_str(), /*is_bare=*/1) < 0)
        throw libgit2_error("creating the ledger clone " + folder.string());
    git_repository_free(raw);
    log::info(log::kLedger, "created the ledger clone " + folder.string());
    return std::move(*open(folder));
}

namespace {

// Writes the commit that adds `record` on top of `parent` (null: the branch's first) and
// flushes its objects to disk; no ref moves. Throws Error(InvalidArgument) when the record is
// on `branch` already.
git_oid write_record_commit(git_repository* repo, const git_commit* parent, const Record& record,
                            const std::string& branch) {
    const fs::path git_dir = git_repository_path(repo);
    const std::string file_name = record.id + ".json";
    git::TreePtr parent_tree;
    if (parent) {
        git_tree* raw = nullptr;
        check(git_commit_tree(&raw, parent), "reading the ledger branch " + branch);
        parent_tree.reset(raw);
    }
    const git::TreePtr records = subtree(repo, parent_tree.get(), "records");
    if (records && git_tree_entry_byname(records.get(), file_name.c_str()))
        throw Error(ErrorKind::InvalidArgument,
                    "record " + record.id + " is already in the ledger on " + branch);

    const std::string text = record_file_text(record);
    git_oid blob_id;
    check(git_blob_create_from_buffer(&blob_id, repo, text.data(), text.size()),
          "storing the record");

    git_treebuilder* raw_builder = nullptr;
    check(git_treebuilder_new(&raw_builder, repo, records.get()), "building the ledger tree");
    git::TreeBuilderPtr records_builder(raw_builder);
    check(git_treebuilder_insert(nullptr, records_builder.get(), file_name.c_str(), &blob_id,
                                 GIT_FILEMODE_BLOB),
          "building the ledger tree");
    git_oid records_id;
    check(git_treebuilder_write(&records_id, records_builder.get()), "building the ledger tree");

    check(git_treebuilder_new(&raw_builder, repo, parent_tree.get()), "building the ledger tree");
    git::TreeBuilderPtr root_builder(raw_builder);
    check(git_treebuilder_insert(nullptr, root_builder.get(), "records", &records_id,
                                 GIT_FILEMODE_TREE),
          "building the ledger tree");
    git_oid root_id;
    check(git_treebuilder_write(&root_id, root_builder.get()), "building the ledger tree");
    git_tree* raw_root = nullptr;
    check(git_tree_lookup(&raw_root, repo, &root_id), "building the ledger tree");
    const git::TreePtr root(raw_root);

    git_signature* raw_signature = nullptr;
    check(git_signature_now(&raw_signature, record.agent.c_str(),
                            (record.agent + "@" + record.device).c_str()),
          "naming the ledger commit's author");
    const git::SignaturePtr author(raw_signature);
    const std::string message = record.kind + " " + record.document_id + " " +
                                record.blob_id.substr(0, 12) + "\n\nLectern-Record: " + record.id +
                                "\n";
    const git_commit* parents[] = {parent};
    git_oid commit_id;
    check(git_commit_create(&commit_id, repo, nullptr, author.get(), author.get(), "UTF-8",
                            message.c_str(), root.get(), parent ? 1 : 0, parents),
          "storing the ledger commit");

    // Objects first, then the branch: after a crash the branch never names a missing object.
    for (const git_oid* id : {&blob_id, &records_id, &root_id, &commit_id})
        sync_object(git_dir, *id);
    return commit_id;
}

// refs/heads/agents/<user>/<device> → refs/set-aside/agents/<user>/<device>/
std::string set_aside_prefix(const std::string& branch) {
    const std::string heads = "refs/heads/";
    return "refs/set-aside/" + branch.substr(branch.rfind(heads, 0) == 0 ? heads.size() : 0) + "/";
}

git::CommitPtr lookup_commit(git_repository* repo, const std::string& hex,
                             const std::string& what) {
    git_oid id;
    check(git_oid_fromstr(&id, hex.c_str()), "reading a commit id");
    git_commit* raw = nullptr;
    check(git_commit_lookup(&raw, repo, &id), what);
    return git::CommitPtr(raw);
}

}  // namespace

std::string LocalLedger::append(const Record& record) {
    if (record.signature.empty())
        throw Error(ErrorKind::InvalidArgument, "only a signed record can enter the ledger");
    git_repository* repo = impl_->repo.get();
    const fs::path git_dir = git_repository_path(repo);
    const std::string branch = agent_branch(record.agent, record.device);
    const LedgerLock lock(folder_);
    remove_stale_ref_lock(git_dir, branch);

    git::CommitPtr parent;
    git_oid parent_id;
    if (git_reference_name_to_id(&parent_id, repo, branch.c_str()) == 0) {
        git_commit* raw = nullptr;
        check(git_commit_lookup(&raw, repo, &parent_id), "reading the ledger branch " + branch);
        parent.reset(raw);
    }
    const git_oid commit_id = write_record_commit(repo, parent.get(), record, branch);

    git_reference* raw_ref = nullptr;
    const std::string reflog = "lectern: " + record.kind + " " + record.id;
    const int rc = parent ? git_reference_create_matching(&raw_ref, repo, branch.c_str(),
                                                          &commit_id, 1, &parent_id, reflog.c_str())
                          : git_reference_create(&raw_ref, repo, branch.c_str(), &commit_id, 0,
                                                 reflog.c_str());
    if (rc == GIT_EMODIFIED || rc == GIT_EEXISTS)
        throw Error(ErrorKind::Io, "another record was saved on " + branch +
                                       " at the same moment; nothing was signed, sign again");
    check(rc, "moving the ledger branch " + branch);
    git_reference_free(raw_ref);
    sync_ref(git_dir, branch);
    log::info(log::kLedger, "appended record " + record.id + " as " + oid_hex(commit_id));
    return oid_hex(commit_id);
}

std::size_t LocalLedger::set_aside(const std::string& branch, const std::string& accepted,
                                   const std::set<std::string>& ids) {
    git_repository* repo = impl_->repo.get();
    const fs::path git_dir = git_repository_path(repo);
    const LedgerLock lock(folder_);
    remove_stale_ref_lock(git_dir, branch);
    const std::vector<StoredRecord> records = records_on(branch);
    std::size_t first_waiting = 0;
    if (!accepted.empty()) {
        while (first_waiting < records.size() && records[first_waiting].commit != accepted)
            ++first_waiting;
        if (first_waiting == records.size())
            throw Error(ErrorKind::InvalidArgument,
                        "commit " + accepted + " is not on the ledger branch " + branch);
        ++first_waiting;
    }
    // 1. A ref for each record set aside, at the commit that added it: kept for good.
    std::size_t moved = 0;
    for (std::size_t i = first_waiting; i < records.size(); ++i) {
        if (!ids.count(records[i].record.id)) continue;
        const std::string ref = set_aside_prefix(branch) + records[i].record.id;
        set_ref_locked(ref, records[i].commit);
        sync_ref(git_dir, ref);
        ++moved;
    }
    if (moved == 0) return 0;
    // 2. The records that stay, appended again after `accepted` (same record files, new
    // commits), their objects flushed before the branch moves.
    git::CommitPtr parent;
    if (!accepted.empty()) parent = lookup_commit(repo, accepted, "reading the ledger branch");
    for (std::size_t i = first_waiting; i < records.size(); ++i) {
        if (ids.count(records[i].record.id)) continue;
        const git_oid id = write_record_commit(repo, parent.get(), records[i].record, branch);
        parent = lookup_commit(repo, oid_hex(id), "reading the ledger branch");
    }
    // 3. The branch moves once, from the tip read above: a crash before leaves it whole.
    const std::string old_tip = records.empty() ? std::string() : records.back().commit;
    if (parent) {
        git_oid old_id;
        check(git_oid_fromstr(&old_id, old_tip.c_str()), "reading a commit id");
        git_reference* raw_ref = nullptr;
        const int rc = git_reference_create_matching(&raw_ref, repo, branch.c_str(),
                                                     git_commit_id(parent.get()), 1, &old_id,
                                                     "lectern: records set aside");
        if (rc == GIT_EMODIFIED)
            throw Error(ErrorKind::Io,
                        "a record was signed on " + branch + " at the same moment; sync again");
        check(rc, "moving the ledger branch " + branch);
        git_reference_free(raw_ref);
    } else {
        git_reference* raw_ref = nullptr;
        check(git_reference_lookup(&raw_ref, repo, branch.c_str()), "reading " + branch);
        const git::ReferencePtr ref(raw_ref);
        check(git_reference_delete(ref.get()), "removing the ledger branch " + branch);
    }
    sync_ref(git_dir, branch);
    log::info(log::kLedger, std::to_string(moved) + " records set aside from " + branch);
    return moved;
}

std::vector<StoredRecord> LocalLedger::records_set_aside(std::string_view user) const {
    std::vector<StoredRecord> out;
    for (const std::string& ref : refs_under("refs/set-aside/agents/" + std::string(user) + "/")) {
        auto records = records_on(ref);
        if (records.empty()) continue;
        out.push_back(std::move(records.back()));
        out.back().ref = ref;
    }
    return out;
}

std::string LocalLedger::tip(const std::string& ref) const {
    git_oid id;
    if (git_reference_name_to_id(&id, impl_->repo.get(), ref.c_str()) != 0) return {};
    return oid_hex(id);
}

void LocalLedger::set_ref(const std::string& ref, const std::string& commit) {
    const LedgerLock lock(folder_);
    set_ref_locked(ref, commit);
}

void LocalLedger::set_ref_locked(const std::string& ref, const std::string& commit) {
    remove_stale_ref_lock(git_repository_path(impl_->repo.get()), ref);
    git_oid id;
    check(git_oid_fromstr(&id, commit.c_str()), "reading a commit id");
    git_reference* raw = nullptr;
    check(git_reference_create(&raw, impl_->repo.get(), ref.c_str(), &id, 1, "lectern: pushed"),
          "moving " + ref);
    git_reference_free(raw);
}

std::vector<std::string> LocalLedger::refs_under(std::string_view prefix) const {
    git_strarray names{};
    check(git_reference_list(&names, impl_->repo.get()), "listing the ledger's branches");
    std::vector<std::string> out;
    for (std::size_t i = 0; i < names.count; ++i) {
        const std::string name = names.strings[i];
        if (name.rfind(prefix, 0) == 0) out.push_back(name);
    }
    git_strarray_dispose(&names);
    return out;
}

std::vector<StoredRecord> LocalLedger::records_on(const std::string& ref) const {
    git_repository* repo = impl_->repo.get();
    git_oid tip_id;
    if (git_reference_name_to_id(&tip_id, repo, ref.c_str()) != 0) return {};
    std::vector<StoredRecord> out;
    git_oid at = tip_id;
    for (;;) {
        git_commit* raw = nullptr;
        check(git_commit_lookup(&raw, repo, &at), "reading the ledger branch " + ref);
        const git::CommitPtr commit(raw);
        git_tree* raw_tree = nullptr;
        check(git_commit_tree(&raw_tree, commit.get()), "reading the ledger branch " + ref);
        const git::TreePtr tree(raw_tree);
        if (git_tree_entrycount(tree.get()) != 1 || !git_tree_entry_byname(tree.get(), "records"))
            throw bad_commit(at, ref, "has files outside records/");
        git::TreePtr parent_tree;
        const unsigned parents = git_commit_parentcount(commit.get());
        if (parents > 1) throw bad_commit(at, ref, "is a merge");
        if (parents == 1) {
            git_commit* raw_parent = nullptr;
            check(git_commit_parent(&raw_parent, commit.get(), 0), "reading the ledger");
            const git::CommitPtr parent(raw_parent);
            check(git_commit_tree(&raw_tree, parent.get()), "reading the ledger");
            parent_tree.reset(raw_tree);
        }
        const git::TreePtr before = subtree(repo, parent_tree.get(), "records");
        const git::TreePtr after = subtree(repo, tree.get(), "records");
        git_diff* raw_diff = nullptr;
        check(git_diff_tree_to_tree(&raw_diff, repo, before.get(), after.get(), nullptr),
              "reading the ledger");
        const git::DiffPtr diff(raw_diff);
        if (git_diff_num_deltas(diff.get()) != 1)
            throw bad_commit(at, ref, "does not add exactly one record");
        const git_diff_delta* delta = git_diff_get_delta(diff.get(), 0);  // borrowed
        if (delta->status != GIT_DELTA_ADDED) throw bad_commit(at, ref, "changes a record");
        git_blob* raw_blob = nullptr;
        check(git_blob_lookup(&raw_blob, repo, &delta->new_file.id), "reading a record");
        const git::BlobPtr blob(raw_blob);
        const std::string_view text(static_cast<const char*>(git_blob_rawcontent(blob.get())),
                                    static_cast<std::size_t>(git_blob_rawsize(blob.get())));
        const std::string path = std::string("records/") + delta->new_file.path;
        StoredRecord stored{parse_record(text, oid_hex(at) + ":" + path), oid_hex(at), ref};
        if (record_file_path(stored.record.id) != path)
            throw bad_commit(at, ref, "stores record " + stored.record.id + " as " + path);
        out.push_back(std::move(stored));
        if (parents == 0) break;
        at = *git_commit_parent_id(commit.get(), 0);
    }
    std::reverse(out.begin(), out.end());
    return out;
}

}  // namespace lectern::ledger
