#include "document_panel.hpp"

#include <algorithm>

#include <wx/sizer.h>

#include "sign_bar.hpp"

namespace lectern::desktop {

DocumentPanel::DocumentPanel(wxWindow* parent) : wxPanel(parent) {
    view_ = new PageView(this);
    view_->SetName("document-view");
    sign_bar_ = new SignBar(this);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(view_, 1, wxEXPAND);
    sizer->Add(sign_bar_, 0, wxEXPAND);
    SetSizer(sizer);
}

void DocumentPanel::show(const std::string& document_id, const std::string& html,
                         const HighlightTerms& terms) {
    document_id_ = document_id;
    html_ = html;
    headings_.clear();
    if (terms.empty()) {
        highlighted_ = 0;
        view_->show(html);
        return;
    }
    view_->show(highlight_html(html, terms, &highlighted_));
    if (highlighted_ > 0 && view_->scroll_to(kFirstMatchAnchor)) {
        // A few lines above the word, so the sentence around it shows too.
        int x = 0, y = 0;
        view_->GetViewStart(&x, &y);
        view_->Scroll(x, std::max(0, y - 3));
    }
}

ReadingPlace DocumentPanel::reading_place() const {
    const auto span = view_->visible_span();
    return desktop::reading_place(span.top, span.total, view_->heading_positions(headings_));
}

void DocumentPanel::resume(const ReadingPlace& was, const std::string& was_html) {
    const auto span = view_->visible_span();
    view_->scroll_to_pixel(
        resume_top(was, was_html == html_, span.total, view_->heading_positions(headings_)));
}

}  // namespace lectern::desktop
