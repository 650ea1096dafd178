#pragma once
// Logging through named channels with levels. Core writes to a channel; each front end
// decides where the lines go (stderr, a file, the desktop app's log window) with set_sink().

#include <functional>
#include <string>
#include <string_view>

namespace lectern::log {

enum class Level { Debug = 0, Info = 1, Warning = 2, Error = 3 };

/// A named channel ("sync", "search", "ledger", "server"…). Cheap to copy; compare by name.
struct Channel {
    std::string_view name;
};

inline constexpr Channel kSync{"sync"};
inline constexpr Channel kSearch{"search"};
inline constexpr Channel kLedger{"ledger"};
inline constexpr Channel kServer{"server"};

/// Receives every line at or above the threshold. Called from whatever thread logs; a sink
/// must be thread-safe.
using Sink = std::function<void(Channel, Level, std::string_view message)>;

/// Routes every line to `sink` (nullptr: back to the default, which writes to stderr).
void set_sink(Sink sink);
/// Lines below `threshold` are dropped before they are formatted. The default is Info.
void set_threshold(Level threshold);
bool enabled(Level level);

void write(Channel channel, Level level, std::string_view message);

inline void debug(Channel c, std::string_view m) {
    if (enabled(Level::Debug)) write(c, Level::Debug, m);
}
inline void info(Channel c, std::string_view m) {
    write(c, Level::Info, m);
}
inline void warning(Channel c, std::string_view m) {
    write(c, Level::Warning, m);
}
inline void error(Channel c, std::string_view m) {
    write(c, Level::Error, m);
}

/// "debug", "info", "warning", "error"; parse_level() returns false for anything else.
std::string_view to_string(Level level);
bool parse_level(std::string_view text, Level& out);

}  // namespace lectern::log
