#include "core/atlas.hpp"
#include "core/scene.hpp"

#include <gtest/gtest.h>

#include <glm/geometric.hpp>

#include <set>

#include "support/test_paths.hpp"

namespace psoas {
namespace {

std::vector<std::string> problemsIn(std::string_view text) {
    try {
        parseAtlas(text, "atlas.toml");
    } catch (const DataFileError& e) {
        std::vector<std::string> lines;
        for (const auto& d : e.diagnostics()) lines.push_back(d.format());
        return lines;
    }
    return {};
}

constexpr std::string_view kValid = R"([atlas]
name = "Example"
[[structure]]
id = "femur_r"
name = "Right femur"
latin = "Femur"
group = "bone"
side = "right"
mesh = "femur_r.glb"
colour = [0.9, 0.8, 0.7]
body = "femur_r"
  [[structure.landmark]]
  id = "lesser_trochanter"
  name = "Lesser trochanter"
  position = [-0.094, -0.126, -0.090]
)";

TEST(Atlas, reads_every_field_of_a_structure) {
    const Atlas atlas = parseAtlas(kValid, "/data/models/atlas.toml");
    EXPECT_EQ(atlas.name, "Example");
    EXPECT_FALSE(atlas.standIn);
    ASSERT_EQ(atlas.structures.size(), 1u);
    const StructureInfo& femur = atlas.structures[0];
    EXPECT_EQ(femur.id, "femur_r");
    EXPECT_EQ(femur.latin, "Femur");
    EXPECT_EQ(femur.group, StructureGroup::Bone);
    EXPECT_EQ(femur.side, BodySide::Right);
    EXPECT_EQ(femur.mesh, std::filesystem::path("/data/models/femur_r.glb"));
    EXPECT_FLOAT_EQ(femur.colour.y, 0.8f);
    ASSERT_EQ(femur.landmarks.size(), 1u);
    EXPECT_FLOAT_EQ(femur.landmarks[0].position.z, -0.090f);
}

TEST(Atlas, unknown_key_is_reported_at_its_position_with_a_suggestion) {
    const auto problems = problemsIn("[[structure]]\nid = \"a\"\nname = \"A\"\ngroup = \"bone\"\nmesh = \"a.glb\"\ncolor = [1, 1, 1]\n");
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0], "atlas.toml:6:1: unknown key 'color' in a structure (did you mean 'colour'?)");
}

TEST(Atlas, wrong_values_are_each_reported_with_their_position) {
    const auto problems = problemsIn(
        "[[structure]]\nid = \"Bad Id\"\nname = 3\ngroup = \"bones\"\nmesh = \"a.glb\"\ncolour = [2, 0, 0]\n");
    ASSERT_EQ(problems.size(), 4u);
    EXPECT_EQ(problems[0], "atlas.toml:2:6: id 'Bad Id' must be lower_snake_case (a-z, 0-9, _)");
    EXPECT_EQ(problems[1], "atlas.toml:3:8: 'name' must be a string");
    EXPECT_EQ(problems[2],
              "atlas.toml:4:9: 'bones' is not a group (use one of: bone, muscle, disc, ligament); did you mean 'bone'?");
    EXPECT_EQ(problems[3], "atlas.toml:6:10: 'colour' must be three numbers between 0 and 1");
}

TEST(Atlas, missing_required_fields_and_duplicate_ids_are_reported) {
    const auto problems = problemsIn("[[structure]]\nid = \"a\"\n[[structure]]\nid = \"a\"\nname = \"A\"\ngroup = \"disc\"\nmesh = \"a.glb\"\n");
    ASSERT_EQ(problems.size(), 4u);
    EXPECT_EQ(problems[0], "atlas.toml:1:1: a structure needs 'name'");
    EXPECT_EQ(problems[3], "atlas.toml:3:1: duplicate structure id 'a'");
}

TEST(Atlas, syntax_error_gives_its_line_and_column) {
    const auto problems = problemsIn("[[structure]]\nid = \"a\nname = \"A\"\n");
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].rfind("atlas.toml:2:", 0), 0u) << problems[0];
}

TEST(Atlas, an_atlas_without_structures_is_an_error) {
    const auto problems = problemsIn("[atlas]\nname = \"Empty\"\n");
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0], "atlas.toml:1:1: the atlas lists no structures; add [[structure]] tables");
}

TEST(Atlas, missing_file_is_one_error_naming_the_file) {
    try {
        loadAtlas("/nonexistent/atlas.toml");
        FAIL() << "expected DataFileError";
    } catch (const DataFileError& e) {
        EXPECT_STREQ(e.what(), "error: /nonexistent/atlas.toml: cannot be read (No such file or directory)");
    }
}

TEST(Atlas, transform_places_a_mesh_in_the_scene_frame) {
    const Scene scene = loadScene(loadAtlas(test::dataFile("test_atlas.toml")));
    ASSERT_EQ(scene.structures.size(), 3u);
    const Bounds& block = scene.structures[0].mesh.bounds;  // 0.2 m cube moved 0.12 m to the right (−X)
    EXPECT_NEAR(block.centre().x, -0.12f, 1e-6f);
    const Bounds& small = scene.structures[2].mesh.bounds;  // radius-0.1 sphere scaled by 0.6
    EXPECT_NEAR(small.size().y, 0.12f, 1e-5f);
    EXPECT_TRUE(scene.standIn);
    EXPECT_EQ(scene.findStructure("ball_l"), 2);
    EXPECT_EQ(scene.findStructure("nothing"), -1);
}

}  // namespace
}  // namespace psoas

