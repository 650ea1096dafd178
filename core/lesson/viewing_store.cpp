#include "lesson/viewing_store.hpp"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "common/error.hpp"
#include "common/log.hpp"
#include "ledger/durable_files.hpp"
#include "sync/local_paths.hpp"

namespace lectern::lesson {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr log::Channel kLesson{"lesson"};

bool is_file_name(std::string_view name) {
    if (name.empty() || name.size() > 128 || name == "." || name == "..") return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '-' || c == '_' || c == '.';
    });
}

}  // namespace

fs::path viewing_file(std::string_view space, std::string_view lesson_id) {
    if (!is_file_name(lesson_id)) {
        throw Error(ErrorKind::InvalidArgument,
                    "'" + std::string(lesson_id) +
                        "' is not a lesson id: use the id from the lesson's front matter");
    }
    return sync::space_paths(space).root / "lesson-viewing" / (std::string(lesson_id) + ".json");
}

std::vector<std::pair<double, double>> merged_spans(std::vector<std::pair<double, double>> spans,
                                                    double gap) {
    std::vector<std::pair<double, double>> out;
    std::erase_if(spans, [](const auto& s) {
        return !std::isfinite(s.first) || !std::isfinite(s.second) || s.second <= s.first;
    });
    std::sort(spans.begin(), spans.end());
    for (const auto& s : spans) {
        if (!out.empty() && s.first <= out.back().second + gap) {
            out.back().second = std::max(out.back().second, s.second);
        } else {
            out.push_back(s);
        }
    }
    return out;
}

ViewingProgress load_viewing(const fs::path& file, std::string_view version, double duration,
                             std::size_t step_count) {
    ViewingProgress fresh;
    fresh.duration = duration;
    fresh.step_count = step_count;
    std::string text;
    try {
        if (!ledger::durable::read_file(file, text)) return fresh;
        const json j = json::parse(text);
        if (j.value("version", std::string()) != version) return fresh;
        ViewingProgress p = fresh;
        for (const auto& span : j.at("played")) {
            p.played.emplace_back(span.at(0).get<double>(), span.at(1).get<double>());
        }
        for (const auto& step : j.at("steps_viewed")) {
            const auto i = step.get<std::size_t>();
            if (i < step_count) p.steps_viewed.insert(i);
        }
        return p;
    } catch (const std::exception& e) {
        log::warning(kLesson, file.string() + " could not be read (" + e.what() +
                                  "); the lesson's progress starts again");
        return fresh;
    }
}

void save_viewing(const fs::path& file, std::string_view version, const ViewingProgress& progress) {
    json played = json::array();
    for (const auto& [from, to] : merged_spans(progress.played)) played.push_back({from, to});
    const json j = {{"version", version},
                    {"duration", progress.duration},
                    {"steps", progress.step_count},
                    {"played", played},
                    {"steps_viewed", progress.steps_viewed}};
    ledger::durable::write_file(file, j.dump(1) + "\n", 0600);
}

}  // namespace lectern::lesson
