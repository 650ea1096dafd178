#pragma once
// The library pane: the space, then its documents by kind. Enter or a double click opens.

#include <functional>
#include <vector>

#include <wx/panel.h>
#include <wx/treebase.h>

#include "library_model.hpp"

class wxTreeCtrl;
class wxTreeEvent;

namespace lectern::desktop {

class LibraryPanel : public wxPanel {
  public:
    using OpenHandler = std::function<void(const Location&)>;

    explicit LibraryPanel(wxWindow* parent);

    void set_open_handler(OpenHandler handler) { on_open_ = std::move(handler); }
    /// Replaces the tree with the space's title and these groups: expanded, except the groups
    /// that make their entries when opened (LibraryGroup::make_entries), which start closed.
    void show(const wxString& space_title, std::vector<LibraryGroup> groups);
    /// Selects the entry for this place, if listed, without opening it (its group is opened).
    void select(const Location& where);
    void focus_tree();
    /// The label of the entry for this place (with its badges), empty when not listed.
    wxString label_of(const Location& where) const;
    wxTreeCtrl& tree() { return *tree_; }

  private:
    void on_activated(wxTreeEvent& event);
    void on_expanding(wxTreeEvent& event);
    // Adds the rows of groups_[group] under its item, once.
    void fill(std::size_t group);

    wxTreeCtrl* tree_ = nullptr;
    OpenHandler on_open_;
    std::vector<LibraryGroup> groups_;
    std::vector<wxTreeItemId> group_items_;
    std::vector<bool> filled_;
};

}  // namespace lectern::desktop
