// Keeping the index up to date: git diffs touch only what changed, plain folders use file
// times, and a damaged or foreign index is rebuilt with a message, never a crash.

#include <gtest/gtest.h>

#include <xapian.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <thread>

#include "search/space_index.hpp"
#include "search/terms.hpp"
#include "support/temp_space.hpp"
#include "unit/search_test_support.hpp"

using namespace lectern;
using namespace lectern::search;
using lectern::test::git;
using lectern::test::ids;
using lectern::test::search_doc;

namespace {

std::string proc(const std::string& id, const std::string& title, const std::string& body) {
    return search_doc("procedure", id, title, "en", body);
}

std::vector<std::string> sorted(std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
}

SearchResults find(SpaceIndex& index, const std::string& query) {
    SearchRequest r;
    r.query = query;
    return index.search(r);
}

SearchResults find_in(const std::filesystem::path& index_dir, const std::string& query) {
    Searcher searcher(index_dir);
    SearchRequest r;
    r.query = query;
    return searcher.search(r);
}

std::string first_id_or_empty(const SearchResults& r) {
    return r.hits.empty() ? std::string() : r.hits.front().id;
}

// A space of `n` procedures, committed in a git repository of its own.
void write_git_space(const test::TempSpace& s, int n) {
    for (int i = 0; i < n; ++i) {
        const std::string id = "doc-" + std::to_string(i);
        s.write("procedures/" + id + ".md",
                proc(id, "Document " + std::to_string(i),
                     "Ordinary text number " + std::to_string(i) + ".\n"));
    }
    git(s.root(), "init -q");
    git(s.root(), "add -A");
    git(s.root(), "commit -q -m initial");
}

}  // namespace

TEST(SearchIncremental, TouchesOnlyChangedDocs) {
    test::TempSpace s;
    test::TempIndexDir dir;
    write_git_space(s, 30);
    SpaceIndex index({s.root(), dir.path()});
    const IndexReport first = index.update();
    EXPECT_EQ(first.source, ChangeSource::Rebuild);
    EXPECT_EQ(first.documents, 30u);
    EXPECT_EQ(first.commit.size(), 40u);

    // One edited, one added, one deleted, one renamed; 26 untouched.
    s.write("procedures/doc-1.md", proc("doc-1", "Document 1", "Now it speaks of a chargeback.\n"));
    s.write("procedures/new-one.md",
            proc("new-one", "A new document", "Brand new words: heliotrope.\n"));
    git(s.root(), "rm -q procedures/doc-2.md");
    git(s.root(), "mv procedures/doc-3.md procedures/doc-three.md");
    git(s.root(), "add -A");
    git(s.root(), "commit -q -m changes");

    const IndexReport second = index.update();
    EXPECT_EQ(second.source, ChangeSource::GitDiff);
    EXPECT_TRUE(second.rebuild_reason.empty());
    EXPECT_EQ(second.changed, std::vector<std::string>{"procedures/doc-1.md"});
    EXPECT_EQ(sorted(second.added),
              (std::vector<std::string>{"procedures/doc-three.md", "procedures/new-one.md"}));
    EXPECT_EQ(sorted(second.deleted),
              (std::vector<std::string>{"procedures/doc-2.md", "procedures/doc-3.md"}));
    ASSERT_EQ(second.renamed.size(), 1u);
    EXPECT_EQ(second.renamed[0].first, "procedures/doc-3.md");
    EXPECT_EQ(second.files_read,
              5u);  // both sides of the rename, the edit, the addition, the deletion
    EXPECT_EQ(second.documents, 30u);
    EXPECT_NE(second.commit, first.commit);

    EXPECT_EQ(ids(find(index, "chargeback ")), std::vector<std::string>{"doc-1"});
    EXPECT_EQ(ids(find(index, "heliotrope ")), std::vector<std::string>{"new-one"});
    EXPECT_TRUE(find(index, "id:doc-2").hits.empty());
    EXPECT_EQ(find(index, "id:doc-3").hits.at(0).path, "procedures/doc-three.md");

    // Nothing new: nothing read.
    const IndexReport third = index.update();
    EXPECT_EQ(third.source, ChangeSource::UpToDate);
    EXPECT_EQ(third.files_read, 0u);
}

