#pragma once
// Moves the scene: from a pose and a breath state it places every bone and disc (a rigid
// transform per structure), bends the psoas and iliacus meshes along their current paths, lowers
// the diaphragm's dome, and keeps the true lengths for the readouts. Display exaggeration enlarges
// only what is drawn; the numbers always come from the true, unexaggerated geometry.
//
// The numbers (readouts, length curve) are computed with a chosen published hip geometry
// (hip_reference.hpp); the muscles are always drawn along the default's (gait2392) paths, so the
// picture does not change when the reference does.

#include "core/motion/breathing.hpp"
#include "core/motion/hip_reference.hpp"
#include "core/motion/column_skin.hpp"
#include "core/motion/helper_thread.hpp"
#include "core/motion/muscle_deformer.hpp"
#include "core/motion/muscle_path.hpp"
#include "core/motion/pose.hpp"
#include "core/motion/skeleton.hpp"
#include "core/scene.hpp"

#include <glm/mat4x4.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

namespace psoas {

struct MuscleReadout {
    std::string id;                    // "psoas_major_r"
    float lengthMm = 0.0f;             // true musculotendon length (Fmax-weighted for the psoas)
    float neutralLengthMm = 0.0f;      // in neutral standing, breathed out
    float momentArmMm = 0.0f;          // hip flexion moment arm
    std::vector<std::pair<std::string, float>> fascicleLengthsMm;  // part id, mm
};

class SceneMotion {
public:
    // The skeleton comes from the scene's atlas joints and the psoas origins from its landmarks.
    // Throws std::invalid_argument naming a joint or landmark the pose model needs and the atlas lacks.
    explicit SceneMotion(const Scene& scene);

    // Recomputes transforms, deformed meshes and readouts. `exaggeration` scales the breathing
    // motion on screen only (1 = true size). The readouts and lengthChange() use `reference`'s
    // paths; the drawn muscles bend along the default's whatever the reference. `wanted` (one flag
    // per scene structure; empty: all) names the structures whose vertices are placed: the others
    // keep those of the last update() that wanted them, with their vertexRevision(), and are
    // placed when next wanted. A hidden diaphragm costs nothing while a walking step breathes.
    // When two or more muscles bend, every other one is bent on a helper thread (HelperThread),
    // which has finished before update() returns; call update() from one thread at a time.
    void update(const Pose& pose, float breath, BreathDepth depth, float exaggeration,
                HipReference reference = HipReference::Gait2392, const std::vector<bool>& wanted = {});

