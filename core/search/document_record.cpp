#include "search/document_record.hpp"

#include <zstd.h>

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <new>

#include "search/field_codec.hpp"

namespace lectern::search {

namespace {

// 1: the fields as they are, in the document's data; 2: compressed, in a value slot.
constexpr char kRecordVersion = 2;
// zstd's fastest level: records are small and written far more often than read in bulk.
constexpr int kLevel = 1;
// No record of a document the loader accepts comes near this (content files are at most
// 1 MiB); a damaged value that claims more is refused rather than allocated.
constexpr unsigned long long kMaxRecordBytes = 64ULL * 1024 * 1024;

using codec::get;
using codec::put;

struct FreeCompressor {
    void operator()(ZSTD_CCtx* c) const noexcept { ZSTD_freeCCtx(c); }
};
struct FreeDecompressor {
    void operator()(ZSTD_DCtx* d) const noexcept { ZSTD_freeDCtx(d); }
};

// One context per thread, kept: making one costs more than compressing a small record. Each
// frame carries a checksum of its content (XXH64, a small fraction of the compression's time),
// so that damage reads as no record rather than as a wrong one.
ZSTD_CCtx& compressor() {
    thread_local const std::unique_ptr<ZSTD_CCtx, FreeCompressor> context([] {
        ZSTD_CCtx* c = ZSTD_createCCtx();
        if (c && (ZSTD_isError(ZSTD_CCtx_setParameter(c, ZSTD_c_compressionLevel, kLevel)) ||
                  ZSTD_isError(ZSTD_CCtx_setParameter(c, ZSTD_c_checksumFlag, 1)))) {
            ZSTD_freeCCtx(c);
            c = nullptr;
        }
        return c;
    }());
    if (!context) throw std::bad_alloc();
    return *context;
}

ZSTD_DCtx& decompressor() {
    thread_local const std::unique_ptr<ZSTD_DCtx, FreeDecompressor> context(ZSTD_createDCtx());
    if (!context) throw std::bad_alloc();
    return *context;
}

std::string compress(std::string_view plain) {
    std::string out(1 + ZSTD_compressBound(plain.size()), '\0');
    out[0] = kRecordVersion;
    const std::size_t n =
        ZSTD_compress2(&compressor(), out.data() + 1, out.size() - 1, plain.data(), plain.size());
    if (ZSTD_isError(n)) throw std::bad_alloc();  // only for want of memory: the bound fits
    out.resize(1 + n);
    return out;
}

std::optional<std::string> decompress(std::string_view packed) {
    if (packed.empty() || packed.front() != kRecordVersion) return std::nullopt;
    packed.remove_prefix(1);
    const unsigned long long size = ZSTD_getFrameContentSize(packed.data(), packed.size());
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN ||
        size > kMaxRecordBytes)
        return std::nullopt;
    std::string plain(static_cast<std::size_t>(size), '\0');
    const std::size_t n = ZSTD_decompressDCtx(&decompressor(), plain.data(), plain.size(),
                                              packed.data(), packed.size());
    if (ZSTD_isError(n) || n != plain.size()) return std::nullopt;
    return plain;
}

}  // namespace

std::string serialize(const DocumentRecord& r) {
    std::string out;
    out.reserve(r.text.size() + r.title.size() + r.path.size() + 128);
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
    return compress(out);
}

std::optional<DocumentRecord> deserialize_record(std::string_view bytes) {
    const auto plain = decompress(bytes);
    if (!plain) return std::nullopt;
    std::string_view in = *plain;
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
