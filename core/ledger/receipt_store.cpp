#include "ledger/receipt_store.hpp"

#include "common/error.hpp"
#include "ledger/durable_files.hpp"

namespace lectern::ledger {

std::filesystem::path receipts_file(const std::filesystem::path& ledger, const std::string& agent) {
    return ledger.parent_path() / "receipts" / (agent + ".json");
}

ReceiptStore load_receipts(const std::filesystem::path& file) {
    ReceiptStore store;
    std::string text;
    if (!durable::read_file(file, text)) return store;
    try {
        const auto value = nlohmann::json::parse(text);
        store.last_seq = value.at("last_seq").get<std::int64_t>();
        store.server_key = value.value("server_key", "");
        for (const auto& r : value.at("receipts"))
            store.by_record[r.at("record_id").get<std::string>()] = r;
        if (value.contains("links")) {
            for (const auto& l : value.at("links"))
                store.links[l.at("seq").get<std::int64_t>()] = l.at("body_hash").get<std::string>();
        } else {
            store.last_seq = 0;  // no links kept then: fetch the chain again
        }
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorKind::InvalidContent,
                    std::string("the stored receipts are damaged (") + e.what() +
                        "); delete the file and sync again to fetch them anew",
                    SourceLocation{file.string(), 0, 0});
    }
    return store;
}

void save_receipts(const std::filesystem::path& file, const ReceiptStore& store) {
    nlohmann::json receipts = nlohmann::json::array();
    for (const auto& [id, r] : store.by_record) receipts.push_back(r);
    nlohmann::json links = nlohmann::json::array();
    for (const auto& [seq, body_hash] : store.links)
        links.push_back({{"seq", seq}, {"body_hash", body_hash}});
    const nlohmann::json value = {{"last_seq", store.last_seq},
                                  {"server_key", store.server_key},
                                  {"receipts", receipts},
                                  {"links", links}};
    durable::write_file(file, value.dump(1) + "\n", 0600);
}

}  // namespace lectern::ledger
