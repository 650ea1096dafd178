#include "standing_session.hpp"

#include "common/log.hpp"
#include "unlocker.hpp"

namespace lectern::desktop {

StandingSession::StandingSession(std::function<void()> changed) : changed_(std::move(changed)) {}

void StandingSession::refresh(std::shared_ptr<const content::Space> space) {
    const unsigned generation = ++generation_;
    if (!space) return;
    agent_ = signing_identity().user;
    place_ = progress::record_place(space->root());
    if (!place_) {
        standing_.reset();
        changed_();
        return;
    }
    background_.run<progress::Standing>(
        [space, place = *place_, agent = agent_] {
            return progress::read_standing(*space, place, agent);
        },
        [this, generation](progress::Standing& standing) {
            if (generation != generation_) return;
            standing_ = std::move(standing);
            changed_();
        },
        [this, generation](const std::string& message) {
            if (generation != generation_) return;
            // Badges and progress are left out; the content still reads.
            log::warning(log::kLedger, "cannot read where the agent stands: " + message);
            standing_.reset();
            changed_();
        });
}

}  // namespace lectern::desktop
