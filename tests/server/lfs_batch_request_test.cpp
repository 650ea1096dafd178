// The batch request as the server reads it: the operation and each entry's id and size, every
// other member skipped, malformed entries kept as entries (answered with an error of their own).

#include <gtest/gtest.h>

#include "http/lfs_batch_request.hpp"

namespace lectern::server {
namespace {

TEST(Server_Lfs, BatchRequestReadsOperationIdsAndSizesAndSkipsTheRest) {
    const auto r = parse_lfs_batch_request(
        R"({"operation":"download","transfers":["basic",{"x":[1,2]}],"ref":{"name":"refs/heads/main"},
            "objects":[{"oid":"aa","size":12,"extra":{"oid":"nested","size":99}},
                       {"size":7,"oid":"bb","authenticated":true},
                       {"oid":"cc"},
                       5, "dd", [{"oid":"ee"}], null,
                       {"oid":3,"size":-4},
                       {"oid":"ff","size":1.5}],
            "hash_algo":"sha256"})");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->operation, "download");
    ASSERT_EQ(r->objects.size(), 9u);
    EXPECT_EQ(r->objects[0].oid, "aa");
    EXPECT_EQ(r->objects[0].size, 12u);
    EXPECT_EQ(r->objects[1].oid, "bb");
    EXPECT_EQ(r->objects[1].size, 7u);
    EXPECT_EQ(r->objects[2].oid, "cc");
    EXPECT_EQ(r->objects[2].size, 0u);
    for (std::size_t i = 3; i < 9; ++i) {
        if (i == 8) continue;
        EXPECT_EQ(r->objects[i].oid, "") << i;
        EXPECT_EQ(r->objects[i].size, 0u) << i;
    }
    EXPECT_EQ(r->objects[8].oid, "ff");
    EXPECT_EQ(r->objects[8].size, 0u);
}

TEST(Server_Lfs, BatchRequestWithoutAnObjectsArrayIsRefused) {
    EXPECT_FALSE(parse_lfs_batch_request(""));
    EXPECT_FALSE(parse_lfs_batch_request("not json"));
    EXPECT_FALSE(parse_lfs_batch_request(R"([{"objects":[]}])"));
    EXPECT_FALSE(parse_lfs_batch_request(R"({"operation":"download"})"));
    EXPECT_FALSE(parse_lfs_batch_request(R"({"operation":"download","objects":{}})"));
    EXPECT_FALSE(parse_lfs_batch_request(R"({"ref":{"objects":[]}})"));
    EXPECT_FALSE(parse_lfs_batch_request(R"({"objects":[{"oid":"aa"}])"));  // cut short
    const auto empty = parse_lfs_batch_request(R"({"objects":[]})");
    ASSERT_TRUE(empty);
    EXPECT_EQ(empty->operation, "");
    EXPECT_TRUE(empty->objects.empty());
}

}  // namespace
}  // namespace lectern::server
