#pragma once
// The admin's subcommands: init, space create, user add, member add, token create|revoke|list.

#include <CLI/CLI.hpp>

#include "config.hpp"

namespace lectern::server {

/// Registers the admin subcommands on `app`. They read `config` when they run (after parsing)
/// and set `exit_code`.
void add_admin_commands(CLI::App& app, const ConfigOverrides& overrides, int& exit_code);

}  // namespace lectern::server
