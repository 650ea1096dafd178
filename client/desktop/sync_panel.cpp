#include "sync_panel.hpp"

#include <wx/button.h>
#include <wx/gauge.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace lectern::desktop {

SyncPanel::SyncPanel(wxWindow* parent) : wxPanel(parent) {
    SetName("sync-panel");
    text_ = new wxStaticText(this, wxID_ANY, wxString());
    gauge_ = new wxGauge(this, wxID_ANY, 100, wxDefaultPosition, wxSize(240, -1));
    gauge_->SetName("sync-gauge");
    cancel_ = new wxButton(this, wxID_CANCEL, _("Cancel sync"));
    cancel_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (on_cancel) on_cancel();
    });
    auto* sizer = new wxBoxSizer(wxHORIZONTAL);
    sizer->Add(text_, 1, wxALIGN_CENTER_VERTICAL | wxLEFT, 12);
    sizer->Add(gauge_, 0, wxALIGN_CENTER_VERTICAL | wxLEFT | wxRIGHT, 8);
    sizer->Add(cancel_, 0, wxALL, 4);
    SetSizer(sizer);
    Hide();
}

void SyncPanel::show_progress(const wxString& what, std::size_t done, std::size_t total) {
    text_->SetLabel(what);
    if (total == 0) {
        gauge_->Pulse();
    } else {
        gauge_->SetRange(static_cast<int>(std::min<std::size_t>(total, 1'000'000)));
        gauge_->SetValue(static_cast<int>(std::min(done, total)));
    }
    if (!IsShown()) {
        Show();
        GetParent()->Layout();
    }
}

void SyncPanel::hide_progress() {
    if (!IsShown()) return;
    Hide();
    GetParent()->Layout();
}

}  // namespace lectern::desktop
