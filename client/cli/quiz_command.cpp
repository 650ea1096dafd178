// lectern quiz list | take ID | report

#include <iomanip>
#include <iostream>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "content/space.hpp"
#include "passphrase_input.hpp"
#include "quiz/attempt_records.hpp"
#include "quiz/draw.hpp"
#include "quiz/quiz.hpp"
#include "quiz_recording.hpp"
#include "quiz_take.hpp"
#include "signoff_space.hpp"
#include "space_location.hpp"

namespace lectern::cli {

void add_quiz_report_command(CLI::App& quiz, int& exit_code);
void add_quiz_grade_command(CLI::App& quiz, int& exit_code);

namespace {

struct QuizOptions {
    std::string space;
    std::string id;
    int answers_fd = 0;
    std::string seed;
    bool json = false;
    bool practice = false;
    std::optional<int> passphrase_fd;
};

int run_list(const QuizOptions& opts) {
    Diagnostics problems;
    const auto root = locate_space(opts.space);
    const content::Space space = content::Space::load(root, problems);
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& doc : space.documents()) {
        if (doc.type != content::DocumentType::Quiz) continue;
        const quiz::QuizSettings s = quiz::quiz_settings(doc);
        Diagnostics bank_problems;
        const auto bank = quiz::parse_gift(doc.body, doc.path, doc.body_first_line, bank_problems);
        const std::size_t questions = bank.gradable_count();
        const std::size_t asked = s.pool_size ? std::min(*s.pool_size, questions) : questions;
        if (opts.json) {
            nlohmann::json row = {{"id", doc.id},
                                  {"title", doc.title},
                                  {"lang", doc.lang},
                                  {"version", doc.blob_id},
                                  {"questions", questions},
                                  {"asked", asked},
                                  {"pass_mark_percent", s.pass_mark_permille / 10.0},
                                  {"tests", s.tests},
                                  {"gates_signoff", s.gates_signoff}};
            if (s.attempts) row["attempts"] = *s.attempts;
            if (s.time_limit_minutes) row["time_limit_minutes"] = *s.time_limit_minutes;
            rows.push_back(row);
            continue;
        }
        std::cout << std::left << std::setw(24) << doc.id << std::setw(4) << doc.lang << doc.title
                  << "\n    " << asked << " of " << questions << " questions, pass mark "
                  << s.pass_mark_permille / 10 << "%";
        if (s.time_limit_minutes) std::cout << ", " << *s.time_limit_minutes << " min";
        if (s.attempts) std::cout << ", " << *s.attempts << " attempts";
        if (!s.tests.empty()) std::cout << ", tests " << s.tests;
        if (s.gates_signoff) std::cout << " (needed before signing it)";
        std::cout << '\n';
    }
    if (opts.json) std::cout << rows.dump(2) << '\n';
    return kOk;
}

std::uint64_t parse_seed(const std::string& text) {
    if (text.empty()) return quiz::random_seed();
    try {
        std::size_t used = 0;
        const auto v = std::stoull(text, &used, 0);
        if (used == text.size()) return v;
    } catch (const std::logic_error&) {
    }
    throw Error(ErrorKind::InvalidArgument, "--seed must be a whole number, like 42 or 0x2a");
}

int run_take(const QuizOptions& opts) {
    // A space of a server records attempts in its ledger; a plain folder is practice.
    std::optional<SignoffSpace> where;
    try {
        where = locate_signoff_space(opts.space);
    } catch (const Error& e) {
        if (e.kind() != ErrorKind::InvalidArgument) throw;
    }
    const auto root = where ? where->content : locate_space(opts.space);
    Diagnostics problems;
    const content::Space space = content::Space::load(root, problems);
    const content::Document* doc = space.find(opts.id);
    if (!doc || doc->type != content::DocumentType::Quiz) {
        std::cerr << "lectern: no quiz with id or path '" << opts.id << "' in " << root.string()
                  << " (lectern quiz list shows them)\n";
        return kFailure;
    }
    const quiz::Quiz quiz = quiz::load_quiz(space, *doc);
    std::optional<AttemptRecorder> recorder;
    int made = 0;
    if (where && !opts.practice) {
        recorder = attempt_recorder(opts.space);
        made = quiz::attempts_made(local_attempts(recorder->where), recorder->config.user, quiz.id,
                                   quiz.blob_id);
    } else {
        std::cout << "Practice: this attempt is not recorded"
                  << (where ? "." : " (" + root.string() + " is not a space of a server).") << "\n";
    }
    const auto attempt = run_quiz_in_terminal(quiz, parse_seed(opts.seed), made, opts.answers_fd);
    if (!attempt) return kFailure;
    if (recorder && !record_attempt(*recorder, *attempt, opts.passphrase_fd)) return kFailure;
    return attempt->passed ? kOk : kFindings;
}

}  // namespace

void add_quiz_command(CLI::App& app, int& exit_code) {
    CLI::App* quiz =
        app.add_subcommand("quiz", "List quizzes, take them, report on attempts, grade essays.");
    quiz->require_subcommand(1);

    auto list_opts = std::make_shared<QuizOptions>();
    CLI::App* list = quiz->add_subcommand(
        "list",
        "List the quizzes of a space: questions asked, pass mark, limits, what each tests.");
    add_space_option(*list, list_opts->space);
    list->add_flag("--json", list_opts->json, "Print a JSON array");
    list->callback([list_opts, &exit_code] { exit_code = run_list(*list_opts); });

    auto take_opts = std::make_shared<QuizOptions>();
    CLI::App* take = quiz->add_subcommand(
        "take",
        "Take a quiz in the terminal, one question at a time: type the number of an answer (or "
        "the answer) and press Enter. In a space of a server the attempt is then signed with "
        "your passphrase and recorded in the ledger (pushed on the next sync); in a plain folder "
        "it is practice. Exit code 0 when passed, 1 when failed, 2 when the attempt could not "
        "start or be recorded.");
    take->add_option("ID", take_opts->id, "The quiz's id (gdpr-basics) or path")->required();
    add_space_option(*take, take_opts->space);
    take->add_option("--answers-fd", take_opts->answers_fd,
                     "Read answer lines from this file descriptor instead of standard input")
        ->check(CLI::NonNegativeNumber);
    take->add_option("--seed", take_opts->seed,
                     "Seed of the draw and shuffle (same seed, same questions in the same order); "
                     "default: random");
    take->add_flag("--practice", take_opts->practice,
                   "Take the quiz without recording the attempt (it counts for nothing)");
    add_passphrase_fd_option(*take, take_opts->passphrase_fd);
    take->callback([take_opts, &exit_code] { exit_code = run_take(*take_opts); });
    add_quiz_report_command(*quiz, exit_code);
    add_quiz_grade_command(*quiz, exit_code);
}

}  // namespace lectern::cli
