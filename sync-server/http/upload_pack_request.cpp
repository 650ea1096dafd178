#include "http/upload_pack_request.hpp"

#include <cstdio>
#include <unordered_set>

namespace lectern::server {

namespace {

constexpr std::size_t kIdLength = 40;       // SHA-1 in hex
constexpr std::size_t kMaxPktLine = 65520;  // git's LARGE_PACKET_MAX
constexpr std::string_view kNoProgress = "no-progress";

/// One pkt-line: a flush ("0000") or a line with its payload.
struct Pkt {
    bool flush = false;
    std::string_view payload;
};

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/// The pkt-lines of `body`, or nothing if it is not a whole sequence of them. The delimiter and
/// response-end packets of protocol v2 (0001, 0002) and lengths 0003 or less are refused.
std::optional<std::vector<Pkt>> split_pkt_lines(std::string_view body) {
    std::vector<Pkt> pkts;
    while (!body.empty()) {
        if (body.size() < 4) return std::nullopt;
        std::size_t length = 0;
        for (int i = 0; i < 4; ++i) {
            const int v = hex_value(body[i]);
            if (v < 0) return std::nullopt;
            length = length * 16 + static_cast<std::size_t>(v);
        }
        if (length == 0) {
            pkts.push_back({true, {}});
            body.remove_prefix(4);
            continue;
        }
        if (length <= 4 || length > body.size()) return std::nullopt;
        pkts.push_back({false, body.substr(4, length - 4)});
        body.remove_prefix(length);
    }
    return pkts;
}

bool is_object_id(std::string_view s) {
    if (s.size() != kIdLength) return false;
    for (char c : s) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    }
    return true;
}

/// "<prefix><id>\n" exactly: the id, or nothing.
std::optional<std::string_view> id_line(std::string_view payload, std::string_view prefix) {
    if (payload.substr(0, prefix.size()) != prefix) return std::nullopt;
    payload.remove_prefix(prefix.size());
    if (payload.size() != kIdLength + 1 || payload.back() != '\n') return std::nullopt;
    payload.remove_suffix(1);
    if (!is_object_id(payload)) return std::nullopt;
    return payload;
}

/// True if the space-separated `capabilities` name `name` (alone, or as "name=value").
bool has_capability(std::string_view capabilities, std::string_view name) {
    while (!capabilities.empty()) {
        const auto space = capabilities.find(' ');
        const std::string_view word = capabilities.substr(0, space);
        if (word == name || word.substr(0, name.size() + 1) == std::string(name) + "=") return true;
        if (space == std::string_view::npos) break;
        capabilities.remove_prefix(space + 1);
    }
    return false;
}

void append_pkt(std::string& out, std::string_view payload) {
    char length[5];
    std::snprintf(length, sizeof length, "%04zx", payload.size() + 4);
    out.append(length, 4);
    out.append(payload);
}

}  // namespace

std::optional<TrimmedUploadPackRequest> trim_upload_pack_request(
    std::string_view body, const CommitParentsLookup& parents) {
    const auto pkts = split_pkt_lines(body);
    if (!pkts || pkts->empty()) return std::nullopt;
    TrimmedUploadPackRequest out;
    std::size_t i = 0;

    // The first want line: "want <id>[ <capabilities>]\n".
    const Pkt& first = (*pkts)[0];
    if (first.flush || first.payload.substr(0, 5) != "want " || first.payload.back() != '\n')
        return std::nullopt;
    std::string_view rest = first.payload.substr(5, first.payload.size() - 6);
    if (!is_object_id(rest.substr(0, kIdLength))) return std::nullopt;
    std::string_view capabilities = rest.substr(kIdLength);
    if (!capabilities.empty() && capabilities.front() != ' ') return std::nullopt;
    if (!capabilities.empty()) capabilities.remove_prefix(1);
    std::string first_line(first.payload.substr(0, first.payload.size() - 1));
    if (!has_capability(capabilities, kNoProgress)) {
        if (!first_line.ends_with(' ')) first_line += ' ';
        first_line += kNoProgress;
        out.added_no_progress = true;
    }
    first_line += '\n';
    if (first_line.size() + 4 > kMaxPktLine) return std::nullopt;
    append_pkt(out.body, first_line);
    ++i;

    // More wants, then the flush that ends them.
    for (; i < pkts->size() && !(*pkts)[i].flush; ++i) {
        if (!id_line((*pkts)[i].payload, "want ")) return std::nullopt;
        append_pkt(out.body, (*pkts)[i].payload);
    }
    if (i == pkts->size()) return std::nullopt;
    out.body += "0000";
    ++i;

    // Haves. `known`: the commits upload-pack will already count as the client's when it reads
    // the next have (every earlier have it has, and their parents), which it then skips.
    std::unordered_set<std::string> known;
    for (; i < pkts->size() && !(*pkts)[i].flush; ++i) {
        const std::string_view payload = (*pkts)[i].payload;
        if (payload == "done\n") break;
        const auto id = id_line(payload, "have ");
        if (!id) return std::nullopt;
        const auto commit_parents = parents(*id);
        const bool skipped_by_upload_pack = commit_parents && known.contains(std::string(*id));
        if (commit_parents) {
            known.emplace(*id);
            for (const auto& p : *commit_parents) known.insert(p);
        }
        if (skipped_by_upload_pack) {
            ++out.dropped_haves;
            continue;
        }
        append_pkt(out.body, payload);
    }
    // The end: the flush of a negotiation round or "done", and nothing after it.
    if (i + 1 != pkts->size()) return std::nullopt;
    if ((*pkts)[i].flush) {
        out.body += "0000";
    } else {
        append_pkt(out.body, "done\n");
    }
    return out;
}

}  // namespace lectern::server
