// The REST API, metrics and the access log.

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "auth/login_throttle.hpp"
#include "http_probe.hpp"

namespace lectern::test {
namespace {

TEST(Server_Api, HealthNeedsNoCredentials) {
    const Probe p = request(TestServer::get(), "GET", "/api/v1/health", "");
    EXPECT_EQ(p.status, 200);
    EXPECT_NE(p.body.find("ok"), std::string::npos);
}

TEST(Server_Api, PasswordGivesATokenThatWorksForGit) {
    TestServer& s = TestServer::get();
    const Probe p =
        request(s, "POST", "/api/v1/tokens", "",
                R"({"user":"beta-agent","password":"password-of-beta-agent","name":"laptop"})",
                "application/json");
    ASSERT_EQ(p.status, 201) << p.body;
    const auto body = nlohmann::json::parse(p.body);
    const std::string token = body.at("token");
    EXPECT_EQ(token.rfind("lct_", 0), 0u);
    const auto r = TestServer::sh("git -c credential.helper= ls-remote http://beta-agent:" + token +
                                  "@" + s.url().substr(7) + "/beta/content.git");
    EXPECT_EQ(r.exit_code, 0) << r.output;
}

TEST(Server_Api, WrongPasswordIsRefused) {
    const Probe p =
        request(TestServer::get(), "POST", "/api/v1/tokens", "",
                R"({"user":"beta-agent","password":"wrong password"})", "application/json");
    EXPECT_EQ(p.status, 401);
}

TEST(Server_Api, WhoamiAndSpacesListOnlyOwnMemberships) {
    TestServer& s = TestServer::get();
    const Probe who = request(s, "GET", "/api/v1/whoami", "alpha-auditor");
    ASSERT_EQ(who.status, 200);
    EXPECT_EQ(nlohmann::json::parse(who.body).at("user"), "alpha-auditor");
    const Probe spaces = request(s, "GET", "/api/v1/spaces", "alpha-auditor");
    ASSERT_EQ(spaces.status, 200);
    const auto list = nlohmann::json::parse(spaces.body);
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].at("space"), "alpha");
    EXPECT_EQ(list[0].at("role"), "auditor");
    EXPECT_EQ(list[0].at("content_url"), s.url() + "/alpha/content.git");
}

TEST(Server_Api, MetricsCountRequests) {
    TestServer& s = TestServer::get();
    request(s, "GET", "/api/v1/health", "");
    const Probe p = request(s, "GET", "/metrics", "");
    ASSERT_EQ(p.status, 200);
    EXPECT_NE(p.body.find("lectern_http_requests_total{route=\"api\",status=\"200\"}"),
              std::string::npos)
        << p.body;
    EXPECT_NE(p.body.find("lectern_http_request_duration_seconds_bucket"), std::string::npos);
}

TEST(Server_Api, AccessLogNamesUserAndStatus) {
    TestServer& s = TestServer::get();
    request(s, "GET", "/api/v1/whoami", "alpha-supervisor");
    // cpp-httplib calls the logger after the response has gone out, so the client can read
    // the answer before the line is written: wait for it, up to a bound.
    std::string log;
    for (int attempt = 0; attempt < 100; ++attempt) {
        std::ifstream in(s.scratch() / "access.log");
        log.assign(std::istreambuf_iterator<char>(in), {});
        // Both: an earlier test's whoami (another user) may be in the log already.
        if (log.find("alpha-supervisor [") != std::string::npos &&
            log.find("\"GET /api/v1/whoami HTTP/1.1\" 200") != std::string::npos)
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    EXPECT_NE(log.find("alpha-supervisor ["), std::string::npos);
    EXPECT_NE(log.find("\"GET /api/v1/whoami HTTP/1.1\" 200"), std::string::npos);
}

TEST(Server_Throttle, RefusesAnAccountAfterTooManyFailures) {
    server::LoginThrottle t({3, 100, std::chrono::seconds(60)});
    for (int i = 0; i < 3; ++i) {
        EXPECT_TRUE(t.allows("mallory", "10.0.0.1"));
        t.record_failure("mallory", "10.0.0.1");
    }
    EXPECT_FALSE(t.allows("mallory", "10.0.0.2"));  // per account, from any address
    EXPECT_TRUE(t.allows("alice", "10.0.0.1"));
}

TEST(Server_Throttle, RefusesAnAddressAfterTooManyFailures) {
    server::LoginThrottle t({100, 3, std::chrono::seconds(60)});
    for (const char* user : {"a", "b", "c"}) t.record_failure(user, "10.0.0.9");
    EXPECT_FALSE(t.allows("d", "10.0.0.9"));  // per address, whatever the account
    EXPECT_TRUE(t.allows("d", "10.0.0.8"));
}

}  // namespace
}  // namespace lectern::test
