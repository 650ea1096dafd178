// The ledger commands as an agent types them, with the real `lectern` binary and server:
// enroll, sign (refused before enrolling and with a wrong passphrase), status showing the
// offline queue, sync sending the records and fetching receipts, signoffs and diff after a
// substantive change.

#include <gtest/gtest.h>

#include "ledger/keys.hpp"
#include "ledger_world.hpp"

namespace lectern::test {
namespace {

namespace fs = std::filesystem;

CommandResult lectern_with(const std::string& args, const fs::path& input = {}) {
    return TestServer::sh(
        quote(LECTERN_CLI_BIN) + " " + args +
        (input.empty() ? std::string(" </dev/null") : " <" + quote(input.string())));
}

TEST(Ledger_Cli, EnrollSignQueueOfflineSyncAndSeeWhatChanged) {
    LedgerWorld w = make_ledger_world("cli");
    const fs::path right = w.home / "right", wrong = w.home / "wrong";
    write_file(right, std::string(kPassphrase) + "\n");
    write_file(wrong, "not the passphrase\n");
    const std::string space = " --space " + w.space.name;

    auto r = lectern_with("sign screen-lock" + space + " --passphrase-fd 0", right);
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find("lectern enroll"), std::string::npos) << r.output;

    r = lectern_with("enroll --passphrase-fd 0", right);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("enrolled"), std::string::npos) << r.output;
    r = lectern_with("enroll");  // again: nothing asked, nothing changed
    EXPECT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("already enrolled"), std::string::npos) << r.output;

    // A passphrase is never a command-line argument (every user of the machine could read it):
    // there is no option that takes one.
    for (const std::string& command : {"sign screen-lock" + space, std::string("enroll")}) {
        r = lectern_with(command + " --passphrase " + quote(kPassphrase));
        EXPECT_EQ(r.exit_code, 2) << r.output;
        EXPECT_NE(r.output.find("--passphrase"), std::string::npos) << r.output;
        EXPECT_EQ(r.output.find("signed screen-lock"), std::string::npos) << r.output;
    }

    r = lectern_with("sign power-cut" + space + " --passphrase-fd 0", wrong);
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find("nothing was signed"), std::string::npos) << r.output;
    r = lectern_with("sign screen-lock" + space + " --passphrase-fd 0", right);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("Press Win+L"), std::string::npos) << r.output;  // the text shown
    EXPECT_NE(r.output.find("signed screen-lock version"), std::string::npos) << r.output;

    // Queued offline: status says so without asking the server.
    r = lectern_with("status " + w.space.name);
    EXPECT_NE(r.output.find("1 records waiting to be pushed"), std::string::npos) << r.output;

    r = lectern_with("sync " + w.space.name + " --no-lfs");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("1 record(s) sent, 1 receipt(s) received"), std::string::npos)
        << r.output;
    r = lectern_with("status " + w.space.name);
    EXPECT_NE(r.output.find("0 records waiting to be pushed"), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("without the server's receipt yet"), std::string::npos) << r.output;

    // The trainer changes the procedure for real: the sign-off no longer covers it.
    const fs::path wc = trainer_clone(w.space);
    write_file(wc / "procedures" / "screen-lock.md",
               procedure("screen-lock", "Screen lock", "Press Win+L every time you stand up."));
    commit_and_push(w.space, wc, "Stricter screen lock");
    r = lectern_with("sync " + w.space.name + " --no-lfs -q");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    r = lectern_with("signoffs --status needs-resign" + space);
    EXPECT_NE(r.output.find("screen-lock"), std::string::npos) << r.output;
    r = lectern_with("diff screen-lock --since-signed" + space);
    EXPECT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("substantive Stricter screen lock"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("[-when you leave the desk-]{+every time you stand up+}"),
              std::string::npos)
        << r.output;

    r = lectern_with("report --format csv" + space);
    EXPECT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find(w.config.user + ",screen-lock,"), std::string::npos) << r.output;
    become(w, w.supervisor);
    const fs::path pdf = w.home / "report.pdf";
    r = lectern_with("report --format pdf --out " + quote(pdf.string()) + space);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_EQ(read_file(pdf).rfind("%PDF-1.4", 0), 0u);
    r = TestServer::sh("pdftotext " + quote(pdf.string()) + " -");
    EXPECT_NE(r.output.find(w.space.agent.user), std::string::npos) << r.output;
}

TEST(Ledger_Cli, RecordsOfARevokedKeyAreSetAsideAndSignedAgain) {
    LedgerWorld w = make_ledger_world("cli-revoked");
    const fs::path right = w.home / "right";
    write_file(right, std::string(kPassphrase) + "\n");
    const std::string space = " --space " + w.space.name;
    ASSERT_EQ(lectern_with("enroll --passphrase-fd 0", right).exit_code, 0);
    auto r = lectern_with("sign screen-lock" + space + " --passphrase-fd 0", right);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    // An admin revokes the device key before the record reaches the server.
    r = TestServer::sh(quote(LECTERN_SERVER_BIN) + " --state " +
                       quote(TestServer::get().state_dir().string()) + " key revoke " +
                       w.config.user + " " + w.config.device);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    r = lectern_with("sync " + w.space.name + " --no-lfs -q");
    EXPECT_EQ(r.exit_code, 1) << r.output;
    EXPECT_NE(r.output.find("1 record(s) were signed with the key of device " + w.config.device +
                            ", which the server revoked"),
              std::string::npos)
        << r.output;
    EXPECT_NE(r.output.find("sign these documents again: screen-lock"), std::string::npos)
        << r.output;
    // Kept, listed, no longer sent; the document is unsigned again.
    r = lectern_with("status " + w.space.name);
    EXPECT_NE(r.output.find("0 records waiting to be pushed"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("1 records set aside"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("    screen-lock  record "), std::string::npos) << r.output;
    r = lectern_with("signoffs" + space);
    EXPECT_NE(r.output.find("unsigned  screen-lock"), std::string::npos) << r.output;
    r = lectern_with("sync " + w.space.name + " --no-lfs -q");
    EXPECT_EQ(r.exit_code, 0) << r.output;  // nothing retried

    // Enroll again (a new key; the revoked one kept), sign again, sync: accepted and receipted.
    r = lectern_with("enroll --passphrase-fd 0", right);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("the server revoked this device's key"), std::string::npos) << r.output;
    EXPECT_TRUE(
        fs::exists(ledger::key_file(ledger::keys_dir(), w.config.user, w.config.device).string() +
                   ".revoked"));
    r = lectern_with("sign screen-lock" + space + " --passphrase-fd 0", right);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    r = lectern_with("sync " + w.space.name + " --no-lfs");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("1 record(s) sent, 1 receipt(s) received"), std::string::npos)
        << r.output;
    r = lectern_with("signoffs" + space);
    EXPECT_NE(r.output.find("signed  screen-lock"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("receipt valid"), std::string::npos) << r.output;
    r = lectern_with("status " + w.space.name);
    EXPECT_NE(r.output.find("1 records set aside"), std::string::npos) << r.output;
    EXPECT_EQ(server_records(w).size(), 1u);
}

}  // namespace
}  // namespace lectern::test
