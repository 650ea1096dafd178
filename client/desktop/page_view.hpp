#pragma once
// A rendered page (wxHtmlWindow): follows in-page anchors itself, opens web links in the
// browser, and hands links to other documents to its owner.

#include <functional>
#include <string>

#include <wx/html/htmlwin.h>

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

  private:
    void on_link_clicked(wxHtmlLinkEvent& event);

    DocumentLinkHandler on_document_link_;
};

}  // namespace lectern::desktop
