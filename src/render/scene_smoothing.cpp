#include "render/scene_smoothing.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace psoas::render {

namespace {
void checkComplete(const char* what) {
    const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
    if (status != GL_FRAMEBUFFER_COMPLETE)
        throw std::runtime_error(std::string(what) + " framebuffer is incomplete (status " + std::to_string(status) + ")");
}
}  // namespace

SceneSmoothing::SceneSmoothing() : filter_("edge_filter.vert", "edge_filter.frag"), emptyVertices_(makeVertexArray()) {}

void SceneSmoothing::makeBuffers(AntiAliasing mode, glm::ivec2 size) {
    sceneFramebuffer_ = makeFramebuffer();
    sceneColour_ = makeTexture();
    sceneDepth_ = makeRenderbuffer();
    glBindTexture(GL_TEXTURE_2D, sceneColour_.get());
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, size.x, size.y, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    // Linear: the filter's samples between pixels are what average along an edge.
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindTexture(GL_TEXTURE_2D, 0);
    glBindRenderbuffer(GL_RENDERBUFFER, sceneDepth_.get());
    glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH24_STENCIL8, size.x, size.y);
    glBindFramebuffer(GL_FRAMEBUFFER, sceneFramebuffer_.get());
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, sceneColour_.get(), 0);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, sceneDepth_.get());
    checkComplete("the scene");

    multisampleFramebuffer_.reset();
    multisampleColour_.reset();
    multisampleDepth_.reset();
    if (mode == AntiAliasing::Multisample) {
        GLint maxSamples = 1;
        glGetIntegerv(GL_MAX_SAMPLES, &maxSamples);
        const GLsizei samples = std::clamp(maxSamples, 1, 4);
        multisampleFramebuffer_ = makeFramebuffer();
        multisampleColour_ = makeRenderbuffer();
        multisampleDepth_ = makeRenderbuffer();
        glBindRenderbuffer(GL_RENDERBUFFER, multisampleColour_.get());
        glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_RGBA8, size.x, size.y);
        glBindRenderbuffer(GL_RENDERBUFFER, multisampleDepth_.get());
        glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_DEPTH24_STENCIL8, size.x, size.y);
        glBindFramebuffer(GL_FRAMEBUFFER, multisampleFramebuffer_.get());
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, multisampleColour_.get());
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, multisampleDepth_.get());
        checkComplete("the multisampled scene");
    }
    glBindRenderbuffer(GL_RENDERBUFFER, 0);
    builtMode_ = mode;
    builtSize_ = size;
}

void SceneSmoothing::begin(AntiAliasing mode, glm::ivec2 size) {
    mode_ = mode;
    size_ = size;
    if (mode == AntiAliasing::Off || size.x <= 0 || size.y <= 0) {
        mode_ = AntiAliasing::Off;
        return;
    }
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &destination_);
    if (!sceneFramebuffer_ || builtSize_ != size || builtMode_ != mode) makeBuffers(mode, size);
    glBindFramebuffer(GL_FRAMEBUFFER,
                      mode == AntiAliasing::Multisample ? multisampleFramebuffer_.get() : sceneFramebuffer_.get());
    glViewport(0, 0, size.x, size.y);
}

void SceneSmoothing::finish(glm::ivec4 region) {
    if (mode_ == AntiAliasing::Off) return;
    if (mode_ == AntiAliasing::Multisample) {  // resolve the samples
        glBindFramebuffer(GL_READ_FRAMEBUFFER, multisampleFramebuffer_.get());
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, sceneFramebuffer_.get());
        glBlitFramebuffer(0, 0, size_.x, size_.y, 0, 0, size_.x, size_.y, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    }
    // A straight copy first (a memory copy on software GL); then the filter runs only where edges
    // can be, the box the model covers on screen: background pixels cost nothing.
    glBindFramebuffer(GL_READ_FRAMEBUFFER, sceneFramebuffer_.get());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(destination_));
    glBlitFramebuffer(0, 0, size_.x, size_.y, 0, 0, size_.x, size_.y, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(destination_));
    glViewport(0, 0, size_.x, size_.y);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_BLEND);
    glDisable(GL_CULL_FACE);
    const glm::ivec2 low = glm::clamp(glm::ivec2(region.x, region.y), glm::ivec2(0), size_);
    const glm::ivec2 high = glm::clamp(glm::ivec2(region.x + region.z, region.y + region.w), glm::ivec2(0), size_);
    if (mode_ != AntiAliasing::EdgeFilter || high.x <= low.x || high.y <= low.y) return;
    glEnable(GL_SCISSOR_TEST);
    glScissor(low.x, low.y, high.x - low.x, high.y - low.y);
    filter_.use();
    filter_.set("uScene", 0);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, sceneColour_.get());
    glBindVertexArray(emptyVertices_.get());
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glBindVertexArray(0);
    glBindTexture(GL_TEXTURE_2D, 0);
    glDisable(GL_SCISSOR_TEST);
}

}  // namespace psoas::render
