#include "core/step_capture.hpp"

#include "core/view_preset.hpp"

#include "core/viewer_session.hpp"

#include <algorithm>
#include <cmath>

namespace psoas {

namespace {

// The ids of the structures `chosen` marks, a whole atlas group written as its name ("bones", as
// lessons write groups; step_staging's `selects` reads them back).
std::vector<std::string> structureList(const Scene& scene, const std::vector<bool>& chosen) {
    std::vector<std::string> ids;
    for (StructureGroup group : {StructureGroup::Bone, StructureGroup::Muscle, StructureGroup::Disc, StructureGroup::Ligament}) {
        int members = 0;
        bool all = true;
        for (std::size_t i = 0; i < scene.structures.size(); ++i) {
            if (scene.structures[i].info.group != group) continue;
            ++members;
            all = all && chosen[i];
        }
        if (members > 1 && all) ids.push_back(std::string(toString(group)) + "s");
    }
    for (std::size_t i = 0; i < scene.structures.size(); ++i) {
        const StructureInfo& info = scene.structures[i].info;
        if (!chosen[i]) continue;
        const bool inGroup = std::find(ids.begin(), ids.end(), std::string(toString(info.group)) + "s") != ids.end();
        if (!inGroup) ids.push_back(info.id);
    }
    return ids;
}

// The float nearest the rounded decimal, so the file says "0.0868", not "0.086799994".
float roundTo(float value, double unit) { return static_cast<float>(std::round(static_cast<double>(value) / unit) * unit); }

// The camera as the parser accepts it (yaw within half a turn, the rest inside its ranges), and
// as a teacher reads it: to 0.01 mm and 0.001 degrees, a few hundredths of a pixel at the
// distances a lesson uses (at 0.1 mm and 0.01 degrees a reopened step's edges moved: tests/gl/lesson_editor_test).
CameraPose writableCamera(CameraPose pose) {
    pose.yawDegrees = roundTo(std::remainder(pose.yawDegrees, 360.0f), 0.001);
    pose.pitchDegrees = roundTo(std::clamp(pose.pitchDegrees, -OrbitCamera::kMaxPitchDegrees, OrbitCamera::kMaxPitchDegrees), 0.001);
    pose.distance = roundTo(std::clamp(pose.distance, OrbitCamera::kMinDistance, OrbitCamera::kMaxDistance), 1e-5);
    for (int axis = 0; axis < 3; ++axis) pose.target[axis] = roundTo(std::clamp(pose.target[axis], -5.0f, 5.0f), 1e-5);
    return pose;
}

// Whether the view shows the structure an id names ("psoas_major_r", "femur_r:lesser_trochanter");
// a group name ("muscles") counts as shown.
bool shows(const ViewerSession& session, const std::string& id) {
    const int structure = session.scene().findStructure(id.substr(0, id.find(':')));
    return structure < 0 || session.visibility().visible(static_cast<std::size_t>(structure));
}

void captureVisibility(const ViewerSession& session, LessonStep& step) {
    const Scene& scene = session.scene();
    const Visibility& visibility = session.visibility();
    const std::size_t count = scene.structures.size();
    std::vector<bool> shown(count), hidden(count), faded(count);
    std::size_t shownCount = 0;
    for (std::size_t i = 0; i < count; ++i) {
        shown[i] = visibility.visible(i);
        hidden[i] = !shown[i];
        faded[i] = shown[i] && visibility.opacity(i) < 1.0f;
        shownCount += shown[i] ? 1 : 0;
    }
    // Whichever list is shorter: "only these" when most is hidden, "all but these" otherwise.
    if (shownCount < count - shownCount) step.show = structureList(scene, shown);
    else step.hide = structureList(scene, hidden);
    step.fade = structureList(scene, faded);
}

void captureMotion(const ViewerSession& session, LessonStep& step) {
    if (!session.hasMotion()) return;
    const MotionSettings settings = session.motion().settings();
    if (settings.joints) {
        step.poseAngles = settings.joints;
    } else if (settings.pose >= 0 && settings.pose < static_cast<int>(session.poses().size())) {
        const std::string& id = session.poses()[static_cast<std::size_t>(settings.pose)].id;
        if (id != "neutral_standing") step.pose = id;  // no pose is neutral standing (step_staging)
    }
    if (settings.breathing)
        step.breathing = StepBreathing{true, settings.depth, settings.breathsPerMinute, settings.exaggeration};
    step.lengthTags = settings.lengthTags;
    step.colourByLength = settings.colourByLength;
}

}  // namespace

LessonStep captureView(const ViewerSession& session) {
    LessonStep step;
    step.title = "New step";
    // Written for the view lessons are framed in: shown again in a view of this shape, it is this view.
    step.camera = writableCamera(authoredCamera(session.camera().pose, session.viewAspect()));
    captureVisibility(session, step);
    captureMotion(session, step);
    step.autoRotate = session.autoRotate();
    const LessonPlayer& player = session.lessonPlayer();
    if (player.active()) {
        // What the step on screen puts on the model, less what this view hides (a label or glow on
        // a hidden structure is what --check-lessons warns about).
        const LessonStep& onScreen = player.step();
        for (const LessonLabel& label : onScreen.labels)
            if (shows(session, label.at)) step.labels.push_back(label);
        for (const std::string& id : onScreen.highlight)
            if (shows(session, id)) step.highlight.push_back(id);
        step.attachments = onScreen.attachments;
    }
    return step;
}

}  // namespace psoas
