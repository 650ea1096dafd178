#include "redaction_dialog.hpp"

#include <charconv>
#include <cmath>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listbox.h>
#include <wx/log.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "common/error.hpp"
#include "lesson/region_editing.hpp"
#include "lesson/video_info.hpp"
#include "redaction_canvas.hpp"
#include "wx_text.hpp"

namespace lectern::desktop {

namespace {

const char* const kDialogName = "redaction-editor";

// Seconds as the fields show them: "3.2", "12", never the locale's decimal comma (the file
// takes a point).
wxString seconds_text(double t) {
    char out[32];
    auto [end, ec] = std::to_chars(out, out + sizeof out, std::round(t * 100) / 100,
                                   std::chars_format::fixed, 2);
    std::string s(out, ec == std::errc() ? end : out);
    while (s.find('.') != std::string::npos && (s.back() == '0' || s.back() == '.')) {
        const bool point = s.back() == '.';
        s.pop_back();
        if (point) break;
    }
    return to_wx(s);
}

// "2.5" or "2,5" seconds; nullopt for anything else.
std::optional<double> parse_seconds(wxString text) {
    text.Trim().Trim(false);
    text.Replace(",", ".");
    const std::string s = from_wx(text);
    double value = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (s.empty() || ec != std::errc() || end != s.data() + s.size() || !(value >= 0))
        return std::nullopt;
    return value;
}

wxString region_label(const lesson::RedactionRegion& r, int index) {
    const wxString until = r.to < 0 ? wxString(_("the end")) : to_wx(lesson::format_time(r.to));
    // TRANSLATORS: a redaction region in the editor's list: its number, box in video pixels
    // (x, y, width x height), its time range and style, e.g.
    // "1. 240,157 160×45 · 0:03 – the end · pixelate".
    wxString label = wxString::Format(
        _("%d. %d,%d %d\u00d7%d \u00b7 %s \u2013 %s \u00b7 %s"), index + 1, r.box.x, r.box.y,
        r.box.width, r.box.height, to_wx(lesson::format_time(r.from)), until,
        r.style == lesson::RedactStyle::Blur ? _("blur") : _("pixelate"));
    if (!r.note.empty()) label += " \u00b7 " + to_wx(r.note);
    return label;
}

}  // namespace

RedactionDialog::RedactionDialog(wxWindow* parent, RedactionSetup setup)
    : wxDialog(parent, wxID_ANY,
               // TRANSLATORS: title of the redaction editor; %d is the step's number.
               wxString::Format(_("Redact regions \u2014 step %d"), setup.step + 1),
               wxDefaultPosition, wxSize(1080, 720), wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER,
               kDialogName),
      setup_(std::move(setup)),
      editor_(setup_.width, setup_.height, setup_.regions) {
    build();
    Bind(wxEVT_CHAR_HOOK, &RedactionDialog::on_char_hook, this);
    refresh_list();
    show_fields();
    canvas_->SetFocus();
}

void RedactionDialog::build() {
    wxImage frame;
    if (!setup_.frame.empty() && std::filesystem::exists(setup_.frame)) {
        wxLogNull quiet;  // a damaged frame shows grey, not a dialog
        frame.LoadFile(setup_.frame.string());
    }
    canvas_ =
        new RedactionCanvas(this, editor_, frame, setup_.frame_at, [this] { return new_times(); });
    canvas_->on_edit = [this] { edited(); };

    list_ = new wxListBox(this, wxID_ANY);
    list_->SetName("redact-regions");
    list_->SetMinSize(wxSize(300, 120));
    list_->Bind(wxEVT_LISTBOX, [this](wxCommandEvent& e) {
        editor_.select(e.GetSelection());
        show_fields();
        canvas_->Refresh();
    });
    // TRANSLATORS: button of the redaction editor; N is its key.
    auto* add = new wxButton(this, wxID_ANY, _("New region (N)"));
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const auto [from, to] = new_times();
        editor_.add_centred(from, to);
        edited();
        canvas_->SetFocus();
    });
    // TRANSLATORS: button of the redaction editor; Delete is its key.
    auto* remove = new wxButton(this, wxID_ANY, _("Remove (Delete)"));
    remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        editor_.remove_current();
        edited();
    });

    // TRANSLATORS: field of a redaction region: when it starts to be hidden, in seconds.
    auto* from_label = new wxStaticText(this, wxID_ANY, _("&From (seconds):"));
    from_ =
        new wxTextCtrl(this, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
    from_->SetName("redact-from");
    // TRANSLATORS: field of a redaction region: when it stops being hidden, in seconds.
    auto* to_label = new wxStaticText(this, wxID_ANY, _("&To (seconds):"));
    to_ = new wxTextCtrl(this, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
    to_->SetName("redact-to");
    // TRANSLATORS: placeholder of the To field when empty; %s is the video's length.
    to_->SetHint(wxString::Format(_("the end (%s)"), seconds_text(setup_.duration)));
    // TRANSLATORS: field of a redaction region: pixelate or blur.
    auto* style_label = new wxStaticText(this, wxID_ANY, _("St&yle:"));
    style_ = new wxChoice(this, wxID_ANY);
    style_->SetName("redact-style");
    // TRANSLATORS: a redaction style: the region is shown as large blocks of colour.
    style_->Append(_("Pixelate"));
    // TRANSLATORS: a redaction style: the region is blurred.
    style_->Append(_("Blur"));
    // TRANSLATORS: field of a redaction region: what it hides, for the trainer.
    auto* note_label = new wxStaticText(this, wxID_ANY, _("N&ote:"));
    note_ =
        new wxTextCtrl(this, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
    note_->SetName("redact-note");
    box_text_ = new wxStaticText(this, wxID_ANY, {});
    box_text_->SetName("redact-box");

    for (wxTextCtrl* field : {from_, to_, note_}) {
        field->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { take_fields(); });
        field->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { canvas_->SetFocus(); });
    }
    style_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { take_fields(); });

    auto* fields = new wxFlexGridSizer(2, 6, 8);
    fields->AddGrowableCol(1);
    for (auto [label, control] : std::initializer_list<std::pair<wxWindow*, wxWindow*>>{
             {from_label, from_}, {to_label, to_}, {style_label, style_}, {note_label, note_}}) {
        fields->Add(label, 0, wxALIGN_CENTER_VERTICAL);
        fields->Add(control, 1, wxEXPAND);
    }

    auto* keys = new wxStaticText(
        this, wxID_ANY,
        _("Drag with the mouse to draw a region, or: N new region \u00b7 arrows move it (Ctrl: "
          "by one pixel) \u00b7 Shift+arrows resize it \u00b7 Tab next region \u00b7 Delete "
          "removes it \u00b7 B\u00a0blur, P\u00a0pixelate \u00b7 Alt+F, Alt+T, Alt+Y, Alt+O the "
          "fields, "
          "Enter back to the picture "
          "\u00b7 Ctrl+S saves \u00b7 Esc closes"));
    keys->SetForegroundColour(wxColour(90, 90, 90));
    status_ = new wxStaticText(this, wxID_ANY, {});
    status_->SetName("redact-status");

    // TRANSLATORS: heading of the list of regions in the redaction editor.
    auto* right = new wxBoxSizer(wxVERTICAL);
    right->Add(new wxStaticText(this, wxID_ANY, _("Regions to hide:")), 0, wxBOTTOM, 4);
    right->Add(list_, 1, wxEXPAND);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(add, 0, wxRIGHT, 4);
    buttons->Add(remove, 0);
    right->Add(buttons, 0, wxTOP | wxBOTTOM, 6);
    right->Add(box_text_, 0, wxBOTTOM, 6);
    right->Add(fields, 0, wxEXPAND);

    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(canvas_, 1, wxEXPAND | wxRIGHT, 10);
    top->Add(right, 0, wxEXPAND);

    // TRANSLATORS: button of the redaction editor: write the regions into lesson.md.
    auto* save_button = new wxButton(this, wxID_SAVE, _("&Save (Ctrl+S)"));
    save_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (save()) EndModal(wxID_OK);
    });
    auto* cancel = new wxButton(this, wxID_CANCEL, _("Close"));
    auto* bottom = new wxBoxSizer(wxHORIZONTAL);
    bottom->Add(status_, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, 10);
    bottom->Add(save_button, 0, wxRIGHT, 6);
    bottom->Add(cancel, 0);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(top, 1, wxEXPAND | wxALL, 10);
    sizer->Add(keys, 0, wxEXPAND | wxLEFT | wxRIGHT, 10);
    sizer->Add(bottom, 0, wxEXPAND | wxALL, 10);
    SetSizer(sizer);
    keys->Wrap(1040);
    Layout();
}

