#pragma once
// The ledger's part of `lectern sync`: push this device's records of a space and fetch their
// receipts (core/ledger/ledger_sync.hpp), with one line saying what happened.

#include <string>

#include "sync/client_config.hpp"
#include "sync/progress.hpp"

namespace lectern::cli {

/// Syncs the ledger of `space`; returns an exit code (kOk, or kFailure with the reason on
/// stderr). Silent when this device has signed nothing in the space.
int sync_space_ledger(const sync::ClientConfig& config, const std::string& space,
                      const sync::Progress& progress, bool quiet);

}  // namespace lectern::cli