TEST(SearchIncremental, UntouchedDocumentsKeepTheirXapianDocument) {
    test::TempSpace s;
    test::TempIndexDir dir;
    write_git_space(s, 5);
    update_index({s.root(), dir.path()});
    const auto docid_of = [&](const std::string& path) {
        Xapian::Database db(dir.path().string());
        auto p = db.postlist_begin("XP" + path);
        return p == db.postlist_end("XP" + path) ? 0u : *p;
    };
    const auto before = docid_of("procedures/doc-4.md");
    const auto last_before = Xapian::Database(dir.path().string()).get_lastdocid();
    s.write("procedures/doc-0.md", proc("doc-0", "Document 0", "Edited.\n"));
    git(s.root(), "commit -q -a -m edit");
    const IndexReport r = update_index({s.root(), dir.path()});
    EXPECT_EQ(r.changed, std::vector<std::string>{"procedures/doc-0.md"});
    EXPECT_EQ(docid_of("procedures/doc-4.md"), before);
    // replace_document keeps the edited document's id: no document was added.
    EXPECT_EQ(Xapian::Database(dir.path().string()).get_lastdocid(), last_before);
}

// Spelling data after updates is what a rebuild of the same files makes: words a changed
// document lost are counted down (and gone when no document has them), words it gained
// counted up, words it kept untouched.
TEST(SearchIncremental, SpellingDataMatchesARebuild) {
    test::TempSpace s;
    test::TempIndexDir dir, fresh;
    write_git_space(s, 4);
    update_index({s.root(), dir.path()});
    s.write("procedures/doc-1.md",
            proc("doc-1", "Document 1", "Ordinary words and a heliotrope, heliotrope.\n"));
    s.write("procedures/doc-2.md", proc("doc-2", "Document 2", "Nothing more here.\n"));
    git(s.root(), "rm -q procedures/doc-3.md");
    git(s.root(), "add -A");
    git(s.root(), "commit -q -m edit");
    const IndexReport r = update_index({s.root(), dir.path()});
    ASSERT_EQ(r.source, ChangeSource::GitDiff);
    UpdateOptions rebuild;
    rebuild.rebuild = true;
    update_index({s.root(), fresh.path()}, rebuild);

    const auto words = [](const std::filesystem::path& index) {
        Xapian::Database db(index.string());
        std::map<std::string, Xapian::doccount> out;
        for (auto w = db.spellings_begin(); w != db.spellings_end(); ++w)
            out[*w] = w.get_termfreq();
        return out;
    };
    const auto updated = words(dir.path());
    EXPECT_EQ(updated, words(fresh.path()));
    EXPECT_EQ(updated.count("heliotrope"), 1u);
    EXPECT_EQ(updated.at("ordinary"), 2u);  // doc-0 and doc-1; doc-2 and doc-3 lost it
    EXPECT_EQ(updated.count("number"), 1u);
}

