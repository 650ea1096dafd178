#pragma once
// Guided script mode: one step at a time, the customer's possible answers as numbered
// buttons, Back, and the whole script one key (0) away.

#include <functional>
#include <string>
#include <vector>

#include <wx/panel.h>

#include "page_view.hpp"

class wxButton;
class wxSimplebook;
class wxStaticText;

namespace lectern::desktop {

/// One step as the panel shows it, already in words and HTML.
struct StepView {
    wxString script_title;
    wxString step_title;
    wxString progress;  ///< "Step 2 of 11"
    std::string body_html;
    std::vector<wxString> choices;  ///< at most 9 get a number key
    bool can_go_back = false;
};

class ScriptPanel : public wxPanel {
  public:
    explicit ScriptPanel(wxWindow* parent);

    std::function<void(std::size_t index)> on_choose;  ///< 0-based
    std::function<void()> on_back;
    std::function<void()> on_toggle_whole;
    std::function<void()> on_restart;

    void show_step(const StepView& step);
    /// The whole script's page, shown by toggle: kept until the next script.
    void set_whole_script(const std::string& html);
    /// Switches between the step and the whole script; in the whole script, scrolls to
    /// `anchor` (the current step).
    void show_whole(bool whole, const std::string& anchor);
    bool showing_whole() const;
    void set_font_size(int points);
    void focus_first_choice();
    PageView& step_view() { return *step_view_; }
    PageView& whole_view() { return *whole_view_; }

  private:
    void rebuild_choices(const StepView& step);

    wxSimplebook* modes_ = nullptr;
    wxStaticText* script_title_ = nullptr;
    wxStaticText* progress_ = nullptr;
    wxStaticText* step_title_ = nullptr;
    PageView* step_view_ = nullptr;
    PageView* whole_view_ = nullptr;
    wxPanel* choices_ = nullptr;
    wxButton* back_ = nullptr;
    wxButton* whole_ = nullptr;
    std::vector<wxButton*> choice_buttons_;
};

}  // namespace lectern::desktop
