#include "hooks/ref_update.hpp"

#include <istream>
#include <sstream>

namespace lectern::server {

std::vector<RefUpdate> read_ref_updates(std::istream& in) {
    std::vector<RefUpdate> out;
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        RefUpdate u;
        if (fields >> u.old_id >> u.new_id >> u.ref) out.push_back(std::move(u));
    }
    return out;
}

}  // namespace lectern::server
