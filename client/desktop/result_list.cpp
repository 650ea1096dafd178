#include "result_list.hpp"

#include <wx/dc.h>
#include <wx/dcclient.h>

#include "html_theme.hpp"
#include "search_backend.hpp"
#include "wx_text.hpp"

namespace lectern::desktop {

namespace {

constexpr int kPadding = 6;
constexpr int kSnippetLines = 2;
const wxColour kMarkBackground("#ffe58a");

}  // namespace

std::vector<std::pair<wxString, bool>> snippet_pieces(const std::string& snippet) {
    std::vector<std::pair<wxString, bool>> out;
    std::string piece;
    bool marked = false;
    const auto flush = [&] {
        if (!piece.empty()) out.emplace_back(to_wx(piece), marked);
        piece.clear();
    };
    for (const char c : snippet) {
        if (c == kMarkBegin[0]) {
            flush();
            marked = true;
        } else if (c == kMarkEnd[0]) {
            flush();
            marked = false;
        } else {
            piece += c == '\n' ? ' ' : c;
        }
    }
    flush();
    return out;
}

ResultList::ResultList(wxWindow* parent, wxWindowID id)
    : wxVListBox(parent, id, wxDefaultPosition, wxDefaultSize, wxBORDER_NONE) {
    title_font_ = GetFont().Bold();
    small_font_ = GetFont().Scaled(0.9f);
    marked_font_ = small_font_.Bold();
    wxClientDC dc(this);
    dc.SetFont(title_font_);
    title_height_ = dc.GetCharHeight();
    dc.SetFont(marked_font_);
    line_height_ = dc.GetCharHeight();
}

void ResultList::set_rows(std::vector<ResultRow> rows) {
    rows_ = std::move(rows);
    SetItemCount(rows_.size());
    RefreshAll();
}

wxCoord ResultList::OnMeasureItem(size_t) const {
    return kPadding + title_height_ + 2 + kSnippetLines * line_height_ + kPadding;
}

void ResultList::OnDrawItem(wxDC& dc, const wxRect& rect, size_t n) const {
    if (n >= rows_.size()) return;
    const ResultRow& row = rows_[n];
    wxDCClipper clip(dc, rect);
    const int left = rect.x + kPadding;
    int y = rect.y + kPadding;
    dc.SetBackgroundMode(wxBRUSHSTYLE_TRANSPARENT);
    dc.SetFont(title_font_);
    dc.SetTextForeground(wxColour(kHeadingColour));
    dc.DrawText(row.title, left, y);
    const int title_width = dc.GetTextExtent(row.title).GetWidth();
    dc.SetFont(small_font_);
    dc.SetTextForeground(wxColour(kMutedColour));
    dc.DrawText(row.kind, left + title_width + 2 * kPadding,
                y + title_height_ - dc.GetCharHeight());
    y += title_height_ + 2;
    draw_snippet(dc, wxRect(left, y, rect.width - 2 * kPadding, kSnippetLines * line_height_), row);
}

// Word by word, wrapped at the row's width; what does not fit in the lines ends with "…".
void ResultList::draw_snippet(wxDC& dc, const wxRect& area, const ResultRow& row) const {
    int x = area.x;
    int line = 0;
    dc.SetTextForeground(wxColour(kMutedColour));
    for (const auto& [text, marked] : row.snippet) {
        dc.SetFont(marked ? marked_font_ : small_font_);
        std::size_t start = 0;
        while (start < text.size()) {
            // A word with the spaces after it.
            std::size_t end = text.find(' ', start);
            end = end == wxString::npos ? text.size() : text.find_first_not_of(' ', end);
            if (end == wxString::npos) end = text.size();
            const wxString word = text.substr(start, end - start);
            const int width = dc.GetTextExtent(word).GetWidth();
            if (x + width > area.GetRight() && x > area.x) {
                if (++line >= kSnippetLines) {
                    dc.SetFont(small_font_);
                    const wxString more = wxString::FromUTF8("\u2026");
                    dc.DrawText(more,
                                std::min(x, area.GetRight() - dc.GetTextExtent(more).GetWidth()),
                                area.y + (kSnippetLines - 1) * line_height_);
                    return;
                }
                x = area.x;
            }
            const int y = area.y + line * line_height_;
            if (marked) {
                dc.SetBrush(wxBrush(kMarkBackground));
                dc.SetPen(*wxTRANSPARENT_PEN);
                dc.DrawRectangle(x, y, dc.GetTextExtent(word.Strip(wxString::trailing)).GetWidth(),
                                 line_height_);
            }
            dc.DrawText(word, x, y);
            x += width;
            start = end;
        }
    }
}

}  // namespace lectern::desktop
