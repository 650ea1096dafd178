#pragma once
// The rows of search results, drawn directly: a title with its kind, and under it up to two
// lines of the snippet with the matched words marked. Every row has the same height, so
// showing new results measures nothing: a keystroke's results appear without laying out
// HTML for rows that are not on screen.

#include <string>
#include <vector>

#include <wx/font.h>
#include <wx/vlbox.h>

namespace lectern::desktop {

struct ResultRow {
    wxString title;
    wxString kind;
    /// The snippet in pieces, each marked (a matched word) or not.
    std::vector<std::pair<wxString, bool>> snippet;
};

/// Splits a snippet with kMarkBegin/kMarkEnd around matched words into its pieces.
std::vector<std::pair<wxString, bool>> snippet_pieces(const std::string& snippet);

class ResultList : public wxVListBox {
  public:
    ResultList(wxWindow* parent, wxWindowID id);

    void set_rows(std::vector<ResultRow> rows);
    const std::vector<ResultRow>& rows() const { return rows_; }

  protected:
    void OnDrawItem(wxDC& dc, const wxRect& rect, size_t n) const override;
    wxCoord OnMeasureItem(size_t n) const override;

  private:
    void draw_snippet(wxDC& dc, const wxRect& area, const ResultRow& row) const;

    std::vector<ResultRow> rows_;
    wxFont title_font_;
    wxFont small_font_;
    wxFont marked_font_;
    int title_height_ = 0;
    int line_height_ = 0;
};

}  // namespace lectern::desktop
