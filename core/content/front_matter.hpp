#pragma once
// Splitting a file into its YAML front matter and body, and reading YAML into JSON
// while remembering where each value came from (so schema errors can name line and column).

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "common/diagnostic.hpp"

namespace lectern::content {

/// The parts of a file that starts with a `---` front-matter block.
struct SplitFile {
    std::string_view yaml;  ///< between the two `---` lines
    int yaml_first_line = 0;
    std::string_view body;  ///< after the closing `---`
    int body_first_line = 0;
};

/// Splits at the `---` lines. Returns nullopt (and reports why) when the file has no
/// front matter or the block is not closed.
std::optional<SplitFile> split_front_matter(std::string_view text, const std::string& file,
                                            Diagnostics& out);

/// True when the file begins with a `---` line (a UTF-8 byte order mark is allowed first).
bool has_front_matter(std::string_view text);

/// YAML read into JSON, with the location of every value and every mapping key. Keys of
/// `locations` are JSON pointers ("/sections/0/items/1/ref"); a key's own location is
/// stored under the pointer followed by "#key".
struct LocatedJson {
    nlohmann::json value;
    std::map<std::string, SourceLocation> locations;

    /// The location of the value at a pointer, or of its nearest ancestor.
    SourceLocation locate(std::string pointer) const;
};

/// A mapping key as a JSON pointer token ("~" and "/" escaped as RFC 6901 says).
std::string json_pointer_token(const std::string& key);

/// Parses YAML whose first line is `first_line` of `file`. Plain scalars are typed as YAML 1.2
/// does (null, booleans, integers, floats); dates stay strings. Reports syntax errors and
/// duplicate keys; returns nullopt when the text is not YAML at all.
std::optional<LocatedJson> parse_yaml(std::string_view yaml, const std::string& file,
                                      int first_line, Diagnostics& out);

}  // namespace lectern::content
