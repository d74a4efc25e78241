#pragma once
// How each structure looks in one frame, as plain values the renderer draws from. Built fresh from
// the viewer session every frame (ViewerSession::structureLooks), never kept between frames: a
// look kept and patched frame to frame is how a tint outlived its lesson step (issue 12, defect 2).

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
    glm::vec3 tint{0.0f};      // colour-by-length: blue shorter, red longer
    float tintAmount = 0.0f;   // 0 = the structure's own colour
    // Attachment areas to paint on this structure: centre and radius, and 0 origin / 1 insertion.
    const std::vector<glm::vec4>* areas = nullptr;
    const std::vector<float>* areaKinds = nullptr;
};

}  // namespace psoas
