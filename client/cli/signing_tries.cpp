#include "signing_tries.hpp"

#include <iostream>

#include "passphrase_input.hpp"

namespace lectern::cli {

std::optional<SignedRecord> sign_with_passphrase(
    const std::function<ledger::SigningRequest()>& request, std::optional<int> passphrase_fd,
    const std::string& prompt) {
    const int tries = passphrase_fd ? 1 : 3;
    for (int i = 0; i < tries; ++i) {
        ledger::SigningSession session(request());
        session.show_text();  // what the agent was just shown
        session.enter_passphrase(read_passphrase(passphrase_fd, prompt));
        if (!session.unlock_key()) {
            std::cerr << "lectern: wrong passphrase\n";
            continue;
        }
        session.build_record();
        SignedRecord signed_record;
        signed_record.id = session.sign().id;
        signed_record.commit = session.append();
        return signed_record;
    }
    return std::nullopt;
}

}  // namespace lectern::cli
