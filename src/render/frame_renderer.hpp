#pragma once
// Draws one frame's 3D part from a FrameState into a bound target: the scene through the chosen
// anti-aliasing, or the blank screen. Holds the GPU meshes and the smoothing buffers; knows
// nothing of the session, the UI or the window.

#include "core/frame_state.hpp"
#include "core/scene.hpp"
#include "render/render_target.hpp"

#include <glm/vec3.hpp>

#include <memory>
#include <vector>

namespace psoas::render {

class FrameRenderer {
public:
    explicit FrameRenderer(const Scene& scene);  // uploads every mesh once, builds the shaders
    ~FrameRenderer();
    FrameRenderer(const FrameRenderer&) = delete;
    FrameRenderer& operator=(const FrameRenderer&) = delete;

    // New vertices for a structure whose mesh bends (muscles, the diaphragm).
    void updateVertices(std::size_t structure, const std::vector<glm::vec3>& positions, const std::vector<glm::vec3>& normals);
    // `target` is the proof that a framebuffer of `frame.framebufferSize` is bound.
    void render(const FrameState& frame, const BoundTarget& target);

private:
    struct Parts;  // the scene renderer and the smoothing buffers: GL types stay inside src/render
    std::unique_ptr<Parts> parts_;
};

}  // namespace psoas::render
