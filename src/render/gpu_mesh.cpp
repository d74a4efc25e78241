#include "render/gpu_mesh.hpp"

#include <vector>

namespace psoas::render {

GpuMesh::GpuMesh(const MeshData& mesh)
    : vertexArray_(makeVertexArray()), vertices_(makeBuffer()), restPositions_(makeBuffer()), indices_(makeBuffer()),
      indexCount_(static_cast<GLsizei>(mesh.indices.size())), vertexCount_(mesh.positions.size()) {
    // Interleaved position + normal: one buffer, one fetch stream per vertex.
    std::vector<float> interleaved;
    interleaved.reserve(mesh.positions.size() * 6);
    for (std::size_t i = 0; i < mesh.positions.size(); ++i) {
        const glm::vec3& p = mesh.positions[i];
        const glm::vec3& n = mesh.normals[i];
        interleaved.insert(interleaved.end(), {p.x, p.y, p.z, n.x, n.y, n.z});
    }
    glBindVertexArray(vertexArray_.get());
    glBindBuffer(GL_ARRAY_BUFFER, vertices_.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(interleaved.size() * sizeof(float)), interleaved.data(),
                 GL_STATIC_DRAW);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indices_.get());
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(mesh.indices.size() * sizeof(std::uint32_t)),
                 mesh.indices.data(), GL_STATIC_DRAW);
    constexpr GLsizei stride = 6 * sizeof(float);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, stride, nullptr);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 3, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<const void*>(3 * sizeof(float)));
    // The neutral positions stay in a buffer of their own that bending never rewrites: painted
    // areas are given in the neutral frame, so on a bent muscle they stay on the same vertices.
    glBindBuffer(GL_ARRAY_BUFFER, restPositions_.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(mesh.positions.size() * sizeof(glm::vec3)), mesh.positions.data(),
                 GL_STATIC_DRAW);
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 3, GL_FLOAT, GL_FALSE, sizeof(glm::vec3), nullptr);
    glBindVertexArray(0);
}

void GpuMesh::updateVertices(const std::vector<glm::vec3>& positions, const std::vector<glm::vec3>& normals) {
    if (positions.size() != vertexCount_ || normals.size() != vertexCount_) return;
    interleaved_.resize(vertexCount_ * 6);
    for (std::size_t i = 0; i < vertexCount_; ++i) {
        float* v = &interleaved_[i * 6];
        v[0] = positions[i].x, v[1] = positions[i].y, v[2] = positions[i].z;
        v[3] = normals[i].x, v[4] = normals[i].y, v[5] = normals[i].z;
    }
    glBindBuffer(GL_ARRAY_BUFFER, vertices_.get());
    const auto bytes = static_cast<GLsizeiptr>(interleaved_.size() * sizeof(float));
    if (!bends_) {
        // The first update says this mesh bends: its buffer is made again as DYNAMIC_DRAW, which
        // tells the driver where to keep it (and stops Mesa's debug context from warning at every
        // frame that a STATIC_DRAW buffer is being rewritten).
        glBufferData(GL_ARRAY_BUFFER, bytes, interleaved_.data(), GL_DYNAMIC_DRAW);
        bends_ = true;
        return;
    }
    glBufferSubData(GL_ARRAY_BUFFER, 0, bytes, interleaved_.data());
}

void GpuMesh::draw() const {
    glBindVertexArray(vertexArray_.get());
    glDrawElements(GL_TRIANGLES, indexCount_, GL_UNSIGNED_INT, nullptr);
}

}  // namespace psoas::render
