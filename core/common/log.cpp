#include "common/log.hpp"

#include <atomic>
#include <iostream>
#include <mutex>

namespace lectern::log {

namespace {

std::atomic<int> g_threshold{static_cast<int>(Level::Info)};

struct SinkHolder {
    std::mutex mutex;
    Sink sink;
};

SinkHolder& holder() {
    static SinkHolder h;
    return h;
}

void write_to_stderr(Channel channel, Level level, std::string_view message) {
    std::cerr << '[' << channel.name << "] " << to_string(level) << ": " << message << '\n';
}

}  // namespace

void set_sink(Sink sink) {
    std::lock_guard lock(holder().mutex);
    holder().sink = std::move(sink);
}

void set_threshold(Level threshold) {
    g_threshold = static_cast<int>(threshold);
}

bool enabled(Level level) {
    return static_cast<int>(level) >= g_threshold.load();
}

void write(Channel channel, Level level, std::string_view message) {
    if (!enabled(level)) return;
    // The lock also keeps lines of different threads from interleaving on stderr.
    std::lock_guard lock(holder().mutex);
    if (holder().sink) {
        holder().sink(channel, level, message);
    } else {
        write_to_stderr(channel, level, message);
    }
}

std::string_view to_string(Level level) {
    switch (level) {
        case Level::Debug:
            return "debug";
        case Level::Info:
            return "info";
        case Level::Warning:
            return "warning";
        case Level::Error:
            return "error";
    }
    return "info";
}

bool parse_level(std::string_view text, Level& out) {
    for (Level l : {Level::Debug, Level::Info, Level::Warning, Level::Error}) {
        if (text == to_string(l)) {
            out = l;
            return true;
        }
    }
    return false;
}

}  // namespace lectern::log
