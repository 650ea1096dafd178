#include <gtest/gtest.h>

#include "content/review.hpp"

using namespace lectern::content;

namespace {
Document with_review(const std::string& review_by) {
    Document doc;
    doc.review_by = review_by;
    return doc;
}
}  // namespace

TEST(Review, StaleWhenReviewDateIsBeforeToday) {
    EXPECT_TRUE(is_stale(with_review("2026-11-22"), "2026-11-23"));
    EXPECT_TRUE(is_stale(with_review("2025-12-31"), "2026-01-01"));
}

TEST(Review, NotStaleOnOrBeforeTheReviewDate) {
    EXPECT_FALSE(is_stale(with_review("2026-11-23"), "2026-11-23"));
    EXPECT_FALSE(is_stale(with_review("2027-04-30"), "2026-11-23"));
}

TEST(Review, NeverStaleWithoutAReviewDate) {
    EXPECT_FALSE(is_stale(with_review(""), "2026-11-23"));
    EXPECT_FALSE(is_stale(with_review("2020-01-01"), ""));
}
