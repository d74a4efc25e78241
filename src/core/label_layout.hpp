#pragma once
// Placing labels beside the 3D view: each label sits in a column at the left or right edge of the
// view, on the side of its anchor, sorted by height so leader lines do not cross, pushed apart so
// no two labels overlap, and kept inside the view as the model turns. The anchors themselves are
// never moved: core/label_anchor.hpp has already left out labels with nothing on screen.

#include <glm/vec2.hpp>

#include <vector>

namespace psoas {

struct LabelRequest {
    glm::vec2 anchor{0.0f};  // where the leader line points, in view pixels (top-left origin)
    glm::vec2 size{0.0f};    // the label's box
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

// `gap`: the space kept between labels and from the view's edges.
std::vector<PlacedLabel> layoutLabels(const std::vector<LabelRequest>& labels, const ViewRect& view, float gap,
                                      ColumnReserve bottom = {});

}  // namespace psoas
