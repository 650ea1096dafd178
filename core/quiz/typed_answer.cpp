#include "quiz/typed_answer.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <vector>

namespace lectern::quiz {

namespace {

std::vector<std::string> words(std::string_view line) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : line) {
        if (c == ' ' || c == ',' || c == '\t' || c == '\r' || c == ';') {
            if (!cur.empty()) out.push_back(std::move(cur));
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    return out;
}

// "3" → 2 when 1 <= 3 <= count.
std::optional<std::size_t> position(const std::string& word, std::size_t count) {
    if (word.empty() || word.size() > 4 || !std::all_of(word.begin(), word.end(), [](char c) {
            return std::isdigit(static_cast<unsigned char>(c));
        }))
        return std::nullopt;
    const auto n = static_cast<std::size_t>(std::stoul(word));
    if (n < 1 || n > count) return std::nullopt;
    return n - 1;
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

}  // namespace

std::variant<Response, std::string> parse_typed_answer(const QuizRunner& runner,
                                                       std::string_view line) {
    const Question& q = runner.question();
    const auto w = words(line);
    if (w.empty() && q.kind != QuestionKind::Essay) return Response{};
    const std::size_t count = runner.options().size();
    const std::string range = "1 to " + std::to_string(count);
    switch (q.kind) {
        case QuestionKind::MultipleChoice: {
            if (!q.multiple_answers && w.size() > 1)
                return "choose one answer: a number from " + range;
            std::vector<std::size_t> picks;
            for (const auto& word : w) {
                const auto p = position(word, count);
                if (!p) return "type the number of an answer, from " + range;
                picks.push_back(*p);
            }
            return runner.response_for_choices(picks);
        }
        case QuestionKind::TrueFalse: {
            const std::string a = w.size() == 1 ? lower(w[0]) : "";
            if (a == "1" || a == "t" || a == "true") return runner.response_for_choices({0});
            if (a == "2" || a == "f" || a == "false") return runner.response_for_choices({1});
            return std::string("type 1 for true or 2 for false");
        }
        case QuestionKind::Matching: {
            const std::size_t prompts = runner.match_prompts().size();
            if (w.size() != prompts) {
                return "type " + std::to_string(prompts) +
                       " numbers, one per item in order, each from " + range + " ('-' for none)";
            }
            std::vector<std::optional<std::size_t>> picks;
            for (const auto& word : w) {
                if (word == "-") {
                    picks.push_back(std::nullopt);
                    continue;
                }
                const auto p = position(word, count);
                if (!p) return "each number must be from " + range;
                picks.push_back(*p);
            }
            return runner.response_for_matches(picks);
        }
        default: {
            Response r;
            r.text = std::string(line);
            while (!r.text.empty() && (r.text.back() == '\r' || r.text.back() == '\n'))
                r.text.pop_back();
            return r;
        }
    }
}

}  // namespace lectern::quiz
