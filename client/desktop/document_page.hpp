#pragma once
// What the document view shows for a document: its header (title, type, version, owner,
// review date) and its rendered body, as one page of HTML.

#include <string>
#include <string_view>
#include <vector>

#include "content/space.hpp"

namespace lectern::desktop {

/// The page for `doc`; `today` (YYYY-MM-DD) decides the "stale" mark.
std::string document_page_html(const content::Space& space, const content::Document& doc,
                               std::string_view today);

/// The anchors of the headings of `doc`'s body, in order (none for a quiz).
std::vector<std::string> heading_anchors(const content::Document& doc);

/// The body of `doc` alone, themed, with heading anchors (for the whole-script view).
std::string document_body_html(const content::Space& space, const content::Document& doc);

/// The page shown before a document is chosen: the space and the keys to start with.
std::string welcome_page_html(const content::Space& space);

}  // namespace lectern::desktop
