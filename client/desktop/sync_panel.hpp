#pragma once
// The strip above the status bar while a sync runs: what it is doing, a progress bar and
// Cancel (also File > Cancel sync).

#include <functional>

#include <wx/panel.h>

class wxButton;
class wxGauge;
class wxStaticText;

namespace lectern::desktop {

class SyncPanel : public wxPanel {
  public:
    explicit SyncPanel(wxWindow* parent);

    std::function<void()> on_cancel;

    /// Shows the strip with `what` and `done` of `total` (total 0: busy, size unknown).
    void show_progress(const wxString& what, std::size_t done, std::size_t total);
    void hide_progress();

  private:
    wxStaticText* text_ = nullptr;
    wxGauge* gauge_ = nullptr;
    wxButton* cancel_ = nullptr;
};

}  // namespace lectern::desktop
