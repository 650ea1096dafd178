// Relevance on the sample content: the queries of tests/resources/relevance/queries.tsv,
// typed the way agents type mid-call, must put the named document in the top three.

#include <gtest/gtest.h>

#include <fstream>
#include <iomanip>
#include <sstream>

#include "search/space_index.hpp"
#include "unit/search_test_support.hpp"

using namespace lectern;
using namespace lectern::search;

namespace {

struct Case {
    std::string query;
    std::string expected;
    int line = 0;
};

std::vector<Case> load_cases() {
    std::ifstream in(LECTERN_RELEVANCE_SET);
    std::vector<Case> cases;
    int line_no = 0;
    for (std::string line; std::getline(in, line);) {
        ++line_no;
        if (line.empty() || line[0] == '#') continue;
        std::istringstream fields(line);
        Case c;
        std::getline(fields, c.query, '\t');
        std::getline(fields, c.expected, '\t');
        c.line = line_no;
        if (!c.query.empty() && !c.expected.empty()) cases.push_back(c);
    }
    return cases;
}

}  // namespace

TEST(SearchRelevance, SampleContentTop3AtLeast95Percent) {
    const auto cases = load_cases();
    ASSERT_GE(cases.size(), 40u) << "the relevance set at " << LECTERN_RELEVANCE_SET
                                 << " is too small";
    test::TempIndexDir dir;
    SpaceIndex index({LECTERN_SAMPLE_CONTENT, dir.path()});
    const IndexReport report = index.update();
    ASSERT_GT(report.documents, 20u);

    std::size_t in_top3 = 0;
    double reciprocal_ranks = 0;
    std::ostringstream misses;
    for (const auto& c : cases) {
        SearchRequest request;
        request.query = c.query;
        request.limit = 10;
        request.snippet_length = 0;
        const SearchResults r = index.search(request);
        std::size_t rank = 0;
        for (std::size_t i = 0; i < r.hits.size(); ++i) {
            if (r.hits[i].id == c.expected) {
                rank = i + 1;
                break;
            }
        }
        if (rank > 0) reciprocal_ranks += 1.0 / static_cast<double>(rank);
        if (rank >= 1 && rank <= 3) {
            ++in_top3;
        } else {
            misses << "  line " << c.line << ": '" << c.query << "' wants " << c.expected
                   << ", got";
            for (std::size_t i = 0; i < std::min<std::size_t>(3, r.hits.size()); ++i)
                misses << ' ' << r.hits[i].id;
            misses << (rank ? " (rank " + std::to_string(rank) + ")" : " (not in the first 10)")
                   << '\n';
        }
    }
    const double hit_rate = static_cast<double>(in_top3) / static_cast<double>(cases.size());
    const double mrr = reciprocal_ranks / static_cast<double>(cases.size());
    std::cout << std::fixed << std::setprecision(3) << "relevance: " << cases.size()
              << " queries, hit rate in top 3 = " << hit_rate << ", mean reciprocal rank = " << mrr
              << '\n'
              << misses.str();
    EXPECT_GE(hit_rate, 0.95) << misses.str();
}
