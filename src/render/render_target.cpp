#include "render/render_target.hpp"

#include <glad/gl.h>

namespace psoas::render {

BoundTarget::BoundTarget(const OffscreenTarget* image, glm::ivec2 windowFramebuffer) {
    if (image) {
        image->bind();
        return;
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(0, 0, windowFramebuffer.x, windowFramebuffer.y);
}

BoundTarget::~BoundTarget() { glBindFramebuffer(GL_FRAMEBUFFER, 0); }

void finishGpuWork() { glFinish(); }

std::string rendererName() {
    const auto* name = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
    return name ? name : "unknown";
}

void clearToBlack(glm::ivec2 size) {
    glBindVertexArray(0);
    glViewport(0, 0, size.x, size.y);
    glClearColor(0.0f, 0.0f, 0.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
}

}  // namespace psoas::render
