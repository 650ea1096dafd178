// Due dates of an onboarding path: the agent's start date plus each item's due_days, and
// which are overdue.

#include <gtest/gtest.h>

#include "progress/due_date.hpp"

using namespace lectern::progress;

TEST(ProgressDueDate, AddDays_AcrossMonthsYearsAndLeapDays) {
    EXPECT_EQ(add_days("2026-12-07", 0), "2026-12-07");
    EXPECT_EQ(add_days("2026-12-07", 30), "2027-01-06");
    EXPECT_EQ(add_days("2028-02-28", 1), "2028-02-29");
    EXPECT_EQ(add_days("2027-02-28", 1), "2027-03-01");
    EXPECT_EQ(add_days("2026-03-01", -1), "2026-02-28");
    EXPECT_FALSE(add_days("2026-02-30", 1));
    EXPECT_FALSE(add_days("7 Dec 2026", 1));
    EXPECT_FALSE(add_days("", 1));
}

TEST(ProgressDueDate, DueDaysCountFromTheStartDay) {
    const ItemProgress item{"vpn-security", 3, ItemState::ToDo};
    const auto due = due_date(item, "2026-12-07", "2026-12-08");
    ASSERT_TRUE(due);
    EXPECT_EQ(due->date, "2026-12-10");
    EXPECT_FALSE(due->overdue);
    EXPECT_EQ(due_date({"x", 0, ItemState::ToDo}, "2026-12-07", "2026-12-07")->date, "2026-12-07");
    EXPECT_FALSE(due_date(item, "", "2026-12-08"));  // no start date: no due date
}

TEST(ProgressDueDate, OverdueOnlyWhenPastAndStillToDoOrToSignAgain) {
    const char* start = "2026-12-01";
    const char* today = "2026-12-05";
    EXPECT_TRUE(due_date({"a", 3, ItemState::ToDo}, start, today)->overdue);
    EXPECT_TRUE(due_date({"a", 3, ItemState::NeedsResign}, start, today)->overdue);
    EXPECT_FALSE(due_date({"a", 4, ItemState::ToDo}, start, today)->overdue);  // due today
    EXPECT_FALSE(due_date({"a", 3, ItemState::Done}, start, today)->overdue);
    EXPECT_FALSE(due_date({"a", 3, ItemState::NotRecorded}, start, today)->overdue);
    EXPECT_FALSE(due_date({"a", 3, ItemState::Missing}, start, today)->overdue);
}
