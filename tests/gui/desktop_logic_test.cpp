// The desktop app's own logic that needs no window: guided script steps, navigation history,
// settings and the page theme.

#include <filesystem>

#include <gtest/gtest.h>
#include <wx/fileconf.h>

#include "html_theme.hpp"
#include "navigation.hpp"
#include "render/script_flow.hpp"
#include "script_guide.hpp"
#include "settings.hpp"

using namespace lectern;
using namespace lectern::desktop;

namespace {
const char* kScript =
    "## Greet\nHello.\n\n- [Has the number](#verify)\n- [Lost it](#find)\n- [Broken](#nowhere)\n\n"
    "## Verify\nAsk.\n\n- [Matches](#help)\n\n"
    "## Find\nSearch.\n\n- [Found](#verify)\n\n"
    "## Help\nDone.\n";

ScriptGuide guide() {
    return ScriptGuide(render::parse_script_flow(kScript));
}
}  // namespace

TEST(DesktopScriptGuide, StartsAtTheFirstStep) {
    const auto g = guide();
    ASSERT_NE(g.current(), nullptr);
    EXPECT_EQ(g.current()->anchor, "greet");
    EXPECT_EQ(g.position(), 1u);
    EXPECT_EQ(g.step_count(), 4u);
    EXPECT_FALSE(g.can_go_back());
}

TEST(DesktopScriptGuide, AnswersLeadToTheirStepsAndBackRetracesThePath) {
    auto g = guide();
    ASSERT_TRUE(g.choose(1));  // Lost it
    EXPECT_EQ(g.current()->anchor, "find");
    ASSERT_TRUE(g.choose(0));  // Found
    EXPECT_EQ(g.current()->anchor, "verify");
    EXPECT_EQ(g.position(), 2u);
    ASSERT_TRUE(g.back());
    EXPECT_EQ(g.current()->anchor, "find");
    ASSERT_TRUE(g.back());
    EXPECT_EQ(g.current()->anchor, "greet");
    EXPECT_FALSE(g.back());
}

TEST(DesktopScriptGuide, MissingAnswersAndBrokenTargetsDoNothing) {
    auto g = guide();
    EXPECT_FALSE(g.choose(3));
    EXPECT_FALSE(g.choose(2));  // leads to #nowhere
    EXPECT_EQ(g.current()->anchor, "greet");
}

TEST(DesktopScriptGuide, RestartReturnsToTheFirstStep) {
    auto g = guide();
    g.choose(0);
    g.choose(0);
    g.restart();
    EXPECT_EQ(g.current()->anchor, "greet");
    EXPECT_FALSE(g.can_go_back());
}

TEST(DesktopHistory, BackReturnsToThePreviousPlaceAndRepeatsAreOne) {
    History h;
    h.visit({View::Document, "a"});
    h.visit({View::Document, "a"});
    h.visit({View::Script, "b"});
    ASSERT_TRUE(h.current());
    EXPECT_EQ(h.current()->id, "b");
    const auto back = h.back();
    ASSERT_TRUE(back);
    EXPECT_EQ(back->id, "a");
    EXPECT_FALSE(h.back());
}

TEST(DesktopSettings, DefaultsRoundTripAndLimits) {
    const auto file = std::filesystem::temp_directory_path() / "lectern-settings-test.ini";
    std::filesystem::remove(file);
    {
        Settings s(std::make_unique<wxFileConfig>("lectern", wxEmptyString, file.string(),
                                                  wxEmptyString, wxCONFIG_USE_LOCAL_FILE));
        EXPECT_EQ(s.window_size(), wxSize(1100, 720));
        EXPECT_EQ(s.font_size(), 12);
        EXPECT_EQ(s.last_document(), "");
        s.set_window_size({900, 100});
        s.set_font_size(99);
        s.set_last_document("vpn-security");
        s.set_last_search("zwrot pieniędzy");
    }
    Settings again(std::make_unique<wxFileConfig>("lectern", wxEmptyString, file.string(),
                                                  wxEmptyString, wxCONFIG_USE_LOCAL_FILE));
    EXPECT_EQ(again.window_size(), wxSize(900, 400));  // never smaller than usable
    EXPECT_EQ(again.font_size(), Settings::kMaxFontSize);
    EXPECT_EQ(again.last_document(), "vpn-security");
    EXPECT_EQ(again.last_search(), "zwrot pieniędzy");
    std::filesystem::remove(file);
}

TEST(DesktopSettings, PreferencesRoundTripWithDefaultsAndLimits) {
    const auto file = std::filesystem::temp_directory_path() / "lectern-preferences-test.ini";
    std::filesystem::remove(file);
    {
        Settings s(std::make_unique<wxFileConfig>("lectern", wxEmptyString, file.string(),
                                                  wxEmptyString, wxCONFIG_USE_LOCAL_FILE));
        EXPECT_EQ(s.server_url(), "");
        EXPECT_EQ(s.sync_interval_minutes(), 15);
        EXPECT_EQ(s.language(), "");
        EXPECT_FALSE(s.first_start_done());
        s.set_server_url("https://lectern.example.org");
        s.set_sync_interval_minutes(0);
        s.set_language("pl");
        s.set_first_start_done(true);
    }
    Settings again(std::make_unique<wxFileConfig>("lectern", wxEmptyString, file.string(),
                                                  wxEmptyString, wxCONFIG_USE_LOCAL_FILE));
    EXPECT_EQ(again.server_url(), "https://lectern.example.org");
    EXPECT_EQ(again.sync_interval_minutes(), Settings::kMinSyncMinutes);
    EXPECT_EQ(again.language(), "pl");
    EXPECT_TRUE(again.first_start_done());
    std::filesystem::remove(file);
}

TEST(DesktopTheme, HeadingsGetAnchorsInOrderAndTablesBorders) {
    const auto html = themed_body(
        "<h2>One</h2><p>x</p><h3>Two</h3><table><tr><th>a</th></tr></table>", {"one", "two"});
    const auto one = html.find("<a name=\"one\"></a><h2>");
    const auto two = html.find("<a name=\"two\"></a><h3>");
    EXPECT_NE(one, std::string::npos) << html;
    EXPECT_NE(two, std::string::npos) << html;
    EXPECT_LT(one, two);
    EXPECT_NE(html.find("<table border=\"1\""), std::string::npos) << html;
}

TEST(DesktopTheme, EscapesText) {
    EXPECT_EQ(escape_html("<a href=\"x\">&"), "&lt;a href=&quot;x&quot;&gt;&amp;");
}
