#pragma once
// Where the side panel, the 3D view and the caption bar go on a display: one function, read by
// the UI (to size the panel) and by the renderer (to place the 3D viewport), so the two can never
// disagree. They did once, with two rules: at 500 x 400 the panel was 330 px wide while the view
// began at 250 px, under it (issue 12, defect 7).

#include "core/label_layout.hpp"

#include <glm/vec2.hpp>

namespace psoas {

// Panels: the side panel on the left, the 3D view right of it. Slide: no panels; the 3D view over
// the full width, above a caption bar (presenter mode, --no-ui images, exported slides).
enum class LayoutMode { Panels, Slide };

// 330 UI units at scale 1: room for "Right quadratus lumborum" and its eye box.
inline constexpr float kSidePanelWidth = 330.0f;
// At most half the display: in a narrow window the model still gets half of it.
inline constexpr float kSidePanelMaxShare = 0.5f;

struct ViewerLayout {
    ViewRect panel;    // empty (zero width) in the slide layout
    ViewRect scene;    // the 3D view; never smaller than 1 x 1
    ViewRect caption;  // empty without a caption
    ViewRect hint;     // the presenter's key reminder, a strip above the 3D view; empty without one
    [[nodiscard]] float sceneAspect() const { return scene.size.x / scene.size.y; }
};

// The caption bar's least height on a display this tall: a quarter of the picture, room for a
// title and three or four lines a back row can read.
[[nodiscard]] float minimumCaptionHeight(float displayHeight);

// The key reminder's strip at most: a third of what the caption bar (of `captionHeight`, 0 when
// hidden) leaves, so the model keeps the rest at any text size.
[[nodiscard]] float maximumHintHeight(float displayHeight, float captionHeight);

// `displaySize` and the result are in UI units (window coordinates, origin top-left).
// `captionHeight`: the caption bar's height as the UI measured it (0 before it has been drawn);
// it is never less than minimumCaptionHeight when `withCaption`.
// `hintHeight`: in the slide layout, a strip of this height at the top for presenter mode's key
// reminder (as the UI measured it), so the reminder is never printed over the model (tester,
// session 6: at 100 % it ran through the lifted femur); 0 without one.
[[nodiscard]] ViewerLayout layoutFor(glm::vec2 displaySize, float uiScale, LayoutMode mode, bool withCaption = false,
                                     float captionHeight = 0.0f, float hintHeight = 0.0f);

}  // namespace psoas
