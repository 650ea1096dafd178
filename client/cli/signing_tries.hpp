#pragma once
// Signing a record at the terminal: the passphrase is asked for again after a wrong one (three
// tries), or read once from --passphrase-fd, and the record is appended to the local ledger.

#include <functional>
#include <optional>
#include <string>

#include "ledger/signing.hpp"

namespace lectern::cli {

struct SignedRecord {
    std::string id;
    std::string commit;  ///< the local ledger commit that holds it
};

/// Runs a signing session made by `request` for each try. Prints "wrong passphrase" after each
/// one that does not open the key; nullopt when no try did (nothing was stored).
std::optional<SignedRecord> sign_with_passphrase(
    const std::function<ledger::SigningRequest()>& request, std::optional<int> passphrase_fd,
    const std::string& prompt);

}  // namespace lectern::cli
