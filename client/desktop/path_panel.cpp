#include "path_panel.hpp"

#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/treelist.h>

#include "html_theme.hpp"

namespace lectern::desktop {

namespace {
struct RowData : wxClientData {
    explicit RowData(Location where) : target(std::move(where)) {}
    Location target;
};
}  // namespace

PathPanel::PathPanel(wxWindow* parent) : wxPanel(parent) {
    SetBackgroundColour(*wxWHITE);
    title_ = new wxStaticText(this, wxID_ANY, wxString());
    title_->SetName("path-title");
    title_->SetForegroundColour(wxColour(kHeadingColour));
    title_->SetFont(title_->GetFont().Scaled(1.6f).Bold());
    subtitle_ = new wxStaticText(this, wxID_ANY, wxString());
    subtitle_->SetForegroundColour(wxColour(kMutedColour));
    progress_ = new wxStaticText(this, wxID_ANY, wxString());
    progress_->SetName("path-progress");
    progress_->SetForegroundColour(wxColour(kHeadingColour));
    progress_->SetFont(progress_->GetFont().Bold());
    list_ = new wxTreeListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTL_SINGLE);
    list_->SetName("path-items");
    list_->AppendColumn(_("Item"), 330);
    list_->AppendColumn(_("Kind"), 110);
    // TRANSLATORS: column of an onboarding path: the date an item is due.
    list_->AppendColumn(_("Due"), 170);
    // TRANSLATORS: column of an onboarding path: done, to do, sign again, read.
    list_->AppendColumn(_("State"), 110);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(title_, 0, wxLEFT | wxRIGHT | wxTOP, 16);
    sizer->Add(subtitle_, 0, wxLEFT | wxRIGHT | wxTOP, 16);
    sizer->Add(progress_, 0, wxLEFT | wxRIGHT | wxTOP | wxBOTTOM, 16);
    sizer->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 16);
    SetSizer(sizer);
    list_->Bind(wxEVT_TREELIST_ITEM_ACTIVATED, &PathPanel::on_activated, this);
}

void PathPanel::show(const std::string& path_id, const PathOverview& overview) {
    path_id_ = path_id;
    title_->SetLabel(overview.title);
    subtitle_->SetLabel(overview.subtitle);
    progress_->SetLabel(overview.progress);
    list_->Freeze();
    list_->DeleteAllItems();
    wxTreeListItem first;
    for (const auto& section : overview.sections) {
        const auto parent = list_->AppendItem(list_->GetRootItem(), section.title);
        for (const auto& row : section.rows) {
            const auto item = list_->AppendItem(parent, row.title, -1, -1, new RowData(row.target));
            list_->SetItemText(item, 1, row.kind);
            list_->SetItemText(item, 2, row.due);
            list_->SetItemText(item, 3, row.state);
            if (!first.IsOk()) first = item;
        }
        list_->Expand(parent);
    }
    if (first.IsOk()) list_->Select(first);
    list_->Thaw();
    Layout();
}

void PathPanel::show_none() {
    path_id_.clear();
    title_->SetLabel(_("My path"));
    subtitle_->SetLabel(_("This space has no onboarding path yet."));
    progress_->SetLabel(wxString());
    list_->DeleteAllItems();
    Layout();
}

wxString PathPanel::progress_text() const {
    return progress_->GetLabel();
}

void PathPanel::focus_list() {
    list_->SetFocus();
}

void PathPanel::on_activated(wxTreeListEvent& event) {
    auto* data = dynamic_cast<RowData*>(list_->GetItemData(event.GetItem()));
    if (data && data->target.view != View::Welcome && on_open) on_open(data->target);
}

}  // namespace lectern::desktop
