#include <gtest/gtest.h>

#include "content/version.hpp"

TEST(Version, BlobIdIsWhatGitHashObjectPrints) {
    // printf 'hello\n' | git hash-object --stdin
    EXPECT_EQ(lectern::content::git_blob_id("hello\n"), "ce013625030ba8dba906f756967f9e9ca394464a");
    // git hash-object /dev/null
    EXPECT_EQ(lectern::content::git_blob_id(""), "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");
}