std::pair<double, double> RedactionDialog::new_times() const {
    return {setup_.at, -1};  // from the step shown to the end of the video
}

void RedactionDialog::refresh_list() {
    wxArrayString items;
    const auto& regions = editor_.regions();
    for (std::size_t i = 0; i < regions.size(); ++i) items.Add(region_label(regions[i], int(i)));
    if (list_->GetStrings() != items) list_->Set(items);
    if (editor_.selected() >= 0) list_->SetSelection(editor_.selected());
}

void RedactionDialog::show_fields() {
    filling_ = true;
    const lesson::RedactionRegion* r = editor_.current();
    for (wxWindow* field : std::initializer_list<wxWindow*>{from_, to_, style_, note_})
        field->Enable(r != nullptr);
    if (r) {
        from_->ChangeValue(seconds_text(r->from));
        to_->ChangeValue(r->to < 0 ? wxString() : seconds_text(r->to));
        style_->SetSelection(r->style == lesson::RedactStyle::Blur ? 1 : 0);
        note_->ChangeValue(to_wx(r->note));
        // TRANSLATORS: the selected region's box in video pixels.
        box_text_->SetLabel(wxString::Format(_("Box: x %d, y %d, %d \u00d7 %d video pixels"),
                                             r->box.x, r->box.y, r->box.width, r->box.height));
    } else {
        from_->ChangeValue({});
        to_->ChangeValue({});
        note_->ChangeValue({});
        box_text_->SetLabel(_("No region: press N or drag in the picture."));
    }
    filling_ = false;
}

