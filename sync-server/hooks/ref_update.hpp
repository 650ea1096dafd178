#pragma once
// The "<old> <new> <ref>" lines git gives pre-receive and post-receive hooks.

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace lectern::server {

inline constexpr std::string_view kZeroId = "0000000000000000000000000000000000000000";

struct RefUpdate {
    std::string old_id;
    std::string new_id;
    std::string ref;
};

std::vector<RefUpdate> read_ref_updates(std::istream& in);

}  // namespace lectern::server
