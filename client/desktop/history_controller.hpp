#pragma once
// Feeds the History view: reads a document's versions and computes diffs off the UI thread
// (git reads and a diff of two long texts take time), showing only the latest request's
// answer.

#include <cstdint>
#include <memory>
#include <string>

#include "background.hpp"
#include "content/space.hpp"
#include "history_model.hpp"

namespace lectern::desktop {

class HistoryPanel;

class HistoryController {
  public:
    explicit HistoryController(HistoryPanel& panel);

    /// Shows the history of `doc` and the diff of its two newest versions.
    void open(std::shared_ptr<const content::Space> space, const content::Document& doc);
    /// Shows the diff between two rows of the list.
    void compare(std::size_t older, std::size_t newer);
    const std::string& document_id() const { return document_id_; }
    /// True once the versions are listed (for tests).
    bool loaded() const { return loaded_; }

  private:
    HistoryPanel& panel_;
    std::shared_ptr<const content::Space> space_;
    std::string document_id_;
    wxString title_;
    DocumentHistory history_;
    bool loaded_ = false;
    std::uint64_t request_ = 0;  // answers to older requests are dropped
    Background background_;      // last: its threads finish before the members they report to go
};

}  // namespace lectern::desktop
