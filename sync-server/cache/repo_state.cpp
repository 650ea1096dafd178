#include "cache/repo_state.hpp"

#include <sodium.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <system_error>
#include <vector>

#include "common/error.hpp"

namespace lectern::server {

namespace fs = std::filesystem;

namespace {

class Digest {
  public:
    Digest() { crypto_generichash_init(&state_, nullptr, 0, crypto_generichash_BYTES); }
    void add(std::string_view bytes) {
        crypto_generichash_update(&state_, reinterpret_cast<const unsigned char*>(bytes.data()),
                                  bytes.size());
        // A separator after each part, so that ("ab","c") and ("a","bc") differ.
        const unsigned char end = 0;
        crypto_generichash_update(&state_, &end, 1);
    }
    std::string finish() {
        std::string out(crypto_generichash_BYTES, '\0');
        crypto_generichash_final(&state_, reinterpret_cast<unsigned char*>(out.data()), out.size());
        return out;
    }

  private:
    crypto_generichash_state state_{};
};

/// The file's bytes, or "" if it does not exist (a repository may have no packed-refs).
std::string read_if_present(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return {};
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

std::string repo_state_digest(const fs::path& repo) {
    Digest digest;
    for (const char* name : {"HEAD", "packed-refs", "config"}) {
        digest.add(name);
        digest.add(read_if_present(repo / name));
    }
    std::vector<fs::path> loose;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(repo / "refs", ec), end; !ec && it != end;
         it.increment(ec)) {
        // A ref being written sits in NAME.lock until git renames it over NAME; the old value
        // is still the ref's value until then.
        if (it->is_regular_file() && it->path().extension() != ".lock") loose.push_back(it->path());
    }
    if (ec)
        throw Error(ErrorKind::Io,
                    "cannot read the refs of " + repo.string() + ": " + ec.message());
    std::sort(loose.begin(), loose.end());
    for (const auto& file : loose) {
        digest.add(file.lexically_relative(repo).string());
        digest.add(read_if_present(file));
    }
    return digest.finish();
}

}  // namespace lectern::server
