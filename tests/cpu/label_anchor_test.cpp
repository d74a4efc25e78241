// Where label leaders end (issue 15): on a part of the labelled structure the view shows, decided
// by a ray test against what the frame draws; "behind" when none of it shows; left out off the view.

#include "core/label_anchor.hpp"
#include "core/model_import.hpp"
#include "core/scene_sight.hpp"

#include <gtest/gtest.h>

#include "support/test_paths.hpp"

namespace psoas {
namespace {

// A small cube (0.2 m) in front, at z = 0, and a cube of `backScale` times its size behind it at
// z = -0.6; the camera looks from +Z straight at both centres.
Scene frontAndBack(float backScale) {
    Scene scene;
    for (const auto& [z, scale] : {std::pair{0.0f, 1.0f}, std::pair{-0.6f, backScale}}) {
        MeshTransform transform;
        transform.scale = scale;
        transform.translate = {0.0f, 0.0f, z};
        SceneStructure s;
        s.info.id = scene.structures.empty() ? "front" : "back";
        s.info.name = s.info.id;
        s.mesh = mergeMeshes(importModel(test::dataFile("cube.obj")), transform);
        scene.bounds.include(s.mesh.bounds);
        scene.structures.push_back(std::move(s));
    }
    return scene;
}

OrbitCamera fromFront() {
    OrbitCamera camera;
    camera.pose = {{0.0f, 0.0f, 0.0f}, 2.0f, 0.0f, 0.0f};
    return camera;
}

constexpr glm::vec2 kView{800.0f, 600.0f};
constexpr int kFront = 0, kBack = 1;

std::vector<StructureLook> looks(std::size_t count, float frontOpacity = 1.0f) {
    std::vector<StructureLook> all(count);
    all[kFront].opacity = frontOpacity;
    return all;
}

TEST(SceneSight, an_opaque_structure_hides_what_lies_behind_it) {
    const Scene scene = frontAndBack(1.0f);
    const auto drawn = looks(2);
    const SceneSight sight(scene, nullptr, drawn);
    const Sight centre = sight.along(fromFront().rayThrough(kView * 0.5f, kView));
    EXPECT_TRUE(centre.shows(kFront));
    EXPECT_FALSE(centre.shows(kBack));
    EXPECT_NEAR(centre.distanceTo(kFront), 1.9f, 1e-4f);
}

TEST(SceneSight, screen_rows_cover_where_the_drawn_structures_project_and_nothing_else) {
    const Scene scene = frontAndBack(1.0f);
    auto drawn = looks(2);
    drawn[kBack].visible = false;  // hidden: not drawn, so not in the rows
    const SceneSight sight(scene, nullptr, drawn);
    const OrbitCamera camera = fromFront();
    glm::vec2 low{1e9f}, high{-1e9f};
    for (int c = 0; c < 8; ++c) {
        const glm::vec2 at = camera.project(scene.structures[kFront].mesh.bounds.corner(c), kView);
        low = glm::min(low, at);
        high = glm::max(high, at);
    }
    constexpr int kRows = 60;  // 10-pixel bands
    const auto rows = sight.screenRows(camera, kView, kRows);
    ASSERT_EQ(rows.size(), std::size_t(kRows));
    for (int r = 0; r < kRows; ++r) {
        const float top = float(r) * 10.0f, bottom = top + 10.0f;
        if (bottom <= low.y || top > high.y) {
            EXPECT_TRUE(rows[r].empty()) << r;
            continue;
        }
        EXPECT_NEAR(rows[r].left, low.x, 0.5f) << r;
        EXPECT_NEAR(rows[r].right, high.x, 0.5f) << r;
    }
    EXPECT_LT(low.x, 350.0f);  // the cube covers the middle of the view
    EXPECT_GT(high.x, 450.0f);
}

TEST(SceneSight, a_faded_structure_is_drawn_over_what_it_covers_and_hides_nothing) {
    const Scene scene = frontAndBack(1.0f);
    const auto drawn = looks(2, 0.3f);
    const SceneSight sight(scene, nullptr, drawn);
    const Sight centre = sight.along(fromFront().rayThrough(kView * 0.5f, kView));
    EXPECT_TRUE(centre.shows(kFront));
    EXPECT_TRUE(centre.shows(kBack));
    EXPECT_EQ(centre.opaque.structure, kBack);
    EXPECT_EQ(centre.faded.structure, kFront);
}

TEST(SceneSight, a_hidden_structure_is_not_seen) {
    const Scene scene = frontAndBack(1.0f);
    auto drawn = looks(2);
    drawn[kFront].visible = false;
    const SceneSight sight(scene, nullptr, drawn);
    EXPECT_EQ(sight.along(fromFront().rayThrough(kView * 0.5f, kView)).opaque.structure, kBack);
}

// Regression (issue 15): the label's anchor was the projection of a point on its structure, drawn
// whatever lay over it ("Right psoas major" ended on the left ilium from the left). A structure
// partly hidden gets its leader on a part that shows.
TEST(LabelAnchor, a_structure_label_ends_on_a_part_that_shows_not_on_what_covers_its_centre) {
    const Scene scene = frontAndBack(3.0f);  // the back cube's rim shows around the front cube
    const auto drawn = looks(2);
    const SceneSight sight(scene, nullptr, drawn);
    const OrbitCamera camera = fromFront();
    const PosedLabel back{"back", kBack, {0.0f, 0.0f, -0.3f}, false, {}};  // its centre, behind the front cube
    const auto placed = anchorLabels({back}, sight, camera, kView);
    ASSERT_EQ(placed.size(), 1u);
    EXPECT_FALSE(placed[0].behind);
    EXPECT_EQ(placed[0].structure, kBack);
    EXPECT_TRUE(sight.along(camera.rayThrough(placed[0].anchor, kView)).shows(kBack));
    EXPECT_FALSE(sight.along(camera.rayThrough(placed[0].anchor, kView)).shows(kFront));
}

// A finely divided square (`cells` x `cells` quads, `side` metres) facing +Z at depth `z`.
MeshData finePlane(float side, int cells, float z) {
    MeshData mesh;
    for (int j = 0; j <= cells; ++j)
        for (int i = 0; i <= cells; ++i) {
            const glm::vec3 p{side * (static_cast<float>(i) / static_cast<float>(cells) - 0.5f),
                              side * (static_cast<float>(j) / static_cast<float>(cells) - 0.5f), z};
            mesh.positions.push_back(p);
            mesh.normals.emplace_back(0.0f, 0.0f, 1.0f);
            mesh.bounds.include(p);
        }
    const auto at = [cells](int i, int j) { return static_cast<std::uint32_t>(j * (cells + 1) + i); };
    for (int j = 0; j < cells; ++j)
        for (int i = 0; i < cells; ++i)
            mesh.indices.insert(mesh.indices.end(), {at(i, j), at(i + 1, j), at(i + 1, j + 1), at(i, j), at(i + 1, j + 1), at(i, j + 1)});
    return mesh;
}

// Regression (tester, issue 13's walking step at 1920 x 1080): both psoas length tags were dimmed
// and pointed at one hidden point behind the ilium while the left psoas showed plainly above the
// iliac crest. Only the 128 screen cells nearest the hidden point were tried, all behind the bone;
// a structure large on screen whose visible part lies further away than that must still be found.
TEST(LabelAnchor, a_structure_large_on_screen_is_found_where_it_shows_far_from_its_hidden_centre) {
    Scene scene = frontAndBack(1.0f);
    scene.structures[kFront].mesh = mergeMeshes(importModel(test::dataFile("cube.obj")), MeshTransform{2.5f, {}, {}});
    scene.structures[kBack].mesh = finePlane(1.4f, 120, -0.6f);  // its rim shows around the front cube
    const auto drawn = looks(2);
    const SceneSight sight(scene, nullptr, drawn);
    const OrbitCamera camera = fromFront();
    const glm::vec3 centre{0.0f, 0.0f, -0.6f};
    ASSERT_FALSE(sight.along(camera.rayThrough(camera.project(centre, kView), kView)).shows(kBack));
    const auto placed = anchorLabels({{"back", kBack, centre, false, {}}}, sight, camera, kView);
    ASSERT_EQ(placed.size(), 1u);
    EXPECT_FALSE(placed[0].behind);
    EXPECT_TRUE(sight.along(camera.rayThrough(placed[0].anchor, kView)).shows(kBack));
}

TEST(LabelAnchor, a_structure_that_does_not_show_at_all_is_marked_behind_where_it_lies) {
    const Scene scene = frontAndBack(0.5f);  // wholly behind the front cube
    const auto drawn = looks(2);
    const SceneSight sight(scene, nullptr, drawn);
    const OrbitCamera camera = fromFront();
    const auto placed = anchorLabels({{"back", kBack, {0.0f, 0.0f, -0.55f}, false, {}}}, sight, camera, kView);
    ASSERT_EQ(placed.size(), 1u);
    EXPECT_TRUE(placed[0].behind);
    EXPECT_NEAR(glm::distance(placed[0].anchor, camera.project({0.0f, 0.0f, -0.55f}, kView)), 0.0f, 1e-3f);
}

TEST(LabelAnchor, a_landmark_is_seen_only_where_the_surface_shown_is_the_landmark) {
    const Scene scene = frontAndBack(0.5f);
    const auto drawn = looks(2);
    const SceneSight sight(scene, nullptr, drawn);
    const OrbitCamera camera = fromFront();
    const glm::vec3 onFrontFace{0.03f, 0.02f, 0.1f}, onBackFace{0.03f, 0.02f, -0.1f}, inside{0.03f, 0.02f, 0.0f};
    const auto placed = anchorLabels({{"front face", kFront, onFrontFace, true, {}},
                                      {"back face", kFront, onBackFace, true, {}},
                                      {"centre", kFront, inside, true, {}}},
                                     sight, camera, kView);
    ASSERT_EQ(placed.size(), 3u);
    EXPECT_FALSE(placed[0].behind);
    EXPECT_NEAR(glm::distance(placed[0].anchor, camera.project(onFrontFace, kView)), 0.0f, 1e-3f);
    EXPECT_TRUE(placed[1].behind);  // its own cube's front face lies over it
    EXPECT_TRUE(placed[2].behind);  // 10 cm inside: deeper than any landmark given on a surface
}

TEST(LabelAnchor, an_attachment_label_ends_on_the_first_of_its_areas_that_shows) {
    const Scene scene = frontAndBack(3.0f);
    const auto drawn = looks(2);
    const SceneSight sight(scene, nullptr, drawn);
    const OrbitCamera camera = fromFront();
    const glm::vec3 hidden{0.0f, 0.0f, -0.3f}, showing{0.22f, 0.0f, -0.3f};  // the back cube's front face
    const auto placed = anchorLabels({{"origins", kBack, hidden, true, {{kFront, {0.0f, 0.0f, -0.1f}}, {kBack, showing}}}}, sight,
                                     camera, kView);
    ASSERT_EQ(placed.size(), 1u);
    EXPECT_FALSE(placed[0].behind);
    EXPECT_EQ(placed[0].structure, kBack);
    EXPECT_NEAR(glm::distance(placed[0].anchor, camera.project(showing, kView)), 0.0f, 1e-3f);
}

// Regression (issue 15): an off-screen anchor was clamped onto the view's edge, so "insertion"
// ended on L5/S1. A label with nothing on screen is left out.
TEST(LabelAnchor, a_label_with_nothing_on_screen_is_left_out) {
    const Scene scene = frontAndBack(1.0f);
    const auto drawn = looks(2);
    const SceneSight sight(scene, nullptr, drawn);
    OrbitCamera camera = fromFront();
    camera.pose.target = {3.0f, 0.0f, 0.0f};  // both cubes far to the left of the view
    EXPECT_TRUE(anchorLabels({{"front", kFront, {0.0f, 0.0f, 0.1f}, false, {}}, {"tip", kBack, {0.0f, 0.0f, -0.5f}, true, {}}}, sight,
                             camera, kView)
                    .empty());
}

}  // namespace
}  // namespace psoas
