#include "space_session.hpp"

#include "common/diagnostic.hpp"
#include "common/log.hpp"
#include "sync/sample_copy.hpp"

namespace lectern::desktop {

namespace {
struct LoadedSpace {
    std::shared_ptr<const content::Space> space;
    std::size_t problems = 0;
};
}  // namespace

SpaceSession::SpaceSession(Handlers handlers) : handlers_(std::move(handlers)) {}

void SpaceSession::load(std::filesystem::path root, bool sample) {
    // Reading and checking every file of a space is disk work: never on the UI thread.
    background_.run<LoadedSpace>(
        [root, sample]() mutable {
            if (sample) {
                try {
                    root = sync::prepare_sample_copy(root).content;
                } catch (const Error& e) {
                    // Still readable where it was installed, only not signable.
                    log::warning(log::kSync,
                                 std::string("reading the sample where it is: ") + e.what());
                }
            }
            Diagnostics found;
            auto space = std::make_shared<const content::Space>(content::Space::load(root, found));
            return LoadedSpace{std::move(space), found.items().size()};
        },
        [this](LoadedSpace& loaded) {
            space_ = std::move(loaded.space);
            index_settled_ = false;
            handlers_.loaded(loaded.problems);
            start_index(space_->root());
        },
        [this](const std::string& message) { handlers_.failed(message); });
}

void SpaceSession::start_index(std::filesystem::path root) {
    // Until the index is up to date (a while for a large space), the box searches titles.
    using Backend = std::shared_ptr<SearchBackend>;
    background_.run<Backend>([root] { return Backend(make_index_search(root)); },
                             [this](Backend& index) {
                                 index_settled_ = true;
                                 handlers_.index_ready(std::move(index));
                             },
                             [this](const std::string& message) {
                                 index_settled_ = true;
                                 handlers_.index_failed(message);
                             });
}

}  // namespace lectern::desktop
