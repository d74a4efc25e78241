#include "render/structure_id_pass.hpp"

#include "render/gl_handles.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace psoas::render {

bool StructureIdImage::shows(int x, int y, int structure) const {
    if (x < 0 || y < 0 || x >= width || y >= height) return false;
    const auto i = static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x);
    return opaque[i] == structure || faded[i] == structure;
}

StructureIdPass::StructureIdPass(const Scene& scene) : scene_(scene), program_("structure_id.vert", "structure_id.frag") {
    meshes_.reserve(scene.structures.size());
    for (const auto& s : scene.structures) meshes_.emplace_back(s.mesh);
}

void StructureIdPass::updateVertices(std::size_t structure, const std::vector<glm::vec3>& positions,
                                     const std::vector<glm::vec3>& normals) {
    if (structure < meshes_.size()) meshes_[structure].updateVertices(positions, normals);
}

namespace {
// Reads the bound integer target's colour, flipped to rows top first.
std::vector<int> readIds(int width, int height) {
    std::vector<int> ids(static_cast<std::size_t>(width) * static_cast<std::size_t>(height));
    glPixelStorei(GL_PACK_ALIGNMENT, 4);
    glReadPixels(0, 0, width, height, GL_RED_INTEGER, GL_INT, ids.data());
    const auto row = static_cast<std::ptrdiff_t>(width);
    for (int y = 0; y < height / 2; ++y)
        std::swap_ranges(ids.begin() + y * row, ids.begin() + (y + 1) * row, ids.begin() + (height - 1 - y) * row);
    return ids;
}
}  // namespace

StructureIdImage StructureIdPass::render(const FrameState& frame) {
    const int width = frame.framebufferSize.x, height = frame.framebufferSize.y;
    GLint previous = 0;
    glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previous);
    GlFramebuffer framebuffer = makeFramebuffer();
    GlRenderbuffer ids = makeRenderbuffer(), depth = makeRenderbuffer();
    glBindRenderbuffer(GL_RENDERBUFFER, ids.get());
    glRenderbufferStorage(GL_RENDERBUFFER, GL_R32I, width, height);
    glBindRenderbuffer(GL_RENDERBUFFER, depth.get());
    glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH24_STENCIL8, width, height);
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer.get());
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, ids.get());
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, depth.get());
    const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
    if (status != GL_FRAMEBUFFER_COMPLETE) {
        glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous));
        throw std::runtime_error("the structure-id framebuffer is incomplete (status " + std::to_string(status) + ")");
    }

    StructureIdImage image{width, height, {}, {}};
    const GLint none = -1;
    glViewport(0, 0, width, height);
    glClearBufferiv(GL_COLOR, 0, &none);
    glDepthMask(GL_TRUE);
    glClear(GL_DEPTH_BUFFER_BIT);
    const glm::ivec4 viewport = frame.viewport;
    const bool drawn = !frame.blank && viewport.z > 0 && viewport.w > 0;
    if (drawn) {
        glViewport(viewport.x, viewport.y, viewport.z, viewport.w);
        glEnable(GL_DEPTH_TEST);
        glDepthFunc(GL_LEQUAL);
        glDisable(GL_CULL_FACE);
        glDisable(GL_BLEND);
        program_.use();
        program_.set("uView", frame.camera.view());
        program_.set("uProjection",
                     frame.camera.projection(static_cast<float>(viewport.z) / static_cast<float>(viewport.w), scene_.bounds));
    }
    // As SceneRenderer draws: opaque structures keep the nearest by depth; faded ones (the
    // transparent pass) are drawn over what they are in front of and hide nothing. Here the faded
    // layer keeps its own nearest, in front of the opaque depth.
    auto drawPass = [&](bool faded) {
        if (!drawn) return;
        for (std::size_t i = 0; i < meshes_.size() && i < frame.looks.size(); ++i) {
            const StructureLook& look = frame.looks[i];
            if (!look.visible || look.opacity <= 0.0f || (look.opacity < 1.0f) != faded) continue;
            program_.set("uModel", look.model);
            program_.set("uStructure", static_cast<int>(i));
            meshes_[i].draw();
        }
    };
    drawPass(false);
    image.opaque = readIds(width, height);
    glClearBufferiv(GL_COLOR, 0, &none);
    drawPass(true);
    image.faded = readIds(width, height);
    glBindVertexArray(0);
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous));
    return image;
}

}  // namespace psoas::render
