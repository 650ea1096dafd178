#pragma once
// Where the reader is in a page, kept across a reload of the page (after a sync): the same
// pixel when the page is the same, else the same heading (and as far below it), else the same
// proportion of the page. Pixels only; no wx types, so it is tested on its own.

#include <string>
#include <vector>

namespace lectern::desktop {

/// A heading's anchor and how far from the page's top it is laid out, in pixels.
struct HeadingAt {
    std::string anchor;
    int y = 0;
};

struct ReadingPlace {
    int top = 0;    ///< the first pixel row on screen
    int total = 0;  ///< the page's height; 0: not laid out
    /// The last heading at or above `top` (empty: the view is above the first heading), and
    /// how far below it the view starts.
    std::string heading;
    int below_heading = 0;
};

/// The place of a view starting at `top` of a page `total` high whose headings are laid out at
/// `headings` (in page order).
ReadingPlace reading_place(int top, int total, const std::vector<HeadingAt>& headings);

/// Where a view should start on the page reloaded as `total` high with `headings`: `was.top`
/// when `same_page`; else as far below the same heading as before (not past the next heading);
/// else the same proportion of the page; 0 when nothing is known.
int resume_top(const ReadingPlace& was, bool same_page, int total,
               const std::vector<HeadingAt>& headings);

}  // namespace lectern::desktop
