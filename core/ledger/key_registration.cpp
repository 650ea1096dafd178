#include "ledger/key_registration.hpp"

#include <nlohmann/json.hpp>

#include "common/error.hpp"
#include "common/log.hpp"
#include "sync/http_client.hpp"

namespace lectern::ledger {

KeyRegistration register_key(const std::string& server, const sync::Credentials& credentials,
                             const StoredKey& key) {
    sync::http::Request request;
    request.method = "POST";
    request.url = server + "/api/v1/keys";
    request.headers = {"Content-Type: application/json"};
    request.body =
        nlohmann::json{{"device", key.device}, {"public_key", key.public_key.base64()}}.dump();
    request.basic = credentials;
    const sync::http::Response response = sync::http::send(request);
    KeyRegistration out;
    if (response.status != 200 && response.status != 201) {
        out.failure =
            sync::http::failure_of(response, "registering this device's key", credentials.user);
        return out;
    }
    try {
        const auto body = nlohmann::json::parse(response.body);
        if (body.at("public_key").get<std::string>() != key.public_key.base64())
            throw Error(ErrorKind::InvalidContent, "the server registered another key");
        out.registered_at = body.at("registered_at").get<std::string>();
    } catch (const std::exception& e) {
        out.failure = sync::TransferFailure{
            sync::TransferFailureReason::Other,
            std::string("the server's answer to the key registration is not understood: ") +
                e.what()};
    }
    return out;
}

OwnKeys fetch_own_keys(const std::string& server, const sync::Credentials& credentials,
                       const std::string& server_key) {
    sync::http::Request request;
    request.url = server + "/api/v1/keys";
    request.basic = credentials;
    const sync::http::Response response = sync::http::send(request);
    OwnKeys out;
    if (response.status != 200) {
        out.failure = sync::http::failure_of(response, "listing your keys", credentials.user);
        return out;
    }
    try {
        const auto body = nlohmann::json::parse(response.body);
        for (const auto& k : body.at("keys")) {
            KeyStatement statement = key_statement_from_json(k);
            if (!server_key.empty() && !key_statement_is_signed_by(statement, server_key))
                throw Error(ErrorKind::InvalidContent,
                            "a key statement is not signed by the server's key");
            out.keys.push_back(std::move(statement));
        }
    } catch (const std::exception& e) {
        out.failure = sync::TransferFailure{
            sync::TransferFailureReason::Other,
            std::string("the server's list of your keys is not understood: ") + e.what()};
    }
    return out;
}

std::optional<std::string> revoked_at(const OwnKeys& keys, const std::string& public_key) {
    for (const auto& k : keys.keys)
        if (k.public_key == public_key && !k.revoked_at.empty()) return k.revoked_at;
    return std::nullopt;
}

KeyRegistration ensure_key_registered(const std::string& server,
                                      const sync::Credentials& credentials,
                                      const std::filesystem::path& file) {
    auto key = load_key(file);
    if (!key)
        throw Error(ErrorKind::NotFound,
                    "no key at " + file.string() + ": enroll this device with `lectern enroll`");
    if (!key->registered_at.empty()) return {std::nullopt, key->registered_at};
    KeyRegistration outcome = register_key(server, credentials, *key);
    if (outcome.ok()) {
        key->registered_at = outcome.registered_at;
        save_key(file, *key);
        log::info(log::kLedger, "registered the key of " + key->user + " on " + key->device);
    }
    return outcome;
}

}  // namespace lectern::ledger
