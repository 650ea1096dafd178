// The tree cache of incremental indexing (search/incremental/tree_cache): the diff takes the
// indexed commit's large trees from it and finds the same changes as without it; a damaged,
// truncated, foreign or stale cache is ignored, and the index stays right.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "search/incremental/git_space.hpp"
#include "search/incremental/tree_cache.hpp"
#include "search/index_writer.hpp"
#include "search/space_index.hpp"
#include "support/temp_space.hpp"
#include "unit/search_test_support.hpp"

using namespace lectern;
using namespace lectern::search;
using lectern::search::incremental::GitSpace;
using lectern::search::incremental::kCachedTreeMinEntries;
using lectern::search::incremental::TreeCache;
using lectern::search::incremental::TreeChanges;
using lectern::test::git;
using lectern::test::ids;

namespace fs = std::filesystem;

namespace {

// Enough procedures for their folder to be cached.
const int kDocs = static_cast<int>(kCachedTreeMinEntries) + 4;

std::string proc(const std::string& id, const std::string& body) {
    return test::search_doc("procedure", id, "Document " + id, "en", body);
}

void write_git_space(const test::TempSpace& s) {
    for (int i = 0; i < kDocs; ++i) {
        const std::string id = "doc-" + std::to_string(i);
        s.write("procedures/" + id + ".md", proc(id, "Ordinary text number " + id + ".\n"));
    }
    s.write("scripts/greeting.md",
            test::search_doc("script", "greeting", "Greeting", "en", "Say hello.\n"));
    git(s.root(), "init -q");
    git(s.root(), "add -A");
    git(s.root(), "commit -q -m initial");
}

void commit_all(const test::TempSpace& s, const std::string& message) {
    git(s.root(), "add -A");
    git(s.root(), "commit -q -m " + message);
}

std::vector<std::string> sorted(std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
}

void expect_same_changes(const TreeChanges& a, const TreeChanges& b) {
    EXPECT_EQ(sorted(a.added), sorted(b.added));
    EXPECT_EQ(sorted(a.modified), sorted(b.modified));
    EXPECT_EQ(sorted(a.deleted), sorted(b.deleted));
    EXPECT_EQ(a.renamed, b.renamed);
}

std::string read_bytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_bytes(const fs::path& p, const std::string& bytes) {
    std::ofstream(p, std::ios::binary | std::ios::trunc) << bytes;
}

SearchResults find(const fs::path& index_dir, const std::string& query) {
    Searcher searcher(index_dir);
    SearchRequest r;
    r.query = query;
    return searcher.search(r);
}

}  // namespace

TEST(SearchTreeCache, OldTreesComeFromTheCacheAndTheChangesAreTheSame) {
    test::TempSpace s;
    write_git_space(s);
    auto space = GitSpace::open(s.root());
    ASSERT_TRUE(space);
    const std::string first = space->head_commit();
    s.write("procedures/doc-1.md", proc("doc-1", "Edited once.\n"));
    commit_all(s, "second");
    const std::string second = space->head_commit();

    // An empty cache: both sides are read, and the large folder of `second` is kept.
    TreeCache cache;
    const auto cold = space->diff(first, second, &cache);
    ASSERT_TRUE(cold);
    EXPECT_EQ(cold->trees_from_cache, 0u);
    EXPECT_EQ(cold->modified, std::vector<std::string>{"procedures/doc-1.md"});
    EXPECT_EQ(cache.size(), 1u);  // procedures/; the top folder and scripts/ are small

    // Next: an edit, a rename, a deletion, an addition and a new folder, all in the large folder.
    s.write("procedures/doc-2.md", proc("doc-2", "Edited.\n"));
    git(s.root(), "mv procedures/doc-3.md procedures/doc-three.md");
    git(s.root(), "rm -q procedures/doc-4.md");
    s.write("procedures/new.md", proc("new", "New.\n"));
    s.write("procedures/billing/refunds.md", proc("refunds", "Refunds.\n"));
    commit_all(s, "third");
    const std::string third = space->head_commit();

    const auto warm = space->diff(second, third, &cache);
    const auto plain = space->diff(second, third);
    ASSERT_TRUE(warm);
    ASSERT_TRUE(plain);
    EXPECT_EQ(warm->trees_from_cache, 1u);
    EXPECT_EQ(warm->trees_read, plain->trees_read - 1);
    expect_same_changes(*warm, *plain);
    EXPECT_EQ(warm->modified, std::vector<std::string>{"procedures/doc-2.md"});
    EXPECT_EQ(sorted(warm->added),
              (std::vector<std::string>{"procedures/billing/refunds.md", "procedures/new.md"}));
    EXPECT_EQ(warm->deleted, std::vector<std::string>{"procedures/doc-4.md"});
    ASSERT_EQ(warm->renamed.size(), 1u);
    EXPECT_EQ(warm->renamed[0].first, "procedures/doc-3.md");
    EXPECT_EQ(warm->renamed[0].second, "procedures/doc-three.md");

    // A change elsewhere keeps the large folder in the cache, and a later diff that deletes
    // the whole folder lists every file of it from the cache.
    s.write("scripts/greeting.md",
            test::search_doc("script", "greeting", "Greeting", "en", "Say hi.\n"));
    commit_all(s, "fourth");
    const std::string fourth = space->head_commit();
    const auto elsewhere = space->diff(third, fourth, &cache);
    ASSERT_TRUE(elsewhere);
    EXPECT_EQ(elsewhere->trees_from_cache, 0u);
    EXPECT_EQ(cache.size(), 1u);
    git(s.root(), "rm -q -r procedures");
    commit_all(s, "fifth");
    const auto gone = space->diff(fourth, space->head_commit(), &cache);
    ASSERT_TRUE(gone);
    EXPECT_EQ(gone->trees_from_cache, 1u);
    EXPECT_EQ(gone->deleted.size(), static_cast<std::size_t>(kDocs) + 1);  // + billing/refunds
    EXPECT_EQ(cache.size(), 0u);
}

