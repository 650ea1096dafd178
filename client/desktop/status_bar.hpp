#pragma once
// The main window's status bar: its texts change without painting the window there and then.

#include <wx/statusbr.h>

namespace lectern::desktop {

/// wxWidgets' own status bar on GTK (the generic one) calls Update() after every text change,
/// so that text set before a long operation shows at once. Lectern never works long on the
/// window's thread, and with GTK 3 that Update() paints the whole window on the spot: each of the
/// texts set when a space is shown cost a full paint before the window was usable. Here the
/// field is only marked to be painted with the rest of the window.
class StatusBar : public wxStatusBar {
  public:
    using wxStatusBar::wxStatusBar;

  protected:
    void DoUpdateStatusText(int field) override {
        wxRect rect;
        if (GetFieldRect(field, rect)) RefreshRect(rect);
    }
};

}  // namespace lectern::desktop
