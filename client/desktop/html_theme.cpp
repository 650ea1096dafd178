#include "html_theme.hpp"

namespace lectern::desktop {

namespace {

void replace_all(std::string& text, std::string_view from, std::string_view to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

// Puts `<a name>` before each heading, in order, for in-page links.
std::string anchor_headings(std::string html, const std::vector<std::string>& anchors) {
    std::size_t next = 0;
    std::size_t at = 0;
    while (next < anchors.size()) {
        at = html.find("<h", at);
        if (at == std::string::npos) break;
        const char level = at + 2 < html.size() ? html[at + 2] : '\0';
        if (level >= '1' && level <= '6') {
            const std::string mark = "<a name=\"" + escape_html(anchors[next++]) + "\"></a>";
            html.insert(at, mark);
            at += mark.size();
        }
        at += 2;
    }
    return html;
}

}  // namespace

std::string themed_body(std::string_view core_html,
                        const std::vector<std::string>& heading_anchors) {
    std::string html = anchor_headings(std::string(core_html), heading_anchors);
    const std::string heading_font = std::string("<font color=\"") + kHeadingColour + "\">";
    for (const char* level : {"1", "2", "3"}) {
        replace_all(html, std::string("<h") + level + ">",
                    std::string("<h") + level + ">" + heading_font);
        replace_all(html, std::string("</h") + level + ">",
                    std::string("</font></h") + level + ">");
    }
    // h2 { border-bottom } is left out: wxHtmlWindow's <hr> brings too much space with it.
    replace_all(html, "<table>", "<table border=\"1\" cellspacing=\"0\" cellpadding=\"5\">");
    replace_all(html, "<th>", std::string("<th align=\"left\" bgcolor=\"") + kPanelColour + "\">");
    replace_all(html, "<pre>",
                std::string("<table width=\"100%\" cellpadding=\"8\" bgcolor=\"") + kPanelColour +
                    "\"><tr><td><pre>");
    replace_all(html, "</pre>", "</pre></td></tr></table>");
    replace_all(html, "<blockquote>",
                std::string("<blockquote><font color=\"") + kMutedColour + "\">");
    replace_all(html, "</blockquote>", "</font></blockquote>");
    return html;
}

std::string page(std::string_view inner_html) {
    return std::string("<html><body bgcolor=\"#ffffff\" text=\"#1c1c1c\" link=\"") +
           kHeadingColour + "\" leftmargin=\"24\" topmargin=\"16\">" + std::string(inner_html) +
           "</body></html>";
}

}  // namespace lectern::desktop
