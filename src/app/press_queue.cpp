#include "app/press_queue.hpp"

#include <set>

namespace psoas::app {

void PressQueue::push(int slot, bool down) {
    bool last = this->down(slot);
    for (const Event& event : queued_)
        if (event.slot == slot) last = event.down;
    if (down != last) queued_.push_back({slot, down, 0, std::nullopt});  // a repeated state (key repeat) changes nothing
}

void PressQueue::pushAt(int slot, bool down, float x, float y) {
    const std::size_t before = queued_.size();
    push(slot, down);
    if (queued_.size() > before) queued_.back().at = std::pair{x, y};
}

void PressQueue::pushCharacter(char32_t character) { queued_.push_back({-1, false, character, std::nullopt}); }

void PressQueue::nextFrame() {
    typed_.clear();
    pointer_.reset();
    std::set<int> changed;
    bool edited = false;  // a key that edits text was pressed in this frame
    while (!queued_.empty()) {
        const Event& event = queued_.front();
        if (event.slot < 0) {
            if (edited) break;
            typed_ += event.character;
        } else {
            const bool edits = event.down && editsText_ && editsText_(event.slot);
            // Nor one after characters in the same frame: a click may move the keyboard away
            // from the field they were typed into.
            if (edits && !typed_.empty()) break;
            if (!changed.insert(event.slot).second) break;
            state_[event.slot] = event.down;
            if (event.at) pointer_ = event.at;
            edited = edited || edits;
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
