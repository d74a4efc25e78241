#include "app/first_view.hpp"

#include "app/application.hpp"
#include "core/diagnostic.hpp"

namespace psoas::app {

namespace {
void openLessonAsked(Application& app, const Options& options) {
    const LessonLibrary& library = app.lessonLibrary();
    if (!options.lesson) {
        // Start where a class starts: the first lesson that can be opened, at its first step.
        for (const LessonEntry& entry : library.entries())
            if (entry.lesson) {
                app.apply(act::OpenLesson{*entry.lesson, 0});
                break;
            }
        return;
    }
    const Lesson* lesson = library.find(*options.lesson);
    if (!lesson) {
        std::vector<std::string> ids;
        for (const LessonEntry& entry : library.entries())
            if (entry.lesson) ids.push_back(entry.lesson->id);
        const std::string guess = closestMatch(*options.lesson, ids);
        throw UsageError("--lesson: no lesson '" + *options.lesson + "'" +
                         (guess.empty() ? "; see --list-lessons" : " (did you mean '" + guess + "'?)"));
    }
    if (options.step > static_cast<int>(lesson->steps.size()))
        throw UsageError("--step: lesson '" + lesson->id + "' has " + std::to_string(lesson->steps.size()) + " steps");
    app.apply(act::OpenLesson{*lesson, options.step - 1});
}

// A pose asked for by name shows that pose on its own, outside any lesson.
void showPoseAsked(Application& app, const Options& options) {
    const std::vector<PoseFile>& poses = app.session().poses();
    std::vector<std::string> ids;
    for (const PoseFile& pose : poses) ids.push_back(pose.id);
    const auto found = std::find(ids.begin(), ids.end(), *options.pose);
    if (found == ids.end()) {
        const std::string guess = closestMatch(*options.pose, ids);
        throw UsageError("--pose: no pose '" + *options.pose + "'" + (guess.empty() ? "" : " (did you mean '" + guess + "'?)"));
    }
    if (!options.lesson) app.apply(act::CloseLesson{});
    MotionChange change;
    change.pose = static_cast<int>(found - ids.begin());
    app.apply(act::ChangeMotion{change});
    app.apply(act::FinishTransitions{});
}
}  // namespace

void showFirstView(Application& app, const Options& options) {
    openLessonAsked(app, options);
    // A view asked for on the command line wins over the step's (issue 12, defect 5).
    if (options.view && app.session().lessonPlayer().active()) {
        app.apply(act::ShowView{*options.view});
        app.apply(act::FinishTransitions{});
    }
    if (options.pose) showPoseAsked(app, options);
}

}  // namespace psoas::app
