#pragma once
// What every request handler shares: the configuration, the state folder, the account store,
// the receipt log and the server's key, the login throttle, the metrics and the upload-pack
// cache. Built once at start-up.

#include <memory>

#include "auth/login_throttle.hpp"
#include "cache/upload_pack_cache.hpp"
#include "config.hpp"
#include "http/metrics.hpp"
#include "ledger/push_locks.hpp"
#include "ledger/server_key.hpp"
#include "state_dir.hpp"
#include "store/receipt_log.hpp"
#include "store/store.hpp"

namespace lectern::server {

struct ServerContext {
    explicit ServerContext(ServerConfig c)
        : config(std::move(c)),
          state(config.state_dir),
          store(state.database()),
          receipts(state.database()),
          server_key(ensure_server_key(state)),
          throttle(ThrottleLimits{config.throttle_failures_per_account,
                                  config.throttle_failures_per_address,
                                  std::chrono::seconds(config.throttle_window_seconds)}) {
        if (config.upload_pack_cache) {
            upload_pack_cache = std::make_unique<UploadPackCache>(UploadPackCacheOptions{
                state.upload_pack_cache(), config.upload_pack_cache_max_mb << 20});
            metrics.watch_upload_pack_cache(upload_pack_cache.get());
        }
    }

    ServerConfig config;
    StateDir state;
    Store store;
    ReceiptLog receipts;
    ledger::SigningKey server_key;
    LedgerPushLocks ledger_push_locks;
    LoginThrottle throttle;
    Metrics metrics;
    /// Null when the configuration turns it off.
    std::unique_ptr<UploadPackCache> upload_pack_cache;
};

}  // namespace lectern::server
