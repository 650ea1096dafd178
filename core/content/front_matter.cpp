#include "content/front_matter.hpp"

#include <yaml-cpp/yaml.h>

#include <regex>

namespace lectern::content {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool is_fence(std::string_view line) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
        line.remove_suffix(1);
    }
    return line == "---";
}

bool is_closing_fence(std::string_view line) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
        line.remove_suffix(1);
    }
    return line == "---" || line == "...";
}

}  // namespace

std::string json_pointer_token(const std::string& key) {
    std::string out;
    for (char c : key) {
        if (c == '~') {
            out += "~0";
        } else if (c == '/') {
            out += "~1";
        } else {
            out += c;
        }
    }
    return out;
}

namespace {

nlohmann::json typed_scalar(const YAML::Node& node) {
    const std::string& s = node.Scalar();
    // Quoted scalars carry the "!" tag and are always strings.
    if (node.Tag() != "?") return s;
    static const std::regex kInt(R"([-+]?[0-9]+)");
    static const std::regex kFloat(R"([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?)");
    if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") return nullptr;
    if (s == "true" || s == "True" || s == "TRUE") return true;
    if (s == "false" || s == "False" || s == "FALSE") return false;
    if (std::regex_match(s, kInt)) {
        try {
            return std::stoll(s);
        } catch (const std::out_of_range&) {
            return s;
        }
    }
    if (std::regex_match(s, kFloat)) return std::stod(s);
    return s;
}

class YamlToJson {
  public:
    YamlToJson(const std::string& file, int first_line, LocatedJson& result, Diagnostics& out)
        : file_(file), first_line_(first_line), result_(result), out_(out) {}

    nlohmann::json convert(const YAML::Node& node, const std::string& pointer, int depth) {
        result_.locations[pointer] = where(node.Mark());
        if (depth > kMaxDepth) {
            out_.error("yaml-too-deep", "front matter nests deeper than 32 levels",
                       where(node.Mark()));
            return nullptr;
        }
        switch (node.Type()) {
            case YAML::NodeType::Scalar:
                return typed_scalar(node);
            case YAML::NodeType::Sequence: {
                nlohmann::json arr = nlohmann::json::array();
                std::size_t i = 0;
                for (const auto& child : node) {
                    arr.push_back(convert(child, pointer + "/" + std::to_string(i++), depth + 1));
                }
                return arr;
            }
            case YAML::NodeType::Map: {
                nlohmann::json obj = nlohmann::json::object();
                for (const auto& kv : node) {
                    if (!kv.first.IsScalar()) {
                        out_.error("yaml-key", "a field name must be plain text",
                                   where(kv.first.Mark()));
                        continue;
                    }
                    const std::string key = kv.first.Scalar();
                    const std::string child = pointer + "/" + json_pointer_token(key);
                    if (obj.contains(key)) {
                        out_.error("duplicate-field", "field '" + key + "' appears twice",
                                   where(kv.first.Mark()));
                        continue;
                    }
                    result_.locations[child + "#key"] = where(kv.first.Mark());
                    obj[key] = convert(kv.second, child, depth + 1);
                }
                return obj;
            }
            case YAML::NodeType::Null:
            case YAML::NodeType::Undefined:
                return nullptr;
        }
        return nullptr;
    }

  private:
    static constexpr int kMaxDepth = 32;

    SourceLocation where(const YAML::Mark& mark) const {
        if (mark.is_null()) return {file_, first_line_, 0};
        return {file_, first_line_ + mark.line, mark.column + 1};
    }

    const std::string& file_;
    int first_line_;
    LocatedJson& result_;
    Diagnostics& out_;
};

}  // namespace

bool has_front_matter(std::string_view text) {
    if (text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());
    const auto eol = text.find('\n');
    return eol != std::string_view::npos && is_fence(text.substr(0, eol));
}

std::optional<SplitFile> split_front_matter(std::string_view text, const std::string& file,
                                            Diagnostics& out) {
    if (text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());
    if (!has_front_matter(text)) {
        out.error("missing-front-matter",
                  "missing front matter: the file must start with a '---' line, then YAML fields "
                  "(id, type, title, ...), then another '---' line",
                  {file, 1, 1});
        return std::nullopt;
    }
    std::size_t pos = text.find('\n') + 1;
    const std::size_t yaml_start = pos;
    int line = 2;
    while (pos <= text.size()) {
        auto eol = text.find('\n', pos);
        const bool last = eol == std::string_view::npos;
        if (last) eol = text.size();
        if (is_closing_fence(text.substr(pos, eol - pos))) {
            SplitFile split;
            split.yaml = text.substr(yaml_start, pos - yaml_start);
            split.yaml_first_line = 2;
            split.body = last ? std::string_view() : text.substr(eol + 1);
            split.body_first_line = line + 1;
            return split;
        }
        if (last) break;
        pos = eol + 1;
        ++line;
    }
    out.error("unclosed-front-matter",
              "the front matter is not closed: add a '---' line after its last field",
              {file, 1, 1});
    return std::nullopt;
}

SourceLocation LocatedJson::locate(std::string pointer) const {
    while (true) {
        if (auto it = locations.find(pointer); it != locations.end()) return it->second;
        if (pointer.empty()) return {};
        const auto slash = pointer.rfind('/');
        pointer = slash == std::string::npos ? std::string() : pointer.substr(0, slash);
    }
}

std::optional<LocatedJson> parse_yaml(std::string_view yaml, const std::string& file,
                                      int first_line, Diagnostics& out) {
    YAML::Node root;
    try {
        root = YAML::Load(std::string(yaml));
    } catch (const YAML::Exception& e) {
        const SourceLocation where =
            e.mark.is_null() ? SourceLocation{file, first_line, 0}
                             : SourceLocation{file, first_line + e.mark.line, e.mark.column + 1};
        out.error("yaml-syntax", "the front matter is not valid YAML: " + e.msg, where);
        return std::nullopt;
    }
    LocatedJson result;
    YamlToJson converter(file, first_line, result, out);
    result.value = converter.convert(root, "", 0);
    return result;
}

}  // namespace lectern::content
