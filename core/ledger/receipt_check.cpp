#include "ledger/receipt_check.hpp"

#include <nlohmann/json.hpp>

#include "common/error.hpp"
#include "ledger/receipt.hpp"
#include "sync/http_client.hpp"

namespace lectern::ledger {

std::optional<sync::TransferFailure> pin_server_key(const std::string& server,
                                                    const sync::Credentials& credentials,
                                                    const sync::Progress& progress,
                                                    ReceiptStore& store) {
    sync::http::Request request;
    request.url = server + "/api/v1/server-key";
    const auto response = sync::http::send(request, progress);
    if (response.cancelled)
        return sync::TransferFailure{sync::TransferFailureReason::Cancelled,
                                     "cancelled while asking the server for its key"};
    if (response.status != 200)
        return sync::http::failure_of(response, "fetching the server's key", credentials.user);
    std::string key;
    try {
        key = nlohmann::json::parse(response.body).at("public_key").get<std::string>();
    } catch (const nlohmann::json::exception& e) {
        return sync::TransferFailure{
            sync::TransferFailureReason::Other,
            std::string("the server's key is not understood: ") + e.what()};
    }
    if (store.server_key.empty()) store.server_key = key;
    if (store.server_key != key)
        return sync::TransferFailure{
            sync::TransferFailureReason::Other,
            "the server now signs receipts with another key than before (" + key + " instead of " +
                store.server_key + "); its receipts are not believed: tell your admin"};
    return std::nullopt;
}

std::string receipt_problem(const nlohmann::json& receipt, const std::string& server_key,
                            std::string_view space, const StoredRecord* record) {
    try {
        const Receipt r = receipt_from_json(receipt);
        if (server_key.empty() || !receipt_is_sealed_by(r, server_key))
            return "is not sealed by the server's key";
        if (r.space != space) return "is for another space (" + r.space + ")";
        if (record && r.agent != record->record.agent)
            return "is for another agent (" + r.agent + ")";
        if (record && r.commit != record->commit)
            return "names commit " + r.commit + ", not the one that carried the record";
        return {};
    } catch (const Error& e) {
        return "is malformed (" + e.message() + ")";
    }
}

}  // namespace lectern::ledger
