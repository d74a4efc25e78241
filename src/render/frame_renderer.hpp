#pragma once
// Draws one frame's 3D part from a FrameState into a bound target: the scene through the chosen
// anti-aliasing, or the blank screen. Holds the GPU meshes and the smoothing buffers; knows
// nothing of the session, the UI or the window.

#include "core/frame_state.hpp"
#include "core/scene.hpp"
#include "render/render_target.hpp"
#include "render/scene_renderer.hpp"
#include "render/scene_smoothing.hpp"

namespace psoas::render {

class FrameRenderer {
public:
    explicit FrameRenderer(const Scene& scene);  // uploads every mesh once, builds the shaders

    // New vertices for a structure whose mesh bends (muscles, the diaphragm).
    void updateVertices(std::size_t structure, const std::vector<glm::vec3>& positions, const std::vector<glm::vec3>& normals);
    // `target` is the proof that a framebuffer of `frame.framebufferSize` is bound.
    void render(const FrameState& frame, const BoundTarget& target);

private:
    SceneRenderer scene_;
    SceneSmoothing smoothing_;
};

}  // namespace psoas::render
