// The record the index keeps of each document (search/document_record): it reads back as
// written, lesson steps included, is stored compressed, and bytes that are not a record of
// this format (damaged, cut short, from another version) read as none instead of as garbage.

#include <gtest/gtest.h>

#include <string>

#include "search/document_record.hpp"

using namespace lectern::search;

namespace {

DocumentRecord lesson_record() {
    DocumentRecord r;
    r.id = "router-restart";
    r.title = "Restartowanie routera — krok po kroku";
    r.type = "lesson";
    r.lang = "pl";
    r.path = "lessons/router-restart/lesson.md";
    r.version = "0123456789abcdef0123456789abcdef01234567";
    for (int i = 0; i < 200; ++i) r.text += "Wyłącz router, odczekaj trzydzieści sekund. ";
    r.steps = {{0, "Odłącz zasilanie", "Wyjmij wtyczkę."}, {42.5, "Włącz", "Zielona dioda."}};
    return r;
}

}  // namespace

TEST(SearchDocumentRecord, ReadsBackAsWrittenWithItsSteps) {
    const DocumentRecord in = lesson_record();
    const auto out = deserialize_record(serialize(in));
    ASSERT_TRUE(out.has_value());
    EXPECT_EQ(out->id, in.id);
    EXPECT_EQ(out->title, in.title);
    EXPECT_EQ(out->type, in.type);
    EXPECT_EQ(out->lang, in.lang);
    EXPECT_EQ(out->path, in.path);
    EXPECT_EQ(out->version, in.version);
    EXPECT_EQ(out->text, in.text);
    ASSERT_EQ(out->steps.size(), 2u);
    EXPECT_DOUBLE_EQ(out->steps[1].at, 42.5);
    EXPECT_EQ(out->steps[1].caption, "Włącz");
    EXPECT_EQ(out->steps[0].text, "Wyjmij wtyczkę.");
}

TEST(SearchDocumentRecord, EmptyFieldsAndNoStepsReadBack) {
    const auto out = deserialize_record(serialize(DocumentRecord{}));
    ASSERT_TRUE(out.has_value());
    EXPECT_TRUE(out->id.empty());
    EXPECT_TRUE(out->text.empty());
    EXPECT_TRUE(out->steps.empty());
}

TEST(SearchDocumentRecord, IsStoredCompressed) {
    const DocumentRecord in = lesson_record();
    EXPECT_LT(serialize(in).size(), in.text.size() / 4);
}

TEST(SearchDocumentRecord, DamagedShortOrForeignBytesReadAsNone) {
    const std::string good = serialize(lesson_record());
    EXPECT_FALSE(deserialize_record("").has_value());
    EXPECT_FALSE(deserialize_record(good.substr(0, 1)).has_value());
    EXPECT_FALSE(deserialize_record(good.substr(0, good.size() / 2)).has_value());
    std::string spoiled = good;
    for (std::size_t i = good.size() / 2; i < good.size(); ++i) spoiled[i] ^= 0x5a;
    EXPECT_FALSE(deserialize_record(spoiled).has_value());
    std::string other_version = good;
    other_version[0] = 1;  // the uncompressed records of index format 6
    EXPECT_FALSE(deserialize_record(other_version).has_value());
    EXPECT_FALSE(deserialize_record(std::string(1, '\x02') + "not a zstd frame").has_value());
}
