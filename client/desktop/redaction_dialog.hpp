#pragma once
// The redaction editor of a lesson (trainers, in a space folder of their own): the key frame of
// one step with the regions to hide, drawn with the mouse or the keyboard, each with its time
// range, style and note; Save writes them into lesson.md (core/lesson/region_editing) for
// `lectern lesson redact` to apply.
//
// Keys in the drawing: N a new region in the middle, arrows move it (Ctrl: by one pixel),
// Shift+arrows resize it, Tab and Shift+Tab go from region to region, Delete removes one,
// B and P blur or pixelate it.
// Alt+F, Alt+T, Alt+Y, Alt+O reach From, To, Style and Note; Enter there returns to the
// drawing (Alt+D too). Ctrl+S saves, Esc closes (twice when something is unsaved).

#include <filesystem>
#include <string>
#include <vector>

#include <wx/dialog.h>

#include "lesson/lesson_document.hpp"
#include "region_editor.hpp"

class wxChoice;
class wxKeyEvent;
class wxListBox;
class wxStaticText;
class wxTextCtrl;

namespace lectern::desktop {

class RedactionCanvas;

struct RedactionSetup {
    std::filesystem::path lesson_md;
    std::filesystem::path frame;  ///< the key frame shown
    int step = 0;                 ///< from 0, for the title
    double at = 0;                ///< the step's time: new regions start here
    double frame_at = 0;          ///< the moment the key frame shows: the preview's time
    double duration = 0;
    int width = 0;
    int height = 0;
    std::vector<lesson::RedactionRegion> regions;
};

class RedactionDialog : public wxDialog {
  public:
    RedactionDialog(wxWindow* parent, RedactionSetup setup);

    /// Writes the regions into lesson.md; false (and the reason on the dialog) when it cannot.
    bool save();

    // What the GUI test looks at.
    const RegionEditor& editor() const { return editor_; }
    std::string status() const;

  private:
    void build();
    void on_char_hook(wxKeyEvent& event);
    bool drawing_key(wxKeyEvent& event);
    void edited();       // the drawing changed: list, fields and preview follow
    void show_fields();  // the selected region's values into the fields
    void take_fields();  // the fields into the selected region
    void refresh_list();
    void set_status(const wxString& text, bool problem = false);
    std::pair<double, double> new_times() const;

    RedactionSetup setup_;
    RegionEditor editor_;
    bool filling_ = false;  // the fields are being set from the region: no edit follows
    bool warned_unsaved_ = false;

    RedactionCanvas* canvas_ = nullptr;
    wxListBox* list_ = nullptr;
    wxTextCtrl* from_ = nullptr;
    wxTextCtrl* to_ = nullptr;
    wxChoice* style_ = nullptr;
    wxTextCtrl* note_ = nullptr;
    wxStaticText* box_text_ = nullptr;
    wxStaticText* status_ = nullptr;
};

/// The open redaction editor, or nullptr.
RedactionDialog* find_redaction_dialog();

}  // namespace lectern::desktop
