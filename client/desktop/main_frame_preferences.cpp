// Preferences from the main window: the dialog edits Settings; what can change at once does.

#include "main_frame.hpp"
#include "preferences_dialog.hpp"

namespace lectern::desktop {

void MainFrame::show_preferences() {
    PreferencesDialog dialog(this, settings_);
    if (dialog.ShowModal() == wxID_OK) apply_font_size();
}

}  // namespace lectern::desktop
