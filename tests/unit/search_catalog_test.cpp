// The index's catalog: what a front end lists before it reads any content file. It must list
// exactly what loading the space lists, and a document's file is read when it is opened.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include <nlohmann/json.hpp>

#include "content/space.hpp"
#include "search/catalog.hpp"
#include "search/index_writer.hpp"
#include "support/temp_space.hpp"
#include "unit/search_test_support.hpp"

using namespace lectern;
using namespace lectern::search;

namespace {

namespace fs = std::filesystem;

// The sample content copied, so that a test can change files.
void copy_sample(const fs::path& to) {
    fs::copy(LECTERN_SAMPLE_CONTENT, to,
             fs::copy_options::recursive | fs::copy_options::overwrite_existing);
}

}  // namespace

TEST(SearchCatalog, ListsTheSameDocumentsAsLoadingTheSpace) {
    test::TempIndexDir index;
    const IndexConfig config{LECTERN_SAMPLE_CONTENT, index.path()};
    update_index(config);
    const auto catalog = read_catalog(config);
    ASSERT_TRUE(catalog);

    Diagnostics found;
    const auto loaded = content::Space::load(LECTERN_SAMPLE_CONTENT, found);
    Diagnostics paths_found;
    const auto assembled = content::Space::assemble(LECTERN_SAMPLE_CONTENT, *catalog, paths_found);
    ASSERT_EQ(assembled.documents().size(), loaded.documents().size());
    for (const auto& doc : loaded.documents()) {
        const content::Document* listed = assembled.find_by_id(doc.id);
        ASSERT_NE(listed, nullptr) << doc.id;
        EXPECT_EQ(listed->type, doc.type) << doc.id;
        EXPECT_EQ(listed->title, doc.title) << doc.id;
        EXPECT_EQ(listed->lang, doc.lang) << doc.id;
        EXPECT_EQ(listed->owner, doc.owner) << doc.id;
        EXPECT_EQ(listed->updated, doc.updated) << doc.id;
        EXPECT_EQ(listed->summary, doc.summary) << doc.id;
        EXPECT_EQ(listed->tags, doc.tags) << doc.id;
        EXPECT_EQ(listed->translation_of, doc.translation_of) << doc.id;
        EXPECT_EQ(listed->review_by, doc.review_by) << doc.id;
        EXPECT_EQ(listed->signoff, doc.signoff) << doc.id;
        EXPECT_EQ(listed->audience, doc.audience) << doc.id;
        EXPECT_EQ(listed->path, doc.path) << doc.id;
        EXPECT_EQ(listed->blob_id, doc.blob_id) << doc.id;
        EXPECT_TRUE(listed->body.empty()) << doc.id << ": the catalog keeps no bodies";
        ASSERT_TRUE(listed->front_matter) << doc.id;
        if (doc.type == content::DocumentType::Quiz || doc.type == content::DocumentType::Lesson) {
            EXPECT_EQ(*listed->front_matter, *doc.front_matter) << doc.id;
        }
    }
    // Manifest, paths and synonyms come from their files.
    EXPECT_EQ(assembled.manifest().title, loaded.manifest().title);
    EXPECT_EQ(assembled.manifest().auto_lock_minutes, loaded.manifest().auto_lock_minutes);
    ASSERT_EQ(assembled.paths().size(), loaded.paths().size());
    for (std::size_t i = 0; i < loaded.paths().size(); ++i) {
        EXPECT_EQ(assembled.paths()[i].id, loaded.paths()[i].id);
        EXPECT_EQ(assembled.paths()[i].sections.size(), loaded.paths()[i].sections.size());
    }
    EXPECT_EQ(assembled.synonyms().size(), loaded.synonyms().size());
}

TEST(SearchCatalog, NoneWithoutAnIndexOrForAnotherSpace) {
    test::TempIndexDir index;
    EXPECT_FALSE(read_catalog({LECTERN_SAMPLE_CONTENT, index.path()}));

    test::TempSpace other;
    other.write("procedures/a.md", test::procedure("a"));
    update_index({other.root(), index.path()});
    EXPECT_TRUE(read_catalog({other.root(), index.path()}));
    EXPECT_FALSE(read_catalog({LECTERN_SAMPLE_CONTENT, index.path()}))
        << "an index made for another folder lists nothing for this one";
}

