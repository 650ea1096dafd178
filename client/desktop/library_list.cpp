#include "library_list.hpp"

#include <algorithm>

#include <wx/dc.h>
#include <wx/dcclient.h>
#include <wx/settings.h>

#include "html_theme.hpp"

namespace lectern::desktop {

namespace {

constexpr int kPadding = 4;
constexpr int kIndent = 16;

}  // namespace

LibraryList::LibraryList(wxWindow* parent, LookOf look_of)
    : wxVListBox(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxBORDER_NONE),
      look_of_(std::move(look_of)) {
    bold_font_ = GetFont().Bold();
    wxClientDC dc(this);
    dc.SetFont(GetFont());
    text_height_ = dc.GetCharHeight();
    dc.SetFont(bold_font_);
    bold_height_ = dc.GetCharHeight();
    row_height_ = std::max(text_height_, bold_height_) + 2 * kPadding;
    selected_text_ = wxSystemSettings::GetColour(wxSYS_COLOUR_HIGHLIGHTTEXT);
    warning_text_ = wxColour(kWarningColour);
    muted_text_ = wxColour(kMutedColour);
}

void LibraryList::set_row_count(std::size_t count) {
    SetItemCount(count);
    RefreshAll();
}

wxCoord LibraryList::OnMeasureItem(size_t) const {
    return row_height_;
}

void LibraryList::OnDrawItem(wxDC& dc, const wxRect& rect, size_t n) const {
    const RowLook look = look_of_(n);
    wxDCClipper clip(dc, rect);
    const bool selected = IsSelected(n);
    const wxColour text = selected       ? wxSystemSettings::GetColour(wxSYS_COLOUR_HIGHLIGHTTEXT)
                          : look.warning ? wxColour(kWarningColour)
                                         : GetForegroundColour();
    dc.SetBackgroundMode(wxBRUSHSTYLE_TRANSPARENT);
    dc.SetFont(look.bold ? bold_font_ : GetFont());
    const int height = dc.GetCharHeight();
    const int y = rect.y + (rect.height - height) / 2;
    int x = rect.x + kPadding + look.level * kIndent;
    if (look.expander != RowLook::Expander::None) {
        // A small triangle: pointing right when closed, down when open.
        const int size = height / 3;
        const wxPoint centre(x - kIndent / 2, rect.y + rect.height / 2);
        dc.SetPen(*wxTRANSPARENT_PEN);
        dc.SetBrush(wxBrush(text));
        if (look.expander == RowLook::Expander::Closed) {
            const wxPoint points[] = {{centre.x - size / 2, centre.y - size},
                                      {centre.x - size / 2, centre.y + size},
                                      {centre.x + size / 2 + 1, centre.y}};
            dc.DrawPolygon(3, points);
        } else {
            const wxPoint points[] = {{centre.x - size, centre.y - size / 2},
                                      {centre.x + size, centre.y - size / 2},
                                      {centre.x, centre.y + size / 2 + 1}};
            dc.DrawPolygon(3, points);
        }
    }
    dc.SetTextForeground(text);
    dc.DrawText(look.label, x, y);
    if (!look.note.empty()) {
        x += dc.GetTextExtent(look.label).GetWidth() + 2 * kPadding;
        dc.SetFont(GetFont());
        dc.SetTextForeground(selected ? text : muted_text_);
        dc.DrawText(look.note, x, y);
    }
}

}  // namespace lectern::desktop
