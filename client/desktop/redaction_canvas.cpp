#include "redaction_canvas.hpp"

#include <algorithm>

#include <wx/dcbuffer.h>
#include <wx/intl.h>

namespace lectern::desktop {

namespace {

const wxColour kSelected(255, 214, 0);
const wxColour kRegion(255, 140, 0);
const wxColour kOtherTime(190, 190, 190);

}  // namespace

void hide_in_image(wxImage& image, const lesson::Box& box, lesson::RedactStyle style) {
    const wxRect r = wxRect(box.x, box.y, box.width, box.height).Intersect(wxRect(image.GetSize()));
    if (r.IsEmpty()) return;
    wxImage part = image.GetSubImage(r);
    if (style == lesson::RedactStyle::Pixelate) {
        // The same blocks as core/lesson/redaction.cpp.
        const int block = std::max(12, std::min(r.width, r.height) / 6);
        part = part.Scale(std::max(1, r.width / block), std::max(1, r.height / block),
                          wxIMAGE_QUALITY_BOX_AVERAGE)
                   .Scale(r.width, r.height, wxIMAGE_QUALITY_NORMAL);
    } else {
        // Three box blurs, a third of the region wide, as the redaction's.
        const int radius = std::max(7, std::min(r.width, r.height) / 6);
        for (int i = 0; i < 3; ++i) part = part.Blur(radius);
    }
    image.Paste(part, r.x, r.y);
}

RedactionCanvas::RedactionCanvas(wxWindow* parent, RegionEditor& editor, wxImage frame, double at,
                                 std::function<std::pair<double, double>()> times)
    : wxWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxWANTS_CHARS | wxBORDER_NONE),
      editor_(editor),
      frame_(std::move(frame)),
      at_(at),
      times_(std::move(times)) {
    SetName("redact-drawing");
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetMinSize(wxSize(480, 270));
    if (frame_.IsOk() && (frame_.GetWidth() != editor_.video_width() ||
                          frame_.GetHeight() != editor_.video_height())) {
        // Regions are in video pixels: a key frame of another size is shown at the video's.
        frame_.Rescale(editor_.video_width(), editor_.video_height(), wxIMAGE_QUALITY_BILINEAR);
    }
    Bind(wxEVT_PAINT, &RedactionCanvas::on_paint, this);
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        Refresh();
        e.Skip();
    });
    Bind(wxEVT_SET_FOCUS, [this](wxFocusEvent& e) {
        Refresh();
        e.Skip();
    });
    Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) {
        Refresh();
        e.Skip();
    });
    for (auto type : {wxEVT_LEFT_DOWN, wxEVT_LEFT_UP, wxEVT_MOTION})
        Bind(type, &RedactionCanvas::on_mouse, this);
}

void RedactionCanvas::regions_changed() {
    preview_ = wxImage();
    Refresh();
}

PictureFit RedactionCanvas::fit() const {
    const wxSize area = GetClientSize();
    return PictureFit::fit(editor_.video_width(), editor_.video_height(), area.x, area.y);
}

const wxImage& RedactionCanvas::preview() {
    if (!preview_.IsOk()) {
        preview_ =
            frame_.IsOk() ? frame_.Copy() : wxImage(editor_.video_width(), editor_.video_height());
        if (!frame_.IsOk()) preview_.SetRGB(wxRect(preview_.GetSize()), 90, 90, 90);
        for (const auto& r : editor_.regions()) {
            if (r.covers(at_)) hide_in_image(preview_, r.box, r.style);
        }
    }
    return preview_;
}

void RedactionCanvas::on_paint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(wxBrush(wxColour(40, 40, 40)));
    dc.Clear();
    const PictureFit f = fit();
    if (f.scale <= 0) return;
    const int w = std::max(1, int(editor_.video_width() * f.scale));
    const int h = std::max(1, int(editor_.video_height() * f.scale));
    dc.DrawBitmap(wxBitmap(preview().Scale(w, h, wxIMAGE_QUALITY_BILINEAR)), f.left, f.top);
    dc.SetBrush(*wxTRANSPARENT_BRUSH);
    const auto& regions = editor_.regions();
    for (int i = 0; i < int(regions.size()); ++i) {
        const auto& r = regions[static_cast<std::size_t>(i)];
        int x, y, bw, bh;
        f.to_screen(r.box, x, y, bw, bh);
        const bool selected = i == editor_.selected();
        if (!r.covers(at_)) {
            dc.SetPen(
                wxPen(selected ? kSelected : kOtherTime, selected ? 2 : 1, wxPENSTYLE_SHORT_DASH));
        } else {
            dc.SetPen(wxPen(selected ? kSelected : kRegion, selected ? 3 : 2));
        }
        dc.DrawRectangle(x, y, std::max(2, bw), std::max(2, bh));
        // The region's number, as the list names it.
        dc.SetTextForeground(selected ? kSelected : kRegion);
        dc.DrawText(wxString::Format("%d", i + 1), x + 3, std::max(0, y - dc.GetCharHeight()));
        if (selected) {
            dc.SetBrush(wxBrush(kSelected));
            for (const wxPoint& c :
                 {wxPoint(x, y), wxPoint(x + bw, y), wxPoint(x, y + bh), wxPoint(x + bw, y + bh)})
                dc.DrawRectangle(c.x - 3, c.y - 3, 7, 7);
            dc.SetBrush(*wxTRANSPARENT_BRUSH);
        }
    }
    if (drag_from_ && drag_to_) {
        dc.SetPen(wxPen(*wxWHITE, 1, wxPENSTYLE_SHORT_DASH));
        dc.DrawRectangle(wxRect(*drag_from_, *drag_to_));
    }
    if (HasFocus()) {
        dc.SetPen(wxPen(wxColour(80, 150, 255), 2));
        dc.DrawRectangle(wxRect(GetClientSize()).Deflate(1));
    }
}

void RedactionCanvas::on_mouse(wxMouseEvent& event) {
    const PictureFit f = fit();
    if (event.LeftDown()) {
        SetFocus();
        drag_from_ = event.GetPosition();
        drag_to_.reset();
        CaptureMouse();
    } else if (event.Dragging() && drag_from_) {
        drag_to_ = event.GetPosition();
        Refresh();
    } else if (event.LeftUp() && drag_from_) {
        if (HasCapture()) ReleaseMouse();
        int ax, ay, bx, by;
        f.to_video(drag_from_->x, drag_from_->y, ax, ay);
        const wxPoint end = drag_to_.value_or(*drag_from_);
        f.to_video(end.x, end.y, bx, by);
        drag_from_.reset();
        drag_to_.reset();
        const auto [from, to] = times_();
        if (!editor_.add_corners(ax, ay, bx, by, from, to)) {
            const int hit = editor_.region_at(ax, ay);  // a click, not a drag: select
            if (hit >= 0) editor_.select(hit);
        }
        regions_changed();
        if (on_edit) on_edit();
    } else {
        event.Skip();
    }
}

}  // namespace lectern::desktop
