#pragma once
// Where a label's leader line ends. A label points at a part of its own structure that this frame
// shows (core/scene_sight.hpp: checked along the line of sight against what is drawn), never at
// whatever happens to lie over the point it names; when no part can be seen it is drawn as
// "behind" (the UI dashes and dims it) at the place it names; off the view it is left out.
//
// Two kinds: a structure's own label may end on any part of it that shows (the part nearest the
// point the step names, on the side facing the camera); a landmark's (and an attachment area's)
// must end at the landmark: seen only when the surface the view shows there is the landmark's.

#include "core/orbit_camera.hpp"
#include "core/scene_sight.hpp"

#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace psoas {

// A label placed on the posed body: its text and the point it names, scene frame, metres.
struct PosedLabel {
    std::string text;
    int structure = -1;
    glm::vec3 point{0.0f};
    bool landmark = false;  // true: the leader must end at `point`; false: anywhere on the structure that shows
    // Landmark labels only: other points it names (structure, point), tried in order when `point`
    // is hidden; the leader then ends there and the label is that structure's.
    std::vector<std::pair<int, glm::vec3>> alsoAt;
    // Where the label's side, row and order are judged from (scene frame), set while a motion
    // loops: for a muscle that bends, the point where it lies in the unbent body (turned as the
    // body lies), which the motion does not move. A walking step's tags swapped columns several
    // times a cycle when they followed the bending muscle (tester, session 11), and jumped rows
    // (session 12). Unset: `point`.
    std::optional<glm::vec3> home;
};

// A label as the 3D view draws it.
struct ViewLabel {
    std::string text;
    int structure = -1;
    glm::vec2 anchor{0.0f};  // where the leader ends, view pixels from the top-left
    bool behind = false;     // nothing of it can be seen here: the leader points at where it lies, drawn dashed
    // PosedLabel::home on screen (view pixels), when it is set and in front of the eye: the
    // label's column, row and order are chosen by it.
    std::optional<glm::vec2> home;
};

// 8 mm: the most a landmark may lie from the surface the view shows at its pixel and still count
// as seen there (landmarks are given on or just under their bone's surface; a point deeper inside,
// such as the hip joint centre, is hidden by its own structure's surface and drawn as behind).
inline constexpr float kLandmarkSurfaceTolerance = 0.008f;
// 3 px: a leader's end is preferred where the structure also shows this far to each side, so the
// rasterised image agrees with the ray test even at the structure's edge and the dot sits clearly
// on it; thin structures (a ligament's cord) that show nowhere that wide get 1 px.
inline constexpr float kAnchorMarginPixels = 3.0f;
inline constexpr float kThinAnchorMarginPixels = 1.0f;

// `viewPixels`: the 3D view's size in the units `camera.project` uses (UI units).
[[nodiscard]] std::vector<ViewLabel> anchorLabels(const std::vector<PosedLabel>& labels, const SceneSight& sight,
                                                  const OrbitCamera& camera, glm::vec2 viewPixels);

}  // namespace psoas
