#include "quiz/report.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include <nlohmann/json.hpp>

namespace lectern::quiz {

namespace {

std::string percent(int permille) {
    return std::to_string(permille / 10) + "." + std::to_string(permille % 10);
}

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string csv_line(const std::vector<std::string>& fields) {
    std::string line;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) line += ',';
        line += csv_field(fields[i]);
    }
    return line + "\r\n";
}

}  // namespace

QuizReport build_quiz_report(const std::vector<RecordedAttempt>& attempts) {
    QuizReport report;
    struct QuizAcc {
        QuizRow row;
        long long score_sum = 0;
        std::set<std::string> agents, passed;
    };
    std::map<std::string, QuizAcc> quizzes;
    std::map<std::pair<std::string, std::string>, QuestionRow> questions;
    std::map<std::pair<std::string, std::string>, AgentRow> agents;
    for (const auto& r : attempts) {
        const Attempt& a = r.attempt;
        QuizAcc& q = quizzes[a.quiz_id];
        q.row.quiz_id = a.quiz_id;
        if (!r.quiz_title.empty()) q.row.title = r.quiz_title;
        ++q.row.attempts;
        q.score_sum += a.score_permille;
        q.row.essays_to_grade += a.to_be_graded;
        q.agents.insert(r.agent);
        if (a.passed) {
            ++q.row.passed_attempts;
            q.passed.insert(r.agent);
        }
        for (const auto& aq : a.questions) {
            if (aq.needs_grading) continue;
            QuestionRow& row = questions[{a.quiz_id, aq.key}];
            row.quiz_id = a.quiz_id;
            row.question = aq.key;
            ++row.asked;
            if (aq.credit_permille < 1000) ++row.missed;
        }
        AgentRow& ag = agents[{r.agent, a.quiz_id}];
        ag.agent = r.agent;
        ag.quiz_id = a.quiz_id;
        ++ag.attempts;
        ag.best_score_permille = std::max(ag.best_score_permille, a.score_permille);
        ag.passed = ag.passed || a.passed;
        ag.last_attempt_at = std::max(ag.last_attempt_at, r.signed_at);
        report.attempts.push_back({r.record_id, r.agent, a.quiz_id, r.signed_at, a.score_permille,
                                   a.passed, a.to_be_graded, r.graded_by});
    }
    for (auto& [id, q] : quizzes) {
        q.row.agents = q.agents.size();
        q.row.agents_passed = q.passed.size();
        q.row.mean_score_permille =
            static_cast<int>((q.score_sum + static_cast<long long>(q.row.attempts) / 2) /
                             static_cast<long long>(q.row.attempts));
        report.quizzes.push_back(q.row);
    }
    for (auto& [key, row] : questions) {
        row.miss_rate_permille = static_cast<int>((row.missed * 1000 + row.asked / 2) / row.asked);
        report.questions.push_back(row);
    }
    std::stable_sort(report.questions.begin(), report.questions.end(),
                     [](const QuestionRow& a, const QuestionRow& b) {
                         return std::tie(b.miss_rate_permille, b.missed) <
                                std::tie(a.miss_rate_permille, a.missed);
                     });
    for (auto& [key, row] : agents) report.agents.push_back(row);
    return report;
}

std::vector<AttemptRow> waiting_for_a_grade(const QuizReport& report) {
    std::vector<AttemptRow> out;
    for (const auto& a : report.attempts) {
        if (a.essays_to_grade > 0) out.push_back(a);
    }
    return out;
}

std::string report_csv(const QuizReport& report, ReportTable table) {
    std::string out;
    switch (table) {
        case ReportTable::Quizzes:
            out += csv_line({"quiz", "title", "attempts", "passed_attempts", "agents",
                             "agents_passed", "mean_score_percent", "essays_to_grade"});
            for (const auto& r : report.quizzes) {
                out += csv_line({r.quiz_id, r.title, std::to_string(r.attempts),
                                 std::to_string(r.passed_attempts), std::to_string(r.agents),
                                 std::to_string(r.agents_passed), percent(r.mean_score_permille),
                                 std::to_string(r.essays_to_grade)});
            }
            break;
        case ReportTable::Questions:
            out += csv_line({"quiz", "question", "asked", "missed", "miss_rate_percent"});
            for (const auto& r : report.questions) {
                out += csv_line({r.quiz_id, r.question, std::to_string(r.asked),
                                 std::to_string(r.missed), percent(r.miss_rate_permille)});
            }
            break;
        case ReportTable::Agents:
            out += csv_line(
                {"agent", "quiz", "attempts", "best_score_percent", "passed", "last_attempt_at"});
            for (const auto& r : report.agents) {
                out += csv_line({r.agent, r.quiz_id, std::to_string(r.attempts),
                                 percent(r.best_score_permille), r.passed ? "yes" : "no",
                                 r.last_attempt_at});
            }
            break;
        case ReportTable::Attempts:
            out += csv_line({"record_id", "agent", "quiz", "signed_at", "score_percent", "passed",
                             "essays_to_grade", "graded_by"});
            for (const auto& r : report.attempts) {
                std::string graders;
                for (const auto& g : r.graded_by) graders += (graders.empty() ? "" : " ") + g;
                out += csv_line({r.record_id, r.agent, r.quiz_id, r.signed_at,
                                 percent(r.score_permille), r.passed ? "yes" : "no",
                                 std::to_string(r.essays_to_grade), graders});
            }
            break;
    }
    return out;
}

nlohmann::json report_json(const QuizReport& report) {
    nlohmann::json quizzes = nlohmann::json::array();
    for (const auto& r : report.quizzes) {
        quizzes.push_back({{"quiz", r.quiz_id},
                           {"title", r.title},
                           {"attempts", r.attempts},
                           {"passed_attempts", r.passed_attempts},
                           {"agents", r.agents},
                           {"agents_passed", r.agents_passed},
                           {"mean_score_percent", r.mean_score_permille / 10.0},
                           {"essays_to_grade", r.essays_to_grade}});
    }
    nlohmann::json questions = nlohmann::json::array();
    for (const auto& r : report.questions) {
        questions.push_back({{"quiz", r.quiz_id},
                             {"question", r.question},
                             {"asked", r.asked},
                             {"missed", r.missed},
                             {"miss_rate_percent", r.miss_rate_permille / 10.0}});
    }
    nlohmann::json agents = nlohmann::json::array();
    for (const auto& r : report.agents) {
        agents.push_back({{"agent", r.agent},
                          {"quiz", r.quiz_id},
                          {"attempts", r.attempts},
                          {"best_score_percent", r.best_score_permille / 10.0},
                          {"passed", r.passed},
                          {"last_attempt_at", r.last_attempt_at}});
    }
    nlohmann::json attempts = nlohmann::json::array();
    for (const auto& r : report.attempts) {
        attempts.push_back({{"record_id", r.record_id},
                            {"agent", r.agent},
                            {"quiz", r.quiz_id},
                            {"signed_at", r.signed_at},
                            {"score_percent", r.score_permille / 10.0},
                            {"passed", r.passed},
                            {"essays_to_grade", r.essays_to_grade},
                            {"graded_by", r.graded_by}});
    }
    return {
        {"quizzes", quizzes}, {"questions", questions}, {"agents", agents}, {"attempts", attempts}};
}

}  // namespace lectern::quiz
