#pragma once
// Plain HTTP requests to the test server, as one account (or none), for the tests that check
// statuses and bodies endpoint by endpoint.

#include <string>
#include <utility>
#include <vector>

#include "test_server.hpp"

namespace lectern::test {

struct Probe {
    int status = 0;
    std::string body;
};

enum class Endpoint {
    RestWhoami,
    ContentInfoRefsFetch,
    ContentInfoRefsPush,
    ContentUploadPack,
    ContentReceivePack,
    LedgerInfoRefsFetch,
    LedgerInfoRefsPush,
    LedgerUploadPack,
    LedgerReceivePack,
    LfsBatchDownload,
    LfsBatchUpload,
    LfsDownload,
    LfsUpload,
    KeysRegister,
    KeysListOwn,
    KeysListMember,
    ReceiptsOwn,
    ReceiptsAll,
    LogHead,
};

inline constexpr Endpoint kAllEndpoints[] = {
    Endpoint::RestWhoami,
    Endpoint::ContentInfoRefsFetch,
    Endpoint::ContentInfoRefsPush,
    Endpoint::ContentUploadPack,
    Endpoint::ContentReceivePack,
    Endpoint::LedgerInfoRefsFetch,
    Endpoint::LedgerInfoRefsPush,
    Endpoint::LedgerUploadPack,
    Endpoint::LedgerReceivePack,
    Endpoint::LfsBatchDownload,
    Endpoint::LfsBatchUpload,
    Endpoint::LfsDownload,
    Endpoint::LfsUpload,
    Endpoint::KeysRegister,
    Endpoint::KeysListOwn,
    Endpoint::KeysListMember,
    Endpoint::ReceiptsOwn,
    Endpoint::ReceiptsAll,
    Endpoint::LogHead,
};

const char* to_string(Endpoint e);

/// An LFS object stored straight into a space's object folder (bytes and sha256).
struct PlantedObject {
    std::string bytes;
    std::string oid;
};
PlantedObject plant_lfs_object(const TestServer& s, const std::string& space,
                               const std::string& bytes);
std::string sha256_hex(const std::string& bytes);

/// Calls `endpoint` of `space` as `who` ("" for no credentials). LFS calls name `object`;
/// KeysRegister registers a new key for a new device each time; KeysListMember lists the keys
/// of another member of `space`.
Probe call(const TestServer& s, Endpoint endpoint, const std::string& space, const std::string& who,
           const PlantedObject& object);

/// Any request: method, path (with query), body, a Range header, other headers.
Probe request(const TestServer& s, const std::string& method, const std::string& path,
              const std::string& who, const std::string& body = "",
              const std::string& content_type = "", const std::string& range = "",
              const std::vector<std::pair<std::string, std::string>>& headers = {});

}  // namespace lectern::test
