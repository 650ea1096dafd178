// The lesson window's part for trainers: the redaction editor it opens and the notice that
// says how to apply the regions saved.

#include <algorithm>

#include <wx/listbox.h>
#include <wx/simplebook.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "lesson_window.hpp"
#include "redaction_dialog.hpp"
#include "wx_text.hpp"

namespace lectern::desktop {

void LessonWindow::show_redaction_notice(int saved) {
    wxString text;
    if (saved >= 0) {
        // TRANSLATORS: after saving the regions drawn in the redaction editor; %d is how many
        // and %s the file.
        text =
            wxString::Format(wxPLURAL("%d region saved in %s.", "%d regions saved in %s.", saved),
                             saved, "lessons/" + to_wx(lesson_.slug) + "/lesson.md") +
            " ";
    }
    if (saved == 0 && lesson_.regions.empty()) {
        redaction_text_->SetLabel(text);
        redaction_command_->Hide();
    } else {
        redaction_text_->SetLabel(
            text + _("Not applied to the video yet: it still shows what the regions hide. "
                     "Run this command (with the original recording), then lint:"));
        redaction_command_->ChangeValue(
            to_wx(lesson::redact_command(space_->root(), lesson_.slug)));
        redaction_command_->Show();
    }
    redaction_text_->Wrap(std::max(300, book_->GetClientSize().x));
    redaction_text_->GetParent()->Layout();  // the panel's sizer: the frame's size is unchanged
}

std::string LessonWindow::redaction_notice() const {
    return from_wx(redaction_text_->GetLabel());
}

std::string LessonWindow::redaction_command() const {
    return redaction_command_->IsShown() ? from_wx(redaction_command_->GetValue()) : "";
}

void LessonWindow::tell_in_redaction_notice(const wxString& text) {
    redaction_text_->SetLabel(text);
    redaction_text_->GetParent()->Layout();
}

void LessonWindow::edit_regions() {
    switch (editing_) {
        case lesson::RegionEditing::Allowed:
            break;
        case lesson::RegionEditing::NotWritable:
            tell_in_redaction_notice(
                _("lesson.md cannot be written here (a read-only folder): redaction regions "
                  "are drawn in a space folder of your own (lectern-desktop --space DIR)."));
            return;
        default:
            return;  // a synced space or the sample: read-only, nothing offered
    }
    if (!lesson_.regions_problem.empty()) {
        tell_in_redaction_notice(wxString::Format(
            _("The regions under `redact` cannot be read: %s. Fix lesson.md, then open the "
              "lesson again."),
            to_wx(lesson_.regions_problem)));
        return;
    }
    if (lesson_.width <= 0 || lesson_.height <= 0) {
        tell_in_redaction_notice(
            _("This lesson has no video size yet: import the recording first."));
        return;
    }
    if (player_ == Player::Playing) play_or_pause();
    RedactionSetup setup;
    setup.lesson_md = lesson_.file;
    if (!lesson_.steps.empty()) {
        const StoryboardStep& step = lesson_.steps[static_cast<std::size_t>(current_)];
        setup.frame = step.frame;
        setup.step = current_;
        setup.at = step.at;
        setup.frame_at = step.frame_at;
    }
    setup.duration = lesson_.duration;
    setup.width = lesson_.width;
    setup.height = lesson_.height;
    setup.regions = lesson_.regions;
    RedactionDialog dialog(this, std::move(setup));
    if (dialog.ShowModal() != wxID_OK) {
        list_->SetFocus();
        return;
    }
    lesson_.regions = dialog.editor().regions();
    lesson_.regions_pending = !lesson_.regions.empty();
    show_redaction_notice(int(lesson_.regions.size()));
    list_->SetFocus();
}

}  // namespace lectern::desktop