    [[nodiscard]] const glm::mat4& model(std::size_t structure) const { return models_[structure]; }
    [[nodiscard]] const std::vector<glm::mat4>& models() const { return models_; }
    // Deformed vertices (scene frame, the body upright; the model matrix is then the lying body's
    // turn, identity when upright: bodyOrientationTransform) for muscles that bend, for soft
    // structures carried along the lumbar column and for the diaphragm; null for structures that
    // only move rigidly. Placed by the last update() that wanted the structure.
    [[nodiscard]] const std::vector<glm::vec3>* positions(std::size_t structure) const;
    // Their normals: unit length, except a bent muscle's, which are directions (MuscleDeformer::normals).
    [[nodiscard]] const std::vector<glm::vec3>* normals(std::size_t structure) const;
    // Changes whenever update() changed the structure's positions() (0 for a structure without
    // them); never repeats, across SceneMotions too, so a renderer uploads only meshes whose
    // number differs from the one it uploaded. update() leaves vertices whose inputs did not
    // change as they are: a walking step moves the hips, and the column's parts stay put.
    [[nodiscard]] std::uint64_t vertexRevision(std::size_t structure) const;
    // psoas_major_r, psoas_major_l, iliacus_r, iliacus_l (hipFlexorMuscles' order), computed with
    // reference(); a gait2392 psoas has 11 fascicles, a rajagopal2016 one a single lumped path.
    [[nodiscard]] const std::vector<MuscleReadout>& readouts() const { return readouts_; }
    // The hip geometry the readouts of the last update() were computed with.
    [[nodiscard]] HipReference reference() const { return reference_; }
    // What could not be carried over, one line each: a muscle whose mesh cannot be bound to its line
    // of action (MuscleDeformer refused it) and so moves rigidly with its body. Empty when all bend.
    [[nodiscard]] const std::vector<std::string>& notes() const { return notes_; }
    // The readout of one muscle by its atlas id ("psoas_major_r"), or null when it has no path.
    [[nodiscard]] const MuscleReadout* readout(std::string_view muscleId) const;
    [[nodiscard]] const Skeleton& skeleton() const { return skeleton_; }
    // The true length of a muscle (mm) as both hips go from `fromDegrees` to `toDegrees` in the
    // given pose, computed with `reference`'s paths: the curve a physiotherapist reads the current
    // angle against. Empty for an id without a path.
    [[nodiscard]] std::vector<glm::vec2> lengthAgainstHipFlexion(const Pose& base, std::string_view muscleId, float fromDegrees,
                                                                 float toDegrees, float stepDegrees, HipReference reference) const;
    [[nodiscard]] float domeDescentMm() const { return domeDescentMm_; }  // true value
    // How much the dome's motion is enlarged on screen: the exaggeration, unless that would push
    // the dome through the crura (then less; the notice on screen says so).
    [[nodiscard]] float domeShownFactor() const { return domeShownFactor_; }
    // Length change of a structure's muscle relative to neutral (-0.1 = 10 % shorter), if it has a
    // path, with reference()'s paths (both lengths from the same geometry).
    [[nodiscard]] std::optional<float> lengthChange(std::size_t structure) const;

private:
    struct Bent {
        std::size_t structure;
        std::size_t muscle;  // index into muscles_
        std::unique_ptr<MuscleDeformer> deformer;
        MuscleState state;                 // the drawn muscle's, this update()'s (pose with the shown breath)
        std::vector<glm::vec3> bentAlong;  // the centre line the vertices were bent along
        std::uint64_t revision = 0;
    };
    // A muscle or ligament lying along the lumbar column (quadratus lumborum, psoas minor, the
    // diaphragm, the arcuate ligaments): each part moves with the vertebra beside it.
    // What a carried part is placed from: the column's bodies (every body but the femurs) and the
    // dome's shown descent. Equal inputs give equal vertices, so they stay.
    struct CarriedInputs {
        BodyTransforms bodies;
        float shownDescent = 0.0f;
        bool operator==(const CarriedInputs&) const = default;
    };
    struct Carried {
        std::size_t structure;
        ColumnSkin skin;
        std::vector<glm::vec3> neutral, neutralNormals, positions, normals;
        std::vector<float> descentWeight;  // the dome's only: how much of the descent each vertex takes
        std::optional<CarriedInputs> placedFrom;  // what positions and normals were placed from
        std::uint64_t revision = 0;
    };

    // One published geometry's paths and the lengths they give in neutral standing, breathed out.
    struct ReferencePaths {
        HipReference id;
        std::vector<Muscle> muscles;
        std::vector<float> neutralLengthMm;  // per muscle
    };
    [[nodiscard]] const ReferencePaths& paths(HipReference reference) const;
    // `drawnAsTrue`: the muscles were drawn in the true pose (no exaggeration), so those of the
    // default reference are taken from the drawing's evaluation.
    void measure(HipReference reference, const Pose& truePose, const BodyTransforms& trueBodies, bool drawnAsTrue);
    // The column's parts and the dome, placed again only when their inputs changed.
    void placeCarried(const BodyTransforms& bodies, float breath, BreathDepth depth, float exaggeration, const glm::mat4& turn,
                      const std::vector<bool>& wanted);

    const Scene& scene_;
    Skeleton skeleton_;
    std::vector<std::optional<Body>> bodyOf_;
    std::vector<glm::mat4> models_;
    std::vector<Muscle> muscles_;                 // drawn: the default reference's paths
    std::vector<std::vector<PathState>> states_;  // per drawn muscle, reused every frame
    std::vector<ReferencePaths> references_;      // every reference, in hipReferences() order
    HipReference reference_ = HipReference::Gait2392;
    std::vector<std::vector<PathState>> readoutStates_;  // per readout muscle, reused every frame
    std::vector<glm::vec3> centreLine_;           // scratch, reused
    std::vector<Bent> bent_;
    std::vector<Bent*> bending_;  // scratch: the muscles update() bends
    std::unique_ptr<HelperThread> helper_;  // made by the first update() that bends two
    std::vector<std::string> notes_;
    std::vector<Carried> carried_;
    std::optional<std::size_t> dome_;  // index into carried_: the diaphragm
    std::vector<MuscleReadout> readouts_;
    std::vector<int> muscleOf_;  // structure -> drawn muscle index or -1
    float domeDescentMm_ = 0.0f;
    float domeShownFactor_ = 1.0f;
};

}  // namespace psoas
