#include "ledger/receipts_client.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "sync/http_client.hpp"

namespace lectern::ledger {

namespace {
constexpr int kPage = 500;
}

std::optional<sync::TransferFailure> fetch_receipts(
    const ReceiptQuery& q,
    const std::function<void(const nlohmann::json& receipts, const nlohmann::json& links,
                             std::int64_t last_seq)>& on_page) {
    std::int64_t last = q.after;
    for (;;) {
        sync::http::Request request;
        request.url =
            q.server + "/api/v1/spaces/" + q.space + "/receipts?after=" + std::to_string(last) +
            "&limit=" + std::to_string(kPage) + (q.agent.empty() ? "" : "&agent=" + q.agent);
        request.basic = q.credentials;
        const auto response = sync::http::send(request, q.progress);
        if (response.status != 200)
            return sync::http::failure_of(response, "fetching the receipts of " + q.space,
                                          q.credentials.user);
        bool more = false;
        try {
            const auto body = nlohmann::json::parse(response.body);
            const std::int64_t before = last;
            for (const auto& r : body.at("receipts"))
                last = std::max(last, r.at("seq").get<std::int64_t>());
            // Other agents' entries come as links (seq and hash only): the seq moves past them.
            const nlohmann::json links = body.value("links", nlohmann::json::array());
            for (const auto& l : links) last = std::max(last, l.at("seq").get<std::int64_t>());
            on_page(body.at("receipts"), links, last);
            more = body.value("more", false) && last > before;
        } catch (const nlohmann::json::exception& e) {
            return sync::TransferFailure{
                sync::TransferFailureReason::Other,
                std::string("the server's receipts are not understood: ") + e.what()};
        }
        if (!more) return std::nullopt;
    }
}

}  // namespace lectern::ledger
