#include "set_aside_dialog.hpp"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace lectern::desktop {

SetAsideDialog::SetAsideDialog(wxWindow* parent, std::vector<SetAsideRow> rows,
                               const wxString& refusal)
    : wxDialog(parent, wxID_ANY, _("Records set aside"), wxDefaultPosition, wxSize(760, 460),
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      rows_(std::move(rows)) {
    SetName("set-aside-dialog");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    wxString intro = rows_.empty()
                         ? _("No signed record of yours is set aside on this computer.")
                         : _("These signed records will never reach the server. They are kept on "
                             "this computer; the documents count as not done until you do them "
                             "again.");
    if (!refusal.empty()) {
        // TRANSLATORS: in the Records set aside dialog; %s is the server's own explanation.
        intro += "\n\n" + wxString::Format(_("The server refused the records waiting to be "
                                             "sent: %s\nThey stay on this computer; tell your "
                                             "admin."),
                                           refusal);
    }
    auto* text = new wxStaticText(this, wxID_ANY, intro);
    text->Wrap(720);
    sizer->Add(text, 0, wxALL, 12);

    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                           wxLC_REPORT | wxLC_SINGLE_SEL);
    list_->SetName("set-aside-list");
    list_->AppendColumn(_("Document"), wxLIST_FORMAT_LEFT, 300);
    list_->AppendColumn(_("Record"), wxLIST_FORMAT_LEFT, 130);
    list_->AppendColumn(_("Signed"), wxLIST_FORMAT_LEFT, 150);
    list_->AppendColumn(_("Device"), wxLIST_FORMAT_LEFT, 120);
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        const long item = list_->InsertItem(static_cast<long>(i), rows_[i].document);
        list_->SetItem(item, 1, rows_[i].what);
        list_->SetItem(item, 2, rows_[i].signed_at);
        list_->SetItem(item, 3, rows_[i].device);
    }
    sizer->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT, 12);
    detail_ = new wxStaticText(this, wxID_ANY, wxString());
    detail_->SetName("set-aside-detail");
    sizer->Add(detail_, 0, wxEXPAND | wxALL, 12);
    auto* close = new wxButton(this, wxID_CLOSE);
    sizer->Add(close, 0, wxALIGN_RIGHT | wxLEFT | wxRIGHT | wxBOTTOM, 12);
    SetSizer(sizer);
    SetEscapeId(wxID_CLOSE);
    close->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { EndModal(wxID_CLOSE); });

    list_->Bind(wxEVT_LIST_ITEM_SELECTED,
                [this](wxListEvent& event) { show_row(event.GetIndex()); });
    list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& event) {
        const long row = event.GetIndex();
        if (row < 0 || static_cast<std::size_t>(row) >= rows_.size()) return;
        chosen_ = rows_[static_cast<std::size_t>(row)].document_id;
        EndModal(wxID_OK);
    });
    if (!rows_.empty()) {
        list_->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                            wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
        show_row(0);
        list_->SetFocus();
    } else {
        close->SetFocus();
    }
}

void SetAsideDialog::show_row(long row) {
    if (row < 0 || static_cast<std::size_t>(row) >= rows_.size()) return;
    detail_->SetLabel(rows_[static_cast<std::size_t>(row)].why_and_what_to_do);
    detail_->Wrap(720);
    Layout();
}

}  // namespace lectern::desktop
