#include "ledger/layout.hpp"

namespace lectern::ledger {

std::string record_file_path(std::string_view record_id) {
    return "records/" + std::string(record_id) + ".json";
}

std::string agent_branch(std::string_view user, std::string_view device) {
    return "refs/heads/agents/" + std::string(user) + "/" + std::string(device);
}

}  // namespace lectern::ledger
