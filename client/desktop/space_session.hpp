#pragma once
// Opening a space fast and bringing it up to date, off the UI thread. The library and search
// come from the search index's catalog first (no content file is read); then the index is
// brought up to date with the files, and then the whole content is checked. The window hears
// about each stage through handlers that run on the UI thread while the session lives.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "background.hpp"
#include "common/cancel_token.hpp"
#include "content/space.hpp"
#include "search_backend.hpp"

namespace lectern::desktop {

/// The first stage of opening a space (from its index, or indexing it first) running on a thread
/// of its own before there is a window to show it in: the app starts it as soon as it knows the
/// space, so that it overlaps the making of the window, and SpaceSession::load takes it over.
/// Uses nothing of wx.
class SpaceOpening {
  public:
    /// Starts opening the space at `root`, as SpaceSession::load(root, sample, fresh) does.
    SpaceOpening(std::filesystem::path root, bool sample, bool fresh = false);
    SpaceOpening(SpaceOpening&&) noexcept = default;
    SpaceOpening& operator=(SpaceOpening&&) = delete;  // would drop one without stopping it
    /// When no session took it over: stops the work at its next file or document and waits
    /// for it.
    ~SpaceOpening();

  private:
    friend class SpaceSession;
    struct Work;
    std::shared_ptr<Work> work_;
};

class SpaceSession {
  public:
    struct Handlers {
        /// The space can be shown and searched: space() lists its documents (without their
        /// bodies) as the index last saw them, and `search` searches that index.
        std::function<void(std::shared_ptr<SearchBackend> search)> loaded;
        std::function<void(const std::string& message)> failed;
        /// The index is up to date with the files; `changed`: documents were added, changed
        /// or removed since, and space() lists them as they are now.
        std::function<void(std::shared_ptr<SearchBackend> search, bool changed)> index_ready;
        std::function<void(const std::string& message)> index_failed;
        /// Every file of the space has been read and checked: `problems` files or documents
        /// are left out (see lint).
        std::function<void(std::size_t problems)> checked;
    };

    explicit SpaceSession(Handlers handlers);
    /// Stops the work under way at its next file or document (a window closing while a large
    /// space is indexed or checked closes at once) and waits for it.
    ~SpaceSession();

    /// Opens the space at `root`: from its index when there is one of this version for it,
    /// else after indexing it; the stages of an earlier load still running are stopped. With
    /// `fresh`, the index is brought up to date before the
    /// space is shown (after a sync, whose changes the window reports). With `sample`, `root`
    /// is the bundled sample content: its git copy (sync/sample_copy.hpp) is brought up to date
    /// and opened instead, so it can be signed.
    void load(std::filesystem::path root, bool sample = false, bool fresh = false);
    /// As load() for the space `opening` opens, with its first stage already under way.
    void load(SpaceOpening opening);
    /// The space shown, or nullptr before the first is loaded. Its documents have no bodies:
    /// read_document() reads one.
    const std::shared_ptr<const content::Space>& space() const { return space_; }
    /// The document `id` of space() with its body, read from its file now; nullopt when the
    /// file is gone or no longer a valid document.
    std::optional<content::Document> read_document(const std::string& id) const;
    /// A space of just these documents of space(), read from their files now (for what needs
    /// other documents' text, like a quiz whose questions name sections of procedures).
    std::shared_ptr<const content::Space> read_documents(const std::vector<std::string>& ids) const;
    /// True once the index is up to date, failed, or this build has none.
    bool index_settled() const { return index_settled_; }
    /// True once the whole content has been checked (or could not be).
    bool content_checked() const { return content_checked_; }

  private:
    void update_index(std::filesystem::path root);
    void check_content(std::filesystem::path root);

    Handlers handlers_;
    std::shared_ptr<const content::Space> space_;
    unsigned generation_ = 0;  // of load(): stages of an older load are dropped
    // Of the current load's stages; cancelled by the next load() and by the destructor. Each
    // stage holds it, so it lives as long as the thread that reads it.
    std::shared_ptr<CancelToken> cancel_ = std::make_shared<CancelToken>();
    bool index_settled_ = false;
    bool content_checked_ = false;
    Background background_;  // last: its threads finish before the members they report to go
};

}  // namespace lectern::desktop
