#include "ledger_sync_step.hpp"

#include <iostream>

#include "commands.hpp"
#include "common/error.hpp"
#include "ledger/ledger_sync.hpp"

namespace lectern::cli {

int sync_space_ledger(const sync::ClientConfig& config, const std::string& space,
                      const sync::Progress& progress, bool quiet) {
    ledger::LedgerSyncOptions options = ledger::ledger_sync_options(config, space);
    options.progress = progress;
    ledger::LedgerSyncReport r;
    try {
        r = ledger::push_records(options);
    } catch (const Error& e) {
        // One space's ledger (a lost key, a damaged clone) must not stop the other spaces.
        std::cerr << "lectern: " << space << ": ledger records not sent: " << e.message() << '\n';
        return kFailure;
    }
    if (!r.refusal.empty()) {
        std::cerr << "lectern: " << space << ": the server refused your records:\n"
                  << r.refusal << "They stay on this device; tell your admin.\n";
        return kFailure;
    }
    if (r.failure) {
        std::cerr << "lectern: " << space << ": ledger records not sent: " << r.failure->message
                  << "\nThey stay queued on this device for the next sync.\n";
        return kFailure;
    }
    if (!quiet && (r.records_pushed || r.receipts_fetched))
        std::cout << space << ": ledger: " << r.records_pushed << " record(s) sent, "
                  << r.receipts_fetched << " receipt(s) received\n";
    if (!r.without_receipt.empty())
        std::cout << space << ": ledger: " << r.without_receipt.size()
                  << " record(s) still wait for the server's receipt\n";
    return kOk;
}

}  // namespace lectern::cli
