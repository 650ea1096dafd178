#include "ledger/signing.hpp"

#include "common/error.hpp"
#include "common/log.hpp"
#include "content/version.hpp"
#include "ledger/local_ledger.hpp"

namespace lectern::ledger {

std::string_view to_string(SigningStep step) {
    switch (step) {
        case SigningStep::DocumentChosen:
            return "document chosen";
        case SigningStep::TextShown:
            return "text shown";
        case SigningStep::PassphraseEntered:
            return "passphrase entered";
        case SigningStep::KeyUnlocked:
            return "key unlocked";
        case SigningStep::RecordBuilt:
            return "record built";
        case SigningStep::Signed:
            return "signed";
        case SigningStep::Done:
            return "done";
        case SigningStep::Failed:
            return "failed";
    }
    return "unknown";
}

SigningSession::SigningSession(SigningRequest request) : request_(std::move(request)) {
    const DocumentToSign& d = request_.document;
    if (content::git_blob_id(d.text) != d.blob_id)
        throw Error(ErrorKind::InvalidArgument,
                    "the text of " + d.path + " is not version " + d.blob_id +
                        "; sync again and reopen the document before signing");
}

SigningSession::~SigningSession() {
    wipe();
}

void SigningSession::wipe() noexcept {
    passphrase_.reset();  // SecureBuffer wipes as it frees
    key_.reset();
}

void SigningSession::fail(std::string why) {
    wipe();
    step_ = SigningStep::Failed;
    failure_ = std::move(why);
    log::warning(log::kLedger, "signing failed: " + failure_);
}

void SigningSession::fail_with(const std::exception& e) {
    fail(e.what());
    throw;
}

void SigningSession::expect(SigningStep current, SigningStep next) {
    if (step_ == current) return;
    const std::string why = "signing cannot go to '" + std::string(to_string(next)) + "' from '" +
                            std::string(to_string(step_)) + "'";
    if (step_ != SigningStep::Failed) fail(why);
    throw Error(ErrorKind::InvalidArgument, why + "; nothing was signed");
}

const std::string& SigningSession::show_text() {
    expect(SigningStep::DocumentChosen, SigningStep::TextShown);
    step_ = SigningStep::TextShown;
    return request_.document.text;
}

void SigningSession::enter_passphrase(SecureBuffer passphrase) {
    expect(SigningStep::TextShown, SigningStep::PassphraseEntered);
    passphrase_.emplace(std::move(passphrase));
    step_ = SigningStep::PassphraseEntered;
}

bool SigningSession::unlock_key() {
    expect(SigningStep::PassphraseEntered, SigningStep::KeyUnlocked);
    try {
        std::optional<SigningKey> key = unseal_key(request_.key, *passphrase_);
        passphrase_.reset();
        if (!key) {
            fail("the passphrase does not open this device's key");
            return false;
        }
        key_.emplace(std::move(*key));
        step_ = SigningStep::KeyUnlocked;
        return true;
    } catch (const std::exception& e) {
        fail_with(e);
    }
}

const Record& SigningSession::build_record() {
    expect(SigningStep::KeyUnlocked, SigningStep::RecordBuilt);
    const DocumentToSign& d = request_.document;
    record_ = Record{};
    record_.id = new_record_id();
    record_.kind = request_.kind;
    record_.space = d.space;
    record_.agent = request_.key.user;
    record_.device = request_.key.device;
    record_.document_id = d.document_id;
    record_.path = d.path;
    record_.title = d.title;
    record_.content_commit = d.content_commit;
    record_.blob_id = d.blob_id;
    record_.meaning = request_.meaning;
    record_.signed_at = utc_timestamp();
    record_.details = request_.details;
    step_ = SigningStep::RecordBuilt;
    return record_;
}

const Record& SigningSession::sign() {
    expect(SigningStep::RecordBuilt, SigningStep::Signed);
    try {
        sign_record(record_, *key_);
        key_.reset();
        // What we hand to the ledger must be what the server will accept: checked here, where
        // a mistake in a field is still a message instead of a refused push days later.
        const std::string text = record_file_text(record_);
        parse_record(text, "the new record");
        if (!verify_signature(record_))
            throw Error(ErrorKind::Library, "the new signature does not verify");
    } catch (const std::exception& e) {
        fail_with(e);
    }
    step_ = SigningStep::Signed;
    return record_;
}

std::string SigningSession::append() {
    expect(SigningStep::Signed, SigningStep::Done);
    try {
        LocalLedger ledger = LocalLedger::open_or_create(request_.ledger);
        std::string commit = ledger.append(record_);
        step_ = SigningStep::Done;
        return commit;
    } catch (const std::exception& e) {
        fail_with(e);
    }
}

}  // namespace lectern::ledger
