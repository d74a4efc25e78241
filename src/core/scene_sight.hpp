#pragma once
// What the 3D view shows along a line of sight, decided as the renderer draws a frame
// (render/scene_renderer.hpp): opaque structures hide what lies behind them; faded ones (opacity
// below 1, the transparent pass) are drawn over whatever they are in front of and hide nothing.
// A ray test against the posed meshes of one frame (its looks and the bent vertices), so labels
// can be checked on the CPU against exactly what is drawn (core/label_anchor.hpp).

#include "core/frame_state.hpp"
#include "core/label_layout.hpp"
#include "core/orbit_camera.hpp"
#include "core/scene.hpp"

#include <limits>
#include <utility>
#include <vector>

namespace psoas {

class SceneMotion;

struct SightHit {
    int structure = -1;  // -1: nothing
    float distance = std::numeric_limits<float>::max();  // along the ray, metres
};

// The nearest opaque structure along a ray, and the nearest faded one in front of it.
struct Sight {
    SightHit opaque;
    SightHit faded;
    // Whether the pixel shows `structure`: it is the opaque one, or the faded one drawn over it.
    [[nodiscard]] bool shows(int structure) const { return structure >= 0 && (opaque.structure == structure || faded.structure == structure); }
    // Where along the ray `structure` is seen (its nearest surface); max() when it is not shown.
    [[nodiscard]] float distanceTo(int structure) const;
};

class SceneSight {
public:
    // `looks`: one per structure, as the frame draws them; `motion` gives the bent vertices (null:
    // the neutral meshes). Keeps references: all three must outlive it.
    SceneSight(const Scene& scene, const SceneMotion* motion, const std::vector<StructureLook>& looks);

    [[nodiscard]] Sight along(const Ray& ray) const;
    // The centres of the structure's triangles where this frame draws them (scene frame): points
    // inside its surface, away from the edges its vertices sit on.
    [[nodiscard]] std::size_t triangleCount(std::size_t structure) const;
    [[nodiscard]] glm::vec3 triangleCentre(std::size_t structure, std::size_t triangle) const;
    // Where the drawn structures (faded ones too) lie on screen: `rows` equal bands from the top
    // of a view of `viewPixels` (pixels, top-left origin), each the left- and rightmost pixel
    // that the boxes of the structures' pieces (64 triangles each) project to. A little wider than
    // the drawn outline (boxes, not triangles); corners behind the eye are left out.
    [[nodiscard]] std::vector<RowSpan> screenRows(const OrbitCamera& camera, glm::vec2 viewPixels, int rows) const;

private:
    struct Posed {
        const std::vector<glm::vec3>* positions = nullptr;  // bent vertices, or the mesh's own
        glm::mat4 model{1.0f};                              // the positions' frame -> scene frame
        glm::mat4 inverse{1.0f};
        Bounds box;                                         // of the positions
        // Runs of kChunk triangles in mesh order (meshes are built in rings and patches, so a run
        // is a compact piece) and their boxes: a ray tests the triangles of the pieces it enters.
        std::vector<Bounds> chunks;
        bool faded = false;
        bool drawn = false;
    };
    static constexpr std::size_t kChunk = 64;
    // Lowers `slot` to the structure's nearest triangle along the ray, if nearer.
    void nearestHit(std::size_t structure, const Ray& local, SightHit& slot, std::vector<std::pair<float, std::size_t>>& pieces) const;
    const Scene& scene_;
    std::vector<Posed> posed_;
};

}  // namespace psoas
