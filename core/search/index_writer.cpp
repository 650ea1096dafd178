#include "search/index_writer.hpp"

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <future>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "content/cancellable_load.hpp"
#include "content/document_view.hpp"
#include "content/space.hpp"
#include "ledger/durable_files.hpp"
#include "search/document_terms.hpp"
#include "search/incremental/file_stamps.hpp"
#include "search/incremental/git_space.hpp"
#include "search/incremental/tree_cache.hpp"
#include "search/index_location.hpp"
#include "search/index_state.hpp"
#include "search/rebuild_parts.hpp"
#include "search/terms.hpp"
#include "search/xapian_errors.hpp"

namespace lectern::search {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kManifest = "lectern.yaml";
constexpr std::string_view kSynonyms = "synonyms.txt";

std::string canonical_string(const fs::path& p) {
    std::error_code ec;
    const fs::path c = fs::canonical(p, ec);
    return (ec ? fs::absolute(p) : c).string();
}

// Xapian's files in an index folder, and the tree cache kept with them. Only these are
// deleted, so that an index folder given by mistake (--index ~) loses nothing but an index.
bool is_index_file(const std::string& name) {
    auto ends = [&](std::string_view s) {
        return name.size() >= s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0;
    };
    return name.rfind("iam", 0) == 0 || name == "flintlock" || ends(".glass") || ends(".tmp") ||
           ends(".DB") || ends(".baseA") || ends(".baseB") ||
           name == incremental::TreeCache::kFileName;
}

void remove_database(const fs::path& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        if (entry.is_regular_file(ec) && is_index_file(entry.path().filename().string()))
            fs::remove(entry.path(), ec);
    }
    fs::remove(dir, ec);  // only when empty
}

// Spelling words gained (+1) and lost (-1) over the documents of an update, written once
// per word at the end. A changed document keeps most of its words: removing and adding each
// of them again rewrote the spelling table's entry of every word of the document for nothing.
using SpellingDelta = std::map<std::string, int>;

void count_spelling(SpellingDelta& delta, const Xapian::Document& doc, int sign) {
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        if (terms::is_spelling_word(*t)) delta[*t] += sign;
    }
}

void write_spelling(Xapian::WritableDatabase& db, const SpellingDelta& delta) {
    for (const auto& [word, n] : delta) {
        if (n > 0) db.add_spelling(word, static_cast<Xapian::termcount>(n));
        if (n < 0) db.remove_spelling(word, static_cast<Xapian::termcount>(-n));
    }
}

// Flushes a finished database folder to disk: each file, then the folder.
void sync_database(const fs::path& dir) {
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.is_regular_file()) ledger::durable::sync_path(entry.path());
    }
    ledger::durable::sync_path(dir);
}

std::vector<std::vector<std::string>> synonym_groups(const content::Space& space) {
    std::vector<std::vector<std::string>> groups;
    for (const auto& g : space.synonyms()) groups.push_back(g.words);
    return groups;
}

void merge_languages(std::vector<std::string>& into, const content::Space& space) {
    std::set<std::string> all(into.begin(), into.end());
    all.insert(space.manifest().languages.begin(), space.manifest().languages.end());
    for (const auto& d : space.documents()) all.insert(d.lang);
    into.assign(all.begin(), all.end());
}

// One update of one index: decides what to re-index, then does it.
class IndexRun {
  public:
    IndexRun(const IndexConfig& config, const UpdateOptions& options)
        : root_(config.space_root), dir_(config.resolved_index_dir()), options_(options) {}

    IndexReport run() {
        const auto start = std::chrono::steady_clock::now();
        std::string reason = open();
        if (reason.empty()) reason = check_state();
        std::optional<std::vector<std::string>> paths;
        if (reason.empty()) paths = changed_paths(reason);
        if (paths) {
            update(*paths);
        } else {
            rebuild(reason);
        }
        report_.seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        return std::move(report_);
    }

