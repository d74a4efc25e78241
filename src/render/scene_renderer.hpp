#pragma once
// Draws a Scene: opaque structures first, then faded ones sorted back to front so overlapping
// transparent structures blend in the right order.

#include "core/frame_state.hpp"
#include "core/orbit_camera.hpp"
#include "core/scene.hpp"
#include "render/gpu_mesh.hpp"
#include "render/shader_program.hpp"

#include <glm/mat4x4.hpp>
#include <glm/vec4.hpp>

#include <vector>

namespace psoas::render {

// How one structure looks this frame: the core value, built from the viewer session each frame.
using StructureLook = psoas::StructureLook;

inline constexpr int kMaxPaintedAreas = 24;  // matches kMaxAreas in shaders/mesh.frag

struct FrameStyle {
    glm::vec4 background{0.10f, 0.11f, 0.13f, 1.0f};  // alpha 0 for a transparent PNG
};

class SceneRenderer {
public:
    explicit SceneRenderer(const Scene& scene);  // uploads every mesh once

    // Uploads new vertices for a structure whose mesh bends (muscles, the diaphragm).
    void updateVertices(std::size_t structure, const std::vector<glm::vec3>& positions, const std::vector<glm::vec3>& normals);

    // Clears the bound framebuffer (of `framebufferSize`) and draws the scene into `viewport`
    // (x, y from the bottom-left, width, height), the part of it not covered by panels.
    void render(const OrbitCamera& camera, glm::ivec2 framebufferSize, glm::ivec4 viewport,
                const std::vector<StructureLook>& looks, const FrameStyle& style);

private:
    const Scene& scene_;
    ShaderProgram program_;
    std::vector<GpuMesh> meshes_;
    std::vector<bool> closed_;  // isClosedOutwardSurface per mesh: back faces can be skipped
    // Reused every frame: no allocation while drawing.
    std::vector<std::size_t> opaqueOrder_, transparentOrder_;
};

}  // namespace psoas::render
