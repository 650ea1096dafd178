// Records: what is signed, the one file form, and what parsing and verification refuse.

#include <gtest/gtest.h>

#include <regex>

#include "common/error.hpp"
#include "ledger/ed25519.hpp"
#include "ledger/layout.hpp"
#include "ledger/record.hpp"

namespace lectern::ledger {
namespace {

Record sample_record() {
    Record r;
    r.id = new_record_id();
    r.kind = std::string(kKindSignoff);
    r.space = "alpha";
    r.agent = "maria";
    r.device = "laptop-1";
    r.document_id = "vpn-security";
    r.path = "procedures/vpn-security.md";
    r.title = "VPN i bezpieczeństwo";
    r.content_commit = std::string(40, 'a');
    r.blob_id = std::string(40, 'b');
    r.meaning = std::string(kMeaningReadAndUnderstood);
    r.signed_at = "2026-11-23T09:30:00Z";
    return r;
}

std::string message_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return "(no error)";
}

TEST(Ledger_Record, SignedRecordVerifies) {
    const SigningKey key = SigningKey::generate();
    Record r = sample_record();
    sign_record(r, key);
    EXPECT_EQ(r.public_key, key.public_key().base64());
    EXPECT_EQ(r.public_key.size(), 44u);
    EXPECT_EQ(r.signature.size(), 88u);
    EXPECT_TRUE(verify_signature(r));
}

TEST(Ledger_Record, CanonicalJsonLeavesOutSignatureAndSortsFields) {
    const SigningKey key = SigningKey::generate();
    Record r = sample_record();
    sign_record(r, key);
    const std::string canonical = canonical_json(r);
    EXPECT_EQ(canonical.find("signature"), std::string::npos);
    EXPECT_EQ(canonical.rfind("{\"agent\":\"maria\",\"blob_id\":", 0), 0u) << canonical;
    EXPECT_NE(canonical.find("\"title\":\"VPN i bezpieczeństwo\""), std::string::npos);
    EXPECT_EQ(record_file_text(r).back(), '\n');
}

TEST(Ledger_Record, ChangingAnySignedFieldBreaksTheSignature) {
    const SigningKey key = SigningKey::generate();
    Record signed_record = sample_record();
    signed_record.details = {{"score", 9}};
    sign_record(signed_record, key);
    const std::vector<std::function<void(Record&)>> edits = {
        [](Record& r) { r.id = new_record_id(); },
        [](Record& r) { r.kind = "quiz-attempt"; },
        [](Record& r) { r.space = "beta"; },
        [](Record& r) { r.agent = "mario"; },
        [](Record& r) { r.device = "laptop-2"; },
        [](Record& r) { r.document_id = "other"; },
        [](Record& r) { r.path = "procedures/other.md"; },
        [](Record& r) { r.title = "VPN"; },
        [](Record& r) { r.content_commit = std::string(40, 'c'); },
        [](Record& r) { r.blob_id = std::string(40, 'c'); },
        [](Record& r) { r.meaning = "skimmed"; },
        [](Record& r) { r.signed_at = "2026-11-22T09:30:00Z"; },
        [](Record& r) { r.details["score"] = 10; },
        [](Record& r) { r.public_key = SigningKey::generate().public_key().base64(); },
    };
    for (std::size_t i = 0; i < edits.size(); ++i) {
        Record r = signed_record;
        edits[i](r);
        EXPECT_FALSE(verify_signature(r)) << "edit " << i << " kept the signature valid";
    }
}

TEST(Ledger_Record, ForeignKeysSignatureDoesNotVerify) {
    Record r = sample_record();
    sign_record(r, SigningKey::generate());
    const std::string signature = r.signature;
    sign_record(r, SigningKey::generate());
    r.signature = signature;  // another key's signature under this key's name
    EXPECT_FALSE(verify_signature(r));
}

TEST(Ledger_Record, FileTextParsesBackToTheSameRecord) {
    Record r = sample_record();
    r.kind = std::string(kKindQuizAttempt);
    r.details = {{"score", 17}, {"pass_mark", 15}, {"answers", {{{"q", "q1"}, {"a", "b"}}}}};
    sign_record(r, SigningKey::generate());
    const std::string text = record_file_text(r);
    const Record back = parse_record(text, "records/x.json");
    EXPECT_EQ(record_file_text(back), text);
    EXPECT_EQ(back.details["score"], 17);
    EXPECT_TRUE(verify_signature(back));
}

TEST(Ledger_Record, NonCanonicalSpellingIsRefused) {
    Record r = sample_record();
    sign_record(r, SigningKey::generate());
    const auto value = nlohmann::json::parse(record_file_text(r));
    EXPECT_NE(
        message_of([&] { parse_record(value.dump(2), "records/a.json"); }).find("canonical form"),
        std::string::npos);
    std::string no_newline = record_file_text(r);
    no_newline.pop_back();
    EXPECT_THROW(parse_record(no_newline, "records/a.json"), Error);
    // A duplicate key that a lenient reader would resolve either way.
    std::string duplicated = record_file_text(r);
    duplicated.insert(1, "\"agent\":\"mallory\",");
    EXPECT_THROW(parse_record(duplicated, "records/a.json"), Error);
}

TEST(Ledger_Record, SchemaViolationsNameTheFieldAndTheFile) {
    Record r = sample_record();
    sign_record(r, SigningKey::generate());
    auto value = nlohmann::json::parse(record_file_text(r));

    auto bad_blob = value;
    bad_blob["blob_id"] = "not-a-blob";
    const std::string m1 =
        message_of([&] { parse_record(bad_blob.dump() + "\n", "records/a.json"); });
    EXPECT_NE(m1.find("records/a.json"), std::string::npos) << m1;
    EXPECT_NE(m1.find("blob_id must be the 40-hex-digit git blob id"), std::string::npos) << m1;

    auto missing = value;
    missing.erase("signed_at");
    const std::string m2 = message_of([&] { parse_record(missing.dump() + "\n", "r"); });
    EXPECT_NE(m2.find("missing field 'signed_at'"), std::string::npos) << m2;

    auto extra = value;
    extra["comment"] = "hi";
    const std::string m3 = message_of([&] { parse_record(extra.dump() + "\n", "r"); });
    EXPECT_NE(m3.find("unknown field 'comment'"), std::string::npos) << m3;

    auto bad_kind = value;
    bad_kind["kind"] = "signature";
    EXPECT_NE(message_of([&] { parse_record(bad_kind.dump() + "\n", "r"); }).find("kind must be"),
              std::string::npos);

    EXPECT_NE(message_of([&] { parse_record("{not json", "r"); }).find("not JSON"),
              std::string::npos);
    EXPECT_NE(message_of([&] { parse_record("[]", "r"); }).find("object"), std::string::npos);
}

TEST(Ledger_Record, PathLeavingTheSpaceIsRefused) {
    for (const char* path : {"procedures/../../etc/passwd", "/etc/passwd", "procedures//x.md",
                             "./x.md", "procedures/."}) {
        Record r = sample_record();
        r.path = path;
        sign_record(r, SigningKey::generate());
        EXPECT_THROW(parse_record(record_file_text(r), "r"), Error) << path;
    }
}

TEST(Ledger_Record, FractionInDetailsCannotBeSigned) {
    Record r = sample_record();
    r.details = {{"score", 0.5}};
    EXPECT_THROW(sign_record(r, SigningKey::generate()), Error);
    EXPECT_FALSE(verify_signature(r));
}

TEST(Ledger_Record, MalformedKeyOrSignatureDoesNotVerify) {
    Record r = sample_record();
    sign_record(r, SigningKey::generate());
    Record bad_key = r;
    bad_key.public_key = "AAAA";
    EXPECT_FALSE(verify_signature(bad_key));
    Record bad_signature = r;
    bad_signature.signature = r.signature.substr(4);
    EXPECT_FALSE(verify_signature(bad_signature));
    Record flipped = r;
    flipped.signature[10] = flipped.signature[10] == 'A' ? 'B' : 'A';
    EXPECT_FALSE(verify_signature(flipped));
}

TEST(Ledger_Record, IdsAreRandomHexAndTimestampsAreUtcSeconds) {
    const std::string a = new_record_id();
    EXPECT_TRUE(std::regex_match(a, std::regex("[0-9a-f]{32}")));
    EXPECT_NE(a, new_record_id());
    EXPECT_TRUE(std::regex_match(
        utc_timestamp(), std::regex("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")));
}

TEST(Ledger_Layout, RecordFileAndAgentBranch) {
    EXPECT_EQ(record_file_path("0123"), "records/0123.json");
    EXPECT_EQ(agent_branch("maria", "laptop-1"), "refs/heads/agents/maria/laptop-1");
}

TEST(Ledger_Ed25519, PublicKeyBase64RoundTripsAndRefusesOtherLengths) {
    const PublicKey key = SigningKey::generate().public_key();
    EXPECT_EQ(PublicKey::from_base64(key.base64()), key);
    EXPECT_FALSE(PublicKey::from_base64("AAAA"));
    EXPECT_FALSE(PublicKey::from_base64(key.base64() + "="));
}

}  // namespace
}  // namespace lectern::ledger
