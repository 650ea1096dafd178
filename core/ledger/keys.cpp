#include "ledger/keys.hpp"

#include <sodium.h>

#include <cstdlib>

#include <nlohmann/json.hpp>

#include "common/error.hpp"
#include "ledger/durable_files.hpp"
#include "ledger/record.hpp"
#include "ledger/sodium.hpp"

namespace lectern::ledger {

namespace {

constexpr int kKeyFileFormat = 1;
constexpr const char* kKdfName = "argon2id13";
constexpr const char* kCipherName = "xchacha20poly1305-ietf";

// Binds the sealed key to its owner's name: moving the file to another user or device name
// makes it fail to open instead of signing under that name.
std::string associated_data(std::string_view user, std::string_view device, const PublicKey& key) {
    return "lectern-key-v1\n" + std::string(user) + "\n" + std::string(device) + "\n" +
           key.base64();
}

SecureBuffer derive_key(const SecureBuffer& passphrase, std::string_view salt, KdfCost cost) {
    SecureBuffer key(crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
    if (crypto_pwhash(key.data(), key.size(), reinterpret_cast<const char*>(passphrase.data()),
                      passphrase.size(), reinterpret_cast<const unsigned char*>(salt.data()),
                      cost.opslimit, cost.memlimit, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        throw Error(ErrorKind::Library,
                    "Argon2id could not get the " + std::to_string(cost.memlimit >> 20) +
                        " MiB of memory it needs to open the key; close other programs and "
                        "try again");
    }
    return key;
}

std::string random_bytes(std::size_t count) {
    std::string out(count, '\0');
    randombytes_buf(out.data(), out.size());
    return out;
}

Error bad_key_file(const std::filesystem::path& file, const std::string& why) {
    return Error(ErrorKind::InvalidContent,
                 "the key file is damaged or from another version (" + why +
                     "); restore it from a backup or enroll this device again",
                 SourceLocation{file.string(), 0, 0});
}

std::string decoded(const nlohmann::json& value, const char* field,
                    const std::filesystem::path& file) {
    const auto bytes = from_base64(value.at(field).get<std::string>());
    if (!bytes) throw bad_key_file(file, std::string(field) + " is not base64");
    return *bytes;
}

}  // namespace

KdfCost KdfCost::interactive() {
    return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

KdfCost KdfCost::minimum() {
    return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

std::filesystem::path keys_dir() {
    if (const char* data = std::getenv("XDG_DATA_HOME"); data && *data)
        return std::filesystem::path(data) / "lectern" / "keys";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::filesystem::path(home) / ".local" / "share" / "lectern" / "keys";
    throw Error(ErrorKind::InvalidArgument,
                "neither XDG_DATA_HOME nor HOME is set: set one so Lectern knows where to keep "
                "this device's key");
}

std::filesystem::path key_file(const std::filesystem::path& dir, std::string_view user,
                               std::string_view device) {
    return dir / (std::string(user) + "@" + std::string(device) + ".key");
}

StoredKey seal_key(const SigningKey& key, std::string_view user, std::string_view device,
                   const SecureBuffer& passphrase, KdfCost cost) {
    if (passphrase.size() < kMinPassphraseBytes)
        throw Error(ErrorKind::InvalidArgument, "the passphrase is too short: use at least " +
                                                    std::to_string(kMinPassphraseBytes) +
                                                    " characters");
    ensure_sodium();
    StoredKey stored;
    stored.user = user;
    stored.device = device;
    stored.public_key = key.public_key();
    stored.created_at = utc_timestamp();
    stored.cost = cost;
    stored.salt = random_bytes(crypto_pwhash_SALTBYTES);
    stored.nonce = random_bytes(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    const SecureBuffer sealing_key = derive_key(passphrase, stored.salt, cost);
    const std::string ad = associated_data(user, device, stored.public_key);
    stored.sealed.resize(key.secret().size() + crypto_aead_xchacha20poly1305_ietf_ABYTES);
    unsigned long long sealed_size = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        reinterpret_cast<unsigned char*>(stored.sealed.data()), &sealed_size, key.secret().data(),
        key.secret().size(), reinterpret_cast<const unsigned char*>(ad.data()), ad.size(), nullptr,
        reinterpret_cast<const unsigned char*>(stored.nonce.data()), sealing_key.data());
    stored.sealed.resize(sealed_size);
    return stored;
}

std::optional<SigningKey> unseal_key(const StoredKey& stored, const SecureBuffer& passphrase) {
    ensure_sodium();
    if (stored.sealed.size() != kSecretKeyBytes + crypto_aead_xchacha20poly1305_ietf_ABYTES ||
        stored.salt.size() != crypto_pwhash_SALTBYTES ||
        stored.nonce.size() != crypto_aead_xchacha20poly1305_ietf_NPUBBYTES)
        return std::nullopt;
    const SecureBuffer sealing_key = derive_key(passphrase, stored.salt, stored.cost);
    const std::string ad = associated_data(stored.user, stored.device, stored.public_key);
    SecureBuffer secret(kSecretKeyBytes);
    unsigned long long secret_size = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            secret.data(), &secret_size, nullptr,
            reinterpret_cast<const unsigned char*>(stored.sealed.data()), stored.sealed.size(),
            reinterpret_cast<const unsigned char*>(ad.data()), ad.size(),
            reinterpret_cast<const unsigned char*>(stored.nonce.data()), sealing_key.data()) != 0)
        return std::nullopt;
    SigningKey key = SigningKey::from_secret(std::move(secret));
    // The public key in the file is what the server registered: the secret must match it.
    if (!(key.public_key() == stored.public_key)) return std::nullopt;
    return key;
}

void save_key(const std::filesystem::path& file, const StoredKey& key) {
    const nlohmann::json value = {{"format", kKeyFileFormat},
                                  {"user", key.user},
                                  {"device", key.device},
                                  {"public_key", key.public_key.base64()},
                                  {"created_at", key.created_at},
                                  {"registered_at", key.registered_at},
                                  {"kdf",
                                   {{"algorithm", kKdfName},
                                    {"opslimit", key.cost.opslimit},
                                    {"memlimit", key.cost.memlimit},
                                    {"salt", to_base64(key.salt)}}},
                                  {"cipher", kCipherName},
                                  {"nonce", to_base64(key.nonce)},
                                  {"sealed_secret_key", to_base64(key.sealed)}};
    durable::write_file(file, value.dump(2) + "\n", 0600);
}

std::optional<StoredKey> load_key(const std::filesystem::path& file) {
    std::string text;
    if (!durable::read_file(file, text)) return std::nullopt;
    try {
        const auto value = nlohmann::json::parse(text);
        if (value.at("format").get<int>() != kKeyFileFormat)
            throw bad_key_file(file, "format " + value.at("format").dump());
        if (value.at("kdf").at("algorithm") != kKdfName || value.at("cipher") != kCipherName)
            throw bad_key_file(file, "unknown algorithm");
        StoredKey key;
        key.user = value.at("user").get<std::string>();
        key.device = value.at("device").get<std::string>();
        const auto public_key = PublicKey::from_base64(value.at("public_key").get<std::string>());
        if (!public_key) throw bad_key_file(file, "public_key is not an Ed25519 key");
        key.public_key = *public_key;
        key.created_at = value.at("created_at").get<std::string>();
        key.registered_at = value.at("registered_at").get<std::string>();
        key.cost.opslimit = value.at("kdf").at("opslimit").get<std::uint64_t>();
        key.cost.memlimit = value.at("kdf").at("memlimit").get<std::size_t>();
        // A cost far outside libsodium's range would make opening the key hang or fail.
        if (key.cost.opslimit < crypto_pwhash_OPSLIMIT_MIN ||
            key.cost.opslimit > crypto_pwhash_OPSLIMIT_SENSITIVE ||
            key.cost.memlimit < crypto_pwhash_MEMLIMIT_MIN ||
            key.cost.memlimit > crypto_pwhash_MEMLIMIT_SENSITIVE)
            throw bad_key_file(file, "Argon2id cost out of range");
        key.salt = decoded(value.at("kdf"), "salt", file);
        key.nonce = decoded(value, "nonce", file);
        key.sealed = decoded(value, "sealed_secret_key", file);
        return key;
    } catch (const nlohmann::json::exception& e) {
        throw bad_key_file(file, e.what());
    }
}

}  // namespace lectern::ledger
