// A unique string and an LFS object planted in space beta never reach any user of alpha, by any
// endpoint, whatever their role.

#include <gtest/gtest.h>

#include <fstream>
#include <random>

#include "auth/policy.hpp"
#include "http_probe.hpp"

namespace lectern::test {
namespace {

namespace fs = std::filesystem;

TEST(Server_Canary, BetaContentIsNeverReturnedToAlphaUsers) {
    TestServer& s = TestServer::get();
    std::random_device rd;
    const std::string canary = "canary-beta-" + std::to_string(rd()) + std::to_string(rd());
    const fs::path beta = s.fresh_dir("beta-content");
    fs::copy(sample_content(), beta, fs::copy_options::recursive);
    std::ofstream(beta / "synonyms.txt", std::ios::app) << canary << " = secret\n";
    s.publish("beta", beta);
    const PlantedObject beta_object = plant_lfs_object(s, "beta", "lfs " + canary);

    std::vector<std::string> alpha_users = {"", "alpha-expired", "alpha-revoked"};
    for (auto role : server::kAllRoles)
        alpha_users.push_back("alpha-" + std::string(server::to_string(role)));
    for (const auto& who : alpha_users) {
        for (const std::string space : {"alpha", "beta"}) {
            for (Endpoint e : kAllEndpoints) {
                if (e == Endpoint::LfsUpload) continue;  // sends the object's bytes itself
                const Probe p = call(s, e, space, who, beta_object);
                EXPECT_EQ(p.body.find(canary), std::string::npos)
                    << who << " " << space << " " << to_string(e);
                // whoami and the caller's own keys name no space
                const bool spaceless = e == Endpoint::RestWhoami || e == Endpoint::KeysRegister ||
                                       e == Endpoint::KeysListOwn;
                if (space == "beta" && !spaceless) {
                    EXPECT_TRUE(p.status == 401 || p.status == 404) << who << " " << to_string(e);
                }
                if (e == Endpoint::LfsDownload) {
                    EXPECT_NE(p.status, 200) << who << " " << space;
                }
            }
        }
    }
    // Even alpha's admin, cloning everything of alpha, gets nothing of beta.
    const fs::path work = s.fresh_dir("canary-clone");
    ASSERT_EQ(s.git("clone -q " + s.repo_url("alpha") + " wc", work, "alpha-admin").exit_code, 0);
    EXPECT_NE(TestServer::sh("git grep -q " + canary + " $(git rev-list --all) || echo absent",
                             work / "wc")
                  .output.find("absent"),
              std::string::npos);
}

}  // namespace
}  // namespace lectern::test
