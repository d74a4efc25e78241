// Issue 13 on real frames: a step's inline pose and its length tags, as a slide draws them, and the
// tags following a joint the teacher moves.

#include "app/application.hpp"
#include "core/length_tags.hpp"
#include "gl/gl_test_context.hpp"
#include "support/image_compare.hpp"
#include "support/test_paths.hpp"

namespace psoas {
namespace {

// The slide of tests/data/lessons_motion's step: right hip at 45 degrees, the four tags.
TEST(MotionRendering, a_length_tagged_step_matches_its_baseline_and_its_tags_follow_a_moved_joint) {
    app::Options options;
    options.glDebug = true;
    options.lessonDirs = {test::dataFile("lessons_motion")};
    options.lesson = "length-tags";
    std::unique_ptr<app::Application> application;
    Image tagged;
    try {
        application = std::make_unique<app::Application>(options);
        tagged = application->renderImage(960, 540, ui::ScreenshotBackground::Dark, false);
    } catch (const app::NoDisplayError& e) {
        return test::noContext(e.what());
    }
    test::expectNoGlErrors();
    EXPECT_FLOAT_EQ(application->session().motion().currentPose().hipRight.flexion, 45.0f);
    EXPECT_TRUE(test::matchesBaseline(tagged, "lesson_length_tags_hip45"));

    const MuscleReadout* psoas = application->session().sceneMotion()->readout(kRightPsoasId);
    ASSERT_NE(psoas, nullptr);
    const std::string at45 = lengthTagText(*psoas);
    MotionChange change;
    change.joint = JointAngle{JointCoordinate::RightHipFlexion, 90.0f};
    application->apply(act::ChangeMotion{change});
    const Image moved = application->renderImage(960, 540, ui::ScreenshotBackground::Dark, false);
    test::expectNoGlErrors();
    const std::string at90 = lengthTagText(*application->session().sceneMotion()->readout(kRightPsoasId));
    EXPECT_NE(at45, at90);
    bool found = false;
    for (const PosedLabel& label : application->session().labels())
        found = found || label.text == "Right psoas major\n" + at90;
    EXPECT_TRUE(found) << "the right psoas's tag shows " << at90;
    EXPECT_NE(moved.rgba, tagged.rgba);
}

}  // namespace
}  // namespace psoas
