#pragma once
// The drawing of the redaction editor: a step's key frame scaled to fit, with each region
// whose time covers that step hidden as `lectern lesson redact` will hide it (a preview made
// with wxImage) and outlined, the selected one marked; regions of other times dashed. A drag
// with the mouse draws a new region, a click selects one; keys are the dialog's.

#include <functional>
#include <optional>

#include <wx/image.h>
#include <wx/window.h>

#include "region_editor.hpp"

namespace lectern::desktop {

class RedactionCanvas : public wxWindow {
  public:
    /// `frame`: the key frame (may be unloaded: the picture is then grey); `at`: the time it
    /// shows; new regions drawn with the mouse get `from`/`to` from `times`.
    RedactionCanvas(wxWindow* parent, RegionEditor& editor, wxImage frame, double at,
                    std::function<std::pair<double, double>()> times);

    /// The regions changed: the preview is made again.
    void regions_changed();
    /// Called after the mouse added or selected a region.
    std::function<void()> on_edit;

  private:
    void on_paint(wxPaintEvent& event);
    void on_mouse(wxMouseEvent& event);
    PictureFit fit() const;
    const wxImage& preview();

    RegionEditor& editor_;
    wxImage frame_;
    double at_;
    std::function<std::pair<double, double>()> times_;
    wxImage preview_;  // the frame with the regions of `at_` hidden; unset: make again
    std::optional<wxPoint> drag_from_;
    std::optional<wxPoint> drag_to_;
};

/// Hides `box` of `image` as the redaction does: pixelated (blocks of a sixth of the shorter
/// side, at least 12 pixels) or blurred.
void hide_in_image(wxImage& image, const lesson::Box& box, lesson::RedactStyle style);

}  // namespace lectern::desktop
