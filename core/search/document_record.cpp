#include "search/document_record.hpp"

#include <array>
#include <cstdint>
#include <cstdlib>

namespace lectern::search {

namespace {

constexpr char kRecordVersion = 1;

void put(std::string& out, std::string_view field) {
    std::uint64_t n = field.size();
    do {
        unsigned char byte = n & 0x7F;
        n >>= 7;
        if (n) byte |= 0x80;
        out += static_cast<char>(byte);
    } while (n);
    out += field;
}

bool get(std::string_view& in, std::string& field) {
    std::uint64_t n = 0;
    for (int shift = 0;; shift += 7) {
        if (in.empty() || shift > 35) return false;
        const auto byte = static_cast<unsigned char>(in.front());
        in.remove_prefix(1);
        n |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
        if (!(byte & 0x80)) break;
    }
    if (n > in.size()) return false;
    field.assign(in.substr(0, n));
    in.remove_prefix(n);
    return true;
}

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
