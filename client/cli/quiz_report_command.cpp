// lectern quiz report [--space S] [--by quiz|question|agent] [--format csv|json] [--agent U]

#include <iostream>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "quiz/attempt_records.hpp"
#include "quiz/report.hpp"
#include "quiz_recording.hpp"

namespace lectern::cli {

namespace {

struct ReportOptions {
    std::string space;
    std::string by = "quiz";
    std::string format = "csv";
    std::string agent;
    bool offline = false;
};

int run(const ReportOptions& opts) {
    const SignoffSpace where = locate_signoff_space(opts.space);
    auto attempts =
        quiz::recorded_attempts(read_ledger_of(where, opts.offline, opts.agent).records);
    if (!opts.agent.empty()) {
        std::erase_if(attempts,
                      [&](const quiz::RecordedAttempt& a) { return a.agent != opts.agent; });
    }
    const quiz::QuizReport report = quiz::build_quiz_report(attempts);
    if (opts.format == "json") {
        std::cout << quiz::report_json(report).dump(2) << '\n';
        return kOk;
    }
    const quiz::ReportTable table = opts.by == "question" ? quiz::ReportTable::Questions
                                    : opts.by == "agent"  ? quiz::ReportTable::Agents
                                                          : quiz::ReportTable::Quizzes;
    std::cout << quiz::report_csv(report, table);
    return kOk;
}

}  // namespace

void add_quiz_report_command(CLI::App& quiz, int& exit_code) {
    auto opts = std::make_shared<ReportOptions>();
    CLI::App* cmd = quiz.add_subcommand(
        "report",
        "Quiz attempts recorded in the space's ledger: per quiz, per question (most missed "
        "first) or per agent. Supervisors and auditors get every agent's (fetched from the "
        "server now); an agent gets their own.");
    cmd->add_option("--space", opts->space,
                    "The space: its folder or the name of a synced space; default as for other "
                    "commands");
    cmd->add_option("--by", opts->by, "The CSV table: quiz (default), question or agent")
        ->check(CLI::IsMember({"quiz", "question", "agent"}));
    cmd->add_option("--format", opts->format, "csv (default; one table, see --by) or json (all)")
        ->check(CLI::IsMember({"csv", "json"}));
    cmd->add_option("--agent", opts->agent, "Only this agent's attempts");
    cmd->add_flag("--offline", opts->offline,
                  "Do not contact the server: use the ledger fetched before");
    cmd->callback([opts, &exit_code] { exit_code = run(*opts); });
}

}  // namespace lectern::cli
