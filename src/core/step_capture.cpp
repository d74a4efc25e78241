#include "core/step_capture.hpp"

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

// The camera as the parser accepts it: yaw within half a turn, the rest inside its ranges.
CameraPose writableCamera(CameraPose pose) {
    pose.yawDegrees = std::remainder(pose.yawDegrees, 360.0f);
    pose.pitchDegrees = std::clamp(pose.pitchDegrees, -OrbitCamera::kMaxPitchDegrees, OrbitCamera::kMaxPitchDegrees);
    pose.distance = std::clamp(pose.distance, OrbitCamera::kMinDistance, OrbitCamera::kMaxDistance);
    pose.target = glm::clamp(pose.target, glm::vec3(-5.0f), glm::vec3(5.0f));
    return pose;
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
    step.camera = writableCamera(session.camera().pose);
    captureVisibility(session, step);
    captureMotion(session, step);
    step.autoRotate = session.autoRotate();
    const LessonPlayer& player = session.lessonPlayer();
    if (player.active()) {
        const LessonStep& onScreen = player.step();
        step.labels = onScreen.labels;
        step.highlight = onScreen.highlight;
        step.attachments = onScreen.attachments;
    }
    return step;
}

}  // namespace psoas