namespace psoas {
namespace {

TEST(Atlas, attachment_areas_are_read_and_their_bones_checked) {
    const Atlas atlas = parseAtlas(R"([[structure]]
id = "bone_a"
name = "A"
group = "bone"
mesh = "a.glb"
[[structure]]
id = "muscle_m"
name = "M"
group = "muscle"
mesh = "m.glb"
  [[structure.attachment]]
  kind = "insertion"
  bone = "bone_a"
  name = "tip"
  centre = [0.0, 0.1, 0.0]
  radius = 0.012
)",
                                   "/data/atlas.toml");
    ASSERT_EQ(atlas.structures[1].attachments.size(), 1u);
    EXPECT_EQ(atlas.structures[1].attachments[0].kind, AttachmentKind::Insertion);
    EXPECT_FLOAT_EQ(atlas.structures[1].attachments[0].radius, 0.012f);
    try {
        parseAtlas("[[structure]]\nid = \"m\"\nname = \"M\"\ngroup = \"muscle\"\nmesh = \"m.glb\"\n"
                   "  [[structure.attachment]]\n  kind = \"origin\"\n  bone = \"femr\"\n  centre = [0, 0, 0]\n"
                   "[[structure]]\nid = \"femur\"\nname = \"F\"\ngroup = \"bone\"\nmesh = \"f.glb\"\n",
                   "atlas.toml");
        FAIL() << "expected an unknown bone";
    } catch (const DataFileError& e) {
        EXPECT_EQ(e.diagnostics().front().format(), "atlas.toml:8:10: attachment on unknown bone 'femr' (did you mean 'femur'?)");
    }
}

// The anatomy the lessons teach (docs/sources.md §1): each attachment sits on the bones the
// textbook names, and its snapped centre lies on that bone's surface.
TEST(BuiltInAtlas, attachment_areas_sit_on_the_textbook_bones) {
    const Scene scene = loadScene(loadAtlas(std::filesystem::path(PSOAS_SOURCE_DIR) / "models" / "atlas.toml"));
    auto bones = [&](std::string_view muscle, AttachmentKind kind) {
        std::set<std::string> names;
        for (const AttachmentArea& a : scene.structures[static_cast<std::size_t>(scene.findStructure(muscle))].info.attachments)
            if (a.kind == kind) names.insert(a.bone);
        return names;
    };
    EXPECT_EQ(bones("psoas_major_r", AttachmentKind::Origin),
              (std::set<std::string>{"l1", "l2", "l3", "l4", "l5", "disc_l1_l2", "disc_l2_l3", "disc_l3_l4", "disc_l4_l5"}));
    EXPECT_EQ(bones("psoas_major_r", AttachmentKind::Insertion), (std::set<std::string>{"femur_r"}));
    EXPECT_EQ(bones("psoas_major_l", AttachmentKind::Insertion), (std::set<std::string>{"femur_l"}));
    EXPECT_EQ(bones("iliacus_r", AttachmentKind::Origin), (std::set<std::string>{"hip_bone_r", "sacrum"}));
    EXPECT_EQ(bones("iliacus_r", AttachmentKind::Insertion), (std::set<std::string>{"femur_r"}));
    EXPECT_EQ(bones("psoas_minor_r", AttachmentKind::Origin), (std::set<std::string>{"t12", "l1"}));
    EXPECT_EQ(bones("psoas_minor_r", AttachmentKind::Insertion), (std::set<std::string>{"hip_bone_r"}));
    std::multiset<std::string> crura;
    for (const AttachmentArea& a : scene.structures[static_cast<std::size_t>(scene.findStructure("diaphragm"))].info.attachments)
        crura.insert(a.bone + (a.centre.x < 0.0f ? " right" : " left"));
    EXPECT_EQ(crura, (std::multiset<std::string>{"l1 left", "l1 right", "l2 left", "l2 right", "l3 right"}));
    // The central tendon: three leaflets painted on the dome itself.
    EXPECT_EQ(scene.structures[static_cast<std::size_t>(scene.findStructure("diaphragm"))].info.regions.size(), 3u);
}

}  // namespace
}  // namespace psoas

#include "core/motion/skeleton.hpp"

namespace psoas {
namespace {

// The pose model reads its joint centres from here (Skeleton); the numbers are the published ones.
TEST(BuiltInAtlas, has_the_joints_the_pose_model_needs_at_the_published_centres) {
    const Atlas atlas = loadAtlas(std::filesystem::path(PSOAS_SOURCE_DIR) / "models" / "atlas.toml");
    EXPECT_EQ(atlas.joints.size(), 8u);  // six lumbar levels and two hips
    const Skeleton skeleton(atlas.joints);
    // docs/sources.md §2 (gait2392 hip centre, converted) and §3 (L5/S1 disc centre).
    EXPECT_LT(glm::distance(skeleton.hipCentre(Side::Right), glm::vec3(-0.0835f, -0.0661f, -0.0707f)), 1e-6f);
    EXPECT_LT(glm::distance(skeleton.hipCentre(Side::Left), glm::vec3(0.0835f, -0.0661f, -0.0707f)), 1e-6f);
    EXPECT_LT(glm::distance(skeleton.lumbarJoints().front().centre, glm::vec3(0.0f, 0.054f, -0.088f)), 1e-6f);
}

}  // namespace
}  // namespace psoas
