#pragma once
// When a document is due for review: the rule behind the library's "stale" badge.

#include <string_view>

#include "content/document.hpp"

namespace lectern::content {

/// True when the document has a review date (`review_by`, YYYY-MM-DD) and it is before
/// `today` (YYYY-MM-DD): its owner should have checked it by now. The caller passes today so
/// that tests and front ends choose the clock and the time zone. Never throws.
bool is_stale(const Document& doc, std::string_view today);

}  // namespace lectern::content
