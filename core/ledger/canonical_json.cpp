#include "ledger/canonical_json.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <vector>

#include "common/error.hpp"
#include "common/text.hpp"

namespace lectern::ledger {

namespace {

void write_string(std::string& out, const std::string& text, const std::string& where) {
    if (find_invalid_utf8(text))
        throw Error(ErrorKind::InvalidArgument,
                    "the text of " + where + " is not valid UTF-8; a record holds UTF-8 only");
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\b':
                out += "\\b";
                break;
            case '\f':
                out += "\\f";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (byte < 0x20) {
                    out += "\\u00";
                    out += kHex[byte >> 4];
                    out += kHex[byte & 0xf];
                } else {
                    out += c;
                }
        }
    }
    out += '"';
}

void write_value(std::string& out, const nlohmann::json& value, const std::string& where) {
    switch (value.type()) {
        case nlohmann::json::value_t::null:
            out += "null";
            break;
        case nlohmann::json::value_t::boolean:
            out += value.get<bool>() ? "true" : "false";
            break;
        case nlohmann::json::value_t::number_integer:
            out += std::to_string(value.get<std::int64_t>());
            break;
        case nlohmann::json::value_t::number_unsigned:
            out += std::to_string(value.get<std::uint64_t>());
            break;
        case nlohmann::json::value_t::number_float:
            throw Error(ErrorKind::InvalidArgument,
                        where +
                            " is a fraction; a signed record holds integers or strings only "
                            "(e.g. a score in points, or \"0.85\")");
        case nlohmann::json::value_t::string:
            write_string(out, value.get_ref<const std::string&>(), where);
            break;
        case nlohmann::json::value_t::array: {
            out += '[';
            std::size_t i = 0;
            for (const auto& item : value) {
                if (i) out += ',';
                write_value(out, item, where + "[" + std::to_string(i) + "]");
                ++i;
            }
            out += ']';
            break;
        }
        case nlohmann::json::value_t::object: {
            // nlohmann's default object is a std::map<std::string>, already in byte order;
            // sorting again keeps the rule true whatever map type a caller's json uses.
            std::vector<const std::string*> keys;
            for (const auto& item : value.items()) keys.push_back(&item.key());
            std::sort(keys.begin(), keys.end(),
                      [](const std::string* a, const std::string* b) { return *a < *b; });
            out += '{';
            bool first = true;
            for (const std::string* key : keys) {
                if (!first) out += ',';
                first = false;
                const std::string field = where.empty() ? *key : where + "." + *key;
                write_string(out, *key, "the name of " + field);
                out += ':';
                write_value(out, value.at(*key), field);
            }
            out += '}';
            break;
        }
        case nlohmann::json::value_t::binary:
        case nlohmann::json::value_t::discarded:
            throw Error(ErrorKind::InvalidArgument, where + " is not a JSON value");
    }
}

}  // namespace

std::string canonical_json(const nlohmann::json& value) {
    std::string out;
    write_value(out, value, "");
    return out;
}

}  // namespace lectern::ledger
