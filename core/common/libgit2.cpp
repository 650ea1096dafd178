#include "common/libgit2.hpp"

#include <git2.h>

#include <mutex>
#include <string>

namespace lectern {

void ensure_libgit2() {
    static std::once_flag once;
    std::call_once(once, [] { git_libgit2_init(); });
}

Error libgit2_error(std::string_view doing) {
    const git_error* e = git_error_last();
    std::string message = "git failed while " + std::string(doing);
    if (e && e->message) message += ": " + std::string(e->message);
    return Error(ErrorKind::Library, message);
}

git::RepositoryPtr open_repository(const std::filesystem::path& path) {
    ensure_libgit2();
    git_repository* raw = nullptr;
    if (git_repository_open_ext(&raw, path.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr) != 0)
        throw libgit2_error("opening the repository at " + path.string());
    return git::RepositoryPtr(raw);
}

}  // namespace lectern
