#include "content/space_loader.hpp"

#include <algorithm>
#include <atomic>
#include <fstream>
#include <sstream>
#include <thread>

#include "common/text.hpp"
#include "content/cancellable_load.hpp"
#include "content/schema_check.hpp"
#include "content/version.hpp"

namespace lectern::content {

namespace fs = std::filesystem;

namespace {

std::vector<std::string> split_path(const std::string& rel) {
    std::vector<std::string> parts;
    std::stringstream ss(rel);
    for (std::string part; std::getline(ss, part, '/');) parts.push_back(part);
    return parts;
}

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string string_field(const nlohmann::json& obj, const char* key) {
    auto it = obj.find(key);
    return (it != obj.end() && it->is_string()) ? it->get<std::string>() : std::string();
}

std::vector<std::string> string_list(const nlohmann::json& obj, const char* key) {
    std::vector<std::string> out;
    auto it = obj.find(key);
    if (it == obj.end() || !it->is_array()) return out;
    for (const auto& v : *it) {
        if (v.is_string()) out.push_back(v.get<std::string>());
    }
    return out;
}

std::string format_size(std::uintmax_t bytes) {
    std::ostringstream s;
    s.precision(1);
    s << std::fixed << static_cast<double>(bytes) / (1024.0 * 1024.0) << " MiB";
    return s.str();
}

// "wifi-setup.gift" -> "Wifi setup"
std::string title_from_stem(std::string stem) {
    std::replace(stem.begin(), stem.end(), '-', ' ');
    std::replace(stem.begin(), stem.end(), '_', ' ');
    if (!stem.empty() && stem[0] >= 'a' && stem[0] <= 'z')
        stem[0] = static_cast<char>(stem[0] - 32);
    return stem;
}

constexpr std::string_view kLayoutHint =
    "procedures go in procedures/, scripts in scripts/, lessons in lessons/<slug>/lesson.md, "
    "quizzes in quizzes/, onboarding paths in paths/";

}  // namespace

Space Space::load(const fs::path& root, Diagnostics& out) {
    return SpaceLoader(root, out).load();
}

std::optional<Space> load_space(const fs::path& root, Diagnostics& out, const CancelToken& cancel) {
    SpaceLoader loader(root, out);
    loader.stop_on(cancel);
    Space space = loader.load();
    if (cancel.cancelled()) return std::nullopt;
    return space;
}

Space Space::load_files(const fs::path& root, const std::vector<std::string>& relative_paths,
                        Diagnostics& out) {
    SpaceLoader loader(root, out);
    loader.select(relative_paths);
    return loader.load();
}

Space Space::assemble(const fs::path& root, std::vector<Document> documents, Diagnostics& out) {
    std::vector<std::string> paths;
    std::error_code ec;
    for (fs::directory_iterator it(root / "paths", ec), end; !ec && it != end; it.increment(ec))
        paths.push_back("paths/" + it->path().filename().string());
    Space space = load_files(root, paths, out);
    // The documents are taken as they lie and indexed there, with the indexes sized once:
    // moving them one by one and rehashing the indexes as they grew made assembling a space of
    // 50,000 documents four times slower. One whose id or path an earlier one has is dropped,
    // the ones after it moved down.
    auto& kept = space.documents_;
    const std::size_t from = kept.size();
    if (from == 0) {
        kept = std::move(documents);
    } else {
        kept.insert(kept.end(), std::make_move_iterator(documents.begin()),
                    std::make_move_iterator(documents.end()));
    }
    space.by_id_.reserve(kept, kept.size());
    space.by_path_.reserve(kept, kept.size());
    std::size_t count = from;
    for (std::size_t i = from; i < kept.size(); ++i) {
        if (space.by_path_.find(kept, kept[i].path)) continue;
        if (count != i) kept[count] = std::move(kept[i]);
        if (!space.by_id_.add(kept, count)) continue;  // the next one takes its place
        space.by_path_.add(kept, count);
        ++count;
    }
    kept.erase(kept.begin() + static_cast<std::ptrdiff_t>(count), kept.end());
    return space;
}

std::optional<Document> Space::read_document(std::string_view relative_path,
                                             Diagnostics& out) const {
    Space one = load_files(root_, {std::string(relative_path)}, out);
    if (one.documents_.empty()) return std::nullopt;
    return std::move(one.documents_.front());
}

SpaceLoader::SpaceLoader(const fs::path& root, Diagnostics& out) : out_(out) {
    std::error_code ec;
    if (!fs::is_directory(root, ec)) {
        throw Error(ErrorKind::NotFound, "'" + root.string() +
                                             "' is not a folder: give the folder of a "
                                             "content space (the one with lectern.yaml)");
    }
    space_.root_ = root;
}

SpaceLoader::FileKind SpaceLoader::classify(const std::string& rel) const {
    const auto parts = split_path(rel);
    const std::string& name = parts.back();
    if (parts.size() == 1) {
        if (name == "lectern.yaml") return FileKind::Manifest;
        if (name == "synonyms.txt") return FileKind::Synonyms;
        if (name == "README.md" || name == "LICENSE" || name == ".gitattributes" ||
            name == ".gitignore") {
            return FileKind::Ignored;
        }
        return FileKind::Unknown;
    }
    const std::string& top = parts.front();
    if (top == "assets") return FileKind::Ignored;
    if (parts.size() == 2) {
        if (top == "procedures" && ends_with(name, ".md")) return FileKind::Procedure;
        if (top == "scripts" && ends_with(name, ".md")) return FileKind::Script;
        if (top == "quizzes" && (ends_with(name, ".gift") || ends_with(name, ".md")))
            return FileKind::Quiz;
        if (top == "paths" && (ends_with(name, ".yaml") || ends_with(name, ".yml")))
            return FileKind::Path;
    }
    if (top == "lessons" && parts.size() >= 3) {
        // Besides lesson.md a lesson folder holds its video, key frames and images.
        return (parts.size() == 3 && name == "lesson.md") ? FileKind::Lesson : FileKind::Ignored;
    }
    return FileKind::Unknown;
}

void SpaceLoader::walk() {
    const fs::path& root = space_.root_;
    std::error_code ec;
    fs::recursive_directory_iterator it(root, fs::directory_options::none, ec), end;
    if (ec)
        throw Error(ErrorKind::Io,
                    "cannot read the folder '" + root.string() + "': " + ec.message());
    for (; it != end; it.increment(ec)) {
        if (cancelled()) return;
        if (ec) {
            out_.error("io", "cannot read: " + ec.message(), {root.string(), 0, 0});
            break;
        }
        // lexically: fs::relative would follow a symbolic link to its target
        const fs::path rel_path = it->path().lexically_relative(root);
        const std::string rel = rel_path.generic_string();
        const std::string name = it->path().filename().string();
        if (it->is_symlink()) {
            out_.error("symlink",
                       "symbolic links are not allowed in content: replace it with the file itself",
                       {rel, 0, 0});
            if (it->is_directory()) it.disable_recursion_pending();
            continue;
        }
        if (it->is_directory()) {
            // .git and other hidden folders belong to tools, not to the content.
            if (!name.empty() && name[0] == '.') it.disable_recursion_pending();
            if (it.depth() == 0 && name == "assets") it.disable_recursion_pending();
            continue;
        }
        if (!it->is_regular_file() ||
            (!name.empty() && name[0] == '.' && name != ".gitattributes" && name != ".gitignore")) {
            continue;
        }
        const FileKind kind = classify(rel);
        if (kind == FileKind::Unknown) {
            const auto parts = split_path(rel);
            const bool known_top =
                parts.size() > 1 &&
                (parts[0] == "procedures" || parts[0] == "scripts" || parts[0] == "lessons" ||
                 parts[0] == "quizzes" || parts[0] == "paths");
            if (parts.size() > 1 && !known_top) {
                if (unknown_folders_.insert(parts[0]).second) {
                    out_.error("unknown-folder",
                               "unknown folder '" + parts[0] + "/': " + std::string(kLayoutHint),
                               {parts[0] + "/", 0, 0});
                }
            } else {
                out_.error(
                    "unknown-file",
                    "this file is not part of the content format: " + std::string(kLayoutHint),
                    {rel, 0, 0});
            }
            continue;
        }
        if (kind != FileKind::Ignored) files_.emplace_back(rel, kind);
    }
    std::sort(files_.begin(), files_.end());
}

void SpaceLoader::select(const std::vector<std::string>& relative_paths) {
    selected_ = true;
    std::set<std::string> wanted(relative_paths.begin(), relative_paths.end());
    wanted.insert("lectern.yaml");
    wanted.insert("synonyms.txt");
    for (const auto& rel : wanted) {
        std::error_code ec;
        const auto status = fs::symlink_status(space_.root_ / rel, ec);
        if (ec || !fs::is_regular_file(status)) continue;
        const FileKind kind = classify(rel);
        if (kind != FileKind::Ignored && kind != FileKind::Unknown) files_.emplace_back(rel, kind);
    }
}

bool SpaceLoader::read_file(const std::string& rel, std::string& bytes, Diagnostics& out) const {
    const fs::path full = space_.root_ / rel;
    std::error_code ec;
    const auto size = fs::file_size(full, ec);
    if (ec) {
        out.error("io", "cannot read: " + ec.message(), {rel, 0, 0});
        return false;
    }
    if (size > kMaxContentFileBytes) {
        out.error("file-too-large",
                  "the file is " + format_size(size) +
                      ", over the 1.0 MiB limit for content files; "
                      "split it, or keep large media in Git LFS",
                  {rel, 0, 0});
        return false;
    }
    std::ifstream in(full, std::ios::binary);
    if (!in) {
        out.error("io", "cannot open the file", {rel, 0, 0});
        return false;
    }
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (auto bad = find_invalid_utf8(bytes)) {
        const LineColumn lc = line_column_at(bytes, *bad);
        out.error("invalid-utf8", "the file is not valid UTF-8 here: save it as UTF-8",
                  {rel, lc.line, lc.column});
        return false;
    }
    return true;
}

void SpaceLoader::load_manifest(const std::string& rel, const std::string& bytes) {
    saw_manifest_ = true;
    auto data = parse_yaml(bytes, rel, 1, out_);
    if (!data || !check_against_schema(*data, "manifest", out_)) return;
    const auto& v = data->value;
    SpaceManifest& m = space_.manifest_;
    m.title = string_field(v, "title");
    m.client = string_field(v, "client");
    m.languages = string_list(v, "languages");
    if (auto lang = string_field(v, "default_lang"); !lang.empty()) m.default_lang = lang;
    if (v.contains("policy") && v["policy"].contains("auto_lock_minutes")) {
        m.auto_lock_minutes = v["policy"]["auto_lock_minutes"].get<int>();
    }
}

void SpaceLoader::load_synonyms(const std::string& rel, const std::string& bytes) {
    std::istringstream in(bytes);
    int line_no = 0;
    for (std::string line; std::getline(in, line);) {
        ++line_no;
        if (auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        const auto eq = line.find('=');
        SynonymGroup group{{}, line_no};
        auto add_words = [&](std::string part) {
            std::stringstream ss(part);
            for (std::string w; std::getline(ss, w, ',');) {
                const auto b = w.find_first_not_of(" \t\r");
                const auto e = w.find_last_not_of(" \t\r");
                if (b != std::string::npos)
                    group.words.push_back(utf8_lower(w.substr(b, e - b + 1)));
            }
        };
        if (eq != std::string::npos) {
            add_words(line.substr(0, eq));
            add_words(line.substr(eq + 1));
        }
        if (eq == std::string::npos || group.words.size() < 2) {
            out_.error("synonyms-syntax", "expected 'word = other word, another word'",
                       {rel, line_no, 1});
            continue;
        }
        space_.synonyms_.push_back(std::move(group));
    }
}

SpaceLoader::ParsedDocument SpaceLoader::parse_document(const std::string& rel,
                                                        DocumentType type) const {
    ParsedDocument parsed;
    Diagnostics& out = parsed.problems;
    std::string bytes;
    if (!read_file(rel, bytes, out)) return parsed;
    parsed.read = true;
    const bool is_quiz = type == DocumentType::Quiz;
    std::optional<SplitFile> split;
    LocatedJson fields;
    if (is_quiz && !has_front_matter(bytes)) {
        // A plain GIFT export from Moodle: nothing in it but questions.
        const std::string stem = fs::path(rel).stem().string();
        fields.value = {{"id", stem},
                        {"type", "quiz"},
                        {"title", title_from_stem(stem)},
                        {"lang", space_.manifest_.default_lang}};
        fields.locations[""] = {rel, 1, 1};
        split = SplitFile{{}, 0, bytes, 1};
    } else {
        split = split_front_matter(bytes, rel, out);
        if (!split) return parsed;
        auto yaml = parse_yaml(split->yaml, rel, split->yaml_first_line, out);
        if (!yaml) return parsed;
        fields = std::move(*yaml);
        if (fields.value.is_null()) {
            out.error("empty-front-matter",
                      "the front matter is empty: add id, type, title, lang, owner and updated",
                      {rel, split->yaml_first_line, 1});
            return parsed;
        }
    }
    if (!check_against_schema(fields, std::string(to_string(type)), out)) {
        parsed.left_out_id = string_field(fields.value, "id");
        return parsed;
    }

    const auto& v = fields.value;
    Document doc;
    doc.id = string_field(v, "id");
    doc.type = type;
    doc.title = string_field(v, "title");
    doc.lang = string_field(v, "lang");
    doc.owner = string_field(v, "owner");
    doc.updated = string_field(v, "updated");
    doc.summary = string_field(v, "summary");
    doc.tags = string_list(v, "tags");
    doc.translation_of = string_field(v, "translation_of");
    doc.review_by = string_field(v, "review_by");
    const std::string signoff = string_field(v, "signoff");
    doc.signoff = signoff == "required"   ? SignoffRule::Required
                  : signoff == "optional" ? SignoffRule::Optional
                                          : SignoffRule::None;
    doc.audience = string_list(v, "audience");
    doc.path = rel;
    doc.blob_id = git_blob_id(bytes);
    doc.body = std::string(split->body);
    doc.body_first_line = split->body_first_line;
    doc.front_matter = std::make_shared<const nlohmann::json>(v);
    parsed.document = std::move(doc);
    parsed.fields = std::move(fields);
    return parsed;
}

// Files are read and checked on several threads: YAML and the schema check are most of the
// time of loading a large space. Small spaces stay on the calling thread.
std::vector<SpaceLoader::ParsedDocument> SpaceLoader::parse_documents(
    const std::vector<std::pair<std::string, DocumentType>>& files) const {
    constexpr std::size_t kFilesPerThread = 64;
    std::vector<ParsedDocument> parsed(files.size());
    const std::size_t threads =
        std::min<std::size_t>({std::max(1u, std::thread::hardware_concurrency()), 4,
                               (files.size() + kFilesPerThread - 1) / kFilesPerThread});
    std::atomic<std::size_t> next{0};
    const auto work = [&] {
        for (std::size_t i; !cancelled() && (i = next.fetch_add(1)) < files.size();)
            parsed[i] = parse_document(files[i].first, files[i].second);
    };
    std::vector<std::thread> helpers;
    for (std::size_t t = 1; t < threads; ++t) helpers.emplace_back(work);
    work();
    for (auto& h : helpers) h.join();
    return parsed;
}

void SpaceLoader::add_document(ParsedDocument parsed) {
    for (const auto& d : parsed.problems.items()) out_.add(d);
    if (!parsed.left_out_id.empty()) space_.left_out_ids_.insert(parsed.left_out_id);
    if (!parsed.document) return;
    Document& doc = *parsed.document;
    if (const auto taken = space_.by_id_.find(space_.documents_, doc.id)) {
        out_.error("duplicate-id",
                   "duplicate id '" + doc.id + "': " + space_.documents_[*taken].path +
                       " already uses it; ids must be unique in a space",
                   parsed.fields.locate("/id"));
        return;
    }
    space_.documents_.push_back(std::move(doc));
    space_.by_id_.add(space_.documents_, space_.documents_.size() - 1);
    space_.by_path_.add(space_.documents_, space_.documents_.size() - 1);
    document_fields_.push_back(std::move(parsed.fields));
}

void SpaceLoader::load_path(const std::string& rel, const std::string& bytes) {
    auto data = parse_yaml(bytes, rel, 1, out_);
    if (!data || !check_against_schema(*data, "path", out_)) return;
    const auto& v = data->value;
    OnboardingPath p;
    p.id = string_field(v, "id");
    p.title = string_field(v, "title");
    p.lang = string_field(v, "lang");
    p.role = string_field(v, "role");
    p.owner = string_field(v, "owner");
    p.updated = string_field(v, "updated");
    p.path = rel;
    std::size_t s = 0;
    for (const auto& section : v["sections"]) {
        PathSection out_section{section["title"].get<std::string>(), {}};
        std::size_t i = 0;
        for (const auto& item : section["items"]) {
            const std::string pointer =
                "/sections/" + std::to_string(s) + "/items/" + std::to_string(i++) + "/ref";
            out_section.items.push_back({item["ref"].get<std::string>(),
                                         item["due_days"].get<int>(), data->locate(pointer).line});
        }
        p.sections.push_back(std::move(out_section));
        ++s;
    }
    space_.paths_.push_back(std::move(p));
    path_fields_.push_back(std::move(*data));
}

bool SpaceLoader::is_known_id(const std::string& id) const {
    return space_.find_by_id(id) != nullptr || space_.left_out_ids_.count(id) > 0;
}

void SpaceLoader::check_references() {
    // Documents that name another document in their front matter.
    for (std::size_t i = 0; i < space_.documents_.size(); ++i) {
        const Document& doc = space_.documents_[i];
        const auto& fields = document_fields_[i];
        for (const char* key : {"translation_of", "tests"}) {
            const std::string ref = string_field(fields.value, key);
            if (ref.empty() || is_known_id(ref)) continue;
            out_.error("unknown-reference",
                       std::string(key) + " names '" + ref +
                           "', but no document of this space has that id",
                       fields.locate(std::string("/") + key));
        }
        if (!doc.translation_of.empty() && doc.translation_of == doc.id) {
            out_.error("self-translation", "translation_of names the document itself",
                       fields.locate("/translation_of"));
        }
    }
    std::set<std::string> path_ids;
    for (std::size_t i = 0; i < space_.paths_.size(); ++i) {
        const OnboardingPath& p = space_.paths_[i];
        if (!path_ids.insert(p.id).second || space_.find_by_id(p.id)) {
            out_.error("duplicate-id",
                       "duplicate id '" + p.id + "': another document or path already uses it",
                       path_fields_[i].locate("/id"));
        }
        for (std::size_t s = 0; s < p.sections.size(); ++s) {
            for (std::size_t k = 0; k < p.sections[s].items.size(); ++k) {
                const PathItem& item = p.sections[s].items[k];
                if (is_known_id(item.ref)) continue;
                out_.error(
                    "unknown-path-item",
                    "path item '" + item.ref +
                        "' is not the id of any procedure, script, lesson or quiz of this space",
                    path_fields_[i].locate("/sections/" + std::to_string(s) + "/items/" +
                                           std::to_string(k) + "/ref"));
            }
        }
    }
}

Space SpaceLoader::load() {
    if (!selected_) walk();
    // The manifest first: a plain GIFT quiz takes the space's default language from it.
    std::stable_partition(files_.begin(), files_.end(),
                          [](const auto& f) { return f.second == FileKind::Manifest; });
    std::vector<std::pair<std::string, DocumentType>> documents;
    for (const auto& [rel, kind] : files_) {
        switch (kind) {
            case FileKind::Procedure:
                documents.emplace_back(rel, DocumentType::Procedure);
                continue;
            case FileKind::Script:
                documents.emplace_back(rel, DocumentType::Script);
                continue;
            case FileKind::Lesson:
                documents.emplace_back(rel, DocumentType::Lesson);
                continue;
            case FileKind::Quiz:
                documents.emplace_back(rel, DocumentType::Quiz);
                continue;
            case FileKind::Ignored:
            case FileKind::Unknown:
                continue;
            case FileKind::Manifest:
            case FileKind::Synonyms:
            case FileKind::Path:
                break;
        }
        std::string bytes;
        if (!read_file(rel, bytes, out_)) {
            if (kind == FileKind::Manifest) saw_manifest_ = true;
            space_.left_out_paths_.insert(rel);
            continue;
        }
        if (kind == FileKind::Manifest) {
            load_manifest(rel, bytes);
        } else if (kind == FileKind::Synonyms) {
            load_synonyms(rel, bytes);
        } else {
            load_path(rel, bytes);
        }
    }
    auto parsed = parse_documents(documents);
    if (cancelled()) return std::move(space_);  // half read: the caller drops it
    for (std::size_t i = 0; i < parsed.size(); ++i) {
        const std::size_t loaded_before = space_.documents_.size();
        add_document(std::move(parsed[i]));
        if (space_.documents_.size() == loaded_before)
            space_.left_out_paths_.insert(documents[i].first);
    }
    if (!saw_manifest_) {
        out_.error(
            "missing-manifest",
            "lectern.yaml is missing: every space needs one at its top with at least title and "
            "languages (see docs/content-format.md)",
            {"lectern.yaml", 0, 0});
    }
    // A selection is part of a space: what it refers to may simply not be in it.
    if (!selected_) check_references();
    return std::move(space_);
}

}  // namespace lectern::content
