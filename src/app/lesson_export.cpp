#include "app/lesson_export.hpp"

#include "app/application.hpp"
#include "app/image_file.hpp"
#include "core/atomic_file.hpp"
#include "core/handout.hpp"

namespace psoas::app {

std::string LessonExport::writeNextStep(Application& app, glm::ivec2 size, Background background) {
    const int step = stepsDone();
    const Image image = app.renderStep(lesson_, step, size, background);
    images_.push_back(stepImageName(step, lesson_.steps[static_cast<std::size_t>(step)].title));
    return writePng(image, lastFile());
}

std::string LessonExport::writeHandout() const { return writeFileAtomically(handoutFile(), handoutHtml(lesson_, images_)); }

}  // namespace psoas::app
