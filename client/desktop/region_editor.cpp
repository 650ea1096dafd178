#include "region_editor.hpp"

#include <algorithm>
#include <cmath>

namespace lectern::desktop {

namespace {
constexpr int kMinSide = 4;
}

PictureFit PictureFit::fit(int video_width, int video_height, int area_width, int area_height) {
    PictureFit f;
    f.video_width = video_width;
    f.video_height = video_height;
    if (video_width <= 0 || video_height <= 0 || area_width <= 0 || area_height <= 0) return f;
    f.scale = std::min(double(area_width) / video_width, double(area_height) / video_height);
    f.left = (area_width - int(std::lround(video_width * f.scale))) / 2;
    f.top = (area_height - int(std::lround(video_height * f.scale))) / 2;
    return f;
}

void PictureFit::to_video(int screen_x, int screen_y, int& x, int& y) const {
    if (scale <= 0) {
        x = y = 0;
        return;
    }
    x = std::clamp(int(std::lround((screen_x - left) / scale)), 0, video_width);
    y = std::clamp(int(std::lround((screen_y - top) / scale)), 0, video_height);
}

void PictureFit::to_screen(const lesson::Box& box, int& x, int& y, int& width, int& height) const {
    x = left + int(std::lround(box.x * scale));
    y = top + int(std::lround(box.y * scale));
    width = int(std::lround(box.width * scale));
    height = int(std::lround(box.height * scale));
}

RegionEditor::RegionEditor(int video_width, int video_height,
                           std::vector<lesson::RedactionRegion> regions)
    : width_(std::max(1, video_width)),
      height_(std::max(1, video_height)),
      regions_(std::move(regions)),
      selected_(regions_.empty() ? -1 : 0) {}

lesson::RedactionRegion* RegionEditor::current() {
    return selected_ >= 0 ? &regions_[static_cast<std::size_t>(selected_)] : nullptr;
}

int RegionEditor::step() const {
    return std::max(1, width_ / 80);
}

void RegionEditor::clamp(lesson::Box& box) const {
    box.width = std::clamp(box.width, std::min(kMinSide, width_), width_);
    box.height = std::clamp(box.height, std::min(kMinSide, height_), height_);
    box.x = std::clamp(box.x, 0, width_ - box.width);
    box.y = std::clamp(box.y, 0, height_ - box.height);
}

void RegionEditor::add_centred(double from, double to) {
    lesson::RedactionRegion r;
    r.box.width = std::max(kMinSide, width_ / 4);
    r.box.height = std::max(kMinSide, height_ / 8);
    r.box.x = (width_ - r.box.width) / 2;
    r.box.y = (height_ - r.box.height) / 2;
    clamp(r.box);
    r.from = from;
    r.to = to;
    regions_.push_back(r);
    selected_ = int(regions_.size()) - 1;
    changed_ = true;
}

bool RegionEditor::add_corners(int ax, int ay, int bx, int by, double from, double to) {
    ax = std::clamp(ax, 0, width_);
    bx = std::clamp(bx, 0, width_);
    ay = std::clamp(ay, 0, height_);
    by = std::clamp(by, 0, height_);
    lesson::RedactionRegion r;
    r.box = {std::min(ax, bx), std::min(ay, by), std::abs(bx - ax), std::abs(by - ay)};
    if (r.box.width < kMinSide || r.box.height < kMinSide) return false;
    r.from = from;
    r.to = to;
    regions_.push_back(r);
    selected_ = int(regions_.size()) - 1;
    changed_ = true;
    return true;
}

void RegionEditor::move(int dx, int dy) {
    auto* r = current();
    if (!r) return;
    r->box.x += dx;
    r->box.y += dy;
    clamp(r->box);
    changed_ = true;
}

void RegionEditor::resize(int dw, int dh) {
    auto* r = current();
    if (!r) return;
    // Growing past the right or bottom edge: the region grows as far as the picture allows.
    r->box.width = std::clamp(r->box.width + dw, std::min(kMinSide, width_), width_ - r->box.x);
    r->box.height = std::clamp(r->box.height + dh, std::min(kMinSide, height_), height_ - r->box.y);
    clamp(r->box);
    changed_ = true;
}

void RegionEditor::select_next(bool back) {
    if (regions_.empty()) return;
    const int n = int(regions_.size());
    selected_ = ((selected_ < 0 ? 0 : selected_) + (back ? n - 1 : 1)) % n;
}

void RegionEditor::select(int index) {
    if (index >= 0 && index < int(regions_.size())) selected_ = index;
}

int RegionEditor::region_at(int x, int y) const {
    for (int i = int(regions_.size()) - 1; i >= 0; --i) {
        const auto& b = regions_[static_cast<std::size_t>(i)].box;
        if (x >= b.x && x < b.x + b.width && y >= b.y && y < b.y + b.height) return i;
    }
    return -1;
}

void RegionEditor::remove_current() {
    if (selected_ < 0) return;
    regions_.erase(regions_.begin() + selected_);
    if (selected_ >= int(regions_.size())) selected_ = int(regions_.size()) - 1;
    changed_ = true;
}

}  // namespace lectern::desktop
