// The quiz report as text lines and PDF, for trainers and auditors who print or file it (the
// same plain-text PDF as the sign-off report).

#include <algorithm>

#include "common/text_pdf.hpp"
#include "quiz/report.hpp"

namespace lectern::quiz {

namespace {

std::string percent(int permille) {
    return std::to_string(permille / 10) + "." + std::to_string(permille % 10) + " %";
}

// Columns padded to the widest cell, so the tables read in a fixed-width font.
void add_table(std::vector<std::string>& lines, const std::vector<std::vector<std::string>>& rows) {
    std::vector<std::size_t> width;
    for (const auto& row : rows)
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (width.size() <= i) width.push_back(0);
            width[i] = std::max(width[i], row[i].size());
        }
    for (const auto& row : rows) {
        std::string line = " ";
        for (std::size_t i = 0; i < row.size(); ++i)
            line += " " + row[i] + std::string(width[i] - row[i].size() + 1, ' ');
        while (!line.empty() && line.back() == ' ') line.pop_back();
        lines.push_back(line);
    }
}

}  // namespace

std::vector<std::string> report_lines(const QuizReport& report, const ReportHeading& heading) {
    std::vector<std::string> lines = {
        "Quiz report: space " + heading.space + " (" + heading.scope + ")",
        "Generated " + heading.generated_at};
    if (!heading.note.empty()) lines.push_back("Note: " + heading.note);

    lines.insert(lines.end(), {"", "BY QUIZ"});
    std::vector<std::vector<std::string>> rows = {
        {"quiz", "attempts", "passed", "agents", "agents passed", "mean score", "essays to grade"}};
    for (const auto& r : report.quizzes)
        rows.push_back({r.quiz_id, std::to_string(r.attempts), std::to_string(r.passed_attempts),
                        std::to_string(r.agents), std::to_string(r.agents_passed),
                        percent(r.mean_score_permille), std::to_string(r.essays_to_grade)});
    add_table(lines, rows);

    lines.insert(lines.end(), {"", "MOST MISSED QUESTIONS"});
    rows = {{"quiz", "question", "asked", "missed", "miss rate"}};
    for (const auto& r : report.questions)
        rows.push_back({r.quiz_id, r.question, std::to_string(r.asked), std::to_string(r.missed),
                        percent(r.miss_rate_permille)});
    add_table(lines, rows);

    lines.insert(lines.end(), {"", "BY AGENT"});
    rows = {{"agent", "quiz", "attempts", "best score", "passed", "last attempt"}};
    for (const auto& r : report.agents)
        rows.push_back({r.agent, r.quiz_id, std::to_string(r.attempts),
                        percent(r.best_score_permille), r.passed ? "yes" : "no",
                        r.last_attempt_at});
    add_table(lines, rows);

    lines.insert(lines.end(), {"", "WAITING FOR A GRADE"});
    rows = {{"attempt", "agent", "quiz", "signed", "score so far", "essays"}};
    for (const auto& r : waiting_for_a_grade(report))
        rows.push_back({r.record_id, r.agent, r.quiz_id, r.signed_at, percent(r.score_permille),
                        std::to_string(r.essays_to_grade)});
    add_table(lines, rows);
    return lines;
}

std::string report_pdf(const QuizReport& report, const ReportHeading& heading) {
    return text_pdf(report_lines(report, heading), {"Quiz report " + heading.space, 58, 8});
}

}  // namespace lectern::quiz
