// A quiz attempt taken in the app and recorded there: the same signed record `lectern quiz take`
// writes, counted for the attempt limit, and the gate it opens for the procedure it tests. On the
// sample copy's real git repository and ledger, with a quiz that gates the VPN procedure.

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "common/diagnostic.hpp"
#include "common/error.hpp"
#include "content/space.hpp"
#include "ledger/keys.hpp"
#include "ledger/ledger_fixture.hpp"
#include "ledger/local_ledger.hpp"
#include "ledger/record.hpp"
#include "ledger/signoff_status.hpp"
#include "progress/record_place.hpp"
#include "progress/sign_procedure.hpp"
#include "progress/sign_quiz_attempt.hpp"
#include "progress/standing.hpp"
#include "quiz/attempt_records.hpp"
#include "quiz/gating.hpp"
#include "quiz/runner.hpp"
#include "quiz/scoring.hpp"
#include "sync/sample_copy.hpp"

namespace lectern::progress {
namespace {

namespace fs = std::filesystem;

// The answer that earns full credit (an essay gets some words: it waits for a trainer).
quiz::Response right_response(const quiz::Question& q) {
    quiz::Response r;
    switch (q.kind) {
        case quiz::QuestionKind::MultipleChoice:
            for (std::size_t i = 0; i < q.answers.size(); ++i) {
                if (q.multiple_answers ? q.answers[i].weight > 0 : q.answers[i].weight >= 100)
                    r.chosen.push_back(i);
            }
            break;
        case quiz::QuestionKind::TrueFalse:
            r.truth = q.truth;
            break;
        case quiz::QuestionKind::Matching: {
            const auto options = quiz::match_options(q);
            for (std::size_t pair : quiz::matching_pairs(q)) {
                for (std::size_t o = 0; o < options.size(); ++o) {
                    if (options[o] == q.answers[pair].match) r.matches.emplace_back(o);
                }
            }
            break;
        }
        case quiz::QuestionKind::Numerical: {
            const auto& a = q.answers.front();
            std::ostringstream text;
            text << (a.range_min ? *a.range_min : a.value);
            r.text = text.str();
            break;
        }
        case quiz::QuestionKind::Essay:
            r.text = "I lock the screen and keep the laptop to myself.";
            break;
        default:
            r.text = q.answers.front().text;
    }
    return r;
}

struct SignQuizAttemptTest : ::testing::Test {
    test::TempDir data{"quiz-attempt-data"};
    test::TempDir bundle{"quiz-attempt-bundle"};
    ledger::StoredKey key = test::sealed_key("maria", "laptop");
    fs::path key_file;
    sync::SampleCopy copy;

    void SetUp() override {
        ::setenv("XDG_DATA_HOME", data.path().c_str(), 1);
        fs::copy(LECTERN_SAMPLE_CONTENT, bundle.path(), fs::copy_options::recursive);
        // The security quiz gates the VPN procedure it tests.
        const fs::path quiz_file = bundle.path() / "quizzes/security-basics.gift";
        std::ifstream in(quiz_file);
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        const std::string tests = "tests: vpn-security\n";
        text.replace(text.find(tests), tests.size(), tests + "gates_signoff: true\n");
        std::ofstream(quiz_file, std::ios::trunc) << text;
        copy = sync::prepare_sample_copy(bundle.path());
        key_file = ledger::key_file(ledger::keys_dir(), "maria", "laptop");
        ledger::save_key(key_file, key);
    }

    content::Space load() const {
        Diagnostics problems;
        return content::Space::load(copy.content, problems);
    }
    RecordPlace place() const { return *record_place(copy.content); }

    // Runs an attempt as the app's window does, every answer right or every one left empty.
    quiz::Attempt take(const content::Space& space, bool right, int made = 0) const {
        quiz::QuizRunner runner(quiz::load_quiz(space, *space.find_by_id("security-basics")),
                                {7, {}, made});
        while (runner.state() != quiz::QuizRunner::State::Finished) {
            runner.submit(right ? right_response(runner.question()) : quiz::Response{});
            runner.next();
        }
        return runner.attempt();
    }

    SignQuizAttempt who(const content::Space& space) const {
        return {&space, place(), "maria", key_file};
    }

