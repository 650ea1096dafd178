#pragma once
// When an item of an onboarding path is due: the agent's start date plus the item's
// `due_days`, and whether it is overdue. Dates are ISO (YYYY-MM-DD) in the agent's own time
// zone; the caller passes today, so tests and front ends choose the clock.

#include <optional>
#include <string>
#include <string_view>

#include "progress/path_progress.hpp"

namespace lectern::progress {

/// `iso_date` (YYYY-MM-DD) plus `days` (may be negative), or nullopt when `iso_date` is not a
/// date of the calendar.
std::optional<std::string> add_days(std::string_view iso_date, int days);

struct DueDate {
    std::string date;      ///< YYYY-MM-DD
    bool overdue = false;  ///< before today and still to do (or to sign again)
};

/// The due date of `item` for an agent who started on `start` (YYYY-MM-DD): `due_days` after
/// it (0: the start day itself). Overdue when that is before `today` and the item is to do or
/// to sign again; items that leave no record (read only) and missing ones are never overdue.
/// nullopt when `start` is not a date.
std::optional<DueDate> due_date(const ItemProgress& item, std::string_view start,
                                std::string_view today);

}  // namespace lectern::progress
