#include "search_panel.hpp"

#include <algorithm>

#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "html_theme.hpp"
#include "labels.hpp"
#include "result_list.hpp"
#include "wx_text.hpp"

namespace lectern::desktop {

namespace {}  // namespace

SearchPanel::SearchPanel(wxWindow* parent) : wxPanel(parent) {
    SetBackgroundColour(*wxWHITE);
    status_ = new wxStaticText(this, wxID_ANY, wxString());
    status_->SetForegroundColour(wxColour(kMutedColour));
    list_ = new ResultList(this, wxID_ANY);
    list_->SetName("search-results");
    list_->SetSelectionBackground(wxColour("#dbe7f3"));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(status_, 0, wxALL, 12);
    sizer->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    SetSizer(sizer);
    list_->Bind(wxEVT_LISTBOX_DCLICK, [this](wxCommandEvent&) { open_selected(); });
    show_results({}, {}, {});
}

void SearchPanel::show_results(const std::string& query, const std::vector<SearchHit>& hits,
                               const std::string& error) {
    hits_ = hits;
    std::vector<ResultRow> rows;
    rows.reserve(hits.size());
    for (const auto& hit : hits)
        rows.push_back({to_wx(hit.title), type_label(hit.type), snippet_pieces(hit.snippet)});
    list_->set_rows(std::move(rows));
    if (!hits.empty()) list_->SetSelection(0);
    if (!error.empty()) {
        status_->SetLabel(wxString::Format(_("Search failed: %s"), to_wx(error)));
    } else if (query.empty()) {
        status_->SetLabel(full_text_ ? _("Type to search this space.")
                                     : _("Type to search the titles of this space."));
    } else if (hits.empty()) {
        status_->SetLabel(wxString::Format(_("Nothing found for \u201c%s\u201d."), to_wx(query)));
    } else {
        // TRANSLATORS: above the search results; Enter opens the selected one.
        status_->SetLabel(
            wxString::Format(wxPLURAL("%d result. Arrows choose, Enter opens.",
                                      "%d results. Arrows choose, Enter opens.", hits.size()),
                             static_cast<int>(hits.size())));
    }
    Layout();
}

void SearchPanel::show_list(const wxString& status, const std::vector<SearchHit>& documents) {
    show_results({}, documents, {});
    status_->SetLabel(documents.empty() ? _("This document links to no other document.") : status);
    Layout();
}

void SearchPanel::set_full_text(bool full_text) {
    full_text_ = full_text;
}

bool SearchPanel::open_selected() {
    if (hits_.empty()) return false;
    const int selected = list_->GetSelection();
    const auto index = selected == wxNOT_FOUND ? 0 : static_cast<std::size_t>(selected);
    if (index >= hits_.size() || !on_open) return false;
    on_open(hits_[index]);
    return true;
}

void SearchPanel::focus_list() {
    list_->SetFocus();
}

void SearchPanel::move_selection(int delta) {
    if (hits_.empty()) return;
    const int last = static_cast<int>(hits_.size()) - 1;
    const int now = std::max(list_->GetSelection(), 0);
    list_->SetSelection(std::clamp(now + delta, 0, last));
}

}  // namespace lectern::desktop
