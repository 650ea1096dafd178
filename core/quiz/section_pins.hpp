#pragma once
// Questions pinned to the section of a document they test (`// section: id#anchor reviewed: H`).

#include <optional>
#include <string>
#include <string_view>

#include "common/diagnostic.hpp"
#include "quiz/gift.hpp"
#include "quiz/quiz.hpp"

namespace lectern::content {
class Space;
}

namespace lectern::quiz {

/// The Markdown of the section whose heading has this anchor: from the heading's line up to
/// the next heading of the same or a higher level. nullopt when no heading has the anchor.
std::optional<std::string> section_text(std::string_view markdown, std::string_view anchor);

/// 12 hex digits that change whenever the section's words change: a git blob id of the text
/// with line ends, trailing spaces and blank lines at either end left out.
std::string section_hash(std::string_view section_text);

/// The document and heading a pin names, or nullopt when it names nothing in the space.
std::optional<SectionRef> resolve_pin(const content::Space& space, const SectionPin& pin);

/// Lint of the pins of one quiz: a pin to a document or section that does not exist is an
/// error; a pin without `reviewed:` or whose section changed since (its hash differs) is a
/// warning that says the hash to write once the question has been checked.
void check_pins(const content::Space& space, const GiftBank& bank, Diagnostics& out);

}  // namespace lectern::quiz
