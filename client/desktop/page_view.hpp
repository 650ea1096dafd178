#pragma once
// A rendered page (wxHtmlWindow): follows in-page anchors itself, opens web links in the
// browser, and hands links to other documents to its owner.

#include <functional>
#include <string>
#include <vector>

#include <wx/html/htmlwin.h>

#include "reading_place.hpp"

namespace lectern::desktop {

class PageView : public wxHtmlWindow {
  public:
    /// Called with the document id and section of a `lectern://document/ID#section` link.
    using DocumentLinkHandler =
        std::function<void(const std::string& id, const std::string& section)>;

    explicit PageView(wxWindow* parent, wxWindowID id = wxID_ANY);

    void set_document_link_handler(DocumentLinkHandler handler) {
        on_document_link_ = std::move(handler);
    }
    /// Shows a whole page (UTF-8 HTML) and scrolls to the top.
    void show(const std::string& html);
    /// Point size of normal text; headings scale with it.
    void set_font_size(int points);
    /// Scrolls to a heading's anchor; false when there is none.
    bool scroll_to(const std::string& anchor);

    /// What part of the page is on screen, in pixels: [top, top + height) of `total`.
    struct VisibleSpan {
        int top = 0;
        int height = 0;
        int total = 0;
    };
    VisibleSpan visible_span() const;
    /// Where the headings of these anchors are laid out, in page order; anchors not on the
    /// page are left out.
    std::vector<HeadingAt> heading_positions(const std::vector<std::string>& anchors) const;
    /// Scrolls so that the view starts at pixel row `top` (as near as the scroll step allows).
    void scroll_to_pixel(int top);

  private:
    void on_link_clicked(wxHtmlLinkEvent& event);

    DocumentLinkHandler on_document_link_;
};

}  // namespace lectern::desktop
