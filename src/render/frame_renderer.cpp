#include "render/frame_renderer.hpp"

#include "render/scene_renderer.hpp"
#include "render/scene_smoothing.hpp"

namespace psoas::render {

struct FrameRenderer::Parts {
    explicit Parts(const Scene& structures) : scene(structures) {}
    SceneRenderer scene;
    SceneSmoothing smoothing;
};

FrameRenderer::FrameRenderer(const Scene& scene) : parts_(std::make_unique<Parts>(scene)) {}
FrameRenderer::~FrameRenderer() = default;

void FrameRenderer::updateVertices(std::size_t structure, const std::vector<glm::vec3>& positions,
                                   const std::vector<glm::vec3>& normals) {
    parts_->scene.updateVertices(structure, positions, normals);
}

void FrameRenderer::render(const FrameState& frame, const BoundTarget&) {
    if (frame.blank) {
        clearToBlack(frame.framebufferSize);
        return;
    }
    parts_->smoothing.begin(frame.antiAliasing, frame.framebufferSize);
    parts_->scene.render(frame.camera, frame.framebufferSize, frame.viewport, frame.looks, FrameStyle{frame.background});
    parts_->smoothing.finish(frame.modelRegion);
}

}  // namespace psoas::render
