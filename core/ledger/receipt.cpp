#include "ledger/receipt.hpp"

#include <nlohmann/json.hpp>

#include "common/error.hpp"
#include "ledger/canonical_json.hpp"
#include "ledger/ed25519.hpp"
#include "ledger/hashing.hpp"

namespace lectern::ledger {

namespace {

using nlohmann::json;

const json& field(const json& j, const char* name, json::value_t type, const char* what) {
    if (!j.is_object())
        throw Error(ErrorKind::InvalidContent, std::string(what) + " is not an object");
    const auto it = j.find(name);
    const bool ok =
        it != j.end() && (it->type() == type || (type == json::value_t::number_integer &&
                                                 it->type() == json::value_t::number_unsigned));
    if (!ok) {
        throw Error(ErrorKind::InvalidContent,
                    std::string(what) + " has no valid field '" + name + "'");
    }
    return *it;
}

std::string text(const json& j, const char* name, const char* what) {
    return field(j, name, json::value_t::string, what).get<std::string>();
}

std::int64_t integer(const json& j, const char* name, const char* what) {
    return field(j, name, json::value_t::number_integer, what).get<std::int64_t>();
}

json receipt_body(const Receipt& r) {
    return {{"seq", r.seq},       {"space", r.space},        {"record_id", r.record_id},
            {"commit", r.commit}, {"agent", r.agent},        {"server_time", r.server_time},
            {"flags", r.flags},   {"signed_at", r.signed_at}};
}

json key_body(const KeyStatement& k) {
    return {{"user", k.user},
            {"device", k.device},
            {"public_key", k.public_key},
            {"registered_at", k.registered_at},
            {"revoked_at", k.revoked_at.empty() ? json(nullptr) : json(k.revoked_at)}};
}

}  // namespace

std::string receipt_body_hash(const Receipt& r) {
    return sha256_hex("lectern-receipt-v1\n" + canonical_json(receipt_body(r)));
}

std::string chain_hash(const std::string& prev_hash, const std::string& body_hash) {
    return sha256_hex("lectern-chain-v1\n" + prev_hash + "\n" + body_hash);
}

std::string receipt_signed_message(const std::string& hash) {
    return "lectern-receipt-v1\n" + hash;
}

void seal_receipt(Receipt& r, const std::string& prev_hash, const SigningKey& server_key) {
    r.prev_hash = prev_hash;
    r.hash = chain_hash(prev_hash, receipt_body_hash(r));
    r.signature = sign_to_base64(server_key, receipt_signed_message(r.hash));
}

bool receipt_is_sealed_by(const Receipt& r, const std::string& server_public_key_b64) {
    return r.hash == chain_hash(r.prev_hash, receipt_body_hash(r)) &&
           verify_base64(receipt_signed_message(r.hash), r.signature, server_public_key_b64);
}

json to_json(const Receipt& r) {
    json j = receipt_body(r);
    j["prev_hash"] = r.prev_hash;
    j["hash"] = r.hash;
    j["signature"] = r.signature;
    return j;
}

Receipt receipt_from_json(const json& j) {
    constexpr const char* what = "a receipt";
    Receipt r;
    r.seq = integer(j, "seq", what);
    r.space = text(j, "space", what);
    r.record_id = text(j, "record_id", what);
    r.commit = text(j, "commit", what);
    r.agent = text(j, "agent", what);
    r.server_time = text(j, "server_time", what);
    r.signed_at = text(j, "signed_at", what);
    for (const auto& f : field(j, "flags", json::value_t::array, what)) {
        if (!f.is_string())
            throw Error(ErrorKind::InvalidContent, "a receipt flag is not a string");
        r.flags.push_back(f.get<std::string>());
    }
    r.prev_hash = text(j, "prev_hash", what);
    r.hash = text(j, "hash", what);
    r.signature = text(j, "signature", what);
    if (j.size() != 11) throw Error(ErrorKind::InvalidContent, "a receipt has unknown fields");
    return r;
}

std::string log_head_signed_message(const LogHead& h) {
    return "lectern-log-head-v1\n" + canonical_json({{"space", h.space},
                                                     {"size", h.size},
                                                     {"hash", h.hash},
                                                     {"server_time", h.server_time}});
}

void sign_log_head(LogHead& h, const SigningKey& server_key) {
    h.signature = sign_to_base64(server_key, log_head_signed_message(h));
}

bool log_head_is_signed_by(const LogHead& h, const std::string& server_public_key_b64) {
    return verify_base64(log_head_signed_message(h), h.signature, server_public_key_b64);
}

json to_json(const LogHead& h) {
    return {{"space", h.space},
            {"size", h.size},
            {"hash", h.hash},
            {"server_time", h.server_time},
            {"signature", h.signature}};
}

LogHead log_head_from_json(const json& j) {
    constexpr const char* what = "a log head";
    LogHead h;
    h.space = text(j, "space", what);
    h.size = integer(j, "size", what);
    h.hash = text(j, "hash", what);
    h.server_time = text(j, "server_time", what);
    h.signature = text(j, "signature", what);
    if (j.size() != 5) throw Error(ErrorKind::InvalidContent, "a log head has unknown fields");
    return h;
}

std::string key_statement_signed_message(const KeyStatement& k) {
    return "lectern-key-v1\n" + canonical_json(key_body(k));
}

void sign_key_statement(KeyStatement& k, const SigningKey& server_key) {
    k.server_signature = sign_to_base64(server_key, key_statement_signed_message(k));
}

bool key_statement_is_signed_by(const KeyStatement& k, const std::string& server_public_key_b64) {
    return verify_base64(key_statement_signed_message(k), k.server_signature,
                         server_public_key_b64);
}

json to_json(const KeyStatement& k) {
    json j = key_body(k);
    j["server_signature"] = k.server_signature;
    return j;
}

KeyStatement key_statement_from_json(const json& j) {
    constexpr const char* what = "a key";
    KeyStatement k;
    k.user = text(j, "user", what);
    k.device = text(j, "device", what);
    k.public_key = text(j, "public_key", what);
    k.registered_at = text(j, "registered_at", what);
    const auto revoked = j.find("revoked_at");
    if (revoked == j.end() || !(revoked->is_null() || revoked->is_string()))
        throw Error(ErrorKind::InvalidContent, "a key has no valid field 'revoked_at'");
    if (revoked->is_string()) {
        k.revoked_at = revoked->get<std::string>();
        // An empty string would read back as "live": only null means that.
        if (k.revoked_at.empty())
            throw Error(ErrorKind::InvalidContent, "a key's revoked_at is empty");
    }
    k.server_signature = text(j, "server_signature", what);
    if (j.size() != 6) throw Error(ErrorKind::InvalidContent, "a key has unknown fields");
    return k;
}

}  // namespace lectern::ledger
