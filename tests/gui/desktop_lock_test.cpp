// Auto-lock without a window: the idle count on an injected clock, and the unlocker against
// a real sealed key file.

#include <filesystem>
#include <random>

#include <gtest/gtest.h>

#include "idle_monitor.hpp"
#include "ledger/keys.hpp"
#include "unlocker.hpp"

using namespace lectern;
using namespace lectern::desktop;
using std::chrono::minutes;
using std::chrono::seconds;

TEST(DesktopIdle, ExpiresOnlyOnceTheLimitPassesWithoutInput) {
    ManualClock clock;
    IdleMonitor idle(clock, minutes(15));
    clock.advance(minutes(14) + seconds(59));
    EXPECT_FALSE(idle.expired());
    clock.advance(seconds(1));
    EXPECT_TRUE(idle.expired());
}

TEST(DesktopIdle, InputStartsTheCountAgain) {
    ManualClock clock;
    IdleMonitor idle(clock, minutes(5));
    clock.advance(minutes(4));
    idle.note_input();
    clock.advance(minutes(4));
    EXPECT_FALSE(idle.expired());
    clock.advance(minutes(1));
    EXPECT_TRUE(idle.expired());
}

TEST(DesktopIdle, PolicyOfZeroMinutesStillWaitsOneMinute) {
    ManualClock clock;
    IdleMonitor idle(clock, minutes(0));
    EXPECT_EQ(idle.limit(), minutes(1));
    EXPECT_FALSE(idle.expired());
}

TEST(DesktopUnlocker, RealKeyFileOpensOnlyWithItsPassphrase) {
    std::random_device rd;
    const auto dir = std::filesystem::temp_directory_path() /
                     ("lectern-unlock-" + std::to_string(rd()) + std::to_string(rd()));
    const auto file = ledger::key_file(dir, "maria", "laptop");
    auto unlocker = make_key_unlocker(file);
    EXPECT_FALSE(unlocker->has_key());

    const auto key = ledger::SigningKey::generate();
    ledger::save_key(file, ledger::seal_key(key, "maria", "laptop", secure_copy("correct horse"),
                                            ledger::KdfCost::minimum()));
    EXPECT_TRUE(unlocker->has_key());  // read anew: a key enrolled while the app runs counts
    EXPECT_TRUE(unlocker->unlock(secure_copy("correct horse")));
    EXPECT_FALSE(unlocker->unlock(secure_copy("correct horsE")));
    EXPECT_FALSE(unlocker->unlock(secure_copy("")));
    std::filesystem::remove_all(dir);
}
