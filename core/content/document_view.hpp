#pragma once
// A document of a space as a reader gets it: safe HTML with working links, or plain text.

#include <string>
#include <string_view>

#include "content/space.hpp"
#include "render/markdown.hpp"

namespace lectern::content {

/// Links between documents render as `lectern://document/ID` (plus `#section`), which the
/// front ends open inside the app.
inline constexpr std::string_view kDocumentLinkPrefix = "lectern://document/";

/// The body rendered to safe HTML, with links to other documents of the space resolved and
/// links to missing documents left as plain text. Quizzes render their GIFT source as text.
std::string document_html(const Space& space, const Document& doc);

/// A piece of Markdown written in `doc` (a call script's step, say) rendered the way
/// document_html() renders the whole body, with links resolved from the document's place.
std::string markdown_html(const Space& space, const Document& doc, std::string_view markdown);

/// The body's words without markup, for search and snippets.
std::string document_text(const Document& doc);

/// document_text() and the body's headings from one parse, for indexing. Quizzes have no
/// headings: their text is their GIFT source.
render::SearchableText document_searchable_text(const Document& doc);

}  // namespace lectern::content
