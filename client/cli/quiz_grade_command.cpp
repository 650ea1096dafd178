// lectern quiz grade ATTEMPT-ID --points P [--question N] [--comment TEXT] [--space S]
//                   [--passphrase-fd N] [--offline]
// A trainer's grade of an essay in a recorded attempt: a signed quiz-grade record in the
// grader's own ledger branch, pushed by the next `lectern sync`.

#include <algorithm>
#include <cmath>
#include <iostream>

#include "commands.hpp"
#include "common/error.hpp"
#include "content/history.hpp"
#include "ledger/record.hpp"
#include "passphrase_input.hpp"
#include "quiz/attempt_records.hpp"
#include "quiz/grades.hpp"
#include "signer_identity.hpp"
#include "signing_tries.hpp"
#include "signoff_space.hpp"

namespace lectern::cli {

namespace {

struct GradeOptions {
    std::string space;
    std::string attempt;
    std::string points;
    std::optional<std::size_t> question;
    std::string comment;
    bool offline = false;
    std::optional<int> passphrase_fd;
};

// Points out of the essay's mark (1), as typed: 1, 0.5, 0,75.
int credit_of(const std::string& typed) {
    std::string text = typed;
    for (char& c : text) {
        if (c == ',') c = '.';
    }
    std::size_t used = 0;
    double points = -1;
    try {
        points = std::stod(text, &used);
    } catch (const std::logic_error&) {
        used = 0;
    }
    if (used != text.size() || text.empty() || !(points >= 0 && points <= 1))
        throw Error(ErrorKind::InvalidArgument,
                    "--points must be 0 to 1, the essay's mark (like 0.5), not '" + typed + "'");
    return static_cast<int>(std::lround(points * 1000));
}

std::string percent(int permille) {
    return std::to_string(permille / 10) +
           (permille % 10 ? "." + std::to_string(permille % 10) : std::string());
}

int run(const GradeOptions& opts) {
    const int credit = credit_of(opts.points);
    const SignoffSpace where = locate_signoff_space(opts.space);
    const sync::ClientConfig config = require_client_config();
    auto key = enrolled_key(config);
    if (!key)
        throw Error(ErrorKind::InvalidArgument, "this device is not enrolled for " + config.user +
                                                    ": run `lectern enroll` first, then grade");
    // The attempt comes from the space's ledger as this reader may see it (fetched now).
    const ledger::SpaceLedger seen = read_ledger_of(where, opts.offline);
    const ledger::StoredRecord* found = nullptr;
    for (const auto& stored : seen.records) {
        if (stored.record.id == opts.attempt) found = &stored;
    }
    if (!found || found->record.kind != ledger::kKindQuizAttempt) {
        std::cerr << "lectern: no quiz attempt " << opts.attempt << " in the ledger of "
                  << where.name
                  << (seen.own_only() ? " that you may read (only your own records)" : "")
                  << ": `lectern quiz report --by attempt` lists the attempts and their ids\n";
        return kFailure;
    }
    const auto attempts = quiz::graded_attempts(seen.records);
    const auto attempt = std::find_if(attempts.begin(), attempts.end(),
                                      [&](const auto& a) { return a.record_id == opts.attempt; });
    if (attempt == attempts.end()) {
        std::cerr << "lectern: record " << opts.attempt << " is not a quiz attempt Lectern can "
                  << "read\n";
        return kFailure;
    }
    quiz::Grade grade;
    grade.attempt_record = opts.attempt;
    grade.attempt_agent = found->record.agent;
    grade.question = quiz::essay_to_grade(attempt->attempt, opts.question);
    grade.credit_permille = credit;
    grade.comment = opts.comment;
    const auto repository = content::ContentRepository::open(where.content);
    if (!repository)
        throw Error(ErrorKind::InvalidArgument,
                    where.content.string() + " is not a git working tree: sync it first");
    const ledger::DocumentToSign quiz = quiz::graded_quiz(*repository, found->record);
    std::cout << "Grading " << found->record.agent << "'s attempt at " << found->record.title
              << " (" << found->record.signed_at << "), question " << grade.question + 1 << ": "
              << opts.points << " of 1 point.\n";
    const auto signed_record = sign_with_passphrase(
        [&] { return quiz::grade_signing_request(quiz, grade, *key, where.ledger); },
        opts.passphrase_fd, "Passphrase to sign this grade: ");
    if (!signed_record) {
        std::cerr << "lectern: the grade was not signed, so it is not recorded\n";
        return kFailure;
    }
    // The attempt as reports now show it.
    auto regraded = std::vector<quiz::RecordedAttempt>{*attempt};
    quiz::apply_grades(regraded, {{signed_record->id, config.user, "~", grade}});
    const quiz::Attempt& a = regraded.front().attempt;
    std::cout << "Graded and signed: record " << signed_record->id << ". The attempt now scores "
              << percent(a.score_permille) << "% (" << (a.passed ? "passed" : "failed")
              << (a.to_be_graded ? ", essays still to grade: " + std::to_string(a.to_be_graded)
                                 : std::string())
              << "); the grade reaches the server on the next `lectern sync`.\n";
    return kOk;
}

}  // namespace

void add_quiz_grade_command(CLI::App& quiz, int& exit_code) {
    auto opts = std::make_shared<GradeOptions>();
    CLI::App* cmd = quiz.add_subcommand(
        "grade",
        "Grade an essay of a recorded quiz attempt (trainers, supervisors, admins of the space): "
        "signs a quiz-grade record with your passphrase into your own ledger branch; the next "
        "`lectern sync` sends it and reports count the essay with its grade. Exit code 0 when "
        "recorded, 2 when not.");
    cmd->add_option("ATTEMPT-ID", opts->attempt,
                    "The attempt's record id (`lectern quiz report --by attempt` lists them)")
        ->required();
    cmd->add_option("--points", opts->points, "The essay's points, 0 to 1 (its mark): 1, 0.5, 0")
        ->required();
    cmd->add_option("--question", opts->question,
                    "Which essay, by its position in the attempt (1 = first question asked); "
                    "needed only when the attempt has several");
    cmd->add_option("--comment", opts->comment, "A comment for the agent, signed with the grade");
    cmd->add_option("--space", opts->space,
                    "The space: its folder or the name of a synced space; default as for other "
                    "commands");
    cmd->add_flag("--offline", opts->offline,
                  "Do not contact the server: find the attempt in the ledger fetched before");
    add_passphrase_fd_option(*cmd, opts->passphrase_fd);
    cmd->callback([opts, &exit_code] { exit_code = run(*opts); });
}

}  // namespace lectern::cli
