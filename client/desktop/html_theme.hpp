#pragma once
// The look of assets/styles/document.css for wxHtmlWindow, which reads almost no CSS: the
// same colours and spacing said with HTML 3 attributes.

#include <string>
#include <string_view>
#include <vector>

#include "render/markdown.hpp"

namespace lectern::desktop {

using render::escape_html;

/// Core's safe HTML with the stylesheet's colours, table borders and code backgrounds as
/// attributes. `heading_anchors` are the anchors of the body's headings in order (from
/// render::outline()); each heading gets `<a name>` so `#section` links can scroll to it.
std::string themed_body(std::string_view core_html,
                        const std::vector<std::string>& heading_anchors);

/// A whole page: the body colours and margins of the stylesheet around `inner_html`.
std::string page(std::string_view inner_html);

/// Colours of the stylesheet, for widgets around the pages.
inline constexpr const char* kHeadingColour = "#1f4e79";
inline constexpr const char* kMutedColour = "#3d4a57";
inline constexpr const char* kWarningColour = "#8a1c1c";
inline constexpr const char* kPanelColour = "#f2f4f7";

}  // namespace lectern::desktop
