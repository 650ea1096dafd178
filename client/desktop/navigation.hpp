#pragma once
// Where the reader is, and where Back goes.

#include <optional>
#include <string>
#include <vector>

namespace lectern::desktop {

/// What the content area shows.
enum class View { Welcome, Document, Script, Path, Search, History };

struct Location {
    View view = View::Welcome;
    std::string
        id;  ///< document or path id (History: the document's); empty for Welcome and Search
    bool operator==(const Location&) const = default;
};

/// The places visited, newest last; visiting the place already shown adds nothing.
class History {
  public:
    void visit(const Location& where) {
        if (!places_.empty() && places_.back() == where) return;
        places_.push_back(where);
    }
    /// Leaves the current place; returns the one before it, if any.
    std::optional<Location> back() {
        if (places_.size() < 2) return std::nullopt;
        places_.pop_back();
        return places_.back();
    }
    std::optional<Location> current() const {
        if (places_.empty()) return std::nullopt;
        return places_.back();
    }

  private:
    std::vector<Location> places_;
};

}  // namespace lectern::desktop
