#pragma once
// What a lesson step shows, as a plain value: which structures are visible and faded, which are
// highlighted, which labels point where, which attachment areas are painted, how the body moves
// and where the camera goes. stageStep() is pure: it reads the step, the scene and the poses and
// nothing else, so a step looks the same however the class got to it (issue 12, defect 2).

#include "core/attachment_tint.hpp"
#include "core/lesson.hpp"
#include "core/motion/breathing.hpp"
#include "core/motion/looping_motion.hpp"
#include "core/motion/pose_file.hpp"
#include "core/scene.hpp"
#include "core/visibility.hpp"

#include <glm/vec3.hpp>
#include <glm/vec4.hpp>

#include <optional>
#include <string>
#include <vector>

namespace psoas {

// A label as a step asks for it: its text and the point it names, in the structure's own
// (neutral-pose) frame, metres. `vertex` is the structure's mesh vertex nearest that point, so a
// label on a muscle that bends follows the bent surface; -1 for a mesh without vertices.
// `landmark`: a landmark's or an attachment area's label, whose leader must end at that point; a
// structure's own label may end on any part of it the view shows (core/label_anchor.hpp).
struct StepLabel {
    std::string text;
    int structure = -1;
    glm::vec3 localPoint{0.0f};
    int vertex = -1;
    bool landmark = false;
    // Other points the same label names, tried when this one is hidden: the other areas of an
    // attachment label ("Psoas major: origins" names every origin area), each on its own bone.
    std::vector<StepLabel> alsoAt;
    bool operator==(const StepLabel&) const = default;
};

// Areas painted on each structure: centre (metres, neutral frame) and radius in xyzw, and how
// each looks (same index).
struct PaintedAreas {
    std::vector<std::vector<glm::vec4>> areas;
    std::vector<std::vector<AreaPaint>> paints;
    bool operator==(const PaintedAreas&) const = default;
};

// How the body moves: a pose (index into the pose list, -1 when there are no poses), breathing
// and the colour-by-length display. The Motion tab shows and changes the same values.
struct MotionSettings {
    int pose = -1;
    // Angles set joint by joint, which replace the library pose's when set: a step's inline pose
    // table, or the Motion tab's joint controls.
    std::optional<Pose> joints;
    // A motion that loops (a step's `motion`): while set, and no joint is set by hand, the body
    // follows it; `loopSpeed` scales its clock (the Motion tab's 0.25x..2x), `loopPaused` holds it.
    std::optional<LoopingMotion> loop;
    float loopSpeed = 1.0f;
    bool loopPaused = false;
    bool breathing = false;
    BreathDepth depth = BreathDepth::Quiet;
    float breathsPerMinute = 12.0f;  // resting rate (docs/sources.md §5)
    float exaggeration = 1.0f;       // breathing motion enlarged on screen only
    bool colourByLength = false;
    bool lengthTags = false;  // a tag on each psoas and iliacus: its length now and % of standing
    bool operator==(const MotionSettings&) const = default;
};

struct StagedStep {
    Visibility visibility;
    std::vector<bool> highlighted;  // per structure
    std::vector<StepLabel> labels;  // empty while a quiz question is open: they would give it away
    PaintedAreas painted;
    MotionSettings motion;
    // Where the camera goes: an explicit pose wins over a preset view; the preset frames `shown`
    // (what the step shows opaque, or the whole scene) for the 3D view's aspect.
    std::optional<CameraPose> camera;
    std::optional<ViewPreset> view;
    Bounds shown;
    bool autoRotate = false;
};

// The step as it looks. `revealLabels` false keeps the labels back (an unanswered quiz question).
StagedStep stageStep(const LessonStep& step, const Scene& scene, const std::vector<PoseFile>& poses, bool revealLabels);

// Outside any lesson: everything shown, nothing highlighted or labelled, the always-painted
// regions (central tendon) only. The motion settings are left to the caller.
StagedStep stageFreeView(const Scene& scene);

// The regions every structure always shows painted (the diaphragm's central tendon).
PaintedAreas alwaysPaintedAreas(const Scene& scene);

// A structure's own label: its name, pointing at the mesh vertex nearest the centre of its bounds.
StepLabel structureLabel(const Scene& scene, int structure);

// The vertex of `mesh` nearest `point`, or -1 for an empty mesh.
int nearestVertex(const MeshData& mesh, const glm::vec3& point);

// A step's looping motion with its pose ids resolved (ids missing from `poses` are left out:
// parsing already reported them); nullopt for a step without `motion`.
std::optional<LoopingMotion> stepLoop(const LessonStep& step, const std::vector<PoseFile>& poses);

// The pose a step asks for: its own, or neutral standing; -1 when the pose list has neither.
int stepPoseIndex(const LessonStep& step, const std::vector<PoseFile>& poses);

}  // namespace psoas
