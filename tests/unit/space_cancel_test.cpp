// Reading a whole space stops soon after its cancel token is set: a window closing while it
// checks a large space does not wait for every file.

#include <chrono>
#include <future>
#include <thread>

#include <gtest/gtest.h>

#include "content/cancellable_load.hpp"
#include "support/temp_space.hpp"

using namespace lectern;

namespace {

// A space of `count` procedures with a few paragraphs each.
void fill(const test::TempSpace& space, int count) {
    std::string body;
    for (int p = 0; p < 6; ++p)
        body += "## Step " + std::to_string(p) +
                "\n\nCheck the customer's account, note the ticket number and say what happens "
                "next. Never read a card number aloud.\n\n";
    for (int i = 0; i < count; ++i) {
        const std::string id = "generated-" + std::to_string(i);
        space.write("procedures/" + id + ".md", test::procedure(id, body));
    }
}

}  // namespace

TEST(ContentSpaceCancel, CancelledBeforeTheStartReadsNothing) {
    test::TempSpace space;
    fill(space, 20);
    CancelToken cancel;
    cancel.cancel();
    Diagnostics found;
    EXPECT_FALSE(content::load_space(space.root(), found, cancel).has_value());
    EXPECT_TRUE(found.items().empty()) << test::dump(found);
}

TEST(ContentSpaceCancel, NotCancelledLoadsLikeLoad) {
    test::TempSpace space;
    fill(space, 20);
    CancelToken cancel;
    Diagnostics found;
    const auto loaded = content::load_space(space.root(), found, cancel);
    ASSERT_TRUE(loaded.has_value());
    EXPECT_EQ(loaded->documents().size(), 20u);
    EXPECT_TRUE(found.items().empty()) << test::dump(found);
}

TEST(ContentSpaceCancel, LargeSpaceStopsWithinAFractionOfItsReadingTime) {
    test::TempSpace space;
    fill(space, 3000);
    Diagnostics whole_found;
    const auto start = std::chrono::steady_clock::now();
    const auto whole = content::Space::load(space.root(), whole_found);
    const auto whole_time = std::chrono::steady_clock::now() - start;
    ASSERT_EQ(whole.documents().size(), 3000u);

    CancelToken cancel;
    auto loading = std::async(std::launch::async, [&] {
        Diagnostics found;
        return content::load_space(space.root(), found, cancel).has_value();
    });
    std::this_thread::sleep_for(whole_time / 10);
    const auto cancelled_at = std::chrono::steady_clock::now();
    cancel.cancel();
    EXPECT_FALSE(loading.get());
    const auto stopping = std::chrono::steady_clock::now() - cancelled_at;
    // A file or two per reading thread after the token is set, never the rest of the space.
    EXPECT_LT(stopping, whole_time / 4)
        << "whole read " << std::chrono::duration<double>(whole_time).count() << " s, stopping "
        << std::chrono::duration<double>(stopping).count() << " s";
}
