#pragma once
// Helpers shared by the search tests: documents with chosen fields, a temporary index
// folder, git run the way a trainer runs it.

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "search/searcher.hpp"

namespace lectern::test {

/// A Markdown document with front matter; `type` is procedure or script.
inline std::string search_doc(const std::string& type, const std::string& id,
                              const std::string& title, const std::string& lang,
                              const std::string& body, const std::string& tags = "[]") {
    std::string fm = "---\nid: " + id + "\ntype: " + type + "\ntitle: \"" + title +
                     "\"\nlang: " + lang + "\nowner: anna\nupdated: 2026-10-01\ntags: " + tags +
                     "\n";
    if (type == "procedure") fm += "review_by: 2027-04-01\nsignoff: required\n";
    if (type == "script") fm += "audience: [agents]\n";
    return fm + "---\n" + body;
}

/// A folder for an index, removed afterwards.
class TempIndexDir {
  public:
    TempIndexDir() {
        std::random_device rd;
        path_ = std::filesystem::temp_directory_path() /
                ("lectern-index-" + std::to_string(rd()) + std::to_string(rd()));
    }
    ~TempIndexDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
        std::filesystem::remove_all(path_.string() + ".new", ec);
    }
    TempIndexDir(const TempIndexDir&) = delete;
    TempIndexDir& operator=(const TempIndexDir&) = delete;
    const std::filesystem::path& path() const noexcept { return path_; }

  private:
    std::filesystem::path path_;
};

/// Runs git in `dir` with a fixed identity; fails the test when git fails.
inline void git(const std::filesystem::path& dir, const std::string& args) {
    const std::string cmd =
        "git -C '" + dir.string() +
        "' -c user.name=Test -c user.email=test@example.org -c init.defaultBranch=main "
        "-c commit.gpgsign=false " +
        args + " >/dev/null 2>&1";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
}

/// The ids of the results, best first.
inline std::vector<std::string> ids(const search::SearchResults& r) {
    std::vector<std::string> out;
    for (const auto& h : r.hits) out.push_back(h.id);
    return out;
}

}  // namespace lectern::test
