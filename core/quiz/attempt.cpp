#include "quiz/attempt.hpp"

#include <ctime>
#include <iomanip>
#include <sstream>

#include <nlohmann/json.hpp>

#include "common/error.hpp"

namespace lectern::quiz {

namespace {

std::optional<QuestionKind> kind_from_string(const std::string& s) {
    for (QuestionKind k :
         {QuestionKind::MultipleChoice, QuestionKind::TrueFalse, QuestionKind::ShortAnswer,
          QuestionKind::Matching, QuestionKind::Numerical, QuestionKind::Essay}) {
        if (to_string(k) == s) return k;
    }
    return std::nullopt;
}

nlohmann::json response_json(const AnsweredQuestion& q) {
    nlohmann::json a = nlohmann::json::object();
    if (!q.answered) return a;
    const Response& r = q.response;
    switch (q.kind) {
        case QuestionKind::MultipleChoice:
            a["chosen"] = r.chosen;
            break;
        case QuestionKind::TrueFalse:
            if (r.truth) a["truth"] = *r.truth;
            break;
        case QuestionKind::Matching: {
            // -1 for a pair left unanswered: canonical JSON keeps to plain integers.
            nlohmann::json m = nlohmann::json::array();
            for (const auto& x : r.matches) m.push_back(x ? static_cast<std::int64_t>(*x) : -1);
            a["matches"] = m;
            break;
        }
        default:
            a["text"] = r.text;
    }
    return a;
}

Response response_from_json(const nlohmann::json& a) {
    Response r;
    if (auto it = a.find("chosen"); it != a.end()) r.chosen = it->get<std::vector<std::size_t>>();
    if (auto it = a.find("truth"); it != a.end()) r.truth = it->get<bool>();
    if (auto it = a.find("text"); it != a.end()) r.text = it->get<std::string>();
    if (auto it = a.find("matches"); it != a.end()) {
        for (const auto& m : *it) {
            const auto v = m.get<std::int64_t>();
            r.matches.push_back(v < 0 ? std::nullopt
                                      : std::optional<std::size_t>(static_cast<std::size_t>(v)));
        }
    }
    return r;
}

std::string hex64(std::uint64_t v) {
    std::ostringstream s;
    s << std::hex << std::setw(16) << std::setfill('0') << v;
    return s.str();
}

}  // namespace

void total_up(Attempt& attempt) {
    long long credit = 0;
    long long scored = 0;
    attempt.to_be_graded = 0;
    for (const auto& q : attempt.questions) {
        if (q.needs_grading) {
            ++attempt.to_be_graded;
            continue;
        }
        credit += q.credit_permille;
        ++scored;
    }
    attempt.score_permille = scored == 0 ? 0 : static_cast<int>((credit + scored / 2) / scored);
    attempt.passed = scored > 0 && attempt.score_permille >= attempt.pass_mark_permille;
}

nlohmann::json attempt_details(const Attempt& attempt) {
    nlohmann::json questions = nlohmann::json::array();
    for (const auto& q : attempt.questions) {
        questions.push_back({{"index", q.index},
                             {"key", q.key},
                             {"kind", std::string(to_string(q.kind))},
                             {"order", q.option_order},
                             {"answered", q.answered},
                             {"answer", response_json(q)},
                             {"credit_permille", q.credit_permille},
                             {"needs_grading", q.needs_grading}});
    }
    nlohmann::json reread = nlohmann::json::array();
    for (const auto& s : attempt.reread) {
        reread.push_back({{"document", s.document}, {"anchor", s.anchor}, {"title", s.title}});
    }
    return {{"seed", hex64(attempt.seed)},
            {"questions", questions},
            {"score_permille", attempt.score_permille},
            {"pass_mark_permille", attempt.pass_mark_permille},
            {"passed", attempt.passed},
            {"timed_out", attempt.timed_out},
            {"to_be_graded", attempt.to_be_graded},
            {"started_at", attempt.started_at},
            {"finished_at", attempt.finished_at},
            {"reread", reread}};
}

Attempt attempt_from_details(const nlohmann::json& d, const std::string& quiz_id,
                             const std::string& quiz_version, const std::string& source) {
    try {
        Attempt a;
        a.quiz_id = quiz_id;
        a.quiz_version = quiz_version;
        a.seed = std::stoull(d.at("seed").get<std::string>(), nullptr, 16);
        for (const auto& q : d.at("questions")) {
            AnsweredQuestion aq;
            aq.index = q.at("index").get<std::size_t>();
            aq.key = q.at("key").get<std::string>();
            const auto kind = kind_from_string(q.at("kind").get<std::string>());
            if (!kind) throw Error(ErrorKind::InvalidContent, "unknown question kind", {source});
            aq.kind = *kind;
            aq.option_order = q.at("order").get<std::vector<std::size_t>>();
            aq.answered = q.at("answered").get<bool>();
            aq.response = response_from_json(q.at("answer"));
            aq.credit_permille = q.at("credit_permille").get<int>();
            aq.needs_grading = q.at("needs_grading").get<bool>();
            a.questions.push_back(std::move(aq));
        }
        a.score_permille = d.at("score_permille").get<int>();
        a.pass_mark_permille = d.at("pass_mark_permille").get<int>();
        a.passed = d.at("passed").get<bool>();
        a.timed_out = d.at("timed_out").get<bool>();
        a.to_be_graded = d.at("to_be_graded").get<std::size_t>();
        a.started_at = d.at("started_at").get<std::string>();
        a.finished_at = d.at("finished_at").get<std::string>();
        for (const auto& s : d.at("reread")) {
            a.reread.push_back({s.at("document").get<std::string>(),
                                s.at("anchor").get<std::string>(),
                                s.at("title").get<std::string>()});
        }
        return a;
    } catch (const nlohmann::json::exception& e) {
        throw Error(
            ErrorKind::InvalidContent,
            std::string("the quiz attempt's details are not as Lectern writes them: ") + e.what(),
            {source});
    } catch (const std::logic_error&) {
        throw Error(ErrorKind::InvalidContent, "the quiz attempt's seed is not hex", {source});
    }
}

std::string rfc3339_utc(std::chrono::system_clock::time_point when) {
    const std::time_t t = std::chrono::system_clock::to_time_t(when);
    std::tm utc{};
    gmtime_r(&t, &utc);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buf;
}

}  // namespace lectern::quiz
