#include "http/metrics.hpp"

#include <sstream>

#include "cache/upload_pack_cache.hpp"

namespace lectern::server {

void Metrics::record_request(const std::string& route, int status, double seconds) {
    std::lock_guard lock(mutex_);
    ++requests_[{route, status}];
    if (status >= 500) ++errors_;
    auto& h = durations_[route];
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        if (seconds <= kBuckets[i]) ++h.buckets[i];
    }
    ++h.count;
    h.sum += seconds;
}

void Metrics::record_fetch() {
    std::lock_guard lock(mutex_);
    ++fetches_;
}

void Metrics::record_push() {
    std::lock_guard lock(mutex_);
    ++pushes_;
}

void Metrics::record_upload_pack_cache(const std::string& outcome) {
    std::lock_guard lock(mutex_);
    ++cache_outcomes_[outcome];
}

std::string Metrics::render() {
    std::lock_guard lock(mutex_);
    std::ostringstream out;
    out << "# HELP lectern_http_requests_total HTTP requests by route and status.\n"
           "# TYPE lectern_http_requests_total counter\n";
    for (const auto& [key, n] : requests_) {
        out << "lectern_http_requests_total{route=\"" << key.first << "\",status=\"" << key.second
            << "\"} " << n << '\n';
    }
    out << "# HELP lectern_http_request_duration_seconds Time to answer a request, body included.\n"
           "# TYPE lectern_http_request_duration_seconds histogram\n";
    for (const auto& [route, h] : durations_) {
        for (std::size_t i = 0; i < kBuckets.size(); ++i) {
            out << "lectern_http_request_duration_seconds_bucket{route=\"" << route << "\",le=\""
                << kBuckets[i] << "\"} " << h.buckets[i] << '\n';
        }
        out << "lectern_http_request_duration_seconds_bucket{route=\"" << route
            << "\",le=\"+Inf\"} " << h.count << '\n'
            << "lectern_http_request_duration_seconds_sum{route=\"" << route << "\"} " << h.sum
            << '\n'
            << "lectern_http_request_duration_seconds_count{route=\"" << route << "\"} " << h.count
            << '\n';
    }
    out << "# HELP lectern_git_fetches_total git fetches and clones served.\n"
           "# TYPE lectern_git_fetches_total counter\n"
        << "lectern_git_fetches_total " << fetches_ << '\n'
        << "# HELP lectern_git_pushes_total git pushes received (accepted or refused by the "
           "hook).\n"
           "# TYPE lectern_git_pushes_total counter\n"
        << "lectern_git_pushes_total " << pushes_ << '\n'
        << "# HELP lectern_errors_total Requests answered with a 5xx status.\n"
           "# TYPE lectern_errors_total counter\n"
        << "lectern_errors_total " << errors_ << '\n';
    out << "# HELP lectern_upload_pack_cache_requests_total upload-pack POSTs by cache outcome.\n"
           "# TYPE lectern_upload_pack_cache_requests_total counter\n";
    for (const auto& [outcome, n] : cache_outcomes_) {
        out << "lectern_upload_pack_cache_requests_total{outcome=\"" << outcome << "\"} " << n
            << '\n';
    }
    if (cache_) {
        const auto stats = cache_->stats();
        out << "# HELP lectern_upload_pack_cache_bytes Size of the stored upload-pack answers.\n"
               "# TYPE lectern_upload_pack_cache_bytes gauge\n"
            << "lectern_upload_pack_cache_bytes " << stats.bytes << '\n'
            << "# HELP lectern_upload_pack_cache_entries Stored upload-pack answers.\n"
               "# TYPE lectern_upload_pack_cache_entries gauge\n"
            << "lectern_upload_pack_cache_entries " << stats.entries << '\n'
            << "# HELP lectern_upload_pack_cache_evictions_total Answers dropped to keep the "
               "size bound.\n"
               "# TYPE lectern_upload_pack_cache_evictions_total counter\n"
            << "lectern_upload_pack_cache_evictions_total " << stats.evictions << '\n';
    }
    return out.str();
}

}  // namespace lectern::server
