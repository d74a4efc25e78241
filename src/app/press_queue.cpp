#include "app/press_queue.hpp"

#include <set>

namespace psoas::app {

void PressQueue::push(int slot, bool down) {
    bool last = this->down(slot);
    for (const Event& event : queued_)
        if (event.slot == slot) last = event.down;
    if (down != last) queued_.push_back({slot, down, 0});  // a repeated state (key repeat) changes nothing
}

void PressQueue::pushCharacter(char32_t character) { queued_.push_back({-1, false, character}); }

void PressQueue::nextFrame() {
    typed_.clear();
    std::set<int> changed;
    bool edited = false;  // a key that edits text was pressed in this frame
    while (!queued_.empty()) {
        const Event& event = queued_.front();
        if (event.slot < 0) {
            if (edited) break;
            typed_ += event.character;
        } else {
            if (!changed.insert(event.slot).second) break;
            state_[event.slot] = event.down;
            edited = edited || (event.down && editsText_ && editsText_(event.slot));
        }
        queued_.pop_front();
    }
}

bool PressQueue::down(int slot) const {
    const auto found = state_.find(slot);
    return found != state_.end() && found->second;
}

bool PressQueue::pending() const { return !queued_.empty(); }

}  // namespace psoas::app
