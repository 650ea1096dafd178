#include "sync/lfs.hpp"

#include <sodium.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "common/diagnostic.hpp"
#include "common/error.hpp"
#include "common/log.hpp"
#include "content/front_matter.hpp"
#include "sync/client_config.hpp"
#include "sync/file_ops.hpp"
#include "sync/http_client.hpp"
#include "sync/local_paths.hpp"

namespace lectern::sync {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kBatchSize = 100;
constexpr std::uintmax_t kLargestPointer = 1024;

bool is_oid(std::string_view s) {
    return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

fs::path partial_file(std::string_view space, const LfsPointer& p) {
    return space_paths(space).lfs / "incomplete" / p.oid;
}

// sha256 of a file as hex, and its size.
std::pair<std::string, std::uint64_t> hash_file(const fs::path& file) {
    if (sodium_init() < 0) throw Error(ErrorKind::Library, "libsodium cannot start");
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Error(ErrorKind::Io, "cannot read " + file.string());
    std::vector<char> buf(1 << 16);
    std::uint64_t size = 0;
    while (in) {
        in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
        const auto n = static_cast<std::size_t>(in.gcount());
        size += n;
        crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(buf.data()), n);
    }
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&state, digest);
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return {hex, size};
}

// The origin (scheme://host:port) of a URL, to send our credentials to our server only.
std::string origin_of(const std::string& url) {
    const auto scheme = url.find("://");
    if (scheme == std::string::npos) return {};
    const auto path = url.find('/', scheme + 3);
    return url.substr(0, path);
}

struct Action {
    std::string href;
    std::vector<std::string> headers;
};

// Downloads one object into the partial file and moves it into the cache once verified.
// Returns a problem, or nullopt on success.
std::optional<TransferFailure> download_one(const LfsFetchOptions& o, const LfsPointer& p,
                                            const Action& action, std::size_t index,
                                            std::size_t count, LfsFetchReport& report) {
    const fs::path partial = partial_file(o.space, p);
    fs::create_directories(partial.parent_path());
    http::Request request;
    request.url = action.href;
    request.headers = action.headers;
    const bool has_auth =
        std::any_of(action.headers.begin(), action.headers.end(), [](const auto& h) {
            return h.size() > 14 &&
                   std::equal(h.begin(), h.begin() + 14, "Authorization:", [](char a, char b) {
                       return std::tolower(a) == std::tolower(b);
                   });
        });
    if (!has_auth && origin_of(action.href) == origin_of(o.server)) request.basic = o.credentials;

    for (int attempt = 0; attempt < 2; ++attempt) {
        std::error_code ec;
        const bool resuming = fs::exists(partial, ec) && fs::file_size(partial, ec) > 0;
        if (fs::exists(partial, ec) && fs::file_size(partial, ec) > p.size) fs::remove(partial, ec);
        const http::Response r = http::download(request, partial, o.progress, index, count);
        report.bytes += r.bytes;
        if (r.status != 200 && r.status != 206) {
            // 416: the partial file is already whole (or longer than the object): verify it.
            if (r.status != 416)
                return http::failure_of(r, "downloading LFS object " + p.oid, o.credentials.user);
        }
        const auto [sha, size] = hash_file(partial);
        if (sha == p.oid && size == p.size) {
            const fs::path cached = lfs_cache_file(o.space, p);
            fs::create_directories(cached.parent_path());
            if (std::rename(partial.c_str(), cached.c_str()) != 0)
                throw Error(ErrorKind::Io, "cannot store " + cached.string());
            files::sync_folder(cached.parent_path());
            return std::nullopt;
        }
        fs::remove(partial, ec);
        // A resumed file may have been damaged before the interruption: fetch it whole once.
        if (resuming && attempt == 0) {
            log::info(log::kSync, "LFS object " + p.oid +
                                      " did not verify after resuming; downloading it again");
            continue;
        }
        return TransferFailure{TransferFailureReason::UnsafeContent,
                               "refused LFS object " + p.oid + " from " + action.href +
                                   ": its content does not match its sha256 (got " + sha + ", " +
                                   std::to_string(size) +
                                   " bytes); it was not stored. Tell the "
                                   "server's admin: the stored object is damaged"};
    }
    return std::nullopt;
}

std::vector<std::string> parse_yaml_list_of_refs(const nlohmann::json& path) {
    std::vector<std::string> refs;
    if (!path.contains("sections") || !path["sections"].is_array()) return refs;
    for (const auto& section : path["sections"]) {
        if (!section.is_object() || !section.contains("items") || !section["items"].is_array())
            continue;
        for (const auto& item : section["items"])
            if (item.is_object() && item.contains("ref") && item["ref"].is_string())
                refs.push_back(item["ref"].get<std::string>());
    }
    return refs;
}

