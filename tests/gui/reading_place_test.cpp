// Where the document view goes back to when the page is read again after a sync
// (client/desktop/reading_place.hpp): pixels in, pixels out.

#include <gtest/gtest.h>

#include "reading_place.hpp"

using namespace lectern::desktop;

namespace {
const std::vector<HeadingAt> kPage{{"where", 100}, {"the-vpn", 400}, {"home-network", 900}};
}

TEST(DesktopReadingPlace, Place_TheLastHeadingAtOrAboveTheTopAndHowFarBelowIt) {
    const auto place = reading_place(450, 2000, kPage);
    EXPECT_EQ(place.heading, "the-vpn");
    EXPECT_EQ(place.below_heading, 50);
    EXPECT_EQ(reading_place(400, 2000, kPage).heading, "the-vpn");
    EXPECT_EQ(reading_place(50, 2000, kPage).heading, "");  // above the first heading
}

TEST(DesktopReadingPlace, SamePage_TheSamePixel) {
    const auto place = reading_place(450, 2000, kPage);
    EXPECT_EQ(resume_top(place, true, 2000, kPage), 450);
}

TEST(DesktopReadingPlace, ChangedPage_TheSameHeadingWhereverItMoved) {
    const auto place = reading_place(450, 2000, kPage);
    // A paragraph of 120 pixels was added above the heading read.
    const std::vector<HeadingAt> grown{{"where", 100}, {"the-vpn", 520}, {"home-network", 1020}};
    EXPECT_EQ(resume_top(place, false, 2120, grown), 570);
}

TEST(DesktopReadingPlace, ChangedPage_NotPastTheNextHeadingWhenTheSectionShrank) {
    const auto place = reading_place(850, 2000, kPage);  // 450 into "the-vpn"
    const std::vector<HeadingAt> shorter{{"where", 100}, {"the-vpn", 400}, {"home-network", 600}};
    EXPECT_EQ(resume_top(place, false, 1700, shorter), 599);
}

TEST(DesktopReadingPlace, ChangedPage_HeadingGoneKeepsTheProportion) {
    const auto place = reading_place(1000, 2000, kPage);  // halfway, under "home-network"
    const std::vector<HeadingAt> renamed{{"where", 100}, {"the-vpn", 400}, {"at-home", 900}};
    EXPECT_EQ(resume_top(place, false, 3000, renamed), 1500);
    EXPECT_EQ(resume_top(ReadingPlace{}, false, 3000, renamed), 0);  // nothing known
}
