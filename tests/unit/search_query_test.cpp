// What a query finds in a small multilingual space: prefixes, stems, phrases, operators,
// filters, spelling, synonyms, diacritics, snippets. Real Xapian databases in temp folders.

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

#include "search/query_builder.hpp"
#include "search/space_index.hpp"
#include "support/temp_space.hpp"
#include "unit/search_test_support.hpp"

using namespace lectern;
using namespace lectern::search;
using lectern::test::ids;
using lectern::test::search_doc;

namespace {

class SearchQueryTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        space_ = std::make_unique<test::TempSpace>();
        index_dir_ = std::make_unique<test::TempIndexDir>();
        const auto& s = *space_;
        s.write("lectern.yaml", "title: Test space\nlanguages: [en, pl, nb, et, ru]\n");
        s.write(
            "synonyms.txt",
            "refund = money back, reimbursement\nbill = invoice\noutage = power cut, blackout\n");
        s.write("scripts/refund-request.md",
                search_doc("script", "refund-request", "Refund request", "en",
                           "## Greet the customer\n\nAsk why the customer wants the payment "
                           "returned. Check the "
                           "invoice for a double charge.\n",
                           "[refund, billing]"));
        s.write("procedures/power-cut.md",
                search_doc(
                    "procedure", "power-cut", "Power cut at home", "en",
                    "Check the fuse box first. Tell your supervisor; the router will stop too.\n",
                    "[outage, power]"));
        s.write(
            "procedures/router-reset.md",
            search_doc(
                "procedure", "router-reset", "Resetting the router", "en",
                "Unplug it, wait thirty seconds, plug it in again. If the light blinks red, call "
                "the `<helpdesk>` & wait.\n",
                "[internet]"));
        s.write("procedures/awaria.pl.md",
                search_doc("procedure", "awaria-pl", "Awaria internetu w domu", "pl",
                           "Gdy żółty wskaźnik miga, uruchom ponownie urządzenie. Zgłoś przerwę "
                           "przełożonemu.\n",
                           "[outage]"));
        s.write("procedures/strombrudd.nb.md",
                search_doc("procedure", "strombrudd-nb", "Strømbrudd hjemme", "nb",
                           "Når strømmen går, sjekk sikringsskapet og si fra til vaktleder.\n",
                           "[outage, power]"));
        s.write("scripts/closing.ru.md",
                search_doc("script", "closing-ru", "Завершение звонка", "ru",
                           "## Итог\n\nПодведите итог разговора и попрощайтесь с клиентом.\n"));
        s.write("procedures/tervis.et.md",
                search_doc("procedure", "tervis-et", "Halb enesetunne", "et",
                           "Kui tunned end halvasti, teavita juhti. Šärkus kinnitab puhkuse.\n"));
        index_ = std::make_unique<SpaceIndex>(IndexConfig{space_->root(), index_dir_->path()});
        const IndexReport report = index_->update();
        ASSERT_TRUE(report.problems.items().empty()) << test::dump(report.problems);
        ASSERT_EQ(report.documents, 7u);
    }
    static void TearDownTestSuite() {
        index_.reset();
        index_dir_.reset();
        space_.reset();
    }

    static SearchResults find(const std::string& query) {
        SearchRequest r;
        r.query = query;
        return index_->search(r);
    }
    static std::string first(const std::string& query) {
        const auto r = find(query);
        return r.hits.empty() ? std::string("(nothing)") : r.hits.front().id;
    }
    static bool has(const SearchResults& r, const std::string& id) {
        const auto found = ids(r);
        return std::find(found.begin(), found.end(), id) != found.end();
    }

    static std::unique_ptr<test::TempSpace> space_;
    static std::unique_ptr<test::TempIndexDir> index_dir_;
    static std::unique_ptr<SpaceIndex> index_;
};

std::unique_ptr<test::TempSpace> SearchQueryTest::space_;
std::unique_ptr<test::TempIndexDir> SearchQueryTest::index_dir_;
std::unique_ptr<SpaceIndex> SearchQueryTest::index_;

}  // namespace

TEST_F(SearchQueryTest, LastWordIsAPrefixWhileTyping) {
    EXPECT_EQ(first("r"), first("r"));  // one letter runs and is stable
    EXPECT_EQ(first("ref"), "refund-request");
    EXPECT_EQ(first("rou"), "router-reset");
    EXPECT_EQ(first("fuse b"), "power-cut");
    // A finished word (followed by a space) is no longer a prefix.
    EXPECT_TRUE(find("rou ").hits.empty());
}

