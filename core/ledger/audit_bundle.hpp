#pragma once
// The file an auditor takes away (`lectern audit export`) and checks offline (`lectern audit
// verify`): one JSON object, written compactly, holding everything needed to check a space's
// records without the server. docs/audit.md describes it field by field.
//
//   format         "lectern-audit-bundle/1"
//   space          the space
//   agent          the one agent exported, or null for every agent
//   server_key     the server's Ed25519 public key (base64)
//   log_head       the receipt log's head when exported, signed by the server
//   keys           every device key statement of the exported agents, signed by the server
//   branches       {"refs/heads/agents/<user>/<device>": "<tip commit>"}
//   objects        {"<git id>": {"type": "commit"|"tree"|"blob", "data": base64}}: every
//                  ledger object reachable from the branches
//   content_blobs  {"<git blob id>": base64}: the document versions the records point at
//   receipts       the exported agents' receipts, by seq
//   links          {"seq", "body_hash"} of every other receipt, by seq: enough to recompute
//                  the chain without showing other agents' records

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ledger/receipt.hpp"

namespace lectern::ledger {

inline constexpr const char* kAuditBundleFormat = "lectern-audit-bundle/1";

struct GitObject {
    std::string type;  ///< "commit", "tree" or "blob"
    std::string data;  ///< the raw object content (without git's header)
};

struct ReceiptLink {
    std::int64_t seq = 0;
    std::string body_hash;
};

struct AuditBundle {
    std::string space;
    std::optional<std::string> agent;
    std::string server_key;
    LogHead log_head;
    std::vector<KeyStatement> keys;
    std::map<std::string, std::string> branches;
    std::map<std::string, GitObject> objects;
    std::map<std::string, std::string> content_blobs;
    std::vector<Receipt> receipts;
    std::vector<ReceiptLink> links;
};

/// The bundle as its file holds it (compact JSON, one line).
std::string bundle_text(const AuditBundle& bundle);

/// Reads a bundle, strictly: unknown or missing fields, bad base64 and a wrong format are
/// errors. Throws Error(InvalidContent) naming `source` and what is wrong.
AuditBundle parse_bundle(std::string_view text, const std::string& source);

/// Writes the file atomically (a reader never sees part of it). Throws Error(Io).
void write_bundle(const AuditBundle& bundle, const std::filesystem::path& file);
/// Reads and parses the file. Throws Error(Io) or Error(InvalidContent).
AuditBundle read_bundle(const std::filesystem::path& file);

/// A log head kept by an auditor: the JSON of GET /api/v1/spaces/<space>/log-head, or the
/// log_head of an earlier bundle. Throws Error(Io) or Error(InvalidContent).
LogHead read_kept_head(const std::filesystem::path& file);

}  // namespace lectern::ledger
