// Device keys through the REST API and the admin commands: registration, conflicts, who may
// list whose keys, revocation, and the server's signature on every key statement.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "http_probe.hpp"
#include "ledger/ed25519.hpp"
#include "ledger/receipt.hpp"

namespace lectern::test {
namespace {

using nlohmann::json;

Probe register_key(const TestServer& s, const std::string& who, const std::string& device,
                   const std::string& public_key) {
    return request(s, "POST", "/api/v1/keys", who,
                   json{{"device", device}, {"public_key", public_key}}.dump(), "application/json");
}

std::string server_public_key(const TestServer& s) {
    const Probe p = request(s, "GET", "/api/v1/server-key", "");
    EXPECT_EQ(p.status, 200) << p.body;
    return json::parse(p.body).at("public_key").get<std::string>();
}

CommandResult admin(const TestServer& s, const std::string& args) {
    return TestServer::sh(std::string(LECTERN_SERVER_BIN) + " --state '" + s.state_dir().string() +
                          "' " + args);
}

TEST(Server_Keys, ServerKeyNeedsNoCredentials) {
    const std::string key = server_public_key(TestServer::get());
    EXPECT_TRUE(ledger::PublicKey::from_base64(key).has_value()) << key;
}

TEST(Server_Keys, RegistrationIsIdempotentAndADeviceHasOneLiveKey) {
    auto& s = TestServer::get();
    const auto key = ledger::SigningKey::generate().public_key().base64();
    const Probe first = register_key(s, "alpha-trainer", "Laptop.2", key);
    ASSERT_EQ(first.status, 201) << first.body;
    const auto statement = ledger::key_statement_from_json(json::parse(first.body));
    EXPECT_EQ(statement.user, "alpha-trainer");
    EXPECT_EQ(statement.device, "Laptop.2");
    EXPECT_TRUE(statement.revoked_at.empty());
    EXPECT_TRUE(ledger::key_statement_is_signed_by(statement, server_public_key(s)));
    // A client retrying after a lost reply.
    EXPECT_EQ(register_key(s, "alpha-trainer", "Laptop.2", key).status, 200);
    const auto other = ledger::SigningKey::generate().public_key().base64();
    const Probe conflict = register_key(s, "alpha-trainer", "Laptop.2", other);
    EXPECT_EQ(conflict.status, 409);
    EXPECT_NE(conflict.body.find("revoke it first"), std::string::npos) << conflict.body;
}

TEST(Server_Keys, MalformedKeysAndDeviceNamesAreRefused) {
    auto& s = TestServer::get();
    const auto key = ledger::SigningKey::generate().public_key().base64();
    EXPECT_EQ(register_key(s, "alpha-agent", "../etc", key).status, 400);
    EXPECT_EQ(register_key(s, "alpha-agent", "phone", "bm90IGEga2V5").status, 400);
    EXPECT_EQ(register_key(s, "alpha-agent", "phone", key.substr(0, 43) + "x").status, 400);
}

TEST(Server_Keys, RevokedKeyIsListedWithItsTimeAndNeverComesBack) {
    auto& s = TestServer::get();
    const auto key = ledger::SigningKey::generate().public_key().base64();
    ASSERT_EQ(register_key(s, "alpha-auditor", "old-laptop", key).status, 201);
    const auto r = admin(s, "key revoke alpha-auditor old-laptop");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(admin(s, "key revoke alpha-auditor old-laptop").exit_code, 0);

    const Probe list = request(s, "GET", "/api/v1/keys?user=alpha-auditor", "alpha-supervisor");
    ASSERT_EQ(list.status, 200) << list.body;
    bool found = false;
    const json listed_keys = json::parse(list.body);
    for (const auto& j : listed_keys.at("keys")) {
        const auto k = ledger::key_statement_from_json(j);
        if (k.public_key != key) continue;
        found = true;
        EXPECT_FALSE(k.revoked_at.empty());
        EXPECT_TRUE(ledger::key_statement_is_signed_by(k, server_public_key(s)));
    }
    EXPECT_TRUE(found) << list.body;
    const auto listed = admin(s, "key list alpha-auditor");
    EXPECT_NE(listed.output.find("old-laptop"), std::string::npos) << listed.output;
    EXPECT_NE(listed.output.find("revoked 20"), std::string::npos) << listed.output;
    // The revoked key cannot be registered again, on this device or another.
    EXPECT_EQ(register_key(s, "alpha-auditor", "old-laptop", key).status, 409);
    EXPECT_EQ(register_key(s, "alpha-auditor", "new-laptop", key).status, 409);
    // The device itself may get a new key.
    EXPECT_EQ(register_key(s, "alpha-auditor", "old-laptop",
                           ledger::SigningKey::generate().public_key().base64())
                  .status,
              201);
}

TEST(Server_Keys, AgentsListOnlyTheirOwnKeys) {
    auto& s = TestServer::get();
    EXPECT_EQ(request(s, "GET", "/api/v1/keys?user=alpha-agent", "alpha-agent").status, 200);
    EXPECT_EQ(request(s, "GET", "/api/v1/keys?user=alpha-trainer", "alpha-agent").status, 403);
    EXPECT_EQ(request(s, "GET", "/api/v1/keys?user=beta-agent", "alpha-admin").status, 404);
    EXPECT_EQ(request(s, "GET", "/api/v1/keys?user=nobody-at-all", "alpha-admin").status, 404);
}

}  // namespace
}  // namespace lectern::test
