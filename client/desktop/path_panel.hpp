#pragma once
// My path: the onboarding path's sections and items with their due days. Enter opens one.

#include <functional>
#include <string>

#include <wx/panel.h>

#include "path_model.hpp"

class wxStaticText;
class wxTreeListCtrl;
class wxTreeListEvent;

namespace lectern::desktop {

class PathPanel : public wxPanel {
  public:
    explicit PathPanel(wxWindow* parent);

    std::function<void(const Location&)> on_open;

    void show(const std::string& path_id, const PathOverview& overview);
    /// Shown when the space has no onboarding path.
    void show_none();
    const std::string& path_id() const { return path_id_; }
    void focus_list();
    /// The progress line ("2 of 14 done · Next: …"), for the GUI tests.
    wxString progress_text() const;

  private:
    void on_activated(wxTreeListEvent& event);

    wxStaticText* title_ = nullptr;
    wxStaticText* subtitle_ = nullptr;
    wxStaticText* progress_ = nullptr;
    wxTreeListCtrl* list_ = nullptr;
    std::string path_id_;
};

}  // namespace lectern::desktop
