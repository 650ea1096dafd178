#pragma once
// Search results: title, kind and snippet per line; arrows move, Enter opens.

#include <functional>
#include <string>
#include <vector>

#include <wx/panel.h>

#include "search_backend.hpp"

class wxStaticText;

namespace lectern::desktop {

class ResultList;

class SearchPanel : public wxPanel {
  public:
    explicit SearchPanel(wxWindow* parent);

    std::function<void(const SearchHit&)> on_open;

    void show_results(const std::string& query, const std::vector<SearchHit>& hits,
                      const std::string& error);
    /// Shows a list of documents that is not a search (the links of a document).
    void show_list(const wxString& status, const std::vector<SearchHit>& documents);
    /// Opens the selected result, or the first; false when there is none.
    bool open_selected();
    void focus_list();
    /// Moves the selection by `delta` rows, staying in range.
    void move_selection(int delta);
    const std::vector<SearchHit>& hits() const { return hits_; }
    /// Whether the search reads whole documents or titles only, for the hint shown.
    void set_full_text(bool full_text);

  private:
    wxStaticText* status_ = nullptr;
    ResultList* list_ = nullptr;
    std::vector<SearchHit> hits_;
    bool full_text_ = false;
};

}  // namespace lectern::desktop
