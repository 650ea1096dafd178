// Lesson import benchmark: step detection and redaction on a generated screen recording,
// against ffmpeg's scene filter and ffmpeg's crop+boxblur+overlay on the same file in the
// same run. Not part of ctest: bench/run-lesson-bench.sh runs it.
//
// lectern_lesson_bench [--minutes M] [--width W] [--height H] [--fps F] [--work DIR]
//                      [--reps N] [--parts detect|redact|all] [--analysis-fps F]

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
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
    int reps = 1;
    double analysis_fps = lectern::lesson::DetectOptions{}.analysis_fps;
    std::string parts = "all";  // detect, redact or all
    fs::path work = fs::temp_directory_path() / "lectern-lesson-bench";
};

double seconds_since(Clock::time_point t0) {
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

double cpu_seconds(int who) {
    rusage usage{};
    getrusage(who, &usage);
    const auto s = [](const timeval& t) { return t.tv_sec + t.tv_usec / 1e6; };
    return s(usage.ru_utime) + s(usage.ru_stime);
}

struct Timing {
    double wall = 0;
    double cpu = 0;  // user + system, on every core
};

// Wall and CPU time from its creation on: of this process (every thread), of the children it
// waited for, or both.
struct Meter {
    Clock::time_point start = Clock::now();
    double self_start = cpu_seconds(RUSAGE_SELF);
    double children_start = cpu_seconds(RUSAGE_CHILDREN);

    Timing self() const { return {seconds_since(start), cpu_seconds(RUSAGE_SELF) - self_start}; }
    Timing children() const {
        return {seconds_since(start), cpu_seconds(RUSAGE_CHILDREN) - children_start};
    }
    Timing self_and_children() const { return {seconds_since(start), self().cpu + children().cpu}; }
};

double median_of(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}
double median_wall(const std::vector<Timing>& t) {
    std::vector<double> v;
    for (const auto& x : t) v.push_back(x.wall);
    return median_of(v);
}
double median_cpu(const std::vector<Timing>& t) {
    std::vector<double> v;
    for (const auto& x : t) v.push_back(x.cpu);
    return median_of(v);
}
std::string runs_text(const std::vector<Timing>& t) {
    std::string out;
    char one[32];
    for (const auto& x : t) {
        std::snprintf(one, sizeof one, "%s%.1f", out.empty() ? "" : ", ", x.wall);
        out += one;
    }
    return out;
}

std::string load_average() {
    std::ifstream in("/proc/loadavg");
    double one = 0, five = 0, fifteen = 0;
    in >> one >> five >> fifteen;
    char out[48];
    std::snprintf(out, sizeof out, "%.1f / %.1f / %.1f", one, five, fifteen);
    return out;
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
        else if (a == "--reps")
            o.reps = std::max(1, std::atoi(argv[i + 1]));
        else if (a == "--analysis-fps")
            o.analysis_fps = std::atof(argv[i + 1]);
        else if (a == "--parts")
            o.parts = argv[i + 1];
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

    const bool detect_part = o.parts == "all" || o.parts == "detect";
    const bool redact_part = o.parts == "all" || o.parts == "redact";
    std::printf("video: %g min %dx%d %d fps, %zu planted changes; %d run(s) of each, alternating\n",
                o.minutes, o.width, o.height, o.fps, planted.size(), o.reps);

    if (detect_part) {
        std::vector<Timing> ours_t, theirs_t;
        F1 ours, theirs;
        lectern::lesson::StepDetection detection;
        for (int rep = 0; rep < o.reps; ++rep) {
            // Lectern's step detection, in this process.
            Meter meter;
            lectern::lesson::DetectOptions detect;
            detect.analysis_fps = o.analysis_fps;
            detection = lectern::lesson::detect_steps(video, detect);
            ours_t.push_back(meter.self());
            std::vector<double> found;
            for (std::size_t i = 1; i < detection.steps.size(); ++i)
                found.push_back(detection.steps[i].at);
            ours = score(found, planted);

            // ffmpeg's scene filter on the same file: every frame decoded and scored.
            Meter ffmpeg_meter;
            const std::string log =
                output_of("ffmpeg -hide_banner -nostats -i \"" + video.string() +
                          "\" -an -vf \"select='gt(scene,0.3)',showinfo\" -f null - 2>&1");
            theirs_t.push_back(ffmpeg_meter.children());
            std::vector<double> scenes;
            static const std::regex kPts(R"(pts_time:([0-9.]+))");
            for (auto it = std::sregex_iterator(log.begin(), log.end(), kPts);
                 it != std::sregex_iterator(); ++it)
                scenes.push_back(std::stod((*it)[1].str()));
            theirs = score(scenes, planted);
        }
        std::printf("%lld frames decoded, %lld analysed (load average at the end: %s)\n",
                    detection.frames_decoded, detection.frames_analysed, load_average().c_str());
        std::printf(
            "| step detection | seconds (runs) | median | × real time | CPU seconds "
            "(median) | precision | recall | F1 |\n|---|---|---:|---:|---:|---:|---:|---:|\n");
        const auto row = [&](const char* tool, const std::vector<Timing>& t, const F1& f) {
            const double wall = median_wall(t);
            std::printf("| %s | %s | %.1f | %.1f× | %.1f | %.2f | %.2f | %.2f |\n", tool,
                        runs_text(t).c_str(), wall, duration / wall, median_cpu(t), f.precision,
                        f.recall, f.f1);
        };
        char ours_name[96];
        std::snprintf(ours_name, sizeof ours_name,
                      "Lectern (OpenCV grab() of every frame, %g analysed per second)",
                      o.analysis_fps);
        row(ours_name, ours_t, ours);
        row("ffmpeg `select='gt(scene,0.3)'`", theirs_t, theirs);
        std::printf("throughput vs ffmpeg (median wall time): %.2f×; CPU time vs ffmpeg: %.2f×\n",
                    median_wall(theirs_t) / median_wall(ours_t),
                    median_cpu(ours_t) / median_cpu(theirs_t));
    }

    if (redact_part) {
        // Redaction of one region for the whole video, against ffmpeg's own pipeline with the
        // same encoder settings.
        const int rw = o.width / 4, rh = o.height / 10, rx = o.width / 8, ry = o.height / 5;
        lectern::lesson::RedactionRegion region;
        region.box = {rx, ry, rw, rh};
        region.style = lectern::lesson::RedactStyle::Blur;
        std::ostringstream ff;
        ff << "ffmpeg -hide_banner -loglevel error -y -i \"" << video.string()
           << "\" -filter_complex "
           << "\"[0:v]crop=" << rw << ":" << rh << ":" << rx << ":" << ry
           << ",boxblur=" << std::max(5, rh / 6) << ":3[b];[0:v][b]overlay=" << rx << ":" << ry
           << "[v]\" -map \"[v]\" -map 0:a? -c:v libx264 "
           << "-preset veryfast -crf 20 -pix_fmt yuv420p -c:a copy -movflags +faststart \""
           << (o.work / "redacted-ffmpeg.mp4").string() << "\"";
        std::vector<Timing> ours_t, theirs_t;
        for (int rep = 0; rep < o.reps; ++rep) {
            // In this process and its two ffmpeg children (decoder and encoder).
            Meter meter;
            lectern::lesson::write_redacted_video(video, {region}, o.work / "redacted-lectern.mp4",
                                                  {}, lectern::lesson::RedactOptions{});
            ours_t.push_back(meter.self_and_children());
            Meter ffmpeg_meter;
            run_or_die(ff.str());
            theirs_t.push_back(ffmpeg_meter.children());
        }
        std::printf(
            "| redaction, one region blurred | seconds (runs) | median | CPU seconds "
            "(median) |\n|---|---|---:|---:|\n");
        const auto row = [&](const char* tool, const std::vector<Timing>& t) {
            std::printf("| %s | %s | %.1f | %.1f |\n", tool, runs_text(t).c_str(), median_wall(t),
                        median_cpu(t));
        };
        row("Lectern (ffmpeg decodes to YUV 4:2:0, Lectern blurs the region's rows, ffmpeg "
            "encodes and copies the audio)",
            ours_t);
        row("ffmpeg crop+boxblur+overlay, same encoder settings", theirs_t);
        std::printf(
            "redaction time / ffmpeg's (median wall time): %.2f; CPU time: %.2f (load "
            "average at the end: %s)\n",
            median_wall(ours_t) / median_wall(theirs_t), median_cpu(ours_t) / median_cpu(theirs_t),
            load_average().c_str());
    }
    return 0;
}
