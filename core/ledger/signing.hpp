#pragma once
// Signing as a small explicit state machine, so that no path produces a signature without the
// passphrase typed for this very signature:
//
//   DocumentChosen → TextShown → PassphraseEntered → KeyUnlocked → RecordBuilt → Signed → Done
//
// Each step is one call and only the next step is allowed; anything else (a step out of order,
// a wrong passphrase, a failure) ends in Failed, with the passphrase and the opened key wiped.
// The opened key lives only inside the session, from unlock_key() to sign(); a session signs
// once. Quiz attempts and lesson completions go through the same steps with their own kind.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "ledger/ed25519.hpp"
#include "ledger/keys.hpp"
#include "ledger/record.hpp"
#include "ledger/secure_buffer.hpp"

namespace lectern::ledger {

/// The document version about to be signed, as the front end found it.
struct DocumentToSign {
    std::string space;
    std::string document_id;
    std::string path;
    std::string title;
    std::string content_commit;
    std::string blob_id;
    std::string text;  ///< the file's bytes at that version: what the agent is shown
};

struct SigningRequest {
    DocumentToSign document;
    StoredKey key;                 ///< this device's key; its user and device name the signer
    std::filesystem::path ledger;  ///< the local ledger clone (local_ledger_dir())
    std::string kind = std::string(kKindSignoff);
    std::string meaning = std::string(kMeaningReadAndUnderstood);
    nlohmann::json details = nlohmann::json::object();
};

enum class SigningStep {
    DocumentChosen,
    TextShown,
    PassphraseEntered,
    KeyUnlocked,
    RecordBuilt,
    Signed,
    Done,
    Failed,
};

/// "document chosen", "text shown", … for messages.
std::string_view to_string(SigningStep step);

class SigningSession {
  public:
    /// Starts at DocumentChosen. Throws Error(InvalidArgument) when the text is not the bytes
    /// of the blob the request names (the agent would sign something other than what is shown).
    explicit SigningSession(SigningRequest request);
    ~SigningSession();
    SigningSession(const SigningSession&) = delete;
    SigningSession& operator=(const SigningSession&) = delete;

    SigningStep step() const noexcept { return step_; }
    /// Why the session failed; empty unless step() is Failed.
    const std::string& failure() const noexcept { return failure_; }
    /// True between enter_passphrase() and unlock_key().
    bool holds_passphrase() const noexcept { return passphrase_.has_value(); }
    /// True between unlock_key() and sign().
    bool holds_key() const noexcept { return key_.has_value(); }

    /// DocumentChosen → TextShown: the text the front end must show before asking for the
    /// passphrase.
    const std::string& show_text();
    /// TextShown → PassphraseEntered: the passphrase the agent typed just now (taken over).
    void enter_passphrase(SecureBuffer passphrase);
    /// PassphraseEntered → KeyUnlocked, or Failed (returns false) when the passphrase does not
    /// open the key. The passphrase is wiped either way.
    bool unlock_key();
    /// KeyUnlocked → RecordBuilt: the record with a fresh id and the time of this clock.
    const Record& build_record();
    /// RecordBuilt → Signed. The opened key is wiped as soon as the signature exists.
    const Record& sign();
    /// Signed → Done: the record is appended to the local ledger and flushed to disk; returns
    /// the commit. Only now may a front end say "signed".
    std::string append();

  private:
    void expect(SigningStep current, SigningStep next);
    [[noreturn]] void fail_with(const std::exception& e);
    void fail(std::string why);
    void wipe() noexcept;

    SigningRequest request_;
    SigningStep step_ = SigningStep::DocumentChosen;
    std::string failure_;
    std::optional<SecureBuffer> passphrase_;
    std::optional<SigningKey> key_;
    Record record_;
};

}  // namespace lectern::ledger
