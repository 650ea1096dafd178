#include "progress/due_date.hpp"

#include <chrono>
#include <cstdio>

namespace lectern::progress {

namespace {

std::optional<std::chrono::year_month_day> parse(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    int y = 0;
    unsigned m = 0, d = 0;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
    }
    y = std::stoi(std::string(text.substr(0, 4)));
    m = static_cast<unsigned>(std::stoi(std::string(text.substr(5, 2))));
    d = static_cast<unsigned>(std::stoi(std::string(text.substr(8, 2))));
    const std::chrono::year_month_day date{std::chrono::year{y}, std::chrono::month{m},
                                           std::chrono::day{d}};
    if (!date.ok()) return std::nullopt;
    return date;
}

std::string format(std::chrono::year_month_day date) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return text;
}

}  // namespace

std::optional<std::string> add_days(std::string_view iso_date, int days) {
    const auto date = parse(iso_date);
    if (!date) return std::nullopt;
    return format(
        std::chrono::year_month_day{std::chrono::sys_days{*date} + std::chrono::days{days}});
}

std::optional<DueDate> due_date(const ItemProgress& item, std::string_view start,
                                std::string_view today) {
    auto date = add_days(start, item.due_days);
    if (!date) return std::nullopt;
    DueDate due{std::move(*date), false};
    const bool open = item.state == ItemState::ToDo || item.state == ItemState::NeedsResign;
    // ISO dates compare as text.
    due.overdue = open && parse(today) && due.date < today;
    return due;
}

}  // namespace lectern::progress
