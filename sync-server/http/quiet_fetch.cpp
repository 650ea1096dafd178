#include "http/quiet_fetch.hpp"

#include <git2.h>

#include <string>
#include <utility>

#include "common/error.hpp"
#include "common/git_handles.hpp"
#include "common/libgit2.hpp"
#include "common/log.hpp"
#include "http/upload_pack_request.hpp"

namespace lectern::server {

namespace {

/// Looks haves up in `repo`, opened on the first question.
class RepositoryParents {
  public:
    explicit RepositoryParents(std::filesystem::path repo) : path_(std::move(repo)) {}

    std::optional<std::vector<std::string>> operator()(std::string_view id) {
        if (!repo_) repo_ = open_repository(path_);
        git_oid oid;
        if (git_oid_fromstrn(&oid, id.data(), id.size()) != 0) return std::nullopt;
        git_commit* raw = nullptr;
        // Any failure (no such object, not a commit) means "not a commit the server has": the
        // have is then kept, which is always safe.
        if (git_commit_lookup(&raw, repo_.get(), &oid) != 0) return std::nullopt;
        const git::CommitPtr commit(raw);
        std::vector<std::string> parents;
        for (unsigned int i = 0; i < git_commit_parentcount(commit.get()); ++i) {
            char hex[GIT_OID_HEXSZ + 1];
            git_oid_tostr(hex, sizeof hex, git_commit_parent_id(commit.get(), i));
            parents.emplace_back(hex);
        }
        return parents;
    }

  private:
    std::filesystem::path path_;
    git::RepositoryPtr repo_;
};

/// The body to hand on: the trimmed one, or `body` itself.
std::string trimmed_or_same(std::string body, const std::filesystem::path& repo) {
    try {
        RepositoryParents parents(repo);
        auto trimmed =
            trim_upload_pack_request(body, [&parents](std::string_view id) { return parents(id); });
        if (!trimmed) {
            log::debug(log::kServer, "a quiet fetch's request is not one that is trimmed");
            return body;
        }
        log::debug(log::kServer, "quiet fetch: " + std::to_string(trimmed->dropped_haves) +
                                     " haves dropped" +
                                     (trimmed->added_no_progress ? ", no-progress added" : ""));
        return std::move(trimmed->body);
    } catch (const Error& e) {
        log::warning(log::kServer,
                     std::string("a quiet fetch's request goes to git untrimmed: ") + e.what());
        return body;
    }
}

}  // namespace

RequestBody quiet_fetch_body(RequestBody body, std::filesystem::path repo) {
    return [body = std::move(body), repo = std::move(repo)](const BodyReceiver& receive) {
        std::string buffered;
        bool streaming = false;  // past kMaxTrimmedBody: everything goes on as it comes
        bool receiving = true;   // false once `receive` refused more
        const bool read_all = body([&](const char* data, std::size_t len) {
            if (streaming) return receiving = receive(data, len);
            buffered.append(data, len);
            if (buffered.size() <= kMaxTrimmedBody) return true;
            streaming = true;
            receiving = receive(buffered.data(), buffered.size());
            std::string().swap(buffered);
            return receiving;
        });
        if (streaming) return read_all && receiving;
        // A body cut short is handed on as it came, for git to refuse as it would.
        const std::string out = read_all ? trimmed_or_same(std::move(buffered), repo) : buffered;
        if (!out.empty() && !receive(out.data(), out.size())) return false;
        return read_all;
    };
}

}  // namespace lectern::server