  private:
    // Opens the index, returning why it must be rebuilt when it cannot be used.
    std::string open() {
        if (options_.rebuild) return "a rebuild was asked for";
        std::error_code ec;
        if (!fs::exists(dir_, ec)) return "there was no index yet";
        try {
            db_.emplace(dir_.string(), Xapian::DB_CREATE_OR_OPEN);
            state_ = read_state(*db_);
        } catch (const Xapian::Error& e) {
            if (!means_rebuild(e)) throw;
            db_.reset();
            return "the index could not be read (" + std::string(e.get_type()) + ": " +
                   e.get_msg() + ")";
        }
        return {};
    }

    std::string check_state() {
        if (state_.format == 0) return "there was no index yet";
        if (state_.format != kIndexFormat)
            return "the index was made by another version of Lectern";
        if (!state_.complete) return "the last indexing run did not finish";
        if (state_.space != canonical_string(root_))
            return "the index belonged to the space at " + state_.space;
        return {};
    }

    // Paths to bring in line with the files on disk, or nullopt with the reason for a rebuild.
    std::optional<std::vector<std::string>> changed_paths(std::string& reason) {
        git_ = incremental::GitSpace::open(root_);
        commit_ = git_ ? git_->head_commit() : "";
        const std::string source = commit_.empty() ? "folder" : "git";
        if (source != state_.source) {
            reason = source == "git" ? "the space is now a git repository"
                                     : "the space is no longer a git repository";
            return std::nullopt;
        }
        std::set<std::string> paths;
        if (source == "git") {
            report_.source = ChangeSource::GitDiff;
            if (commit_ != state_.commit) {
                trees_ = incremental::TreeCache::load(trees_file(), state_.commit);
                const auto changes = git_->diff(state_.commit, commit_, &*trees_);
                if (!changes) {
                    reason = "the indexed commit " + state_.commit.substr(0, 12) +
                             " is no longer in the repository";
                    return std::nullopt;
                }
                const auto all = changes->all_paths();
                paths.insert(all.begin(), all.end());
                report_.renamed = changes->renamed;
            }
            // What was indexed from the work tree last time is compared again, whatever it is now.
            paths.insert(state_.uncommitted.begin(), state_.uncommitted.end());
            if (options_.include_uncommitted) {
                for (auto& p : git_->uncommitted_paths()) {
                    if (incremental::is_index_input(p)) uncommitted_.push_back(p);
                }
                paths.insert(uncommitted_.begin(), uncommitted_.end());
            }
        } else {
            report_.source = ChangeSource::FileStamps;
            stamps_ = incremental::index_input_stamps(root_);
            auto indexed = indexed_stamps();
            indexed.insert(state_.stamps.begin(), state_.stamps.end());
            for (const auto& [path, stamp] : stamps_) {
                auto it = indexed.find(path);
                if (it == indexed.end() || it->second != stamp) paths.insert(path);
            }
            for (const auto& [path, stamp] : indexed) {
                if (!stamps_.count(path)) paths.insert(path);
            }
        }
        std::vector<std::string> inputs;
        for (const auto& p : paths) {
            if (incremental::is_index_input(p)) inputs.push_back(p);
        }
        if (std::find(inputs.begin(), inputs.end(), kManifest) != inputs.end()) {
            // The manifest gives plain GIFT quizzes their language: simplest to start over.
            reason = "lectern.yaml changed";
            return std::nullopt;
        }
        return inputs;
    }

    // Path -> stamp of every indexed document, from the values written with them.
    std::map<std::string, std::string> indexed_stamps() const {
        std::map<std::string, std::string> out;
        auto stamp = db_->valuestream_begin(terms::kSlotStamp);
        for (auto path = db_->valuestream_begin(terms::kSlotPath);
             path != db_->valuestream_end(terms::kSlotPath); ++path) {
            std::string value;
            if (stamp != db_->valuestream_end(terms::kSlotStamp)) {
                stamp.skip_to(path.get_docid());
                if (stamp != db_->valuestream_end(terms::kSlotStamp) &&
                    stamp.get_docid() == path.get_docid()) {
                    value = *stamp;
                }
            }
            out.emplace(*path, std::move(value));
        }
        return out;
    }

