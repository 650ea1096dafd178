#pragma once
// A space's Git LFS objects on disk, by sha256: objects/ab/cd/abcd…. An upload is streamed to
// a temporary file, hashed as it arrives, and moved in place only if its size and sha256 are
// what the client claimed, even when an object with that id is already stored.

#include <sodium.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "process/child_process.hpp"

namespace lectern::server {

class LfsObjectStore {
  public:
    explicit LfsObjectStore(std::filesystem::path objects_dir) : dir_(std::move(objects_dir)) {}

    /// 64 lowercase hex digits.
    static bool is_valid_oid(std::string_view oid);

    std::filesystem::path path_of(std::string_view oid) const;
    /// The stored object's size, if it is stored.
    std::optional<std::uint64_t> size_of(std::string_view oid) const;

    /// Sizes of stored objects for a request that asks about many (a batch lists up to 100):
    /// the objects folder is opened once and each object looked up from there.
    class Sizes {
      public:
        explicit Sizes(const LfsObjectStore& store);
        /// The object's size, if it is stored; `oid` is a valid object id.
        std::optional<std::uint64_t> of(std::string_view oid) const;

      private:
        UniqueFd dir_;
    };

    /// One upload in progress. Destroying it before finish() discards what was written.
    class Upload {
      public:
        Upload(const LfsObjectStore& store, std::string oid);
        ~Upload();
        Upload(const Upload&) = delete;
        Upload& operator=(const Upload&) = delete;

        /// False if the file cannot be written.
        bool write(const char* data, std::size_t len);
        /// Checks the hash (and `expected_size` if given) and stores the object. Throws
        /// RequestRefused(InvalidUpload) on a mismatch, Error(Io) if it cannot be stored.
        void finish(std::optional<std::uint64_t> expected_size);

      private:
        const LfsObjectStore& store_;
        std::string oid_;
        std::filesystem::path temp_;
        std::FILE* file_ = nullptr;
        crypto_hash_sha256_state hash_;
        std::uint64_t size_ = 0;
    };

  private:
    std::filesystem::path dir_;
};

}  // namespace lectern::server
