#pragma once
// The document view: one rendered document with its header.

#include <string>

#include <wx/panel.h>

#include "page_view.hpp"

namespace lectern::desktop {

class DocumentPanel : public wxPanel {
  public:
    explicit DocumentPanel(wxWindow* parent);

    PageView& view() { return *view_; }
    /// Shows a page and remembers which document it is ("" for none).
    void show(const std::string& document_id, const std::string& html);
    const std::string& document_id() const { return document_id_; }

  private:
    PageView* view_ = nullptr;
    std::string document_id_;
};

}  // namespace lectern::desktop
