#pragma once
// The parts of a Git LFS batch request the server reads: the operation and each object's id and
// size. Read in one pass over the text (nlohmann's SAX interface) without building a JSON tree,
// since a batch lists up to 100 objects and every client sends one per sync.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lectern::server {

struct LfsBatchObject {
    /// Empty when the entry has no string "oid" (or is not an object at all).
    std::string oid;
    /// 0 when the entry has no non-negative integer "size".
    std::uint64_t size = 0;
};

struct LfsBatchRequest {
    /// Empty when the request has no string "operation".
    std::string operation;
    std::vector<LfsBatchObject> objects;
};

/// The request, or nothing if `body` is not JSON or not an object with an "objects" array.
/// Other members (transfers, ref, hash_algo, …) are skipped whatever they hold.
std::optional<LfsBatchRequest> parse_lfs_batch_request(std::string_view body);

}  // namespace lectern::server
