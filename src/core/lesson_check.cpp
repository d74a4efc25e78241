#include "core/lesson_check.hpp"

#include "core/orbit_camera.hpp"
#include "core/step_staging.hpp"

#include <algorithm>

namespace psoas {

namespace {

struct StepContext {
    const Lesson& lesson;
    const LessonStep& step;
    std::size_t number;  // 1-based
    std::vector<Diagnostic>& out;

    void warn(const std::string& message) const {
        out.push_back({lesson.file, step.line, 1, "warning: step " + std::to_string(number) + " '" + step.title + "' " + message});
    }
};

std::string nameOf(const Scene& scene, int index) { return scene.structures[static_cast<std::size_t>(index)].info.name; }

void checkHiddenReferences(const StepContext& c, const Scene& scene, const Visibility& visibility) {
    auto hidden = [&](const std::string& token) {
        const int index = scene.findStructure(token.substr(0, token.find(':')));
        return index >= 0 && !visibility.visible(static_cast<std::size_t>(index)) ? index : -1;
    };
    for (const LessonLabel& label : c.step.labels)
        if (const int index = hidden(label.at); index >= 0)
            c.warn("labels '" + label.at + "', but " + nameOf(scene, index) + " is hidden in this step: the label shows dashed, on nothing");
    for (const std::string& token : c.step.highlight)
        if (const int index = hidden(token); index >= 0)
            c.warn("highlights '" + token + "', but " + nameOf(scene, index) + " is hidden in this step");
    for (const std::string& token : c.step.show)
        if (std::find(c.step.hide.begin(), c.step.hide.end(), token) != c.step.hide.end())
            c.warn("both shows and hides '" + token + "' (hide wins)");
    // A question whose every answer is hidden cannot be answered: the class is stuck on it (tester,
    // session 7). An attachment area ("psoas_major_r:origin") lies on the bones it is painted on,
    // which this check does not follow, so a question with one is taken as answerable.
    if (!c.step.quiz || c.step.quiz->answers.empty()) return;
    const auto& answers = c.step.quiz->answers;
    const bool anArea = std::any_of(answers.begin(), answers.end(), [](const std::string& a) {
        return a.size() > 7 && (a.ends_with(":origin") || a.ends_with(":insertion"));
    });
    if (anArea || !std::all_of(answers.begin(), answers.end(), [&](const std::string& a) { return hidden(a) >= 0; })) return;
    c.warn("asks for '" + answers.front() + "', but " + nameOf(scene, hidden(answers.front())) +
           " is hidden in this step: nobody can click the answer (show it, or fade what covers it)");
}

void checkCamera(const StepContext& c, const Scene& scene, const Visibility& visibility) {
    if (!c.step.camera) return;
    OrbitCamera camera;
    camera.pose = *c.step.camera;
    const glm::vec3 eye = camera.eye();
    constexpr float kAspect = 16.0f / 9.0f;  // a projector; the check is about the model, not the edges
    const glm::mat4 viewProjection = camera.projection(kAspect, scene.bounds) * camera.view();
    bool anyInView = false;
    for (std::size_t i = 0; i < scene.structures.size(); ++i) {
        if (!visibility.visible(i)) continue;
        const Bounds& box = scene.structures[i].mesh.bounds;
        if (box.empty()) continue;
        if (glm::all(glm::greaterThan(eye, box.min)) && glm::all(glm::lessThan(eye, box.max))) {
            c.warn("has its camera inside " + nameOf(scene, static_cast<int>(i)) + " (move the camera's target or lengthen its distance)");
            return;
        }
        int inFront = 0;
        for (int corner = 0; corner < 8; ++corner) inFront += (viewProjection * glm::vec4(box.corner(corner), 1.0f)).w > 0.0f;
        if (inFront == 0) continue;  // wholly behind the eye
        const auto rect = screenRectOf(box, viewProjection);  // nullopt: partly behind, may cover anything
        anyInView = anyInView || !rect || (rect->x < rect->z && rect->y < rect->w);
    }
    if (!anyInView) c.warn("shows none of the model from its camera (check the camera's target, yaw and pitch)");
}

}  // namespace

std::vector<Diagnostic> lessonWarnings(const Lesson& lesson, const Scene& scene) {
    std::vector<Diagnostic> warnings;
    for (std::size_t s = 0; s < lesson.steps.size(); ++s) {
        const LessonStep& step = lesson.steps[s];
        const StepContext context{lesson, step, s + 1, warnings};
        const StagedStep staged = stageStep(step, scene, {}, true);
        bool anyVisible = false;
        for (std::size_t i = 0; i < scene.structures.size(); ++i) anyVisible = anyVisible || staged.visibility.visible(i);
        if (!anyVisible) {
            context.warn("hides every structure: its 'show' and 'hide' lists leave nothing on screen");
            continue;
        }
        checkHiddenReferences(context, scene, staged.visibility);
        checkCamera(context, scene, staged.visibility);
    }
    return warnings;
}

}  // namespace psoas
