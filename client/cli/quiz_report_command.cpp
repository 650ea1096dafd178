// lectern quiz report [--space S] [--by quiz|question|agent] [--format csv|json|pdf] [--out FILE]
//                     [--agent U] [--offline]

#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "common/error.hpp"
#include "ledger/utc_time.hpp"
#include "quiz/attempt_records.hpp"
#include "quiz/grades.hpp"
#include "quiz/report.hpp"
#include "quiz_recording.hpp"

namespace lectern::cli {

namespace {

struct ReportOptions {
    std::string space;
    std::string by = "quiz";
    std::string format = "csv";
    std::string out;
    std::string agent;
    bool offline = false;
};

int run(const ReportOptions& opts) {
    const SignoffSpace where = locate_signoff_space(opts.space);
    const ledger::SpaceLedger seen = read_ledger_of(where, opts.offline, opts.agent);
    auto attempts = quiz::graded_attempts(seen.records);
    if (!opts.agent.empty()) {
        std::erase_if(attempts,
                      [&](const quiz::RecordedAttempt& a) { return a.agent != opts.agent; });
    }
    const quiz::QuizReport report = quiz::build_quiz_report(attempts);
    // Like sign-offs without a receipt: what needs someone's action, on stderr.
    if (const auto waiting = quiz::waiting_for_a_grade(report); !waiting.empty()) {
        std::cerr << "lectern: " << waiting.size()
                  << (waiting.size() == 1 ? " attempt waits" : " attempts wait")
                  << " for an essay's grade (lectern quiz grade ATTEMPT-ID --points P):\n";
        for (const auto& a : waiting)
            std::cerr << "  " << a.record_id << "  " << a.agent << "  " << a.quiz_id << "  "
                      << a.signed_at << '\n';
    }
    std::string bytes;
    if (opts.format == "json") {
        bytes = quiz::report_json(report).dump(2) + "\n";
    } else if (opts.format == "pdf") {
        bytes =
            quiz::report_pdf(report, {where.name, seen.scope, ledger::utc_timestamp(), seen.note});
    } else {
        const quiz::ReportTable table = opts.by == "question"  ? quiz::ReportTable::Questions
                                        : opts.by == "agent"   ? quiz::ReportTable::Agents
                                        : opts.by == "attempt" ? quiz::ReportTable::Attempts
                                                               : quiz::ReportTable::Quizzes;
        bytes = quiz::report_csv(report, table);
    }
    if (opts.out.empty() || opts.out == "-") {
        std::cout << bytes;
        return kOk;
    }
    std::ofstream file(opts.out, std::ios::binary);
    file << bytes;
    if (!file.flush()) throw Error(ErrorKind::Io, "could not write the report to " + opts.out);
    std::cerr << "wrote " << opts.out << " (" << attempts.size() << " attempts, " << seen.scope
              << ")\n";
    return kOk;
}

}  // namespace

void add_quiz_report_command(CLI::App& quiz, int& exit_code) {
    auto opts = std::make_shared<ReportOptions>();
    CLI::App* cmd = quiz.add_subcommand(
        "report",
        "Quiz attempts recorded in the space's ledger, with trainers' grades of essays counted: "
        "per quiz, per question (most missed first), per agent or per attempt. Attempts whose "
        "essays wait for a grade are listed on stderr. Trainers, supervisors and auditors get "
        "every agent's (fetched from the server now); an agent gets their own.");
    cmd->add_option("--space", opts->space,
                    "The space: its folder or the name of a synced space; default as for other "
                    "commands");
    cmd->add_option("--by", opts->by,
                    "The CSV table: quiz (default), question, agent or attempt (each attempt with "
                    "its record id, score, essays to grade and who graded them)")
        ->check(CLI::IsMember({"quiz", "question", "agent", "attempt"}));
    cmd->add_option("--format", opts->format,
                    "csv (default; one table, see --by), json or pdf (all the tables)")
        ->check(CLI::IsMember({"csv", "json", "pdf"}));
    cmd->add_option("--out", opts->out, "Write to this file instead of standard output");
    cmd->add_option("--agent", opts->agent, "Only this agent's attempts");
    cmd->add_flag("--offline", opts->offline,
                  "Do not contact the server: use the ledger fetched before");
    cmd->callback([opts, &exit_code] { exit_code = run(*opts); });
}

}  // namespace lectern::cli
