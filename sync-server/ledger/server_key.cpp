#include "ledger/server_key.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <sstream>

#include "common/error.hpp"
#include "ledger/sodium.hpp"

namespace lectern::server {

namespace {

/// Overwrites a string that held a secret before it is freed.
void sodium_wipe(std::string& s) {
    sodium_memzero(s.data(), s.size());
}

}  // namespace

ledger::SigningKey load_server_key(const StateDir& state) {
    std::ifstream in(state.server_key());
    if (!in) {
        throw Error(ErrorKind::NotFound, "the server has no key at " + state.server_key().string() +
                                             ": run `lectern-server init`");
    }
    std::string line;
    std::getline(in, line);
    auto secret = ledger::from_base64(line);
    if (!secret || secret->size() != ledger::kSecretKeyBytes) {
        throw Error(ErrorKind::InvalidContent,
                    state.server_key().string() +
                        " is damaged: restore it from a backup (receipts need the same key)");
    }
    ledger::SecureBuffer buffer(secret->size());
    std::copy(secret->begin(), secret->end(), buffer.data());
    sodium_wipe(*secret);
    sodium_wipe(line);
    return ledger::SigningKey::from_secret(std::move(buffer));
}

ledger::SigningKey ensure_server_key(const StateDir& state) {
    if (std::filesystem::exists(state.server_key())) return load_server_key(state);
    const auto key = ledger::SigningKey::generate();
    const auto tmp = state.server_key().string() + ".tmp." + std::to_string(::getpid());
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) throw Error(ErrorKind::Io, "cannot create " + tmp);
    std::string text = ledger::to_base64(key.secret().view()) + "\n";
    const bool written =
        ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
        ::fsync(fd) == 0;
    ::close(fd);
    sodium_wipe(text);
    if (!written) throw Error(ErrorKind::Io, "cannot write " + tmp);
    // link(), not rename(): if another process created the key meanwhile, theirs stays and
    // both use it.
    if (::link(tmp.c_str(), state.server_key().c_str()) != 0 && errno != EEXIST) {
        ::unlink(tmp.c_str());
        throw Error(ErrorKind::Io, "cannot create " + state.server_key().string());
    }
    ::unlink(tmp.c_str());
    return load_server_key(state);
}

}  // namespace lectern::server
