#pragma once
// The library's rows, drawn directly: only the rows on screen are ever laid out, so a group of
// tens of thousands of documents opens and scrolls as fast as one of ten.

#include <cstddef>
#include <functional>

#include <wx/font.h>
#include <wx/vlbox.h>

namespace lectern::desktop {

/// How one row looks.
struct RowLook {
    enum class Expander { None, Closed, Open };
    wxString label;
    wxString note;  ///< muted, after the label (a group's number of documents)
    int level = 0;  ///< indentation: the space 0, its groups 1, their documents 2
    Expander expander = Expander::None;
    bool bold = false;
    bool warning = false;  ///< a badge asks for attention: drawn in the warning colour
};

class LibraryList : public wxVListBox {
  public:
    using LookOf = std::function<RowLook(std::size_t row)>;

    LibraryList(wxWindow* parent, LookOf look_of);
    /// The rows changed: `count` of them, drawn anew.
    void set_row_count(std::size_t count);

  protected:
    void OnDrawItem(wxDC& dc, const wxRect& rect, size_t n) const override;
    wxCoord OnMeasureItem(size_t n) const override;

  private:
    LookOf look_of_;
    wxFont bold_font_;
    int row_height_ = 0;
    // Measured and looked up once: each row drawn would otherwise ask Pango and the theme.
    int text_height_ = 0;
    int bold_height_ = 0;
    wxColour selected_text_;
    wxColour warning_text_;
    wxColour muted_text_;
};

}  // namespace lectern::desktop