// What the agent sees of it: a typo is corrected to a word only while some document still
// has that word.
TEST(SearchIncremental, SuggestionsFollowRemovedAndEditedDocuments) {
    test::TempSpace s;
    test::TempIndexDir dir;
    s.write("procedures/only.md", proc("only", "Only here", "A heliotrope stands alone.\n"));
    s.write("procedures/edited.md",
            proc("edited", "Edited later", "Chrysanthemum and marigold today.\n"));
    s.write("procedures/keeps.md", proc("keeps", "Keeps it", "A chrysanthemum stays.\n"));
    git(s.root(), "init -q");
    git(s.root(), "add -A");
    git(s.root(), "commit -q -m initial");
    SpaceIndex index({s.root(), dir.path()});
    index.update();
    const auto corrected_to = [&](const std::string& query) {
        const SearchResults r = find(index, query);
        return r.corrections.empty() ? std::string() : r.corrections.front().used;
    };
    ASSERT_EQ(corrected_to("heliotrpe "), "heliotrope");
    ASSERT_EQ(corrected_to("marigodl "), "marigold");
    ASSERT_EQ(corrected_to("chrysantemum "), "chrysanthemum");

    git(s.root(), "rm -q procedures/only.md");
    s.write("procedures/edited.md", proc("edited", "Edited later", "Nothing of flowers now.\n"));
    git(s.root(), "add -A");
    git(s.root(), "commit -q -m edit");
    ASSERT_EQ(index.update().source, ChangeSource::GitDiff);

    EXPECT_EQ(corrected_to("heliotrpe "), "");  // its only document was removed
    EXPECT_EQ(corrected_to("marigodl "), "");   // its only document no longer has it
    EXPECT_EQ(corrected_to("chrysantemum "), "chrysanthemum");  // "keeps" still has it
    EXPECT_EQ(ids(find(index, "chrysantemum ")), std::vector<std::string>{"keeps"});
}

TEST(SearchIncremental, UncommittedEditsAreIndexedAndRevisited) {
    test::TempSpace s;
    test::TempIndexDir dir;
    write_git_space(s, 3);
    SpaceIndex index({s.root(), dir.path()});
    index.update();
    s.write("procedures/doc-0.md", proc("doc-0", "Document 0", "Draft about marmalade.\n"));
    const IndexReport draft = index.update();
    EXPECT_EQ(draft.changed, std::vector<std::string>{"procedures/doc-0.md"});
    EXPECT_EQ(ids(find(index, "marmalade ")), std::vector<std::string>{"doc-0"});
    // The trainer throws the draft away: the committed text comes back.
    git(s.root(), "checkout -q -- procedures/doc-0.md");
    const IndexReport reverted = index.update();
    EXPECT_EQ(reverted.changed, std::vector<std::string>{"procedures/doc-0.md"});
    EXPECT_TRUE(find(index, "marmalade ").hits.empty());
}

// A rebuild reads the work tree while it looks for uncommitted edits: it indexes the draft
// and records it, so that throwing the draft away is noticed by the next update.
TEST(SearchRebuild, UncommittedEditsFoundWhileReadingAreRevisited) {
    test::TempSpace s;
    test::TempIndexDir dir;
    write_git_space(s, 3);
    s.write("procedures/doc-1.md", proc("doc-1", "Document 1", "Draft about quince jelly.\n"));
    SpaceIndex index({s.root(), dir.path()});
    const IndexReport built = index.update();
    EXPECT_EQ(built.source, ChangeSource::Rebuild);
    EXPECT_EQ(ids(find(index, "quince ")), std::vector<std::string>{"doc-1"});
    git(s.root(), "checkout -q -- procedures/doc-1.md");
    const IndexReport reverted = index.update();
    EXPECT_EQ(reverted.source, ChangeSource::GitDiff);
    EXPECT_EQ(reverted.changed, std::vector<std::string>{"procedures/doc-1.md"});
    EXPECT_TRUE(find(index, "quince ").hits.empty());
}

