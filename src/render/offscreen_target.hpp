#pragma once
// A framebuffer object of a fixed size: where screenshots, exports and image tests render, so
// they do not depend on the window's size or on the window being visible.

#include "core/image.hpp"

#include <glm/vec2.hpp>

#include <memory>

namespace psoas::render {

class OffscreenTarget {
public:
    // Throws std::runtime_error if the driver refuses the size. Without depth when whatever draws
    // into it brings its own (the anti-aliased scene does): 8 MB less at 1920x1080.
    OffscreenTarget(int width, int height, bool withDepth = true);
    ~OffscreenTarget();
    OffscreenTarget(OffscreenTarget&&) noexcept;
    OffscreenTarget& operator=(OffscreenTarget&&) noexcept;
    void bind() const;
    [[nodiscard]] Image read() const;  // RGBA8, top row first
    // Copies the picture into the current context's window framebuffer of `windowFramebuffer`
    // pixels, stretched to fill it. That context may be another window's that shares this one's
    // objects (the class's window on two screens): renderbuffers are shared between contexts,
    // framebuffer objects are not, so one of the current context is made for the copy. What was
    // drawn into the image must have been finished first (render::finishGpuWork).
    void copyToWindow(glm::ivec2 windowFramebuffer) const;
    [[nodiscard]] int width() const { return width_; }
    [[nodiscard]] int height() const { return height_; }

private:
    int width_, height_;
    struct Buffers;  // the GL objects: no GL type leaves src/render
    std::unique_ptr<Buffers> gl_;
};

}  // namespace psoas::render
