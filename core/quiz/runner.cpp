#include "quiz/runner.hpp"

#include <algorithm>

#include "common/error.hpp"

namespace lectern::quiz {

std::optional<std::string> attempt_refusal(const Quiz& quiz, int attempts_made) {
    if (quiz.settings.attempts && attempts_made >= *quiz.settings.attempts) {
        return "all " + std::to_string(*quiz.settings.attempts) + " attempts at '" + quiz.id +
               "' are used for this version; ask its owner or your trainer";
    }
    return std::nullopt;
}

QuizRunner::QuizRunner(const Quiz& quiz, RunnerOptions options)
    : quiz_(quiz), options_(std::move(options)) {
    if (auto refusal = attempt_refusal(quiz_, options_.attempts_made))
        throw Error(ErrorKind::InvalidArgument, *refusal);
    drawn_ = draw_questions(quiz_.bank, quiz_.settings, options_.seed);
    started_ = now();
    attempt_.quiz_id = quiz_.id;
    attempt_.quiz_version = quiz_.blob_id;
    attempt_.seed = options_.seed;
    attempt_.pass_mark_permille = quiz_.settings.pass_mark_permille;
    attempt_.started_at = rfc3339_utc(started_);
    for (const auto& d : drawn_) {
        const Question& q = quiz_.bank.questions[d.index];
        AnsweredQuestion a;
        a.index = d.index;
        a.key = q.key();
        a.kind = q.kind;
        a.option_order = d.option_order;
        a.needs_grading = q.kind == QuestionKind::Essay;
        attempt_.questions.push_back(std::move(a));
    }
    if (drawn_.empty()) close(false);
}

std::chrono::system_clock::time_point QuizRunner::now() const {
    return options_.clock ? options_.clock() : std::chrono::system_clock::now();
}

const Question& QuizRunner::question() const {
    return quiz_.bank.questions[drawn_[std::min(position_, drawn_.size() - 1)].index];
}

std::vector<std::string> QuizRunner::options() const {
    const Question& q = question();
    const auto& order = drawn_[position_].option_order;
    std::vector<std::string> out;
    if (q.kind == QuestionKind::MultipleChoice) {
        for (std::size_t i : order) out.push_back(q.answers[i].text);
    } else if (q.kind == QuestionKind::TrueFalse) {
        out = {"True", "False"};
    } else if (q.kind == QuestionKind::Matching) {
        const auto all = match_options(q);
        for (std::size_t i : order) out.push_back(all[i]);
    }
    return out;
}

std::vector<std::string> QuizRunner::match_prompts() const {
    const Question& q = question();
    std::vector<std::string> out;
    if (q.kind != QuestionKind::Matching) return out;
    for (std::size_t i : matching_pairs(q)) out.push_back(q.answers[i].text);
    return out;
}

Response QuizRunner::response_for_choices(const std::vector<std::size_t>& positions) const {
    const Question& q = question();
    const auto& order = drawn_[position_].option_order;
    Response r;
    if (q.kind == QuestionKind::TrueFalse && !positions.empty() && positions.front() < 2) {
        r.truth = positions.front() == 0;
    } else if (q.kind == QuestionKind::MultipleChoice) {
        for (std::size_t p : positions) {
            if (p < order.size()) r.chosen.push_back(order[p]);
        }
    }
    return r;
}

Response QuizRunner::response_for_matches(
    const std::vector<std::optional<std::size_t>>& positions) const {
    const auto& order = drawn_[position_].option_order;
    Response r;
    for (const auto& p : positions) {
        r.matches.push_back(p && *p < order.size() ? std::optional(order[*p]) : std::nullopt);
    }
    return r;
}

std::optional<std::chrono::seconds> QuizRunner::time_left() const {
    if (!quiz_.settings.time_limit_minutes) return std::nullopt;
    const auto limit = std::chrono::minutes(*quiz_.settings.time_limit_minutes);
    const auto used = std::chrono::duration_cast<std::chrono::seconds>(now() - started_);
    return std::max(std::chrono::seconds(0), std::chrono::seconds(limit) - used);
}

bool QuizRunner::time_is_up() const {
    const auto left = time_left();
    return left && left->count() <= 0;
}

void QuizRunner::submit(const Response& response) {
    if (state_ != State::Question)
        throw Error(ErrorKind::InvalidArgument, "no question is waiting for an answer");
    if (time_is_up()) {
        close(true);
        return;
    }
    const Question& q = question();
    last_ = score_question(q, response);
    AnsweredQuestion& a = attempt_.questions[position_];
    a.answered = !response.empty();
    a.response = response;
    a.credit_permille = last_.credit_permille;
    a.needs_grading = last_.needs_grading;
    state_ = State::Feedback;
}

const QuestionResult& QuizRunner::feedback() const {
    return last_;
}

void QuizRunner::next() {
    if (state_ != State::Feedback) return;
    if (++position_ >= drawn_.size() || time_is_up()) {
        position_ = std::min(position_, drawn_.size() - 1);
        close(time_is_up());
        return;
    }
    state_ = State::Question;
}

void QuizRunner::finish() {
    if (state_ != State::Finished) close(time_is_up());
}

void QuizRunner::close(bool timed_out) {
    state_ = State::Finished;
    attempt_.timed_out = timed_out;
    attempt_.finished_at = rfc3339_utc(now());
    total_up(attempt_);
    attempt_.reread.clear();
    if (attempt_.passed) return;
    for (const auto& a : attempt_.questions) {
        if (a.needs_grading || a.credit_permille >= 1000) continue;
        auto it = quiz_.reread.find(a.index);
        if (it == quiz_.reread.end()) continue;
        if (std::find(attempt_.reread.begin(), attempt_.reread.end(), it->second) ==
            attempt_.reread.end())
            attempt_.reread.push_back(it->second);
    }
}

}  // namespace lectern::quiz
