#include "render/floor_renderer.hpp"

namespace psoas::render {

FloorRenderer::FloorRenderer(const Scene& scene) : scene_(scene), program_("floor.vert", "floor.frag") {
    meshes_.reserve(scene.structures.size());
    for (const auto& s : scene.structures) meshes_.emplace_back(s.mesh);
}

void FloorRenderer::updateVertices(std::size_t structure, const std::vector<glm::vec3>& positions,
                                   const std::vector<glm::vec3>& normals) {
    if (structure < meshes_.size()) meshes_[structure].updateVertices(positions, normals);
}

void FloorRenderer::render(const OrbitCamera& camera, glm::ivec2 size, const std::vector<glm::mat4>& models,
                           const std::vector<bool>& visible) {
    glViewport(0, 0, size.x, size.y);
    glClearColor(0.1f, 0.1f, 0.1f, 1.0f);
    glEnable(GL_DEPTH_TEST);
    glDepthMask(GL_TRUE);
    glDisable(GL_BLEND);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
    program_.use();
    const float aspect = static_cast<float>(size.x) / static_cast<float>(std::max(size.y, 1));
    program_.set("uViewProjection", camera.projection(aspect, scene_.bounds) * camera.view());
    for (std::size_t i = 0; i < meshes_.size(); ++i) {
        if (i < visible.size() && !visible[i]) continue;
        program_.set("uModel", i < models.size() ? models[i] : glm::mat4(1.0f));
        program_.set("uColour", scene_.structures[i].info.colour);
        meshes_[i].draw();
    }
    glBindVertexArray(0);
}

}  // namespace psoas::render
