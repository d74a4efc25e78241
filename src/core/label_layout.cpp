#include "core/label_layout.hpp"


#include <algorithm>
#include <cmath>
#include <numeric>

namespace psoas {

namespace {
// Stacks one column's boxes: each wants to sit level with its anchor; overlaps push boxes down,
// and if the column runs off the bottom the stack is pushed back up from the bottom edge.
void stackColumn(std::vector<PlacedLabel>& placed, const std::vector<LabelRequest>& labels,
                 std::vector<std::size_t>& column, const ViewRect& view, float gap, float reserved) {
    // Level with their homes, in their order (their anchors where they have none): a walking step's
    // tags keep their rows while the parts of the muscles that show move up and down (fresh
    // testers, sessions 11 and 12: they jumped ~120 px between frames); the leaders follow.
    auto key = [&](std::size_t i) { return labels[i].home.value_or(placed[i].anchor).y; };
    std::sort(column.begin(), column.end(), [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
    const float top = view.origin.y + gap, bottom = view.origin.y + view.size.y - gap - reserved;
    float cursor = top;
    for (std::size_t i : column) {
        const float wanted = key(i) - labels[i].size.y * 0.5f;
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

// The widest overlap, in pixels, of the columns [left, right] with the model in the bands that
// rows [top, bottom] reach.
float overlapWithModel(const Silhouette& model, float left, float right, float top, float bottom) {
    if (model.rows.empty() || model.rowHeight <= 0.0f) return 0.0f;
    const int rows = static_cast<int>(model.rows.size());
    const int first = std::max(0, static_cast<int>(std::floor((top - model.top) / model.rowHeight)));
    const int last = std::min(rows - 1, static_cast<int>(std::floor((bottom - model.top) / model.rowHeight)));
    float widest = 0.0f;
    for (int r = first; r <= last; ++r) {
        const RowSpan& span = model.rows[static_cast<std::size_t>(r)];
        if (span.empty()) continue;
        widest = std::max(widest, std::min(right, span.right) - std::max(left, span.left));
    }
    return widest;
}
}  // namespace

std::vector<PlacedLabel> layoutLabels(const std::vector<LabelRequest>& labels, const ViewRect& view, float gap,
                                      ColumnReserve bottom, const Silhouette& model) {
    std::vector<PlacedLabel> placed(labels.size());
    std::vector<std::size_t> left, right;
    const float middle = view.origin.x + view.size.x * 0.5f;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        placed[i].anchor = labels[i].anchor;
        placed[i].rightColumn = labels[i].home.value_or(labels[i].anchor).x >= middle;
        if (!model.rows.empty()) {
            const glm::vec2 size = labels[i].size;
            const float top = placed[i].anchor.y - size.y * 0.5f, low = top + size.y;
            const float leftX = view.origin.x + gap, rightX = view.origin.x + view.size.x - gap - size.x;
            const float onLeft = overlapWithModel(model, leftX, leftX + size.x, top, low);
            const float onRight = overlapWithModel(model, rightX, rightX + size.x, top, low);
            const float here = placed[i].rightColumn ? onRight : onLeft, there = placed[i].rightColumn ? onLeft : onRight;
            if (here > size.x * 0.5f && there < here * 0.5f) placed[i].rightColumn = !placed[i].rightColumn;
        }
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

LeaderStroke leaderStroke(float uiScale, bool forTheRoom, float displayHeight) {
    // 1 px on 1080 lines, and never less than 1 px: a small window keeps its lines as they were.
    const float cap = std::max(displayHeight / 1080.0f, 1.0f);
    LeaderStroke stroke;
    stroke.line = std::min((forTheRoom ? 3.0f : 1.5f) * uiScale, 4.0f * cap);
    stroke.halo = stroke.line + std::min(2.0f * uiScale, 3.0f * cap);
    stroke.dot = std::min(3.5f * uiScale, 6.0f * cap);
    stroke.ring = std::min(4.5f * uiScale, 7.5f * cap);
    stroke.dash = std::min(7.0f * uiScale, 14.0f * cap);
    return stroke;
}

}  // namespace psoas
