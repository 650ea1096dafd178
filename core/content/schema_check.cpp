#include "content/schema_check.hpp"

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include <map>
#include <memory>
#include <mutex>
#include <set>

#include "content/embedded_schemas.hpp"

namespace lectern::content {

namespace {

struct LoadedSchema {
    nlohmann::json document;  // kept to look up the `x-hint` of a field
    valijson::Schema compiled;
};

// valijson checks `format: date` and `date-time` with a std::regex compiled anew for every value,
// which made schema checks most of the time of loading a large space. The same rules as
// `pattern`s are compiled once per validator and cached; the schemas in schemas/ keep the
// standard `format` for editors and other tools.
constexpr std::string_view kMonthDay =
    "(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|"
    "02-(?:0[1-9]|1[0-9]|2[0-9]))";

std::string format_pattern(std::string_view format) {
    if (format == "date") return "^[0-9]{4}-" + std::string(kMonthDay) + "$";
    if (format == "date-time") {
        return "^[0-9]{4}-" + std::string(kMonthDay) +
               "[Tt](?:[01][0-9]|2[0-3]):[0-5][0-9]:(?:[0-5][0-9]|60)(?:\\.[0-9]+)?"
               "(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])$";
    }
    return {};
}

void formats_as_patterns(nlohmann::json& node) {
    if (node.is_array()) {
        for (auto& item : node) formats_as_patterns(item);
        return;
    }
    if (!node.is_object()) return;
    if (auto f = node.find("format");
        f != node.end() && f->is_string() && !node.contains("pattern")) {
        if (std::string pattern = format_pattern(f->get<std::string>()); !pattern.empty()) {
            node.erase(f);
            node["pattern"] = pattern;
        }
    }
    for (auto& [key, value] : node.items()) formats_as_patterns(value);
}

const LoadedSchema& schema_named(const std::string& name) {
    static std::mutex mutex;
    static std::map<std::string, std::unique_ptr<LoadedSchema>> cache;
    std::lock_guard lock(mutex);
    auto& slot = cache[name];
    if (!slot) {
        const std::string_view text = embedded_schema(name);
        if (text.empty())
            throw Error(ErrorKind::Library, "no schema named '" + name + "' is built in");
        auto loaded = std::make_unique<LoadedSchema>();
        try {
            loaded->document = nlohmann::json::parse(text);
            nlohmann::json compiled = loaded->document;
            formats_as_patterns(compiled);
            valijson::SchemaParser parser;
            valijson::adapters::NlohmannJsonAdapter adapter(compiled);
            parser.populateSchema(adapter, loaded->compiled);
        } catch (const std::exception& e) {
            throw Error(ErrorKind::Library,
                        "the built-in schema '" + name + "' is broken: " + e.what());
        }
        slot = std::move(loaded);
    }
    return *slot;
}

// A field's path as a person reads it: sections[0].items[1].ref
struct FieldPath {
    std::string pointer;                     // JSON pointer into the data
    std::string dotted;                      // for messages
    const nlohmann::json* schema = nullptr;  // the sub-schema of the field, if known
};

// valijson's context is {"<root>", "[key]", "[0]", ...}; walk it through data and schema.
FieldPath resolve_context(const std::vector<std::string>& context, const nlohmann::json& data,
                          const nlohmann::json& schema) {
    FieldPath path{"", "", &schema};
    const nlohmann::json* value = &data;
    for (std::size_t i = 1; i < context.size(); ++i) {
        const std::string& tok = context[i];
        if (tok.size() < 2 || tok.front() != '[' || tok.back() != ']') continue;
        const std::string inner = tok.substr(1, tok.size() - 2);
        const nlohmann::json* sub = path.schema;
        if (value && value->is_array()) {
            path.pointer += "/" + inner;
            path.dotted += "[" + inner + "]";
            const std::size_t index = std::stoul(inner);
            value = index < value->size() ? &(*value)[index] : nullptr;
            path.schema = (sub && sub->contains("items")) ? &(*sub)["items"] : nullptr;
        } else {
            path.pointer += "/" + json_pointer_token(inner);
            path.dotted += (path.dotted.empty() ? "" : ".") + inner;
            value = (value && value->is_object() && value->contains(inner)) ? &(*value)[inner]
                                                                            : nullptr;
            path.schema =
                (sub && sub->contains("properties") && (*sub)["properties"].contains(inner))
                    ? &(*sub)["properties"][inner]
                    : nullptr;
        }
    }
    return path;
}

std::string quoted_between(const std::string& text, char open_close) {
    const auto last = text.rfind(open_close);
    if (last == std::string::npos || last == 0) return {};
    const auto first = text.rfind(open_close, last - 1);
    if (first == std::string::npos) return {};
    return text.substr(first + 1, last - first - 1);
}

bool starts_with(const std::string& s, std::string_view p) {
    return s.rfind(p, 0) == 0;
}

}  // namespace

bool check_against_schema(const LocatedJson& data, const std::string& schema_name,
                          Diagnostics& out) {
    const LoadedSchema& schema = schema_named(schema_name);
    if (!data.value.is_object()) {
        out.error("front-matter-not-mapping",
                  "the front matter must be fields like 'title: ...', one per line",
                  data.locate(""));
        return false;
    }
    // One validator per thread: it caches the compiled `pattern` regular expressions, which
    // otherwise cost more than the rest of loading a document.
    static thread_local valijson::Validator validator;
    valijson::ValidationResults results;
    valijson::adapters::NlohmannJsonAdapter target(data.value);
    if (validator.validate(schema.compiled, target, &results)) return true;

    std::vector<valijson::ValidationResults::Error> errors(results.begin(), results.end());
    std::set<std::string> reported;
    const auto report = [&](std::string code, std::string message, SourceLocation where) {
        if (reported.insert(where.to_string() + message).second) {
            out.error(std::move(code), std::move(message), std::move(where));
        }
    };
    for (std::size_t i = 0; i < errors.size(); ++i) {
        const auto& e = errors[i];
        const FieldPath field = resolve_context(e.context, data.value, schema.document);
        const std::string& what = e.description;
        const std::string prefix = field.dotted.empty() ? "" : field.dotted + ".";
        if (starts_with(what, "Missing required property")) {
            const std::string name = quoted_between(what, '\'');
            report("missing-field", "missing required field '" + prefix + name + "'",
                   data.locate(field.pointer));
            continue;
        }
        if (starts_with(what, "Object contains a property that could not be validated")) {
            const std::string name = quoted_between(what, '\'');
            report("unknown-field",
                   "unknown field '" + prefix + name +
                       "' (see docs/content-format.md for the fields of this type)",
                   data.locate(field.pointer + "/" + json_pointer_token(name) + "#key"));
            continue;
        }
        // valijson also reports each enclosing object and array ("Failed to validate against
        // schema associated with property ..."); the innermost error says the most.
        const bool has_deeper = std::any_of(errors.begin(), errors.end(), [&](const auto& other) {
            return other.context.size() > e.context.size() &&
                   std::equal(e.context.begin(), e.context.end(), other.context.begin());
        });
        if (has_deeper) continue;
        std::string message;
        if (field.schema && field.schema->contains("x-hint")) {
            message = field.dotted + " " + (*field.schema)["x-hint"].get<std::string>();
        } else {
            message =
                (field.dotted.empty() ? std::string("front matter") : field.dotted) + ": " + what;
        }
        report("invalid-field", message, data.locate(field.pointer));
    }
    return false;
}

}  // namespace lectern::content
