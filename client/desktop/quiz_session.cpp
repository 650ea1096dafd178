#include "quiz_session.hpp"

#include <algorithm>

#include <wx/intl.h>

#include "render/markdown.hpp"
#include "wx_text.hpp"

namespace lectern::desktop {

namespace {

using quiz::QuestionKind;

std::string esc(std::string_view s) {
    return render::escape_html(s);
}

std::string tr(const wxString& s) {
    return esc(from_wx(s));
}

std::string percent(int permille) {
    std::string out = std::to_string(permille / 10);
    if (permille % 10) {
        out += '.';
        out += std::to_string(permille % 10);
    }
    return out;
}

// The question's words: Markdown questions rendered (safely), others escaped.
std::string text_html(const quiz::Question& q) {
    const std::string text = q.is_missing_word() ? q.text + " _____ " + q.text_after : q.text;
    if (q.format == quiz::TextFormat::Markdown) return render::render_html(text);
    std::string out = "<p>";
    for (char c : esc(text)) out += c == '\n' ? std::string("<br>") : std::string(1, c);
    return out + "</p>";
}

}  // namespace

QuizSession::QuizSession(const quiz::Quiz& quiz, std::uint64_t seed, int attempts_made,
                         Record record, quiz::Clock clock)
    : runner_(quiz, {seed, std::move(clock), attempts_made}), record_(record) {}

bool QuizSession::give_up() {
    if (state() == quiz::QuizRunner::State::Finished) return false;
    runner_.finish();
    chosen_.clear();
    return true;
}

bool QuizSession::end_if_time_is_up() {
    if (state() == quiz::QuizRunner::State::Finished) return false;
    const auto left = runner_.time_left();
    if (!left || left->count() > 0) return false;
    runner_.finish();
    chosen_.clear();
    return true;
}

bool QuizSession::may_sign() const {
    return state() == quiz::QuizRunner::State::Finished &&
           (record_ == Record::Unsigned || record_ == Record::WrongPassphrase ||
            record_ == Record::Failed);
}

void QuizSession::set_record(Record record, std::string message) {
    record_ = record;
    record_message_ = std::move(message);
}

bool QuizSession::wants_text() const {
    if (state() != quiz::QuizRunner::State::Question) return false;
    const auto kind = runner_.question().kind;
    return kind == QuestionKind::ShortAnswer || kind == QuestionKind::Numerical ||
           kind == QuestionKind::Essay;
}

bool QuizSession::press_number(int number) {
    if (state() != quiz::QuizRunner::State::Question || wants_text() || number < 1) return false;
    const auto options = runner_.options();
    const auto pos = static_cast<std::size_t>(number - 1);
    if (pos >= options.size()) return false;
    const quiz::Question& q = runner_.question();
    if (q.kind == QuestionKind::Matching) {
        if (chosen_.size() >= runner_.match_prompts().size()) return false;
        chosen_.push_back(pos);
    } else if (q.kind == QuestionKind::MultipleChoice && q.multiple_answers) {
        const auto it = std::find(chosen_.begin(), chosen_.end(), pos);
        if (it == chosen_.end()) {
            chosen_.push_back(pos);
        } else {
            chosen_.erase(it);
        }
    } else {
        chosen_ = {pos};
    }
    return true;
}

bool QuizSession::press_backspace() {
    if (state() != quiz::QuizRunner::State::Question || chosen_.empty()) return false;
    chosen_.pop_back();
    return true;
}

bool QuizSession::press_enter(const std::string& typed) {
    switch (state()) {
        case quiz::QuizRunner::State::Question: {
            const quiz::Question& q = runner_.question();
            quiz::Response r;
            if (wants_text()) {
                if (typed.find_first_not_of(" \t\r\n") == std::string::npos) return false;
                r.text = typed;
            } else if (q.kind == QuestionKind::Matching) {
                std::vector<std::optional<std::size_t>> picks(chosen_.begin(), chosen_.end());
                if (picks.empty()) return false;
                picks.resize(runner_.match_prompts().size());
                r = runner_.response_for_matches(picks);
            } else {
                if (chosen_.empty()) return false;
                r = runner_.response_for_choices(chosen_);
            }
            runner_.submit(r);
            chosen_.clear();
            return true;
        }
        case quiz::QuizRunner::State::Feedback:
            runner_.next();
            return true;
        case quiz::QuizRunner::State::Finished:
            return false;
    }
    return false;
}

std::string QuizSession::page_html() const {
    switch (state()) {
        case quiz::QuizRunner::State::Question:
            return question_html();
        case quiz::QuizRunner::State::Feedback:
            return feedback_html();
        case quiz::QuizRunner::State::Finished:
            return result_html();
    }
    return {};
}

std::string QuizSession::question_html() const {
    const quiz::Question& q = runner_.question();
    std::string html =
        "<h2>" + esc(runner_.quiz().title) + "</h2><p><font color=\"#555555\">" +
        // TRANSLATORS: "Question 2 of 10"
        tr(wxString::Format(_("Question %zu of %zu"), runner_.position() + 1, runner_.count()));
    if (auto left = runner_.time_left()) {
        html += " · " + tr(wxString::Format(_("%lld min left"),
                                            static_cast<long long>((left->count() + 59) / 60)));
    }
    html += "</font></p>";
    if (!q.title.empty()) html += "<h3>" + esc(q.title) + "</h3>";
    html += text_html(q);
    const auto options = runner_.options();
    if (q.kind == QuestionKind::Matching) {
        const auto prompts = runner_.match_prompts();
        html += "<table border=\"0\" cellpadding=\"4\">";
        for (std::size_t i = 0; i < prompts.size(); ++i) {
            const std::string pick = i < chosen_.size() ? std::to_string(chosen_[i] + 1) + ". " +
                                                              esc(options[chosen_[i]])
                                                        : std::string("…");
            html +=
                "<tr><td>" + esc(prompts[i]) + "</td><td>→</td><td><b>" + pick + "</b></td></tr>";
        }
        html += "</table>";
    }
    if (!options.empty()) {
        html += "<ol>";
        for (std::size_t i = 0; i < options.size(); ++i) {
            const bool on = q.kind != QuestionKind::Matching &&
                            std::find(chosen_.begin(), chosen_.end(), i) != chosen_.end();
            html += "<li>" + std::string(on ? "<b>[x] " : (q.multiple_answers ? "[ ] " : "")) +
                    esc(options[i]) + (on ? "</b>" : "") + "</li>";
        }
        html += "</ol>";
    }
    std::string hint;
    if (wants_text()) {
        hint = from_wx(_("Type your answer below, then press Enter."));
    } else if (q.kind == QuestionKind::Matching) {
        hint =
            from_wx(_("For each item in turn, press the number of its match; Backspace undoes; "
                      "Enter submits."));
    } else if (q.multiple_answers) {
        hint = from_wx(_("Press the numbers of all that apply, then Enter."));
    } else {
        hint = from_wx(_("Press the number of your answer, then Enter."));
    }
    return html + "<p><i>" + esc(hint) + "</i></p>";
}

std::string QuizSession::feedback_html() const {
    const quiz::Question& q = runner_.question();
    const quiz::QuestionResult& f = runner_.feedback();
    std::string html = "<h2>" + esc(runner_.quiz().title) + "</h2>";
    if (!q.title.empty()) html += "<h3>" + esc(q.title) + "</h3>";
    if (f.needs_grading) {
        html += "<p><b>" + tr(_("Recorded: a trainer will grade it.")) + "</b></p>";
    } else if (f.full_credit()) {
        html += "<p><font color=\"#1a7f37\"><b>" + tr(_("Right.")) + "</b></font></p>";
    } else {
        html += "<p><font color=\"#b3261e\"><b>" +
                (f.credit_permille > 0
                     ? tr(wxString::Format(_("Partly right (%d%%)."), (f.credit_permille + 5) / 10))
                     : tr(_("Wrong."))) +
                "</b></font> " + tr(_("The answer:")) + " " + esc(quiz::right_answer_text(q)) +
                "</p>";
    }
    for (const auto& line : f.feedback) html += "<p>" + esc(line) + "</p>";
    return html + "<p><i>" + tr(_("Press Enter to go on.")) + "</i></p>";
}

std::string QuizSession::result_html() const {
    const quiz::Attempt& a = runner_.attempt();
    std::string html = "<h2>" + esc(runner_.quiz().title) + "</h2>";
    html += "<h1>" + esc(percent(a.score_permille)) + " % — " +
            (a.passed ? "<font color=\"#1a7f37\">" + tr(_("passed")) + "</font>"
                      : "<font color=\"#b3261e\">" + tr(_("failed")) + "</font>") +
            "</h1><p>" +
            tr(wxString::Format(_("Pass mark: %s %%"), to_wx(percent(a.pass_mark_permille)))) +
            "</p>";
    if (a.timed_out) html += "<p>" + tr(_("The time ran out.")) + "</p>";
    if (a.to_be_graded > 0) {
        html +=
            "<p>" +
            tr(wxString::Format(wxPLURAL("%zu essay waits for a trainer's grade.",
                                         "%zu essays wait for a trainer's grade.", a.to_be_graded),
                                a.to_be_graded)) +
            "</p>";
    }
    if (!a.reread.empty()) {
        html += "<h3>" + tr(_("Read again")) + "</h3><ul>";
        for (const auto& s : a.reread) {
            html += "<li><a href=\"lectern://document/" + esc(s.document);
            if (!s.anchor.empty()) {
                html += '#';
                html += esc(s.anchor);
            }
            html += "\">" + esc(s.title) + "</a></li>";
        }
        html += "</ul>";
    }
    return html + record_html();
}

std::string QuizSession::record_html() const {
    const auto line = [](const wxString& text, const char* colour = nullptr) {
        return std::string("<p><b>") +
               (colour ? "<font color=\"" + std::string(colour) + "\">" : "") + tr(text) +
               (colour ? "</font>" : "") + "</b></p>";
    };
    const char* const green = "#1a7f37";
    const char* const red = "#b3261e";
    switch (record_) {
        case Record::Practice:
            // TRANSLATORS: a quiz taken in a folder that is neither the sample nor a synced space.
            return "<p>" +
                   tr(_("Practice: this copy of the content has no published versions, so the "
                        "attempt is not recorded. Open the sample content or a synced space to "
                        "record signed attempts.")) +
                   "</p><p><i>" + tr(_("Esc closes the quiz.")) + "</i></p>";
        case Record::Unsigned:
            return line(
                _("Not recorded yet: press Enter to sign this attempt with your "
                  "passphrase. Esc closes the quiz without recording it."));
        case Record::Signing:
            return line(_("Signing\u2026"));
        case Record::WrongPassphrase:
            return line(_("Wrong passphrase: nothing was recorded. Press Enter to try again; Esc "
                          "closes the quiz without recording it."),
                        red);
        case Record::Failed:
            return line(wxString::Format(_("Not recorded: %s"), to_wx(record_message_)), red) +
                   "<p><i>" + tr(_("Press Enter to try again; Esc closes the quiz.")) + "</i></p>";
        case Record::Queued:
            // TRANSLATORS: a signed quiz attempt whose record has not reached the server.
            return line(_("Signed \u2713 \u2014 queued until the next sync."), green) + "<p><i>" +
                   tr(_("Esc closes the quiz.")) + "</i></p>";
        case Record::Kept:
            // TRANSLATORS: a signed quiz attempt on the sample content, which has no server.
            return line(_("Signed \u2713 \u2014 kept on this computer (sample content)."), green) +
                   "<p><i>" + tr(_("Esc closes the quiz.")) + "</i></p>";
        case Record::OnServer:
            return line(_("Signed \u2713 \u2014 the server has the record."), green) + "<p><i>" +
                   tr(_("Esc closes the quiz.")) + "</i></p>";
    }
    return {};
}

}  // namespace lectern::desktop
