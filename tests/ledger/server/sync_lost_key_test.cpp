// `lectern sync` on a device whose signing key file is gone while records wait to be sent:
// that space's ledger step fails saying what to do, every space's content still syncs, the
// records stay queued, and they go up once the key file is restored.

#include <gtest/gtest.h>

#include "ledger/keys.hpp"
#include "ledger_world.hpp"
#include "sync/local_paths.hpp"

namespace lectern::test {
namespace {

namespace fs = std::filesystem;

TEST(Ledger_Cli, SyncWithTheKeyFileLostSyncsEverySpaceAndSaysWhatToDo) {
    LedgerWorld w = make_ledger_world("lostkey");
    const TestSpace other = create_space("lostkey-other");
    const fs::path wc = trainer_clone(other);
    write_small_space(wc);
    commit_and_push(other, wc, "First version");
    add_to_space(w.space.agent, other, server::Role::Agent);

    enroll_in_process(w);
    const std::string id = sign_in_process(w);
    const fs::path key = ledger::key_file(ledger::keys_dir(), w.config.user, w.config.device);
    const std::string key_bytes = read_file(key);
    fs::remove(key);

    // The space with the queued record first: its failure must not stop the next one.
    auto r = lectern("sync " + w.space.name + " " + other.name + " --no-lfs -q");
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find(w.space.name + ": ledger records not sent"), std::string::npos)
        << r.output;
    EXPECT_NE(r.output.find("is missing and 1 signed record(s) wait to be sent"), std::string::npos)
        << r.output;
    EXPECT_NE(r.output.find("Restore the key file"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("lectern enroll"), std::string::npos) << r.output;
    EXPECT_TRUE(fs::exists(sync::space_paths(other.name).content / "lectern.yaml")) << r.output;
    EXPECT_EQ(server_copies(w, id), 0);
    r = lectern("status " + w.space.name);
    EXPECT_NE(r.output.find("1 records waiting to be pushed"), std::string::npos) << r.output;

    write_file(key, key_bytes);
    fs::permissions(key, fs::perms::owner_read | fs::perms::owner_write);
    r = lectern("sync " + w.space.name + " --no-lfs -q");
    EXPECT_EQ(r.exit_code, 0) << r.output;
    EXPECT_EQ(server_copies(w, id), 1);
    EXPECT_EQ(server_receipts(w, id), 1);
}

}  // namespace
}  // namespace lectern::test
