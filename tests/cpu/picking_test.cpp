#include "core/picking.hpp"
#include "core/scene.hpp"

#include <gtest/gtest.h>

#include "support/test_paths.hpp"

namespace psoas {
namespace {

Scene twoCubes() {
    // The same 0.2 m cube at z = 0 and z = 0.5; a ray from +Z meets the second first.
    Scene scene;
    for (float z : {0.0f, 0.5f}) {
        MeshTransform transform;
        transform.translate = {0.0f, 0.0f, z};
        SceneStructure s;
        s.info.id = "cube_" + std::to_string(scene.structures.size());
        s.mesh = mergeMeshes(importModel(test::dataFile("cube.obj")), transform);
        scene.bounds.include(s.mesh.bounds);
        scene.structures.push_back(std::move(s));
    }
    return scene;
}

const Ray kFromFront{{0.0f, 0.0f, 2.0f}, {0.0f, 0.0f, -1.0f}};

TEST(Picking, triangle_hit_reports_distance_along_the_ray) {
    const auto t = intersectTriangle(kFromFront, {-1, -1, 0}, {1, -1, 0}, {0, 1, 0});
    ASSERT_TRUE(t.has_value());
    EXPECT_NEAR(*t, 2.0f, 1e-6f);
}

TEST(Picking, triangle_behind_the_ray_or_beside_it_is_missed) {
    EXPECT_FALSE(intersectTriangle(kFromFront, {-1, -1, 3}, {1, -1, 3}, {0, 1, 3}).has_value());
    EXPECT_FALSE(intersectTriangle(kFromFront, {1, 1, 0}, {2, 1, 0}, {1, 2, 0}).has_value());
}

TEST(Picking, box_hit_handles_axis_parallel_rays) {
    Bounds box;
    box.include({-0.1f, -0.1f, -0.1f});
    box.include({0.1f, 0.1f, 0.1f});
    const auto t = intersectBounds(kFromFront, box);
    ASSERT_TRUE(t.has_value());
    EXPECT_NEAR(*t, 1.9f, 1e-6f);
    EXPECT_FALSE(intersectBounds({{0.5f, 0.0f, 2.0f}, {0.0f, 0.0f, -1.0f}}, box).has_value());
}

TEST(Picking, nearest_structure_wins) {
    const Scene scene = twoCubes();
    const auto hit = pick(scene, Visibility(2), kFromFront);
    ASSERT_TRUE(hit.has_value());
    EXPECT_EQ(hit->structure, 1);
    EXPECT_NEAR(hit->point.z, 0.6f, 1e-5f);
}

TEST(Picking, hidden_structures_are_not_picked) {
    const Scene scene = twoCubes();
    Visibility visibility(2);
    visibility.setVisible(1, false);
    const auto hit = pick(scene, visibility, kFromFront);
    ASSERT_TRUE(hit.has_value());
    EXPECT_EQ(hit->structure, 0);
    EXPECT_NEAR(hit->point.z, 0.1f, 1e-5f);
}

TEST(Picking, faded_structures_let_the_click_through) {
    const Scene scene = twoCubes();
    Visibility visibility(2);
    visibility.toggleFaded(1);
    const auto hit = pick(scene, visibility, kFromFront);
    ASSERT_TRUE(hit.has_value());
    EXPECT_EQ(hit->structure, 0);
}

TEST(Picking, empty_space_picks_nothing) {
    const Scene scene = twoCubes();
    EXPECT_FALSE(pick(scene, Visibility(2), {{1.0f, 1.0f, 2.0f}, {0.0f, 0.0f, -1.0f}}).has_value());
}

TEST(Picking, ray_through_a_pixel_picks_what_is_drawn_there) {
    const Scene scene = twoCubes();
    OrbitCamera camera;
    camera.pose = {{0.0f, 0.0f, 0.25f}, 1.5f, 0.0f, 0.0f};
    const glm::vec2 viewport{800.0f, 600.0f};
    const glm::vec2 onCube = camera.project({0.05f, 0.05f, 0.6f}, viewport);
    const auto hit = pick(scene, Visibility(2), camera.rayThrough(onCube, viewport));
    ASSERT_TRUE(hit.has_value());
    EXPECT_EQ(hit->structure, 1);
    EXPECT_FALSE(pick(scene, Visibility(2), camera.rayThrough({5.0f, 5.0f}, viewport)).has_value());
}

}  // namespace
}  // namespace psoas
