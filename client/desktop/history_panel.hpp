#pragma once
// The History view of a document: its versions (date, version, author, message) and the
// word diff between any two of them. Keyboard: arrows and Enter in the list compare that
// version with the newest; Alt+F and Alt+T choose the two versions; Tab reaches the diff.

#include <functional>
#include <string>
#include <vector>

#include <wx/panel.h>

#include "history_model.hpp"
#include "page_view.hpp"

class wxChoice;
class wxListView;
class wxListEvent;
class wxStaticText;

namespace lectern::desktop {

class HistoryPanel : public wxPanel {
  public:
    explicit HistoryPanel(wxWindow* parent);

    /// Asked to compare two rows (indexes into the rows shown; `older` may be newer in time).
    std::function<void(std::size_t older, std::size_t newer)> on_compare;

    void show_loading(const wxString& title);
    /// The versions, newest first; `note` explains an empty list.
    void show_versions(const wxString& title, const DocumentHistory& history);
    /// Selects the two versions in the choices (as if the user had) without asking again.
    void select_pair(std::size_t older, std::size_t newer);
    void show_diff(const std::string& html);
    void show_error(const wxString& message);
    void focus_list();
    void set_font_size(int points);

    std::size_t row_count() const { return rows_; }
    bool diff_shown() const { return diff_shown_; }
    /// The page of the diff shown (for tests).
    const std::string& diff_html() const { return diff_html_; }
    PageView& diff_view() { return *diff_; }

  private:
    void on_activated(wxListEvent& event);
    void on_choice();

    wxStaticText* title_ = nullptr;
    wxStaticText* note_ = nullptr;
    wxListView* list_ = nullptr;
    wxChoice* older_ = nullptr;
    wxChoice* newer_ = nullptr;
    PageView* diff_ = nullptr;
    std::size_t rows_ = 0;
    bool diff_shown_ = false;
    std::string diff_html_;
};

}  // namespace lectern::desktop
