#include "ledger/signoff_document.hpp"

#include <git2.h>

#include "common/error.hpp"
#include "common/git_handles.hpp"
#include "common/libgit2.hpp"
#include "content/history.hpp"
#include "content/space.hpp"
#include "content/version.hpp"
#include "sync/local_paths.hpp"

namespace lectern::ledger {

namespace fs = std::filesystem;

std::optional<std::string> space_name_of(const fs::path& content_root) {
    if (auto synced = sync::space_of_content_folder(content_root)) return synced;
    ensure_libgit2();
    git_repository* raw = nullptr;
    if (git_repository_open_ext(&raw, content_root.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH,
                                nullptr) != 0)
        return std::nullopt;
    const git::RepositoryPtr repo(raw);
    // The URL straight from the configuration: git_remote_lookup() matches url.*.insteadOf
    // with a regex that libgit2 1.5 built against PCRE2 leaks on every call.
    git_config* raw_config = nullptr;
    if (git_repository_config(&raw_config, repo.get()) != 0) return std::nullopt;
    const git::ConfigPtr config(raw_config);
    struct OwnedBuf {
        git_buf buf = GIT_BUF_INIT;
        ~OwnedBuf() { git_buf_dispose(&buf); }
    } value;
    if (git_config_get_string_buf(&value.buf, config.get(), "remote.origin.url") != 0)
        return std::nullopt;
    std::string url(value.buf.ptr ? value.buf.ptr : "", value.buf.size);
    while (!url.empty() && url.back() == '/') url.pop_back();
    const std::string suffix = "/content.git";
    if (url.size() <= suffix.size() ||
        url.compare(url.size() - suffix.size(), suffix.size(), suffix) != 0)
        return std::nullopt;
    url.resize(url.size() - suffix.size());
    const std::string name = url.substr(url.rfind('/') + 1);
    if (!sync::is_valid_space_name(name)) return std::nullopt;
    return name;
}

DocumentToSign document_to_sign(const content::Space& space,
                                const content::ContentRepository& repository,
                                std::string_view space_name, std::string_view id_or_path) {
    const content::Document* doc = space.find(id_or_path);
    if (!doc)
        throw Error(ErrorKind::NotFound, "no document with id or path '" + std::string(id_or_path) +
                                             "' in " + space.root().string());
    if (doc->type != content::DocumentType::Procedure)
        throw Error(ErrorKind::InvalidArgument, doc->id + " is a " +
                                                    std::string(content::to_string(doc->type)) +
                                                    ": only procedures are signed");
    if (doc->signoff == content::SignoffRule::None)
        throw Error(ErrorKind::InvalidArgument,
                    doc->id + " does not ask for a sign-off (no 'signoff:' in its front matter)");
    if (auto published = published_version(repository, space_name, *doc)) return *published;
    // Why not: each case has its own remedy.
    const std::string head = repository.head_commit();
    if (head.empty())
        throw Error(ErrorKind::InvalidArgument,
                    space.root().string() + " has no committed content yet: sync first");
    if (!repository.read_file_at(head, doc->path))
        throw Error(ErrorKind::InvalidArgument,
                    doc->path +
                        " is not in the published content yet: only published versions "
                        "can be signed");
    throw Error(ErrorKind::InvalidArgument,
                doc->path +
                    " differs from the published version (a local edit?): sync to "
                    "get the published text, then sign");
}

std::optional<DocumentToSign> published_version(const content::ContentRepository& repository,
                                                std::string_view space_name,
                                                const content::Document& doc) {
    const std::string head = repository.head_commit();
    if (head.empty()) return std::nullopt;
    auto committed = repository.read_file_at(head, doc.path);
    if (!committed || content::git_blob_id(*committed) != doc.blob_id) return std::nullopt;
    DocumentToSign d;
    d.space = space_name;
    d.document_id = doc.id;
    d.path = doc.path;
    d.title = doc.title;
    d.blob_id = doc.blob_id;
    d.text = std::move(*committed);
    // HEAD, where the file has exactly this path and these bytes: what the agent read at.
    d.content_commit = head;
    return d;
}

}  // namespace lectern::ledger
