// The receipt log's continuity as a reader checks it (ledger/receipt_chain.hpp): whole receipts
// and links (seq and body hash of receipts the reader may not see) make one chain from seq 1.

#include <gtest/gtest.h>

#include "ledger/ed25519.hpp"
#include "ledger/receipt.hpp"
#include "ledger/receipt_chain.hpp"

namespace lectern::ledger {
namespace {

// A log of `n` receipts sealed by one key, as the server appends them.
std::vector<Receipt> make_log(int n) {
    const SigningKey key = SigningKey::generate();
    std::vector<Receipt> log;
    std::string prev = kEmptyLogHash;
    for (int i = 1; i <= n; ++i) {
        Receipt r;
        r.seq = i;
        r.space = "northwind";
        r.record_id = std::string(31, '0') + std::to_string(i);
        r.commit = std::string(40, 'a');
        r.agent = i % 2 ? "ana" : "bo";
        r.server_time = "2026-01-01T00:00:0" + std::to_string(i) + "Z";
        r.signed_at = r.server_time;
        seal_receipt(r, prev, key);
        prev = r.hash;
        log.push_back(r);
    }
    return log;
}

ChainEntry whole(const Receipt& r) {
    return {r.seq, receipt_body_hash(r), r.prev_hash, r.hash};
}
ChainEntry link(const Receipt& r) {
    return {r.seq, receipt_body_hash(r), {}, {}};
}

TEST(Ledger_ReceiptChain, ReceiptsAndLinksInAnyOrderMakeOneChain) {
    const auto log = make_log(4);
    EXPECT_FALSE(find_chain_break({whole(log[3]), link(log[1]), whole(log[0]), link(log[2])}));
    // The same entry twice, as a receipt and as a link, is still one chain.
    EXPECT_FALSE(find_chain_break({whole(log[0]), link(log[0]), whole(log[1])}));
    EXPECT_FALSE(find_chain_break({}));
}

TEST(Ledger_ReceiptChain, AMissingEntryBreaksTheChainWhereItWas) {
    const auto log = make_log(4);
    const auto broken = find_chain_break({whole(log[0]), whole(log[2]), whole(log[3])});
    ASSERT_TRUE(broken);
    EXPECT_EQ(broken->seq, 2);
    EXPECT_NE(broken->why.find("no entry at seq 2"), std::string::npos) << broken->why;
    EXPECT_EQ(find_chain_break({whole(log[1])})->seq, 1);
}

TEST(Ledger_ReceiptChain, AnAlteredOrReorderedEntryBreaksTheChain) {
    auto log = make_log(3);
    // A link whose body is not the one the next receipt was chained after.
    ChainEntry other = link(log[1]);
    other.body_hash = std::string(64, 'f');
    auto broken = find_chain_break({whole(log[0]), other, whole(log[2])});
    ASSERT_TRUE(broken);
    EXPECT_EQ(broken->seq, 3);
    // Two receipts swapped in the log: their seq says one place, their chain another.
    std::swap(log[0].seq, log[1].seq);
    broken = find_chain_break({whole(log[0]), whole(log[1]), whole(log[2])});
    ASSERT_TRUE(broken);
    EXPECT_EQ(broken->seq, 1);
    // Two different entries claim the same seq.
    const auto a = make_log(2);
    ChainEntry rival = link(a[0]);
    rival.body_hash = std::string(64, 'e');
    broken = find_chain_break({whole(a[0]), rival, whole(a[1])});
    ASSERT_TRUE(broken);
    EXPECT_NE(broken->why.find("two different entries at seq 1"), std::string::npos) << broken->why;
}

}  // namespace
}  // namespace lectern::ledger
