#include "ledger/record.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

#include "common/error.hpp"
#include "ledger/canonical_json.hpp"
#include "ledger/ed25519.hpp"
#include "ledger/record_schema.hpp"
#include "ledger/sodium.hpp"

namespace lectern::ledger {

namespace {

nlohmann::json unsigned_fields(const Record& r) {
    return nlohmann::json{{"format", r.format},
                          {"id", r.id},
                          {"kind", r.kind},
                          {"space", r.space},
                          {"agent", r.agent},
                          {"device", r.device},
                          {"document_id", r.document_id},
                          {"path", r.path},
                          {"title", r.title},
                          {"content_commit", r.content_commit},
                          {"blob_id", r.blob_id},
                          {"meaning", r.meaning},
                          {"signed_at", r.signed_at},
                          {"public_key", r.public_key},
                          {"details", r.details}};
}

Error bad_record(std::string_view source, const std::string& why) {
    return Error(ErrorKind::InvalidContent, "not a valid ledger record: " + why,
                 SourceLocation{std::string(source), 0, 0});
}

// A path inside the space: no '..' or '.' segment, no empty segment.
bool is_plain_relative_path(std::string_view path) {
    std::size_t start = 0;
    while (start <= path.size()) {
        const auto end = std::min(path.find('/', start), path.size());
        const auto segment = path.substr(start, end - start);
        if (segment.empty() || segment == "." || segment == "..") return false;
        start = end + 1;
    }
    return true;
}

}  // namespace

std::string canonical_json(const Record& record) {
    return canonical_json(unsigned_fields(record));
}

std::string record_file_text(const Record& record) {
    nlohmann::json all = unsigned_fields(record);
    all["signature"] = record.signature;
    return canonical_json(all) + "\n";
}

void sign_record(Record& record, const SigningKey& key) {
    record.public_key = key.public_key().base64();
    const auto signature = key.sign(canonical_json(record));
    record.signature =
        to_base64({reinterpret_cast<const char*>(signature.data()), signature.size()});
}

Record parse_record(std::string_view text, std::string_view source) {
    nlohmann::json value;
    try {
        value = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        throw bad_record(source, std::string("it is not JSON (") + e.what() + ")");
    }
    if (auto violation = record_schema_violation(value)) throw bad_record(source, *violation);
    Record r;
    r.format = value.at("format").get<int>();
    r.id = value.at("id").get<std::string>();
    r.kind = value.at("kind").get<std::string>();
    r.space = value.at("space").get<std::string>();
    r.agent = value.at("agent").get<std::string>();
    r.device = value.at("device").get<std::string>();
    r.document_id = value.at("document_id").get<std::string>();
    r.path = value.at("path").get<std::string>();
    r.title = value.at("title").get<std::string>();
    r.content_commit = value.at("content_commit").get<std::string>();
    r.blob_id = value.at("blob_id").get<std::string>();
    r.meaning = value.at("meaning").get<std::string>();
    r.signed_at = value.at("signed_at").get<std::string>();
    r.public_key = value.at("public_key").get<std::string>();
    r.details = value.at("details");
    r.signature = value.at("signature").get<std::string>();
    if (!is_plain_relative_path(r.path))
        throw bad_record(source, "path must be a plain path inside the space, without '.' or '..'");
    std::string canonical;
    try {
        canonical = record_file_text(r);
    } catch (const Error& e) {
        throw bad_record(source, e.message());
    }
    // One record, one byte form: a file that parses to the same fields but is spelled
    // differently (spaces, key order, escapes, duplicate keys) is refused, so what an auditor
    // hashes is exactly what was signed.
    if (canonical != text)
        throw bad_record(source,
                         "it is not in canonical form (sorted keys, no spaces, one final newline); "
                         "records are written by lectern, never by hand");
    return r;
}

bool verify_signature(const Record& record) {
    const auto key = PublicKey::from_base64(record.public_key);
    const auto signature = from_base64(record.signature);
    if (!key || !signature || signature->size() != kSignatureBytes) return false;
    std::string message;
    try {
        message = canonical_json(record);
    } catch (const Error&) {
        return false;  // a record that has no canonical form cannot carry a valid signature
    }
    return verify_detached(message, *signature, *key);
}

std::string new_record_id() {
    return random_hex(16);
}

std::string utc_timestamp() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return text;
}

}  // namespace lectern::ledger
