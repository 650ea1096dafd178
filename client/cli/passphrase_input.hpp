#pragma once
// Reading a passphrase: from a file descriptor the caller opened (--passphrase-fd N, as gpg
// does, for scripts and tests) or from the terminal without echo. Never from the command line,
// where every user of the machine could read it in the process list.

#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "ledger/secure_buffer.hpp"

namespace lectern::cli {

/// Adds --passphrase-fd N to a command.
void add_passphrase_fd_option(CLI::App& cmd, std::optional<int>& fd);

/// One line (without its newline) from `fd` when given, else from the terminal with `prompt`
/// and echo off. Throws Error(InvalidArgument) when there is no terminal and no fd, or the
/// line is longer than 1023 bytes; Error(Io) when reading fails.
ledger::SecureBuffer read_passphrase(std::optional<int> fd, const std::string& prompt);

}  // namespace lectern::cli
