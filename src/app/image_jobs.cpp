// --screenshot and --export-lesson: finished frames written as PNGs.

#include "app/application.hpp"
#include "app/commands.hpp"
#include "app/image_file.hpp"
#include "app/jobs.hpp"
#include "app/lesson_export.hpp"
#include "app/startup_trace.hpp"
#include "app/terminal_log.hpp"

#include <iostream>

namespace psoas::app {

int runScreenshot(Application& app, const Options& options) {
    const Image image = app.renderImage(options.width, options.height, options.background, !options.noUi);
    traceStartup("image read back");
    const std::string problem = writePng(image, *options.screenshot);
    traceStartup("PNG written");
    if (app.captionCut())
        std::cerr << "psoas-atlas: the step's text does not fit the caption of a " << options.width << 'x' << options.height
                  << " image and ends in '\u2026' (a larger or wider --size fits more)\n";
    if (problem.empty()) return 0;
    std::cerr << "error: " << options.screenshot->string() << ": " << problem << '\n';
    return 2;
}

int runLessonExport(Application& app, const Options& options) {
    const std::string& id = *options.exportLesson;
    const Lesson* lesson = &lessonToOpen(app.lessonLibrary(), id, "--export-lesson", 0);
    const std::filesystem::path& folder = *options.outDir;
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec || !std::filesystem::is_directory(folder)) {
        std::cerr << "error: " << folder.string() << ": cannot create the folder (" << ec.message() << ")\n";
        return 2;
    }
    LessonExport job(*lesson, folder, SlideFormat{{options.width, options.height}, options.background});
    const int steps = job.stepCount();
    while (!job.allStepsDone()) {
        // Progress on the terminal: exporting a long lesson at full HD takes several seconds.
        const int i = job.stepsDone();
        const int filled = (i * 30) / std::max(steps, 1);
        std::cerr << "\rExporting '" << id << "' [" << std::string(static_cast<std::size_t>(filled), '#')
                  << std::string(static_cast<std::size_t>(30 - filled), ' ') << "] " << i << "/" << steps << std::flush;
        if (const std::string problem = job.writeNextStep(app); !problem.empty()) {
            std::cerr << "\nerror: " << job.lastFile().string() << ": " << problem << '\n';
            return 2;
        }
    }
    if (const std::string problem = job.writeHandout(); !problem.empty()) {
        std::cerr << "\nerror: " << job.handoutFile().string() << ": cannot be written (" << problem << ")\n";
        return 2;
    }
    std::cerr << "\rExported '" << id << "': " << steps << " images and " << job.handoutFile().string() << std::string(12, ' ') << '\n';
    if (const std::string cut = job.cutStepsLine("a larger or wider --size"); !cut.empty()) logLine(cut);
    return 0;
}

void openBreathingStep(Application& app, const Options& options) {
    if (options.lesson) return;  // --lesson/--step chose already
    const Lesson* lesson = app.lessonLibrary().find("breathing");
    if (!lesson) return;
    for (std::size_t i = 0; i < lesson->steps.size(); ++i)
        if (lesson->steps[i].breathing && lesson->steps[i].breathing->on) {
            app.apply(act::OpenLesson{*lesson, static_cast<int>(i)});
            return;
        }
}

}  // namespace psoas::app
