// Lesson import benchmark: step detection and redaction on a generated screen recording,
// against ffmpeg's scene filter and ffmpeg's crop+boxblur+overlay on the same file in the
// same run. Not part of ctest: bench/run-lesson-bench.sh runs it.
//
// lectern_lesson_bench [--minutes M] [--width W] [--height H] [--fps F] [--work DIR]

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <random>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "lesson/redaction.hpp"
#include "lesson/step_detection.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

struct Options {
    double minutes = 10;
    int width = 1920;
    int height = 1080;
    int fps = 30;
    fs::path work = fs::temp_directory_path() / "lectern-lesson-bench";
};

double seconds_since(Clock::time_point t0) {
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

std::string output_of(const std::string& command) {
    std::string out;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return out;
    char buffer[4096];
    while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
    pclose(pipe);
    return out;
}

void run_or_die(const std::string& command) {
    if (std::system(command.c_str()) != 0) {
        std::cerr << "failed: " << command << '\n';
        std::exit(2);
    }
}

// Page changes every 8 to 30 s; each page is a panel of its own size and place, with text.
std::vector<double> planted_changes(double duration) {
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> gap(8, 30);
    std::vector<double> out;
    for (double t = gap(rng); t < duration - 3; t += gap(rng))
        out.push_back(std::round(t * 10) / 10);
    return out;
}

// A recording like OBS makes of a CRM: pages replacing each other at the planted times, a
// pointer always moving, a caret blinking, a spinner turning; AAC audio.
void make_recording(const fs::path& out, const Options& o, const std::vector<double>& changes) {
    const double duration = o.minutes * 60;
    const std::string font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    std::ostringstream g;
    g << "[0]drawbox=x=0:y=0:w=" << o.width << ":h=" << o.height / 24
      << ":c=0x2f4f8f:t=fill,drawtext=fontfile=" << font
      << ":text='Northwind CRM':x=20:y=8:fontsize=" << o.height / 45 << ":fontcolor=white";
    std::mt19937 rng(11);
    for (std::size_t i = 0; i < changes.size(); ++i) {
        const double from = changes[i];
        const double to = i + 1 < changes.size() ? changes[i + 1] - 0.001 : duration + 1;
        const int pw = o.width * (35 + static_cast<int>(rng() % 40)) / 100;
        const int ph = o.height * (35 + static_cast<int>(rng() % 40)) / 100;
        const int x = static_cast<int>(rng() % static_cast<unsigned>(o.width - pw));
        const int y =
            o.height / 24 +
            static_cast<int>(rng() % static_cast<unsigned>(o.height - ph - o.height / 24));
        char colour[16];
        std::snprintf(colour, sizeof colour, "0x%06x",
                      0xc0c0c0 + static_cast<int>(rng() % 0x3f3f3f));
        const std::string en =
            ":enable='between(t," + std::to_string(from) + "," + std::to_string(to) + ")'";
        g << ",drawbox=x=" << x << ":y=" << y << ":w=" << pw << ":h=" << ph << ":c=" << colour
          << ":t=fill" << en;
        g << ",drawtext=fontfile=" << font << ":text='Customer record " << i + 1 << "':x=" << x + 20
          << ":y=" << y + 20 << ":fontsize=" << o.height / 40 << en;
        for (int row = 0; row < 4; ++row) {
            g << ",drawbox=x=" << x + 20 << ":y=" << y + 80 + row * o.height / 18 << ":w=" << pw / 2
              << ":h=" << o.height / 30 << ":c=white:t=fill" << en;
        }
    }
    g << ",drawbox=x=" << o.width / 2 << ":y=" << o.height - 60
      << ":w=2:h=24:c=black:t=fill:enable='lt(mod(t,1),0.5)'";
    g << ",drawbox=x=" << o.width - 60
      << ":y=8:w=24:h=24:c=0xffcc00:t=fill:enable='lt(mod(t,0.3),0.15)'";
    g << "[bg];[bg][1]overlay=x='" << o.width / 2 << "+" << o.width * 2 / 5 << "*sin(t*0.9)':y='"
      << o.height / 2 << "+" << o.height * 2 / 5 << "*cos(t*0.7)':shortest=1[v]";
    std::ostringstream cmd;
    cmd << "ffmpeg -hide_banner -loglevel error -y -f lavfi -i color=c=0xf4f4f4:s=" << o.width
        << "x" << o.height << ":r=" << o.fps << ":d=" << duration
        << " -f lavfi -i color=c=black:s=16x24:r=" << o.fps << ":d=" << duration
        << " -f lavfi -i sine=f=330:d=" << duration << " -filter_complex \"" << g.str()
        << "\" -map \"[v]\" -map 2:a -c:a aac -c:v libx264 "
        << "-preset ultrafast -tune stillimage -g 300 -pix_fmt yuv420p -t " << duration << " \""
        << out.string() << "\"";
    run_or_die(cmd.str());
}

struct F1 {
    double precision = 0, recall = 0, f1 = 0;
};

F1 score(const std::vector<double>& found, const std::vector<double>& planted,
         double tolerance = 0.5) {
    std::vector<bool> used(planted.size(), false);
    std::size_t hits = 0;
    for (double f : found) {
        for (std::size_t j = 0; j < planted.size(); ++j) {
            if (!used[j] && std::abs(planted[j] - f) <= tolerance) {
                used[j] = true;
                ++hits;
                break;
            }
        }
    }
    F1 s;
    s.precision = found.empty() ? 0 : double(hits) / found.size();
    s.recall = planted.empty() ? 1 : double(hits) / planted.size();
    s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0;
    return s;
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--minutes")
            o.minutes = std::atof(argv[i + 1]);
        else if (a == "--width")
            o.width = std::atoi(argv[i + 1]);
        else if (a == "--height")
            o.height = std::atoi(argv[i + 1]);
        else if (a == "--fps")
            o.fps = std::atoi(argv[i + 1]);
        else if (a == "--work")
            o.work = argv[i + 1];
    }
    fs::create_directories(o.work);
    const double duration = o.minutes * 60;
    const auto planted = planted_changes(duration);
    char name[96];
    std::snprintf(name, sizeof name, "recording-%gmin-%dx%d.mp4", o.minutes, o.width, o.height);
    const fs::path video = o.work / name;
    if (!fs::exists(video)) {
        std::cerr << "making " << video << " (" << planted.size() << " planted changes)...\n";
        const auto t0 = Clock::now();
        make_recording(video, o, planted);
        std::cerr << "made in " << seconds_since(t0) << " s\n";
    }

    // Lectern's step detection.
    auto t0 = Clock::now();
    const auto detection = lectern::lesson::detect_steps(video, lectern::lesson::DetectOptions{});
    const double lectern_s = seconds_since(t0);
    std::vector<double> found;
    for (std::size_t i = 1; i < detection.steps.size(); ++i) found.push_back(detection.steps[i].at);
    const F1 ours = score(found, planted);

    // ffmpeg's scene filter on the same file: every frame decoded and scored.
    t0 = Clock::now();
    const std::string log =
        output_of("ffmpeg -hide_banner -nostats -i \"" + video.string() +
                  "\" -an -vf \"select='gt(scene,0.3)',showinfo\" -f null - 2>&1");
    const double ffmpeg_s = seconds_since(t0);
    std::vector<double> scenes;
    static const std::regex kPts(R"(pts_time:([0-9.]+))");
    for (auto it = std::sregex_iterator(log.begin(), log.end(), kPts); it != std::sregex_iterator();
         ++it)
        scenes.push_back(std::stod((*it)[1].str()));
    const F1 theirs = score(scenes, planted);

    // Redaction of one region for the whole video, against ffmpeg's own pipeline with the
    // same encoder settings.
    const int rw = o.width / 4, rh = o.height / 10, rx = o.width / 8, ry = o.height / 5;
    lectern::lesson::RedactionRegion region;
    region.box = {rx, ry, rw, rh};
    region.style = lectern::lesson::RedactStyle::Blur;
    t0 = Clock::now();
    lectern::lesson::write_redacted_video(video, {region}, o.work / "redacted-lectern.mp4", {},
                                          lectern::lesson::RedactOptions{});
    const double redact_s = seconds_since(t0);
    std::ostringstream ff;
    ff << "ffmpeg -hide_banner -loglevel error -y -i \"" << video.string() << "\" -filter_complex "
       << "\"[0:v]crop=" << rw << ":" << rh << ":" << rx << ":" << ry
       << ",boxblur=" << std::max(5, rh / 6) << ":3[b];[0:v][b]overlay=" << rx << ":" << ry
       << "[v]\" -map \"[v]\" -map 0:a? -c:v libx264 "
       << "-preset veryfast -crf 20 -pix_fmt yuv420p -c:a copy -movflags +faststart \""
       << (o.work / "redacted-ffmpeg.mp4").string() << "\"";
    t0 = Clock::now();
    run_or_die(ff.str());
    const double ffmpeg_redact_s = seconds_since(t0);

    std::printf(
        "video: %.0f min %dx%d %d fps, %zu planted changes, %lld frames decoded, %lld analysed\n",
        o.minutes, o.width, o.height, o.fps, planted.size(), detection.frames_decoded,
        detection.frames_analysed);
    std::printf(
        "| | seconds | × real time | precision | recall | F1 |\n|---|---|---|---|---|---|\n");
    std::printf("| Lectern step detection | %.1f | %.1f× | %.2f | %.2f | %.2f |\n", lectern_s,
                duration / lectern_s, ours.precision, ours.recall, ours.f1);
    std::printf("| ffmpeg `select='gt(scene,0.3)'` | %.1f | %.1f× | %.2f | %.2f | %.2f |\n",
                ffmpeg_s, duration / ffmpeg_s, theirs.precision, theirs.recall, theirs.f1);
    std::printf("throughput vs ffmpeg: %.2f×; an hour of this video: about %.0f s\n",
                ffmpeg_s / lectern_s, lectern_s * 60 / o.minutes);
    std::printf(
        "| redaction | seconds |\n|---|---|\n| Lectern (ffmpeg decodes to YUV 4:2:0, Lectern blurs "
        "the "
        "region's rows, ffmpeg encodes and copies the audio) | %.1f |\n"
        "| ffmpeg crop+boxblur+overlay, same encoder settings | %.1f |\n",
        redact_s, ffmpeg_redact_s);
    std::printf("redaction time / ffmpeg's: %.2f\n", redact_s / ffmpeg_redact_s);
    return 0;
}
