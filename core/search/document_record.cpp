#include "search/document_record.hpp"

#include <array>
#include <cstdint>
#include <cstdlib>

#include "search/field_codec.hpp"

namespace lectern::search {

namespace {

constexpr char kRecordVersion = 1;

using codec::get;
using codec::put;

}  // namespace

std::string serialize(const DocumentRecord& r) {
    std::string out;
    out.reserve(r.text.size() + r.title.size() + r.path.size() + 128);
    out += kRecordVersion;
    for (const std::string* field :
         {&r.id, &r.title, &r.type, &r.lang, &r.path, &r.version, &r.text}) {
        put(out, *field);
    }
    // Steps come after the fields every record has, and only when there are any: records
    // of other documents keep their size, and older records still read.
    if (!r.steps.empty()) {
        put(out, std::to_string(r.steps.size()));
        for (const auto& step : r.steps) {
            put(out, std::to_string(step.at));
            put(out, step.caption);
            put(out, step.text);
        }
    }
    return out;
}

std::optional<DocumentRecord> deserialize_record(std::string_view in) {
    if (in.empty() || in.front() != kRecordVersion) return std::nullopt;
    in.remove_prefix(1);
    DocumentRecord r;
    for (std::string* field : {&r.id, &r.title, &r.type, &r.lang, &r.path, &r.version, &r.text}) {
        if (!get(in, *field)) return std::nullopt;
    }
    if (in.empty()) return r;
    std::string count, at;
    if (!get(in, count)) return std::nullopt;
    const unsigned long n = std::strtoul(count.c_str(), nullptr, 10);
    for (unsigned long i = 0; i < n && n <= 100000; ++i) {
        StepRecord step;
        if (!get(in, at) || !get(in, step.caption) || !get(in, step.text)) return std::nullopt;
        step.at = std::strtod(at.c_str(), nullptr);
        r.steps.push_back(std::move(step));
    }
    return r;
}

}  // namespace lectern::search
