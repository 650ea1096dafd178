// The client against a standard git server with no Lectern code in it: git http-backend under
// lighttpd. Ordinary content syncs; hostile trees written there with git plumbing (entries
// named "..", ".git", names with slashes, symbolic links into .git or out of the folder) are
// refused before anything of them is written.

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <thread>

#include "sync/local_paths.hpp"
#include "sync/space_sync.hpp"
#include "sync_test_support.hpp"

namespace lectern::test {
namespace {

namespace fs = std::filesystem;
using sync::TransferFailureReason;

// lighttpd serving <root>/<space>/content.git with git http-backend at /git, no auth.
class Lighttpd {
  public:
    Lighttpd() : root_(TestServer::get().fresh_dir("lighttpd")) {
        fs::create_directories(root_ / "www");
        port_ = unused_port();
        const fs::path conf = root_ / "lighttpd.conf";
        write_file(conf,
                   "server.document-root = \"" + (root_ / "www").string() +
                       "\"\nserver.bind = \"127.0.0.1\"\nserver.port = " + std::to_string(port_) +
                       "\nserver.modules = (\"mod_alias\", \"mod_cgi\", \"mod_setenv\")\n"
                       "server.errorlog = \"" +
                       (root_ / "error.log").string() +
                       "\"\nalias.url = (\"/git\" => \"/usr/lib/git-core/git-http-backend\")\n"
                       "$HTTP[\"url\"] =~ \"^/git\" {\n  cgi.assign = (\"\" => \"\")\n"
                       "  setenv.add-environment = (\"GIT_PROJECT_ROOT\" => \"" +
                       (root_ / "repos").string() + "\", \"GIT_HTTP_EXPORT_ALL\" => \"\")\n}\n");
        pid_ = ::fork();
        if (pid_ == 0) {
            ::execlp("lighttpd", "lighttpd", "-D", "-f", conf.c_str(), static_cast<char*>(nullptr));
            ::_exit(127);
        }
        // Ready when it answers.
        for (int i = 0; i < 100; ++i) {
            if (TestServer::sh("git ls-remote " + url() + "/none/content.git")
                    .output.find("not found") != std::string::npos)
                break;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    }
    ~Lighttpd() {
        ::kill(pid_, SIGTERM);
        int status = 0;
        ::waitpid(pid_, &status, 0);
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/git"; }
    /// A new bare repository for `space`.
    fs::path repository(const std::string& space) const {
        const fs::path repo = root_ / "repos" / space / "content.git";
        const auto r = TestServer::sh("git init -q --bare -b main " + quote(repo.string()));
        EXPECT_EQ(r.exit_code, 0) << r.output;
        return repo;
    }

  private:
    fs::path root_;
    int port_ = 0;
    int pid_ = -1;
};

Lighttpd& lighttpd() {
    static Lighttpd server;
    return server;
}

sync::SyncReport sync_from(const std::string& server, const std::string& space) {
    sync::SyncOptions o;
    o.space = space;
    o.server = server;
    o.prefetch_lfs = false;
    return sync::sync_space(o);
}

std::string git_in(const fs::path& repo, const std::string& args,
                   const std::string& input_file = "") {
    const auto r = TestServer::sh("git --git-dir=" + quote(repo.string()) + " " + args +
                                  (input_file.empty() ? "" : " < " + quote(input_file)));
    EXPECT_EQ(r.exit_code, 0) << args << ": " << r.output;
    std::string out = r.output;
    while (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
}

// One tree entry for a tree written byte by byte (git mktree refuses some of what a hostile
// server can hold).
struct Entry {
    std::string mode;  // "100644", "120000", "40000"
    std::string name;
    std::string oid;
};

std::string write_tree(const fs::path& repo, const std::vector<Entry>& entries) {
    std::string bytes;
    for (const auto& e : entries) {
        bytes += e.mode + " " + e.name + '\0';
        for (std::size_t i = 0; i < 40; i += 2)
            bytes += static_cast<char>(std::stoi(e.oid.substr(i, 2), nullptr, 16));
    }
    const fs::path file = TestServer::get().fresh_dir("tree") / "tree";
    write_file(file, bytes);
    return git_in(repo, "hash-object -t tree --literally -w " + quote(file.string()));
}

std::string write_blob(const fs::path& repo, const std::string& bytes) {
    const fs::path file = TestServer::get().fresh_dir("blob") / "blob";
    write_file(file, bytes);
    return git_in(repo, "hash-object -w " + quote(file.string()));
}

// A commit of the small valid space plus `extra` entries at the top, made main.
std::string commit_with(const fs::path& repo, const std::vector<Entry>& extra,
                        const std::string& parent = "") {
    const std::string manifest = write_blob(repo, "title: Test space\nlanguages: [en]\n");
    const std::string proc =
        write_blob(repo, procedure("power-cut", "Power cut", "Call the team lead."));
    const std::string procedures = write_tree(repo, {{"100644", "power-cut.md", proc}});
    std::vector<Entry> top = {{"100644", "lectern.yaml", manifest},
                              {"40000", "procedures", procedures}};
    top.insert(top.end(), extra.begin(), extra.end());
    const std::string tree = write_tree(repo, top);
    const std::string commit = git_in(
        repo, "commit-tree " + tree + (parent.empty() ? "" : " -p " + parent) + " -m content");
    git_in(repo, "update-ref refs/heads/main " + commit);
    return commit;
}

TEST(Sync_StandardServer, SyncsFromGitHttpBackendUnderLighttpd) {
    fresh_client_home();
    const fs::path repo = lighttpd().repository("plain");
    const std::string first = commit_with(repo, {});
    auto report = sync_from(lighttpd().url(), "plain");
    ASSERT_TRUE(report.ok()) << report.failure->message;
    EXPECT_EQ(report.new_commit, first);
    const fs::path content = sync::space_paths("plain").content;
    EXPECT_NE(read_file(content / "procedures" / "power-cut.md").find("Call the team lead"),
              std::string::npos);
    const std::string vpn = write_blob(repo, procedure("vpn", "VPN", "Connect."));
    const std::string second = commit_with(repo, {{"100644", "synonyms.txt", vpn}}, first);
    report = sync_from(lighttpd().url(), "plain");
    ASSERT_TRUE(report.ok()) << report.failure->message;
    EXPECT_EQ(report.old_commit, first);
    EXPECT_EQ(report.new_commit, second);
    EXPECT_TRUE(sync_from(lighttpd().url(), "plain").up_to_date());
}

// Each hostile tree: the sync fails as UnsafeContent naming the entry, nothing lands outside
// the clone, and the reader's tree stays at the good commit.
TEST(Sync_StandardServer, HostileTreesAreRefusedAndNothingIsWrittenOutside) {
    const fs::path home = fresh_client_home();
    const fs::path repo = lighttpd().repository("hostile");
    const std::string good = commit_with(repo, {});
    ASSERT_TRUE(sync_from(lighttpd().url(), "hostile").ok());
    const fs::path space_root = sync::space_paths("hostile").root;
    const fs::path content = sync::space_paths("hostile").content;

    const std::string payload = write_blob(repo, "pwned\n");
    const std::string hook =
        write_blob(repo, "#!/bin/sh\ntouch " + (home / "hook-ran").string() + "\n");
    const std::string escape_dir = write_tree(repo, {{"100644", "escaped.txt", payload}});
    const std::string hooks_dir = write_tree(repo, {{"100755", "post-checkout", hook}});
    const std::string git_dir =
        write_tree(repo, {{"40000", "hooks", hooks_dir}, {"100644", "config", payload}});
    const std::string outside_link = write_blob(repo, "../../../../escaped-by-link");
    const std::string git_link = write_blob(repo, ".git/config");
    const std::string nested_git_link = write_blob(repo, "../.git/hooks");
    const std::string absolute_link = write_blob(repo, "/tmp");
    const std::string link_dir = write_tree(repo, {{"120000", "up", nested_git_link}});

    const std::vector<std::pair<std::string, std::vector<Entry>>> cases = {
        {"'..'", {{"40000", "..", escape_dir}}},
        {"'.git'", {{"40000", ".git", git_dir}}},
        {"'.GIT'", {{"40000", ".GIT", git_dir}}},
        {"'.git. '", {{"40000", ".git. ", git_dir}}},
        {"'../escaped.txt'", {{"100644", "../escaped.txt", payload}}},
        {"'/tmp/lectern-escaped.txt'", {{"100644", "/tmp/lectern-escaped.txt", payload}}},
        {"'out'", {{"120000", "out", outside_link}}},
        {"'config-link'", {{"120000", "config-link", git_link}}},
        {"'abs'", {{"120000", "abs", absolute_link}}},
        {"'links/up'", {{"40000", "links", link_dir}}},
    };
    std::string parent = good;
    for (const auto& [entry, extra] : cases) {
        parent = commit_with(repo, extra, parent);
        const auto report = sync_from(lighttpd().url(), "hostile");
        ASSERT_FALSE(report.ok()) << entry;
        EXPECT_EQ(report.failure->reason, TransferFailureReason::UnsafeContent) << entry;
        EXPECT_NE(report.failure->message.find(entry), std::string::npos)
            << report.failure->message;
        EXPECT_EQ(report.new_commit, good);
        EXPECT_EQ(sync::space_paths("hostile").content, content);
        EXPECT_EQ(TestServer::sh("git -C " + quote(content.string()) + " rev-parse HEAD").output,
                  good + "\n");
    }
    EXPECT_FALSE(fs::exists(space_root / "escaped.txt"));
    EXPECT_FALSE(fs::exists(space_root.parent_path() / "escaped.txt"));
    EXPECT_FALSE(fs::exists("/tmp/lectern-escaped.txt"));
    EXPECT_FALSE(fs::exists(home / "hook-ran"));
    EXPECT_EQ(TestServer::sh("git -C " + quote(content.string()) + " status --porcelain").output,
              "");
    const std::string found =
        TestServer::sh("grep -rl pwned " + quote(home.string()) + " --exclude-dir=content.git")
            .output;
    EXPECT_EQ(found, "") << found;
}

}  // namespace
}  // namespace lectern::test
