#include "lesson_test_support.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <random>
#include <sstream>

namespace lectern::test {

namespace fs = std::filesystem;

TempDir::TempDir() {
    std::random_device rd;
    path_ = fs::temp_directory_path() /
            ("lectern-lesson-test-" + std::to_string(getpid()) + "-" + std::to_string(rd()));
    fs::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

int run(const std::string& command) {
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string output_of(const std::string& command) {
    std::string out;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return out;
    std::array<char, 4096> buffer{};
    while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe))
        out.append(buffer.data(), n);
    pclose(pipe);
    return out;
}

namespace {

constexpr const char* kFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

std::string num(double v) {
    std::ostringstream s;
    s << v;
    return s.str();
}

// The filter that draws page `i` between `from` and `to`: a panel with a title, form
// fields and text, at a place and in a colour of its own, like a new window or page.
std::string page_filter(std::size_t i, double from, double to, int w, int h, double size) {
    static const char* kColours[] = {"0xdde8f7", "0xf7e6d5", "0xe0f2e0",
                                     "0xf2e0f0", "0xfff5cc", "0xe6e6e6"};
    const int pw = static_cast<int>(w * size), ph = static_cast<int>(h * size);
    const int x = static_cast<int>((i * 97) % static_cast<std::size_t>(w - pw));
    const int y = 40 + static_cast<int>((i * 53) % static_cast<std::size_t>(h - ph - 40));
    const bool fields = size >= 0.3;
    const std::string en = ":enable='between(t," + num(from) + "," + num(to) + ")'";
    std::ostringstream f;
    f << "drawbox=x=" << x << ":y=" << y << ":w=" << pw << ":h=" << ph << ":c=" << kColours[i % 6]
      << ":t=fill" << en;
    f << ",drawbox=x=" << x << ":y=" << y << ":w=" << pw << ":h=" << ph << ":c=0x404040:t=2" << en;
    f << ",drawtext=fontfile=" << kFont << ":text='Page " << (i + 1) << "':x=" << x + 10
      << ":y=" << y + 10 << ":fontsize=16:fontcolor=0x202020" << en;
    for (int row = 0; fields && row < 3; ++row) {
        f << ",drawbox=x=" << x + 10 << ":y=" << y + 40 + row * 30 << ":w=" << pw / 2
          << ":h=20:c=white:t=fill" << en;
        f << ",drawtext=fontfile=" << kFont << ":text='Field " << row + 1
          << "':x=" << x + pw / 2 + 20 << ":y=" << y + 42 + row * 30
          << ":fontsize=13:fontcolor=0x303030" << en;
    }
    return f.str();
}

}  // namespace

void make_slide_video(const fs::path& out, const SlideVideo& s) {
    std::ostringstream cmd;
    cmd << "ffmpeg -hide_banner -loglevel error -y"
        << " -f lavfi -i color=c=0xf4f4f4:s=" << s.width << "x" << s.height << ":r=" << s.fps
        << ":d=" << num(s.duration) << " -f lavfi -i testsrc2=s=48x24:r=" << s.fps
        << ":d=" << num(s.duration) << " -f lavfi -i color=c=black:s=11x17:r=" << s.fps
        << ":d=" << num(s.duration);
    if (s.audio) cmd << " -f lavfi -i sine=f=330:d=" << num(s.duration);
    std::ostringstream graph;
    // The application's title bar, with a still logo from testsrc2's first frame.
    graph << "[1]trim=end_frame=1,loop=-1:1,setpts=N/" << s.fps << "/TB[logo];";
    graph << "[0]drawbox=x=0:y=0:w=" << s.width
          << ":h=28:c=0x2f4f8f:t=fill,drawtext=fontfile=" << kFont
          << ":text='Northwind CRM':x=60:y=6:fontsize=15:fontcolor=white";
    for (std::size_t i = 0; i < s.changes.size(); ++i) {
        const double to = i + 1 < s.changes.size() ? s.changes[i + 1] - 0.001 : s.duration + 1;
        graph << "," << page_filter(i, s.changes[i], to, s.width, s.height, s.page_size);
    }
    if (s.caret) {
        graph << ",drawbox=x=" << s.width - 150 << ":y=" << s.height - 40
              << ":w=2:h=16:c=black:t=fill:enable='lt(mod(t,0.5),0.25)'";
    }
    if (s.spinner) {
        graph << ",drawbox=x=" << s.width - 40
              << ":y=6:w=16:h=16:c=0xffcc00:t=fill:enable='lt(mod(t,"
                 "0.3),0.15)'";
    }
    graph << "[bg];[bg][logo]overlay=x=8:y=2:shortest=1[withlogo]";
    if (s.cursor) {
        // Always on the move, fast and slow, across the pages and the empty screen.
        graph << ";[withlogo][2]overlay=x='" << s.width / 2 << "+" << s.width * 2 / 5
              << "*sin(t*1.7)':y='" << s.height / 2 << "+" << s.height * 2 / 5
              << "*cos(t*1.1)':shortest=1[v]";
    } else {
        graph << ";[withlogo]null[v]";
    }
    cmd << " -filter_complex \"" << graph.str() << "\" -map \"[v]\"";
    if (s.audio) cmd << " -map 3:a -c:a aac";
    cmd << " -c:v libx264 -preset veryfast -pix_fmt yuv420p -t " << num(s.duration);
    // ctest runs every test in a process of its own: the videos are kept between them in the
    // build folder, made once per spec (written to a temporary name, then renamed, so tests
    // running at the same time never read half a file).
    const fs::path cache = LECTERN_LESSON_VIDEO_CACHE;
    fs::create_directories(cache);
    const fs::path cached =
        cache / (std::to_string(std::hash<std::string>{}(cmd.str())) + out.extension().string());
    if (!fs::exists(cached)) {
        const fs::path temp =
            cache / ("making-" + std::to_string(getpid()) + out.extension().string());
        const std::string make = cmd.str() + " \"" + temp.string() + "\"";
        ASSERT_EQ(run(make), 0) << make;
        fs::rename(temp, cached);
    }
    fs::copy_file(cached, out, fs::copy_options::overwrite_existing);
}

Score score_steps(const std::vector<lesson::DetectedStep>& steps,
                  const std::vector<double>& planted, double tolerance) {
    // The first step is the opening screen at 0, not a detection.
    std::vector<double> found;
    for (std::size_t i = 1; i < steps.size(); ++i) found.push_back(steps[i].at);
    std::vector<bool> used(planted.size(), false);
    std::size_t hits = 0;
    for (double f : found) {
        std::size_t best = planted.size();
        for (std::size_t j = 0; j < planted.size(); ++j) {
            if (!used[j] && std::abs(planted[j] - f) <= tolerance &&
                (best == planted.size() ||
                 std::abs(planted[j] - f) < std::abs(planted[best] - f))) {
                best = j;
            }
        }
        if (best < planted.size()) {
            used[best] = true;
            ++hits;
        }
    }
    Score score;
    score.precision = found.empty() ? (planted.empty() ? 1 : 0) : double(hits) / found.size();
    score.recall = planted.empty() ? 1 : double(hits) / planted.size();
    std::ostringstream d;
    d << "found:";
    for (double f : found) d << ' ' << f;
    d << " planted:";
    for (double p : planted) d << ' ' << p;
    score.detail = d.str();
    return score;
}

}  // namespace lectern::test
