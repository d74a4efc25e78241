#include "app/lesson_export.hpp"

#include "app/application.hpp"
#include "app/image_file.hpp"
#include "core/atomic_file.hpp"
#include "core/handout.hpp"

#include <algorithm>
#include <cmath>

namespace psoas::app {

std::string LessonExport::writeNextStep(Application& app) {
    const int step = stepsDone();
    const Image image = app.renderStep(lesson_, step, format_.size, format_.background);
    const ViewRect scene = app.lastImageScene();
    const int above = static_cast<int>(std::lround(scene.origin.y + scene.size.y));  // the caption is below
    images_.push_back({stepImageName(step, lesson_.steps[static_cast<std::size_t>(step)].title), std::clamp(above, 1, format_.size.y)});
    if (app.captionCut()) cutSteps_.push_back(step + 1);
    return writePng(image, lastFile());
}

std::string LessonExport::cutStepsLine(std::string_view larger) const {
    if (cutSteps_.empty()) return "";
    std::string steps;
    for (std::size_t i = 0; i < cutSteps_.size(); ++i)
        steps += (i == 0 ? "" : i + 1 == cutSteps_.size() ? " and " : ", ") + std::to_string(cutSteps_[i]);
    return (cutSteps_.size() == 1 ? "step " : "steps ") + steps + " of '" + lesson_.id + "': the text does not fit a " +
           sizeText(format_.size) + " slide and ends in '\u2026' (index.html has it all; " + std::string(larger) + " fits more)";
}

std::vector<std::filesystem::path> LessonExport::files() const {
    std::vector<std::filesystem::path> files;
    for (const HandoutImage& image : images_) files.push_back(folder_ / image.file);
    std::error_code ec;
    if (std::filesystem::exists(handoutFile(), ec)) files.push_back(handoutFile());
    return files;
}

std::string LessonExport::writeHandout() const { return writeFileAtomically(handoutFile(), handoutHtml(lesson_, images_, format_.size)); }

}  // namespace psoas::app
