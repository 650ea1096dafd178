#pragma once
// Which documents a document points to: for "go to a linked document" in front ends, where
// links inside a page cannot be reached with the keyboard.

#include <vector>

#include "content/space.hpp"

namespace lectern::content {

/// The other documents of the space that `doc`'s body links to, in order of first mention,
/// each once. Links to missing documents, web links and in-page anchors are left out. Quizzes
/// (GIFT) have no links. Never throws on any body.
std::vector<const Document*> linked_documents(const Space& space, const Document& doc);

}  // namespace lectern::content
