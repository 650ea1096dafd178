#pragma once
// Records a finished quiz attempt of the app in the ledger, as `lectern quiz take` does: asks
// for the passphrase at that moment (the sign dialog), signs through core off the UI thread,
// and says where the record stands. Cancelling or a wrong passphrase writes nothing.

#include <functional>
#include <memory>
#include <string>

#include "background.hpp"
#include "progress/record_place.hpp"
#include "quiz_session.hpp"

class wxWindow;

namespace lectern::content {
class Space;
}
namespace lectern::progress {
struct Standing;
}

namespace lectern::desktop {

/// Where a quiz opened in the app records its attempts.
struct QuizRecording {
    std::shared_ptr<const content::Space> space;
    progress::RecordPlace place;
    /// Runs after a record was stored (the main window refreshes the standing and syncs).
    std::function<void()> recorded;
};

class QuizRecorder {
  public:
    /// `report` runs on the UI thread whenever the attempt's record state changes.
    using Report = std::function<void(QuizSession::Record, const std::string& message)>;

    QuizRecorder(wxWindow* parent, QuizRecording where, Report report);

    /// Asks for the passphrase and signs `attempt` (copied). Does nothing while a signature runs.
    void sign(const quiz::Attempt& attempt);
    /// The standing changed: a queued record the server now has is reported as such.
    void standing_changed(const progress::Standing* standing);
    /// The id of the record stored, once signed.
    const std::string& record_id() const { return record_id_; }

  private:
    wxWindow* parent_;
    QuizRecording where_;
    Report report_;
    bool signing_ = false;
    bool queued_ = false;
    std::string record_id_;
    Background background_;  // last: its thread ends before the members it reports to go
};

}  // namespace lectern::desktop
