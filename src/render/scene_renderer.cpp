#include "render/scene_renderer.hpp"

#include "render/paint_code.hpp"

#include <glm/common.hpp>
#include <glm/geometric.hpp>

#include <algorithm>

namespace psoas::render {

namespace {
// Hover and selection share a warm amber rim: visible on bone and muscle alike, and on both
// dark and white backgrounds.
constexpr glm::vec3 kHighlight{1.0f, 0.72f, 0.25f};
constexpr float kHoverAmount = 0.45f;
constexpr float kSelectedAmount = 1.0f;
constexpr float kLessonHighlightAmount = 0.7f;  // clearly marked, but the muscle keeps its own colour

float highlightAmount(const StructureLook& look) {
    if (look.selected) return kSelectedAmount;
    if (look.highlighted) return kLessonHighlightAmount;
    return look.hovered ? kHoverAmount : 0.0f;
}

// The uniforms of one structure's draw: where it is, its painted areas, colour, opacity, highlight.
void setLook(ShaderProgram& program, const StructureLook& look, const glm::vec3& ownColour) {
    program.set("uModel", look.model);
    const int areas = look.areas ? std::min(static_cast<int>(look.areas->size()), kMaxPaintedAreas) : 0;
    program.set("uAreaCount", areas);
    if (areas > 0) {
        program.setArray("uAreas[0]", look.areas->data(), areas);
        float codes[kMaxPaintedAreas];
        meshShaderPaintCodes(*look.areaPaints, codes, areas);
        program.setArray("uAreaKinds[0]", codes, areas);
    }
    program.set("uColour", glm::mix(ownColour, look.tint, look.tintAmount));
    program.set("uOpacity", look.opacity);
    program.set("uHighlightAmount", highlightAmount(look));
}
}  // namespace

SceneRenderer::SceneRenderer(const Scene& scene) : scene_(scene), program_("mesh.vert", "mesh.frag") {
    meshes_.reserve(scene.structures.size());
    for (const auto& s : scene.structures) {
        meshes_.emplace_back(s.mesh);
        closed_.push_back(isClosedOutwardSurface(s.mesh));
    }
    opaqueOrder_.reserve(scene.structures.size());
    transparentOrder_.reserve(scene.structures.size());
}

void SceneRenderer::updateVertices(std::size_t structure, const std::vector<glm::vec3>& positions,
                                   const std::vector<glm::vec3>& normals) {
    if (structure < meshes_.size()) meshes_[structure].updateVertices(positions, normals);
}

void SceneRenderer::render(const OrbitCamera& camera, glm::ivec2 framebufferSize, glm::ivec4 viewport,
                           const std::vector<StructureLook>& looks, const FrameStyle& style) {
    glViewport(0, 0, framebufferSize.x, framebufferSize.y);
    glClearColor(style.background.x, style.background.y, style.background.z, style.background.w);
    glDepthMask(GL_TRUE);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
    if (viewport.z <= 0 || viewport.w <= 0) return;
    glViewport(viewport.x, viewport.y, viewport.z, viewport.w);

    glEnable(GL_DEPTH_TEST);
    glDepthFunc(GL_LEQUAL);
    glDisable(GL_CULL_FACE);
    glDisable(GL_BLEND);
    program_.use();
    program_.set("uView", camera.view());
    program_.set("uProjection", camera.projection(static_cast<float>(viewport.z) / static_cast<float>(viewport.w),
                                                  scene_.bounds));
    program_.set("uHighlight", kHighlight);

    auto drawOne = [&](std::size_t i) {
        setLook(program_, looks[i], scene_.structures[i].info.colour);
        meshes_[i].draw();
    };

    // Software GL (the classroom PC without a graphics card) spends most of a frame shading
    // fragments, so opaque structures skip what cannot be seen: back faces of closed meshes
    // (about half the triangles) and, drawn nearest first, whatever the depth test hides behind
    // them. Open or inside-out meshes from other programs keep both sides.
    const glm::vec3 eye = camera.eye();
    auto distanceToEye = [&](std::size_t i) {
        return glm::distance(glm::vec3(looks[i].model * glm::vec4(scene_.structures[i].mesh.bounds.centre(), 1.0f)), eye);
    };
    opaqueOrder_.clear();
    transparentOrder_.clear();
    for (std::size_t i = 0; i < meshes_.size() && i < looks.size(); ++i) {
        if (!looks[i].visible || looks[i].opacity <= 0.0f) continue;
        (looks[i].opacity < 1.0f ? transparentOrder_ : opaqueOrder_).push_back(i);
    }
    std::sort(opaqueOrder_.begin(), opaqueOrder_.end(),
              [&](std::size_t a, std::size_t b) { return distanceToEye(a) < distanceToEye(b); });
    glCullFace(GL_BACK);
    for (std::size_t i : opaqueOrder_) {
        if (closed_[i]) glEnable(GL_CULL_FACE);
        else glDisable(GL_CULL_FACE);
        drawOne(i);
    }
    glDisable(GL_CULL_FACE);

    if (!transparentOrder_.empty()) {
        std::sort(transparentOrder_.begin(), transparentOrder_.end(),
                  [&](std::size_t a, std::size_t b) { return distanceToEye(a) > distanceToEye(b); });
        glEnable(GL_BLEND);
        // Separate alpha blending keeps the framebuffer's alpha meaningful for transparent PNGs.
        glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
        glDepthMask(GL_FALSE);
        glEnable(GL_CULL_FACE);
        // Far to near; within each structure its back faces before its front faces.
        for (std::size_t i : transparentOrder_) {
            glCullFace(GL_FRONT);
            drawOne(i);
            glCullFace(GL_BACK);
            drawOne(i);
        }
        glDisable(GL_CULL_FACE);
        glDepthMask(GL_TRUE);
        glDisable(GL_BLEND);
    }
    glBindVertexArray(0);
}

}  // namespace psoas::render
