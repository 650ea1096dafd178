#include "render/script_flow.hpp"

#include <algorithm>
#include <climits>

#include "common/text.hpp"
#include "render/markdown_tree.hpp"

namespace lectern::render {

using detail::MarkdownTree;

namespace {

// The link a list item consists of, when the item is a single in-page link like
// "- [The customer has it](#check-the-order)".
cmark_node* sole_anchor_link(cmark_node* item) {
    cmark_node* para = cmark_node_first_child(item);
    if (!para || cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH || cmark_node_next(para)) {
        return nullptr;
    }
    cmark_node* link = cmark_node_first_child(para);
    if (!link || cmark_node_get_type(link) != CMARK_NODE_LINK || cmark_node_next(link)) {
        return nullptr;
    }
    const char* url = cmark_node_get_url(link);
    return (url && url[0] == '#') ? link : nullptr;
}

// A list is a list of choices when every item is a sole in-page link.
bool is_choice_list(cmark_node* list) {
    cmark_node* item = cmark_node_first_child(list);
    if (!item) return false;
    for (; item; item = cmark_node_next(item)) {
        if (!sole_anchor_link(item)) return false;
    }
    return true;
}

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = text.find('\n', start);
        if (end == std::string_view::npos) {
            lines.push_back(text.substr(start));
            break;
        }
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

int shallowest_heading_level(cmark_node* root) {
    int level = INT_MAX;
    for (cmark_node* n = cmark_node_first_child(root); n; n = cmark_node_next(n)) {
        if (cmark_node_get_type(n) == CMARK_NODE_HEADING) {
            level = std::min(level, cmark_node_get_heading_level(n));
        }
    }
    return level;
}

}  // namespace

const ScriptStep* ScriptFlow::find(std::string_view anchor) const {
    auto it = std::find_if(steps.begin(), steps.end(),
                           [&](const ScriptStep& s) { return s.anchor == anchor; });
    return it == steps.end() ? nullptr : &*it;
}

ScriptFlow parse_script_flow(std::string_view markdown) {
    MarkdownTree tree(markdown);
    const auto lines = split_lines(markdown);
    const int step_level = shallowest_heading_level(tree.root());
    ScriptFlow flow;

    // Body lines of the current step, with the lines of its choice lists blanked out.
    std::vector<bool> keep(lines.size() + 1, true);
    auto close_step = [&](int next_line) {
        if (flow.steps.empty()) return;
        ScriptStep& step = flow.steps.back();
        std::string body;
        for (int ln = step.line + 1; ln < next_line && ln <= static_cast<int>(lines.size()); ++ln) {
            if (!keep[ln]) continue;
            body.append(lines[ln - 1]);
            body += '\n';
        }
        const auto first = body.find_first_not_of("\n");
        const auto last = body.find_last_not_of("\n");
        step.body_markdown = first == std::string::npos ? "" : body.substr(first, last - first + 1);
    };

    for (cmark_node* n = cmark_node_first_child(tree.root()); n; n = cmark_node_next(n)) {
        const auto type = cmark_node_get_type(n);
        if (type == CMARK_NODE_HEADING && cmark_node_get_heading_level(n) == step_level) {
            const int line = cmark_node_get_start_line(n);
            close_step(line);
            std::string title = detail::literal_text(n);
            flow.steps.push_back({title, heading_anchor(title), line, {}, {}});
        } else if (type == CMARK_NODE_LIST && !flow.steps.empty() && is_choice_list(n)) {
            for (cmark_node* item = cmark_node_first_child(n); item; item = cmark_node_next(item)) {
                cmark_node* link = sole_anchor_link(item);
                flow.steps.back().choices.push_back(
                    {detail::literal_text(link), std::string(cmark_node_get_url(link) + 1),
                     cmark_node_get_start_line(item), cmark_node_get_start_column(link)});
            }
            for (int ln = cmark_node_get_start_line(n); ln <= cmark_node_get_end_line(n); ++ln) {
                if (ln >= 0 && ln < static_cast<int>(keep.size())) keep[ln] = false;
            }
        }
    }
    close_step(static_cast<int>(lines.size()) + 1);
    return flow;
}

}  // namespace lectern::render
