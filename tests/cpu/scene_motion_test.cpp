#include "core/atlas.hpp"
#include "core/scene_motion.hpp"
#include "support/test_paths.hpp"

#include <glm/geometric.hpp>
#include <gtest/gtest.h>

namespace psoas {
namespace {

const Scene& builtInScene() {
    static const Scene scene = loadScene(loadAtlas(psoas::test::sourceDirectory() / "models" / "atlas.toml"));
    return scene;
}

// Regression: with the hip at 90° the iliacus's fan used to slide down its line and poke through
// the wing of the hip bone; past 90° its folded brim point swung the fan into the bone. The part on
// the iliac fossa must stay where it is on the pelvis.
TEST(SceneMotion, iliacus_fan_stays_on_the_pelvis_when_the_hip_bends) {
    const Scene& scene = builtInScene();
    SceneMotion motion(scene);
    const auto iliacus = static_cast<std::size_t>(scene.findStructure("iliacus_r"));
    const MeshData& neutral = scene.structures[iliacus].mesh;
    for (const float hip : {90.0f, 120.0f}) {
        Pose flexed;
        flexed.hipRight.flexion = flexed.hipLeft.flexion = hip;
        motion.update(flexed, 0.0f, BreathDepth::Quiet, 1.0f);
        const std::vector<glm::vec3>& bent = *motion.positions(iliacus);
        // Vertices high in the fan (above the ASIS level, y > 0.02 m) are on the fossa.
        float worst = 0.0f;
        for (std::size_t v = 0; v < neutral.positions.size(); ++v)
            if (neutral.positions[v].y > 0.02f) worst = std::max(worst, glm::distance(neutral.positions[v], bent[v]));
        EXPECT_LT(worst, 0.001f) << hip;
    }
    // The tendon end does follow the femur.
    float lowest = 1.0f;
    std::size_t tendon = 0;
    for (std::size_t v = 0; v < neutral.positions.size(); ++v)
        if (neutral.positions[v].y < lowest) lowest = neutral.positions[v].y, tendon = v;
    EXPECT_GT(glm::distance(neutral.positions[tendon], (*motion.positions(iliacus))[tendon]), 0.02f);
}

// The psoas's belly lies along the lumbar vertebrae, its slips fixed to them: bending the hip
// shortens the part below the spine, and the part beside it stays where it is. (Stretched evenly
// along the whole line, it slid 17 mm up the spine in sitting and sank into L5 at 35 degrees.)
TEST(SceneMotion, psoas_belly_stays_beside_its_vertebrae_when_the_hip_bends) {
    const Scene& scene = builtInScene();
    SceneMotion motion(scene);
    const auto psoas = static_cast<std::size_t>(scene.findStructure("psoas_major_r"));
    const MeshData& neutral = scene.structures[psoas].mesh;
    Pose sitting;
    sitting.hipRight.flexion = sitting.hipLeft.flexion = 90.0f;
    motion.update(sitting, 0.0f, BreathDepth::Quiet, 1.0f);
    const std::vector<glm::vec3>& bent = *motion.positions(psoas);
    // Along the line (here nearly vertical) a vertex beside L1-L4 (y > 0.10 m) keeps its height.
    float worst = 0.0f;
    for (std::size_t v = 0; v < neutral.positions.size(); ++v)
        if (neutral.positions[v].y > 0.10f) worst = std::max(worst, std::abs(neutral.positions[v].y - bent[v].y));
    EXPECT_LT(worst, 0.004f);
}

// Without exaggeration the readouts come from the drawn muscles' paths (not worked out twice);
// with it, from their own: the numbers are the same either way, fascicle by fascicle.
TEST(SceneMotion, readouts_are_true_whatever_the_exaggeration) {
    const Scene& scene = builtInScene();
    SceneMotion shown(scene), plain(scene);
    Pose stride;
    stride.hipRight.flexion = 30.0f;
    stride.hipLeft.flexion = -10.0f;
    for (const Pose& pose : {Pose{}, stride}) {
        shown.update(pose, 1.0f, BreathDepth::Quiet, 10.0f);
        plain.update(pose, 1.0f, BreathDepth::Quiet, 1.0f);
        ASSERT_EQ(shown.readouts().size(), plain.readouts().size());
        for (std::size_t i = 0; i < shown.readouts().size(); ++i) {
            const MuscleReadout &a = shown.readouts()[i], &b = plain.readouts()[i];
            EXPECT_FLOAT_EQ(a.lengthMm, b.lengthMm) << a.id;
            EXPECT_FLOAT_EQ(a.momentArmMm, b.momentArmMm) << a.id;
            ASSERT_EQ(a.fascicleLengthsMm.size(), b.fascicleLengthsMm.size()) << a.id;
            for (std::size_t f = 0; f < a.fascicleLengthsMm.size(); ++f)
                EXPECT_FLOAT_EQ(a.fascicleLengthsMm[f].second, b.fascicleLengthsMm[f].second) << a.id << " " << f;
        }
        EXPECT_FLOAT_EQ(shown.domeDescentMm(), 18.0f);  // a quiet breath: 1.8 cm (Boussuges 2009)
    }
    EXPECT_LT(plain.readout("psoas_major_r")->lengthMm, plain.readout("psoas_major_l")->lengthMm);  // the stride was measured
}

// Readouts are looked up by muscle id; nothing depends on which muscle happens to come first.
TEST(SceneMotion, readouts_are_found_by_muscle_id) {
    const Scene& scene = builtInScene();
    SceneMotion motion(scene);
    Pose pose;
    pose.hipLeft.flexion = 60.0f;  // only the left hip: the two sides differ
    motion.update(pose, 0.0f, BreathDepth::Quiet, 1.0f);
    for (const char* id : {"psoas_major_r", "psoas_major_l", "iliacus_r", "iliacus_l"}) {
        const MuscleReadout* readout = motion.readout(id);
        ASSERT_NE(readout, nullptr) << id;
        EXPECT_EQ(readout->id, id);
    }
    EXPECT_LT(motion.readout("psoas_major_l")->lengthMm, motion.readout("psoas_major_r")->lengthMm - 10.0f);
    EXPECT_EQ(motion.readout("diaphragm"), nullptr);
    EXPECT_EQ(motion.readout("psoas_major_r")->fascicleLengthsMm.size(), 11u);
}

}  // namespace
}  // namespace psoas

