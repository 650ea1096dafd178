#pragma once
// Prometheus metrics: requests and their durations per route and status, git fetches and
// pushes, errors. Thread-safe; render() writes the text exposition format.

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace lectern::server {

class UploadPackCache;

class Metrics {
  public:
    /// Records one finished request. `route` is a fixed label ("git", "lfs", "api"…).
    void record_request(const std::string& route, int status, double seconds);
    /// One upload-pack exchange (a clone or fetch round).
    void record_fetch();
    /// One receive-pack exchange, whether its refs were accepted or refused by the hook.
    void record_push();
    /// One upload-pack POST through the cache: "hit", "miss" (answered by git and stored) or
    /// "bypass" (answered by git, not stored).
    void record_upload_pack_cache(const std::string& outcome);
    /// The cache whose size render() reports; null when it is off.
    void watch_upload_pack_cache(const UploadPackCache* cache) { cache_ = cache; }

    std::string render();

  private:
    static constexpr std::array<double, 10> kBuckets = {0.005, 0.01, 0.025, 0.05, 0.1,
                                                        0.25,  0.5,  1,     2.5,  10};
    struct Histogram {
        std::array<std::uint64_t, kBuckets.size()> buckets{};
        std::uint64_t count = 0;
        double sum = 0;
    };

    std::mutex mutex_;
    std::map<std::pair<std::string, int>, std::uint64_t> requests_;
    std::map<std::string, Histogram> durations_;
    std::uint64_t errors_ = 0;
    std::uint64_t fetches_ = 0;
    std::uint64_t pushes_ = 0;
    std::map<std::string, std::uint64_t> cache_outcomes_;
    const UploadPackCache* cache_ = nullptr;
};

}  // namespace lectern::server
