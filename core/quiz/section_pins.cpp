#include "quiz/section_pins.hpp"

#include <vector>

#include "content/space.hpp"
#include "content/version.hpp"
#include "render/markdown.hpp"

namespace lectern::quiz {

namespace {

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        auto eol = text.find('\n', pos);
        if (eol == std::string_view::npos) eol = text.size();
        lines.push_back(text.substr(pos, eol - pos));
        if (eol == text.size()) break;
        pos = eol + 1;
    }
    return lines;
}

const render::Heading* find_heading(const render::Outline& outline, std::string_view anchor) {
    for (const auto& h : outline.headings) {
        if (h.anchor == anchor) return &h;
    }
    return nullptr;
}

}  // namespace

std::optional<std::string> section_text(std::string_view markdown, std::string_view anchor) {
    const render::Outline outline = render::outline(markdown);
    const render::Heading* heading = find_heading(outline, anchor);
    if (!heading) return std::nullopt;
    int end_line = 0;  // 0: to the end
    bool after = false;
    for (const auto& h : outline.headings) {
        if (&h == heading) {
            after = true;
        } else if (after && h.level <= heading->level) {
            end_line = h.line;
            break;
        }
    }
    auto lines = split_lines(markdown);
    if (!lines.empty() && lines.back().empty()) lines.pop_back();  // after the last '\n'
    std::string out;
    for (int n = heading->line; n <= static_cast<int>(lines.size()); ++n) {
        if (end_line != 0 && n >= end_line) break;
        out += lines[static_cast<std::size_t>(n - 1)];
        out += '\n';
    }
    return out;
}

std::string section_hash(std::string_view text) {
    std::vector<std::string> kept;
    for (std::string_view line : split_lines(text)) {
        const auto end = line.find_last_not_of(" \t\r");
        kept.emplace_back(end == std::string_view::npos ? "" : line.substr(0, end + 1));
    }
    while (!kept.empty() && kept.back().empty()) kept.pop_back();
    std::size_t first = 0;
    while (first < kept.size() && kept[first].empty()) ++first;
    std::string normalised;
    for (std::size_t i = first; i < kept.size(); ++i) normalised += kept[i] + '\n';
    return content::git_blob_id(normalised).substr(0, 12);
}

std::optional<SectionRef> resolve_pin(const content::Space& space, const SectionPin& pin) {
    const content::Document* doc = space.find_by_id(pin.document);
    if (!doc) return std::nullopt;
    const render::Heading* heading = nullptr;
    const render::Outline outline = render::outline(doc->body);
    heading = find_heading(outline, pin.anchor);
    if (!heading) return std::nullopt;
    return SectionRef{doc->id, pin.anchor, doc->title + " › " + heading->text};
}

void check_pins(const content::Space& space, const GiftBank& bank, Diagnostics& out) {
    for (const Question& q : bank.questions) {
        if (!q.pin) continue;
        const SectionPin& pin = *q.pin;
        const content::Document* doc = space.find_by_id(pin.document);
        if (!doc) {
            if (!space.names_left_out_document("", "id:" + pin.document)) {
                out.error("quiz-pin-unknown-document",
                          "the section pin names '" + pin.document +
                              "', but no document of this space has that id",
                          pin.where);
            }
            continue;
        }
        const auto text = section_text(doc->body, pin.anchor);
        if (!text) {
            out.error("quiz-pin-unknown-section",
                      "the section pin names '#" + pin.anchor + "', but " + doc->path +
                          " has no section with that anchor",
                      pin.where);
            continue;
        }
        const std::string now = section_hash(*text);
        if (pin.reviewed.empty()) {
            out.warning("quiz-pin-not-reviewed",
                        "check that the question matches section '" + pin.anchor + "' of " +
                            doc->path + ", then add 'reviewed: " + now + "' to the pin",
                        pin.where);
        } else if (pin.reviewed != now) {
            out.warning("quiz-question-may-be-stale",
                        "section '" + pin.anchor + "' of " + doc->path +
                            " changed since this question was reviewed: check the question, "
                            "then write 'reviewed: " +
                            now + "' in the pin",
                        pin.where);
        }
    }
}

}  // namespace lectern::quiz
