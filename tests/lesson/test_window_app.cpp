// A small X11 application for the screen-recording test: a 640x360 window whose content
// changes to a new "page" at the times given, while the pointer never stops moving and a
// caret blinks. Each page has a colour of its own in the bottom-left corner, so the test can
// find in the recording when each page appeared without using the step detector.
//
// lectern_lesson_test_window SECONDS CHANGE_TIME...

#include <X11/Xlib.h>
#include <X11/cursorfont.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

namespace {

constexpr int kWidth = 640;
constexpr int kHeight = 360;

// Page colours, as 0xRRGGBB; index 0 is the opening screen.
constexpr unsigned long kPageColours[] = {0x2040a0, 0xc03030, 0x30a040, 0xa030a0,
                                          0xd09020, 0x208080, 0x606060, 0x803010};

struct Page {
    int x, y, w, h;
    const char* title;
};

constexpr Page kPages[] = {
    {0, 0, 0, 0, ""},
    {30, 50, 330, 220, "Customer search"},
    {280, 40, 330, 260, "Customer record: orders"},
    {60, 70, 500, 200, "Refund form"},
    {120, 60, 400, 250, "Refund submitted"},
    {20, 45, 600, 280, "Ticket list"},
    {200, 90, 300, 180, "Confirm"},
    {40, 60, 560, 240, "Done"},
};

void draw(Display* dpy, Window win, GC gc, int page, bool caret) {
    XSetForeground(dpy, gc, 0xf2f2f2);
    XFillRectangle(dpy, win, gc, 0, 0, kWidth, kHeight);
    XSetForeground(dpy, gc, 0x2f4f8f);
    XFillRectangle(dpy, win, gc, 0, 0, kWidth, 26);
    XSetForeground(dpy, gc, 0xffffff);
    XDrawString(dpy, win, gc, 10, 18, "Northwind CRM", 13);
    if (page > 0) {
        const Page& p = kPages[page];
        XSetForeground(dpy, gc, 0xffffff);
        XFillRectangle(dpy, win, gc, p.x, p.y, static_cast<unsigned>(p.w),
                       static_cast<unsigned>(p.h));
        XSetForeground(dpy, gc, 0x303030);
        XDrawRectangle(dpy, win, gc, p.x, p.y, static_cast<unsigned>(p.w),
                       static_cast<unsigned>(p.h));
        XSetForeground(dpy, gc, kPageColours[page]);
        XFillRectangle(dpy, win, gc, p.x, p.y, static_cast<unsigned>(p.w), 24);
        XSetForeground(dpy, gc, 0xffffff);
        XDrawString(dpy, win, gc, p.x + 8, p.y + 16, p.title,
                    static_cast<int>(std::string(p.title).size()));
        XSetForeground(dpy, gc, 0x202020);
        for (int row = 0; row * 28 + 60 < p.h; ++row) {
            const std::string label =
                "Field " + std::to_string(row + 1) + ": value " + std::to_string(page * 100 + row);
            XDrawString(dpy, win, gc, p.x + 12, p.y + 46 + row * 28, label.c_str(),
                        static_cast<int>(label.size()));
            XDrawRectangle(dpy, win, gc, p.x + p.w / 2, p.y + 34 + row * 28,
                           static_cast<unsigned>(p.w / 2 - 12), 18);
        }
    }
    // A text field with a blinking caret, on every page.
    XSetForeground(dpy, gc, 0xffffff);
    XFillRectangle(dpy, win, gc, 420, 326, 200, 22);
    XSetForeground(dpy, gc, 0x808080);
    XDrawRectangle(dpy, win, gc, 420, 326, 200, 22);
    if (caret) {
        XSetForeground(dpy, gc, 0x000000);
        XFillRectangle(dpy, win, gc, 426, 330, 2, 14);
    }
    // The marker the test reads.
    XSetForeground(dpy, gc, kPageColours[page]);
    XFillRectangle(dpy, win, gc, 0, kHeight - 12, 12, 12);
    XFlush(dpy);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s SECONDS CHANGE_TIME...\n", argv[0]);
        return 2;
    }
    const double seconds = std::atof(argv[1]);
    std::vector<double> changes;
    for (int i = 2; i < argc && changes.size() + 1 < std::size(kPages); ++i)
        changes.push_back(std::atof(argv[i]));
    Display* dpy = XOpenDisplay(nullptr);
    if (!dpy) {
        std::fprintf(stderr, "cannot open the display\n");
        return 1;
    }
    const int screen = DefaultScreen(dpy);
    XSetWindowAttributes attrs{};
    attrs.override_redirect = True;  // exactly at 0,0, whatever the window manager
    attrs.background_pixel = 0xf2f2f2;
    const Window win =
        XCreateWindow(dpy, RootWindow(dpy, screen), 0, 0, kWidth, kHeight, 0, CopyFromParent,
                      InputOutput, CopyFromParent, CWOverrideRedirect | CWBackPixel, &attrs);
    XDefineCursor(dpy, win, XCreateFontCursor(dpy, XC_left_ptr));
    XMapRaised(dpy, win);
    const GC gc = XCreateGC(dpy, win, 0, nullptr);
    XSync(dpy, False);

    const auto start = std::chrono::steady_clock::now();
    int shown_page = -1;
    bool shown_caret = false;
    for (;;) {
        const double t =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (t >= seconds) break;
        int page = 0;
        while (page < static_cast<int>(changes.size()) &&
               t >= changes[static_cast<std::size_t>(page)])
            ++page;
        const bool caret = std::fmod(t, 0.5) < 0.25;
        if (page != shown_page || caret != shown_caret) {
            draw(dpy, win, gc, page, caret);
            shown_page = page;
            shown_caret = caret;
        }
        // The pointer wanders over the whole window all the time.
        const int px = static_cast<int>(320 + 280 * std::sin(t * 1.9));
        const int py = static_cast<int>(180 + 150 * std::cos(t * 1.3));
        XWarpPointer(dpy, None, win, 0, 0, 0, 0, px, py);
        XFlush(dpy);
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    XFreeGC(dpy, gc);
    XCloseDisplay(dpy);
    return 0;
}
