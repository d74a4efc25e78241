// What people see: the renderer's output compared with reviewed images in tests/baselines/.
// Fixed size, fixed camera, no MSAA, no clock.

#include "core/atlas.hpp"
#include "core/view_preset.hpp"
#include "gl/gl_test_context.hpp"
#include "render/offscreen_target.hpp"
#include "render/scene_renderer.hpp"
#include "support/image_compare.hpp"
#include "support/test_paths.hpp"

namespace psoas {
namespace {

constexpr int kWidth = 480, kHeight = 360;

class RenderBaseline : public test::GlTest {
protected:
    Image render(const std::vector<render::StructureLook>& looks, ViewPreset preset,
                 glm::vec4 background = {0.10f, 0.11f, 0.13f, 1.0f}) {
        render::SceneRenderer renderer(scene_);
        OrbitCamera camera;
        camera.pose = framePreset(preset, scene_.bounds, camera.fovYDegrees, float(kWidth) / float(kHeight));
        render::OffscreenTarget target(kWidth, kHeight);
        target.bind();
        renderer.render(camera, {kWidth, kHeight}, {0, 0, kWidth, kHeight}, looks, {background});
        return target.read();
    }

    Scene scene_ = loadScene(loadAtlas(test::dataFile("test_atlas.toml")));
};

TEST_F(RenderBaseline, shapes_from_the_oblique_view) {
    if (!window_) return;
    EXPECT_TRUE(test::matchesBaseline(render(std::vector<render::StructureLook>(3), ViewPreset::Oblique), "shapes_oblique"));
}

TEST_F(RenderBaseline, faded_structures_blend_where_they_overlap) {
    if (!window_) return;
    std::vector<render::StructureLook> looks(3);
    looks[0].opacity = 0.35f;  // block and right ball both faded and overlapping from the front
    looks[1].opacity = 0.5f;
    EXPECT_TRUE(test::matchesBaseline(render(looks, ViewPreset::Anterior), "shapes_faded_overlap"));
}

TEST_F(RenderBaseline, hovered_and_selected_structures_are_highlighted_on_white) {
    if (!window_) return;
    std::vector<render::StructureLook> looks(3);
    looks[0].hovered = true;
    looks[1].selected = true;
    looks[2].visible = false;
    EXPECT_TRUE(test::matchesBaseline(render(looks, ViewPreset::Anterior, {1, 1, 1, 1}), "shapes_highlight_white"));
}

TEST_F(RenderBaseline, transparent_background_leaves_alpha_zero_around_the_model) {
    if (!window_) return;
    const Image image = render(std::vector<render::StructureLook>(3), ViewPreset::Anterior, {0, 0, 0, 0});
    EXPECT_EQ(image.pixel(0, 0)[3], 0);
    EXPECT_EQ(image.pixel(kWidth - 1, kHeight - 1)[3], 0);
    int opaque = 0;
    for (int y = 0; y < kHeight; ++y)
        for (int x = 0; x < kWidth; ++x) opaque += image.pixel(x, y)[3] == 255;
    EXPECT_GT(opaque, kWidth * kHeight / 10);  // the shapes themselves are fully opaque
}

TEST_F(RenderBaseline, an_empty_viewport_draws_nothing_and_raises_no_error) {
    if (!window_) return;
    render::SceneRenderer renderer(scene_);
    OrbitCamera camera;
    renderer.render(camera, {0, 0}, {0, 0, 0, 0}, std::vector<render::StructureLook>(3), {});
}

}  // namespace
}  // namespace psoas

