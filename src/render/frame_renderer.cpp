#include "render/frame_renderer.hpp"

namespace psoas::render {

FrameRenderer::FrameRenderer(const Scene& scene) : scene_(scene) {}

void FrameRenderer::updateVertices(std::size_t structure, const std::vector<glm::vec3>& positions,
                                   const std::vector<glm::vec3>& normals) {
    scene_.updateVertices(structure, positions, normals);
}

void FrameRenderer::render(const FrameState& frame, const BoundTarget&) {
    if (frame.blank) {
        clearToBlack(frame.framebufferSize);
        return;
    }
    smoothing_.begin(frame.antiAliasing, frame.framebufferSize);
    scene_.render(frame.camera, frame.framebufferSize, frame.viewport, frame.looks, FrameStyle{frame.background});
    smoothing_.finish(frame.modelRegion);
}

}  // namespace psoas::render
