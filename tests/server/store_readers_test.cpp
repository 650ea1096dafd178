// The store answers the per-request lookups (token, role) from a pool of read connections:
// a token revoked or a role changed is seen by every lookup that starts afterwards, however many
// threads are looking up at the time.

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <thread>
#include <vector>

#include "store/store.hpp"

namespace lectern::server {
namespace {

namespace fs = std::filesystem;

TEST(Server_Permissions, RevocationAndRoleChangeReachEveryLaterLookupWhileManyThreadsLookUp) {
    const fs::path dir =
        fs::temp_directory_path() / ("lectern-store-readers-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    {
        Store store(dir / "server.db");
        store.add_space("s");
        store.add_user("u", "password-of-u");
        store.set_member("u", "s", Role::Trainer);
        const NewToken token = store.create_token("u", "t", unix_now() + 3600);
        const std::int64_t user_id = store.find_user("u")->id;

        ASSERT_TRUE(store.check_token("u", token.secret));
        std::atomic<bool> changed{false};
        std::atomic<bool> stop{false};
        std::atomic<int> lookups{0};
        std::atomic<int> stale{0};
        std::vector<std::thread> threads;
        for (int i = 0; i < 12; ++i) {  // more threads than the pool has connections
            threads.emplace_back([&] {
                while (!stop) {
                    const bool after = changed;
                    const auto user = store.check_token("u", token.secret);
                    const auto role = store.role_in(user_id, "s");
                    if (after && (user || role != Role::Agent)) ++stale;
                    ++lookups;
                }
            });
        }
        while (lookups < 300) std::this_thread::yield();
        store.set_member("u", "s", Role::Agent);
        ASSERT_TRUE(store.revoke_token(token.id));
        changed = true;
        const int then = lookups;
        while (lookups < then + 300) std::this_thread::yield();
        stop = true;
        for (auto& t : threads) t.join();
        EXPECT_EQ(stale, 0);
        EXPECT_FALSE(store.check_token("u", token.secret));
    }
    fs::remove_all(dir);
}

}  // namespace
}  // namespace lectern::server
