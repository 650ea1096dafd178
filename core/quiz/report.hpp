#pragma once
// Reports on recorded quiz attempts for trainers and supervisors: per quiz, per question (which
// questions most agents miss) and per agent.

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "quiz/attempt.hpp"

namespace lectern::quiz {

/// One recorded attempt as reports read it.
struct RecordedAttempt {
    std::string record_id;
    std::string agent;
    std::string signed_at;
    std::string quiz_title;
    Attempt attempt;  ///< with the grades of its essays applied (quiz/grades.hpp), if any
    std::vector<std::string> graded_by;  ///< who graded its essays; empty when nobody did
};

struct QuizRow {
    std::string quiz_id;
    std::string title;
    std::size_t attempts = 0;
    std::size_t passed_attempts = 0;
    std::size_t agents = 0;
    std::size_t agents_passed = 0;
    int mean_score_permille = 0;
    std::size_t essays_to_grade = 0;
};

struct QuestionRow {
    std::string quiz_id;
    std::string question;  ///< Question::key()
    std::size_t asked = 0;
    std::size_t missed = 0;  ///< answered without full credit, or left unanswered
    int miss_rate_permille = 0;
};

struct AgentRow {
    std::string agent;
    std::string quiz_id;
    std::size_t attempts = 0;
    int best_score_permille = 0;
    bool passed = false;
    std::string last_attempt_at;
};

struct AttemptRow {
    std::string record_id;
    std::string agent;
    std::string quiz_id;
    std::string signed_at;
    int score_permille = 0;  ///< graded essays counted
    bool passed = false;
    std::size_t essays_to_grade = 0;
    std::vector<std::string> graded_by;
};

struct QuizReport {
    std::vector<QuizRow> quizzes;        ///< by quiz id
    std::vector<QuestionRow> questions;  ///< most missed first
    std::vector<AgentRow> agents;        ///< by agent, then quiz
    std::vector<AttemptRow> attempts;    ///< every attempt, oldest first
};

/// The attempts whose essays wait for a trainer's grade.
std::vector<AttemptRow> waiting_for_a_grade(const QuizReport& report);

QuizReport build_quiz_report(const std::vector<RecordedAttempt>& attempts);

enum class ReportTable { Quizzes, Questions, Agents, Attempts };

/// One table as CSV (RFC 4180: a header line, CRLF line ends, fields with , " or line breaks
/// quoted). Scores are percentages with one decimal.
std::string report_csv(const QuizReport& report, ReportTable table);
/// The whole report as JSON: {"quizzes": [...], "questions": [...], "agents": [...],
/// "attempts": [...]}.
nlohmann::json report_json(const QuizReport& report);

/// What a printed report says above its tables.
struct ReportHeading {
    std::string space;
    std::string scope;         ///< "space" or "agent <name>": whose attempts it covers
    std::string generated_at;  ///< RFC 3339 UTC
    std::string note;          ///< a caveat (built offline…), or empty
};

/// The tables as aligned text lines under the heading: per quiz, most missed questions, per
/// agent, and the attempts waiting for a grade.
std::vector<std::string> report_lines(const QuizReport& report, const ReportHeading& heading);
/// report_lines() as a PDF (A4 landscape, Courier).
std::string report_pdf(const QuizReport& report, const ReportHeading& heading);

}  // namespace lectern::quiz
