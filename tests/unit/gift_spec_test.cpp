// The GIFT spec examples (tests/resources/gift/spec.md): each GIFT block parses to the model in
// the JSON block after it.

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "quiz/gift.hpp"

using namespace lectern;
using namespace lectern::quiz;

namespace {

struct Example {
    std::string name;
    std::string gift;
    std::string json;
};

std::vector<Example> read_spec() {
    std::ifstream in(LECTERN_GIFT_SPEC);
    std::vector<Example> out;
    std::string line, name, *into = nullptr;
    Example current;
    while (std::getline(in, line)) {
        if (line.rfind("## ", 0) == 0 && !into) {
            current = Example{line.substr(3), "", ""};
        } else if (line == "```gift") {
            into = &current.gift;
        } else if (line == "```json") {
            into = &current.json;
        } else if (line == "```" && into) {
            if (into == &current.json) out.push_back(current);
            into = nullptr;
        } else if (into) {
            *into += line + "\n";
        }
    }
    return out;
}

const char* format_name(TextFormat f) {
    switch (f) {
        case TextFormat::Markdown:
            return "markdown";
        case TextFormat::Html:
            return "html";
        case TextFormat::Plain:
            return "plain";
        case TextFormat::Moodle:
            return "moodle";
    }
    return "moodle";
}

// The model with only the fields that differ from their defaults, as the spec writes it.
nlohmann::json model(const GiftBank& bank) {
    nlohmann::json out = nlohmann::json::array();
    for (const Question& q : bank.questions) {
        nlohmann::json j = {{"kind", std::string(to_string(q.kind))}, {"text", q.text}};
        if (!q.title.empty()) j["title"] = q.title;
        if (!q.category.empty()) j["category"] = q.category;
        if (!q.idnumber.empty()) j["idnumber"] = q.idnumber;
        if (!q.tags.empty()) j["tags"] = q.tags;
        if (q.format != TextFormat::Moodle) j["format"] = format_name(q.format);
        if (!q.text_after.empty()) j["text_after"] = q.text_after;
        if (q.truth) j["truth"] = true;
        if (q.multiple_answers) j["multiple_answers"] = true;
        if (!q.feedback_wrong.empty()) j["feedback_wrong"] = q.feedback_wrong;
        if (!q.feedback_right.empty()) j["feedback_right"] = q.feedback_right;
        if (!q.general_feedback.empty()) j["general_feedback"] = q.general_feedback;
        if (q.pin) {
            j["pin"] = {{"document", q.pin->document},
                        {"anchor", q.pin->anchor},
                        {"reviewed", q.pin->reviewed}};
        }
        if (!q.answers.empty()) {
            nlohmann::json answers = nlohmann::json::array();
            for (const Answer& a : q.answers) {
                nlohmann::json aj = {{"text", a.text}};
                if (!a.match.empty()) aj["match"] = a.match;
                if (a.weight != 0) aj["weight"] = a.weight;
                if (!a.feedback.empty()) aj["feedback"] = a.feedback;
                if (a.value != 0) aj["value"] = a.value;
                if (a.tolerance != 0) aj["tolerance"] = a.tolerance;
                if (a.range_min) aj["min"] = *a.range_min;
                if (a.range_max) aj["max"] = *a.range_max;
                answers.push_back(aj);
            }
            j["answers"] = answers;
        }
        out.push_back(j);
    }
    return out;
}

}  // namespace

TEST(GiftSpec, EveryDocumentedExampleParsesToItsModel) {
    const auto examples = read_spec();
    ASSERT_GE(examples.size(), 20u) << "the spec file was not found or not read";
    for (const Example& e : examples) {
        SCOPED_TRACE(e.name);
        Diagnostics problems;
        const GiftBank bank = parse_gift(e.gift, "spec.gift", 1, problems);
        EXPECT_TRUE(problems.items().empty())
            << (problems.items().empty() ? "" : problems.items()[0].to_string());
        EXPECT_EQ(model(bank), nlohmann::json::parse(e.json));
    }
}
