#include "page_view.hpp"

#include <algorithm>

#include <wx/utils.h>

#include "content/document_view.hpp"
#include "render/markdown.hpp"
#include "wx_text.hpp"

namespace lectern::desktop {

PageView::PageView(wxWindow* parent, wxWindowID id)
    : wxHtmlWindow(parent, id, wxDefaultPosition, wxDefaultSize,
                   wxHW_SCROLLBAR_AUTO | wxHW_NO_SELECTION) {
    SetBorders(16);  // the stylesheet's body padding
    Bind(wxEVT_HTML_LINK_CLICKED, &PageView::on_link_clicked, this);
}

void PageView::show(const std::string& html) {
    SetPage(to_wx(html));
    Scroll(0, 0);
}

void PageView::set_font_size(int points) {
    // Sizes of <font size=1..7> around the base size, like browsers' medium = 3.
    int sizes[7] = {points - 4, points - 2, points,     points + 2,
                    points + 5, points + 9, points + 14};
    SetFonts(wxString(), wxString(), sizes);
}

bool PageView::scroll_to(const std::string& anchor) {
    return ScrollToAnchor(to_wx(anchor));
}

PageView::VisibleSpan PageView::visible_span() const {
    int x = 0, y = 0, unit_x = 0, unit_y = 0, width = 0, height = 0;
    GetViewStart(&x, &y);
    GetScrollPixelsPerUnit(&unit_x, &unit_y);
    GetClientSize(&width, &height);
    // The laid-out page, not the virtual size: right after SetPage() the scroll bars may still
    // be the previous page's.
    const wxHtmlContainerCell* page = GetInternalRepresentation();
    const int total = page ? page->GetHeight() : 0;
    if (total <= 0) return {};  // not laid out yet
    return {y * unit_y, height, total};
}

std::vector<HeadingAt> PageView::heading_positions(const std::vector<std::string>& anchors) const {
    std::vector<HeadingAt> found;
    const wxHtmlContainerCell* page = GetInternalRepresentation();
    if (!page) return found;
    for (const auto& anchor : anchors) {
        const wxString name = to_wx(anchor);
        const wxHtmlCell* cell = page->Find(wxHTML_COND_ISANCHOR, &name);
        if (!cell) continue;
        int y = 0;  // as ScrollToAnchor() measures it: the cell's and its parents' offsets
        for (; cell; cell = cell->GetParent()) y += cell->GetPosY();
        found.push_back({anchor, y});
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const HeadingAt& a, const HeadingAt& b) { return a.y < b.y; });
    return found;
}

void PageView::scroll_to_pixel(int top) {
    int unit_x = 0, unit_y = 0;
    GetScrollPixelsPerUnit(&unit_x, &unit_y);
    Scroll(-1, unit_y > 0 ? (std::max(0, top) + unit_y / 2) / unit_y : 0);
}

void PageView::on_link_clicked(wxHtmlLinkEvent& event) {
    const std::string href = from_wx(event.GetLinkInfo().GetHref());
    const std::string_view prefix = content::kDocumentLinkPrefix;
    if (href.starts_with('#')) {
        scroll_to(href.substr(1));
    } else if (href.starts_with(prefix)) {
        std::string rest = href.substr(prefix.size());
        std::string section;
        if (auto hash = rest.find('#'); hash != std::string::npos) {
            section = rest.substr(hash + 1);
            rest.resize(hash);
        }
        if (on_document_link_) on_document_link_(rest, section);
    } else if (render::is_external_or_anchor(href)) {
        // Core's renderer let only http(s), mailto and tel through.
        wxLaunchDefaultBrowser(to_wx(href));
    }
}

}  // namespace lectern::desktop
