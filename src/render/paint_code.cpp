#include "render/paint_code.hpp"

#include <algorithm>

namespace psoas::render {

float meshShaderPaintCode(AreaPaint paint) {
    switch (paint.kind) {
        case AttachmentKind::Tendon: return 2.0f;
        case AttachmentKind::Cartilage: return 3.0f;
        case AttachmentKind::Origin:
        case AttachmentKind::Insertion: break;
    }
    const float kind = paint.kind == AttachmentKind::Insertion ? 1.0f : 0.0f;
    return kind + 4.0f * static_cast<float>(std::clamp(paint.tintSlot, 0, kAttachmentTintSlots - 1));
}

void meshShaderPaintCodes(const std::vector<AreaPaint>& paints, float* codes, int count) {
    for (int i = 0; i < count; ++i) codes[i] = meshShaderPaintCode(paints[static_cast<std::size_t>(i)]);
}

}  // namespace psoas::render