    std::string stamp_for(const std::string& path) const {
        auto it = stamps_.find(path);
        return it == stamps_.end() ? std::string() : it->second;
    }

    void update(const std::vector<std::string>& paths) {
        report_.commit = commit_;
        std::vector<std::string> documents;
        bool synonyms_changed = false;
        for (const auto& p : paths) {
            if (p == kSynonyms) {
                synonyms_changed = true;
            } else {
                documents.push_back(p);
            }
        }
        const bool state_changed =
            commit_ != state_.commit || uncommitted_ != state_.uncommitted || synonyms_changed;
        if (documents.empty() && !state_changed) {
            report_.source = ChangeSource::UpToDate;
            report_.documents = db_->get_doccount();
            return;
        }
        options_.progress.step("loading", 0, documents.size());
        const content::Space space = content::Space::load_files(root_, documents, report_.problems);
        report_.files_read = documents.size() + (synonyms_changed ? 1 : 0);

        db_->begin_transaction();
        SpellingDelta spelling;
        std::size_t done = 0;
        for (const auto& path : documents) {
            if (options_.progress.cancelled()) {
                db_->cancel_transaction();
                report_.cancelled = true;
                report_.documents = db_->get_doccount();
                return;
            }
            options_.progress.step("indexing", done++, documents.size());
            const std::string key = std::string(terms::kPath) + path;
            std::optional<Xapian::Document> old;
            if (auto p = db_->postlist_begin(key); p != db_->postlist_end(key))
                old = db_->get_document(*p);
            if (old) count_spelling(spelling, *old, -1);
            if (const content::Document* doc = space.find_by_path(path)) {
                Xapian::Document xd =
                    terms_.make(*doc, content::document_searchable_text(*doc), stamp_for(path));
                count_spelling(spelling, xd, +1);
                db_->replace_document(key, xd);
                (old ? report_.changed : report_.added).push_back(path);
            } else if (old) {
                db_->delete_document(key);
                report_.deleted.push_back(path);
            }
        }
        write_spelling(*db_, spelling);
        if (synonyms_changed) state_.synonyms = synonym_groups(space);
        merge_languages(state_.languages, space);
        save_state();
        options_.progress.step("saving", documents.size(), documents.size());
        // The diff's trees are those of the commit being indexed; they are written while Xapian
        // commits (its syncs wait on the disk; the 2 MB of a 50,000-document space took 1.3-16 ms
        // after it). Should the commit fail, the file names a commit the index is not at, and
        // the next update does not use it. A cache that cannot be written only means that the
        // next update reads its old trees from the repository.
        std::future<bool> trees_saved;
        if (trees_) {
            trees_saved = std::async(std::launch::async,
                                     [this] { return trees_->save(trees_file(), commit_); });
        }
        db_->commit_transaction();
        if (trees_saved.valid()) (void)trees_saved.get();
        report_.documents = db_->get_doccount();
    }