void RedactionDialog::take_fields() {
    lesson::RedactionRegion* r = editor_.current();
    if (filling_ || !r) return;
    const auto from = parse_seconds(from_->GetValue());
    const bool to_end = to_->GetValue().Strip(wxString::both).empty();
    const auto to = to_end ? std::optional<double>(-1) : parse_seconds(to_->GetValue());
    if (!from || !to) {
        set_status(_("Times are seconds, like 12.5; an empty To lasts to the end."), true);
        return;
    }
    r->from = *from;
    r->to = *to;
    r->style =
        style_->GetSelection() == 1 ? lesson::RedactStyle::Blur : lesson::RedactStyle::Pixelate;
    r->note = from_wx(note_->GetValue());
    editor_.touch();
    set_status({});
    refresh_list();
    canvas_->regions_changed();
}

void RedactionDialog::edited() {
    warned_unsaved_ = false;
    refresh_list();
    show_fields();
    canvas_->regions_changed();
    set_status({});
}

void RedactionDialog::set_status(const wxString& text, bool problem) {
    status_->SetForegroundColour(problem ? wxColour(170, 40, 0) : GetForegroundColour());
    status_->SetLabel(text);
    Layout();
}

std::string RedactionDialog::status() const {
    return from_wx(status_->GetLabel());
}