namespace psoas {
namespace {
// Issue 13, performance: only what moved is bent again and uploaded. A hip alone moving (a walking
// step, a slider) bends its own side's psoas and iliacus; the other side's and the column's parts
// (quadratus lumborum, the diaphragm) keep their vertices and their revision; the lumbar spine or a
// breath moves the column's parts again; and the vertices kept are those a fresh solve gives.
TEST(SceneMotion, only_structures_whose_inputs_moved_change_their_vertices) {
    const Scene& scene = builtInScene();
    SceneMotion motion(scene);
    auto index = [&](const char* id) { return static_cast<std::size_t>(scene.findStructure(id)); };
    const std::size_t psoasRight = index("psoas_major_r"), psoasLeft = index("psoas_major_l"), quadratus = index("quadratus_lumborum_r"),
                      dome = index("diaphragm");
    Pose pose;
    motion.update(pose, 0.0f, BreathDepth::Quiet, 1.0f);
    for (const std::size_t s : {psoasRight, psoasLeft, quadratus, dome}) ASSERT_NE(motion.vertexRevision(s), 0u) << s;
    EXPECT_EQ(motion.vertexRevision(index("femur_r")), 0u) << "a rigid bone has no vertices of its own";
    auto revisions = [&] {
        std::vector<std::uint64_t> r;
        for (const std::size_t s : {psoasRight, psoasLeft, quadratus, dome}) r.push_back(motion.vertexRevision(s));
        return r;
    };
    const auto standing = revisions();

    pose.hipRight.flexion = 30.0f;
    motion.update(pose, 0.0f, BreathDepth::Quiet, 1.0f);
    const auto hipMoved = revisions();
    EXPECT_NE(hipMoved[0], standing[0]) << "the right psoas bends";
    EXPECT_EQ(hipMoved[1], standing[1]) << "the left psoas stays";
    EXPECT_EQ(hipMoved[2], standing[2]) << "quadratus lumborum stays";
    EXPECT_EQ(hipMoved[3], standing[3]) << "the diaphragm stays";

    motion.update(pose, 0.5f, BreathDepth::Quiet, 1.0f);
    EXPECT_NE(motion.vertexRevision(dome), hipMoved[3]) << "a breath lowers the dome";
    pose.lumbarExtension = -20.0f;
    const std::uint64_t quadratusBefore = motion.vertexRevision(quadratus);
    motion.update(pose, 0.5f, BreathDepth::Quiet, 1.0f);
    EXPECT_NE(motion.vertexRevision(quadratus), quadratusBefore) << "the column bends";

    // What stayed equals what a fresh solve of the same pose gives.
    pose.hipRight.flexion = 60.0f;
    motion.update(pose, 0.5f, BreathDepth::Quiet, 1.0f);
    SceneMotion fresh(scene);
    fresh.update(pose, 0.5f, BreathDepth::Quiet, 1.0f);
    for (const std::size_t s : {psoasRight, psoasLeft, quadratus, dome}) EXPECT_EQ(*motion.positions(s), *fresh.positions(s)) << s;
}

// Issue 13, performance: a structure not drawn (the walking step hides the diaphragm and quadratus
// lumborum) is not placed while the body breathes and walks; once wanted again its vertices are
// those a fresh solve gives, under a new revision so the renderer uploads them.
TEST(SceneMotion, structures_not_wanted_keep_their_vertices_until_wanted) {
    const Scene& scene = builtInScene();
    SceneMotion motion(scene);
    auto index = [&](const char* id) { return static_cast<std::size_t>(scene.findStructure(id)); };
    const std::size_t psoasRight = index("psoas_major_r"), quadratus = index("quadratus_lumborum_r"), dome = index("diaphragm");
    std::vector<bool> wanted(scene.structures.size(), true);
    wanted[quadratus] = wanted[dome] = false;
    const std::vector<glm::vec3> domeBefore = *motion.positions(dome);
    const std::uint64_t domeRevision = motion.vertexRevision(dome), quadratusRevision = motion.vertexRevision(quadratus),
                        psoasRevision = motion.vertexRevision(psoasRight);

    Pose pose;
    pose.hipRight.flexion = 40.0f;
    pose.lumbarExtension = -15.0f;
    motion.update(pose, 0.8f, BreathDepth::Deep, 1.0f, HipReference::Gait2392, wanted);
    EXPECT_NE(motion.vertexRevision(psoasRight), psoasRevision) << "a drawn muscle bends";
    EXPECT_EQ(motion.vertexRevision(dome), domeRevision) << "the hidden dome is left as it was";
    EXPECT_EQ(motion.vertexRevision(quadratus), quadratusRevision);
    EXPECT_EQ(*motion.positions(dome), domeBefore);

    wanted[dome] = true;
    motion.update(pose, 0.8f, BreathDepth::Deep, 1.0f, HipReference::Gait2392, wanted);
    EXPECT_NE(motion.vertexRevision(dome), domeRevision) << "shown again: placed, and uploaded";
    EXPECT_EQ(motion.vertexRevision(quadratus), quadratusRevision) << "still hidden";
    SceneMotion fresh(scene);
    fresh.update(pose, 0.8f, BreathDepth::Deep, 1.0f);
    EXPECT_EQ(*motion.positions(dome), *fresh.positions(dome));
    EXPECT_EQ(*motion.positions(psoasRight), *fresh.positions(psoasRight));
    motion.update(pose, 0.8f, BreathDepth::Deep, 1.0f);  // every structure wanted
    EXPECT_EQ(*motion.positions(quadratus), *fresh.positions(quadratus));
}
}  // namespace
}  // namespace psoas
