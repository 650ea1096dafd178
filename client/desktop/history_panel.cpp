#include "history_panel.hpp"

#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "html_theme.hpp"
#include "wx_text.hpp"

namespace lectern::desktop {

HistoryPanel::HistoryPanel(wxWindow* parent) : wxPanel(parent) {
    SetBackgroundColour(*wxWHITE);
    title_ = new wxStaticText(this, wxID_ANY, wxString());
    title_->SetForegroundColour(wxColour(kHeadingColour));
    title_->SetFont(title_->GetFont().Scaled(1.4f).Bold());
    note_ = new wxStaticText(this, wxID_ANY, wxString());
    note_->SetForegroundColour(wxColour(kMutedColour));
    list_ = new wxListView(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 170),
                           wxLC_REPORT | wxLC_SINGLE_SEL);
    list_->SetName("history-list");
    list_->AppendColumn(_("Date"), wxLIST_FORMAT_LEFT, 170);
    // TRANSLATORS: column of the History list: the short id of a version.
    list_->AppendColumn(_("Version"), wxLIST_FORMAT_LEFT, 90);
    list_->AppendColumn(_("Author"), wxLIST_FORMAT_LEFT, 150);
    list_->AppendColumn(_("Message"), wxLIST_FORMAT_LEFT, 420);

    // TRANSLATORS: "Compare [version] with [version]" above the diff; & marks the Alt key.
    auto* from_label = new wxStaticText(this, wxID_ANY, _("Compare &from"));
    older_ = new wxChoice(this, wxID_ANY);
    older_->SetName("history-older");
    auto* to_label = new wxStaticText(this, wxID_ANY, _("&to"));
    newer_ = new wxChoice(this, wxID_ANY);
    newer_->SetName("history-newer");
    diff_ = new PageView(this);
    diff_->SetName("history-diff");

    auto* pick = new wxBoxSizer(wxHORIZONTAL);
    pick->Add(from_label, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    pick->Add(older_, 1, wxRIGHT, 12);
    pick->Add(to_label, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    pick->Add(newer_, 1);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(title_, 0, wxLEFT | wxRIGHT | wxTOP, 16);
    sizer->Add(note_, 0, wxLEFT | wxRIGHT | wxTOP, 16);
    sizer->Add(list_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 16);
    sizer->Add(pick, 0, wxEXPAND | wxALL, 16);
    sizer->Add(diff_, 1, wxEXPAND);
    SetSizer(sizer);

    list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, &HistoryPanel::on_activated, this);
    older_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { on_choice(); });
    newer_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { on_choice(); });
}

void HistoryPanel::show_loading(const wxString& title) {
    title_->SetLabel(title);
    note_->SetLabel(_("Reading the history\u2026"));
    list_->DeleteAllItems();
    older_->Clear();
    newer_->Clear();
    diff_->show(page(""));
    rows_ = 0;
    diff_shown_ = false;
    diff_html_.clear();
    Layout();
}

void HistoryPanel::show_versions(const wxString& title, const DocumentHistory& history) {
    title_->SetLabel(title);
    list_->Freeze();
    list_->DeleteAllItems();
    older_->Clear();
    newer_->Clear();
    long index = 0;
    for (const auto& row : history.rows) {
        list_->InsertItem(index, row.date);
        list_->SetItem(index, 1, row.label);
        list_->SetItem(index, 2, to_wx(row.version.author));
        list_->SetItem(index, 3, row.message);
        const wxString choice = row.label + "  " + row.date + "  " + row.message;
        older_->Append(choice);
        newer_->Append(choice);
        ++index;
    }
    rows_ = history.rows.size();
    if (rows_ > 0) list_->Select(0);
    list_->Thaw();
    wxString note = history.note;
    if (note.empty()) {
        note = rows_ < 2
                   ? wxString(_("Only one version so far."))
                   : wxString(_("Enter compares the chosen version with the newest; Alt+F and "
                                "Alt+T choose any two."));
    }
    note_->SetLabel(note);
    Layout();
}

void HistoryPanel::select_pair(std::size_t older, std::size_t newer) {
    if (older < rows_) older_->SetSelection(static_cast<int>(older));
    if (newer < rows_) newer_->SetSelection(static_cast<int>(newer));
}

void HistoryPanel::show_diff(const std::string& html) {
    diff_->show(html);
    // A long procedure's change may be far down: show it, with a little context above.
    if (diff_->scroll_to(kFirstChangeAnchor)) {
        int x = 0, y = 0;
        diff_->GetViewStart(&x, &y);
        diff_->Scroll(x, std::max(0, y - 3));
    }
    diff_html_ = html;
    diff_shown_ = true;
}

void HistoryPanel::show_error(const wxString& message) {
    note_->SetLabel(message);
    Layout();
}

void HistoryPanel::focus_list() {
    list_->SetFocus();
    if (rows_ > 0 && list_->GetFirstSelected() < 0) list_->Select(0);
    if (rows_ > 0) list_->Focus(std::max(0L, list_->GetFirstSelected()));
}

void HistoryPanel::set_font_size(int points) {
    diff_->set_font_size(points);
}

void HistoryPanel::on_activated(wxListEvent& event) {
    const auto row = static_cast<std::size_t>(event.GetIndex());
    // The newest is row 0; comparing it with itself says nothing, so show what it changed.
    const std::size_t older = row == 0 && rows_ > 1 ? 1 : row;
    select_pair(older, 0);
    if (on_compare) on_compare(older, 0);
}

void HistoryPanel::on_choice() {
    const int older = older_->GetSelection();
    const int newer = newer_->GetSelection();
    if (older < 0 || newer < 0 || !on_compare) return;
    on_compare(static_cast<std::size_t>(older), static_cast<std::size_t>(newer));
}

}  // namespace lectern::desktop