bool RedactionDialog::save() {
    try {
        lesson::save_regions(setup_.lesson_md, editor_.regions());
        return true;
    } catch (const Error& e) {
        // TRANSLATORS: the regions could not be written into lesson.md; %s says why.
        set_status(wxString::Format(_("Not saved: %s"), to_wx(e.what())), true);
        return false;
    }
}

bool RedactionDialog::drawing_key(wxKeyEvent& event) {
    const int key = event.GetKeyCode();
    const int mods = event.GetModifiers();
    int dx = 0, dy = 0;
    switch (key) {
        case WXK_LEFT:
            dx = -1;
            break;
        case WXK_RIGHT:
            dx = 1;
            break;
        case WXK_UP:
            dy = -1;
            break;
        case WXK_DOWN:
            dy = 1;
            break;
        default:
            break;
    }
    if (dx || dy) {
        if (mods == wxMOD_SHIFT) {
            editor_.resize(dx * editor_.step(), dy * editor_.step());
        } else if (mods == wxMOD_CONTROL) {
            editor_.move(dx, dy);
        } else if (mods == wxMOD_NONE) {
            editor_.move(dx * editor_.step(), dy * editor_.step());
        } else {
            return false;
        }
        edited();
        return true;
    }
    if (key == WXK_TAB && (mods == wxMOD_NONE || mods == wxMOD_SHIFT) &&
        editor_.regions().size() > 1) {
        editor_.select_next(mods == wxMOD_SHIFT);
        edited();
        return true;
    }
    if (mods != wxMOD_NONE && mods != wxMOD_SHIFT) return false;
    if ((key == 'B' || key == 'P') && editor_.current()) {
        editor_.current()->style =
            key == 'B' ? lesson::RedactStyle::Blur : lesson::RedactStyle::Pixelate;
        editor_.touch();
        edited();
        return true;
    }
    if (key == 'N') {
        const auto [from, to] = new_times();
        editor_.add_centred(from, to);
        edited();
        return true;
    }
    if (key == WXK_DELETE || key == WXK_NUMPAD_DELETE || key == WXK_BACK) {
        editor_.remove_current();
        edited();
        return true;
    }
    return false;
}

void RedactionDialog::on_char_hook(wxKeyEvent& event) {
    const int key = event.GetKeyCode();
    const int mods = event.GetModifiers();
    if (key == WXK_ESCAPE) {
        if (editor_.changed() && !warned_unsaved_) {
            warned_unsaved_ = true;
            set_status(_("Not saved yet: Ctrl+S saves, Esc again closes without saving."), true);
            return;
        }
        EndModal(wxID_CANCEL);
        return;
    }
    if (key == 'S' && mods == wxMOD_CONTROL) {
        if (save()) EndModal(wxID_OK);
        return;
    }
    if (mods == wxMOD_ALT) {
        wxWindow* target = nullptr;
        switch (key) {
            case 'F':
                target = from_;
                break;
            case 'T':
                target = to_;
                break;
            case 'Y':
                target = style_;
                break;
            case 'O':
                target = note_;
                break;
            case 'D':
                target = canvas_;
                break;
            default:
                break;
        }
        if (target && target->IsEnabled()) {
            target->SetFocus();
            if (auto* text = dynamic_cast<wxTextCtrl*>(target)) text->SelectAll();
            return;
        }
    }
    if (FindFocus() == style_ && mods == wxMOD_NONE && (key == WXK_UP || key == WXK_DOWN)) {
        // GTK's combo box opens its menu on arrows; here they choose, as in a list.
        style_->SetSelection(key == WXK_DOWN ? 1 : 0);
        take_fields();
        return;
    }
    if (FindFocus() == canvas_ && drawing_key(event)) return;
    event.Skip();
}

RedactionDialog* find_redaction_dialog() {
    return dynamic_cast<RedactionDialog*>(wxWindow::FindWindowByName(kDialogName));
}

}  // namespace lectern::desktop
