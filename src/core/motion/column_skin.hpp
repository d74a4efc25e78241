#pragma once
// Carries a soft structure that lies along the lumbar column (quadratus lumborum, psoas minor, the
// diaphragm's crura, the arcuate ligaments) with the vertebrae beside it. Moving the whole mesh
// with one body is right only while the spine keeps its neutral curve: with the low back flattened
// (sitting, lying) the ribs and upper vertebrae turn against the pelvis and would sink into a mesh
// that stayed with the pelvis. Each vertex therefore follows the body at its own height, blended
// smoothly across each lumbar joint, as the discs do.

#include "core/motion/skeleton.hpp"

#include <glm/vec3.hpp>

#include <span>
#include <vector>

namespace psoas {

class ColumnSkin {
public:
    // Binds each vertex (scene frame, neutral pose) to the bodies at its height, between the
    // skeleton's lumbar joints.
    ColumnSkin(std::span<const glm::vec3> neutralPositions, const Skeleton& skeleton);

    // Whether any vertex lies in a lumbar joint's blend band, i.e. the mesh spans more than one body
    // (a mesh that does not can move rigidly, as before).
    [[nodiscard]] bool spansJoints() const { return spansJoints_; }

    // `positions` and `normals` in the neutral frame (a breathing dome may already have moved them)
    // are placed by the current bodies, in place. Allocates nothing.
    void place(const BodyTransforms& bodies, std::span<glm::vec3> positions, std::span<glm::vec3> normals) const;

private:
    struct Binding {
        Body lower;
        Body upper;
        float upperWeight;  // 0: all lower body, 1: all upper
    };
    std::vector<Binding> bindings_;
    bool spansJoints_ = false;
};

}  // namespace psoas
