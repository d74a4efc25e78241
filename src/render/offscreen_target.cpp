#include "render/offscreen_target.hpp"

#include "render/gl_handles.hpp"

#include <stdexcept>
#include <algorithm>
#include <string>

namespace psoas::render {

struct OffscreenTarget::Buffers {
    GlFramebuffer framebuffer = makeFramebuffer();
    GlRenderbuffer colour = makeRenderbuffer();
    GlRenderbuffer depth;
};

OffscreenTarget::~OffscreenTarget() = default;
OffscreenTarget::OffscreenTarget(OffscreenTarget&&) noexcept = default;
OffscreenTarget& OffscreenTarget::operator=(OffscreenTarget&&) noexcept = default;

OffscreenTarget::OffscreenTarget(int width, int height, bool withDepth)
    : width_(width), height_(height), gl_(std::make_unique<Buffers>()) {
    GLint maxSize = 0;
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &maxSize);
    if (width <= 0 || height <= 0 || width > maxSize || height > maxSize)
        throw std::runtime_error("image size " + std::to_string(width) + "x" + std::to_string(height) +
                                 " is outside what this GPU can render (1 to " + std::to_string(maxSize) + " pixels a side)");
    glBindRenderbuffer(GL_RENDERBUFFER, gl_->colour.get());
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
    glBindFramebuffer(GL_FRAMEBUFFER, gl_->framebuffer.get());
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, gl_->colour.get());
    if (withDepth) {
        gl_->depth = makeRenderbuffer();
        glBindRenderbuffer(GL_RENDERBUFFER, gl_->depth.get());
        glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH24_STENCIL8, width, height);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, gl_->depth.get());
    }
    const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    if (status != GL_FRAMEBUFFER_COMPLETE)
        throw std::runtime_error("the offscreen framebuffer is incomplete (status " + std::to_string(status) + ")");
}

void OffscreenTarget::bind() const {
    glBindFramebuffer(GL_FRAMEBUFFER, gl_->framebuffer.get());
    glViewport(0, 0, width_, height_);
}

Image OffscreenTarget::read() const {
    Image image{width_, height_, std::vector<std::uint8_t>(static_cast<std::size_t>(width_) * height_ * 4)};
    glBindFramebuffer(GL_READ_FRAMEBUFFER, gl_->framebuffer.get());
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
    // GL's rows start at the bottom; images start at the top.
    const std::size_t row = static_cast<std::size_t>(width_) * 4;
    for (int y = 0; y < height_ / 2; ++y)
        std::swap_ranges(image.rgba.begin() + static_cast<std::ptrdiff_t>(y * row),
                         image.rgba.begin() + static_cast<std::ptrdiff_t>((y + 1) * row),
                         image.rgba.begin() + static_cast<std::ptrdiff_t>((height_ - 1 - y) * row));
    return image;
}

void OffscreenTarget::copyToWindow(glm::ivec2 windowFramebuffer) const {
    const GlFramebuffer source = makeFramebuffer();  // the current context's own, for this copy only
    glBindFramebuffer(GL_READ_FRAMEBUFFER, source.get());
    glFramebufferRenderbuffer(GL_READ_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, gl_->colour.get());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
    glBlitFramebuffer(0, 0, width_, height_, 0, 0, windowFramebuffer.x, windowFramebuffer.y, GL_COLOR_BUFFER_BIT, GL_LINEAR);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

}  // namespace psoas::render
