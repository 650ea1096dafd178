#include "ledger/record_schema.hpp"

// valijson's JSON-pointer code makes GCC 12 at -O3 warn wrongly
// (-Wrestrict, https://gcc.gnu.org/bugzilla/show_bug.cgi?id=105329).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wrestrict"
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>
#pragma GCC diagnostic pop

#include <mutex>

#include "common/error.hpp"
#include "content/embedded_schemas.hpp"

namespace lectern::ledger {

namespace {

struct LoadedSchema {
    nlohmann::json document;
    valijson::Schema compiled;
};

const LoadedSchema& record_schema() {
    static std::once_flag once;
    static LoadedSchema loaded;
    std::call_once(once, [] {
        const std::string_view text = content::embedded_schema("ledger-record");
        if (text.empty())
            throw Error(ErrorKind::Library, "the ledger-record schema is not built in");
        try {
            loaded.document = nlohmann::json::parse(text);
            valijson::SchemaParser parser;
            valijson::adapters::NlohmannJsonAdapter adapter(loaded.document);
            parser.populateSchema(adapter, loaded.compiled);
        } catch (const std::exception& e) {
            throw Error(ErrorKind::Library,
                        std::string("the built-in ledger-record schema is broken: ") + e.what());
        }
    });
    return loaded;
}

// valijson names a field "[name]" in its context; the record is flat, so the first one is it.
std::string field_of(const std::vector<std::string>& context) {
    for (std::size_t i = 1; i < context.size(); ++i) {
        const std::string& token = context[i];
        if (token.size() > 2 && token.front() == '[' && token.back() == ']')
            return token.substr(1, token.size() - 2);
    }
    return {};
}

std::string quoted_name(const std::string& text) {
    const auto last = text.rfind('\'');
    if (last == std::string::npos || last == 0) return {};
    const auto first = text.rfind('\'', last - 1);
    if (first == std::string::npos) return {};
    return text.substr(first + 1, last - first - 1);
}

}  // namespace

std::optional<std::string> record_schema_violation(const nlohmann::json& value) {
    const LoadedSchema& schema = record_schema();
    if (!value.is_object()) return "a record must be a JSON object";
    // One validator per thread: it caches compiled regular expressions.
    static thread_local valijson::Validator validator;
    valijson::ValidationResults results;
    valijson::adapters::NlohmannJsonAdapter target(value);
    if (validator.validate(schema.compiled, target, &results)) return std::nullopt;

    std::vector<std::string> problems;
    valijson::ValidationResults::Error error;
    while (results.popError(error)) {
        const std::string& what = error.description;
        if (what.rfind("Missing required property", 0) == 0) {
            problems.push_back("missing field '" + quoted_name(what) + "'");
            continue;
        }
        if (what.rfind("Object contains a property that could not be validated", 0) == 0) {
            problems.push_back("unknown field '" + quoted_name(what) + "'");
            continue;
        }
        const std::string field = field_of(error.context);
        if (field.empty()) continue;  // the enclosing object's summary of a field's error
        const auto& properties = schema.document["properties"];
        if (properties.contains(field) && properties[field].contains("x-hint")) {
            problems.push_back(field + " " + properties[field]["x-hint"].get<std::string>());
        } else {
            problems.push_back(field + ": " + what);
        }
    }
    // Keep the first of each message: valijson may say the same thing twice.
    std::string message;
    std::vector<std::string> seen;
    for (const auto& p : problems) {
        if (std::find(seen.begin(), seen.end(), p) != seen.end()) continue;
        seen.push_back(p);
        message += (message.empty() ? "" : "; ") + p;
    }
    return message.empty() ? std::string("the record does not follow the record format") : message;
}

}  // namespace lectern::ledger
