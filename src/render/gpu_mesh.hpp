#pragma once
// A mesh uploaded once to the GPU: static geometry stays there, drawing it is one call.

#include "core/mesh.hpp"
#include "render/gl_handles.hpp"

namespace psoas::render {

class GpuMesh {
public:
    explicit GpuMesh(const MeshData& mesh);
    void draw() const;
    [[nodiscard]] GLsizei indexCount() const { return indexCount_; }

private:
    GlVertexArray vertexArray_;
    GlBuffer vertices_;
    GlBuffer indices_;
    GLsizei indexCount_ = 0;
};

}  // namespace psoas::render
