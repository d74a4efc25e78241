#include "app/first_view.hpp"

#include "app/application.hpp"
#include "app/commands.hpp"
#include "app/platform.hpp"
#include "core/diagnostic.hpp"

namespace psoas::app {

namespace {
// Start where a class starts: the first lesson that can be opened, at its first step.
void openFirstLesson(Application& app) {
    for (const LessonEntry& entry : app.lessonLibrary().entries())
        if (entry.lesson) {
            app.apply(act::OpenLesson{*entry.lesson, 0});
            return;
        }
}

// A browser page's ?lesson=ID&step=N that names no lesson, a lesson that cannot open or a step
// past its end: the viewer opens anyway (the lesson at its first step, or the first lesson) and
// says what was wrong in its status line (tester, session 7: a blank page with a command-line
// message locked a class out over one typo in a link).
void openLessonFromLink(Application& app, const Options& options) {
    const LessonLibrary& library = app.lessonLibrary();
    try {
        app.apply(act::OpenLesson{lessonToOpen(library, *options.lesson, "", options.step), options.step - 1});
    } catch (const UsageError& e) {
        const LessonEntry* entry = library.entry(*options.lesson);
        const bool lessonOpens = entry && entry->lesson;
        if (lessonOpens)
            app.apply(act::OpenLesson{*entry->lesson, 0});
        else
            openFirstLesson(app);
        app.tell(std::string("The page's link: ") + e.what() + (lessonOpens ? "; showing its first step." : "; showing the first lesson."));
    }
}

void openLessonAsked(Application& app, const Options& options) {
    if (!options.lesson) return openFirstLesson(app);
    if (platform::lessonComesFromALink()) return openLessonFromLink(app, options);
    app.apply(act::OpenLesson{lessonToOpen(app.lessonLibrary(), *options.lesson, "--lesson", options.step), options.step - 1});
}

// A pose asked for by name shows that pose on its own, outside any lesson.
void showPoseAsked(Application& app, const Options& options) {
    const std::vector<PoseFile>& poses = app.session().poses();
    std::vector<std::string> ids;
    for (const PoseFile& pose : poses) ids.push_back(pose.id);
    const auto found = std::find(ids.begin(), ids.end(), *options.pose);
    if (found == ids.end()) {
        const std::string guess = closestMatch(*options.pose, ids);
        throw UsageError("--pose: no pose '" + *options.pose + "'" + (guess.empty() ? "" : " (did you mean '" + guess + "'?)") +
                         "; --pose list shows them");
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
