#include "ledger_sync_step.hpp"

#include <iostream>
#include <map>
#include <vector>

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
    int outcome = kOk;
    if (!r.set_aside.empty()) {
        // Grouped by device: one sentence per key the server revoked.
        std::map<std::string, std::vector<const ledger::SetAsideRecord*>> by_device;
        for (const auto& a : r.set_aside) by_device[a.device].push_back(&a);
        for (const auto& [device, records] : by_device) {
            std::cout << space << ": " << records.size()
                      << " record(s) were signed with the key of device " << device
                      << ", which the server revoked (" << records.front()->revoked_at
                      << "): sign these documents again:";
            for (const auto* a : records) std::cout << ' ' << a->document_id;
            std::cout << "\n";
        }
        std::cout << space
                  << ": they are kept on this device, no longer sent (lectern status lists "
                     "them); if this device's key is the revoked one, run `lectern enroll` "
                     "first\n";
        outcome = kFindings;
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
    return outcome;
}

}  // namespace lectern::cli
