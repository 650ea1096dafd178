// The library pane's model: small groups are listed at once, a group of more documents than
// kListedAtOnce makes its entries apart, both are sorted by title; the rows the pane shows and
// its type-ahead.

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "content/space.hpp"
#include "library_model.hpp"
#include "library_rows.hpp"
#include "support/temp_space.hpp"
#include "wx_text.hpp"

using namespace lectern;
using namespace lectern::desktop;

namespace {

content::Document listed(const std::string& id, content::DocumentType type,
                         const std::string& title) {
    content::Document doc;
    doc.id = id;
    doc.type = type;
    doc.title = title;
    doc.lang = "en";
    doc.path = "procedures/" + id + ".md";
    return doc;
}

// `procedures` procedures titled in reverse order of their ids, and two scripts.
std::shared_ptr<const content::Space> space_of(const test::TempSpace& dir, std::size_t procedures) {
    std::vector<content::Document> docs;
    for (std::size_t i = 0; i < procedures; ++i) {
        docs.push_back(listed("p" + std::to_string(i), content::DocumentType::Procedure,
                              "Procedure " + std::to_string(900000 - i)));
    }
    docs.push_back(listed("s-b", content::DocumentType::Script, "beta script"));
    docs.push_back(listed("s-a", content::DocumentType::Script, "Alpha script"));
    Diagnostics ignored;
    return std::make_shared<const content::Space>(
        content::Space::assemble(dir.root(), std::move(docs), ignored));
}

}  // namespace

TEST(DesktopLibrary, SmallGroupsAreListedAtOnceSortedIgnoringCase) {
    test::TempSpace dir;
    const auto groups = library_groups(space_of(dir, 3), "2026-01-01");
    ASSERT_EQ(groups.size(), 5u);
    EXPECT_FALSE(groups[0].make_entries);
    ASSERT_EQ(groups[0].entries.size(), 3u);
    EXPECT_EQ(groups[0].entries.front().target.id, "p2");
    ASSERT_EQ(groups[1].entries.size(), 2u);
    EXPECT_EQ(from_wx(groups[1].entries[0].label), "Alpha script");
    EXPECT_EQ(from_wx(groups[1].entries[1].label), "beta script");
    EXPECT_EQ(groups[1].entries[0].target.view, View::Script);
}

TEST(DesktopLibrary, LargeGroupMakesItsEntriesWhenOpenedAndKnowsWhatItLists) {
    test::TempSpace dir;
    const std::size_t count = kListedAtOnce + 1;
    const auto groups = library_groups(space_of(dir, count), "2026-01-01");
    const auto& procedures = groups[0];
    ASSERT_TRUE(procedures.make_entries);
    EXPECT_TRUE(procedures.entries.empty());
    EXPECT_EQ(procedures.size, count);
    EXPECT_TRUE(procedures.lists({View::Document, "p7"}));
    EXPECT_FALSE(procedures.lists({View::Script, "p7"}));
    EXPECT_FALSE(procedures.lists({View::Script, "s-a"}));
    EXPECT_FALSE(procedures.lists({View::Document, "nowhere"}));
    const auto entries = procedures.make_entries();
    ASSERT_EQ(entries.size(), count);
    EXPECT_EQ(entries.front().target.id, "p" + std::to_string(count - 1));
    EXPECT_EQ(entries.back().target.id, "p0");
    // The small group beside it is listed at once.
    EXPECT_FALSE(groups[1].make_entries);
    EXPECT_EQ(groups[1].entries.size(), 2u);
}

TEST(DesktopLibrary, RowsListTheSpaceEachGroupAndTheEntriesOfOpenGroupsOnly) {
    test::TempSpace dir;
    const auto groups = library_groups(space_of(dir, 3), "2026-01-01");
    const auto closed = library_rows(groups, std::vector<bool>(groups.size(), false));
    ASSERT_EQ(closed.size(), 1 + groups.size());
    EXPECT_EQ(closed[0].kind, LibraryRow::Kind::Space);
    EXPECT_EQ(closed[1].kind, LibraryRow::Kind::Group);
    std::vector<bool> open(groups.size(), false);
    open[1] = true;  // the two scripts
    const auto rows = library_rows(groups, open);
    ASSERT_EQ(rows.size(), 1 + groups.size() + 2);
    EXPECT_EQ(rows[3].kind, LibraryRow::Kind::Entry);
    EXPECT_EQ(from_wx(row_label(rows[3], groups, "Space")), "Alpha script");
    EXPECT_EQ(row_of(rows, groups, {View::Script, "s-b"}), 4u);
    EXPECT_EQ(row_of(rows, groups, {View::Document, "p0"}), std::nullopt);  // group closed
}

TEST(DesktopLibrary, TypeAheadFindsTheNextRowStartingWithThePrefixIgnoringCase) {
    test::TempSpace dir;
    const auto groups = library_groups(space_of(dir, 3), "2026-01-01");
    const auto rows = library_rows(groups, std::vector<bool>(groups.size(), true));
    // Rows: space, Procedures, 3 procedures, Scripts, Alpha script, beta script, ...
    EXPECT_EQ(row_starting_with(rows, groups, "Space", 0, "B", false), 7u);
    EXPECT_EQ(row_starting_with(rows, groups, "Space", 0, "proc", false), 1u);
    // One letter again moves on; a longer prefix stays while the row matches.
    EXPECT_EQ(row_starting_with(rows, groups, "Space", 1, "p", false), 2u);
    EXPECT_EQ(row_starting_with(rows, groups, "Space", 2, "procedure 8", true), 2u);
    // Past the last row it wraps round to the space.
    EXPECT_EQ(row_starting_with(rows, groups, "Space", rows.size() - 1, "spa", false), 0u);
    EXPECT_EQ(row_starting_with(rows, groups, "Space", 0, "nothing", false), std::nullopt);
}