TEST_F(SearchQueryTest, OneAndTwoLetterPrefixesExpandToBoundedTerms) {
    EXPECT_LT(max_prefix_expansion(1), max_prefix_expansion(2));
    EXPECT_LT(max_prefix_expansion(2), max_prefix_expansion(4));
    EXPECT_FALSE(find("p").hits.empty());
}

TEST_F(SearchQueryTest, WholeWordsMatchOtherFormsByStem) {
    EXPECT_EQ(first("refunds "), "refund-request");
    EXPECT_EQ(first("reset "), "router-reset");
    EXPECT_EQ(first("sikringsskap "), "strombrudd-nb");  // nb: sikringsskapet
    EXPECT_EQ(first("клиент "), "closing-ru");           // ru: клиентом
}

// "wait" and "box" are their own stems, indexed without a stem term: other forms of them
// still find them, as whole words and while typed, and are not taken for typos.
TEST_F(SearchQueryTest, WordsThatAreTheirOwnStemsAreFoundFromOtherForms) {
    const auto waits = find("waits ");
    EXPECT_EQ(ids(waits), std::vector<std::string>{"router-reset"});
    EXPECT_TRUE(waits.corrections.empty());
    EXPECT_EQ(ids(find("boxes ")), std::vector<std::string>{"power-cut"});
    EXPECT_EQ(ids(find("boxes")), std::vector<std::string>{"power-cut"});
}

TEST_F(SearchQueryTest, TitleOutweighsBody) {
    // "router" is in the title of router-reset and only in the body of power-cut.
    const auto r = find("router ");
    ASSERT_EQ(r.hits.size(), 2u);
    EXPECT_EQ(r.hits[0].id, "router-reset");
}

TEST_F(SearchQueryTest, PhrasesMatchWordsInOrder) {
    EXPECT_EQ(ids(find("\"fuse box\"")), std::vector<std::string>{"power-cut"});
    EXPECT_TRUE(find("\"box fuse\"").hits.empty());
}

TEST_F(SearchQueryTest, BooleanOperators) {
    EXPECT_EQ(ids(find("router AND fuse ")), std::vector<std::string>{"power-cut"});
    EXPECT_EQ(ids(find("router NOT fuse ")), std::vector<std::string>{"router-reset"});
    EXPECT_EQ(ids(find("router -fuse ")), std::vector<std::string>{"router-reset"});
    const auto either = find("fuse OR unplug ");
    EXPECT_TRUE(has(either, "power-cut"));
    EXPECT_TRUE(has(either, "router-reset"));
    EXPECT_EQ(ids(find("+router fuse ")).size(), 2u);
}

TEST_F(SearchQueryTest, FiltersByTypeTagLanguageAndId) {
    auto scripts = ids(find("type:script"));
    std::sort(scripts.begin(), scripts.end());
    EXPECT_EQ(scripts, (std::vector<std::string>{"closing-ru", "refund-request"}));
    auto outage = ids(find("tag:outage"));
    std::sort(outage.begin(), outage.end());
    EXPECT_EQ(outage, (std::vector<std::string>{"awaria-pl", "power-cut", "strombrudd-nb"}));
    EXPECT_EQ(ids(find("lang:pl")), std::vector<std::string>{"awaria-pl"});
    EXPECT_EQ(ids(find("id:power-cut")), std::vector<std::string>{"power-cut"});
    EXPECT_EQ(ids(find("outage lang:nb")), std::vector<std::string>{"strombrudd-nb"});

    SearchRequest r;
    r.query = "router ";
    r.types = {"procedure"};
    r.tags = {"power"};
    EXPECT_EQ(ids(index_->search(r)), std::vector<std::string>{"power-cut"});
}

TEST_F(SearchQueryTest, SyntaxErrorsBecomeNotesNotExceptions) {
    for (const char* q : {"\"fuse box", "router AND", "(router", "router)", "NOT", "AND OR NOT",
                          "\"", "-", "((("}) {
        SearchResults r;
        EXPECT_NO_THROW(r = find(q)) << q;
    }
    EXPECT_FALSE(find("\"fuse box").notes.empty());
    EXPECT_EQ(first("\"fuse box"), "power-cut");
    EXPECT_FALSE(find("router AND").notes.empty());
    EXPECT_EQ(first("(router"), "router-reset");
}

