// How the body lies (issue 13): a pose's orientation turns the whole picture rigidly about the
// scene origin and changes no length; lying poses ship lying.

#include "core/atlas.hpp"
#include "core/motion/pose_file.hpp"
#include "core/motion/skeleton.hpp"
#include "core/scene_motion.hpp"
#include "support/test_paths.hpp"

#include <glm/geometric.hpp>
#include <gtest/gtest.h>

namespace psoas {
namespace {

const std::filesystem::path kSource = psoas::test::sourceDirectory();

const Scene& sceneForOrientation() {
    static const Scene scene = loadScene(loadAtlas(kSource / "models" / "atlas.toml"));
    return scene;
}

// Where a structure's vertex `v` is drawn now.
glm::vec3 drawnVertex(const SceneMotion& motion, std::size_t structure, std::size_t v) {
    const auto* bent = motion.positions(structure);
    const glm::vec3 p = bent ? (*bent)[v] : sceneForOrientation().structures[structure].mesh.positions[v];
    return glm::vec3(motion.model(structure) * glm::vec4(p, 1.0f));
}

TEST(BodyOrientation, lying_turns_the_picture_rigidly_and_changes_no_length) {
    const Scene& scene = sceneForOrientation();
    SceneMotion upright(scene), turned(scene);
    Pose pose;
    pose.hipRight.flexion = 70.0f;
    pose.lumbarExtension = -13.0f;
    upright.update(pose, 0.5f, BreathDepth::Deep, 5.0f);
    for (const BodyOrientationName& orientation : kBodyOrientationNames) {
        Pose lying = pose;
        lying.bodyPitch = orientation.pitchDegrees;
        lying.bodyRoll = orientation.rollDegrees;
        turned.update(lying, 0.5f, BreathDepth::Deep, 5.0f);
        ASSERT_EQ(turned.readouts().size(), upright.readouts().size());
        for (std::size_t i = 0; i < upright.readouts().size(); ++i) {
            EXPECT_EQ(turned.readouts()[i].lengthMm, upright.readouts()[i].lengthMm) << orientation.name;
            EXPECT_EQ(turned.readouts()[i].momentArmMm, upright.readouts()[i].momentArmMm) << orientation.name;
        }
        const glm::mat4 turn = bodyOrientationTransform(lying);
        for (std::size_t s = 0; s < scene.structures.size(); ++s) {
            float worst = 0.0f;
            for (std::size_t v = 0; v < scene.structures[s].mesh.positions.size(); v += 7)
                worst = std::max(worst, glm::distance(drawnVertex(turned, s, v),
                                                      glm::vec3(turn * glm::vec4(drawnVertex(upright, s, v), 1.0f))));
            EXPECT_LT(worst, 1e-5f) << orientation.name << " " << scene.structures[s].info.id;
        }
    }
}

// A supine body lies on its back: the column from the sacrum to T12 runs level, toward -Z, and the
// front of the body faces up.
TEST(BodyOrientation, a_supine_pose_lies_on_its_back) {
    const Scene& scene = sceneForOrientation();
    SceneMotion motion(scene);
    Pose supine;
    supine.bodyPitch = -90.0f;
    motion.update(supine, 0.0f, BreathDepth::Quiet, 1.0f);
    auto centre = [&](const char* id) {
        const auto s = static_cast<std::size_t>(scene.findStructure(id));
        const Bounds& b = scene.structures[s].mesh.bounds;
        return glm::vec3(motion.model(s) * glm::vec4(b.centre(), 1.0f));
    };
    const glm::vec3 column = centre("t12") - centre("sacrum");
    EXPECT_LT(std::abs(column.y), 0.2f * glm::length(column));
    EXPECT_LT(column.z, -0.1f);
    // The pubic front (anterior, +Z standing) is now above the sacrum.
    EXPECT_GT(centre("hip_bone_r").y, centre("sacrum").y);
}

TEST(BodyOrientation, pose_files_name_it_and_lying_poses_ship_lying) {
    const PoseFile side = parsePoseFile("id = \"s\"\nname = \"S\"\ndescription = \"D\"\norientation = \"side_lying\"\n", "s.toml");
    EXPECT_EQ(side.pose.bodyRoll, -90.0f);
    EXPECT_EQ(side.pose.bodyPitch, 0.0f);
    try {
        (void)parsePoseFile("id = \"s\"\nname = \"S\"\ndescription = \"D\"\norientation = \"supin\"\n", "s.toml");
        ADD_FAILURE() << "a misspelt orientation was accepted";
    } catch (const DataFileError& error) {
        ASSERT_EQ(error.diagnostics().size(), 1u);
        EXPECT_EQ(error.diagnostics()[0].format(),
                  "s.toml:4:15: 'supin' is not a orientation (use one of: standing, supine, prone, side_lying, sitting, "
                  "kneeling); did you mean 'supine'?");
    }
    for (const PoseFile& pose : loadPoseLibrary(kSource / "models" / "poses")) {
        const bool lying = pose.id == "leg_lift" || pose.id == "supine_hook_lying" || pose.id == "supported_bridge";
        EXPECT_EQ(pose.pose.bodyPitch, lying ? -90.0f : 0.0f) << pose.id;
        EXPECT_EQ(pose.pose.bodyRoll, 0.0f) << pose.id;
    }
}

}  // namespace
}  // namespace psoas
