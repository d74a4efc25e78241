#pragma once
// A lesson exported as slides and a handout: one PNG per step (the slide layout, the step's
// transitions finished) and an index.html listing them. The window exports a step a frame, so it
// stays alive and shows progress; --export-lesson exports them all at once. Both go through here,
// each with its SlideFormat: the window's from the teacher's export choice (remembered in the
// settings), --export-lesson's from --size and --background.

#include "core/handout.hpp"
#include "core/lesson.hpp"
#include "core/slide_format.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace psoas::app {

class Application;

class LessonExport {
public:
    // `lesson` is copied: the library may reload while the export runs.
    LessonExport(Lesson lesson, std::filesystem::path folder, SlideFormat format)
        : lesson_(std::move(lesson)), folder_(std::move(folder)), format_(format) {}

    [[nodiscard]] const Lesson& lesson() const { return lesson_; }
    [[nodiscard]] const std::filesystem::path& folder() const { return folder_; }
    // Every slide's size (pixels) and background; the handout gives its images this size.
    [[nodiscard]] const SlideFormat& format() const { return format_; }
    [[nodiscard]] int stepCount() const { return static_cast<int>(lesson_.steps.size()); }
    [[nodiscard]] int stepsDone() const { return static_cast<int>(images_.size()); }
    [[nodiscard]] bool allStepsDone() const { return stepsDone() >= stepCount(); }

    // Draws the next step's slide in format() and writes it. Returns "" or the reason it failed;
    // lastFile() names the file either way.
    std::string writeNextStep(Application& app);
    // Writes index.html. Returns "" or the reason; handoutFile() names it.
    [[nodiscard]] std::string writeHandout() const;
    [[nodiscard]] std::filesystem::path lastFile() const { return folder_ / (images_.empty() ? "" : images_.back().file); }
    [[nodiscard]] std::filesystem::path handoutFile() const { return folder_ / "index.html"; }
    // Every file written so far: the slides in step order, then the handout once it is written.
    [[nodiscard]] std::vector<std::filesystem::path> files() const;
    // The steps (1 is the first) whose text did not fit their slide's caption and ends in "…"; the
    // handout has every step's whole text.
    [[nodiscard]] const std::vector<int>& cutSteps() const { return cutSteps_; }
    // One line naming them, or "" when every step fits; `larger` says how to choose a larger slide
    // ("a larger or wider --size").
    [[nodiscard]] std::string cutStepsLine(std::string_view larger) const;

private:
    Lesson lesson_;
    std::filesystem::path folder_;
    SlideFormat format_;
    std::vector<HandoutImage> images_;
    std::vector<int> cutSteps_;
};

}  // namespace psoas::app
