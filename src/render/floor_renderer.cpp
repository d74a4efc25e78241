#include "render/floor_renderer.hpp"

#include "render/gpu_mesh.hpp"
#include "render/shader_program.hpp"

#include <algorithm>

namespace psoas::render {

struct FloorRenderer::Gpu {
    ShaderProgram program{"floor.vert", "floor.frag"};
    std::vector<GpuMesh> meshes;
};

FloorRenderer::FloorRenderer(const Scene& scene) : scene_(scene), gpu_(std::make_unique<Gpu>()) {
    gpu_->meshes.reserve(scene.structures.size());
    for (const auto& s : scene.structures) gpu_->meshes.emplace_back(s.mesh);
}

FloorRenderer::~FloorRenderer() = default;

void FloorRenderer::updateVertices(std::size_t structure, const std::vector<glm::vec3>& positions,
                                   const std::vector<glm::vec3>& normals) {
    if (structure < gpu_->meshes.size()) gpu_->meshes[structure].updateVertices(positions, normals);
}

void FloorRenderer::render(const OrbitCamera& camera, glm::ivec2 size, const std::vector<glm::mat4>& models,
                           const std::vector<bool>& visible) {
    glViewport(0, 0, size.x, size.y);
    glClearColor(0.1f, 0.1f, 0.1f, 1.0f);
    glEnable(GL_DEPTH_TEST);
    glDepthMask(GL_TRUE);
    glDisable(GL_BLEND);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
    gpu_->program.use();
    const float aspect = static_cast<float>(size.x) / static_cast<float>(std::max(size.y, 1));
    gpu_->program.set("uViewProjection", camera.projection(aspect, scene_.bounds) * camera.view());
    for (std::size_t i = 0; i < gpu_->meshes.size(); ++i) {
        if (i < visible.size() && !visible[i]) continue;
        gpu_->program.set("uModel", i < models.size() ? models[i] : glm::mat4(1.0f));
        gpu_->program.set("uColour", scene_.structures[i].info.colour);
        gpu_->meshes[i].draw();
    }
    glBindVertexArray(0);
}

}  // namespace psoas::render
