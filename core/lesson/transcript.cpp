#include "lesson/transcript.hpp"

#include <algorithm>
#include <regex>

namespace lectern::lesson {

std::vector<TranscriptPart> transcript_parts(std::string_view body) {
    static const std::regex kMarker(R"(^\s*\[(?:([0-9]+):)?([0-9]{1,2}):([0-9]{2})\]\s?)");
    std::vector<TranscriptPart> parts(1);
    parts[0].line = 1;
    int line_no = 0;
    std::size_t pos = 0;
    while (pos <= body.size()) {
        std::size_t end = body.find('\n', pos);
        if (end == std::string_view::npos) end = body.size();
        const std::string line(body.substr(pos, end - pos));
        ++line_no;
        std::smatch m;
        if (std::regex_search(line, m, kMarker)) {
            TranscriptPart part;
            const int h = m[1].matched ? std::stoi(m[1].str()) : 0;
            part.at = h * 3600.0 + std::stoi(m[2].str()) * 60.0 + std::stoi(m[3].str());
            part.line = line_no;
            part.text = line.substr(static_cast<std::size_t>(m.length(0))) + "\n";
            parts.push_back(std::move(part));
        } else {
            parts.back().text += line + "\n";
        }
        if (end == body.size()) break;
        pos = end + 1;
    }
    if (parts.front().text.find_first_not_of(" \t\r\n") == std::string::npos)
        parts.erase(parts.begin());
    return parts;
}

std::size_t chapter_at(const std::vector<double>& starts, double t) {
    const auto it = std::upper_bound(starts.begin(), starts.end(), t + 1e-6);
    return it == starts.begin() ? 0 : static_cast<std::size_t>(it - starts.begin() - 1);
}

}  // namespace lectern::lesson
