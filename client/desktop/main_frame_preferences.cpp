// Preferences from the main window: the dialog edits Settings; what can change at once does.

#include "main_frame.hpp"
#include "preferences_dialog.hpp"
#include "settings.hpp"
#include "sync_controller.hpp"

namespace lectern::desktop {

void MainFrame::show_preferences() {
    PreferencesDialog dialog(this, settings_);
    if (dialog.ShowModal() != wxID_OK) return;
    apply_font_size();
    sync_->set_interval(settings_.sync_interval_minutes());
}

}  // namespace lectern::desktop
