// lectern enroll [--passphrase-fd N]

#include <filesystem>
#include <iostream>

#include "commands.hpp"
#include "common/error.hpp"
#include "ledger/key_registration.hpp"
#include "ledger/keys.hpp"
#include "passphrase_input.hpp"
#include "signer_identity.hpp"

namespace lectern::cli {

namespace {

struct EnrollOptions {
    std::optional<int> passphrase_fd;
};

// A new passphrase: asked twice on a terminal (a typo would lock the key for good), once from
// a descriptor.
ledger::SecureBuffer new_passphrase(std::optional<int> fd) {
    ledger::SecureBuffer first = read_passphrase(fd, "New passphrase for signing: ");
    if (fd) return first;
    const ledger::SecureBuffer again = read_passphrase(fd, "Repeat the passphrase: ");
    if (first.view() != again.view())
        throw Error(ErrorKind::InvalidArgument, "the two passphrases differ: nothing was changed");
    return first;
}

int run(const EnrollOptions& opts) {
    const sync::ClientConfig config = require_client_config();
    const auto file = ledger::key_file(ledger::keys_dir(), config.user, config.device);
    auto existing = ledger::load_key(file);
    if (existing && !existing->registered_at.empty()) {
        // A key the server revoked signs nothing it accepts: it is kept beside (the records it
        // signed name it) and a new one is made.
        const auto keys = ledger::fetch_own_keys(config.server, {config.user, config.token});
        if (const auto when = ledger::revoked_at(keys, existing->public_key.base64())) {
            std::string kept = file.string() + ".revoked";
            for (int n = 2; std::filesystem::exists(kept); ++n)
                kept = file.string() + ".revoked." + std::to_string(n);
            std::filesystem::rename(file, kept);
            std::cout << "the server revoked this device's key (" << *when << "); it is kept as "
                      << kept << " and a new one is made\n";
            existing.reset();
        }
    }
    if (existing) {
        if (!existing->registered_at.empty()) {
            std::cout << "this device (" << config.device << ") is already enrolled for "
                      << config.user << ": key " << existing->public_key.base64() << ", registered "
                      << existing->registered_at << '\n';
            return kOk;
        }
        std::cout << "this device has a key that the server does not know yet; registering it\n";
    } else {
        ledger::SecureBuffer passphrase = new_passphrase(opts.passphrase_fd);
        const ledger::SigningKey key = ledger::SigningKey::generate();
        // Saved before it is registered: a crash or a lost connection then leaves a key that
        // the next `lectern enroll` or sync registers, never a registered key we lost.
        ledger::save_key(file, ledger::seal_key(key, config.user, config.device, passphrase));
        std::cout << "made a signing key for " << config.user << " on " << config.device << " ("
                  << key.public_key().base64() << ")\n";
    }
    const auto outcome =
        ledger::ensure_key_registered(config.server, {config.user, config.token}, file);
    if (!outcome.ok()) {
        std::cerr << "lectern: the key is saved but not registered: " << outcome.failure->message
                  << "\nRun `lectern enroll` again (or sync) when the server can be reached.\n";
        return kFailure;
    }
    std::cout << "enrolled: the server registered the key at " << outcome.registered_at << '\n';
    return kOk;
}

}  // namespace

void add_enroll_command(CLI::App& app, int& exit_code) {
    auto opts = std::make_shared<EnrollOptions>();
    CLI::App* cmd = app.add_subcommand(
        "enroll",
        "Make this device's signing key (Ed25519), sealed under a passphrase you choose, and "
        "register its public key with the server. Needs `lectern login` first; run again to "
        "retry the registration. When an admin revoked this device's key, the old key file is "
        "kept as <file>.revoked (.revoked.2, … when there was one) and a new key is made.");
    add_passphrase_fd_option(*cmd, opts->passphrase_fd);
    cmd->callback([opts, &exit_code] { exit_code = run(*opts); });
}

}  // namespace lectern::cli
