#pragma once
// The rows the library pane shows, as a flat list: the space, each group, and under each open
// group its entries. The pane draws only the rows on screen, so a group of 35,000 documents
// opens by making this list of indices, not a widget per document.

#include <cstddef>
#include <optional>
#include <vector>

#include <wx/string.h>

#include "library_model.hpp"

namespace lectern::desktop {

struct LibraryRow {
    enum class Kind { Space, Group, Entry };
    Kind kind = Kind::Space;
    std::size_t group = 0;  ///< Group and Entry rows
    std::size_t entry = 0;  ///< Entry rows: the index in the group's entries
};

/// The space's row, then each group's row followed, when `open[g]`, by its entries.
std::vector<LibraryRow> library_rows(const std::vector<LibraryGroup>& groups,
                                     const std::vector<bool>& open);

/// The label a row shows and a screen reader says (the space's title for the Space row).
wxString row_label(const LibraryRow& row, const std::vector<LibraryGroup>& groups,
                   const wxString& space_title);

/// Type-ahead: the first row after `from` (wrapping round, `from` itself last) whose label
/// starts with `prefix`, ignoring case; with `stay`, `from` itself is tried first (the
/// prefix grew and the row still matches).
std::optional<std::size_t> row_starting_with(const std::vector<LibraryRow>& rows,
                                             const std::vector<LibraryGroup>& groups,
                                             const wxString& space_title, std::size_t from,
                                             const wxString& prefix, bool stay);

/// The row of the entry that opens `where`, if its group is open and lists it.
std::optional<std::size_t> row_of(const std::vector<LibraryRow>& rows,
                                  const std::vector<LibraryGroup>& groups, const Location& where);

}  // namespace lectern::desktop
