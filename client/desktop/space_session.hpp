#pragma once
// Loading a space and bringing its search index up to date, off the UI thread. The window
// hears about each stage through handlers that run on the UI thread while the session lives.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "background.hpp"
#include "content/space.hpp"
#include "search_backend.hpp"

namespace lectern::desktop {

class SpaceSession {
  public:
    struct Handlers {
        /// The space is loaded; `problems` files or documents were left out (see lint).
        std::function<void(std::size_t problems)> loaded;
        std::function<void(const std::string& message)> failed;
        /// The full-text index is ready (nullptr: this build has none).
        std::function<void(std::shared_ptr<SearchBackend> index)> index_ready;
        std::function<void(const std::string& message)> index_failed;
    };

    explicit SpaceSession(Handlers handlers);

    /// Loads the space at `root`, then its index. Replaces what was loaded before once done.
    /// With `sample`, `root` is the bundled sample content: its git copy
    /// (sync/sample_copy.hpp) is brought up to date and loaded instead, so it can be signed.
    void load(std::filesystem::path root, bool sample = false);
    /// The loaded space, or nullptr before it is.
    const std::shared_ptr<const content::Space>& space() const { return space_; }
    /// True once the index is ready, failed, or this build has none.
    bool index_settled() const { return index_settled_; }

  private:
    void start_index(std::filesystem::path root);

    Handlers handlers_;
    std::shared_ptr<const content::Space> space_;
    bool index_settled_ = false;
    Background background_;  // last: its threads finish before the members they report to go
};

}  // namespace lectern::desktop
