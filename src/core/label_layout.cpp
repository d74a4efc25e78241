#include "core/label_layout.hpp"


#include <algorithm>
#include <numeric>

namespace psoas {

namespace {
// Stacks one column's boxes: each wants to sit level with its anchor; overlaps push boxes down,
// and if the column runs off the bottom the stack is pushed back up from the bottom edge.
void stackColumn(std::vector<PlacedLabel>& placed, const std::vector<LabelRequest>& labels,
                 std::vector<std::size_t>& column, const ViewRect& view, float gap, float reserved) {
    std::sort(column.begin(), column.end(), [&](std::size_t a, std::size_t b) { return placed[a].anchor.y < placed[b].anchor.y; });
    const float top = view.origin.y + gap, bottom = view.origin.y + view.size.y - gap - reserved;
    float cursor = top;
    for (std::size_t i : column) {
        const float wanted = placed[i].anchor.y - labels[i].size.y * 0.5f;
        placed[i].position.y = std::max(wanted, cursor);
        cursor = placed[i].position.y + labels[i].size.y + gap;
    }
    float limit = bottom;
    for (auto it = column.rbegin(); it != column.rend(); ++it) {
        const std::size_t i = *it;
        placed[i].position.y = std::min(placed[i].position.y, limit - labels[i].size.y);
        limit = placed[i].position.y - gap;
    }
    // A column taller than the view keeps its top row visible; the rest may still overlap then.
    for (std::size_t i : column) placed[i].position.y = std::max(placed[i].position.y, top);
}
}  // namespace

std::vector<PlacedLabel> layoutLabels(const std::vector<LabelRequest>& labels, const ViewRect& view, float gap,
                                      ColumnReserve bottom) {
    std::vector<PlacedLabel> placed(labels.size());
    std::vector<std::size_t> left, right;
    const float middle = view.origin.x + view.size.x * 0.5f;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        placed[i].anchor = labels[i].anchor;
        placed[i].rightColumn = placed[i].anchor.x >= middle;
        if (placed[i].rightColumn) {
            placed[i].position.x = view.origin.x + view.size.x - gap - labels[i].size.x;
            right.push_back(i);
        } else {
            placed[i].position.x = view.origin.x + gap;
            left.push_back(i);
        }
    }
    stackColumn(placed, labels, left, view, gap, bottom.left);
    stackColumn(placed, labels, right, view, gap, bottom.right);
    return placed;
}

}  // namespace psoas
