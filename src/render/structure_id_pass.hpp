#pragma once
// Which structure each pixel of a frame shows: the frame's meshes drawn with the renderer's own
// camera, poses and bent vertices into an integer target, one structure index per pixel. The
// leader-line test reads it to check that every label ends on its own structure.
//
// Two layers, because the renderer draws in two passes: `opaque` is the nearest opaque structure
// (the one the depth buffer keeps); `faded` is the nearest faded structure (opacity below 1, the
// transparent pass) in front of it, drawn over it. A pixel shows a structure when it is either.

#include "core/frame_state.hpp"
#include "core/scene.hpp"
#include "render/gpu_mesh.hpp"
#include "render/shader_program.hpp"

#include <vector>

namespace psoas::render {

struct StructureIdImage {
    int width = 0, height = 0;
    std::vector<int> opaque, faded;  // -1 where none; rows top first, as Image
    [[nodiscard]] bool shows(int x, int y, int structure) const;  // false outside the image
};

class StructureIdPass {
public:
    explicit StructureIdPass(const Scene& scene);  // uploads every mesh once

    // New vertices for a structure whose mesh bends (muscles, the diaphragm).
    void updateVertices(std::size_t structure, const std::vector<glm::vec3>& positions, const std::vector<glm::vec3>& normals);

    // Draws `frame`'s 3D view into an integer target of its framebuffer size and reads it back.
    // Leaves the framebuffer binding as it found it. Throws std::runtime_error when the driver
    // refuses the target.
    [[nodiscard]] StructureIdImage render(const FrameState& frame);

private:
    const Scene& scene_;
    ShaderProgram program_;
    std::vector<GpuMesh> meshes_;
};

}  // namespace psoas::render
