#pragma once

#include <string>
#include <string_view>

namespace lectern::content {

/// The git blob id (40 hex digits) of a file with these bytes: the same id `git hash-object`
/// prints and a commit's tree records, so a version is one string wherever it is read.
std::string git_blob_id(std::string_view bytes);

}  // namespace lectern::content
