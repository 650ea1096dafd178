// libFuzzer target: the GIFT parser and the scoring of whatever it reads must never crash,
// hang or read out of bounds, whatever bytes a trainer (or an attacker) puts in a quiz file.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "quiz/gift.hpp"
#include "quiz/scoring.hpp"

using namespace lectern;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    Diagnostics out;
    const quiz::GiftBank bank = quiz::parse_gift(text, "fuzz.gift", 1, out);
    // Every finding is located inside the input.
    for (const auto& d : out.items()) {
        if (d.where.file != "fuzz.gift" || d.where.line < 1 || d.where.column < 1) std::abort();
    }
    for (const auto& q : bank.questions) {
        if (q.line < 1) std::abort();
        // Score each question with what the input itself offers as answers.
        quiz::Response r;
        for (std::size_t i = 0; i < q.answers.size() + 1; ++i) r.chosen.push_back(i);
        r.truth = size % 2 == 0;
        r.text = q.answers.empty() ? std::string(text.substr(0, 16)) : q.answers.front().text;
        for (std::size_t i = 0; i < q.answers.size(); ++i) r.matches.push_back(i);
        const auto result = quiz::score_question(q, r);
        if (result.credit_permille < 0 || result.credit_permille > 1000) std::abort();
        (void)quiz::right_answer_text(q);
        (void)q.key();
    }
    return 0;
}
