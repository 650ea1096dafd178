#pragma once
// The document view: one rendered document with its header.

#include <string>
#include <vector>

#include <wx/panel.h>

#include "page_view.hpp"
#include "search_highlight.hpp"

namespace lectern::desktop {

class SignBar;

class DocumentPanel : public wxPanel {
  public:
    explicit DocumentPanel(wxWindow* parent);

    PageView& view() { return *view_; }
    const PageView& view() const { return *view_; }
    /// Under the page: the sign-off of a procedure that asks for one.
    SignBar& sign_bar() { return *sign_bar_; }
    /// Shows a page and remembers which document it is ("" for none). The words of `terms`
    /// are marked and the view scrolls to the first.
    void show(const std::string& document_id, const std::string& html,
              const HighlightTerms& terms = {});
    const std::string& document_id() const { return document_id_; }
    /// The page last shown, as given to show().
    const std::string& page_html() const { return html_; }
    /// The anchors of the shown document's headings, in order (document_page.hpp
    /// heading_anchors()), for reading_place(); show() forgets them.
    void set_headings(std::vector<std::string> anchors) { headings_ = std::move(anchors); }
    /// Where the reader is in the page.
    ReadingPlace reading_place() const;
    /// Scrolls the page just shown back to `was`, a place in `was_html` (resume_top()).
    void resume(const ReadingPlace& was, const std::string& was_html);
    /// How many words the last page marked.
    std::size_t highlighted() const { return highlighted_; }

  private:
    PageView* view_ = nullptr;
    SignBar* sign_bar_ = nullptr;
    std::string document_id_;
    std::string html_;
    std::vector<std::string> headings_;
    std::size_t highlighted_ = 0;
};

}  // namespace lectern::desktop
