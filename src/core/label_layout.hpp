#pragma once
// Placing labels beside the 3D view: each label sits in a column at the left or right edge of the
// view, on the side of its anchor, sorted by height so leader lines do not cross, pushed apart so
// no two labels overlap, and kept inside the view as the model turns. The anchors themselves are
// never moved: core/label_anchor.hpp has already left out labels with nothing on screen.

#include <glm/vec2.hpp>

#include <limits>
#include <optional>
#include <vector>

namespace psoas {

struct LabelRequest {
    glm::vec2 anchor{0.0f};  // where the leader line points, in view pixels (top-left origin)
    glm::vec2 size{0.0f};    // the label's box
    // Where the label's column, row and order are judged from, when not the anchor
    // (core/label_anchor.hpp, ViewLabel::home): a bending muscle's unbent point, still while the
    // body walks.
    std::optional<glm::vec2> home;
};

struct PlacedLabel {
    glm::vec2 position{0.0f};  // top-left of the box
    glm::vec2 anchor{0.0f};    // as asked: never moved, so a leader never ends on something else (issue 15)
    bool rightColumn = false;
};

struct ViewRect {
    glm::vec2 origin{0.0f};
    glm::vec2 size{0.0f};
};

// Heights, in view pixels, kept free at the bottom of each column: a legend's corner. The colour
// legend sits in the bottom-left corner; labels drawn over it were hidden (tester, session 6).
struct ColumnReserve {
    float left = 0.0f;
    float right = 0.0f;
};

// The horizontal extent of what is drawn in one band of screen rows, in view pixels; empty
// (left > right) when nothing is drawn there.
struct RowSpan {
    float left = std::numeric_limits<float>::max();
    float right = std::numeric_limits<float>::lowest();
    [[nodiscard]] bool empty() const { return left > right; }
};

// Where the model is drawn (core/scene_sight.hpp, SceneSight::screenRows): band i covers the rows
// from top + i * rowHeight to top + (i + 1) * rowHeight, in the same pixels as the anchors.
// No rows: not known, and labels go by their anchors' side only.
struct Silhouette {
    float top = 0.0f;
    float rowHeight = 0.0f;
    std::vector<RowSpan> rows;
};

// `gap`: the space kept between labels and from the view's edges.
// `model`: with it, a label whose box, level with its anchor, would cover the model goes to the
// other column when that covers clearly less: its widest overlap with the model's span in the
// bands the box spans is more than half of the box's width on the anchor's side, and under
// half of that on the other side (tester, issue 14: captions beside the model in presenter mode
// left the right column over the model). The leader then crosses the model instead of the box.
// Without it (or with no rows), exactly the anchor's side.
std::vector<PlacedLabel> layoutLabels(const std::vector<LabelRequest>& labels, const ViewRect& view, float gap,
                                      ColumnReserve bottom = {}, const Silhouette& model = {});

// How thick the labels' leader lines and how large their anchor marks are drawn, in pixels.
struct LeaderStroke {
    float line = 0.0f;  // the line's width
    float halo = 0.0f;  // the width of the contrasting band drawn under it (wider than `line`)
    float dot = 0.0f;   // the filled anchor dot's radius
    float ring = 0.0f;  // the open ring's radius (a structure behind the model)
    float dash = 0.0f;  // a dashed leader's dash length
};
// `uiScale`: the interface's scale (text size times the screen's enlargement); `forTheRoom`:
// presenter mode's thicker lines; `displayHeight` in pixels. The stroke grows with the scale, as
// the text does, up to a cap proportional to the display's height (at least that of 1080 lines): a
// line at most 4 px, its halo 7 px and the dot 6 px in radius on 1080 lines. Slides exported at
// any offered size stay under the cap (their scale is height / 720). Uncapped, presenter mode at 300 % text drew
// leaders ~12 px thick over the lumbar spine and the dots as blobs (fresh tester, issue 14); 4 px
// on 1080 lines is still three times a 1080p projector's finest readable line from the back row.
[[nodiscard]] LeaderStroke leaderStroke(float uiScale, bool forTheRoom, float displayHeight);

}  // namespace psoas
