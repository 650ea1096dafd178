#include "ledger/audit_bundle.hpp"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "common/error.hpp"
#include "ledger/sodium.hpp"

namespace lectern::ledger {

namespace {

using nlohmann::json;

Error bad(const std::string& source, const std::string& why) {
    return Error(ErrorKind::InvalidContent, "not a valid audit bundle: " + why,
                 SourceLocation{source, 0, 0});
}

const json& member(const json& j, const char* name, const std::string& source) {
    const auto it = j.find(name);
    if (it == j.end()) throw bad(source, std::string("no field '") + name + "'");
    return *it;
}

std::string decoded(const json& j, const std::string& what, const std::string& source) {
    if (!j.is_string()) throw bad(source, what + " is not a string");
    auto bytes = from_base64(j.get<std::string>());
    if (!bytes) throw bad(source, what + " is not base64");
    return *bytes;
}

}  // namespace

std::string bundle_text(const AuditBundle& b) {
    json keys = json::array();
    for (const auto& k : b.keys) keys.push_back(to_json(k));
    json objects = json::object();
    for (const auto& [id, o] : b.objects)
        objects[id] = {{"type", o.type}, {"data", to_base64(o.data)}};
    json blobs = json::object();
    for (const auto& [id, bytes] : b.content_blobs) blobs[id] = to_base64(bytes);
    json receipts = json::array();
    for (const auto& r : b.receipts) receipts.push_back(to_json(r));
    json links = json::array();
    for (const auto& l : b.links) links.push_back({{"seq", l.seq}, {"body_hash", l.body_hash}});
    const json out = {{"format", kAuditBundleFormat},
                      {"space", b.space},
                      {"agent", b.agent ? json(*b.agent) : json(nullptr)},
                      {"server_key", b.server_key},
                      {"log_head", to_json(b.log_head)},
                      {"keys", keys},
                      {"branches", b.branches},
                      {"objects", objects},
                      {"content_blobs", blobs},
                      {"receipts", receipts},
                      {"links", links}};
    return out.dump() + "\n";
}

AuditBundle parse_bundle(std::string_view text, const std::string& source) {
    const json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) throw bad(source, "not a JSON object");
    if (j.size() != 11) throw bad(source, "unexpected fields");
    if (member(j, "format", source) != kAuditBundleFormat)
        throw bad(source, std::string("the format is not ") + kAuditBundleFormat);
    AuditBundle b;
    try {
        b.space = member(j, "space", source).get<std::string>();
        const json& agent = member(j, "agent", source);
        if (!agent.is_null()) b.agent = agent.get<std::string>();
        b.server_key = member(j, "server_key", source).get<std::string>();
        b.log_head = log_head_from_json(member(j, "log_head", source));
        for (const auto& k : member(j, "keys", source))
            b.keys.push_back(key_statement_from_json(k));
        for (const auto& [ref, tip] : member(j, "branches", source).items())
            b.branches[ref] = tip.get<std::string>();
        for (const auto& [id, o] : member(j, "objects", source).items()) {
            if (!o.is_object() || o.size() != 2)
                throw bad(source, "object " + id + " is malformed");
            b.objects[id] = {member(o, "type", source).get<std::string>(),
                             decoded(member(o, "data", source), "object " + id, source)};
        }
        for (const auto& [id, data] : member(j, "content_blobs", source).items())
            b.content_blobs[id] = decoded(data, "content blob " + id, source);
        for (const auto& r : member(j, "receipts", source))
            b.receipts.push_back(receipt_from_json(r));
        for (const auto& l : member(j, "links", source)) {
            if (!l.is_object() || l.size() != 2) throw bad(source, "a link is malformed");
            b.links.push_back({member(l, "seq", source).get<std::int64_t>(),
                               member(l, "body_hash", source).get<std::string>()});
        }
    } catch (const json::exception& e) {
        throw bad(source, std::string("a field has the wrong type (") + e.what() + ")");
    } catch (const Error& e) {
        if (e.where().file.empty()) throw bad(source, e.message());
        throw;
    }
    return b;
}

void write_bundle(const AuditBundle& bundle, const std::filesystem::path& file) {
    const auto tmp = file.string() + ".part";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << bundle_text(bundle);
        out.flush();
        if (!out) throw Error(ErrorKind::Io, "cannot write " + tmp);
    }
    std::error_code ec;
    std::filesystem::rename(tmp, file, ec);
    if (ec) throw Error(ErrorKind::Io, "cannot write " + file.string() + ": " + ec.message());
}

namespace {

std::string read_all(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Error(ErrorKind::Io, "cannot read " + file.string());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

AuditBundle read_bundle(const std::filesystem::path& file) {
    return parse_bundle(read_all(file), file.string());
}

LogHead read_kept_head(const std::filesystem::path& file) {
    const json j = json::parse(read_all(file), nullptr, false);
    if (j.is_discarded() || !j.is_object())
        throw Error(ErrorKind::InvalidContent, file.string() + " is not a JSON log head");
    // An earlier bundle serves as well as the head itself.
    if (j.contains("format") && j.contains("log_head")) return log_head_from_json(j.at("log_head"));
    return log_head_from_json(j);
}

}  // namespace lectern::ledger
