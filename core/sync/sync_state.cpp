#include "sync/sync_state.hpp"

#include <nlohmann/json.hpp>

#include "common/log.hpp"
#include "sync/file_ops.hpp"

namespace lectern::sync {

std::optional<SyncState> read_sync_state(const std::filesystem::path& file) {
    std::string text;
    if (!files::read_file(file, text)) return std::nullopt;
    const auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        log::warning(log::kSync, file.string() + " is not valid JSON; the next sync rewrites it");
        return std::nullopt;
    }
    SyncState s;
    s.server = j.value("server", "");
    s.last_attempt = j.value("last_attempt", "");
    s.last_success = j.value("last_success", "");
    s.commit = j.value("commit", "");
    s.failure_reason = j.value("failure_reason", "");
    s.failure_message = j.value("failure_message", "");
    return s;
}

void write_sync_state(const std::filesystem::path& file, const SyncState& s) {
    const nlohmann::json j = {{"server", s.server},
                              {"last_attempt", s.last_attempt},
                              {"last_success", s.last_success},
                              {"commit", s.commit},
                              {"failure_reason", s.failure_reason},
                              {"failure_message", s.failure_message}};
    files::write_atomically(file, j.dump(2) + "\n", 0600);
}

}  // namespace lectern::sync
