#pragma once
// The document view: one rendered document with its header.

#include <string>

#include <wx/panel.h>

#include "page_view.hpp"
#include "search_highlight.hpp"

namespace lectern::desktop {

class SignBar;

class DocumentPanel : public wxPanel {
  public:
    explicit DocumentPanel(wxWindow* parent);

    PageView& view() { return *view_; }
    /// Under the page: the sign-off of a procedure that asks for one.
    SignBar& sign_bar() { return *sign_bar_; }
    /// Shows a page and remembers which document it is ("" for none). The words of `terms`
    /// are marked and the view scrolls to the first.
    void show(const std::string& document_id, const std::string& html,
              const HighlightTerms& terms = {});
    const std::string& document_id() const { return document_id_; }
    /// How many words the last page marked.
    std::size_t highlighted() const { return highlighted_; }

  private:
    PageView* view_ = nullptr;
    SignBar* sign_bar_ = nullptr;
    std::string document_id_;
    std::size_t highlighted_ = 0;
};

}  // namespace lectern::desktop
