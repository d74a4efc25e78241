#pragma once
// How each structure looks in one frame, as plain values the renderer draws from. Built fresh from
// the viewer session every frame (ViewerSession::structureLooks), never kept between frames: a
// look kept and patched frame to frame is how a tint outlived its lesson step (issue 12, defect 2).

#include "core/anti_aliasing.hpp"
#include "core/attachment_tint.hpp"
#include "core/label_layout.hpp"
#include "core/orbit_camera.hpp"
#include "core/scene.hpp"

#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>

#include <vector>

namespace psoas {

struct StructureLook {
    bool visible = true;
    float opacity = 1.0f;  // below 1: faded, drawn in the transparent pass
    bool hovered = false;
    bool selected = false;
    bool highlighted = false;  // picked out by a lesson step
    glm::mat4 model{1.0f};     // where the structure is in the current pose (rigid)
    glm::vec3 tint{0.0f};      // colour by length (core/length_colour.hpp)
    float tintAmount = 0.0f;   // 0 = the structure's own colour
    // Attachment areas to paint on this structure: centre and radius, and how each looks.
    const std::vector<glm::vec4>* areas = nullptr;
    const std::vector<AreaPaint>* areaPaints = nullptr;
};

class SceneMotion;

// Everything the renderer needs for one frame's 3D part, as a value: built from the viewer
// session every frame (ViewerSession::frameState) and drawn by render::FrameRenderer.
struct FrameState {
    std::vector<StructureLook> looks;  // one per structure
    OrbitCamera camera;
    glm::ivec2 framebufferSize{1};
    glm::ivec4 viewport{0};     // the 3D view in framebuffer pixels: x, y from the bottom-left, w, h
    glm::ivec4 modelRegion{0};  // where the drawn model lies within it, same units: the edge filter's work
    glm::vec4 background{0.10f, 0.11f, 0.13f, 1.0f};  // alpha 0 for a transparent image
    AntiAliasing antiAliasing = AntiAliasing::EdgeFilter;
    bool blank = false;  // the classroom's blank screen: all black, no model
};

// A view given in UI units on a display of `displaySize`, in the pixels of a framebuffer of
// `framebufferSize` (GL's rows count from the bottom).
[[nodiscard]] glm::ivec4 viewportPixels(const ViewRect& view, glm::vec2 displaySize, glm::ivec2 framebufferSize);

// The box on screen (within `viewport`) that holds every visible structure as posed: bent meshes
// by their vertices, the rest by their boxes; the whole viewport when the camera is inside it.
[[nodiscard]] glm::ivec4 modelScreenRegion(const Scene& scene, const SceneMotion* motion, const std::vector<StructureLook>& looks,
                                           const OrbitCamera& camera, glm::ivec4 viewport);

}  // namespace psoas
