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

}  // namespace lectern
