#pragma once
// How shaders/mesh.frag is told what a painted area looks like: one float per area, kind + 4 x
// tint slot, where the kind is 0 origin, 1 insertion, 2 tendon, 3 cartilage. The one place that
// encoding is written; everything before the shader passes core::AreaPaint values.

#include "core/attachment_tint.hpp"

#include <vector>

namespace psoas::render {

[[nodiscard]] float meshShaderPaintCode(AreaPaint paint);
// The codes of the first `count` areas into `codes` (count <= paints.size()).
void meshShaderPaintCodes(const std::vector<AreaPaint>& paints, float* codes, int count);

}  // namespace psoas::render
