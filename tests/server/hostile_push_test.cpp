// Pushes whose trees could escape a checkout are refused by the server, and nothing changes.

#include <gtest/gtest.h>

#include <fstream>

#include "test_server.hpp"

namespace lectern::test {
namespace {

namespace fs = std::filesystem;

struct Entry {
    std::string mode;  ///< "100644", "120000", "40000"
    std::string name;
    std::string id;  ///< hex
};

std::string hex_to_bytes(const std::string& hex) {
    std::string out;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
        out.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
    return out;
}

std::string trim(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
    return s;
}

/// Writes a tree object byte by byte, so that even names git's own tools refuse can be made.
std::string write_raw_tree(const fs::path& wc, std::vector<Entry> entries) {
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        auto key = [](const Entry& e) { return e.mode == "40000" ? e.name + "/" : e.name; };
        return key(a) < key(b);
    });
    std::string raw;
    for (const auto& e : entries) raw += e.mode + " " + e.name + '\0' + hex_to_bytes(e.id);
    const fs::path file = wc / ".." / "raw-tree";
    std::ofstream(file, std::ios::binary) << raw;
    const auto r = TestServer::sh("git hash-object -t tree --literally -w ../raw-tree", wc);
    EXPECT_EQ(r.exit_code, 0) << r.output;
    return trim(r.output);
}

class Server_HostilePush : public ::testing::Test {
  protected:
    void SetUp() override {
        TestServer& s = TestServer::get();
        static bool published = false;
        if (!published) {
            s.publish("alpha", sample_content());
            published = true;
        }
        work_ = s.fresh_dir("hostile");
        ASSERT_EQ(
            s.git("clone -q " + s.repo_url("alpha") + " wc", work_, "alpha-trainer").exit_code, 0);
        wc_ = work_ / "wc";
        manifest_ = trim(TestServer::sh("git rev-parse HEAD:lectern.yaml", wc_).output);
        blob_ = trim(TestServer::sh("echo harmless | git hash-object -w --stdin", wc_).output);
    }

    /// Pushes a commit of `tree` as the trainer; returns git's output. Expects a refusal that
    /// leaves main where it was.
    std::string push_refused(const std::string& tree) {
        TestServer& s = TestServer::get();
        const std::string before =
            s.git("ls-remote " + s.repo_url("alpha") + " refs/heads/main", wc_, "alpha-admin")
                .output;
        const auto commit = TestServer::sh("git commit-tree " + tree + " -p HEAD -m hostile", wc_);
        EXPECT_EQ(commit.exit_code, 0) << commit.output;
        const auto r =
            s.git("push origin " + trim(commit.output) + ":refs/heads/main", wc_, "alpha-trainer");
        EXPECT_NE(r.exit_code, 0) << r.output;
        EXPECT_EQ(s.git("ls-remote " + s.repo_url("alpha") + " refs/heads/main", wc_, "alpha-admin")
                      .output,
                  before);
        return r.output;
    }

    std::string tree_with(const Entry& hostile) {
        return write_raw_tree(wc_, {{"100644", "lectern.yaml", manifest_}, hostile});
    }

    fs::path work_, wc_;
    std::string manifest_, blob_;
};

TEST_F(Server_HostilePush, DotDotPathIsRefused) {
    const std::string inner = write_raw_tree(wc_, {{"100644", "passwd", blob_}});
    const std::string out = push_refused(tree_with({"40000", "..", inner}));
    EXPECT_NE(out.find("remote:"), std::string::npos) << out;
}

TEST_F(Server_HostilePush, DotGitFolderIsRefused) {
    const std::string inner = write_raw_tree(wc_, {{"100644", "config", blob_}});
    push_refused(tree_with({"40000", ".git", inner}));
}

TEST_F(Server_HostilePush, DotGitInAnotherCaseIsRefused) {
    const std::string inner = write_raw_tree(wc_, {{"100644", "config", blob_}});
    push_refused(tree_with({"40000", ".GIT", inner}));
}

TEST_F(Server_HostilePush, SymlinkIntoDotGitIsRefused) {
    const std::string target =
        trim(TestServer::sh("printf .git/config | git hash-object -w --stdin", wc_).output);
    const std::string out = push_refused(tree_with({"120000", "synonyms.txt", target}));
    EXPECT_NE(out.find("symbolic links are not allowed"), std::string::npos) << out;
}

TEST_F(Server_HostilePush, AbsolutePathIsRefused) {
    push_refused(tree_with({"100644", "/etc/passwd", blob_}));
}

}  // namespace
}  // namespace lectern::test
