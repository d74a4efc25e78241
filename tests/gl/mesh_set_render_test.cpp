// Issue 18: a lesson runs on a teacher's mesh set. The myo_sim bones, fitted onto the built-in ones,
// carry the painted attachment areas of a lesson step and move with the hips in a pose.
// The lesson step with its panel (as the other lesson baselines); the pose as the 3D view alone.

#include "app/application.hpp"
#include "gl/gl_test_context.hpp"
#include "support/image_compare.hpp"
#include "support/test_paths.hpp"

namespace psoas {
namespace {

Image renderMeshSet(app::Options options, int width, int height, bool withUi, bool& rendered) {
    options.meshSet = test::dataFile("mesh_sets/myosim_parts.toml");
    options.glDebug = true;
    rendered = false;
    try {
        app::Application application(options);
        Image image = application.renderImage(width, height, ui::ScreenshotBackground::Dark, withUi);
        test::expectNoGlErrors();  // while the application's context is alive
        rendered = true;
        return image;
    } catch (const app::NoDisplayError& e) {
        test::noContext(e.what());
    }
    return {};
}

// The psoas major's five slips and transverse-process areas painted on the myo_sim L1-L5.
TEST(MeshSetRendering, a_lesson_step_paints_attachments_on_the_sets_vertebrae) {
    app::Options options;
    options.lesson = "attachments";
    options.step = 2;
    bool rendered = false;
    const Image image = renderMeshSet(options, 960, 540, true, rendered);  // with the panel: without, the caption covers half
    if (!rendered) return;
    EXPECT_TRUE(test::matchesBaseline(image, "mesh_set_myosim_attachments_step_2"));
}

// Sitting (hips flexed about 90°) seen from the right: the myo_sim femurs point forward.
TEST(MeshSetRendering, the_sets_femurs_move_with_the_hips_in_a_pose) {
    app::Options options;
    options.pose = "sitting";
    options.view = ViewPreset::Right;
    bool rendered = false;
    const Image image = renderMeshSet(options, 640, 360, false, rendered);
    if (!rendered) return;
    EXPECT_TRUE(test::matchesBaseline(image, "mesh_set_myosim_sitting_right"));
}

}  // namespace
}  // namespace psoas
