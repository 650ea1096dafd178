#include <gtest/gtest.h>

#include "content/document_links.hpp"
#include "support/temp_space.hpp"

using namespace lectern;
using namespace lectern::content;

namespace {
std::vector<std::string> ids(const std::vector<const Document*>& docs) {
    std::vector<std::string> out;
    for (const auto* d : docs) out.push_back(d->id);
    return out;
}
}  // namespace

TEST(DocumentLinks, OtherDocumentsInOrderOfFirstMentionEachOnce) {
    test::TempSpace dir;
    dir.write("procedures/a.md", test::procedure("a",
                                                 "See [c](id:c#limits), [b](b.md), [c again](id:c),\n"
                                                 "[web](https://example.org), [here](#top), [self](id:a)\n"
                                                 "and [gone](id:missing).\n"));
    dir.write("procedures/b.md", test::procedure("b"));
    dir.write("procedures/c.md", test::procedure("c"));
    Diagnostics found;
    const auto space = Space::load(dir.root(), found);
    const Document* a = space.find_by_id("a");
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(ids(linked_documents(space, *a)), (std::vector<std::string>{"c", "b"}));
}

TEST(DocumentLinks, NoLinksNoDocuments) {
    test::TempSpace dir;
    dir.write("procedures/a.md", test::procedure("a", "Plain text.\n"));
    Diagnostics found;
    const auto space = Space::load(dir.root(), found);
    EXPECT_TRUE(linked_documents(space, *space.find_by_id("a")).empty());
}
