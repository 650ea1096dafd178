// Stock git against the real server: who may clone, fetch and push, and what a refused push
// leaves behind.

#include <gtest/gtest.h>

#include <fstream>

#include "ledger_fixture.hpp"
#include "test_server.hpp"

namespace lectern::test {
namespace {

namespace fs = std::filesystem;

std::string remote_head(TestServer& s, const std::string& space) {
    return s
        .git("ls-remote " + s.repo_url(space) + " refs/heads/main", s.scratch(), space + "-admin")
        .output;
}

fs::path clone_as(TestServer& s, const std::string& who, const std::string& space = "alpha") {
    const fs::path work = s.fresh_dir("clone");
    const auto r = s.git("clone -q " + s.repo_url(space) + " wc", work, who);
    EXPECT_EQ(r.exit_code, 0) << r.output;
    return work / "wc";
}

TEST(Server_Git, AgentClonesAndFetchesContent) {
    auto& s = server_with_content();
    const fs::path wc = clone_as(s, "alpha-agent");
    EXPECT_TRUE(fs::exists(wc / "lectern.yaml"));
    const auto r = s.git("fetch -q origin", wc, "alpha-agent");
    EXPECT_EQ(r.exit_code, 0) << r.output;
}

TEST(Server_Git, TrainerPushOfValidContentIsAccepted) {
    auto& s = server_with_content();
    const fs::path wc = clone_as(s, "alpha-trainer");
    std::ofstream(wc / "synonyms.txt", std::ios::app) << "outage = blackout\n";
    auto r = s.sh("git commit -qam 'More synonyms'", wc);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    r = s.git("push -q origin HEAD:main", wc, "alpha-trainer");
    EXPECT_EQ(r.exit_code, 0) << r.output;
}

TEST(Server_Git, AgentPushToContentIsRefused) {
    auto& s = server_with_content();
    const fs::path wc = clone_as(s, "alpha-agent");
    const std::string before = remote_head(s, "alpha");
    std::ofstream(wc / "synonyms.txt", std::ios::app) << "agent = was here\n";
    ASSERT_EQ(s.sh("git commit -qam 'Agent edit'", wc).exit_code, 0);
    const auto r = s.git("push origin HEAD:main", wc, "alpha-agent");
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.output.find("403"), std::string::npos) << r.output;
    EXPECT_EQ(remote_head(s, "alpha"), before);
}

TEST(Server_Git, TrainerPushWithLintErrorIsRefusedAndRepositoryUnchanged) {
    auto& s = server_with_content();
    const fs::path wc = clone_as(s, "alpha-trainer");
    const std::string before = remote_head(s, "alpha");
    std::ofstream(wc / "procedures" / "broken.md")
        << "---\nid: broken\ntype: procedure\n---\nNo title.\n";
    ASSERT_EQ(s.sh("git add -A && git commit -qm 'Broken procedure'", wc).exit_code, 0);
    const auto r = s.git("push origin HEAD:main", wc, "alpha-trainer");
    EXPECT_NE(r.exit_code, 0);
    // The lint messages reach the pusher's terminal, located like `lectern lint` prints them.
    EXPECT_NE(r.output.find("remote: procedures/broken.md:"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("lint error"), std::string::npos) << r.output;
    EXPECT_EQ(remote_head(s, "alpha"), before);
}

TEST(Server_Git, CloneWithoutTokenIsRefused) {
    auto& s = server_with_content();
    const auto r = s.git("clone -q " + s.repo_url("alpha") + " wc", s.fresh_dir("anon"), "");
    EXPECT_NE(r.exit_code, 0) << r.output;
}

TEST(Server_Git, CloneWithRevokedTokenIsRefused) {
    auto& s = server_with_content();
    const auto r =
        s.git("clone -q " + s.repo_url("alpha") + " wc", s.fresh_dir("revoked"), "alpha-revoked");
    EXPECT_NE(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("Authentication failed"), std::string::npos) << r.output;
}

TEST(Server_Git, CloneWithExpiredTokenIsRefused) {
    auto& s = server_with_content();
    const auto r =
        s.git("clone -q " + s.repo_url("alpha") + " wc", s.fresh_dir("expired"), "alpha-expired");
    EXPECT_NE(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("Authentication failed"), std::string::npos) << r.output;
}

TEST(Server_Git, CloneOfAnotherClientsSpaceIsRefused) {
    auto& s = server_with_content();
    const auto r =
        s.git("clone -q " + s.repo_url("beta") + " wc", s.fresh_dir("other"), "alpha-admin");
    EXPECT_NE(r.exit_code, 0) << r.output;
}

}  // namespace
}  // namespace lectern::test