TEST(SearchCatalog, OpeningADocumentReadsItsFileAsItIsNow) {
    test::TempSpace space;
    space.write("procedures/vpn.md", test::procedure("vpn", "Connect first.\n"));
    test::TempIndexDir index;
    update_index({space.root(), index.path()});
    auto catalog = read_catalog({space.root(), index.path()});
    ASSERT_TRUE(catalog);
    Diagnostics found;
    const auto listed = content::Space::assemble(space.root(), std::move(*catalog), found);
    const std::string indexed_version = listed.find_by_id("vpn")->blob_id;

    auto opened = listed.read_document("procedures/vpn.md", found);
    ASSERT_TRUE(opened);
    EXPECT_NE(opened->body.find("Connect first."), std::string::npos);
    EXPECT_EQ(opened->blob_id, indexed_version);

    // Changed on disk after the index was written: opening it shows the file's text.
    space.write("procedures/vpn.md", test::procedure("vpn", "Connect twice.\n"));
    opened = listed.read_document("procedures/vpn.md", found);
    ASSERT_TRUE(opened);
    EXPECT_NE(opened->body.find("Connect twice."), std::string::npos);
    EXPECT_NE(opened->blob_id, indexed_version);

    fs::remove(space.root() / "procedures/vpn.md");
    EXPECT_FALSE(listed.read_document("procedures/vpn.md", found)) << "a file gone is no document";
}

TEST(SearchCatalog, AssemblingKeepsTheFirstOfDocumentsSharingAnIdOrPath) {
    test::TempSpace space;
    auto listed = [](const std::string& id, const std::string& path) {
        content::Document doc;
        doc.id = id;
        doc.path = path;
        return doc;
    };
    std::vector<content::Document> catalog{
        listed("a", "procedures/a.md"),  listed("a", "procedures/other.md"),
        listed("b", "procedures/a.md"),  listed("c", "procedures/c.md"),
        listed("c", "procedures/c2.md"), listed("d", "procedures/d.md")};
    Diagnostics found;
    const auto assembled = content::Space::assemble(space.root(), std::move(catalog), found);
    std::vector<std::string> ids;
    for (const auto& doc : assembled.documents()) ids.push_back(doc.id + " " + doc.path);
    EXPECT_EQ(ids, (std::vector<std::string>{"a procedures/a.md", "c procedures/c.md",
                                             "d procedures/d.md"}));
    ASSERT_TRUE(assembled.find_by_id("d"));
    EXPECT_EQ(assembled.find_by_id("d")->path, "procedures/d.md");
    EXPECT_EQ(assembled.find_by_path("procedures/c.md")->id, "c");
    EXPECT_FALSE(assembled.find_by_id("b"));
    EXPECT_FALSE(assembled.find_by_path("procedures/c2.md"));
}

TEST(SearchCatalog, AnUpdateListsWhatChangedOnDisk) {
    const test::TempSpace scratch(false);
    const fs::path root = scratch.root() / "content";
    copy_sample(root);
    test::TempIndexDir index;
    const IndexConfig config{root, index.path()};
    update_index(config);
    const auto before = read_catalog(config);
    ASSERT_TRUE(before);

    Diagnostics found;
    const auto loaded = content::Space::load(root, found);
    const content::Document& first = loaded.documents().front();
    const fs::path file = root / first.path;
    std::string text;
    {
        std::ifstream in(file, std::ios::binary);
        text.assign(std::istreambuf_iterator<char>(in), {});
    }
    text += "\nOne more line.\n";
    std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
    // Plain folders compare size and time: make sure the time moves.
    fs::last_write_time(file, fs::last_write_time(file) + std::chrono::seconds(5));
    update_index(config);
    const auto after = read_catalog(config);
    ASSERT_TRUE(after);
    ASSERT_EQ(after->size(), before->size());
    const auto assembled = content::Space::assemble(root, *after, found);
    Diagnostics again;
    EXPECT_EQ(assembled.find_by_id(first.id)->blob_id,
              content::Space::load(root, again).find_by_id(first.id)->blob_id);
    EXPECT_NE(assembled.find_by_id(first.id)->blob_id, first.blob_id);
}
