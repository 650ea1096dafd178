// The signing state machine: each step only after the one before, the passphrase typed for
// this signature, nothing secret kept after.

#include <gtest/gtest.h>

#include "common/error.hpp"
#include "ledger/layout.hpp"
#include "ledger/local_ledger.hpp"
#include "ledger/signing.hpp"
#include "ledger_fixture.hpp"

namespace lectern::ledger {
namespace {

using test::passphrase;

struct SigningFixture : ::testing::Test {
    test::TempDir dir;
    StoredKey key = test::sealed_key("maria", "laptop");

    SigningRequest request() const {
        SigningRequest r;
        r.document = test::procedure_to_sign();
        r.key = key;
        r.ledger = dir.path() / "ledger";
        return r;
    }
    std::size_t records_in_ledger() const {
        auto ledger = LocalLedger::open(dir.path() / "ledger");
        return ledger ? ledger->records_on(agent_branch("maria", "laptop")).size() : 0;
    }
};

using Ledger_Signing = SigningFixture;

TEST_F(Ledger_Signing, EveryStepInOrderAppendsOneVerifiedRecord) {
    SigningSession s(request());
    EXPECT_EQ(s.step(), SigningStep::DocumentChosen);
    EXPECT_EQ(s.show_text(), request().document.text);
    s.enter_passphrase(passphrase("correct horse battery"));
    EXPECT_TRUE(s.holds_passphrase());
    ASSERT_TRUE(s.unlock_key());
    EXPECT_FALSE(s.holds_passphrase());
    EXPECT_TRUE(s.holds_key());
    const Record& built = s.build_record();
    EXPECT_TRUE(built.signature.empty());
    EXPECT_EQ(built.agent, "maria");
    EXPECT_EQ(built.device, "laptop");
    EXPECT_EQ(built.blob_id, request().document.blob_id);
    EXPECT_EQ(built.meaning, "read and understood");
    const Record& signed_record = s.sign();
    EXPECT_FALSE(s.holds_key());
    EXPECT_TRUE(verify_signature(signed_record));
    EXPECT_EQ(signed_record.public_key, key.public_key.base64());
    EXPECT_EQ(records_in_ledger(), 0u);  // not stored before append()
    const std::string commit = s.append();
    EXPECT_EQ(s.step(), SigningStep::Done);
    EXPECT_EQ(commit.size(), 40u);
    const auto ledger = LocalLedger::open(dir.path() / "ledger");
    ASSERT_TRUE(ledger);
    const auto records = ledger->records_on(agent_branch("maria", "laptop"));
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records[0].commit, commit);
    EXPECT_EQ(records[0].record.id, signed_record.id);
    EXPECT_TRUE(verify_signature(records[0].record));
}

TEST_F(Ledger_Signing, NoSignatureWithoutThePassphrase) {
    SigningSession s(request());
    s.show_text();
    EXPECT_THROW(s.build_record(), Error);
    EXPECT_EQ(s.step(), SigningStep::Failed);
    EXPECT_THROW(s.sign(), Error);
    EXPECT_THROW(s.append(), Error);
    EXPECT_EQ(records_in_ledger(), 0u);
}

TEST_F(Ledger_Signing, PassphraseBeforeTheTextIsShownIsRefused) {
    SigningSession s(request());
    EXPECT_THROW(s.enter_passphrase(passphrase("correct horse battery")), Error);
    EXPECT_EQ(s.step(), SigningStep::Failed);
    EXPECT_FALSE(s.holds_passphrase());
    EXPECT_THROW(s.show_text(), Error);  // a failed session stays failed
}

TEST_F(Ledger_Signing, SigningBeforeTheKeyIsUnlockedIsRefused) {
    SigningSession s(request());
    s.show_text();
    s.enter_passphrase(passphrase("correct horse battery"));
    EXPECT_THROW(s.sign(), Error);
    EXPECT_EQ(s.step(), SigningStep::Failed);
    EXPECT_FALSE(s.holds_passphrase());  // wiped on failure
    EXPECT_EQ(records_in_ledger(), 0u);
}

TEST_F(Ledger_Signing, WrongPassphraseFailsCleanly) {
    SigningSession s(request());
    s.show_text();
    s.enter_passphrase(passphrase("wrong horse battery"));
    EXPECT_FALSE(s.unlock_key());
    EXPECT_EQ(s.step(), SigningStep::Failed);
    EXPECT_NE(s.failure().find("passphrase"), std::string::npos) << s.failure();
    EXPECT_FALSE(s.holds_passphrase());
    EXPECT_FALSE(s.holds_key());
    EXPECT_THROW(s.build_record(), Error);
    EXPECT_FALSE(LocalLedger::open(dir.path() / "ledger"));  // nothing created
}

TEST_F(Ledger_Signing, ASessionSignsOnceAndTheNextNeedsThePassphraseAgain) {
    {
        SigningSession s(request());
        s.show_text();
        s.enter_passphrase(passphrase("correct horse battery"));
        ASSERT_TRUE(s.unlock_key());
        s.build_record();
        s.sign();
        s.append();
        EXPECT_THROW(s.sign(), Error);
        EXPECT_THROW(s.append(), Error);
    }
    SigningSession second(request());
    second.show_text();
    EXPECT_THROW(second.unlock_key(), Error);  // no passphrase typed for this one
    EXPECT_EQ(records_in_ledger(), 1u);
}

TEST_F(Ledger_Signing, OpenedKeyIsGoneWhenTheSessionStopsHalfway) {
    auto s = std::make_unique<SigningSession>(request());
    s->show_text();
    s->enter_passphrase(passphrase("correct horse battery"));
    ASSERT_TRUE(s->unlock_key());
    EXPECT_TRUE(s->holds_key());
    s->build_record();
    s.reset();  // the front end gives up: the destructor wipes the key (SecureBuffer)
    EXPECT_EQ(records_in_ledger(), 0u);
}

TEST_F(Ledger_Signing, TextThatIsNotTheNamedVersionIsRefused) {
    SigningRequest r = request();
    r.document.text += "An extra line the version does not have.\n";
    EXPECT_THROW(SigningSession{r}, Error);
}

TEST_F(Ledger_Signing, QuizAttemptsUseTheSamePathWithTheirDetails) {
    SigningRequest r = request();
    r.kind = std::string(kKindQuizAttempt);
    r.meaning = "my own answers";
    r.details = {{"score", 8}, {"pass_mark", 7}, {"passed", true}};
    SigningSession s(r);
    s.show_text();
    s.enter_passphrase(passphrase("correct horse battery"));
    ASSERT_TRUE(s.unlock_key());
    s.build_record();
    EXPECT_TRUE(verify_signature(s.sign()));
    s.append();
    const auto records =
        LocalLedger::open(dir.path() / "ledger")->records_on(agent_branch("maria", "laptop"));
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records[0].record.kind, "quiz-attempt");
    EXPECT_EQ(records[0].record.details["score"], 8);
}

}  // namespace
}  // namespace lectern::ledger