TEST(SearchIncremental, PlainFolderFallsBackToFileSizeAndTime) {
    test::TempSpace s;
    test::TempIndexDir dir;
    s.write("procedures/a.md", proc("a-doc", "Alpha", "First text.\n"));
    s.write("procedures/b.md", proc("b-doc", "Beta", "Second text.\n"));
    s.write("synonyms.txt", "alpha = first letter\n");
    SpaceIndex index({s.root(), dir.path()});
    EXPECT_EQ(index.update().source, ChangeSource::Rebuild);
    EXPECT_EQ(first_id_or_empty(find(index, "first letter")), "a-doc");

    s.write("procedures/b.md",
            proc("b-doc", "Beta", "Second text, now with quince and more words.\n"));
    std::filesystem::remove(s.root() / "procedures/a.md");
    s.write("synonyms.txt", "beta = second letter, b\n");
    const IndexReport r = index.update();
    EXPECT_EQ(r.source, ChangeSource::FileStamps);
    EXPECT_EQ(r.changed, std::vector<std::string>{"procedures/b.md"});
    EXPECT_EQ(r.deleted, std::vector<std::string>{"procedures/a.md"});
    EXPECT_EQ(ids(find(index, "quince ")), std::vector<std::string>{"b-doc"});
    EXPECT_EQ(ids(find(index, "second letter ")),
              std::vector<std::string>{"b-doc"});  // new synonyms
    EXPECT_EQ(index.update().source, ChangeSource::UpToDate);
}

TEST(SearchIncremental, DocumentWithBrokenFrontMatterLeavesTheIndexAndIsReported) {
    test::TempSpace s;
    test::TempIndexDir dir;
    s.write("procedures/a.md", proc("a-doc", "Alpha", "Apricot.\n"));
    SpaceIndex index({s.root(), dir.path()});
    index.update();
    s.write("procedures/a.md", "---\nid: a-doc\ntitle: [unclosed\n---\nApricot and more.\n");
    const IndexReport r = index.update();
    EXPECT_EQ(r.deleted, std::vector<std::string>{"procedures/a.md"});
    EXPECT_TRUE(r.problems.has_errors());
    EXPECT_TRUE(find(index, "apricot ").hits.empty());
}

TEST(SearchIncremental, CancelledUpdateLeavesTheIndexAsItWas) {
    test::TempSpace s;
    test::TempIndexDir dir;
    write_git_space(s, 4);
    update_index({s.root(), dir.path()});
    s.write("procedures/doc-0.md", proc("doc-0", "Document 0", "Persimmon.\n"));
    git(s.root(), "commit -q -a -m edit");
    CancelToken cancel;
    cancel.cancel();
    UpdateOptions options;
    options.progress.cancel = &cancel;
    EXPECT_TRUE(update_index({s.root(), dir.path()}, options).cancelled);
    Searcher searcher(dir.path());
    SearchRequest q;
    q.query = "persimmon ";
    EXPECT_TRUE(searcher.search(q).hits.empty());
    // The next update picks the change up.
    EXPECT_EQ(update_index({s.root(), dir.path()}).changed,
              std::vector<std::string>{"procedures/doc-0.md"});
    options.rebuild = true;  // a cancelled rebuild keeps the old index too
    EXPECT_TRUE(update_index({s.root(), dir.path()}, options).cancelled);
    searcher.reopen();
    EXPECT_EQ(ids(searcher.search(q)), std::vector<std::string>{"doc-0"});
}

TEST(SearchIncremental, ProgressIsReported) {
    test::TempSpace s;
    test::TempIndexDir dir;
    write_git_space(s, 3);
    std::size_t calls = 0;
    std::size_t last_total = 0;
    UpdateOptions options;
    options.progress.report = [&](const ProgressStep& p) {
        ++calls;
        last_total = p.total;
    };
    update_index({s.root(), dir.path()}, options);
    EXPECT_GE(calls, 2u);
    EXPECT_EQ(last_total, 3u);
}

// A plain folder of `n` procedures named in order, every one with "ordinary", the last one
// with "quince" too: enough documents for a rebuild in several parts on two threads.
void write_many(const test::TempSpace& s, int n) {
    for (int i = 0; i < n; ++i) {
        char name[16];
        std::snprintf(name, sizeof name, "doc-%04d", i);
        s.write(std::string("procedures/") + name + ".md",
                proc(name, std::string("Document ") + name,
                     i == n - 1 ? "Ordinary text and a quince.\n" : "Ordinary text.\n"));
    }
}

