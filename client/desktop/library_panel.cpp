#include "library_panel.hpp"

#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/treectrl.h>

#include "html_theme.hpp"

namespace lectern::desktop {

namespace {

struct EntryData : wxTreeItemData {
    explicit EntryData(Location where) : target(std::move(where)) {}
    Location target;
};

// Depth-first search for the item that opens `where`.
wxTreeItemId find_item(wxTreeCtrl& tree, wxTreeItemId parent, const Location& where) {
    wxTreeItemIdValue cookie;
    for (auto child = tree.GetFirstChild(parent, cookie); child.IsOk();
         child = tree.GetNextChild(parent, cookie)) {
        if (auto* data = dynamic_cast<EntryData*>(tree.GetItemData(child));
            data && data->target == where)
            return child;
        if (auto found = find_item(tree, child, where); found.IsOk()) return found;
    }
    return {};
}

}  // namespace

LibraryPanel::LibraryPanel(wxWindow* parent) : wxPanel(parent) {
    auto* label = new wxStaticText(this, wxID_ANY, _("&Library"));
    tree_ = new wxTreeCtrl(
        this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
        wxTR_HAS_BUTTONS | wxTR_SINGLE | wxTR_NO_LINES | wxTR_FULL_ROW_HIGHLIGHT | wxBORDER_NONE);
    tree_->SetName("library");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(label, 0, wxLEFT | wxTOP | wxBOTTOM, 6);
    sizer->Add(tree_, 1, wxEXPAND);
    SetSizer(sizer);
    tree_->Bind(wxEVT_TREE_ITEM_ACTIVATED, &LibraryPanel::on_activated, this);
}

void LibraryPanel::show(const wxString& space_title, const std::vector<LibraryGroup>& groups) {
    tree_->Freeze();
    tree_->DeleteAllItems();
    const auto root = tree_->AddRoot(space_title);
    tree_->SetItemBold(root);
    const wxColour warning(kWarningColour);
    for (const auto& group : groups) {
        const auto group_item = tree_->AppendItem(root, group.title);
        tree_->SetItemBold(group_item);
        for (const auto& entry : group.entries) {
            const auto item =
                tree_->AppendItem(group_item, entry.label, -1, -1, new EntryData(entry.target));
            if (entry.stale || entry.asks_signature) tree_->SetItemTextColour(item, warning);
        }
    }
    tree_->ExpandAll();
    tree_->Thaw();
}

void LibraryPanel::select(const Location& where) {
    if (!tree_->GetRootItem().IsOk()) return;
    if (auto item = find_item(*tree_, tree_->GetRootItem(), where); item.IsOk()) {
        tree_->SelectItem(item);
        tree_->EnsureVisible(item);
    }
}

wxString LibraryPanel::label_of(const Location& where) const {
    if (!tree_->GetRootItem().IsOk()) return {};
    const auto item = find_item(*tree_, tree_->GetRootItem(), where);
    return item.IsOk() ? tree_->GetItemText(item) : wxString();
}

void LibraryPanel::focus_tree() {
    tree_->SetFocus();
    if (!tree_->GetSelection().IsOk() && tree_->GetRootItem().IsOk())
        tree_->SelectItem(tree_->GetRootItem());
}

void LibraryPanel::on_activated(wxTreeEvent& event) {
    auto* data = dynamic_cast<EntryData*>(tree_->GetItemData(event.GetItem()));
    if (data && on_open_) {
        on_open_(data->target);
    } else {
        tree_->Toggle(event.GetItem());
    }
}

}  // namespace lectern::desktop