    std::vector<ledger::StoredRecord> records() const {
        const auto ledger = ledger::LocalLedger::open(place().ledger);
        return ledger ? ledger::ledger_records(*ledger) : std::vector<ledger::StoredRecord>{};
    }
};

using Progress_SignQuizAttempt = SignQuizAttemptTest;

TEST_F(Progress_SignQuizAttempt, ARightPassphraseStoresTheRecordQuizTakeWrites) {
    const auto space = load();
    const quiz::Attempt attempt = take(space, true);
    ASSERT_TRUE(attempt.passed);
    const SignResult result =
        sign_quiz_attempt(who(space), attempt, test::passphrase("correct horse battery"));
    ASSERT_EQ(result.outcome, SignOutcome::Signed);
    const auto stored = records();
    ASSERT_EQ(stored.size(), 1u);
    const ledger::Record& r = stored.front().record;
    EXPECT_EQ(r.id, result.record_id);
    EXPECT_EQ(r.kind, ledger::kKindQuizAttempt);
    EXPECT_EQ(r.meaning, quiz::kMeaningQuizAttempt);
    EXPECT_EQ(r.document_id, "security-basics");
    EXPECT_EQ(r.blob_id, space.find_by_id("security-basics")->blob_id);
    EXPECT_EQ(r.details, quiz::attempt_details(attempt)) << "the details are the attempt as taken";
    // Read back as the reports and the gate read it: queued until a sync sends it.
    const Standing standing = read_standing(space, place(), "maria");
    EXPECT_TRUE(standing.waiting.contains(result.record_id));
    EXPECT_TRUE(standing.quizzes_passed.contains("security-basics"));
}

TEST_F(Progress_SignQuizAttempt, AWrongPassphraseStoresNothingAndCountsNothing) {
    const auto space = load();
    EXPECT_EQ(
        sign_quiz_attempt(who(space), take(space, true), test::passphrase("wrong horse")).outcome,
        SignOutcome::WrongPassphrase);
    EXPECT_TRUE(records().empty());
    EXPECT_EQ(quiz_attempts_made(place(), "maria", "security-basics",
                                 space.find_by_id("security-basics")->blob_id),
              0);
}

TEST_F(Progress_SignQuizAttempt, AttemptsAllowedAreCountedFromTheLedger) {
    const auto space = load();
    const auto& version = space.find_by_id("security-basics")->blob_id;
    const quiz::Quiz quiz = quiz::load_quiz(space, *space.find_by_id("security-basics"));
    ASSERT_EQ(quiz.settings.attempts, 3);
    for (int i = 0; i < 3; ++i) {
        const int made = quiz_attempts_made(place(), "maria", "security-basics", version);
        EXPECT_EQ(made, i);
        EXPECT_FALSE(quiz::attempt_refusal(quiz, made));
        ASSERT_EQ(sign_quiz_attempt(who(space), take(space, false, made),
                                    test::passphrase("correct horse battery"))
                      .outcome,
                  SignOutcome::Signed);
    }
    const int made = quiz_attempts_made(place(), "maria", "security-basics", version);
    EXPECT_EQ(made, 3);
    EXPECT_TRUE(quiz::attempt_refusal(quiz, made));
    EXPECT_THROW(quiz::QuizRunner(quiz, {1, {}, made}), Error) << "no fourth attempt";
    EXPECT_EQ(quiz_attempts_made(place(), "jan", "security-basics", version), 0)
        << "another agent on this computer has theirs";
}

TEST_F(Progress_SignQuizAttempt, TheGatedProcedureIsSignedOnlyAfterAPassedSignedAttempt) {
    const auto space = load();
    const auto& vpn = *space.find_by_id("vpn-security");
    const auto to_pass = [&] {
        return quiz::quizzes_to_pass(space, vpn, "maria",
                                     read_standing(space, place(), "maria").attempts);
    };
    ASSERT_EQ(to_pass().size(), 1u);
    EXPECT_EQ(to_pass().front()->id, "security-basics");
    const SignProcedure sign_vpn{&space, place(), "vpn-security", "maria", key_file};
    EXPECT_THROW(sign_procedure(sign_vpn, test::passphrase("correct horse battery")), Error);

    ASSERT_EQ(
        sign_quiz_attempt(who(space), take(space, false), test::passphrase("correct horse battery"))
            .outcome,
        SignOutcome::Signed);
    EXPECT_EQ(to_pass().size(), 1u) << "a failed attempt opens nothing";
    ASSERT_EQ(sign_quiz_attempt(who(space), take(space, true, 1),
                                test::passphrase("correct horse battery"))
                  .outcome,
              SignOutcome::Signed);
    EXPECT_TRUE(to_pass().empty());
    EXPECT_EQ(sign_procedure(sign_vpn, test::passphrase("correct horse battery")).outcome,
              SignOutcome::Signed);
}

TEST_F(Progress_SignQuizAttempt, AQuizEditedSinceItWasPublishedIsNotRecorded) {
    const auto space = load();
    const quiz::Attempt attempt = take(space, true);
    std::ofstream(copy.content / "quizzes/security-basics.gift", std::ios::app) << "\nNew.{T}\n";
    const auto edited = load();
    EXPECT_THROW(sign_quiz_attempt(who(edited), attempt, test::passphrase("correct horse battery")),
                 Error);
    EXPECT_TRUE(records().empty());
}

}  // namespace
}  // namespace lectern::progress