TEST(SearchRebuild, ManyDocumentsAreIndexedInPartsInTheirOrder) {
    test::TempSpace s;
    test::TempIndexDir dir;
    write_many(s, 1200);
    const IndexReport r = update_index({s.root(), dir.path()});
    EXPECT_EQ(r.source, ChangeSource::Rebuild);
    EXPECT_EQ(r.documents, 1200u);
    ASSERT_EQ(r.added.size(), 1200u);

    // Document ids follow the space's order across the parts, as one writer would give them.
    Xapian::Database db(dir.path().string());
    EXPECT_EQ(db.get_lastdocid(), 1200u);
    std::vector<std::string> paths;
    for (auto v = db.valuestream_begin(0); v != db.valuestream_end(0); ++v) paths.push_back(*v);
    EXPECT_EQ(paths, r.added);
    EXPECT_EQ(paths.front(), "procedures/doc-0000.md");
    EXPECT_EQ(paths.back(), "procedures/doc-1199.md");
    // The spelling counts of both threads add up; the index state was written.
    Xapian::doccount ordinary = 0;
    for (auto w = db.spellings_begin(); w != db.spellings_end(); ++w) {
        if (*w == "ordinary") ordinary = w.get_termfreq();
    }
    EXPECT_EQ(ordinary, 1200u);
    EXPECT_EQ(ids(find_in(dir.path(), "quince ")), std::vector<std::string>{"doc-1199"});
    EXPECT_EQ(update_index({s.root(), dir.path()}).source, ChangeSource::UpToDate);
    EXPECT_FALSE(std::filesystem::exists(dir.path().string() + ".new"));
    EXPECT_FALSE(std::filesystem::exists(dir.path().string() + ".new.parts"));
}

TEST(SearchRebuild, CancelledWhileIndexingKeepsTheOldIndexAndLeavesNoParts) {
    test::TempSpace s;
    test::TempIndexDir dir;
    s.write("procedures/old.md", proc("old-doc", "Old", "Tangerine.\n"));
    update_index({s.root(), dir.path()});
    write_many(s, 1200);
    CancelToken cancel;
    UpdateOptions options;
    options.rebuild = true;
    options.progress.cancel = &cancel;
    options.progress.report = [&](const ProgressStep& p) {
        if (p.phase == "indexing") cancel.cancel();
    };
    EXPECT_TRUE(update_index({s.root(), dir.path()}, options).cancelled);
    EXPECT_EQ(ids(find_in(dir.path(), "tangerine ")), std::vector<std::string>{"old-doc"});
    EXPECT_TRUE(find_in(dir.path(), "quince ").hits.empty());
    EXPECT_FALSE(std::filesystem::exists(dir.path().string() + ".new"));
    EXPECT_FALSE(std::filesystem::exists(dir.path().string() + ".new.parts"));
}

TEST(SearchRebuild, CorruptIndexIsRebuiltWithAMessage) {
    test::TempSpace s;
    test::TempIndexDir dir;
    s.write("procedures/a.md", proc("a-doc", "Alpha", "Nectarine.\n"));
    update_index({s.root(), dir.path()});
    // Overwrite every table with garbage, as a disk fault or a killed copy would.
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
        if (entry.path().extension() == ".glass" || entry.path().filename() == "iamglass") {
            std::ofstream out(entry.path(), std::ios::binary | std::ios::trunc);
            out << std::string(4096, '\x5a');
        }
    }
    const IndexReport r = update_index({s.root(), dir.path()});
    EXPECT_EQ(r.source, ChangeSource::Rebuild);
    EXPECT_NE(r.rebuild_reason.find("could not be read"), std::string::npos) << r.rebuild_reason;
    EXPECT_EQ(r.documents, 1u);
    Searcher searcher(dir.path());
    SearchRequest q;
    q.query = "nectarine ";
    EXPECT_EQ(ids(searcher.search(q)), std::vector<std::string>{"a-doc"});
}

