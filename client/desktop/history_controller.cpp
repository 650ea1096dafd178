#include "history_controller.hpp"

#include <wx/intl.h>

#include "history_panel.hpp"
#include "wx_text.hpp"

namespace lectern::desktop {

HistoryController::HistoryController(HistoryPanel& panel) : panel_(panel) {
    panel_.on_compare = [this](std::size_t older, std::size_t newer) { compare(older, newer); };
}

void HistoryController::open(std::shared_ptr<const content::Space> space,
                             const content::Document& doc) {
    space_ = std::move(space);
    document_id_ = doc.id;
    // TRANSLATORS: title of the History view; %s is the document's title.
    title_ = wxString::Format(_("History of \u201c%s\u201d"), to_wx(doc.title));
    loaded_ = false;
    history_ = {};
    panel_.show_loading(title_);
    const std::uint64_t request = ++request_;
    background_.run<DocumentHistory>(
        [space = space_, doc] { return load_document_history(*space, doc); },
        [this, request](DocumentHistory& history) {
            if (request != request_) return;
            history_ = std::move(history);
            loaded_ = true;
            panel_.show_versions(title_, history_);
            if (history_.rows.size() >= 2) {
                panel_.select_pair(1, 0);
                compare(1, 0);
            }
        },
        [this, request](const std::string& message) {
            if (request != request_) return;
            loaded_ = true;
            panel_.show_error(to_wx(message));
        });
}

void HistoryController::compare(std::size_t older, std::size_t newer) {
    if (older >= history_.rows.size() || newer >= history_.rows.size() || !space_) return;
    const std::uint64_t request = ++request_;
    struct Job {
        VersionRow older, newer;
    };
    background_.run<std::string>(
        [root = space_->root(), job = Job{history_.rows[older], history_.rows[newer]}] {
            const auto runs =
                content::word_diff(version_text(root, job.older), version_text(root, job.newer));
            return diff_page_html(runs, job.older, job.newer);
        },
        [this, request](std::string& html) {
            if (request == request_) panel_.show_diff(html);
        },
        [this, request](const std::string& message) {
            if (request == request_) panel_.show_error(to_wx(message));
        });
}

}  // namespace lectern::desktop
