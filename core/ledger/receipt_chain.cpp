#include "ledger/receipt_chain.hpp"

#include <algorithm>

#include "ledger/receipt.hpp"

namespace lectern::ledger {

std::optional<ChainBreak> find_chain_break(std::vector<ChainEntry> entries) {
    std::sort(entries.begin(), entries.end(), [](const ChainEntry& a, const ChainEntry& b) {
        return a.seq != b.seq ? a.seq < b.seq : a.hash > b.hash;  // a receipt before its link
    });
    std::int64_t expected = 1;
    std::string prev = kEmptyLogHash;
    std::string prev_body;
    for (const ChainEntry& e : entries) {
        if (e.seq == expected - 1 && e.seq >= 1) {
            // The same entry again (a receipt and its link, or fetched twice) must be the same.
            if (e.body_hash != prev_body)
                return ChainBreak{e.seq, "the receipt log holds two different entries at seq " +
                                             std::to_string(e.seq)};
            continue;
        }
        if (e.seq != expected)
            return ChainBreak{expected,
                              "the receipt log has no entry at seq " + std::to_string(expected) +
                                  " (the next one held is seq " + std::to_string(e.seq) + ")"};
        const std::string hash = chain_hash(prev, e.body_hash);
        if (!e.hash.empty() && (e.prev_hash != prev || e.hash != hash))
            return ChainBreak{e.seq, "receipt " + std::to_string(e.seq) +
                                         " does not follow the entry before it in the receipt log"};
        prev = hash;
        prev_body = e.body_hash;
        ++expected;
    }
    return std::nullopt;
}

}  // namespace lectern::ledger
