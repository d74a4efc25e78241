#include "core/lesson_player.hpp"

#include <algorithm>

namespace psoas {

void LessonPlayer::open(const Lesson& lesson, int step) {
    lesson_ = lesson;
    index_ = -1;  // force a revision even when reopening at the same index
    setIndex(step);
}

void LessonPlayer::close() {
    lesson_.reset();
    index_ = 0;
    ++revision_;
}

void LessonPlayer::reload(const Lesson& lesson) {
    const int keep = index_;
    lesson_ = lesson;
    index_ = -1;
    setIndex(keep);
}

void LessonPlayer::reword(const Lesson& lesson) {
    lesson_ = lesson;
    index_ = std::clamp(index_, 0, std::max(stepCount() - 1, 0));
}

void LessonPlayer::setIndex(int index) {
    if (!lesson_ || lesson_->steps.empty()) return;
    const int clamped = std::clamp(index, 0, stepCount() - 1);
    if (clamped == index_) return;
    index_ = clamped;
    ++revision_;
}

bool LessonPlayer::next() {
    if (!lesson_ || index_ + 1 >= stepCount()) return false;
    setIndex(index_ + 1);
    return true;
}

bool LessonPlayer::previous() {
    if (!lesson_ || index_ <= 0) return false;
    setIndex(index_ - 1);
    return true;
}

void LessonPlayer::first() {
    if (!lesson_ || lesson_->steps.empty()) return;
    index_ = -1;  // a new revision even on the first step: Home starts it afresh
    setIndex(0);
}
void LessonPlayer::last() { setIndex(stepCount() - 1); }
void LessonPlayer::jump(int step) { setIndex(step); }

}  // namespace psoas
