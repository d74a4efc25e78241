#include "core/camera_animation.hpp"
#include "core/orbit_camera.hpp"
#include "core/view_preset.hpp"

#include <glm/geometric.hpp>
#include <gtest/gtest.h>

namespace psoas {
namespace {

constexpr glm::vec2 kViewport{1280.0f, 720.0f};

OrbitCamera cameraAt(glm::vec3 target, float distance, float yaw, float pitch) {
    OrbitCamera camera;
    camera.pose = {target, distance, yaw, pitch};
    return camera;
}

void expectNear(glm::vec2 a, glm::vec2 b, float tolerance) {
    EXPECT_NEAR(a.x, b.x, tolerance);
    EXPECT_NEAR(a.y, b.y, tolerance);
}

TEST(OrbitCamera, orbit_keeps_distance_to_target) {
    OrbitCamera camera = cameraAt({0.1f, 0.2f, -0.3f}, 0.8f, 10.0f, 5.0f);
    camera.orbit({250.0f, -120.0f});
    EXPECT_NEAR(glm::distance(camera.eye(), camera.pose.target), 0.8f, 1e-5f);
    EXPECT_NE(camera.pose.yawDegrees, 10.0f);
}

TEST(OrbitCamera, orbit_stops_short_of_the_poles) {
    OrbitCamera camera = cameraAt({}, 1.0f, 0.0f, 80.0f);
    camera.orbit({0.0f, 10000.0f});
    EXPECT_LE(camera.pose.pitchDegrees, OrbitCamera::kMaxPitchDegrees);
    EXPECT_TRUE(std::isfinite(camera.view()[0][0]));
}

TEST(OrbitCamera, dragging_right_turns_the_front_of_the_model_to_the_right) {
    OrbitCamera camera = cameraAt({}, 1.0f, 0.0f, 0.0f);
    const glm::vec3 front{0.0f, 0.0f, 0.1f};
    camera.orbit({50.0f, 0.0f});
    EXPECT_GT(camera.project(front, kViewport).x, kViewport.x * 0.5f);
}

TEST(OrbitCamera, zoom_toward_cursor_keeps_point_under_cursor) {
    OrbitCamera camera = cameraAt({0.0f, 0.0f, 0.0f}, 1.0f, 30.0f, 15.0f);
    const glm::vec2 cursor{900.0f, 200.0f};
    const glm::vec3 anchor = camera.pointOnTargetPlane(cursor, kViewport);
    camera.zoomToward(anchor, 0.5f);
    expectNear(camera.project(anchor, kViewport), cursor, 0.05f);
    EXPECT_NEAR(camera.pose.distance, 0.5f, 1e-5f);
    camera.zoomToward(anchor, 3.0f);
    expectNear(camera.project(anchor, kViewport), cursor, 0.05f);
}

TEST(OrbitCamera, zoom_is_clamped_and_still_keeps_point_under_cursor) {
    OrbitCamera camera = cameraAt({}, 0.05f, 0.0f, 0.0f);
    const glm::vec2 cursor{300.0f, 500.0f};
    const glm::vec3 anchor = camera.pointOnTargetPlane(cursor, kViewport);
    camera.zoomToward(anchor, 1e-4f);
    EXPECT_NEAR(camera.pose.distance, OrbitCamera::kMinDistance, 1e-6f);
    expectNear(camera.project(anchor, kViewport), cursor, 0.05f);
}

TEST(OrbitCamera, pan_moves_the_target_plane_with_the_cursor) {
    OrbitCamera camera = cameraAt({0.0f, 0.1f, 0.0f}, 0.7f, -40.0f, 25.0f);
    const glm::vec2 start{500.0f, 300.0f}, drag{120.0f, -45.0f};
    const glm::vec3 grabbed = camera.pointOnTargetPlane(start, kViewport);
    camera.pan(drag, kViewport);
    expectNear(camera.project(grabbed, kViewport), start + drag, 0.05f);
    EXPECT_NEAR(camera.pose.distance, 0.7f, 1e-6f);
}

TEST(OrbitCamera, ray_through_the_centre_is_the_view_direction) {
    OrbitCamera camera = cameraAt({0.2f, 0.0f, 0.0f}, 2.0f, 70.0f, -20.0f);
    const Ray ray = camera.rayThrough(kViewport * 0.5f, kViewport);
    EXPECT_NEAR(glm::dot(ray.direction, camera.forward()), 1.0f, 1e-6f);
    EXPECT_NEAR(glm::distance(ray.origin, camera.eye()), 0.0f, 1e-6f);
}

TEST(ViewPreset, every_preset_has_a_name_that_parses_back) {
    for (ViewPreset preset : kAllViewPresets) EXPECT_EQ(parseViewPreset(toString(preset)), preset);
    EXPECT_FALSE(parseViewPreset("frontal").has_value());
}

TEST(ViewPreset, anterior_looks_from_the_front_and_left_from_the_subjects_left) {
    Bounds bounds;
    bounds.include(glm::vec3(-0.2f));
    bounds.include(glm::vec3(0.2f));
    OrbitCamera camera;
    camera.pose = framePreset(ViewPreset::Anterior, bounds, camera.fovYDegrees, 16.0f / 9.0f);
    EXPECT_GT(camera.eye().z, 0.5f);  // +Z is anterior
    // Facing the subject, their left (+X) appears on the viewer's right.
    EXPECT_GT(camera.project({0.1f, 0.0f, 0.0f}, kViewport).x, kViewport.x * 0.5f);
    camera.pose = framePreset(ViewPreset::Left, bounds, camera.fovYDegrees, 16.0f / 9.0f);
    EXPECT_GT(camera.eye().x, 0.5f);
    camera.pose = framePreset(ViewPreset::Posterior, bounds, camera.fovYDegrees, 16.0f / 9.0f);
    EXPECT_LT(camera.eye().z, -0.5f);
}

TEST(ViewPreset, superior_and_inferior_views_keep_anterior_at_the_top) {
    Bounds bounds;
    bounds.include(glm::vec3(-0.2f));
    bounds.include(glm::vec3(0.2f));
    for (ViewPreset preset : {ViewPreset::Superior, ViewPreset::Inferior}) {
        OrbitCamera camera;
        camera.pose = framePreset(preset, bounds, camera.fovYDegrees, 16.0f / 9.0f);
        EXPECT_LT(camera.project({0.0f, 0.0f, 0.1f}, kViewport).y, kViewport.y * 0.5f) << toString(preset);
    }
}

TEST(ViewPreset, framing_keeps_every_corner_of_the_bounds_on_screen) {
    Bounds bounds;
    bounds.include(glm::vec3(-0.15f, -0.5f, -0.12f));
    bounds.include(glm::vec3(0.15f, 0.35f, 0.08f));
    for (ViewPreset preset : kAllViewPresets) {
        OrbitCamera camera;
        camera.pose = framePreset(preset, bounds, camera.fovYDegrees, kViewport.x / kViewport.y);
        for (int corner = 0; corner < 8; ++corner) {
            const glm::vec3 p{corner & 1 ? bounds.max.x : bounds.min.x, corner & 2 ? bounds.max.y : bounds.min.y,
                              corner & 4 ? bounds.max.z : bounds.min.z};
            const glm::vec2 s = camera.project(p, kViewport);
            EXPECT_GE(s.x, 0.0f) << toString(preset);
            EXPECT_LE(s.x, kViewport.x) << toString(preset);
            EXPECT_GE(s.y, 0.0f) << toString(preset);
            EXPECT_LE(s.y, kViewport.y) << toString(preset);
        }
    }
}

TEST(CameraAnimation, starts_at_the_origin_pose_and_ends_exactly_at_the_destination) {
    CameraAnimation animation;
    const CameraPose from{{0, 0, 0}, 1.0f, 0.0f, 0.0f}, to{{0.1f, 0.2f, 0.3f}, 2.0f, 90.0f, 30.0f};
    animation.start(from, to, 10.0);
    EXPECT_TRUE(animation.active());
    EXPECT_NEAR(animation.sample(10.0).distance, 1.0f, 1e-6f);
    const CameraPose middle = animation.sample(10.0 + CameraAnimation::kDefaultSeconds / 2);
    EXPECT_GT(middle.yawDegrees, 0.0f);
    EXPECT_LT(middle.yawDegrees, 90.0f);
    const CameraPose end = animation.sample(11.0);
    EXPECT_FALSE(animation.active());
    EXPECT_EQ(end.yawDegrees, 90.0f);
    EXPECT_EQ(end.target, to.target);
}

TEST(CameraAnimation, turns_the_short_way_round) {
    const CameraPose a{{}, 1.0f, 170.0f, 0.0f}, b{{}, 1.0f, -170.0f, 0.0f};
    EXPECT_NEAR(interpolate(a, b, 0.5f).yawDegrees, 180.0f, 1e-4f);
}

// The edge filter runs only over screenRectOf the posed model: the rectangle must hold every
// projected point, and a box reaching behind the eye must say "anywhere".
TEST(ScreenRect, holds_every_projected_corner_and_gives_up_behind_the_eye) {
    OrbitCamera camera;
    camera.pose.target = {0.0f, 0.0f, 0.0f};
    camera.pose.distance = 2.0f;
    Bounds box;
    box.include({-0.1f, -0.2f, -0.05f});
    box.include({0.15f, 0.3f, 0.05f});
    const glm::mat4 viewProjection = camera.projection(16.0f / 9.0f, box) * camera.view();
    const auto rect = screenRectOf(box, viewProjection);
    ASSERT_TRUE(rect.has_value());
    EXPECT_LT(rect->x, rect->z);
    EXPECT_LT(rect->y, rect->w);
    for (const glm::vec3& p : {box.min, box.max, box.centre(), glm::vec3(box.min.x, box.max.y, box.min.z)}) {
        const glm::vec4 clip = viewProjection * glm::vec4(p, 1.0f);
        const glm::vec2 ndc = glm::vec2(clip) / clip.w;
        EXPECT_GE(ndc.x, rect->x - 1e-5f);
        EXPECT_LE(ndc.x, rect->z + 1e-5f);
        EXPECT_GE(ndc.y, rect->y - 1e-5f);
        EXPECT_LE(ndc.y, rect->w + 1e-5f);
    }
    Bounds aroundTheEye = box;
    aroundTheEye.include(camera.eye() + camera.forward() * -0.5f);  // reaches behind the camera
    EXPECT_FALSE(screenRectOf(aroundTheEye, viewProjection).has_value());
    const auto nothing = screenRectOf(Bounds{}, viewProjection);
    ASSERT_TRUE(nothing.has_value());
    EXPECT_GT(nothing->x, nothing->z);
}

}  // namespace
}  // namespace psoas
