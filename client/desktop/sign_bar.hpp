#pragma once
// The bar under a procedure that asks for a sign-off: where the agent stands with it and the
// "I have read and understood" button, enabled once the whole text has been on screen.

#include <functional>

#include <wx/panel.h>

class wxButton;
class wxStaticText;

namespace lectern::desktop {

class SignBar : public wxPanel {
  public:
    enum class Mode {
        Hidden,       ///< the document asks for no sign-off
        Unavailable,  ///< this copy of the content cannot be signed (a plain folder)
        ReadFirst,    ///< the button waits until the whole text has been on screen
        Ready,        ///< the button signs
        Signing,      ///< the signature is being made
        Signed,       ///< this version is signed
        QuizFirst,    ///< a quiz gating the procedure must be passed first: the button opens it
    };

    explicit SignBar(wxWindow* parent);

    /// Pressing the button (or Ctrl+Enter in the window).
    std::function<void()> on_sign;

    void show_state(Mode mode, const wxString& message);
    Mode mode() const { return mode_; }
    /// The message shown (the GUI tests read it).
    wxString message() const;

  private:
    Mode mode_ = Mode::Hidden;
    wxStaticText* message_ = nullptr;
    wxButton* button_ = nullptr;
    wxString sign_label_;
};

}  // namespace lectern::desktop
