// lectern quiz take ID: one question at a time in the terminal; numbers choose, Enter submits.

#include "quiz_take.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <iostream>

#include "commands.hpp"
#include "common/error.hpp"
#include "content/space.hpp"
#include "quiz/runner.hpp"
#include "quiz/typed_answer.hpp"
#include "space_location.hpp"

namespace lectern::cli {

namespace {

// Lines from a file descriptor, read without stdio buffering so the rest of the descriptor
// stays for whoever reads it next.
class FdLines {
  public:
    explicit FdLines(int fd) : fd_(fd) {}

    std::optional<std::string> next() {
        std::string line;
        char c;
        for (;;) {
            const ssize_t n = ::read(fd_, &c, 1);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return line.empty() ? std::nullopt : std::optional(line);
            if (c == '\n') return line;
            line += c;
        }
    }

  private:
    int fd_;
};

std::string percent(int permille) {
    return std::to_string(permille / 10) +
           (permille % 10 ? "." + std::to_string(permille % 10) : "");
}

std::string clock_text(std::chrono::seconds s) {
    const auto m = s.count() / 60;
    const auto sec = s.count() % 60;
    return std::to_string(m) + ":" + (sec < 10 ? "0" : "") + std::to_string(sec);
}

void show_question(const quiz::QuizRunner& r) {
    const quiz::Question& q = r.question();
    std::cout << "\nQuestion " << r.position() + 1 << " of " << r.count();
    if (!q.title.empty()) std::cout << " · " << q.title;
    if (auto left = r.time_left()) std::cout << "   [time left " << clock_text(*left) << "]";
    std::cout << '\n';
    if (q.is_missing_word()) {
        std::cout << q.text << " _____ " << q.text_after << '\n';
    } else {
        std::cout << q.text << '\n';
    }
    const auto options = r.options();
    switch (q.kind) {
        case quiz::QuestionKind::Matching: {
            const auto prompts = r.match_prompts();
            for (std::size_t i = 0; i < prompts.size(); ++i)
                std::cout << "  " << static_cast<char>('a' + i % 26) << ") " << prompts[i] << '\n';
            std::cout << "with:\n";
            for (std::size_t i = 0; i < options.size(); ++i)
                std::cout << "  " << i + 1 << ") " << options[i] << '\n';
            std::cout << "Type one number per item, in order (like 2 1 3), then Enter:\n";
            break;
        }
        case quiz::QuestionKind::MultipleChoice:
        case quiz::QuestionKind::TrueFalse:
            for (std::size_t i = 0; i < options.size(); ++i)
                std::cout << "  " << i + 1 << ") " << options[i] << '\n';
            std::cout << (q.multiple_answers ? "Choose all that apply (like 1 3), then Enter:\n"
                                             : "Choose a number, then Enter:\n");
            break;
        case quiz::QuestionKind::Numerical:
            std::cout << "Type a number, then Enter:\n";
            break;
        case quiz::QuestionKind::Essay:
            std::cout << "Type your answer on one line, then Enter (a trainer grades it):\n";
            break;
        default:
            std::cout << "Type your answer, then Enter:\n";
    }
    std::cout << "> " << std::flush;
}

void show_feedback(const quiz::QuizRunner& r) {
    const quiz::QuestionResult& f = r.feedback();
    const quiz::Question& q = r.question();
    if (f.needs_grading) {
        std::cout << "Recorded: a trainer will grade it.\n";
    } else if (f.full_credit()) {
        std::cout << "Right.\n";
    } else {
        std::cout << (f.credit_permille > 0
                          ? "Partly right (" + std::to_string((f.credit_permille + 5) / 10) + "%)."
                          : std::string("Wrong."))
                  << " The answer: " << quiz::right_answer_text(q) << '\n';
    }
    for (const auto& line : f.feedback) std::cout << "  " << line << '\n';
}

void show_result(const quiz::Attempt& a) {
    std::cout << "\nScore: " << percent(a.score_permille) << "% — "
              << (a.passed ? "passed" : "failed") << " (pass mark " << percent(a.pass_mark_permille)
              << "%)\n";
    if (a.timed_out) std::cout << "The time ran out; questions not answered score nothing.\n";
    if (a.to_be_graded > 0) {
        std::cout << a.to_be_graded << (a.to_be_graded == 1 ? " essay waits" : " essays wait")
                  << " for a trainer's grade; it does not count in the score.\n";
    }
    if (!a.reread.empty()) {
        std::cout << "Read again:\n";
        for (const auto& s : a.reread) {
            std::cout << "  - " << s.title << "   (lectern show " << s.document
                      << (s.anchor.empty() ? "" : ", section #" + s.anchor) << ")\n";
        }
    }
}

}  // namespace

std::optional<quiz::Attempt> run_quiz_in_terminal(const quiz::Quiz& quiz, std::uint64_t seed,
                                                  int attempts_made, int answers_fd) {
    if (auto refusal = quiz::attempt_refusal(quiz, attempts_made)) {
        std::cerr << "lectern: " << *refusal << '\n';
        return std::nullopt;
    }
    quiz::QuizRunner r(quiz, {seed, {}, attempts_made});
    std::cout << quiz.title << "\n"
              << r.count() << " questions, pass mark " << percent(quiz.settings.pass_mark_permille)
              << "%";
    if (quiz.settings.time_limit_minutes)
        std::cout << ", " << *quiz.settings.time_limit_minutes << " minutes";
    std::cout << ". An empty line skips a question.\n";
    FdLines input(answers_fd);
    while (r.state() != quiz::QuizRunner::State::Finished) {
        show_question(r);
        const auto line = input.next();
        if (!line) {
            std::cout << "\nNo more answers: the attempt ends here.\n";
            r.finish();
            break;
        }
        auto parsed = quiz::parse_typed_answer(r, *line);
        if (auto* message = std::get_if<std::string>(&parsed)) {
            std::cout << *message << '\n';
            continue;
        }
        r.submit(std::get<quiz::Response>(parsed));
        if (r.state() == quiz::QuizRunner::State::Finished) break;  // the time ran out
        show_feedback(r);
        r.next();
    }
    show_result(r.attempt());
    return r.attempt();
}

}  // namespace lectern::cli
