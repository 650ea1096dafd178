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
    tree_->Bind(wxEVT_TREE_ITEM_EXPANDING, &LibraryPanel::on_expanding, this);
}

void LibraryPanel::show(const wxString& space_title, std::vector<LibraryGroup> groups) {
    tree_->Freeze();
    tree_->DeleteAllItems();
    groups_ = std::move(groups);
    group_items_.assign(groups_.size(), wxTreeItemId());
    filled_.assign(groups_.size(), false);
    const auto root = tree_->AddRoot(space_title);
    tree_->SetItemBold(root);
    for (std::size_t g = 0; g < groups_.size(); ++g) {
        group_items_[g] = tree_->AppendItem(root, groups_[g].title);
        tree_->SetItemBold(group_items_[g]);
        if (groups_[g].make_entries) {
            tree_->SetItemHasChildren(group_items_[g]);  // filled when opened
        } else {
            fill(g);
        }
    }
    tree_->Expand(root);
    for (std::size_t g = 0; g < groups_.size(); ++g) {
        if (filled_[g]) tree_->Expand(group_items_[g]);
    }
    tree_->Thaw();
}

void LibraryPanel::fill(std::size_t group) {
    if (filled_[group]) return;
    filled_[group] = true;
    auto& made = groups_[group];
    if (made.make_entries) {
        made.entries = made.make_entries();
        made.make_entries = nullptr;
    }
    const wxColour warning(kWarningColour);
    for (const auto& entry : groups_[group].entries) {
        const auto item = tree_->AppendItem(group_items_[group], entry.label, -1, -1,
                                            new EntryData(entry.target));
        if (entry.stale || entry.asks_signature) tree_->SetItemTextColour(item, warning);
    }
}

void LibraryPanel::on_expanding(wxTreeEvent& event) {
    for (std::size_t g = 0; g < group_items_.size(); ++g) {
        if (group_items_[g] == event.GetItem()) fill(g);
    }
    event.Skip();
}

void LibraryPanel::select(const Location& where) {
    if (!tree_->GetRootItem().IsOk()) return;
    for (std::size_t g = 0; g < groups_.size(); ++g) {
        if (!filled_[g] && groups_[g].lists && groups_[g].lists(where)) fill(g);
    }
    if (auto item = find_item(*tree_, tree_->GetRootItem(), where); item.IsOk()) {
        tree_->SelectItem(item);
        tree_->EnsureVisible(item);
    }
}

wxString LibraryPanel::label_of(const Location& where) const {
    auto label_in = [&where](const std::vector<LibraryEntry>& entries) -> wxString {
        for (const auto& entry : entries) {
            if (entry.target == where) return entry.label;
        }
        return {};
    };
    for (const auto& group : groups_) {
        // A group not opened yet makes its entries to say (tests ask; the window does not).
        const wxString label = !group.make_entries  ? label_in(group.entries)
                               : group.lists(where) ? label_in(group.make_entries())
                                                    : wxString();
        if (!label.empty()) return label;
    }
    return {};
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
