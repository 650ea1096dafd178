#pragma once
// What the redaction editor edits, without windows: the lesson's regions in video pixels, the
// one selected, and the moves the keys and the mouse make (always kept inside the picture);
// and the mapping between video pixels and the scaled picture on screen.

#include <optional>
#include <vector>

#include "lesson/lesson_document.hpp"

namespace lectern::desktop {

/// Where the video's picture lies on screen: scaled to fit `area` and centred in it.
struct PictureFit {
    int video_width = 0;
    int video_height = 0;
    double scale = 0;  ///< screen pixels per video pixel
    int left = 0;      ///< screen position of the picture's top left corner
    int top = 0;

    static PictureFit fit(int video_width, int video_height, int area_width, int area_height);
    /// A point on screen in video pixels, clamped to the picture.
    void to_video(int screen_x, int screen_y, int& x, int& y) const;
    /// A box in video pixels on screen: left, top, width, height.
    void to_screen(const lesson::Box& box, int& x, int& y, int& width, int& height) const;
};

class RegionEditor {
  public:
    RegionEditor(int video_width, int video_height, std::vector<lesson::RedactionRegion> regions);

    const std::vector<lesson::RedactionRegion>& regions() const { return regions_; }
    /// The selected region (from 0), or -1 when there is none.
    int selected() const { return selected_; }
    lesson::RedactionRegion* current();
    int video_width() const { return width_; }
    int video_height() const { return height_; }
    /// True once anything was added, changed or removed.
    bool changed() const { return changed_; }

    /// A region a quarter of the picture wide and an eighth high in its middle, selected.
    void add_centred(double from, double to);
    /// A region with the corners `a` and `b` (video pixels, any order), clamped to the picture
    /// and selected. Returns false (nothing added) when it is smaller than 4 pixels a side.
    bool add_corners(int ax, int ay, int bx, int by, double from, double to);
    /// Moves the selected region by (dx, dy) video pixels, within the picture.
    void move(int dx, int dy);
    /// Grows or shrinks the selected region's width and height, within the picture and never
    /// under 4 pixels.
    void resize(int dw, int dh);
    /// The next region (or, with `back`, the previous one), wrapping around.
    void select_next(bool back = false);
    void select(int index);
    /// The topmost region under (x, y) in video pixels, or -1.
    int region_at(int x, int y) const;
    void remove_current();
    /// The selected region's times and style changed (fields of the editor).
    void touch() { changed_ = true; }

    /// Arrow-key step: a 80th of the picture's width, at least 1 pixel.
    int step() const;

  private:
    void clamp(lesson::Box& box) const;

    int width_;
    int height_;
    std::vector<lesson::RedactionRegion> regions_;
    int selected_ = -1;
    bool changed_ = false;
};

}  // namespace lectern::desktop
