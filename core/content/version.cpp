#include "content/version.hpp"

#include <git2.h>

#include "common/error.hpp"
#include "common/libgit2.hpp"

namespace lectern::content {

std::string git_blob_id(std::string_view bytes) {
    ensure_libgit2();
    git_oid oid;
    if (git_odb_hash(&oid, bytes.data(), bytes.size(), GIT_OBJECT_BLOB) != 0) {
        throw libgit2_error("hashing a content file");
    }
    char hex[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(hex, sizeof hex, &oid);
    return hex;
}

}  // namespace lectern::content
