#pragma once
// Anti-aliasing for the 3D view. The scene is drawn into a buffer of its own, then copied into the
// frame through one of two ways of smoothing stair-stepped edges:
//  - EdgeFilter (the default): a full-screen pass that finds edges by their contrast and averages
//    each edge pixel along the edge (shaders/edge_filter.frag). On software GL, 4x MSAA costs
//    about 6x the frame; this one pass costs a fraction of one.
//  - Multisample: 4x MSAA, resolved, for machines whose GPU makes it cheap.
// The UI is drawn afterwards, straight into the frame, so text stays exactly as sharp as it was.

#include "core/anti_aliasing.hpp"
#include "render/gl_handles.hpp"
#include "render/shader_program.hpp"

#include <glm/vec2.hpp>
#include <glm/vec4.hpp>

namespace psoas::render {

class SceneSmoothing {
public:
    SceneSmoothing();  // compiles the filter; buffers are made on first use

    // Binds the buffer the scene should be drawn into (made or re-made for `size` and `mode`) and
    // remembers the framebuffer that was bound, for finish(). With Off it binds nothing.
    void begin(AntiAliasing mode, glm::ivec2 size);
    // Copies the scene into the framebuffer bound at begin(), smoothing edges within `region`
    // (x, y from the bottom-left, width, height: where the model is on screen; outside it the
    // copy is exact), and leaves that framebuffer bound with a full viewport and no depth test,
    // ready for the UI.
    void finish(glm::ivec4 region);

private:
    void makeBuffers(AntiAliasing mode, glm::ivec2 size);

    ShaderProgram filter_;
    GlVertexArray emptyVertices_;  // the full-screen triangle comes from gl_VertexID
    AntiAliasing mode_ = AntiAliasing::Off, builtMode_ = AntiAliasing::Off;
    glm::ivec2 size_{0}, builtSize_{0};
    GLint destination_ = 0;
    // Single-sample scene: the filter reads it as a texture.
    GlFramebuffer sceneFramebuffer_;
    GlTexture sceneColour_;
    GlRenderbuffer sceneDepth_;
    // Multisampled scene (Multisample only): resolved into the single-sample one, then copied.
    GlFramebuffer multisampleFramebuffer_;
    GlRenderbuffer multisampleColour_, multisampleDepth_;
};

}  // namespace psoas::render
