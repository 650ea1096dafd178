#include "http_probe.hpp"

#include <httplib.h>
#include <sodium.h>

#include <fstream>

#include "ledger/ed25519.hpp"
#include "lfs/object_store.hpp"
#include "state_dir.hpp"

namespace lectern::test {

const char* to_string(Endpoint e) {
    switch (e) {
        case Endpoint::RestWhoami:
            return "GET /api/v1/whoami";
        case Endpoint::ContentInfoRefsFetch:
            return "content info/refs upload-pack";
        case Endpoint::ContentInfoRefsPush:
            return "content info/refs receive-pack";
        case Endpoint::ContentUploadPack:
            return "content git-upload-pack";
        case Endpoint::ContentReceivePack:
            return "content git-receive-pack";
        case Endpoint::LedgerInfoRefsFetch:
            return "ledger info/refs upload-pack";
        case Endpoint::LedgerInfoRefsPush:
            return "ledger info/refs receive-pack";
        case Endpoint::LedgerUploadPack:
            return "ledger git-upload-pack";
        case Endpoint::LedgerReceivePack:
            return "ledger git-receive-pack";
        case Endpoint::LfsBatchDownload:
            return "LFS batch download";
        case Endpoint::LfsBatchUpload:
            return "LFS batch upload";
        case Endpoint::LfsDownload:
            return "LFS object GET";
        case Endpoint::LfsUpload:
            return "LFS object PUT";
        case Endpoint::KeysRegister:
            return "POST /api/v1/keys";
        case Endpoint::KeysListOwn:
            return "GET /api/v1/keys";
        case Endpoint::KeysListMember:
            return "GET /api/v1/keys?user=<another member>";
        case Endpoint::ReceiptsOwn:
            return "GET receipts?agent=<self>";
        case Endpoint::ReceiptsAll:
            return "GET receipts";
        case Endpoint::LogHead:
            return "GET log-head";
    }
    return "?";
}

std::string sha256_hex(const std::string& bytes) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

PlantedObject plant_lfs_object(const TestServer& s, const std::string& space,
                               const std::string& bytes) {
    PlantedObject o{bytes, sha256_hex(bytes)};
    const server::LfsObjectStore store(server::StateDir(s.state_dir()).lfs_objects(space));
    const auto path = store.path_of(o.oid);
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
    return o;
}

Probe request(const TestServer& s, const std::string& method, const std::string& path,
              const std::string& who, const std::string& body, const std::string& content_type,
              const std::string& range,
              const std::vector<std::pair<std::string, std::string>>& extra_headers) {
    httplib::Client client(s.url());
    client.set_read_timeout(30);
    httplib::Headers headers(extra_headers.begin(), extra_headers.end());
    if (!who.empty()) {
        const Account& a = s.account(who);
        client.set_basic_auth(a.user, a.token);
    }
    if (!range.empty()) headers.emplace("Range", range);
    httplib::Result r = method == "GET"   ? client.Get(path, headers)
                        : method == "PUT" ? client.Put(path, headers, body, content_type)
                                          : client.Post(path, headers, body, content_type);
    if (!r) return {-1, "request failed: " + httplib::to_string(r.error())};
    return {r->status, r->body};
}

Probe call(const TestServer& s, Endpoint e, const std::string& space, const std::string& who,
           const PlantedObject& object) {
    const std::string content = "/" + space + "/content.git";
    const std::string ledger = "/" + space + "/ledger.git";
    const std::string lfs = content + "/info/lfs/objects";
    const std::string batch_body = [&](const char* op) {
        return std::string("{\"operation\":\"") + op +
               "\",\"transfers\":[\"basic\"],\"objects\":[{\"oid\":\"" + object.oid +
               "\",\"size\":" + std::to_string(object.bytes.size()) + "}]}";
    }(e == Endpoint::LfsBatchUpload ? "upload" : "download");
    // A flush packet: the smallest request git's services accept.
    const std::string flush = "0000";
    switch (e) {
        case Endpoint::RestWhoami:
            return request(s, "GET", "/api/v1/whoami", who);
        case Endpoint::ContentInfoRefsFetch:
            return request(s, "GET", content + "/info/refs?service=git-upload-pack", who);
        case Endpoint::ContentInfoRefsPush:
            return request(s, "GET", content + "/info/refs?service=git-receive-pack", who);
        case Endpoint::ContentUploadPack:
            return request(s, "POST", content + "/git-upload-pack", who, flush,
                           "application/x-git-upload-pack-request");
        case Endpoint::ContentReceivePack:
            return request(s, "POST", content + "/git-receive-pack", who, flush,
                           "application/x-git-receive-pack-request");
        case Endpoint::LedgerInfoRefsFetch:
            return request(s, "GET", ledger + "/info/refs?service=git-upload-pack", who);
        case Endpoint::LedgerInfoRefsPush:
            return request(s, "GET", ledger + "/info/refs?service=git-receive-pack", who);
        case Endpoint::LedgerUploadPack:
            return request(s, "POST", ledger + "/git-upload-pack", who, flush,
                           "application/x-git-upload-pack-request");
        case Endpoint::LedgerReceivePack:
            return request(s, "POST", ledger + "/git-receive-pack", who, flush,
                           "application/x-git-receive-pack-request");
        case Endpoint::LfsBatchDownload:
        case Endpoint::LfsBatchUpload:
            return request(s, "POST", lfs + "/batch", who, batch_body,
                           "application/vnd.git-lfs+json");
        case Endpoint::LfsDownload:
            return request(s, "GET", lfs + "/" + object.oid, who);
        case Endpoint::LfsUpload:
            return request(s, "PUT", lfs + "/" + object.oid, who, object.bytes,
                           "application/octet-stream");
        case Endpoint::KeysRegister: {
            static int devices = 0;
            const std::string body = "{\"device\":\"probe-" + std::to_string(++devices) +
                                     "\",\"public_key\":\"" +
                                     ledger::SigningKey::generate().public_key().base64() + "\"}";
            return request(s, "POST", "/api/v1/keys", who, body, "application/json");
        }
        case Endpoint::KeysListOwn:
            return request(s, "GET", "/api/v1/keys", who);
        case Endpoint::KeysListMember:
            // Someone who is none of the probing accounts: alpha-revoked is a member of alpha.
            return request(s, "GET",
                           "/api/v1/keys?user=" +
                               std::string(space == "alpha" ? "alpha-revoked" : "beta-agent"),
                           who);
        case Endpoint::ReceiptsOwn:
            return request(s, "GET",
                           "/api/v1/spaces/" + space + "/receipts?agent=" +
                               (who.empty() ? std::string("nobody") : s.account(who).user),
                           who);
        case Endpoint::ReceiptsAll:
            return request(s, "GET", "/api/v1/spaces/" + space + "/receipts", who);
        case Endpoint::LogHead:
            return request(s, "GET", "/api/v1/spaces/" + space + "/log-head", who);
    }
    return {};
}

}  // namespace lectern::test
