#pragma once
// The library pane: the space, then its documents by kind. Enter or a double click opens.

#include <functional>
#include <vector>

#include <wx/panel.h>

#include "library_model.hpp"

class wxTreeCtrl;
class wxTreeEvent;

namespace lectern::desktop {

class LibraryPanel : public wxPanel {
  public:
    using OpenHandler = std::function<void(const Location&)>;

    explicit LibraryPanel(wxWindow* parent);

    void set_open_handler(OpenHandler handler) { on_open_ = std::move(handler); }
    /// Replaces the tree with the space's title and these groups, all expanded.
    void show(const wxString& space_title, const std::vector<LibraryGroup>& groups);
    /// Selects the entry for this place, if listed, without opening it.
    void select(const Location& where);
    void focus_tree();
    /// The label of the entry for this place (with its badges), empty when not listed.
    wxString label_of(const Location& where) const;
    wxTreeCtrl& tree() { return *tree_; }

  private:
    void on_activated(wxTreeEvent& event);

    wxTreeCtrl* tree_ = nullptr;
    OpenHandler on_open_;
};

}  // namespace lectern::desktop