TEST_F(SearchQueryTest, MisspelledWordIsCorrectedAndTheResultSaysSo) {
    const auto r = find("refnud ");
    ASSERT_FALSE(r.hits.empty());
    EXPECT_EQ(r.hits.front().id, "refund-request");
    ASSERT_EQ(r.corrections.size(), 1u);
    EXPECT_EQ(r.corrections[0].typed, "refnud");
    EXPECT_EQ(r.corrections[0].used, "refund");
    EXPECT_EQ(r.corrected_query, "refund ");
    // A last word with no completion was misspelled, not unfinished.
    EXPECT_EQ(first("supervsor"), "power-cut");
    // Known words are left alone.
    EXPECT_TRUE(find("router ").corrections.empty());
}

TEST_F(SearchQueryTest, SynonymsFromSynonymsTxt) {
    EXPECT_EQ(first("reimbursement "), "refund-request");
    EXPECT_EQ(first("money back "), "refund-request");  // a phrase entry
    EXPECT_EQ(first("blackout "), "power-cut");
    SearchRequest r;
    r.query = "reimbursement ";
    r.synonyms = false;
    EXPECT_TRUE(index_->search(r).hits.empty());
}

TEST_F(SearchQueryTest, WordsTypedWithoutDiacriticsStillMatch) {
    EXPECT_EQ(first("zolty "), "awaria-pl");
    EXPECT_EQ(first("żółty "), "awaria-pl");
    EXPECT_EQ(first("sarkus "), "tervis-et");
    EXPECT_EQ(first("strombrudd "), "strombrudd-nb");
    EXPECT_EQ(first("przerw"), "awaria-pl");  // Polish has no stemmer: found by prefix
}

TEST_F(SearchQueryTest, ResultsCarryWhatTheFrontEndsShow) {
    const auto r = find("fuse ");
    ASSERT_EQ(r.hits.size(), 1u);
    const SearchHit& h = r.hits.front();
    EXPECT_EQ(h.id, "power-cut");
    EXPECT_EQ(h.title, "Power cut at home");
    EXPECT_EQ(h.type, "procedure");
    EXPECT_EQ(h.path, "procedures/power-cut.md");
    EXPECT_EQ(h.lang, "en");
    EXPECT_EQ(h.version.size(), 40u);
    EXPECT_GT(h.score, 0);
    EXPECT_NE(h.snippet.find("**fuse**"), std::string::npos) << h.snippet;
}

TEST_F(SearchQueryTest, SnippetsMarkStemsPrefixesAndEscapeHtml) {
    EXPECT_NE(find("клиент ").hits.at(0).snippet.find("**клиентом**"), std::string::npos);
    EXPECT_NE(find("zolty ").hits.at(0).snippet.find("**żółty**"), std::string::npos);
    EXPECT_NE(find("unpl").hits.at(0).snippet.find("**Unplug**"), std::string::npos);
    SearchRequest r;
    r.query = "helpdesk ";
    r.highlight = {"<mark>", "</mark>", true};
    const auto hits = index_->search(r).hits;
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_NE(hits[0].snippet.find("&lt;<mark>helpdesk</mark>&gt; &amp;"), std::string::npos)
        << hits[0].snippet;
}

TEST(SearchQuizText, CommentLinesAreNeitherIndexedNorShownInSnippets) {
    test::TempSpace space;
    space.write("lectern.yaml", "title: Test space\nlanguages: [en]\n");
    space.write("quizzes/wildlife.gift",
                "// zanzibarpin: a note for trainers, not for agents\n"
                "::Q1:: Which animal is a quokka? {=A small wallaby ~A parrot}\n");
    test::TempIndexDir dir;
    SpaceIndex index(IndexConfig{space.root(), dir.path()});
    index.update();
    SearchRequest request;
    request.query = "zanzibarpin";
    EXPECT_TRUE(index.search(request).hits.empty());
    request.query = "quokka";
    const auto found = index.search(request);
    ASSERT_EQ(ids(found), std::vector<std::string>{"wildlife"});
    EXPECT_EQ(found.hits[0].snippet.find("//"), std::string::npos) << found.hits[0].snippet;
}
