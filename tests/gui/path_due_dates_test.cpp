// My path's due column: dates from the agent's start date in the user's locale, overdue
// marked; "Day N" while no start date is known. The start date setting keeps only dates.

#include <clocale>
#include <filesystem>

#include <gtest/gtest.h>
#include <wx/fileconf.h>

#include "content/space.hpp"
#include "path_model.hpp"
#include "progress/standing.hpp"
#include "settings.hpp"
#include "support/temp_space.hpp"
#include "wx_text.hpp"

using namespace lectern;
using namespace lectern::desktop;

namespace {

content::Space space_with_a_path(const test::TempSpace& dir) {
    dir.write("procedures/vpn-security.md", test::procedure("vpn-security"));
    dir.write("procedures/screen-lock.md", test::procedure("screen-lock"));
    dir.write("paths/new-agent.yaml",
              "id: new-agent\ntitle: New agent\nlang: en\nrole: agent\nowner: anna\n"
              "updated: 2026-11-15\nsections:\n  - title: First week\n    items:\n"
              "      - ref: vpn-security\n        due_days: 1\n"
              "      - ref: screen-lock\n        due_days: 10\n");
    Diagnostics problems;
    auto space = content::Space::load(dir.root(), problems);
    EXPECT_TRUE(problems.items().empty()) << test::dump(problems);
    return space;
}

}  // namespace

TEST(DesktopPathDueDates, DatesFromTheStartDateInTheLocaleWithOverdueMarked) {
    std::setlocale(LC_ALL, "C.UTF-8");
    test::TempSpace dir;
    const auto space = space_with_a_path(dir);
    ASSERT_EQ(space.paths().size(), 1u);
    progress::Standing nothing_signed;  // both procedures ask for a sign-off, neither signed
    nothing_signed.signoffs["vpn-security"] = ledger::SignoffState::Unsigned;
    nothing_signed.signoffs["screen-lock"] = ledger::SignoffState::Unsigned;

    const auto without = path_overview(space, space.paths()[0], &nothing_signed);
    EXPECT_EQ(from_wx(without.sections[0].rows[0].due), "Day 1");

    const auto overview =
        path_overview(space, space.paths()[0], &nothing_signed, "2026-12-01", "2026-12-05");
    const auto& rows = overview.sections[0].rows;
    ASSERT_EQ(rows.size(), 2u);
    // The first item was due the day after the start, and is not signed: overdue.
    EXPECT_EQ(rows[0].due, local_date_text("2026-12-02") + " \u2014 overdue");
    EXPECT_TRUE(rows[0].overdue);
    EXPECT_EQ(rows[1].due, local_date_text("2026-12-11"));
    EXPECT_FALSE(rows[1].overdue);
    EXPECT_NE(from_wx(overview.progress).find("due " + from_wx(local_date_text("2026-12-02"))),
              std::string::npos)
        << from_wx(overview.progress);
    // The locale's form, not the ISO text.
    wxDateTime date;
    date.ParseISODate("2026-12-02");
    EXPECT_EQ(local_date_text("2026-12-02"), date.FormatDate());
    EXPECT_EQ(from_wx(local_date_text("not a date")), "not a date");
}

TEST(DesktopPathDueDates, StartDateSettingKeepsOnlyDates) {
    const auto file = std::filesystem::temp_directory_path() / "lectern-start-date-test.ini";
    std::filesystem::remove(file);
    {
        Settings s(std::make_unique<wxFileConfig>("lectern", wxEmptyString, file.string(),
                                                  wxEmptyString, wxCONFIG_USE_LOCAL_FILE));
        EXPECT_EQ(s.start_date(), "");
        s.set_start_date("2026-02-30");  // no such day: ignored
        EXPECT_EQ(s.start_date(), "");
        s.set_start_date("2026-12-01");
    }
    Settings again(std::make_unique<wxFileConfig>("lectern", wxEmptyString, file.string(),
                                                  wxEmptyString, wxCONFIG_USE_LOCAL_FILE));
    EXPECT_EQ(again.start_date(), "2026-12-01");
    std::filesystem::remove(file);
}
