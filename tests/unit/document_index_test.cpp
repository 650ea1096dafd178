// Finding a space's documents by id and by path through DocumentIndex: every document indexed
// is found after the table grew many times, a key not indexed is not, and a second document
// with a key already taken is refused while the first stays.

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "content/document_index.hpp"

using namespace lectern::content;

namespace {

Document document(const std::string& id, const std::string& path) {
    Document doc;
    doc.id = id;
    doc.path = path;
    return doc;
}

}  // namespace

TEST(ContentDocumentIndex, FindsEveryDocumentAfterGrowingAndNothingElse) {
    std::vector<Document> docs;
    DocumentIndex by_id(&Document::id);
    DocumentIndex by_path(&Document::path);
    EXPECT_FALSE(by_id.find(docs, "anything"));
    for (int i = 0; i < 5000; ++i) {
        docs.push_back(document("doc-" + std::to_string(i), "procedures/p" + std::to_string(i)));
        EXPECT_TRUE(by_id.add(docs, docs.size() - 1));
        EXPECT_TRUE(by_path.add(docs, docs.size() - 1));
    }
    for (int i = 0; i < 5000; ++i) {
        ASSERT_EQ(by_id.find(docs, "doc-" + std::to_string(i)), static_cast<std::size_t>(i));
        ASSERT_EQ(by_path.find(docs, "procedures/p" + std::to_string(i)),
                  static_cast<std::size_t>(i));
    }
    EXPECT_FALSE(by_id.find(docs, "doc-5000"));
    EXPECT_FALSE(by_id.find(docs, "procedures/p1"));  // a path is not an id
    EXPECT_FALSE(by_path.find(docs, ""));
}

TEST(ContentDocumentIndex, KeyTakenAlreadyKeepsTheFirstDocument) {
    std::vector<Document> docs{document("same", "a.md"), document("same", "b.md")};
    DocumentIndex by_id(&Document::id);
    EXPECT_TRUE(by_id.add(docs, 0));
    EXPECT_FALSE(by_id.add(docs, 1));
    EXPECT_EQ(by_id.find(docs, "same"), 0u);
}

TEST(ContentDocumentIndex, ReservingRoomKeepsWhatWasIndexed) {
    std::vector<Document> docs;
    for (int i = 0; i < 3000; ++i)
        docs.push_back(document("doc-" + std::to_string(i), "p" + std::to_string(i)));
    DocumentIndex by_id(&Document::id);
    for (std::size_t i = 0; i < 100; ++i) EXPECT_TRUE(by_id.add(docs, i));
    by_id.reserve(docs, docs.size());
    for (std::size_t i = 100; i < docs.size(); ++i) EXPECT_TRUE(by_id.add(docs, i));
    for (int i = 0; i < 3000; ++i)
        ASSERT_EQ(by_id.find(docs, "doc-" + std::to_string(i)), static_cast<std::size_t>(i));
    EXPECT_FALSE(by_id.find(docs, "doc-3000"));
}