namespace psoas {
namespace {

// The anatomical model set from each of the seven view presets, in the neutral pose: the pictures a
// teacher sees first, and the ones that change if a generated mesh changes.
class ModelSetViews : public test::GlTest, public ::testing::WithParamInterface<ViewPreset> {};

TEST_P(ModelSetViews, match_their_baselines) {
    if (!window_) return;
    const Scene scene = loadScene(loadAtlas(psoas::test::sourceDirectory() / "models" / "atlas.toml"));
    render::SceneRenderer renderer(scene);
    OrbitCamera camera;
    camera.pose = framePreset(GetParam(), scene.bounds, camera.fovYDegrees, float(kWidth) / float(kHeight));
    render::OffscreenTarget target(kWidth, kHeight);
    target.bind();
    renderer.render(camera, {kWidth, kHeight}, {0, 0, kWidth, kHeight}, std::vector<render::StructureLook>(scene.structures.size()),
                    {});
    EXPECT_TRUE(test::matchesBaseline(target.read(), "model_set_" + std::string(toString(GetParam()))));
}

INSTANTIATE_TEST_SUITE_P(SevenPresets, ModelSetViews, ::testing::ValuesIn(kAllViewPresets),
                         [](const auto& info) { return std::string(toString(info.param)); });

// Issue 18: the myo_sim mesh set's own bones, fitted onto the built-in ones, stand upright and face
// forward from every preset (the rest of the scene, still built-in, hidden so the picture is theirs).
class MeshSetViews : public test::GlTest, public ::testing::WithParamInterface<ViewPreset> {};

TEST_P(MeshSetViews, myosim_set_matches_its_baselines) {
    if (!window_) return;
    static const Scene scene = loadAtlasScene(psoas::test::sourceDirectory() / "models" / "atlas.toml",
                                              test::dataFile("mesh_sets/myosim_parts.toml"));
    std::vector<render::StructureLook> looks(scene.structures.size());
    Bounds shown;
    for (std::size_t i = 0; i < scene.structures.size(); ++i) {
        looks[i].visible = scene.structures[i].info.mesh.parent_path().filename() == "meshes";
        if (looks[i].visible) shown.include(scene.structures[i].mesh.bounds);
    }
    render::SceneRenderer renderer(scene);
    OrbitCamera camera;
    camera.pose = framePreset(GetParam(), shown, camera.fovYDegrees, float(kWidth) / float(kHeight));
    render::OffscreenTarget target(kWidth, kHeight);
    target.bind();
    renderer.render(camera, {kWidth, kHeight}, {0, 0, kWidth, kHeight}, looks, {});
    EXPECT_TRUE(test::matchesBaseline(target.read(), "mesh_set_myosim_" + std::string(toString(GetParam()))));
}

INSTANTIATE_TEST_SUITE_P(SevenPresets, MeshSetViews, ::testing::ValuesIn(kAllViewPresets),
                         [](const auto& info) { return std::string(toString(info.param)); });

}  // namespace
}  // namespace psoas

namespace psoas {
namespace {

// Regression (issue 15, the iliopsoas tendon): painted areas are given in a mesh's neutral frame,
// but the shader measured them against the uploaded vertices, so on a bent muscle a painted area
// stayed where the neutral mesh was and slid off the muscle. Now it stays on its own vertices.
class PaintedAreas : public test::GlTest {};

TEST_F(PaintedAreas, an_area_on_a_bent_mesh_moves_with_its_vertices) {
    const Scene scene = loadScene(loadAtlas(test::dataFile("test_atlas.toml")));
    const MeshData& mesh = scene.structures[0].mesh;
    const glm::vec3 shift{mesh.bounds.size().x * 2.0f, 0.0f, 0.0f};
    std::vector<glm::vec3> moved = mesh.positions;
    for (glm::vec3& p : moved) p += shift;
    Bounds both = mesh.bounds;
    for (const glm::vec3& p : moved) both.include(p);
    OrbitCamera camera;
    camera.pose = framePreset(ViewPreset::Oblique, both, camera.fovYDegrees, float(kWidth) / float(kHeight));
    // The block's corner nearest the eye once moved, given in the neutral frame as areas are.
    std::size_t nearest = 0;
    for (std::size_t i = 0; i < moved.size(); ++i)
        if (glm::distance(moved[i], camera.eye()) < glm::distance(moved[nearest], camera.eye())) nearest = i;
    const glm::vec3 centre = mesh.positions[nearest];
    const std::vector<glm::vec4> areas{{centre, mesh.bounds.radius() * 0.4f}};
    const std::vector<AreaPaint> paints{attachmentPaint(AttachmentKind::Origin, 0)};  // an origin: solid blue

    render::SceneRenderer renderer(scene);
    renderer.updateVertices(0, moved, mesh.normals);
    std::vector<render::StructureLook> looks(scene.structures.size());
    for (std::size_t i = 1; i < looks.size(); ++i) looks[i].visible = false;
    looks[0].areas = &areas;
    looks[0].areaPaints = &paints;
    render::OffscreenTarget target(kWidth, kHeight);
    target.bind();
    renderer.render(camera, {kWidth, kHeight}, {0, 0, kWidth, kHeight}, looks, {});
    const Image image = target.read();

    glm::vec2 sum{0.0f};
    int blue = 0;
    for (int y = 0; y < kHeight; ++y)
        for (int x = 0; x < kWidth; ++x) {
            const std::uint8_t* p = &image.rgba[static_cast<std::size_t>(y * kWidth + x) * 4];
            if (p[2] > p[0] + 60 && p[2] > p[1] + 30) sum += glm::vec2(x, y), ++blue;
        }
    ASSERT_GT(blue, 20) << "the painted area is not on the bent mesh";
    const glm::vec2 at = sum / static_cast<float>(blue);
    const glm::vec2 movedCentre = camera.project(centre + shift, {kWidth, kHeight});
    const glm::vec2 neutralCentre = camera.project(centre, {kWidth, kHeight});
    EXPECT_LT(glm::distance(at, movedCentre), glm::distance(at, neutralCentre));
}

}  // namespace
}  // namespace psoas
