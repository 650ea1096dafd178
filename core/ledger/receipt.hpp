#pragma once
// What the server signs: a receipt for each accepted record, chained per space into an
// append-only log whose head (size, hash, signature) an auditor keeps; and a statement of each
// registered device key. The server issues them, `lectern audit verify` checks them, and both
// compute the hashes and the signed messages here, so they cannot drift apart.
//
//   body_hash(r) = sha256("lectern-receipt-v1\n" + canonical JSON of the body fields)
//   hash(r)      = sha256("lectern-chain-v1\n" + prev_hash + "\n" + body_hash(r))
//   prev_hash    = hash of the receipt before it, or 64 zeros for seq 1
//   signature    = Ed25519 by the server key over "lectern-receipt-v1\n" + hash

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace lectern::ledger {

class SigningKey;

/// The hash before the first receipt of a log.
inline const std::string kEmptyLogHash(64, '0');

/// Seconds between a record's signed_at and its receipt's server_time past which the receipt
/// carries the flag `kClockFlag`: the agent signed offline long before syncing, or the client's
/// clock is off. Reports show it; it never refuses a record.
inline constexpr std::int64_t kClockToleranceSeconds = 600;
inline constexpr const char* kClockFlag = "signed-at-far-from-receipt";

struct Receipt {
    std::int64_t seq = 0;  ///< 1, 2, … per space
    std::string space;
    std::string record_id;
    std::string commit;  ///< the ledger commit that added the record
    std::string agent;
    std::string server_time;  ///< RFC 3339 UTC, the server's clock when it accepted the record
    std::string signed_at;    ///< copied from the record
    std::vector<std::string> flags;
    std::string prev_hash;
    std::string hash;
    std::string signature;
};

/// sha256 of the body (every field but prev_hash, hash and signature).
std::string receipt_body_hash(const Receipt& r);
/// The chain hash of a receipt whose body hashes to `body_hash`, after `prev_hash`.
std::string chain_hash(const std::string& prev_hash, const std::string& body_hash);
/// The message the server signs for a receipt with this hash.
std::string receipt_signed_message(const std::string& hash);

/// Fills prev_hash, hash and signature of `r` (after `prev_hash`) with the server's key.
void seal_receipt(Receipt& r, const std::string& prev_hash, const SigningKey& server_key);
/// True if r.hash is the chain hash of r after r.prev_hash and r.signature is the server's.
bool receipt_is_sealed_by(const Receipt& r, const std::string& server_public_key_b64);

nlohmann::json to_json(const Receipt& r);
/// Throws Error(InvalidContent) naming the missing or mistyped field.
Receipt receipt_from_json(const nlohmann::json& j);

/// The head of a space's receipt log, signed by the server.
struct LogHead {
    std::string space;
    std::int64_t size = 0;  ///< number of receipts; the last has seq == size
    std::string hash;       ///< hash of receipt `size`, or kEmptyLogHash
    std::string server_time;
    std::string signature;
};

std::string log_head_signed_message(const LogHead& h);
void sign_log_head(LogHead& h, const SigningKey& server_key);
bool log_head_is_signed_by(const LogHead& h, const std::string& server_public_key_b64);
nlohmann::json to_json(const LogHead& h);
LogHead log_head_from_json(const nlohmann::json& j);

/// A device key as the server registered it, with the server's signature over all of it.
struct KeyStatement {
    std::string user;
    std::string device;
    std::string public_key;  ///< base64 of 32 bytes
    std::string registered_at;
    std::string revoked_at;  ///< empty while the key is live
    std::string server_signature;
};

std::string key_statement_signed_message(const KeyStatement& k);
void sign_key_statement(KeyStatement& k, const SigningKey& server_key);
bool key_statement_is_signed_by(const KeyStatement& k, const std::string& server_public_key_b64);
nlohmann::json to_json(const KeyStatement& k);
KeyStatement key_statement_from_json(const nlohmann::json& j);

}  // namespace lectern::ledger
