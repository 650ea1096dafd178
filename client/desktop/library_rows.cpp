#include "library_rows.hpp"

namespace lectern::desktop {

std::vector<LibraryRow> library_rows(const std::vector<LibraryGroup>& groups,
                                     const std::vector<bool>& open) {
    std::size_t count = 1 + groups.size();
    for (std::size_t g = 0; g < groups.size(); ++g) {
        if (g < open.size() && open[g]) count += groups[g].entries.size();
    }
    std::vector<LibraryRow> rows;
    rows.reserve(count);
    rows.push_back({LibraryRow::Kind::Space, 0, 0});
    for (std::size_t g = 0; g < groups.size(); ++g) {
        rows.push_back({LibraryRow::Kind::Group, g, 0});
        if (g >= open.size() || !open[g]) continue;
        for (std::size_t e = 0; e < groups[g].entries.size(); ++e)
            rows.push_back({LibraryRow::Kind::Entry, g, e});
    }
    return rows;
}

wxString row_label(const LibraryRow& row, const std::vector<LibraryGroup>& groups,
                   const wxString& space_title) {
    switch (row.kind) {
        case LibraryRow::Kind::Space:
            return space_title;
        case LibraryRow::Kind::Group:
            return groups[row.group].title;
        case LibraryRow::Kind::Entry:
            return groups[row.group].entries[row.entry].label;
    }
    return {};
}

std::optional<std::size_t> row_starting_with(const std::vector<LibraryRow>& rows,
                                             const std::vector<LibraryGroup>& groups,
                                             const wxString& space_title, std::size_t from,
                                             const wxString& prefix, bool stay) {
    if (rows.empty() || prefix.empty()) return std::nullopt;
    const std::size_t n = rows.size();
    for (std::size_t step = stay ? 0 : 1; step <= n; ++step) {
        const std::size_t at = (from + step) % n;
        const wxString label = row_label(rows[at], groups, space_title);
        if (label.length() >= prefix.length() && label.Left(prefix.length()).CmpNoCase(prefix) == 0)
            return at;
    }
    return std::nullopt;
}

std::optional<std::size_t> row_of(const std::vector<LibraryRow>& rows,
                                  const std::vector<LibraryGroup>& groups, const Location& where) {
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& row = rows[i];
        if (row.kind == LibraryRow::Kind::Entry &&
            groups[row.group].entries[row.entry].target == where)
            return i;
    }
    return std::nullopt;
}

}  // namespace lectern::desktop
