#pragma once
// The simplest possible renderer of a scene: depth test, one flat-lit pass, one draw per mesh, no
// blending, no UI. It exists only so --bench can say what our real frame costs on top of merely
// drawing the same triangles.

#include "core/orbit_camera.hpp"
#include "core/scene.hpp"

#include <glm/mat4x4.hpp>

#include <memory>
#include <vector>

namespace psoas::render {

class FloorRenderer {
public:
    explicit FloorRenderer(const Scene& scene);
    ~FloorRenderer();
    FloorRenderer(const FloorRenderer&) = delete;
    FloorRenderer& operator=(const FloorRenderer&) = delete;
    void updateVertices(std::size_t structure, const std::vector<glm::vec3>& positions, const std::vector<glm::vec3>& normals);
    void render(const OrbitCamera& camera, glm::ivec2 size, const std::vector<glm::mat4>& models, const std::vector<bool>& visible);

private:
    struct Gpu;  // the program and the meshes: GL types stay inside src/render
    const Scene& scene_;
    std::unique_ptr<Gpu> gpu_;
};

}  // namespace psoas::render
