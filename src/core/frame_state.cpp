#include "core/frame_state.hpp"

#include "core/scene_motion.hpp"

#include <glm/common.hpp>

#include <algorithm>
#include <cmath>

namespace psoas {

glm::ivec4 viewportPixels(const ViewRect& view, glm::vec2 displaySize, glm::ivec2 framebufferSize) {
    const glm::vec2 toPixels = glm::vec2(framebufferSize) / glm::max(displaySize, glm::vec2(1.0f));
    // GL counts rows from the bottom: the caption bar, if any, is under the 3D view.
    const int bottom = static_cast<int>(std::lround((displaySize.y - view.origin.y - view.size.y) * toPixels.y));
    return {static_cast<int>(std::lround(view.origin.x * toPixels.x)), bottom, static_cast<int>(std::lround(view.size.x * toPixels.x)),
            static_cast<int>(std::lround(view.size.y * toPixels.y))};
}

glm::ivec4 modelScreenRegion(const Scene& scene, const SceneMotion* motion, const std::vector<StructureLook>& looks,
                             const OrbitCamera& camera, glm::ivec4 viewport) {
    Bounds box;
    for (std::size_t i = 0; i < looks.size(); ++i) {
        if (!looks[i].visible) continue;
        const std::vector<glm::vec3>* bent = motion ? motion->positions(i) : nullptr;
        Bounds local = scene.structures[i].mesh.bounds;
        if (bent) {
            local = {};
            for (const glm::vec3& p : *bent) local.include(p);
        }
        for (int corner = 0; corner < 8; ++corner) box.include(glm::vec3(looks[i].model * glm::vec4(local.corner(corner), 1.0f)));
    }
    const float aspect = static_cast<float>(viewport.z) / static_cast<float>(std::max(viewport.w, 1));
    const auto rect = screenRectOf(box, camera.projection(aspect, scene.bounds) * camera.view());
    if (!rect) return viewport;  // the camera is inside the model: edges may be anywhere
    constexpr int kMargin = 2;  // the filter reads a pixel beyond the edge it smooths
    const glm::vec2 size(viewport.z, viewport.w);
    const glm::ivec2 low = glm::ivec2(glm::floor((glm::vec2(rect->x, rect->y) * 0.5f + 0.5f) * size)) - kMargin;
    const glm::ivec2 high = glm::ivec2(glm::ceil((glm::vec2(rect->z, rect->w) * 0.5f + 0.5f) * size)) + kMargin;
    return {viewport.x + low.x, viewport.y + low.y, high.x - low.x, high.y - low.y};
}

}  // namespace psoas
