// Issue 13 on real frames: a step's inline pose and its length tags, as a slide draws them, and the
// tags following a joint the teacher moves.

#include "app/application.hpp"
#include "app/image_file.hpp"
#include "core/length_tags.hpp"
#include "core/picking.hpp"
#include "gl/gl_test_context.hpp"
#include "support/image_compare.hpp"
#include "support/run_process.hpp"
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

// A looping motion on real frames, through the script's clock: the walking step's picture changes
// over a cycle (half a cycle on, the legs have swapped) and is the same again a whole cycle later.
TEST(MotionRendering, a_walking_steps_frames_differ_over_a_cycle_and_repeat_after_it) {
    const auto folder = test::temporaryDirectory();
    const auto result = test::runAtlas({"--script", test::dataFile("walking.script").string(), "--out", folder.string(),
                                        "--size", "640x360"});
    if (result.exitCode != 0 && result.err.find("display") != std::string::npos) return test::noContext(result.err);
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("\"gl_errors\": 0"), std::string::npos) << result.out;
    const auto start = app::readPng(folder / "start.png");
    const auto half = app::readPng(folder / "half.png");
    const auto whole = app::readPng(folder / "whole.png");
    ASSERT_TRUE(start && half && whole);
    const test::ImageDifference halfCycle = test::compareImages(*half, *start, 5);
    EXPECT_GT(halfCycle.fractionOver, 0.01) << "the legs must move between the two frames";
    const test::ImageDifference wholeCycle = test::compareImages(*whole, *start, 5);
    EXPECT_LE(wholeCycle.fractionOver, 0.001) << "a cycle later the picture must be the same again";
    EXPECT_LE(wholeCycle.meanDifference, 0.5);
}

// Issue 13, drag to pose on real frames, through the window's input entry points: Alt + drag up on
// the right thigh changes the picture and the right psoas's length tag while the camera stays, and
// Ctrl+Z gives back the pose from before the drag.
TEST(MotionRendering, an_alt_drag_on_the_thigh_changes_the_picture_and_the_length_tag_and_undoes) {
    app::Options options;
    options.glDebug = true;
    options.lessonDirs = {test::dataFile("lessons_motion")};
    options.lesson = "length-tags";
    std::unique_ptr<app::Application> application;
    Image before;
    try {
        application = std::make_unique<app::Application>(options);
        before = application->renderImage(960, 540, ui::ScreenshotBackground::Dark, true);
    } catch (const app::NoDisplayError& e) {
        return test::noContext(e.what());
    }
    const ViewerSession& session = application->session();
    const ViewRect view = application->layout().scene;
    const int femur = session.scene().findStructure("femur_r");
    // A point of the window on the right femur, asked of the picker: its lowest, toward the knee,
    // where lifting the pointer lifts the thigh (at the femur's top, beside the hip, the point
    // that follows the pointer up may need the hip to extend).
    std::optional<glm::vec2> onThigh;
    for (float y = view.size.y - 4.0f; y > 0.0f && !onThigh; y -= 6.0f)
        for (float x = 4.0f; x < view.size.x && !onThigh; x += 6.0f) {
            const auto hit = pick(session.scene(), session.visibility(), session.camera().rayThrough({x, y}, view.size), session.sceneMotion());
            if (hit && hit->structure == femur) onThigh = view.origin + glm::vec2(x, y);
        }
    ASSERT_TRUE(onThigh.has_value());
    const std::string tagBefore = lengthTagText(*session.sceneMotion()->readout(kRightPsoasId));
    const CameraPose camera = session.camera().pose;
    const float flexionBefore = session.motion().currentPose().hipRight.flexion;

    auto frame = [&] { return application->renderImage(960, 540, ui::ScreenshotBackground::Dark, true); };
    application->onCursorMoved(onThigh->x, onThigh->y);
    (void)frame();
    application->onPointerButton(app::PointerButton::Left, true, false, true);  // Alt held
    for (int i = 1; i <= 6; ++i) {
        application->onCursorMoved(onThigh->x, onThigh->y - 10.0f * static_cast<float>(i));
        (void)frame();
    }
    EXPECT_TRUE(session.holdingJoint());
    const Image during = frame();
    test::expectNoGlErrors();
    EXPECT_GT(session.motion().currentPose().hipRight.flexion, flexionBefore + 5.0f);
    EXPECT_EQ(session.camera().pose, camera) << "the camera stays while the thigh is dragged";
    EXPECT_NE(lengthTagText(*session.sceneMotion()->readout(kRightPsoasId)), tagBefore);
    EXPECT_GT(test::compareImages(during, before, 5).fractionOver, 0.002) << "the thigh must move on screen";
    application->onPointerButton(app::PointerButton::Left, false, false);
    EXPECT_FALSE(session.holdingJoint());

    application->onKeyPress(KeyChord{Key::Z, modifier::Control});
    (void)frame();  // renderImage finishes the glide back
    EXPECT_FLOAT_EQ(session.motion().currentPose().hipRight.flexion, flexionBefore) << "Ctrl+Z gives back the pose before the drag";
    EXPECT_EQ(lengthTagText(*session.sceneMotion()->readout(kRightPsoasId)), tagBefore);

    // Esc in the middle of a drag: the thigh goes back, and the status line no longer shows the
    // drag's angles (fresh tester A, session 12).
    application->onCursorMoved(onThigh->x, onThigh->y);
    (void)frame();
    application->onPointerButton(app::PointerButton::Left, true, false, true);
    for (int i = 1; i <= 3; ++i) {
        application->onCursorMoved(onThigh->x, onThigh->y - 10.0f * static_cast<float>(i));
        (void)frame();
    }
    ASSERT_TRUE(session.holdingJoint());
    application->onKeyPress(KeyChord{Key::Escape, 0});
    EXPECT_FALSE(session.holdingJoint());
    EXPECT_EQ(application->status(), "Drag cancelled: the joint is back where it was");
    application->onPointerButton(app::PointerButton::Left, false, false);
    (void)frame();
    EXPECT_FLOAT_EQ(session.motion().currentPose().hipRight.flexion, flexionBefore);
}

}  // namespace
}  // namespace psoas