    // Builds a new index next to the old one and swaps it in, so that a cancelled or failed
    // rebuild leaves the old index (if any) as it was.
    void rebuild(const std::string& reason) {
        report_ = IndexReport{};
        report_.source = ChangeSource::Rebuild;
        report_.rebuild_reason = reason;
        if (!git_) {
            git_ = incremental::GitSpace::open(root_);
            commit_ = git_ ? git_->head_commit() : "";
        }
        const bool is_git = !commit_.empty();
        report_.commit = commit_;
        if (!is_git) stamps_ = incremental::index_input_stamps(root_);
        uncommitted_.clear();
        // The work tree is compared with git while the files are read (they are read whatever
        // it finds).
        std::future<std::vector<std::string>> scan;
        if (is_git && options_.include_uncommitted) {
            scan = std::async(std::launch::async, [this] { return git_->uncommitted_paths(); });
        }

        options_.progress.step("loading", 0, 0);
        // Reading every file is most of a large rebuild's time: it stops on cancel too.
        std::optional<content::Space> loaded =
            options_.progress.cancel
                ? content::load_space(root_, report_.problems, *options_.progress.cancel)
                : content::Space::load(root_, report_.problems);
        if (!loaded) {
            report_.cancelled = true;
            return;
        }
        if (scan.valid()) {
            for (auto& p : scan.get()) {
                if (incremental::is_index_input(p)) uncommitted_.push_back(p);
            }
        }
        const content::Space& space = *loaded;
        const std::size_t total = space.documents().size();
        report_.files_read = total;

        const fs::path fresh = dir_.string() + ".new";
        remove_database(fresh);
        fs::create_directories(fresh.parent_path());
        const auto spelling = build_in_parts(
            {space.documents(), [this](const std::string& path) { return stamp_for(path); },
             options_.progress},
            fresh);
        if (!spelling) {
            remove_database(fresh);
            report_.cancelled = true;
            return;
        }
        for (const auto& doc : space.documents()) report_.added.push_back(doc.path);
        // No fsync at each of Xapian's commits: nobody reads this folder until it is renamed
        // over the index, and sync_database() puts all of it on disk once before that. A crash
        // before the rename leaves the old index and a stray folder that the next rebuild
        // removes.
        std::optional<Xapian::WritableDatabase> db;
        db.emplace(fresh.string(), Xapian::DB_OPEN | Xapian::DB_NO_SYNC);
        spelling->write(*db);
        state_ = IndexState{};
        state_.synonyms = synonym_groups(space);
        merge_languages(state_.languages, space);
        db_.reset();  // the old index and its lock go away first
        std::swap(db_, db);
        save_state();
        options_.progress.step("saving", total, total);
        db_->commit();
        report_.documents = db_->get_doccount();
        db_.reset();
        sync_database(fresh);
        remove_database(dir_);
        fs::rename(fresh, dir_);
        ledger::durable::sync_path(dir_.parent_path());
    }

    fs::path trees_file() const { return dir_ / incremental::TreeCache::kFileName; }

    void save_state() {
        state_.format = kIndexFormat;
        state_.complete = true;
        state_.space = canonical_string(root_);
        state_.source = commit_.empty() ? "folder" : "git";
        state_.commit = commit_;
        state_.uncommitted = uncommitted_;
        state_.stamps.clear();
        for (std::string_view special : {kManifest, kSynonyms}) {
            if (auto s = stamp_for(std::string(special)); !s.empty())
                state_.stamps[std::string(special)] = s;
        }
        write_state(*db_, state_);
    }

    fs::path root_;
    fs::path dir_;
    UpdateOptions options_;
    IndexReport report_;
    IndexState state_;
    std::optional<Xapian::WritableDatabase> db_;
    std::optional<incremental::GitSpace> git_;
    /// The large trees of the commit being indexed, when the update diffed two commits.
    std::optional<incremental::TreeCache> trees_;
    std::string commit_;
    std::vector<std::string> uncommitted_;
    std::map<std::string, std::string> stamps_;
    DocumentTerms terms_;
};

}  // namespace

fs::path IndexConfig::resolved_index_dir() const {
    return index_dir.empty() ? default_index_dir(space_root) : index_dir;
}

IndexReport update_index(const IndexConfig& config, const UpdateOptions& options) {
    std::error_code ec;
    if (!fs::is_directory(config.space_root, ec)) {
        throw Error(ErrorKind::NotFound,
                    "'" + config.space_root.string() +
                        "' is not a folder: give the folder of a content space (the one "
                        "with lectern.yaml)");
    }
    const fs::path dir = config.resolved_index_dir();
    try {
        return IndexRun(config, options).run();
    } catch (const Xapian::Error& e) {
        throw xapian_error(e, "updating the index at " + dir.string());
    } catch (const fs::filesystem_error& e) {
        throw Error(ErrorKind::Io,
                    "cannot write the search index at " + dir.string() + ": " + e.code().message());
    }
}

}  // namespace lectern::search
