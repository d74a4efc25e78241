#include "render/gpu_mesh.hpp"

#include <utility>
#include <vector>

namespace psoas::render {

GpuMesh::GpuMesh(const MeshData& mesh)
    : vertexArray_(makeVertexArray()), positions_(makeBuffer()), normals_(makeBuffer()), restPositions_(makeBuffer()),
      indices_(makeBuffer()), indexCount_(static_cast<GLsizei>(mesh.indices.size())), vertexCount_(mesh.positions.size()) {
    // Positions and normals in buffers of their own, so a bending mesh's new vertices go up
    // straight from the deformer's arrays, with no interleaved copy made on the CPU first.
    auto attribute = [](GLuint index, GLuint buffer, const std::vector<glm::vec3>& values) {
        glBindBuffer(GL_ARRAY_BUFFER, buffer);
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(values.size() * sizeof(glm::vec3)), values.data(), GL_STATIC_DRAW);
        glEnableVertexAttribArray(index);
        glVertexAttribPointer(index, 3, GL_FLOAT, GL_FALSE, sizeof(glm::vec3), nullptr);
    };
    glBindVertexArray(vertexArray_.get());
    attribute(0, positions_.get(), mesh.positions);
    attribute(1, normals_.get(), mesh.normals);
    // The neutral positions stay in a buffer of their own that bending never rewrites: painted
    // areas are given in the neutral frame, so on a bent muscle they stay on the same vertices.
    attribute(2, restPositions_.get(), mesh.positions);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indices_.get());
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(mesh.indices.size() * sizeof(std::uint32_t)),
                 mesh.indices.data(), GL_STATIC_DRAW);
    glBindVertexArray(0);
}

void GpuMesh::updateVertices(const std::vector<glm::vec3>& positions, const std::vector<glm::vec3>& normals) {
    if (positions.size() != vertexCount_ || normals.size() != vertexCount_) return;
    const auto bytes = static_cast<GLsizeiptr>(vertexCount_ * sizeof(glm::vec3));
    for (const auto& [buffer, values] : {std::pair{positions_.get(), &positions}, std::pair{normals_.get(), &normals}}) {
        glBindBuffer(GL_ARRAY_BUFFER, buffer);
        // The first update says this mesh bends: its buffers are made again as DYNAMIC_DRAW, which
        // tells the driver where to keep them (and stops Mesa's debug context from warning at
        // every frame that a STATIC_DRAW buffer is being rewritten).
        if (bends_)
            glBufferSubData(GL_ARRAY_BUFFER, 0, bytes, values->data());
        else
            glBufferData(GL_ARRAY_BUFFER, bytes, values->data(), GL_DYNAMIC_DRAW);
    }
    bends_ = true;
}

void GpuMesh::draw() const {
    glBindVertexArray(vertexArray_.get());
    glDrawElements(GL_TRIANGLES, indexCount_, GL_UNSIGNED_INT, nullptr);
}

}  // namespace psoas::render
