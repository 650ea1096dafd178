// The bundled sample space is the fixture of many tests: it must stay clean and complete.

#include <gtest/gtest.h>

#include "content/lint.hpp"
#include "content/space.hpp"
#include "render/script_flow.hpp"
#include "support/temp_space.hpp"

using namespace lectern;
using namespace lectern::content;

namespace {
const Space& sample() {
    static Diagnostics ignored;
    static const Space space = Space::load(LECTERN_SAMPLE_CONTENT, ignored);
    return space;
}
std::size_t count(DocumentType type, const std::string& lang = "") {
    std::size_t n = 0;
    for (const auto& d : sample().documents())
        n += d.type == type && (lang.empty() || d.lang == lang);
    return n;
}
}  // namespace

TEST(SampleContent, LintsClean) {
    const auto found = lint_space(LECTERN_SAMPLE_CONTENT);
    EXPECT_TRUE(found.items().empty()) << test::dump(found);
}

TEST(SampleContent, HasTheDocumentsTheProductPromises) {
    EXPECT_GE(count(DocumentType::Procedure, "en"), 12u);
    EXPECT_GE(count(DocumentType::Script, "en"), 6u);
    EXPECT_GE(count(DocumentType::Quiz), 2u);
    EXPECT_GE(sample().paths().size(), 1u);
    EXPECT_FALSE(sample().synonyms().empty());
    for (const char* id :
         {"vpn-security", "refund-request", "gdpr-customer-data", "internet-outage"}) {
        EXPECT_NE(sample().find_by_id(id), nullptr) << id;
    }
}

TEST(SampleContent, IsMultilingual) {
    for (const char* lang : {"pl", "nb", "et", "ru"}) {
        std::size_t n = 0;
        for (const auto& d : sample().documents()) n += d.lang == lang;
        EXPECT_GE(n, 2u) << lang;
    }
}

TEST(SampleContent, ScriptsBranch) {
    for (const auto& d : sample().documents()) {
        if (d.type != DocumentType::Script) continue;
        const auto flow = render::parse_script_flow(d.body);
        EXPECT_GE(flow.steps.size(), 3u) << d.path;
        std::size_t branching = 0;
        for (const auto& s : flow.steps) branching += s.choices.size() >= 2;
        EXPECT_GE(branching, 1u) << d.path << " has no step with two or more answers";
    }
}

TEST(SampleContent, DocumentVersionIsTheGitBlobId) {
    const Document* doc = sample().find_by_id("vpn-security");
    ASSERT_NE(doc, nullptr);
    EXPECT_EQ(doc->blob_id.size(), 40u);
}
