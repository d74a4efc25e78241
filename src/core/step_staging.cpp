#include "core/step_staging.hpp"

#include "core/atlas.hpp"
#include "core/attachment_tint.hpp"
#include "core/motion/skeleton.hpp"

#include <algorithm>
#include <cctype>
#include <limits>

namespace psoas {

namespace {

bool selects(const Scene& scene, const std::vector<std::string>& tokens, std::size_t structure) {
    const StructureInfo& info = scene.structures[structure].info;
    for (const std::string& token : tokens) {
        if (token == info.id || token == "all") return true;
        // Groups are written in the plural in lessons: "bones", "muscles", "discs", "ligaments".
        if (token == std::string(toString(info.group)) + "s") return true;
    }
    return false;
}

StepLabel labelOn(const Scene& scene, int structure, std::string text, const glm::vec3& point) {
    return {std::move(text), structure, point, nearestVertex(scene.structures[static_cast<std::size_t>(structure)].mesh, point), true, {}};
}

// A landmark's label says which side it is on when its structure has one and its name does not:
// "Over the front of the hip joint (right)" (tester, session 13: with both hips in view the
// label did not say which). Landmarks are listed per structure in the atlas, without the side.
std::string landmarkLabelText(const Scene& scene, int structure, const Landmark& landmark) {
    const BodySide side = scene.structures[static_cast<std::size_t>(structure)].info.side;
    if (side == BodySide::Midline) return landmark.name;
    std::string lower = landmark.name;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower.find("left") != std::string::npos || lower.find("right") != std::string::npos) return landmark.name;
    // A name that ends in brackets takes the side after a comma: "Pelvic brim (…region), right".
    const std::string sideText(toString(side));
    return landmark.name.ends_with(')') ? landmark.name + ", " + sideText : landmark.name + " (" + sideText + ")";
}

void addLabels(const LessonStep& step, const Scene& scene, std::vector<StepLabel>& labels) {
    for (const LessonLabel& wanted : step.labels) {
        const std::string& token = wanted.at;
        const auto colon = token.find(':');
        const int index = scene.findStructure(token.substr(0, colon));
        if (index < 0) continue;
        if (colon == std::string::npos) {
            labels.push_back(structureLabel(scene, index));
            if (!wanted.text.empty()) labels.back().text = wanted.text;
            continue;
        }
        for (const Landmark& landmark : scene.structures[static_cast<std::size_t>(index)].info.landmarks)
            if (landmark.id == token.substr(colon + 1))
                labels.push_back(labelOn(scene, index, wanted.text.empty() ? landmarkLabelText(scene, index, landmark) : wanted.text,
                                         landmark.position));
    }
}

using PlacedAreas = std::vector<std::pair<int, const AttachmentArea*>>;  // bone index, area

// One label naming all of `areas`: at the one at `first`, and at the others where that one is hidden.
void addAreaLabel(const Scene& scene, const PlacedAreas& areas, std::size_t first, std::string text, StagedStep& staged) {
    StepLabel label = labelOn(scene, areas[first].first, std::move(text), areas[first].second->centre);
    for (std::size_t a = 0; a < areas.size(); ++a)
        if (a != first) label.alsoAt.push_back(labelOn(scene, areas[a].first, label.text, areas[a].second->centre));
    staged.labels.push_back(std::move(label));
}

// Paints one muscle's origins and insertion on their bones in the tint of `slot`, with a label per
// kind when `revealLabels`: the origins' at the middle one.
void addMuscleAttachments(const Scene& scene, const StructureInfo& info, int slot, bool revealLabels, StagedStep& staged) {
    PlacedAreas origins, insertions;
    for (const AttachmentArea& area : info.attachments) {
        const int bone = scene.findStructure(area.bone);
        if (bone < 0) continue;
        staged.painted.areas[static_cast<std::size_t>(bone)].emplace_back(area.centre, area.radius);
        staged.painted.paints[static_cast<std::size_t>(bone)].push_back(attachmentPaint(area.kind, slot));
        (area.kind == AttachmentKind::Insertion ? insertions : origins).emplace_back(bone, &area);
    }
    if (!revealLabels) return;
    if (!origins.empty()) addAreaLabel(scene, origins, origins.size() / 2, info.name + ": origin" + (origins.size() > 1 ? "s" : ""), staged);
    if (!insertions.empty()) addAreaLabel(scene, insertions, 0, info.name + ": insertion", staged);
}

// Paints each listed muscle's origins and insertion on their bones and, unless the labels are kept
// back, says the legend's colours in words beside the model: one label per kind.
void addAttachments(const LessonStep& step, const Scene& scene, bool revealLabels, StagedStep& staged) {
    // Each muscle's areas in its own tint (core/attachment_tint), as the legend names them.
    const std::vector<int> tintSlots = attachmentTintSlots(step.attachments);
    for (std::size_t m = 0; m < step.attachments.size(); ++m) {
        const int muscle = scene.findStructure(step.attachments[m]);
        if (muscle >= 0)
            addMuscleAttachments(scene, scene.structures[static_cast<std::size_t>(muscle)].info, tintSlots[m], revealLabels, staged);
    }
}

}  // namespace

int nearestVertex(const MeshData& mesh, const glm::vec3& point) {
    int best = -1;
    float bestDistance = std::numeric_limits<float>::max();
    for (std::size_t i = 0; i < mesh.positions.size(); ++i) {
        const glm::vec3 d = mesh.positions[i] - point;
        const float distance = d.x * d.x + d.y * d.y + d.z * d.z;
        if (distance < bestDistance) {
            bestDistance = distance;
            best = static_cast<int>(i);
        }
    }
    return best;
}

