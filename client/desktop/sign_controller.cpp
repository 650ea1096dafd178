#include "sign_controller.hpp"

#include <filesystem>

#include <wx/intl.h>

#include "ledger/record.hpp"
#include "page_view.hpp"
#include "progress/sign_procedure.hpp"
#include "quiz/gating.hpp"
#include "sign_bar.hpp"
#include "sign_dialog.hpp"
#include "standing_session.hpp"
#include "unlocker.hpp"
#include "wx_text.hpp"

namespace lectern::desktop {

SignController::SignController(wxWindow* parent, PageView& view, SignBar& bar,
                               StandingSession& standing, std::function<void()> signed_one,
                               std::function<void(const std::string&)> open_quiz)
    : parent_(parent),
      view_(view),
      bar_(bar),
      standing_(standing),
      signed_one_(std::move(signed_one)),
      open_quiz_(std::move(open_quiz)) {
    bar_.on_sign = [this] { sign(); };
    // The page's position is sampled: wxHtmlWindow sends no event for every way it scrolls
    // (keys, wheel, scroll bar, find, resize).
    timer_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) { sample_view(); });
}

SignController::~SignController() {
    timer_.Stop();
}

void SignController::document_shown(std::shared_ptr<const content::Space> space,
                                    const content::Document* doc) {
    space_ = std::move(space);
    document_id_.clear();
    notice_.clear();
    coverage_ = progress::ReadingCoverage();
    if (doc && doc->type == content::DocumentType::Procedure &&
        doc->signoff != content::SignoffRule::None)
        document_id_ = doc->id;
    if (document_id_.empty()) {
        timer_.Stop();
    } else if (!timer_.IsRunning()) {
        timer_.Start(150);
    }
    update();
}

void SignController::standing_changed() {
    if (const auto* standing = standing_.standing(); standing && !signed_now_.empty()) {
        const auto found = standing->signoffs.find(signed_now_);
        if (found != standing->signoffs.end() && found->second == ledger::SignoffState::Signed)
            signed_now_.clear();
    }
    update();
}

void SignController::sample_view() {
    if (document_id_.empty() || coverage_.whole_seen()) return;
    const auto span = view_.visible_span();
    if (span.total <= 0 || span.height <= 0) return;  // not laid out yet
    coverage_.resize(span.total);
    coverage_.saw(span.top, span.height);
    if (coverage_.whole_seen()) update();
}

void SignController::update() {
    using Mode = SignBar::Mode;
    if (document_id_.empty() || !space_) {
        bar_.show_state(Mode::Hidden, {});
        return;
    }
    const auto& place = standing_.place();
    if (!place) {
        bar_.show_state(Mode::Unavailable,
                        _("This folder has no published versions, so nothing can be signed "
                          "here: open the sample content or a synced space."));
        return;
    }
    if (signing_) {
        bar_.show_state(Mode::Signing, _("Signing\u2026"));
        return;
    }
    const auto* standing = standing_.standing();
    std::optional<ledger::SignoffState> state;
    if (signed_now_ == document_id_) {
        state = ledger::SignoffState::Signed;
    } else if (standing) {
        if (auto found = standing->signoffs.find(document_id_); found != standing->signoffs.end())
            state = found->second;
    }
    if (state == ledger::SignoffState::Signed) {
        const bool queued = signed_now_ == document_id_ ||
                            (standing && progress::signoff_queued(*standing, document_id_));
        if (place->sample) {
            // TRANSLATORS: under a signed procedure of the sample content, which has no server.
            bar_.show_state(Mode::Signed,
                            _("Signed \u2713 \u2014 kept on this computer (sample content)."));
        } else if (queued) {
            // TRANSLATORS: under a signed procedure whose record has not reached the server.
            bar_.show_state(Mode::Signed, _("Signed \u2713 \u2014 queued until the next sync."));
        } else {
            bar_.show_state(Mode::Signed, _("Signed \u2713 \u2014 the server has the record."));
        }
        return;
    }
    // A quiz that gates the procedure comes first (core's rule: a passed attempt on its current
    // version); the button then opens it.
    quiz_first_.clear();
    if (const auto* doc = space_->find_by_id(document_id_)) {
        const auto to_pass = quiz::quizzes_to_pass(
            *space_, *doc, standing ? standing->agent : standing_.agent(),
            standing ? standing->attempts : std::vector<quiz::AttemptOutcome>{});
        if (!to_pass.empty()) {
            quiz_first_ = to_pass.front()->id;
            // TRANSLATORS: under a procedure that can be signed only after passing a quiz.
            bar_.show_state(Mode::QuizFirst,
                            wxString::Format(_("Pass the quiz \u201c%s\u201d first: Ctrl+Enter "
                                               "opens it."),
                                             to_wx(to_pass.front()->title)));
            return;
        }
    }
    wxString message;
    if (!notice_.empty()) {
        message = notice_;
    } else if (!coverage_.whole_seen()) {
        message = state == ledger::SignoffState::NeedsResign
                      ? _("A newer version asks for your signature: read it from the top to the "
                          "end to sign it again.")
                      : _("Read the whole procedure, from the top to the end, to sign it.");
    } else {
        message = _("You have read it all: sign with Ctrl+Enter or the button.");
    }
    bar_.show_state(coverage_.whole_seen() ? Mode::Ready : Mode::ReadFirst, message);
}

void SignController::sign() {
    if (bar_.mode() == SignBar::Mode::QuizFirst && !quiz_first_.empty()) {
        if (open_quiz_) open_quiz_(quiz_first_);
        return;
    }
    if (bar_.mode() != SignBar::Mode::Ready || signing_ || !space_) return;
    const auto* doc = space_->find_by_id(document_id_);
    const auto& place = standing_.place();
    if (!doc || !place) return;
    const SigningIdentity who = signing_identity();
    std::error_code ec;
    if (!std::filesystem::exists(who.key_file, ec)) {
        notice_ =
            _("This computer has no signing key yet: make one with File > Signing key, "
              "then sign.");
        update();
        return;
    }
    SignDialog dialog(
        parent_,
        wxString::Format(_("Your signature records that you, %s, have read and understood "
                           "version %s of \u201c%s\u201d."),
                         to_wx(who.user), to_wx(doc->blob_id.substr(0, 12)), to_wx(doc->title)));
    if (dialog.ShowModal() != wxID_OK) return;
    auto secret = std::make_shared<ledger::SecureBuffer>(secure_copy(dialog.take_passphrase()));
    progress::SignProcedure what{space_.get(), *place, doc->id, who.user, who.key_file};
    signing_ = true;
    notice_.clear();
    update();
    // Argon2id takes its time on purpose, and the ledger flushes to disk: off the UI thread.
    background_.run<progress::SignResult>(
        [what, secret, keep = space_] {
            return progress::sign_procedure(what, std::move(*secret));
        },
        [this, id = doc->id](progress::SignResult& result) {
            signing_ = false;
            if (result.outcome == progress::SignOutcome::Signed) {
                signed_now_ = id;
                update();
                if (signed_one_) signed_one_();
            } else {
                notice_ = _("Wrong passphrase: nothing was signed. Try again with Ctrl+Enter.");
                update();
            }
        },
        [this](const std::string& message) {
            signing_ = false;
            notice_ = wxString::Format(_("Not signed: %s"), to_wx(message));
            update();
        });
}

}  // namespace lectern::desktop
