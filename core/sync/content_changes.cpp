#include "sync/content_changes.hpp"

#include <git2.h>

#include <algorithm>
#include <map>

#include "common/diagnostic.hpp"
#include "common/git_handles.hpp"
#include "common/libgit2.hpp"
#include "content/front_matter.hpp"

namespace lectern::sync {

namespace {

bool ends_with(const std::string& s, std::string_view suffix) {
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The document type of a path in the content layout (see docs/content-format.md), or empty.
std::string document_type(const std::string& path) {
    const auto slashes = std::count(path.begin(), path.end(), '/');
    if (slashes == 1 && path.rfind("procedures/", 0) == 0 && ends_with(path, ".md"))
        return "procedure";
    if (slashes == 1 && path.rfind("scripts/", 0) == 0 && ends_with(path, ".md")) return "script";
    if (slashes == 2 && path.rfind("lessons/", 0) == 0 && ends_with(path, "/lesson.md"))
        return "lesson";
    if (slashes == 1 && path.rfind("quizzes/", 0) == 0 &&
        (ends_with(path, ".gift") || ends_with(path, ".md")))
        return "quiz";
    if (slashes == 1 && path.rfind("paths/", 0) == 0 &&
        (ends_with(path, ".yaml") || ends_with(path, ".yml")))
        return "path";
    return {};
}

std::string file_stem(const std::string& path) {
    const std::string name = path.substr(path.rfind('/') + 1);
    return name.substr(0, name.find('.'));
}

DocumentChange describe(git_repository* repo, const git_diff_file& file, const std::string& type) {
    DocumentChange d{file_stem(file.path), {}, type, file.path};
    if (type == "lesson")
        d.id = std::string(file.path).substr(8, std::string(file.path).size() - 18);
    git_blob* raw = nullptr;
    if (git_blob_lookup(&raw, repo, &file.id) != 0) return d;
    git::BlobPtr blob(raw);
    const std::string_view text(static_cast<const char*>(git_blob_rawcontent(blob.get())),
                                static_cast<std::size_t>(git_blob_rawsize(blob.get())));
    // A path file is YAML throughout; the others carry a front matter block.
    Diagnostics ignored;
    std::string_view yaml = text;
    int first_line = 1;
    if (type != "path") {
        const auto split = content::split_front_matter(text, d.path, ignored);
        if (!split) return d;
        yaml = split->yaml;
        first_line = split->yaml_first_line;
    }
    const auto parsed = content::parse_yaml(yaml, d.path, first_line, ignored);
    if (!parsed || !parsed->value.is_object()) return d;
    const auto& v = parsed->value;
    if (v.contains("id") && v["id"].is_string()) d.id = v["id"].get<std::string>();
    if (v.contains("title") && v["title"].is_string()) d.title = v["title"].get<std::string>();
    return d;
}

git::TreePtr tree_of(git_repository* repo, const std::string& commit) {
    git_oid oid;
    git_commit* raw_commit = nullptr;
    if (git_oid_fromstr(&oid, commit.c_str()) != 0 ||
        git_commit_lookup(&raw_commit, repo, &oid) != 0)
        throw libgit2_error("reading commit " + commit);
    git::CommitPtr c(raw_commit);
    git_tree* raw_tree = nullptr;
    if (git_commit_tree(&raw_tree, c.get()) != 0)
        throw libgit2_error("reading the tree of " + commit);
    return git::TreePtr(raw_tree);
}

}  // namespace

ContentChanges content_changes(const std::filesystem::path& repository, const std::string& from,
                               const std::string& to) {
    const git::RepositoryPtr repo = open_repository(repository);
    // A `from` the repository does not hold (it was re-created after damage) counts as
    // nothing: every document is reported added.
    git_oid from_oid;
    git_commit* probe = nullptr;
    const bool from_known = !from.empty() && git_oid_fromstr(&from_oid, from.c_str()) == 0 &&
                            git_commit_lookup(&probe, repo.get(), &from_oid) == 0;
    git::CommitPtr probe_owner(probe);
    git::TreePtr old_tree = from_known ? tree_of(repo.get(), from) : nullptr;
    git::TreePtr new_tree = tree_of(repo.get(), to);
    git_diff* raw_diff = nullptr;
    if (git_diff_tree_to_tree(&raw_diff, repo.get(), old_tree.get(), new_tree.get(), nullptr) != 0)
        throw libgit2_error("comparing " + from + " with " + to);
    git::DiffPtr diff(raw_diff);

    ContentChanges out;
    const std::size_t n = git_diff_num_deltas(diff.get());
    for (std::size_t i = 0; i < n; ++i) {
        const git_diff_delta* delta = git_diff_get_delta(diff.get(), i);
        const bool removed = delta->status == GIT_DELTA_DELETED;
        const git_diff_file& file = removed ? delta->old_file : delta->new_file;
        const std::string type = document_type(file.path);
        if (type.empty()) {
            out.other_files.push_back(file.path);
            continue;
        }
        DocumentChange d = describe(repo.get(), file, type);
        if (removed) {
            out.removed.push_back(std::move(d));
        } else if (delta->status == GIT_DELTA_ADDED) {
            out.added.push_back(std::move(d));
        } else {
            out.changed.push_back(std::move(d));
        }
    }
    // A document that moved keeps its id: it is changed, not removed and added again.
    std::map<std::string, std::size_t> removed_by_id;
    for (std::size_t i = 0; i < out.removed.size(); ++i) removed_by_id[out.removed[i].id] = i;
    std::vector<bool> moved(out.removed.size(), false);
    std::vector<DocumentChange> still_added;
    for (auto& d : out.added) {
        const auto it = removed_by_id.find(d.id);
        if (it != removed_by_id.end() && !moved[it->second]) {
            moved[it->second] = true;
            out.changed.push_back(std::move(d));
        } else {
            still_added.push_back(std::move(d));
        }
    }
    out.added = std::move(still_added);
    std::vector<DocumentChange> still_removed;
    for (std::size_t i = 0; i < out.removed.size(); ++i)
        if (!moved[i]) still_removed.push_back(std::move(out.removed[i]));
    out.removed = std::move(still_removed);
    return out;
}

}  // namespace lectern::sync
