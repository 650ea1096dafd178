#include "space_session.hpp"

#include <malloc.h>
#include <future>

#include "common/diagnostic.hpp"
#include "common/log.hpp"
#include "content/cancellable_load.hpp"
#include "search/catalog.hpp"
#include "sync/sample_copy.hpp"

namespace lectern::desktop {

namespace {

namespace fs = std::filesystem;

struct Opened {
    fs::path root;
    std::shared_ptr<const content::Space> space;
    std::shared_ptr<SearchBackend> search;
    bool indexed = false;     // the index was brought up to date on the way
    bool changed = false;     // the update found changes
    std::string index_error;  // the index could not be made: the space was read whole
};

// The space as its index lists it, or nullptr when the index has no catalog for it (none
// yet, another format, another folder). Reads no content file but the manifest, synonyms
// and paths.
std::shared_ptr<const content::Space> space_from_index(const fs::path& root) {
    auto documents = search::read_catalog(search::IndexConfig{root, {}});
    if (!documents) return nullptr;
    Diagnostics ignored;  // the content check reports every problem once
    return std::make_shared<const content::Space>(
        content::Space::assemble(root, std::move(*documents), ignored));
}

search::UpdateOptions stopping_on(const CancelToken& cancel) {
    search::UpdateOptions options;
    options.progress.cancel = &cancel;
    return options;
}

Opened open_space(fs::path root, bool sample, bool fresh, const CancelToken& cancel) {
    if (sample) {
        try {
            root = sync::prepare_sample_copy(root).content;
        } catch (const Error& e) {
            // Still readable where it was installed, only not signable.
            log::warning(log::kSync, std::string("reading the sample where it is: ") + e.what());
        }
    }
    Opened opened;
    opened.root = root;
    if (!fresh) opened.space = space_from_index(root);
    if (!opened.space) {
        // No index of this version for this space yet, or the caller wants the files' state:
        // index first (a first start, or after a sync: only what changed).
        try {
            const auto report =
                search::update_index(search::IndexConfig{root, {}}, stopping_on(cancel));
            if (report.cancelled) return opened;  // dropped: the window or the load is gone
            opened.indexed = true;
            opened.changed = report.source != search::ChangeSource::UpToDate;
            opened.space = space_from_index(root);
        } catch (const Error& e) {
            opened.index_error = e.what();
        }
        if (!opened.space) {
            // Without an index (another process is writing it, the disk is full…) the space
            // is read whole, as it was before there was one, and the box searches titles.
            if (opened.index_error.empty())
                opened.index_error = "the index lists no documents after indexing";
            Diagnostics ignored;
            auto whole = content::load_space(root, ignored, cancel);
            if (whole) opened.space = std::make_shared<const content::Space>(std::move(*whole));
            return opened;
        }
    }
    opened.search = make_index_search(root);
    return opened;
}

}  // namespace

struct SpaceOpening::Work {
    std::shared_ptr<CancelToken> cancel = std::make_shared<CancelToken>();
    std::future<Opened> opened;  // std::async's: its destructor waits for the thread
};

SpaceOpening::SpaceOpening(fs::path root, bool sample, bool fresh)
    : work_(std::make_shared<Work>()) {
    work_->opened = std::async(std::launch::async, [root, sample, fresh, cancel = work_->cancel] {
        return open_space(root, sample, fresh, *cancel);
    });
}

SpaceOpening::~SpaceOpening() {
    if (work_) work_->cancel->cancel();
}

SpaceSession::SpaceSession(Handlers handlers) : handlers_(std::move(handlers)) {}

SpaceSession::~SpaceSession() {
    cancel_->cancel();  // background_, the last member, then waits for threads that stop soon
}

void SpaceSession::load(fs::path root, bool sample, bool fresh) {
    load(SpaceOpening(std::move(root), sample, fresh));
}

void SpaceSession::load(SpaceOpening opening) {
    const unsigned generation = ++generation_;
    index_settled_ = false;
    content_checked_ = false;
    cancel_->cancel();  // an earlier load's index update or content check: no longer wanted
    cancel_ = opening.work_->cancel;
    // The opening's thread knows nothing of wx: this one waits for it and brings its result to
    // the window's thread.
    background_.run<Opened>([work = std::move(opening.work_)] { return work->opened.get(); },
                            [this, generation](Opened& opened) {
                                if (generation != generation_ || !opened.space) return;
                                space_ = std::move(opened.space);
                                handlers_.loaded(opened.search);
                                if (!opened.index_error.empty()) {
                                    index_settled_ = true;
                                    handlers_.index_failed(opened.index_error);
                                    check_content(opened.root);
                                } else if (opened.indexed) {
                                    index_settled_ = true;
                                    handlers_.index_ready(opened.search, false);
                                    check_content(opened.root);
                                } else {
                                    update_index(opened.root);
                                }
                            },
                            [this, generation](const std::string& message) {
                                if (generation != generation_) return;
                                index_settled_ = true;
                                content_checked_ = true;
                                handlers_.failed(message);
                            });
}

void SpaceSession::update_index(fs::path root) {
    // The index as last written is shown already; whether files changed since takes a stat
    // of every file (or git's status): after the window is usable, never before.
    const unsigned generation = generation_;
    background_.run<Opened>(
        [root, cancel = cancel_] {
            Opened opened;
            const auto report =
                search::update_index(search::IndexConfig{root, {}}, stopping_on(*cancel));
            opened.changed = report.source != search::ChangeSource::UpToDate;
            if (opened.changed) opened.space = space_from_index(root);
            opened.search = make_index_search(root);
            return opened;
        },
        [this, generation, root](Opened& opened) {
            if (generation != generation_) return;
            index_settled_ = true;
            if (opened.space) space_ = std::move(opened.space);
            handlers_.index_ready(opened.search, opened.changed && space_ != nullptr);
            check_content(root);
        },
        [this, generation, root](const std::string& message) {
            if (generation != generation_) return;
            index_settled_ = true;
            handlers_.index_failed(message);
            check_content(root);
        });
}

void SpaceSession::check_content(fs::path root) {
    // Every file read and checked, as `lectern lint` does, to count what is left out; nothing
    // of it is kept (the bodies of a large space are hundreds of MB).
    const unsigned generation = generation_;
    background_.run<std::size_t>(
        [root, cancel = cancel_] {
            Diagnostics found;
            { const auto whole = content::load_space(root, found, *cancel); }
            // The reading threads' arenas hold the freed bodies; give the pages back.
            malloc_trim(0);
            return found.items().size();
        },
        [this, generation](std::size_t& problems) {
            if (generation != generation_) return;
            content_checked_ = true;
            handlers_.checked(problems);
        },
        [this, generation](const std::string& message) {
            if (generation != generation_) return;
            content_checked_ = true;
            log::warning(log::kSearch, "checking the content: " + message);
        });
}

std::optional<content::Document> SpaceSession::read_document(const std::string& id) const {
    const content::Document* listed = space_ ? space_->find_by_id(id) : nullptr;
    if (!listed) return std::nullopt;
    Diagnostics problems;  // a broken file is reported by the content check and lint
    return space_->read_document(listed->path, problems);
}

std::shared_ptr<const content::Space> SpaceSession::read_documents(
    const std::vector<std::string>& ids) const {
    if (!space_) return nullptr;
    std::vector<std::string> paths;
    for (const auto& id : ids) {
        if (const content::Document* listed = space_->find_by_id(id)) paths.push_back(listed->path);
    }
    Diagnostics problems;
    return std::make_shared<const content::Space>(
        content::Space::load_files(space_->root(), paths, problems));
}

}  // namespace lectern::desktop
