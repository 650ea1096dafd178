#pragma once
// Signing the procedure on screen: follows how much of the page has been on screen (the
// button waits for the whole text), asks for the passphrase, signs through core off the UI
// thread and shows the signed state at once.

#include <functional>
#include <memory>
#include <string>

#include <wx/timer.h>

#include "background.hpp"
#include "content/space.hpp"
#include "progress/reading_coverage.hpp"

namespace lectern::desktop {

class PageView;
class SignBar;
class StandingSession;

class SignController {
  public:
    /// `parent` owns the passphrase dialog; `signed_one` runs after each stored signature;
    /// `open_quiz` opens a quiz that must be passed before the procedure can be signed.
    SignController(wxWindow* parent, PageView& view, SignBar& bar, StandingSession& standing,
                   std::function<void()> signed_one,
                   std::function<void(const std::string& quiz_id)> open_quiz);
    ~SignController();

    /// A page was shown: `doc` (nullptr for a page that is no document).
    void document_shown(std::shared_ptr<const content::Space> space, const content::Document* doc);
    /// The standing changed (after a load, a signature or a sync).
    void standing_changed();
    /// Ctrl+Enter or the button: asks for the passphrase when the whole text has been seen;
    /// opens the quiz to pass first when one gates the procedure.
    void sign();
    bool busy() const { return signing_; }

  private:
    void sample_view();
    void update();

    wxWindow* parent_;
    PageView& view_;
    SignBar& bar_;
    StandingSession& standing_;
    std::function<void()> signed_one_;
    std::function<void(const std::string&)> open_quiz_;
    std::string quiz_first_;  // a gating quiz not passed yet (its id), empty when none
    std::shared_ptr<const content::Space> space_;
    std::string document_id_;  // empty: no document that asks for a sign-off
    progress::ReadingCoverage coverage_;
    bool signing_ = false;
    std::string signed_now_;  // signed in this run, until the standing read shows it
    wxString notice_;         // what the last attempt said (wrong passphrase…)
    wxTimer timer_;
    Background background_;  // last: its thread ends before the members it reports to go
};

}  // namespace lectern::desktop
