#include "unlocker.hpp"

#include <cstdlib>
#include <cstring>

#include "ledger/keys.hpp"
#include "sync/client_config.hpp"

namespace lectern::desktop {

namespace {

class KeyUnlocker : public Unlocker {
  public:
    explicit KeyUnlocker(std::filesystem::path file) : file_(std::move(file)) {}

    bool has_key() const override {
        std::error_code ec;
        return std::filesystem::exists(file_, ec);
    }

    bool unlock(const ledger::SecureBuffer& passphrase) const override {
        const auto stored = ledger::load_key(file_);
        return stored && ledger::unseal_key(*stored, passphrase).has_value();
    }

  private:
    std::filesystem::path file_;
};

}  // namespace

std::unique_ptr<Unlocker> make_key_unlocker(std::filesystem::path key_file) {
    return std::make_unique<KeyUnlocker>(std::move(key_file));
}

SigningIdentity signing_identity() {
    SigningIdentity who;
    if (auto config = sync::load_client_config(); config && !config->user.empty()) {
        who.user = config->user;
        who.device = config->device.empty() ? sync::default_device_name() : config->device;
    } else {
        const char* login = std::getenv("USER");
        who.user = login && *login ? login : "agent";
        who.device = sync::default_device_name();
    }
    who.key_file = ledger::key_file(ledger::keys_dir(), who.user, who.device);
    return who;
}

ledger::SecureBuffer secure_copy(const std::string& text) {
    ledger::SecureBuffer buffer(text.size());
    if (!text.empty()) std::memcpy(buffer.data(), text.data(), text.size());
    return buffer;
}

}  // namespace lectern::desktop
