// Inputs known to make Markdown parsers quadratic must render fast and in about linear time.

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "render/markdown.hpp"
#include "support/cpu_time.hpp"

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr double kSlowdown = 6.0;  // ASan and UBSan make every memory access slower
#else
constexpr double kSlowdown = 1.0;
#endif

std::string repeat(const std::string& unit, int times) {
    std::string out;
    out.reserve(unit.size() * static_cast<std::size_t>(times));
    for (int i = 0; i < times; ++i) out += unit;
    return out;
}

// The least CPU time of three renders: the one least disturbed by cache misses after
// preemption and by page faults of a first touch.
double seconds_to_render(const std::string& input) {
    double least = 1e9;
    for (int i = 0; i < 3; ++i) {
        std::string html;
        least = std::min(least, lectern::test::thread_cpu_seconds_of(
                                    [&] { html = lectern::render::render_html(input); }));
        EXPECT_FALSE(html.empty());
    }
    return least;
}

struct Case {
    const char* name;
    std::string (*make)(int n);
};

// Renders n and 2n repetitions: the larger must stay under a second and take at most about
// twice as long (with slack for timer noise on small absolute times).
void expect_fast_and_linear(const Case& c) {
    constexpr int n = 50000;
    const std::string small = c.make(n / 2);
    const std::string large = c.make(n);
    const double t_small = seconds_to_render(small);
    const double t_large = seconds_to_render(large);
    EXPECT_LT(t_large, 1.0 * kSlowdown)
        << c.name << ": " << t_large << " s for " << n << " repetitions";
    EXPECT_LT(t_large, 3.0 * t_small + 0.05 * kSlowdown)
        << c.name << ": " << t_small << " s for " << n / 2 << ", " << t_large << " s for " << n;
}

}  // namespace

TEST(RenderPathological, OpenHtmlComments) {
    expect_fast_and_linear({"<!--", [](int n) { return repeat("<!--", n); }});
}
TEST(RenderPathological, UnclosedLinkDestinations) {
    expect_fast_and_linear({"[a](<b", [](int n) { return repeat("[a](<b", n); }});
}
TEST(RenderPathological, NestedBlockQuotes) {
    expect_fast_and_linear({"nested >", [](int n) { return repeat(">", n) + " x\n"; }});
}
TEST(RenderPathological, NestedEmphasis) {
    expect_fast_and_linear({"nested *", [](int n) { return repeat("*a ", n) + repeat("a* ", n); }});
}
TEST(RenderPathological, UnclosedEmphasis) {
    expect_fast_and_linear({"unclosed *", [](int n) { return repeat("*a", n); }});
}
TEST(RenderPathological, NestedBrackets) {
    expect_fast_and_linear(
        {"nested [", [](int n) { return repeat("[", n) + "a" + repeat("]", n); }});
}
TEST(RenderPathological, ManyLinkReferenceDefinitions) {
    expect_fast_and_linear(
        {"[x]: y", [](int n) { return repeat("[x]: /y\n", n) + repeat("[x] ", n); }});
}
TEST(RenderPathological, NestedLists) {
    expect_fast_and_linear({"nested lists", [](int n) {
                                std::string out;
                                for (int i = 0; i < n / 10; ++i)
                                    out += std::string(static_cast<std::size_t>(i % 100), ' ') +
                                           "- a\n";
                                return out;
                            }});
}
TEST(RenderPathological, BackticksOfManyLengths) {
    expect_fast_and_linear({"backticks", [](int n) {
                                std::string out;
                                for (int i = 1; i < n / 50; ++i)
                                    out +=
                                        std::string(static_cast<std::size_t>(i % 300), '`') + "x ";
                                return out;
                            }});
}
TEST(RenderPathological, TableWithManyColumnsAndRows) {
    expect_fast_and_linear(
        {"table", [](int n) { return "| a | b |\n|---|---|\n" + repeat("| x |\n", n / 5); }});
}
TEST(RenderPathological, AutolinkLikeText) {
    expect_fast_and_linear(
        {"autolinks", [](int n) { return repeat("www.a", n / 2) + repeat("_", n / 2); }});
}