std::optional<nlohmann::json> read_yaml(const fs::path& file, bool front_matter) {
    std::string text;
    if (!files::read_file(file, text)) return std::nullopt;
    Diagnostics ignored;
    std::string_view yaml = text;
    int line = 1;
    if (front_matter) {
        const auto split = content::split_front_matter(text, file.string(), ignored);
        if (!split) return std::nullopt;
        yaml = split->yaml;
        line = split->yaml_first_line;
    }
    auto parsed = content::parse_yaml(yaml, file.string(), line, ignored);
    if (!parsed || !parsed->value.is_object()) return std::nullopt;
    return std::move(parsed->value);
}

std::optional<LfsPointer> pointer_in_file(const fs::path& file) {
    std::error_code ec;
    const auto size = fs::file_size(file, ec);
    if (ec || size > kLargestPointer) return std::nullopt;
    std::string text;
    if (!files::read_file(file, text)) return std::nullopt;
    return parse_lfs_pointer(text);
}

}  // namespace

std::optional<LfsPointer> parse_lfs_pointer(std::string_view text) {
    if (text.size() > kLargestPointer ||
        text.rfind("version https://git-lfs.github.com/spec/v1\n", 0) != 0)
        return std::nullopt;
    LfsPointer p;
    bool have_size = false;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = text.substr(start, end - start);
        if (line.rfind("oid sha256:", 0) == 0) {
            p.oid = std::string(line.substr(11));
        } else if (line.rfind("size ", 0) == 0) {
            const auto digits = line.substr(5);
            const auto [ptr, ec] =
                std::from_chars(digits.data(), digits.data() + digits.size(), p.size);
            have_size = ec == std::errc() && ptr == digits.data() + digits.size();
        }
        start = end + 1;
    }
    if (!is_oid(p.oid) || !have_size) return std::nullopt;
    return p;
}

fs::path lfs_cache_file(std::string_view space, const LfsPointer& p) {
    if (!is_oid(p.oid))
        throw Error(ErrorKind::InvalidArgument, "'" + p.oid + "' is not an LFS object id");
    return space_paths(space).lfs / "objects" / p.oid.substr(0, 2) / p.oid.substr(2, 2) / p.oid;
}

std::optional<fs::path> cached_lfs_object(std::string_view space, const LfsPointer& p) {
    const fs::path file = lfs_cache_file(space, p);
    std::error_code ec;
    // Objects enter the cache only verified; the size check catches a file truncated since.
    if (fs::is_regular_file(file, ec) && fs::file_size(file, ec) == p.size) return file;
    return std::nullopt;
}

LfsFetchReport fetch_lfs_objects(const LfsFetchOptions& o, const std::vector<LfsPointer>& objects) {
    LfsFetchReport report;
    std::vector<LfsPointer> missing;
    std::set<std::string> seen;
    for (const auto& p : objects) {
        if (!seen.insert(p.oid).second) continue;
        if (cached_lfs_object(o.space, p)) {
            ++report.already_cached;
        } else {
            missing.push_back(p);
        }
    }
    const std::string batch_url = o.server + "/" + o.space + "/content.git/info/lfs/objects/batch";
    for (std::size_t first = 0; first < missing.size(); first += kBatchSize) {
        const std::size_t last = std::min(missing.size(), first + kBatchSize);
        nlohmann::json body = {{"operation", "download"},
                               {"transfers", {"basic"}},
                               {"objects", nlohmann::json::array()}};
        for (std::size_t i = first; i < last; ++i)
            body["objects"].push_back({{"oid", missing[i].oid}, {"size", missing[i].size}});
        http::Request request;
        request.method = "POST";
        request.url = batch_url;
        request.headers = {"Accept: application/vnd.git-lfs+json",
                           "Content-Type: application/vnd.git-lfs+json"};
        request.body = body.dump();
        request.basic = o.credentials;
        const http::Response r = http::send(request, o.progress);
        if (r.status != 200) {
            report.failure =
                http::failure_of(r, "the LFS batch request " + batch_url, o.credentials.user);
            return report;
        }
        const auto answer = nlohmann::json::parse(r.body, nullptr, false);
        if (!answer.is_object() || !answer.contains("objects") || !answer["objects"].is_array()) {
            report.failure = {TransferFailureReason::Other,
                              batch_url + " did not answer as a Git LFS server does"};
            return report;
        }
        for (std::size_t i = first; i < last; ++i) {
            const LfsPointer& p = missing[i];
            const auto it = std::find_if(
                answer["objects"].begin(), answer["objects"].end(),
                [&](const auto& a) { return a.is_object() && a.value("oid", "") == p.oid; });
            if (it == answer["objects"].end()) {
                report.problems.push_back({TransferFailureReason::NotFound,
                                           "the server did not answer for LFS object " + p.oid});
                continue;
            }
            const auto& a = *it;
            if (a.contains("error")) {
                report.problems.push_back(
                    {a["error"].value("code", 0) == 404 ? TransferFailureReason::NotFound
                                                        : TransferFailureReason::Other,
                     "LFS object " + p.oid + ": " + a["error"].value("message", "refused")});
                continue;
            }
            const auto* dl = a.contains("actions") && a["actions"].contains("download")
                                 ? &a["actions"]["download"]
                                 : nullptr;
            if (!dl || !dl->contains("href") || !(*dl)["href"].is_string()) {
                report.problems.push_back({TransferFailureReason::Other,
                                           "the server gave no download for LFS object " + p.oid});
                continue;
            }
            Action action{(*dl)["href"].get<std::string>(), {}};
            if (dl->contains("header") && (*dl)["header"].is_object())
                for (const auto& [name, value] : (*dl)["header"].items())
                    if (value.is_string())
                        action.headers.push_back(name + ": " + value.get<std::string>());
            if (auto problem = download_one(o, p, action, i + 1, missing.size(), report)) {
                if (problem->reason == TransferFailureReason::Cancelled) {
                    report.failure = std::move(problem);
                    return report;
                }
                log::warning(log::kSync, problem->message);
                report.problems.push_back(std::move(*problem));
            } else {
                ++report.downloaded;
            }
        }
    }
    return report;
}