TEST(SearchTreeCache, DamagedTruncatedForeignOrStaleFileGivesAnEmptyCache) {
    test::TempSpace s;
    test::TempIndexDir dir;
    write_git_space(s);
    auto space = GitSpace::open(s.root());
    ASSERT_TRUE(space);
    const std::string first = space->head_commit();
    s.write("procedures/doc-1.md", proc("doc-1", "Edited.\n"));
    commit_all(s, "second");
    const std::string second = space->head_commit();
    TreeCache cache;
    ASSERT_TRUE(space->diff(first, second, &cache));
    ASSERT_EQ(cache.size(), 1u);

    fs::create_directories(dir.path());
    const fs::path file = dir.path() / TreeCache::kFileName;
    ASSERT_TRUE(cache.save(file, second));
    EXPECT_EQ(TreeCache::load(file, second).size(), 1u);
    EXPECT_EQ(TreeCache::load(file, first).size(), 0u);  // written for another commit
    EXPECT_EQ(TreeCache::load(dir.path() / "missing", second).size(), 0u);

    const std::string good = read_bytes(file);
    std::string flipped = good;
    flipped[good.size() / 2] = static_cast<char>(flipped[good.size() / 2] ^ 0x20);
    write_bytes(file, flipped);
    EXPECT_EQ(TreeCache::load(file, second).size(), 0u);
    write_bytes(file, good.substr(0, good.size() - 100));
    EXPECT_EQ(TreeCache::load(file, second).size(), 0u);
    write_bytes(file, "");
    EXPECT_EQ(TreeCache::load(file, second).size(), 0u);
    write_bytes(file, std::string(good.size(), 'x'));
    EXPECT_EQ(TreeCache::load(file, second).size(), 0u);
    write_bytes(file, good);
    EXPECT_EQ(TreeCache::load(file, second).size(), 1u);
}

// Through update_index: the cache is written next to the index after an update, a stale or
// damaged one is ignored (renames and deletions still land), and a rebuild takes it away with
// the old index.
TEST(SearchTreeCache, IndexStaysRightWithAStaleOrDamagedCache) {
    test::TempSpace s;
    test::TempIndexDir dir;
    write_git_space(s);
    const IndexConfig config{s.root(), dir.path()};
    update_index(config);
    const fs::path file = dir.path() / TreeCache::kFileName;
    EXPECT_FALSE(fs::exists(file));  // a rebuild reads no trees

    s.write("procedures/doc-1.md", proc("doc-1", "Now it speaks of a chargeback.\n"));
    commit_all(s, "second");
    EXPECT_EQ(update_index(config).changed, std::vector<std::string>{"procedures/doc-1.md"});
    ASSERT_TRUE(fs::exists(file));
    const std::string of_second = read_bytes(file);

    // Stale: the cache of the commit before, under an index of the commit after.
    s.write("procedures/doc-2.md", proc("doc-2", "Speaks of heliotrope.\n"));
    commit_all(s, "third");
    update_index(config);
    write_bytes(file, of_second);
    git(s.root(), "mv procedures/doc-3.md procedures/doc-three.md");
    git(s.root(), "rm -q procedures/doc-4.md");
    commit_all(s, "fourth");
    const IndexReport stale = update_index(config);
    ASSERT_EQ(stale.renamed.size(), 1u);
    EXPECT_EQ(stale.renamed[0].second, "procedures/doc-three.md");
    EXPECT_EQ(sorted(stale.deleted),
              (std::vector<std::string>{"procedures/doc-3.md", "procedures/doc-4.md"}));

    // Damaged: one byte changed.
    std::string damaged = read_bytes(file);
    damaged[damaged.size() / 3] = static_cast<char>(damaged[damaged.size() / 3] ^ 1);
    write_bytes(file, damaged);
    git(s.root(), "rm -q procedures/doc-5.md");
    s.write("procedures/doc-6.md", proc("doc-6", "Speaks of a zeppelin.\n"));
    commit_all(s, "fifth");
    const IndexReport after_damage = update_index(config);
    EXPECT_EQ(after_damage.deleted, std::vector<std::string>{"procedures/doc-5.md"});
    EXPECT_EQ(after_damage.changed, std::vector<std::string>{"procedures/doc-6.md"});

    EXPECT_EQ(ids(find(dir.path(), "chargeback ")), std::vector<std::string>{"doc-1"});
    EXPECT_EQ(ids(find(dir.path(), "heliotrope ")), std::vector<std::string>{"doc-2"});
    EXPECT_EQ(ids(find(dir.path(), "zeppelin ")), std::vector<std::string>{"doc-6"});
    EXPECT_EQ(find(dir.path(), "id:doc-3").hits.at(0).path, "procedures/doc-three.md");
    EXPECT_TRUE(find(dir.path(), "id:doc-4").hits.empty());
    EXPECT_TRUE(find(dir.path(), "id:doc-5").hits.empty());

    // The same index as a rebuild of the same commit: every document, once.
    EXPECT_EQ(after_damage.documents, static_cast<std::size_t>(kDocs) + 1 - 2);

    // A rebuild swaps in a new folder: the cache goes with the old index.
    ASSERT_TRUE(fs::exists(file));
    UpdateOptions rebuild;
    rebuild.rebuild = true;
    const IndexReport rebuilt = update_index(config, rebuild);
    EXPECT_EQ(rebuilt.source, ChangeSource::Rebuild);
    EXPECT_EQ(rebuilt.documents, after_damage.documents);
    EXPECT_FALSE(fs::exists(file));
}
