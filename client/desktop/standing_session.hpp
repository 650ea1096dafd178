#pragma once
// Where the agent stands in the open space (core/progress/standing.hpp), read off the UI
// thread after the space loads, after a signature and after a sync. The badges, the path and
// the sign bar draw from it.

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "background.hpp"
#include "content/space.hpp"
#include "progress/record_place.hpp"
#include "progress/standing.hpp"

namespace lectern::desktop {

class StandingSession {
  public:
    /// `changed` runs on the UI thread whenever a new standing (or its absence) is known.
    explicit StandingSession(std::function<void()> changed);

    /// Reads the standing of this computer's agent in `space` again.
    void refresh(std::shared_ptr<const content::Space> space);
    /// Where records of the open space go; nullopt when it cannot be signed (a plain folder).
    const std::optional<progress::RecordPlace>& place() const { return place_; }
    /// The last standing read, or nullptr before the first arrives (or without a place).
    const progress::Standing* standing() const { return standing_ ? &*standing_ : nullptr; }
    const std::string& agent() const { return agent_; }

  private:
    std::function<void()> changed_;
    std::optional<progress::RecordPlace> place_;
    std::optional<progress::Standing> standing_;
    std::string agent_;
    unsigned generation_ = 0;  // a refresh started later wins over one that ends later
    Background background_;
};

}  // namespace lectern::desktop
