#include "quiz/scoring.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <set>

#include "common/text.hpp"

namespace lectern::quiz {

namespace {

// Lowercase, trimmed, inner runs of white space as one space: how short answers compare.
std::string normalise_short_answer(std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return utf8_lower(out);
}

int permille(double weight_percent) {
    return static_cast<int>(std::lround(weight_percent * 10));
}

int clamp_credit(int credit) {
    return std::clamp(credit, 0, 1000);
}

void add(std::vector<std::string>& out, const std::string& text) {
    if (!text.empty()) out.push_back(text);
}

}  // namespace

bool Response::empty() const {
    const bool no_match =
        std::none_of(matches.begin(), matches.end(), [](const auto& m) { return m.has_value(); });
    return chosen.empty() && !truth && text.find_first_not_of(" \t\r\n") == std::string::npos &&
           no_match;
}

std::vector<std::size_t> matching_pairs(const Question& q) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < q.answers.size(); ++i) {
        if (!q.answers[i].text.empty()) out.push_back(i);
    }
    return out;
}

std::vector<std::string> match_options(const Question& q) {
    std::vector<std::string> out;
    for (const auto& a : q.answers) {
        if (std::find(out.begin(), out.end(), a.match) == out.end()) out.push_back(a.match);
    }
    return out;
}

std::optional<double> parse_typed_number(const std::string& typed) {
    std::string t;
    for (char c : typed) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
        t += c == ',' ? '.' : c;
    }
    if (t.empty()) return std::nullopt;
    char* end = nullptr;
    const double v = std::strtod(t.c_str(), &end);
    if (end != t.c_str() + t.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

namespace {

std::string number_text(double v) {
    std::string s = std::to_string(v);
    s.erase(s.find_last_not_of('0') + 1);
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
}

}  // namespace

std::string right_answer_text(const Question& q) {
    std::string out;
    auto join = [&](const std::string& part, const char* sep) {
        out += (out.empty() ? "" : sep) + part;
    };
    switch (q.kind) {
        case QuestionKind::TrueFalse:
            return q.truth ? "True" : "False";
        case QuestionKind::MultipleChoice:
        case QuestionKind::ShortAnswer:
            for (const auto& a : q.answers) {
                if (q.multiple_answers ? a.weight > 0 : a.weight >= 100) join(a.text, " / ");
            }
            return out;
        case QuestionKind::Matching:
            for (std::size_t i : matching_pairs(q))
                join(q.answers[i].text + " → " + q.answers[i].match, "; ");
            return out;
        case QuestionKind::Numerical:
            for (const auto& a : q.answers) {
                if (a.weight < 100) continue;
                if (a.range_min) {
                    join(number_text(*a.range_min) + " to " + number_text(*a.range_max), " / ");
                } else {
                    join(number_text(a.value) +
                             (a.tolerance > 0 ? " (± " + number_text(a.tolerance) + ")" : ""),
                         " / ");
                }
            }
            return out;
        default:
            return out;
    }
}

QuestionResult score_question(const Question& q, const Response& r) {
    QuestionResult out;
    switch (q.kind) {
        case QuestionKind::Description:
            return out;
        case QuestionKind::Essay:
            out.needs_grading = true;
            break;
        case QuestionKind::TrueFalse:
            if (r.truth) {
                const bool right = *r.truth == q.truth;
                out.credit_permille = right ? 1000 : 0;
                add(out.feedback, right ? q.feedback_right : q.feedback_wrong);
            }
            break;
        case QuestionKind::MultipleChoice: {
            std::set<std::size_t> chosen(r.chosen.begin(), r.chosen.end());
            if (!q.multiple_answers && chosen.size() > 1) chosen.clear();  // one only
            // Summed before rounding: three answers of %33.33333% make a full mark.
            double weight = 0;
            for (std::size_t i : chosen) {
                if (i >= q.answers.size()) continue;
                weight += q.answers[i].weight;
                add(out.feedback, q.answers[i].feedback);
            }
            out.credit_permille = clamp_credit(permille(weight));
            break;
        }
        case QuestionKind::ShortAnswer: {
            const std::string typed = normalise_short_answer(r.text);
            if (typed.empty()) break;
            for (const auto& a : q.answers) {
                if (normalise_short_answer(a.text) == typed) {
                    out.credit_permille = clamp_credit(permille(a.weight));
                    add(out.feedback, a.feedback);
                    break;
                }
            }
            break;
        }
        case QuestionKind::Numerical: {
            const auto value = parse_typed_number(r.text);
            if (!value) break;
            const Answer* best = nullptr;
            for (const auto& a : q.answers) {
                const bool hit = a.range_min ? (*value >= *a.range_min && *value <= *a.range_max)
                                             : std::fabs(*value - a.value) <= a.tolerance + 1e-9;
                if (hit && (!best || a.weight > best->weight)) best = &a;
            }
            if (best) {
                out.credit_permille = clamp_credit(permille(best->weight));
                add(out.feedback, best->feedback);
            }
            break;
        }
        case QuestionKind::Matching: {
            const auto pairs = matching_pairs(q);
            const auto options = match_options(q);
            std::size_t right = 0;
            for (std::size_t k = 0; k < pairs.size() && k < r.matches.size(); ++k) {
                const auto& m = r.matches[k];
                if (m && *m < options.size() && options[*m] == q.answers[pairs[k]].match) ++right;
            }
            if (!pairs.empty()) {
                out.credit_permille = static_cast<int>((right * 1000) / pairs.size());
            }
            break;
        }
    }
    add(out.feedback, q.general_feedback);
    return out;
}

}  // namespace lectern::quiz
