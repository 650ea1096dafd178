#include "quiz_recorder.hpp"

#include <filesystem>

#include <wx/intl.h>

#include "content/space.hpp"
#include "progress/sign_quiz_attempt.hpp"
#include "progress/standing.hpp"
#include "sign_dialog.hpp"
#include "unlocker.hpp"
#include "wx_text.hpp"

namespace lectern::desktop {

QuizRecorder::QuizRecorder(wxWindow* parent, QuizRecording where, Report report)
    : parent_(parent), where_(std::move(where)), report_(std::move(report)) {}

void QuizRecorder::sign(const quiz::Attempt& attempt) {
    if (signing_ || !record_id_.empty()) return;
    const SigningIdentity who = signing_identity();
    std::error_code ec;
    if (!std::filesystem::exists(who.key_file, ec)) {
        report_(QuizSession::Record::Failed,
                from_wx(_("this computer has no signing key yet: make one with File > Signing "
                          "key, then press Enter here")));
        return;
    }
    const content::Document* quiz = where_.space->find_by_id(attempt.quiz_id);
    const std::string title = quiz ? quiz->title : attempt.quiz_id;
    SignDialog dialog(
        parent_,
        // TRANSLATORS: in the passphrase dialog at the end of a quiz.
        wxString::Format(_("Your signature records that you, %s, answered this attempt at "
                           "\u201c%s\u201d (version %s) yourself, without help."),
                         to_wx(who.user), to_wx(title), to_wx(attempt.quiz_version.substr(0, 12))));
    if (dialog.ShowModal() != wxID_OK) {
        report_(QuizSession::Record::Unsigned, {});
        return;
    }
    auto secret = std::make_shared<ledger::SecureBuffer>(secure_copy(dialog.take_passphrase()));
    progress::SignQuizAttempt what{where_.space.get(), where_.place, who.user, who.key_file};
    signing_ = true;
    report_(QuizSession::Record::Signing, {});
    // Argon2id takes its time on purpose, and the ledger flushes to disk: off the UI thread.
    background_.run<progress::SignResult>(
        [what, attempt, secret, keep = where_.space] {
            return progress::sign_quiz_attempt(what, attempt, std::move(*secret));
        },
        [this](progress::SignResult& result) {
            signing_ = false;
            if (result.outcome != progress::SignOutcome::Signed) {
                report_(QuizSession::Record::WrongPassphrase, {});
                return;
            }
            record_id_ = result.record_id;
            queued_ = !where_.place.sample;
            report_(where_.place.sample ? QuizSession::Record::Kept : QuizSession::Record::Queued,
                    result.record_id);
            if (where_.recorded) where_.recorded();
        },
        [this](const std::string& message) {
            signing_ = false;
            report_(QuizSession::Record::Failed, message);
        });
}

void QuizRecorder::standing_changed(const progress::Standing* standing) {
    if (!queued_ || !standing || standing->agent != signing_identity().user) return;
    // Every standing that arrives now was read after the record was stored: `recorded` asks
    // for a new one, and the main window drops those of reads started before.
    if (standing->waiting.contains(record_id_)) return;
    queued_ = false;
    report_(QuizSession::Record::OnServer, record_id_);
}

}  // namespace lectern::desktop