// The structure's own label names the mesh vertex nearest the centre of its bounds: on the surface
// and central. Where the leader ends is decided per frame against what the view shows
// (core/label_anchor.hpp): the part of the structure that shows nearest this point.
StepLabel structureLabel(const Scene& scene, int structure) {
    const MeshData& mesh = scene.structures[static_cast<std::size_t>(structure)].mesh;
    const int vertex = nearestVertex(mesh, mesh.bounds.centre());
    const glm::vec3 point = vertex >= 0 ? mesh.positions[static_cast<std::size_t>(vertex)] : mesh.bounds.centre();
    return {scene.structures[static_cast<std::size_t>(structure)].info.name, structure, point, vertex, false, {}};
}

int stepPoseIndex(const LessonStep& step, const std::vector<PoseFile>& poses) {
    // No pose means standing: each step is complete in itself.
    const std::string wanted = step.pose.value_or("neutral_standing");
    for (std::size_t i = 0; i < poses.size(); ++i)
        if (poses[i].id == wanted) return static_cast<int>(i);
    return -1;
}

std::optional<LoopingMotion> stepLoop(const LessonStep& step, const std::vector<PoseFile>& poses) {
    if (!step.motion) return std::nullopt;
    for (const BuiltInMotionName& entry : kBuiltInMotionNames)
        if (entry.name == step.motion->builtIn) return builtInMotion(entry.value);
    LoopingMotion loop;
    loop.periodSeconds = static_cast<float>(step.motion->periodSeconds);
    for (const std::string& id : step.motion->poses) {
        const auto found = std::find_if(poses.begin(), poses.end(), [&](const PoseFile& p) { return p.id == id; });
        if (found != poses.end()) loop.poses.push_back(found->pose);
    }
    return loop;
}

PaintedAreas alwaysPaintedAreas(const Scene& scene) {
    PaintedAreas painted;
    painted.areas.assign(scene.structures.size(), {});
    painted.paints.assign(scene.structures.size(), {});
    for (std::size_t i = 0; i < scene.structures.size(); ++i)
        for (const AttachmentArea& region : scene.structures[i].info.regions) {
            painted.areas[i].emplace_back(region.centre, region.radius);
            painted.paints[i].push_back({region.kind == AttachmentKind::Cartilage ? AttachmentKind::Cartilage : AttachmentKind::Tendon, 0});
        }
    return painted;
}

StagedStep stageFreeView(const Scene& scene) {
    StagedStep staged;
    staged.visibility = Visibility(scene.structures.size());
    staged.highlighted.assign(scene.structures.size(), false);
    staged.painted = alwaysPaintedAreas(scene);
    staged.shown = scene.bounds;
    return staged;
}

StagedStep stageStep(const LessonStep& step, const Scene& scene, const std::vector<PoseFile>& poses, bool revealLabels) {
    StagedStep staged = stageFreeView(scene);
    Bounds shown;
    for (std::size_t i = 0; i < scene.structures.size(); ++i) {
        const bool visible = (step.show.empty() || selects(scene, step.show, i)) && !selects(scene, step.hide, i);
        const bool faded = selects(scene, step.fade, i);
        staged.visibility.setVisible(i, visible);
        if (faded) staged.visibility.setOpacity(i, Visibility::kFadedOpacity);
        staged.highlighted[i] = selects(scene, step.highlight, i);
        if (visible && !faded) shown.include(scene.structures[i].mesh.bounds);
    }
    staged.shown = shown.empty() ? scene.bounds : shown;
    if (revealLabels) addLabels(step, scene, staged.labels);
    addAttachments(step, scene, revealLabels, staged);

    // No breathing means still: a jump to any step shows the same thing however the class got there.
    const StepBreathing breathing = step.breathing.value_or(StepBreathing{});
    staged.motion.pose = stepPoseIndex(step, poses);
    staged.motion.joints = step.poseAngles;
    staged.motion.loop = stepLoop(step, poses);
    staged.motion.lengthTags = step.lengthTags;
    staged.motion.breathing = breathing.on;
    staged.motion.depth = breathing.depth;
    staged.motion.breathsPerMinute = static_cast<float>(breathing.ratePerMinute);
    staged.motion.exaggeration = static_cast<float>(breathing.exaggeration);
    staged.motion.colourByLength = step.colourByLength;

    // A lying pose is drawn lying (issue 13): a preset view frames the box the body turns into, the
    // room above it that a thigh raised from lying can reach (the legs' length below the origin
    // when upright; joint angles are not solved here, as for an upright pose) and some below it.
    const Pose pose = step.poseAngles                      ? *step.poseAngles
                      : staged.motion.loop      ? poseAt(*staged.motion.loop, 0.0)
                      : staged.motion.pose >= 0 ? poses[static_cast<std::size_t>(staged.motion.pose)].pose
                                                : Pose{};
    const glm::mat4 turn = bodyOrientationTransform(pose);
    if (turn != glm::mat4(1.0f)) {
        Bounds turned;
        for (int corner = 0; corner < 8; ++corner) turned.include(glm::vec3(turn * glm::vec4(staged.shown.corner(corner), 1.0f)));
        turned.include({turned.min.x, -staged.shown.min.y, turned.min.z});
        turned.include({turned.min.x, 0.8f * staged.shown.min.y, turned.min.z});  // a margin under it for the legends
        staged.shown = turned;
    }

    staged.camera = step.camera;
    staged.view = step.view;
    staged.autoRotate = step.autoRotate;
    return staged;
}

}  // namespace psoas