LfsObject lfs_object_path(std::string_view space, const LfsPointer& pointer,
                          const Progress& progress) {
    LfsObject out;
    if (auto cached = cached_lfs_object(space, pointer)) {
        out.path = std::move(cached);
        return out;
    }
    const auto config = load_client_config();
    if (!config || config->server.empty()) {
        out.failure = {TransferFailureReason::Unauthorized,
                       "this video has not been downloaded yet and no server is set up: run "
                       "`lectern login URL`, then `lectern sync`"};
        return out;
    }
    const auto report = fetch_lfs_objects(
        {config->server, std::string(space), {config->user, config->token}, progress}, {pointer});
    if (report.failure) {
        out.failure = report.failure;
    } else if (!report.problems.empty()) {
        out.failure = report.problems.front();
    } else {
        out.path = cached_lfs_object(space, pointer);
    }
    return out;
}

std::vector<LfsPointer> lfs_pointers_in(const fs::path& content) {
    static const std::set<std::string> kText = {".md", ".yaml", ".yml", ".gift", ".txt", ".json"};
    std::vector<LfsPointer> out;
    std::error_code ec;
    for (fs::recursive_directory_iterator
             it(content, fs::directory_options::skip_permission_denied, ec),
         end;
         !ec && it != end; it.increment(ec)) {
        if (it->path().filename() == ".git") {
            it.disable_recursion_pending();
            continue;
        }
        if (!it->is_regular_file(ec) || kText.count(it->path().extension().string())) continue;
        if (auto p = pointer_in_file(it->path())) out.push_back(std::move(*p));
    }
    return out;
}

std::vector<LfsPointer> onboarding_lfs_pointers(const fs::path& content) {
    std::vector<std::string> refs;
    std::error_code ec;
    std::vector<fs::path> path_files;
    for (fs::directory_iterator it(content / "paths", ec), end; !ec && it != end; it.increment(ec))
        if (it->path().extension() == ".yaml" || it->path().extension() == ".yml")
            path_files.push_back(it->path());
    std::sort(path_files.begin(), path_files.end());
    for (const auto& file : path_files)
        if (auto path = read_yaml(file, false)) {
            auto more = parse_yaml_list_of_refs(*path);
            refs.insert(refs.end(), more.begin(), more.end());
        }
    // Lesson id -> its video's pointer.
    std::map<std::string, LfsPointer> videos;
    for (fs::directory_iterator it(content / "lessons", ec), end; !ec && it != end;
         it.increment(ec)) {
        const auto lesson = read_yaml(it->path() / "lesson.md", true);
        if (!lesson || !lesson->contains("id") || !(*lesson)["id"].is_string() ||
            !lesson->contains("video") || !(*lesson)["video"].is_string())
            continue;
        const std::string video = (*lesson)["video"].get<std::string>();
        if (video.find('/') != std::string::npos || video == ".." || video == ".") continue;
        if (auto p = pointer_in_file(it->path() / video))
            videos[(*lesson)["id"].get<std::string>()] = *p;
    }
    std::vector<LfsPointer> out;
    std::set<std::string> taken;
    for (const auto& ref : refs) {
        const auto v = videos.find(ref);
        if (v != videos.end() && taken.insert(v->second.oid).second) out.push_back(v->second);
    }
    return out;
}

}  // namespace lectern::sync
