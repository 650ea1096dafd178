#pragma once
// The library pane: the space, then its documents by kind, drawn as a list of rows
// (library_list.hpp) that works like a tree: Right opens a group (or goes into it), Left
// closes it (or goes up), Enter or a double click opens a document, arrows, Home/End and
// Page Up/Down move, typing the start of a title finds it.

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include <wx/panel.h>

#include "background.hpp"
#include "library_list.hpp"
#include "library_model.hpp"
#include "library_rows.hpp"

class wxKeyEvent;

namespace lectern::desktop {

class LibraryPanel : public wxPanel {
  public:
    using OpenHandler = std::function<void(const Location&)>;

    explicit LibraryPanel(wxWindow* parent);

    void set_open_handler(OpenHandler handler) { on_open_ = std::move(handler); }
    /// Shows the space's title and these groups. The small groups are open; a group that
    /// makes its entries (LibraryGroup::make_entries) starts closed and makes them on a thread
    /// of its own at once, so that opening it later only lists them. Shown again for the same
    /// space (new badges), the open groups and the selection stay.
    void show(const wxString& space_title, std::vector<LibraryGroup> groups);
    /// Selects the entry for this place, if listed, without opening it (its group is opened;
    /// if its entries are still being made, once they are).
    void select(const Location& where);
    void focus_rows();
    /// The label of the entry for this place (with its badges), empty when not listed.
    wxString label_of(const Location& where) const;

    // What the tests and the benchmark look at.
    const std::vector<LibraryGroup>& groups() const { return groups_; }
    /// Whether the group's rows are shown (made and opened).
    bool group_open(std::size_t group) const;
    /// The label of the selected row (the space, a group or a document), empty when none.
    wxString selected_label() const;
    /// The place the selected row opens, none for the space's and the groups' rows.
    std::optional<Location> selected_target() const;
    /// The window the rows are drawn in.
    wxWindow& rows_window();

  private:
    // A selected row, found again after the rows change.
    struct Selected {
        LibraryRow::Kind kind = LibraryRow::Kind::Space;
        std::size_t group = 0;
        std::optional<Location> target;
    };

    RowLook look_of(std::size_t row) const;
    void on_key(wxKeyEvent& event);
    void on_char(wxKeyEvent& event);
    void type_ahead(wxChar typed);
    void activate(std::size_t row);
    void set_open(std::size_t group, bool open);
    std::optional<Selected> selected() const;
    /// Lists the rows anew and selects `keep` again (or the nearest row left).
    void relist(const std::optional<Selected>& keep);
    void select_row(std::size_t row);
    void made(std::uint64_t generation,
              std::vector<std::pair<std::size_t, std::vector<LibraryEntry>>>& made);

    LibraryList* list_ = nullptr;
    OpenHandler on_open_;
    wxString space_title_;
    std::vector<LibraryGroup> groups_;
    std::vector<bool> open_;
    std::vector<LibraryRow> rows_;
    std::optional<Location> pending_select_;
    std::uint64_t generation_ = 0;
    wxString typed_;
    std::chrono::steady_clock::time_point typed_at_;
    Background background_;  // last: destroyed first, before what its results touch
};

}  // namespace lectern::desktop
