#pragma once
// What every request handler shares: the configuration, the state folder, the account store,
// the login throttle and the metrics. Built once at start-up.

#include "auth/login_throttle.hpp"
#include "config.hpp"
#include "http/metrics.hpp"
#include "state_dir.hpp"
#include "store/store.hpp"

namespace lectern::server {

struct ServerContext {
    explicit ServerContext(ServerConfig c)
        : config(std::move(c)),
          state(config.state_dir),
          store(state.database()),
          throttle(ThrottleLimits{config.throttle_failures_per_account,
                                  config.throttle_failures_per_address,
                                  std::chrono::seconds(config.throttle_window_seconds)}) {}

    ServerConfig config;
    StateDir state;
    Store store;
    LoginThrottle throttle;
    Metrics metrics;
};

}  // namespace lectern::server
