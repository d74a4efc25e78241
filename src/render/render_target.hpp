#pragma once
// Where a frame is drawn: an offscreen image or the window's own framebuffer. A BoundTarget binds
// it for as long as it lives and gives the window its framebuffer back when it goes, so no
// caller binds a framebuffer and has to remember to unbind it (early returns and exceptions
// included). With the few GL calls a frame's driver needs besides drawing, this keeps every GL
// call of the program inside src/render.

#include "render/offscreen_target.hpp"

#include <glm/vec2.hpp>

#include <string>

namespace psoas::render {

class BoundTarget {
public:
    // nullptr: the window's framebuffer, with a viewport of `windowFramebuffer` pixels.
    BoundTarget(const OffscreenTarget* image, glm::ivec2 windowFramebuffer);
    ~BoundTarget();
    BoundTarget(const BoundTarget&) = delete;
    BoundTarget& operator=(const BoundTarget&) = delete;
};

// Waits until the GPU has drawn everything submitted: where a frame ends when no swap ends it.
void finishGpuWork();
// The driver's name for the renderer ("llvmpipe (LLVM 15.0.6, 256 bits)").
std::string rendererName();
// The blanked screen: the whole bound framebuffer of `size` pixels black.
void clearToBlack(glm::ivec2 size);

}  // namespace psoas::render
