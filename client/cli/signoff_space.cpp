#include "signoff_space.hpp"

#include <iostream>

#include "common/diagnostic.hpp"
#include "common/error.hpp"
#include "content/history.hpp"
#include "content/space.hpp"
#include "ledger/local_ledger.hpp"
#include "ledger/signoff_document.hpp"
#include "space_location.hpp"
#include "sync/client_config.hpp"
#include "sync/local_paths.hpp"

namespace lectern::cli {

SignoffSpace locate_signoff_space(const std::string& option) {
    SignoffSpace s;
    if (!option.empty() && !std::filesystem::exists(option) && sync::is_valid_space_name(option))
        s.content = sync::space_paths(option).content;
    else
        s.content = locate_space(option);
    if (!std::filesystem::exists(s.content / "lectern.yaml"))
        throw Error(ErrorKind::NotFound,
                    "no space at " + s.content.string() +
                        ": sync it first (lectern sync) or name its folder with --space");
    const auto name = ledger::space_name_of(s.content);
    if (!name)
        throw Error(ErrorKind::InvalidArgument,
                    s.content.string() +
                        " is not a space of a server: use the folder `lectern sync` keeps, or a "
                        "git clone of <server>/<space>/content.git");
    s.name = *name;
    s.ledger = ledger::local_ledger_dir(s.name);
    return s;
}

std::vector<ledger::SignoffStatus> local_statuses(const SignoffSpace& where,
                                                  const std::vector<std::string>& agents) {
    std::vector<ledger::StoredRecord> records;
    if (auto ledger = ledger::LocalLedger::open(where.ledger)) {
        for (const std::string& agent : agents) {
            auto mine = ledger::ledger_records(*ledger, agent);
            records.insert(records.end(), mine.begin(), mine.end());
        }
    }
    return statuses_of(where, records, agents);
}

std::vector<ledger::SignoffStatus> statuses_of(const SignoffSpace& where,
                                               const std::vector<ledger::StoredRecord>& records,
                                               const std::vector<std::string>& agents) {
    Diagnostics problems;
    const content::Space space = content::Space::load(where.content, problems);
    const auto repository = content::ContentRepository::open(where.content);
    if (!repository)
        throw Error(ErrorKind::InvalidArgument,
                    where.content.string() + " is not a git working tree: sync the space first");
    return ledger::signoff_statuses(space, *repository, where.name, records, agents);
}

ledger::SpaceLedger read_ledger_of(const SignoffSpace& where, bool offline,
                                   const std::string& agent) {
    const auto config = sync::load_client_config();
    ledger::SpaceLedgerRequest request{where.name, where.ledger, {}, {}};
    if (config) {
        request.credentials = {config->user, config->token};
        if (!offline) request.server = config->server;
    } else {
        offline = true;
    }
    ledger::SpaceLedger seen = ledger::read_space_ledger(request);
    if (seen.own_only() && !agent.empty() && agent != request.credentials.user)
        throw Error(ErrorKind::InvalidArgument,
                    "you may see only your own records in " + where.name + "; " + agent +
                        "'s are for trainers, supervisors and auditors");
    // Asked for offline: saying it was built offline would only be noise on stderr.
    if (!seen.note.empty() && !request.server.empty())
        std::cerr << "lectern: note: " << seen.note << '\n';
    return seen;
}

}  // namespace lectern::cli
