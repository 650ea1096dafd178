// Drawing questions and the runner's states: question → answer → feedback → next → result.

#include <functional>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "common/error.hpp"
#include "quiz/draw.hpp"
#include "quiz/runner.hpp"

using namespace lectern;
using namespace lectern::quiz;
using namespace std::chrono_literals;

namespace {

const char* kBank =
    "::A::Alpha?{=a1 ~a2 ~a3}\n\n"
    "::B::Beta is true.{T}\n\n"
    "::C::Type gamma.{=gamma}\n\n"
    "A description between questions.\n\n"
    "::D::Delta in minutes?{#15:1}\n\n"
    "::E::Match.{=x -> 1 =y -> 2 =z -> 3}\n\n"
    "::F::Tell us.{}\n";

Quiz make_quiz(QuizSettings settings = {}) {
    Quiz q;
    q.id = "demo";
    q.title = "Demo";
    q.blob_id = std::string(40, 'a');
    Diagnostics problems;
    q.bank = parse_gift(kBank, "demo.gift", 1, problems);
    EXPECT_FALSE(problems.has_errors());
    q.settings = settings;
    q.reread[0] = SectionRef{"proc", "alpha", "Proc › Alpha"};
    q.reread[1] = SectionRef{"proc", "beta", "Proc › Beta"};
    q.reread[2] = SectionRef{"proc", "", "Proc"};
    return q;
}

struct FakeClock {
    std::chrono::system_clock::time_point now =
        std::chrono::system_clock::from_time_t(1'790'000'000);
    Clock fn() {
        return [this] { return now; };
    }
};

std::vector<std::size_t> indices(const std::vector<DrawnQuestion>& d) {
    std::vector<std::size_t> out;
    for (const auto& x : d) out.push_back(x.index);
    return out;
}

// Answers every question right, whatever order the options are shown in.
Response right_answer(const QuizRunner& r) {
    const Question& q = r.question();
    switch (q.kind) {
        case QuestionKind::MultipleChoice: {
            const auto opts = r.options();
            for (std::size_t p = 0; p < opts.size(); ++p) {
                if (opts[p] == "a1") return r.response_for_choices({p});
            }
            break;
        }
        case QuestionKind::TrueFalse:
            return r.response_for_choices({0});
        case QuestionKind::Matching: {
            const auto opts = r.options();
            std::vector<std::optional<std::size_t>> picks;
            for (const auto& want : {"1", "2", "3"}) {
                for (std::size_t p = 0; p < opts.size(); ++p) {
                    if (opts[p] == want) picks.push_back(p);
                }
            }
            return r.response_for_matches(picks);
        }
        case QuestionKind::Numerical: {
            Response t;
            t.text = "15";
            return t;
        }
        default: {
            Response t;
            t.text = "gamma";
            return t;
        }
    }
    return {};
}

}  // namespace

TEST(QuizDraw, DescriptionsAreNeverDrawnAndOrderIsKeptWithoutShuffle) {
    const Quiz q = make_quiz();
    EXPECT_EQ(indices(draw_questions(q.bank, q.settings, 1)),
              (std::vector<std::size_t>{0, 1, 2, 4, 5, 6}));
}

TEST(QuizDraw, SameSeedSameDrawDifferentSeedsDiffer) {
    QuizSettings s;
    s.shuffle = true;
    s.pool_size = 4;
    const Quiz q = make_quiz(s);
    const auto a = draw_questions(q.bank, s, 42);
    const auto b = draw_questions(q.bank, s, 42);
    EXPECT_EQ(indices(a), indices(b));
    EXPECT_EQ(a[0].option_order, b[0].option_order);
    EXPECT_EQ(a.size(), 4u);
    std::set<std::vector<std::size_t>> draws;
    for (std::uint64_t seed = 0; seed < 50; ++seed)
        draws.insert(indices(draw_questions(q.bank, s, seed)));
    EXPECT_GT(draws.size(), 20u);
}

TEST(QuizDraw, PinnedSeedGivesThePinnedDrawOnEveryPlatform) {
    // splitmix64 is ours: this draw must never change, or recorded attempts could not be
    // replayed.
    QuizSettings s;
    s.shuffle = true;
    s.pool_size = 3;
    const Quiz q = make_quiz(s);
    EXPECT_EQ(indices(draw_questions(q.bank, s, 20261123)), (std::vector<std::size_t>{5, 0, 4}));
}

TEST(QuizDraw, PoolWithoutShuffleKeepsTheWrittenOrder) {
    QuizSettings s;
    s.pool_size = 3;
    const Quiz q = make_quiz(s);
    for (std::uint64_t seed = 0; seed < 20; ++seed) {
        const auto d = indices(draw_questions(q.bank, s, seed));
        EXPECT_TRUE(std::is_sorted(d.begin(), d.end()));
        EXPECT_EQ(d.size(), 3u);
    }
}

TEST(QuizDraw, ShuffledOptionsAreAPermutation) {
    QuizSettings s;
    s.shuffle = true;
    const Quiz q = make_quiz(s);
    for (const auto& d : draw_questions(q.bank, s, 7)) {
        auto order = d.option_order;
        std::sort(order.begin(), order.end());
        for (std::size_t i = 0; i < order.size(); ++i) EXPECT_EQ(order[i], i);
    }
}

TEST(QuizRunner, WalksQuestionAnswerFeedbackNextToResult) {
    FakeClock clock;
    const Quiz q = make_quiz();
    QuizRunner r(q, {1, clock.fn(), 0});
    EXPECT_EQ(r.state(), QuizRunner::State::Question);
    EXPECT_EQ(r.count(), 6u);
    while (r.state() != QuizRunner::State::Finished) {
        ASSERT_EQ(r.state(), QuizRunner::State::Question);
        r.submit(right_answer(r));
        ASSERT_EQ(r.state(), QuizRunner::State::Feedback);
        if (r.question().kind != QuestionKind::Essay) {
            EXPECT_TRUE(r.feedback().full_credit());
        }
        clock.now += 10s;
        r.next();
    }
    const Attempt& a = r.attempt();
    EXPECT_EQ(a.score_permille, 1000);
    EXPECT_TRUE(a.passed);
    EXPECT_EQ(a.to_be_graded, 1u);
    EXPECT_TRUE(a.reread.empty());
    EXPECT_EQ(a.started_at, "2026-09-21T14:13:20Z");
    EXPECT_EQ(a.finished_at, "2026-09-21T14:14:20Z");
}

TEST(QuizRunner, FailedAttemptListsTheSectionsToRereadOnce) {
    FakeClock clock;
    QuizSettings s;
    s.pass_mark_permille = 800;
    const Quiz q = make_quiz(s);
    QuizRunner r(q, {1, clock.fn(), 0});
    while (r.state() != QuizRunner::State::Finished) {
        // Only the numerical, matching and short answers right.
        const auto kind = r.question().kind;
        const bool right = kind == QuestionKind::Numerical || kind == QuestionKind::Matching;
        r.submit(right ? right_answer(r) : Response{});
        r.next();
    }
    const Attempt& a = r.attempt();
    EXPECT_FALSE(a.passed);
    EXPECT_EQ(a.score_permille, 400);  // 2 of 5 scored questions
    ASSERT_EQ(a.reread.size(), 3u);
    EXPECT_EQ(a.reread[0].anchor, "alpha");
    EXPECT_EQ(a.reread[1].anchor, "beta");
    EXPECT_EQ(a.reread[2].title, "Proc");
}

TEST(QuizRunner, SubmitOutsideAQuestionIsRefused) {
    FakeClock clock;
    const Quiz q = make_quiz();
    QuizRunner r(q, {1, clock.fn(), 0});
    r.submit(Response{});
    EXPECT_THROW(r.submit(Response{}), Error);
}

TEST(QuizRunner, TimeLimitEndsTheAttemptAndRefusesLateAnswers) {
    FakeClock clock;
    QuizSettings s;
    s.time_limit_minutes = 2;
    const Quiz q = make_quiz(s);
    QuizRunner r(q, {1, clock.fn(), 0});
    EXPECT_EQ(r.time_left(), std::chrono::seconds(120));
    r.submit(right_answer(r));
    r.next();
    clock.now += 121s;
    EXPECT_EQ(r.time_left(), std::chrono::seconds(0));
    r.submit(right_answer(r));  // too late: not taken
    EXPECT_EQ(r.state(), QuizRunner::State::Finished);
    const Attempt& a = r.attempt();
    EXPECT_TRUE(a.timed_out);
    EXPECT_TRUE(a.questions[0].answered);
    EXPECT_FALSE(a.questions[1].answered);
    EXPECT_EQ(a.score_permille, 200);
    EXPECT_FALSE(a.passed);
}

TEST(QuizRunner, AttemptsAllowedAreEnforced) {
    QuizSettings s;
    s.attempts = 2;
    const Quiz q = make_quiz(s);
    EXPECT_FALSE(attempt_refusal(q, 1));
    ASSERT_TRUE(attempt_refusal(q, 2));
    EXPECT_NE(attempt_refusal(q, 2)->find("all 2 attempts"), std::string::npos);
    EXPECT_THROW(QuizRunner(q, {1, {}, 2}), Error);
    EXPECT_NO_THROW(QuizRunner(q, {1, {}, 1}));
}

TEST(QuizRunner, FinishEarlyScoresUnansweredAsNothing) {
    const Quiz q = make_quiz();
    QuizRunner r(q, {3, {}, 0});
    r.submit(right_answer(r));
    r.finish();
    EXPECT_EQ(r.state(), QuizRunner::State::Finished);
    EXPECT_EQ(r.attempt().score_permille, 200);
}

TEST(QuizAttempt, DetailsRoundTripWithIntegersOnly) {
    FakeClock clock;
    QuizSettings s;
    s.shuffle = true;
    const Quiz q = make_quiz(s);
    QuizRunner r(q, {0xfedcba9876543210ULL, clock.fn(), 0});
    while (r.state() != QuizRunner::State::Finished) {
        r.submit(right_answer(r));
        r.next();
    }
    const nlohmann::json d = attempt_details(r.attempt());
    // Canonical JSON has no fractions: nothing in the details may be a float.
    std::function<void(const nlohmann::json&)> no_floats = [&](const nlohmann::json& j) {
        EXPECT_FALSE(j.is_number_float()) << j.dump();
        if (j.is_structured())
            for (const auto& x : j) no_floats(x);
    };
    no_floats(d);
    const Attempt back = attempt_from_details(d, "demo", q.blob_id, "rec.json");
    EXPECT_EQ(back.seed, 0xfedcba9876543210ULL);
    EXPECT_EQ(attempt_details(back), d);
    EXPECT_THROW(attempt_from_details(nlohmann::json::object(), "demo", "x", "rec.json"), Error);
}
