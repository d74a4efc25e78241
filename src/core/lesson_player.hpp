#pragma once
// Where the class is in a lesson: which lesson, which step. Moving between steps only changes the
// index and bumps a revision; the app sees the new revision and glides the view to the new step.

#include "core/lesson.hpp"

#include <cstdint>
#include <optional>

namespace psoas {

class LessonPlayer {
public:
    void open(const Lesson& lesson, int step = 0);
    void close();
    // After a hot reload: take the new text, stay on the same step if it still exists.
    void reload(const Lesson& lesson);
    // An edit that changed only words on the current step (titles, text, notes, duration): the new
    // lesson with no new revision, so nothing is staged again and the view stays where it is.
    void reword(const Lesson& lesson);

    [[nodiscard]] bool active() const { return lesson_.has_value(); }
    [[nodiscard]] const Lesson& lesson() const { return *lesson_; }
    [[nodiscard]] const LessonStep& step() const { return lesson_->steps[static_cast<std::size_t>(index_)]; }
    [[nodiscard]] int stepIndex() const { return index_; }
    [[nodiscard]] int stepCount() const { return lesson_ ? static_cast<int>(lesson_->steps.size()) : 0; }
    [[nodiscard]] std::uint64_t revision() const { return revision_; }

    bool next();      // false at the last step
    bool previous();  // false at the first step
    // The first step afresh, with a new revision even when it is the one shown (Home in a lesson):
    // its view, pose and caption go back to their start (fresh tester, issue 14: Home on the first
    // step kept a scrolled caption with its title out of sight).
    void first();
    void last();
    void jump(int step);  // clamped to the lesson

private:
    void setIndex(int index);

    std::optional<Lesson> lesson_;
    int index_ = 0;
    std::uint64_t revision_ = 0;
};

}  // namespace psoas
