#include "audit_fixture.hpp"

#include <git2.h>
#include <gtest/gtest.h>

#include <fstream>

#include "common/git_handles.hpp"
#include "common/libgit2.hpp"

namespace lectern::test {

namespace fs = std::filesystem;

namespace {

std::string hex_of(const git_oid* oid) {
    char hex[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(hex, sizeof hex, oid);
    return hex;
}

void take(ledger::AuditBundle& b, git_odb* odb, const git_oid* id) {
    git_odb_object* raw = nullptr;
    ASSERT_EQ(git_odb_read(&raw, odb, id), 0);
    b.objects[hex_of(id)] = {
        git_object_type2string(git_odb_object_type(raw)),
        std::string(static_cast<const char*>(git_odb_object_data(raw)), git_odb_object_size(raw))};
    git_odb_object_free(raw);
}

/// The smallest document of the sample content: a small bundle to flip byte by byte.
DocumentVersion small_script(const TestServer& s) {
    return current_version(s, "scripts/closing-the-call.md", "closing-the-call",
                           "Closing the call");
}

}  // namespace

const AuditLedger& audit_ledger() {
    static const AuditLedger ledger = [] {
        auto& s = server_with_content();
        AuditLedger l;
        const Device agent = enrolled_device(s, "alpha-agent", "audit-1");
        const fs::path clone = new_ledger_clone(s);
        for (int i = 0; i < 2; ++i) {
            l.agent_records.push_back(signed_record(agent, small_script(s)));
            commit_record(s, clone, l.agent_records.back());
        }
        auto r = push_ledger(s, clone, "alpha-agent", "alpha-agent", "audit-1");
        EXPECT_EQ(r.exit_code, 0) << r.output;
        const Device trainer = enrolled_device(s, "alpha-trainer", "audit-2");
        const fs::path other = new_ledger_clone(s);
        l.trainer_record = signed_record(trainer, small_script(s));
        commit_record(s, other, l.trainer_record);
        r = push_ledger(s, other, "alpha-trainer", "alpha-trainer", "audit-2");
        EXPECT_EQ(r.exit_code, 0) << r.output;
        return l;
    }();
    return ledger;
}

CommandResult lectern(const std::string& args) {
    return TestServer::sh(std::string(LECTERN_CLI_BIN) + " " + args);
}

fs::path export_bundle(const std::string& name, const std::string& extra) {
    auto& s = server_with_content();
    audit_ledger();
    const fs::path dir = s.fresh_dir("audit");
    const fs::path token = dir / "token";
    std::ofstream(token) << s.account("alpha-auditor").token << '\n';
    const fs::path out = dir / name;
    const auto r = lectern("audit export --server " + s.url() +
                           " --space alpha --user alpha-auditor --token-fd 3 --out '" +
                           out.string() + "' " + extra + " 3<'" + token.string() + "'");
    EXPECT_EQ(r.exit_code, 0) << r.output;
    return out;
}

void put_branch(ledger::AuditBundle& bundle, const std::string& bundle_ref,
                const std::vector<ledger::Record>& records) {
    auto& s = TestServer::get();
    const fs::path clone = new_ledger_clone(s);
    for (const auto& r : records) commit_record(s, clone, r);
    ensure_libgit2();
    git_repository* raw = nullptr;
    ASSERT_EQ(git_repository_open(&raw, clone.c_str()), 0);
    git::RepositoryPtr repo(raw);
    git_odb* raw_odb = nullptr;
    ASSERT_EQ(git_repository_odb(&raw_odb, repo.get()), 0);
    git::OdbPtr odb(raw_odb);
    git_oid head;
    ASSERT_EQ(git_reference_name_to_id(&head, repo.get(), "HEAD"), 0);
    bundle.branches[bundle_ref] = hex_of(&head);
    git_oid at = head;
    for (;;) {
        git_commit* raw_commit = nullptr;
        ASSERT_EQ(git_commit_lookup(&raw_commit, repo.get(), &at), 0);
        git::CommitPtr commit(raw_commit);
        take(bundle, odb.get(), &at);
        git_tree* raw_tree = nullptr;
        ASSERT_EQ(git_commit_tree(&raw_tree, commit.get()), 0);
        git::TreePtr tree(raw_tree);
        take(bundle, odb.get(), git_tree_id(tree.get()));
        const git_tree_entry* dir = git_tree_entry_byname(tree.get(), "records");
        take(bundle, odb.get(), git_tree_entry_id(dir));
        git_tree* raw_records = nullptr;
        ASSERT_EQ(git_tree_lookup(&raw_records, repo.get(), git_tree_entry_id(dir)), 0);
        git::TreePtr records_tree(raw_records);
        for (std::size_t i = 0; i < git_tree_entrycount(records_tree.get()); ++i)
            take(bundle, odb.get(),
                 git_tree_entry_id(git_tree_entry_byindex(records_tree.get(), i)));
        if (git_commit_parentcount(commit.get()) == 0) break;
        at = *git_commit_parent_id(commit.get(), 0);
    }
}

}  // namespace lectern::test
