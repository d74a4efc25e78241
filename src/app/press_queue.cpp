#include "app/press_queue.hpp"

#include <set>

namespace psoas::app {

void PressQueue::push(int slot, bool down) {
    bool last = this->down(slot);
    for (const auto& [queuedSlot, queuedDown] : queued_)
        if (queuedSlot == slot) last = queuedDown;
    if (down != last) queued_.emplace_back(slot, down);  // a repeated state (key repeat) changes nothing
}

void PressQueue::nextFrame() {
    std::set<int> changed;
    while (!queued_.empty() && changed.insert(queued_.front().first).second) {
        state_[queued_.front().first] = queued_.front().second;
        queued_.pop_front();
    }
}

bool PressQueue::down(int slot) const {
    const auto found = state_.find(slot);
    return found != state_.end() && found->second;
}

bool PressQueue::pending() const { return !queued_.empty(); }

}  // namespace psoas::app
