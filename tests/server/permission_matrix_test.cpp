// Every role, and no token, an expired and a revoked token, against every endpoint of their
// own space and of another client's space. The expected cells come from the policy table the
// server enforces (sync-server/auth/policy.hpp), never from a second copy of it.

#include <gtest/gtest.h>

#include "auth/policy.hpp"
#include "http_probe.hpp"

namespace lectern::test {
namespace {

using server::Action;
using server::Role;

/// What an endpoint needs; nullopt for the REST calls every authenticated user may make.
std::optional<Action> action_of(Endpoint e) {
    switch (e) {
        case Endpoint::RestWhoami:
        case Endpoint::KeysListOwn:
            return std::nullopt;
        case Endpoint::KeysRegister:
            return Action::RegisterOwnKey;
        case Endpoint::KeysListMember:
            return Action::ListMembersKeys;
        case Endpoint::ReceiptsOwn:
        case Endpoint::LogHead:
            return Action::ReadOwnReceipts;
        case Endpoint::ReceiptsAll:
            return Action::ReadAllReceipts;
        case Endpoint::ContentInfoRefsFetch:
        case Endpoint::ContentUploadPack:
        case Endpoint::LfsBatchDownload:
        case Endpoint::LfsDownload:
            return Action::ReadContent;
        case Endpoint::ContentInfoRefsPush:
        case Endpoint::ContentReceivePack:
        case Endpoint::LfsBatchUpload:
        case Endpoint::LfsUpload:
            return Action::WriteContent;
        case Endpoint::LedgerInfoRefsFetch:
        case Endpoint::LedgerUploadPack:
            return Action::ReadLedger;
        case Endpoint::LedgerInfoRefsPush:
        case Endpoint::LedgerReceivePack:
            return Action::PushOwnLedger;
    }
    return std::nullopt;
}

/// The status a member with `role` gets from `e` of a space: of their own, or of another.
int expected_status(Role role, Endpoint e, bool own_space) {
    const auto action = action_of(e);
    if (!action) return 200;
    // Registering a key belongs to no space: any member may, whatever space the probe names.
    if (e == Endpoint::KeysRegister) return server::allows(role, *action) ? 201 : 403;
    if (!own_space) return 404;  // another client's space (and its people) do not exist for them
    return server::allows(role, *action) ? 200 : 403;
}

TEST(Server_Permissions, EveryRoleAgainstEveryEndpointOfOwnAndOtherSpace) {
    TestServer& s = TestServer::get();
    const PlantedObject alpha_object = plant_lfs_object(s, "alpha", "matrix object of alpha");
    const PlantedObject beta_object = plant_lfs_object(s, "beta", "matrix object of beta");
    int cells = 0;
    for (Role role : server::kAllRoles) {
        const std::string who = "alpha-" + std::string(server::to_string(role));
        for (const bool own : {true, false}) {
            for (Endpoint e : kAllEndpoints) {
                const Probe p =
                    call(s, e, own ? "alpha" : "beta", who, own ? alpha_object : beta_object);
                EXPECT_EQ(p.status, expected_status(role, e, own))
                    << who << " -> " << (own ? "own" : "other") << " space: " << to_string(e)
                    << "\n"
                    << p.body;
                ++cells;
            }
        }
    }
    for (const std::string who : {"", "alpha-expired", "alpha-revoked"}) {
        for (const bool own : {true, false}) {
            for (Endpoint e : kAllEndpoints) {
                const Probe p =
                    call(s, e, own ? "alpha" : "beta", who, own ? alpha_object : beta_object);
                EXPECT_EQ(p.status, 401)
                    << (who.empty() ? "no token" : who) << " -> " << to_string(e);
                ++cells;
            }
        }
    }
    EXPECT_EQ(cells, (5 + 3) * 2 * static_cast<int>(std::size(kAllEndpoints)));
}

TEST(Server_Permissions, PolicyTableGivesWritesOnlyToTrainersAndAdmins) {
    for (Role role : server::kAllRoles) {
        EXPECT_TRUE(server::allows(role, Action::ReadContent));
        EXPECT_TRUE(server::allows(role, Action::PushOwnLedger));
        EXPECT_EQ(server::allows(role, Action::WriteContent),
                  role == Role::Trainer || role == Role::Admin);
    }
}

// Quiz reports are for trainers too: they read the ledger and receipts of their own spaces
// (the matrix above checks the endpoints, and that another space stays 404) and grade essays,
// which agents and auditors do not.
TEST(Server_Permissions, PolicyTableLetsTrainersReadTheLedgerAndGradeEssays) {
    EXPECT_TRUE(server::allows(Role::Trainer, Action::ReadLedger));
    EXPECT_TRUE(server::allows(Role::Trainer, Action::ReadAllReceipts));
    EXPECT_FALSE(server::allows(Role::Agent, Action::ReadLedger));
    for (Role role : server::kAllRoles) {
        EXPECT_EQ(server::allows(role, Action::GradeEssays),
                  role == Role::Trainer || role == Role::Supervisor || role == Role::Admin)
            << server::to_string(role);
    }
}

}  // namespace
}  // namespace lectern::test
