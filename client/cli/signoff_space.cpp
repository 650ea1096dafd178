#include "signoff_space.hpp"

#include "common/error.hpp"
#include "ledger/local_ledger.hpp"
#include "ledger/signoff_document.hpp"
#include "space_location.hpp"
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

}  // namespace lectern::cli

#include "common/diagnostic.hpp"
#include "content/history.hpp"
#include "content/space.hpp"

namespace lectern::cli {

std::vector<ledger::SignoffStatus> local_statuses(const SignoffSpace& where,
                                                  const std::vector<std::string>& agents) {
    Diagnostics problems;
    const content::Space space = content::Space::load(where.content, problems);
    const auto repository = content::ContentRepository::open(where.content);
    if (!repository)
        throw Error(ErrorKind::InvalidArgument,
                    where.content.string() + " is not a git working tree: sync the space first");
    std::vector<ledger::StoredRecord> records;
    if (auto ledger = ledger::LocalLedger::open(where.ledger)) {
        for (const std::string& agent : agents) {
            auto mine = ledger::ledger_records(*ledger, agent);
            records.insert(records.end(), mine.begin(), mine.end());
        }
    }
    return ledger::signoff_statuses(space, *repository, where.name, records, agents);
}

}  // namespace lectern::cli