TEST(SearchRebuild, SearchingADamagedIndexRebuildsItAndSaysSo) {
    test::TempSpace s;
    test::TempIndexDir dir;
    s.write("procedures/a.md", proc("a-doc", "Alpha", "Nectarine.\n"));
    SpaceIndex index({s.root(), dir.path()});
    index.update();
    std::filesystem::remove(dir.path() / "iamglass");
    { std::ofstream(dir.path() / "postlist.glass", std::ios::trunc) << "not a table"; }
    SpaceIndex fresh({s.root(), dir.path()});
    const SearchResults r = find(fresh, "nectarine ");
    EXPECT_EQ(ids(r), std::vector<std::string>{"a-doc"});
    ASSERT_FALSE(r.notes.empty());
    EXPECT_NE(r.notes.back().find("built"), std::string::npos) << r.notes.back();
}

TEST(SearchRebuild, DamagedStoredRecordRebuildsTheIndexAndSaysSo) {
    test::TempSpace s;
    test::TempIndexDir dir;
    s.write("procedures/a.md", proc("a-doc", "Alpha", "Nectarine.\n"));
    update_index({s.root(), dir.path()});
    {
        // The terms stay; only the record a result is shown from is spoiled.
        Xapian::WritableDatabase db(dir.path().string(), Xapian::DB_OPEN);
        Xapian::Document doc = db.get_document(1);
        std::string record = doc.get_value(terms::kSlotRecord);
        ASSERT_GT(record.size(), 8u);
        for (std::size_t i = 4; i < record.size(); ++i) record[i] = '\x5a';
        doc.add_value(terms::kSlotRecord, record);
        db.replace_document(1, doc);
        db.commit();
    }
    SpaceIndex index({s.root(), dir.path()});
    const SearchResults r = find(index, "nectarine ");
    EXPECT_EQ(ids(r), std::vector<std::string>{"a-doc"});
    ASSERT_FALSE(r.notes.empty());
    EXPECT_NE(r.notes.back().find("damaged"), std::string::npos) << r.notes.back();
    EXPECT_NE(r.notes.back().find("record of document 1"), std::string::npos) << r.notes.back();
}

TEST(SearchRebuild, IndexOfAnotherFormatIsRebuilt) {
    test::TempSpace s;
    test::TempIndexDir dir;
    s.write("procedures/a.md", proc("a-doc", "Alpha", "Nectarine.\n"));
    update_index({s.root(), dir.path()});
    {
        Xapian::WritableDatabase db(dir.path().string(), Xapian::DB_OPEN);
        db.set_metadata("lectern.format", "0999");
        db.commit();
    }
    const IndexReport r = update_index({s.root(), dir.path()});
    EXPECT_EQ(r.source, ChangeSource::Rebuild);
    EXPECT_NE(r.rebuild_reason.find("another version"), std::string::npos) << r.rebuild_reason;
}

TEST(SearchRebuild, MissingIndexIsBuiltOnFirstSearch) {
    test::TempSpace s;
    test::TempIndexDir dir;
    s.write("procedures/a.md", proc("a-doc", "Alpha", "Nectarine.\n"));
    EXPECT_THROW(Searcher{dir.path()}, Error);
    SpaceIndex index({s.root(), dir.path()});
    EXPECT_EQ(ids(find(index, "nectarine ")), std::vector<std::string>{"a-doc"});
}

TEST(SearchRebuild, SecondWriterGetsAClearErrorNotARebuild) {
    test::TempSpace s;
    test::TempIndexDir dir;
    s.write("procedures/a.md", proc("a-doc", "Alpha", "Nectarine.\n"));
    update_index({s.root(), dir.path()});
    Xapian::WritableDatabase holder(dir.path().string(), Xapian::DB_OPEN);
    s.write("procedures/a.md", proc("a-doc", "Alpha", "Nectarine, edited.\n"));
    try {
        update_index({s.root(), dir.path()});
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Io);
        EXPECT_NE(std::string(e.what()).find("another Lectern process"), std::string::npos)
            << e.what();
    }
}
