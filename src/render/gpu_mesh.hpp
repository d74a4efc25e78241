#pragma once
// A mesh uploaded once to the GPU: static geometry stays there, drawing it is one call.

#include "core/mesh.hpp"
#include "render/gl_handles.hpp"

#include <vector>

namespace psoas::render {

class GpuMesh {
public:
    explicit GpuMesh(const MeshData& mesh);
    void draw() const;
    // Replaces the vertices of a mesh that bends (same count as when it was made).
    void updateVertices(const std::vector<glm::vec3>& positions, const std::vector<glm::vec3>& normals);
    [[nodiscard]] GLsizei indexCount() const { return indexCount_; }

private:
    GlVertexArray vertexArray_;
    GlBuffer positions_;      // attribute 0, rewritten when the mesh bends
    GlBuffer normals_;        // attribute 1, rewritten when the mesh bends
    GlBuffer restPositions_;  // the neutral positions (attribute 2), never rewritten
    GlBuffer indices_;
    GLsizei indexCount_ = 0;
    std::size_t vertexCount_ = 0;
    bool bends_ = false;  // updated at least once: the vertex buffers are DYNAMIC_DRAW
};

}  // namespace psoas::render
