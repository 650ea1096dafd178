#include "search/incremental/tree_cache.hpp"

#include <zlib.h>

#include <cstdint>
#include <cstring>
#include <fstream>
#include <string_view>
#include <system_error>
#include <tuple>
#include <vector>

namespace lectern::search::incremental {

namespace fs = std::filesystem;

namespace {

// The file: this line, the commit (its size, then its id in hex), the number of trees, then per
// tree its id, its number of entries, the size of its names, its entries (mode, id, name size) and
// its names; then the CRC-32 of everything before it. Numbers are 32-bit little-endian. CRC-32
// rather than a cryptographic hash: it guards against a damaged file (a crash, a bad disk), and
// whoever can write the index folder can change the index itself; it is four times faster than
// BLAKE2b on a 2 MB file.
constexpr std::string_view kMagic = "lectern tree cache 1\n";
constexpr std::size_t kChecksumSize = 4;

void put_u32(std::string& out, std::uint32_t v) {
    const char bytes[4] = {static_cast<char>(v & 0xff), static_cast<char>((v >> 8) & 0xff),
                           static_cast<char>((v >> 16) & 0xff), static_cast<char>(v >> 24)};
    out.append(bytes, 4);
}

void put_id(std::string& out, const ObjectId& id) {
    out.append(reinterpret_cast<const char*>(id.data()), id.size());
}

std::string checksum(std::string_view bytes) {
    const auto crc = crc32_z(0, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    std::string sum;
    put_u32(sum, static_cast<std::uint32_t>(crc));
    return sum;
}

// Reads the file's fields in order; any read past the end makes it fail for good.
class Reader {
  public:
    explicit Reader(std::string_view bytes) : bytes_(bytes) {}

    bool ok() const { return ok_; }
    bool at_end() const { return pos_ == bytes_.size(); }

    std::uint32_t u32() {
        if (!has(4)) return 0;
        const auto* p = reinterpret_cast<const unsigned char*>(bytes_.data() + pos_);
        pos_ += 4;
        return std::uint32_t{p[0]} | std::uint32_t{p[1]} << 8 | std::uint32_t{p[2]} << 16 |
               std::uint32_t{p[3]} << 24;
    }

    ObjectId id() {
        ObjectId id{};
        if (has(id.size())) {
            std::memcpy(id.data(), bytes_.data() + pos_, id.size());
            pos_ += id.size();
        }
        return id;
    }

    std::string_view bytes(std::size_t n) {
        if (!has(n)) return {};
        const std::string_view out = bytes_.substr(pos_, n);
        pos_ += n;
        return out;
    }

  private:
    bool has(std::size_t n) {
        if (ok_ && n <= bytes_.size() - pos_) return true;
        ok_ = false;
        return false;
    }

    std::string_view bytes_;
    std::size_t pos_ = 0;
    bool ok_ = true;
};

// Size of one stored entry: mode, id, name size.
constexpr std::size_t kEntrySize = 4 + std::tuple_size_v<ObjectId> + 4;

std::optional<std::string> read_file(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::string bytes;
    std::error_code ec;
    const auto size = fs::file_size(file, ec);
    if (ec) return std::nullopt;
    bytes.resize(size);
    if (!in.read(bytes.data(), static_cast<std::streamsize>(size))) return std::nullopt;
    return bytes;
}

}  // namespace

TreeCache TreeCache::load(const fs::path& file, const std::string& commit) {
    TreeCache cache;
    const auto bytes = read_file(file);
    if (!bytes || bytes->size() < kMagic.size() + kChecksumSize) return cache;
    const std::string_view all(*bytes);
    const std::string_view body = all.substr(0, all.size() - kChecksumSize);
    if (body.substr(0, kMagic.size()) != kMagic) return cache;
    if (checksum(body) != all.substr(body.size())) return cache;

    Reader in(body.substr(kMagic.size()));
    if (in.bytes(in.u32()) != commit || !in.ok()) return cache;
    std::map<ObjectId, TreeListing> trees;
    for (std::uint32_t t = 0, count = in.u32(); in.ok() && t < count; ++t) {
        const ObjectId id = in.id();
        const std::uint32_t n = in.u32();
        const std::uint32_t names_size = in.u32();
        // The entries' bytes come first: a count larger than the file is refused before any
        // of it is allocated.
        const std::string_view raw = in.bytes(std::size_t{n} * kEntrySize);
        const std::string_view names = in.bytes(names_size);
        if (!in.ok()) return cache;
        Reader entries_in(raw);
        std::vector<TreeEntry> entries(n);
        std::uint32_t offset = 0;
        for (TreeEntry& e : entries) {
            e.mode = entries_in.u32();
            e.id = entries_in.id();
            e.name_offset = offset;
            e.name_size = entries_in.u32();
            offset += e.name_size;
            if (offset < e.name_size) return cache;  // overflow: not a file we wrote
        }
        TreeListing listing;
        if (!listing.assign(std::move(entries), std::string(names))) return cache;
        trees.insert_or_assign(id, std::move(listing));
    }
    if (!in.ok() || !in.at_end()) return cache;
    cache.trees_ = std::move(trees);
    return cache;
}

bool TreeCache::save(const fs::path& file, const std::string& commit) const {
    std::string out(kMagic);
    put_u32(out, static_cast<std::uint32_t>(commit.size()));
    out += commit;
    put_u32(out, static_cast<std::uint32_t>(trees_.size()));
    for (const auto& [id, listing] : trees_) {
        put_id(out, id);
        put_u32(out, static_cast<std::uint32_t>(listing.size()));
        put_u32(out, static_cast<std::uint32_t>(listing.names().size()));
        for (std::size_t i = 0; i < listing.size(); ++i) {
            const TreeEntry& e = listing.entry(i);
            put_u32(out, e.mode);
            put_id(out, e.id);
            put_u32(out, e.name_size);
        }
        out += listing.names();
    }
    out += checksum(out);

    // Written in place, with no fsync: a file that a crash leaves short or mixed fails its
    // checksum, and the trees are then read from the repository. The old file is removed first
    // rather than truncated or renamed over, which would make ext4 flush the new one at once
    // (its auto_da_alloc), 2 ms of a re-index.
    std::error_code ec;
    fs::remove(file, ec);
    std::ofstream f(file, std::ios::binary | std::ios::trunc);
    if (f.write(out.data(), static_cast<std::streamsize>(out.size())) && f.flush()) return true;
    f.close();
    fs::remove(file, ec);
    return false;
}

std::optional<TreeListing> TreeCache::take(const ObjectId& id) {
    auto it = trees_.find(id);
    if (it == trees_.end()) return std::nullopt;
    TreeListing out = std::move(it->second);
    trees_.erase(it);
    return out;
}

void TreeCache::move_into(TreeCache& into) {
    for (auto& [id, listing] : trees_) into.trees_.try_emplace(id, std::move(listing));
    trees_.clear();
}

void TreeCache::put(const ObjectId& id, TreeListing listing) {
    trees_.insert_or_assign(id, std::move(listing));
}

}  // namespace lectern::search::incremental
