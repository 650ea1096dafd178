#include "progress/sign_procedure.hpp"

#include "common/error.hpp"
#include "content/history.hpp"
#include "content/space.hpp"
#include "content/version.hpp"
#include "ledger/keys.hpp"
#include "ledger/signing.hpp"
#include "ledger/signoff_document.hpp"
#include "progress/standing.hpp"
#include "quiz/gating.hpp"

namespace lectern::progress {

SignResult sign_procedure(const SignProcedure& what, ledger::SecureBuffer passphrase) {
    if (!what.space) throw Error(ErrorKind::InvalidArgument, "no space is open");
    const content::Space& space = *what.space;
    const content::Document* shown = space.find_by_id(what.document_id);
    if (!shown) throw Error(ErrorKind::NotFound, "no document " + what.document_id + " to sign");
    auto key = ledger::load_key(what.key_file);
    if (!key)
        throw Error(ErrorKind::NotFound,
                    "this computer has no signing key yet: make one (File > Signing key)");
    const auto repository = content::ContentRepository::open(space.root());
    if (!repository)
        throw Error(ErrorKind::InvalidArgument,
                    space.root().string() +
                        " has no published versions (not a git working tree): open a synced "
                        "space or the sample content");
    const Standing standing = read_standing(space, what.place, what.agent);
    if (auto refusal = quiz::signoff_refusal(space, *shown, what.agent, standing.attempts))
        throw Error(ErrorKind::InvalidArgument, *refusal);

    // What the agent read is the version loaded when the page was shown; a sync may have
    // published a newer one since.
    const std::string head = repository->head_commit();
    if (const auto published =
            head.empty() ? std::nullopt : repository->read_file_at(head, shown->path);
        published && content::git_blob_id(*published) != shown->blob_id)
        throw Error(ErrorKind::InvalidArgument,
                    shown->path + " changed since it was shown: read the new version, then sign");
    ledger::SigningRequest request;
    request.document =
        ledger::document_to_sign(space, *repository, what.place.space, what.document_id);
    request.key = std::move(*key);
    request.ledger = what.place.ledger;
    return sign_request(std::move(request), std::move(passphrase));
}

SignResult sign_request(ledger::SigningRequest request, ledger::SecureBuffer passphrase) {
    ledger::SigningSession session(std::move(request));
    session.show_text();  // what the agent was just shown: the procedure, or the questions
    session.enter_passphrase(std::move(passphrase));
    if (!session.unlock_key()) return {};
    session.build_record();
    SignResult result;
    result.record_id = session.sign().id;
    result.commit = session.append();
    result.outcome = SignOutcome::Signed;
    return result;
}

}  // namespace lectern::progress
