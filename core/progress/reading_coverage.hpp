#pragma once
// Whether the whole text of a page has been on screen, the condition for offering "I have read
// and understood". The front end reports each view of the page (top, height, in pixels or
// lines); the text counts as seen from the top down as far as views followed each other
// without a gap, so jumping to the end does not count what was skipped.

#include <cstdint>

namespace lectern::progress {

class ReadingCoverage {
  public:
    /// A page of `total` units (0: not laid out yet); a page no taller than the first view counts
    /// as seen at once.
    explicit ReadingCoverage(std::int64_t total = 0) : total_(total) {}

    /// The view now shows [top, top + height).
    void saw(std::int64_t top, std::int64_t height) noexcept {
        if (height <= 0) return;
        if (top <= seen_until_ && top + height > seen_until_) seen_until_ = top + height;
    }
    /// The page's height changed (fonts, window size): what was seen stays seen.
    void resize(std::int64_t total) noexcept { total_ = total; }

    /// False until the page has a height: nothing laid out has not been read.
    bool whole_seen() const noexcept { return total_ > 0 && seen_until_ >= total_; }
    /// How far from the top the text was seen without a gap.
    std::int64_t seen_until() const noexcept { return seen_until_; }

  private:
    std::int64_t total_ = 0;
    std::int64_t seen_until_ = 0;
};

}  // namespace lectern::progress
