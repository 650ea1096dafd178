#include "document_panel.hpp"

#include <wx/sizer.h>

namespace lectern::desktop {

DocumentPanel::DocumentPanel(wxWindow* parent) : wxPanel(parent) {
    view_ = new PageView(this);
    view_->SetName("document-view");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(view_, 1, wxEXPAND);
    SetSizer(sizer);
}

void DocumentPanel::show(const std::string& document_id, const std::string& html) {
    document_id_ = document_id;
    view_->show(html);
}

}  // namespace lectern::desktop
