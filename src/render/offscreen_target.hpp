#pragma once
// A framebuffer object of a fixed size: where screenshots, exports and image tests render, so
// they do not depend on the window's size or on the window being visible.

#include "core/image.hpp"

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
    [[nodiscard]] int width() const { return width_; }
    [[nodiscard]] int height() const { return height_; }

private:
    int width_, height_;
    struct Buffers;  // the GL objects: no GL type leaves src/render
    std::unique_ptr<Buffers> gl_;
};

}  // namespace psoas::render
