#include "ledger/report_builder.hpp"

#include <algorithm>
#include <set>

#include "common/diagnostic.hpp"
#include "common/error.hpp"
#include "content/space.hpp"
#include "ledger/space_ledger.hpp"
#include "ledger/utc_time.hpp"

namespace lectern::ledger {

SignoffReport build_signoff_report(const ReportRequest& r) {
    Diagnostics problems;
    const content::Space space = content::Space::load(r.content, problems);
    const auto repository = content::ContentRepository::open(r.content);
    if (!repository)
        throw Error(ErrorKind::NotFound,
                    r.content.string() + " is not a git working tree: sync the space first");

    SignoffReport report;
    report.space = r.space;
    report.content_commit = repository->head_commit();
    report.generated_at = utc_timestamp();
    SpaceLedger seen = read_space_ledger({r.space, r.ledger, r.server, r.credentials});
    const std::string& me = r.credentials.user;
    std::vector<std::string> agents = r.agents;
    if (seen.own_only()) {
        for (const auto& a : agents)
            if (a != me)
                throw Error(ErrorKind::InvalidArgument,
                            "an agent's report shows only their own records; " + a +
                                "'s are for trainers, supervisors and auditors");
        agents = {me};
    } else if (agents.empty()) {
        std::set<std::string> names;
        for (const auto& s : seen.records) names.insert(s.record.agent);
        agents.assign(names.begin(), names.end());
    }
    report.scope = seen.scope;
    report.note = seen.note;
    report.receipts = std::move(seen.receipts);
    report.refused_receipts = std::move(seen.refused_receipts);
    const std::vector<StoredRecord>& records = seen.records;
    report.statuses = signoff_statuses(space, *repository, r.space, records, agents);
    report.minor_changes = minor_changes_of(*repository, report.statuses);
    return report;
}

}  // namespace lectern::ledger
