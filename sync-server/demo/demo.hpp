#pragma once
// `lectern-server --demo`: a server on 127.0.0.1 with the sample content as the space "demo"
// and one demo user per role, for trying Lectern in two commands.

#include "config.hpp"

namespace lectern::server {

struct DemoOptions {
    /// The sample content to serve; empty: the installed one, else the source tree's.
    std::filesystem::path content;
};

/// Sets up a fresh state folder (the configured one if it is empty or missing, else a new
/// temporary one), prints the users and URLs, and serves until stopped.
void run_demo(ServerConfig config, const DemoOptions& options);

}  // namespace lectern::server
