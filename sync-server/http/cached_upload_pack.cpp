#include "http/cached_upload_pack.hpp"

#include <sodium.h>

#include <httplib.h>

#include <memory>

#include "cache/repo_state.hpp"
#include "cache/upload_pack_cache.hpp"
#include "common/error.hpp"
#include "common/log.hpp"
#include "http/cgi_exchange.hpp"
#include "http/server_context.hpp"

namespace lectern::server {

namespace {

/// A request body larger than this is passed through uncached (git sends bodies this large
/// only for very long negotiations, which are not the repeated ones).
constexpr std::size_t kMaxKeyedBody = 1024 * 1024;

/// Environment entries that name who asks, not what is asked: upload-pack's answer does not
/// depend on them (it runs no hooks), and leaving them out is what lets users share answers.
bool names_the_requester(std::string_view entry) {
    for (std::string_view name : {"REMOTE_USER=", "REMOTE_ADDR=", "LECTERN_USER="}) {
        if (entry.substr(0, name.size()) == name) return true;
    }
    return false;
}

/// The cache key: everything that decides the answer. The space and repository, git's whole
/// environment (its settings, protocol version, method, path and query), the value of every
/// ref, and the request body (wants, haves, capabilities).
std::string cache_key(const UploadPackTarget& target, const SpawnOptions& backend,
                      const std::string& refs_state, const std::string& body) {
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, crypto_generichash_BYTES);
    auto add = [&state](std::string_view part) {
        const std::string length = std::to_string(part.size()) + ":";
        crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(length.data()),
                                  length.size());
        crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(part.data()),
                                  part.size());
    };
    add("upload-pack answer 1");
    add(target.space);
    add(to_string(target.kind));
    for (const auto& entry : backend.env) {
        if (!names_the_requester(entry)) add(entry);
    }
    add(refs_state);
    add(body);
    unsigned char digest[crypto_generichash_BYTES];
    crypto_generichash_final(&state, digest, sizeof digest);
    char hex[2 * sizeof digest + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

/// Stores what is sent, if the refs did not move while git was answering (the answer would
/// then belong to other refs than its key says).
OutputTee store_into(std::shared_ptr<UploadPackCache::Fill> fill, std::filesystem::path repo,
                     std::string refs_state) {
    OutputTee tee;
    tee.write = [fill](std::string_view bytes) { fill->write(bytes); };
    tee.finish = [fill, repo = std::move(repo), refs_state = std::move(refs_state)](bool complete) {
        bool unchanged = false;
        if (complete) {
            try {
                unchanged = repo_state_digest(repo) == refs_state;
            } catch (const Error& e) {
                log::warning(log::kServer, e.what());
            }
        }
        fill->finish(complete && unchanged);
    };
    return tee;
}

}  // namespace

void serve_upload_pack_cached(ServerContext& ctx, const UploadPackTarget& target,
                              const SpawnOptions& backend, const RequestBody* body,
                              httplib::Response& res) {
    UploadPackCache& cache = *ctx.upload_pack_cache;
    // The body is the key, so it is read before git starts; past kMaxKeyedBody git is started
    // and the body streamed to it as usual.
    std::string buffered;
    std::shared_ptr<CgiExchange> uncached;
    bool fed = true;
    if (body)
        (*body)([&](const char* data, std::size_t len) {
            if (!uncached) {
                buffered.append(data, len);
                if (buffered.size() <= kMaxKeyedBody) return true;
                uncached = start_cgi(backend);
                fed = feed_cgi(*uncached, buffered.data(), buffered.size());
                std::string().swap(buffered);
                return fed;
            }
            fed = feed_cgi(*uncached, data, len);
            return fed;
        });
    if (uncached) {
        ctx.metrics.record_upload_pack_cache("bypass");
        if (!fed) log::warning(log::kServer, "git http-backend stopped reading the request body");
        respond_from_cgi(std::move(uncached), res);
        return;
    }

    std::string refs_state = repo_state_digest(target.repo);
    UploadPackCache::Lookup found = cache.lookup(cache_key(target, backend, refs_state, buffered));
    if (found.hit) {
        ctx.metrics.record_upload_pack_cache("hit");
        respond_from_stored_cgi_output(std::move(found.hit), res);
        return;
    }
    ctx.metrics.record_upload_pack_cache(found.fill ? "miss" : "bypass");
    auto exchange = start_cgi(backend);
    if (!feed_cgi(*exchange, buffered.data(), buffered.size()))
        log::warning(log::kServer, "git http-backend stopped reading the request body");
    OutputTee tee;
    if (found.fill) {
        tee = store_into(std::shared_ptr<UploadPackCache::Fill>(std::move(found.fill)), target.repo,
                         std::move(refs_state));
    }
    respond_from_cgi(std::move(exchange), res, std::move(tee));
}

}  // namespace lectern::server
