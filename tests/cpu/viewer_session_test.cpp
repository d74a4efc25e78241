// The viewer's session on the CPU: what a step shows, how the body and the camera move and what
// the user's actions change, with no window and no GL. Each test here is a defect of issue 12.

#include "app/commands.hpp"
#include "core/atlas.hpp"
#include "core/length_colour.hpp"
#include "core/length_tags.hpp"
#include "core/lesson.hpp"
#include "core/lesson_draft.hpp"
#include "core/motion/measure.hpp"
#include "core/motion/pose_file.hpp"
#include "core/picking.hpp"
#include "core/quiz.hpp"
#include "core/scene_motion.hpp"
#include "core/scene_sight.hpp"
#include "core/step_capture.hpp"
#include "core/viewer_layout.hpp"
#include "core/viewer_session.hpp"
#include "ui/session_view.hpp"
#include "support/test_paths.hpp"

#include <glm/geometric.hpp>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <sstream>

namespace psoas {
namespace {

const std::filesystem::path kSource = psoas::test::sourceDirectory();
const glm::vec2 kView{1280.0f, 720.0f};

const Atlas& builtInAtlas() {
    static const Atlas atlas = loadAtlas(kSource / "models" / "atlas.toml");
    return atlas;
}

const Scene& builtInScene() {
    static const Scene scene = loadScene(builtInAtlas());
    return scene;
}

const std::vector<PoseFile>& builtInPoses() {
    static const std::vector<PoseFile> poses = loadPoseLibrary(kSource / "models" / "poses");
    return poses;
}

Lesson builtInLesson(const std::string& file) { return loadLesson(kSource / "lessons" / file, app::builtInVocabulary()); }

std::unique_ptr<ViewerSession> builtInSession() {
    SessionSetup setup;
    setup.poses = builtInPoses();
    setup.withMotion = true;
    setup.viewAspect = kView.x / kView.y;
    return std::make_unique<ViewerSession>(builtInScene(), std::move(setup));
}

// Four seconds of 60 Hz frames: every glide, fade and pose move of a step has ended.
void settle(ViewerSession& session) {
    for (int frame = 0; frame < 240; ++frame) session.advance(1.0 / 60.0);
}

int structure(const std::string& id) { return builtInScene().findStructure(id); }

// A point of the 3D view where a click lands on `id`, found by asking the picker row by row.
std::optional<glm::vec2> pointOn(const ViewerSession& session, const std::string& id) {
    for (float y = 4.0f; y < kView.y; y += 8.0f)
        for (float x = 4.0f; x < kView.x; x += 8.0f) {
            const auto hit = pick(session.scene(), session.visibility(), session.camera().rayThrough({x, y}, kView), session.sceneMotion());
            if (hit && hit->structure == structure(id)) return glm::vec2(x, y);
        }
    return std::nullopt;
}

void expectSameCamera(const CameraPose& a, const CameraPose& b) {
    EXPECT_NEAR(a.distance, b.distance, 1e-5f);
    EXPECT_NEAR(a.yawDegrees, b.yawDegrees, 1e-3f);
    EXPECT_NEAR(a.pitchDegrees, b.pitchDegrees, 1e-3f);
    EXPECT_NEAR(glm::distance(a.target, b.target), 0.0f, 1e-5f);
}

// Defect 1: every frame marked the motion dirty, so a still step solved the skeleton and uploaded
// every bending mesh each frame and the window never waited for events (17.7 CPU-s in 10 s).
TEST(ViewerSession, a_still_step_reports_nothing_moving_and_solves_nothing) {
    auto session = builtInSession();
    session->apply(act::OpenLesson{builtInLesson("03-actions.toml"), 0});  // standing, no breathing
    settle(*session);
    EXPECT_FALSE(session->moving());
    const std::uint64_t solves = session->motionRevision();
    for (int frame = 0; frame < 120; ++frame) {
        // The Motion tab reporting values equal to what is there is no change.
        MotionChange same;
        same.breathing = false;
        same.pose = session->motion().settings().pose;
        session->apply(act::ChangeMotion{same});
        session->advance(1.0 / 60.0);
        ASSERT_FALSE(session->moving()) << "frame " << frame;
    }
    EXPECT_EQ(session->motionRevision(), solves);

    MotionChange breathe;
    breathe.breathing = true;
    session->apply(act::ChangeMotion{breathe});
    EXPECT_TRUE(session->moving());
    session->advance(1.0 / 60.0);
    session->advance(1.0 / 60.0);
    EXPECT_GT(session->motionRevision(), solves);
}

// Issue 13, performance: a hidden structure's vertices are not placed while the body breathes; the
// moment it is shown again (before any frame runs) they are where the body is now, so a pick or a
// label on it finds it there.
TEST(ViewerSession, a_structure_shown_again_is_placed_where_the_body_is_at_once) {
    auto session = builtInSession();
    const int dome = builtInScene().findStructure("diaphragm");
    ASSERT_GE(dome, 0);
    const auto domeIndex = static_cast<std::size_t>(dome);
    session->apply(act::SetVisible{dome, false});
    settle(*session);
    MotionChange breathe;
    breathe.breathing = true;
    session->apply(act::ChangeMotion{breathe});
    const std::uint64_t hiddenRevision = session->sceneMotion()->vertexRevision(domeIndex);
    for (int frame = 0; frame < 90; ++frame) session->advance(1.0 / 60.0);  // 1.5 s of breathing in
    EXPECT_EQ(session->sceneMotion()->vertexRevision(domeIndex), hiddenRevision) << "hidden: not placed each frame";

    session->apply(act::SetVisible{dome, true});
    EXPECT_NE(session->sceneMotion()->vertexRevision(domeIndex), hiddenRevision);
    const MotionInputs now = session->motion().inputs();
    SceneMotion fresh(builtInScene());
    fresh.update(now.pose, now.breath, now.depth, now.exaggeration, now.reference);
    EXPECT_EQ(*session->sceneMotion()->positions(domeIndex), *fresh.positions(domeIndex));
}

TEST(ViewerSession, a_paused_breathing_step_is_still) {
    auto session = builtInSession();
    MotionChange breathe;
    breathe.breathing = true;
    session->apply(act::ChangeMotion{breathe});
    settle(*session);
    EXPECT_TRUE(session->moving());
    session->apply(act::TogglePause{});
    session->advance(1.0 / 60.0);
    EXPECT_FALSE(session->moving());
}

// Defect 2: the colour-by-length tint of 'actions' step 2 stayed on in step 3, in other lessons and
// in quiz question 1, because the looks were kept between frames. A step looks the same however
// the class got to it.
TEST(ViewerSession, a_step_looks_the_same_whatever_step_came_before) {
    const Lesson actions = builtInLesson("03-actions.toml");
    auto stepped = builtInSession();
    stepped->apply(act::OpenLesson{actions, 1});  // leg lift, colours on
    settle(*stepped);
    bool tinted = false;
    for (const StructureLook& look : stepped->structureLooks()) tinted = tinted || look.tintAmount > 0.0f;
    ASSERT_TRUE(tinted) << "step 2 colours the lengths: the test needs a tint to start from";
    stepped->apply(act::NextStep{});
    settle(*stepped);

    auto direct = builtInSession();
    direct->apply(act::OpenLesson{actions, 2});
    settle(*direct);

    const auto a = stepped->structureLooks(), b = direct->structureLooks();
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        const std::string& id = builtInScene().structures[i].info.id;
        EXPECT_EQ(a[i].tintAmount, 0.0f) << id;
        EXPECT_EQ(a[i].visible, b[i].visible) << id;
        EXPECT_EQ(a[i].opacity, b[i].opacity) << id;
        EXPECT_EQ(a[i].highlighted, b[i].highlighted) << id;
        EXPECT_EQ(a[i].tintAmount, b[i].tintAmount) << id;
        EXPECT_EQ(a[i].areas != nullptr, b[i].areas != nullptr) << id;
        for (int c = 0; c < 4; ++c) EXPECT_NEAR(glm::distance(a[i].model[c], b[i].model[c]), 0.0f, 1e-5f) << id;
    }
    EXPECT_TRUE(stepped->motion().settings() == direct->motion().settings());
    EXPECT_TRUE(stepped->staged().labels == direct->staged().labels);
    expectSameCamera(stepped->camera().pose, direct->camera().pose);
}

TEST(ViewerSession, quiz_question_one_is_not_tinted_after_a_coloured_step) {
    auto session = builtInSession();
    session->apply(act::OpenLesson{builtInLesson("03-actions.toml"), 1});
    settle(*session);
    session->apply(act::OpenLesson{builtInLesson("07-quiz-psoas-region.toml"), 1});
    settle(*session);
    for (const StructureLook& look : session->structureLooks()) EXPECT_EQ(look.tintAmount, 0.0f);
    EXPECT_TRUE(session->labels().empty()) << "labels would give the answer away";
}

// Defect 3: a label on a landmark pointed at where it is in the standing pose, whatever the pose.
TEST(ViewerSession, labels_follow_the_pose) {
    Lesson lesson;
    lesson.id = "sitting-labels";
    LessonStep step;
    step.pose = "sitting";
    step.labels = {{"femur_r:lesser_trochanter", ""}, {"psoas_major_r", "Lendenmuskel"}};
    lesson.steps = {step};
    auto session = builtInSession();
    session->apply(act::OpenLesson{lesson, 0});
    settle(*session);
    const auto labels = session->labels();
    ASSERT_EQ(labels.size(), 2u);
    EXPECT_EQ(labels[0].text, "Lesser trochanter (right)") << "the atlas's name and the side, when the lesson gives none";
    EXPECT_EQ(labels[1].text, "Lendenmuskel") << "the teacher's own words";

    const auto femur = static_cast<std::size_t>(structure("femur_r"));
    glm::vec3 standing{0.0f};
    for (const Landmark& landmark : builtInScene().structures[femur].info.landmarks)
        if (landmark.id == "lesser_trochanter") standing = landmark.position;
    const glm::vec3 sitting = glm::vec3(session->sceneMotion()->model(femur) * glm::vec4(standing, 1.0f));
    EXPECT_GT(glm::distance(standing, sitting), 0.03f) << "sitting must move the lesser trochanter";
    EXPECT_LT(glm::distance(labels[0].point, sitting), 1e-5f);

    // The psoas bends: its label sits on the bent surface, at the vertex the step chose.
    const auto psoas = static_cast<std::size_t>(structure("psoas_major_r"));
    const StepLabel& chosen = session->staged().labels[1];
    ASSERT_GE(chosen.vertex, 0);
    const glm::vec3 bent = (*session->sceneMotion()->positions(psoas))[static_cast<std::size_t>(chosen.vertex)];
    EXPECT_LT(glm::distance(labels[1].point, bent), 1e-5f);
}

// Defect 4: a right answer re-ran the whole step: the camera glided back and the student's hidden
// structures and Motion-tab settings were reset. It reveals the labels, and nothing else.
TEST(ViewerSession, a_right_quiz_answer_keeps_camera_visibility_and_motion) {
    auto session = builtInSession();
    session->apply(act::OpenLesson{builtInLesson("07-quiz-psoas-region.toml"), 1});  // question 1: the right psoas major
    settle(*session);
    session->apply(act::SetVisible{structure("femur_l"), false});
    session->apply(act::Orbit{{24.0f, -10.0f}});
    MotionChange breathe;
    breathe.breathing = true;
    session->apply(act::ChangeMotion{breathe});
    settle(*session);
    const CameraPose camera = session->camera().pose;
    const MotionSettings motion = session->motion().settings();
    ASSERT_TRUE(session->labels().empty());

    const auto onPsoas = pointOn(*session, "psoas_major_r");
    ASSERT_TRUE(onPsoas);
    session->apply(act::Click{*onPsoas, kView});
    ASSERT_TRUE(session->quizRight()) << session->quizFeedback();
    EXPECT_FALSE(session->cameraAnimation().active());
    settle(*session);
    expectSameCamera(session->camera().pose, camera);
    EXPECT_FALSE(session->visibility().visible(static_cast<std::size_t>(structure("femur_l"))));
    EXPECT_TRUE(session->motion().settings() == motion);
    ASSERT_EQ(session->labels().size(), 1u);
    EXPECT_EQ(session->labels()[0].text, builtInScene().structures[static_cast<std::size_t>(structure("psoas_major_r"))].info.name);
}

// Defect 6: the labels of structures hidden by isolation stayed on screen.
TEST(ViewerSession, isolation_hides_the_labels_of_hidden_structures) {
    auto session = builtInSession();
    session->apply(act::OpenLesson{builtInLesson("03-actions.toml"), 3});  // labels the right psoas and iliacus
    settle(*session);
    ASSERT_EQ(session->labels().size(), 2u);
    session->apply(act::Select{structure("iliacus_r")});
    session->apply(act::ToggleIsolation{});
    const auto labels = session->labels();
    ASSERT_EQ(labels.size(), 1u);
    EXPECT_EQ(labels[0].structure, structure("iliacus_r"));
    session->apply(act::ToggleIsolation{});
    EXPECT_EQ(session->labels().size(), 2u);
}

// Defect 6: Restart went back to the first step but kept the old quiz score.
// Issue 14: presenter mode's caption starts beside the model; C puts it below, then hides it, then
// brings it back beside; the choice holds from step to step. Beside, the model keeps the screen's
// full height (at 250 % on 1280x720 the bar below left it 360 px); hidden, it has the whole slide.
TEST(ViewerSession, the_caption_goes_beside_the_model_then_below_then_away_and_stays_so_through_the_steps) {
    auto session = builtInSession();
    session->apply(act::OpenLesson{builtInLesson("01-meet-the-psoas.toml"), 0});
    const glm::vec2 display{1280.0f, 720.0f};
    auto scene = [&] { return layoutFor(display, 2.5f, LayoutMode::Slide, session->captionPlace(), 360.0f).scene; };
    EXPECT_EQ(session->captionPlace(), CaptionPlace::Beside);
    EXPECT_EQ(scene().size.y, 720.0f);
    EXPECT_EQ(scene().size.x, 1280.0f - std::round(1280.0f * kCaptionColumnShare));
    session->apply(act::ToggleCaption{});
    session->apply(act::NextStep{});
    EXPECT_EQ(session->captionPlace(), CaptionPlace::Below);
    EXPECT_TRUE(session->captionShown());
    EXPECT_EQ(scene().size, glm::vec2(1280.0f, 360.0f));
    session->apply(act::ToggleCaption{});
    session->apply(act::NextStep{});
    EXPECT_FALSE(session->captionShown());
    EXPECT_EQ(scene().size, glm::vec2(1280.0f, 720.0f));
    session->apply(act::ToggleCaption{});
    EXPECT_EQ(session->captionPlace(), CaptionPlace::Beside);
}

// Issue 14: a step's camera table was written for the 950 x 720 view beside the panel; in presenter
// mode's narrower view beside the caption it moves back so the width its author framed still shows,
// and in a wider view it stays as written.
TEST(ViewerSession, a_camera_table_moves_back_in_a_narrower_view_so_its_width_still_shows) {
    auto session = builtInSession();
    session->apply(act::SetViewAspect{kAuthoredViewAspect, true});
    session->apply(act::OpenLesson{builtInLesson("02-attachments.toml"), 0});  // camera = { ..., distance = 0.9, ... }
    session->apply(act::FinishTransitions{});
    const float written = session->camera().pose.distance;
    EXPECT_FLOAT_EQ(written, 0.9f);
    session->apply(act::SetViewAspect{1.1f, true});
    session->apply(act::FinishTransitions{});
    EXPECT_NEAR(session->camera().pose.distance, written * kAuthoredViewAspect / 1.1f, 1e-4f * written);
    session->apply(act::SetViewAspect{3.0f, true});
    session->apply(act::FinishTransitions{});
    EXPECT_NEAR(session->camera().pose.distance, written, 1e-4f * written);
}

// A view captured into a step in a narrow window is written as the camera table that shows it
// again there (fitAuthoredCamera's inverse): the editor's reopened step equals the captured view.
TEST(ViewerSession, a_view_captured_in_a_narrow_window_comes_back_the_same_there) {
    auto session = builtInSession();
    session->apply(act::SetViewAspect{1.0f, true});
    session->camera().pose = CameraPose{{0.01f, 0.05f, -0.06f}, 0.8f, -40.0f, 12.0f};
    const LessonStep captured = captureView(*session);
    ASSERT_TRUE(captured.camera.has_value());
    EXPECT_NEAR(captured.camera->distance, 0.8f / kAuthoredViewAspect, 1e-4f) << "written for the 950 x 720 view";
    Lesson lesson = builtInLesson("01-meet-the-psoas.toml");
    lesson.steps = {captured};
    auto again = builtInSession();
    again->apply(act::SetViewAspect{1.0f, true});
    again->apply(act::OpenLesson{lesson, 0});
    again->apply(act::FinishTransitions{});
    EXPECT_NEAR(again->camera().pose.distance, 0.8f, 1e-4f);
    EXPECT_NEAR(again->camera().pose.yawDegrees, -40.0f, 1e-3f);
}

// Issue 14: in presenter mode the structures a step is about (its highlighted ones, else all it
// shows solid) are drawn larger with the caption beside the model than with the bar below, and stay
// in view. Measured against the bar's least height (a quarter of the screen; at the default 200 %
// a step's text makes it up to half): median 1.27 times as tall; the least, 0.92, is a wide
// front view of the whole trunk and thighs (meet-the-psoas 2), which the narrower view must show
// whole. Steps in the standing pose (the bounds are the neutral meshes'), no quiz.
TEST(ViewerSession, presenter_steps_show_their_structures_larger_with_the_caption_beside) {
    const glm::vec2 display{1920.0f, 1080.0f};
    const float scale = presenterUiScale(1.0f, 1.0f, display.y);
    const ViewRect beside = layoutFor(display, scale, LayoutMode::Slide, CaptionPlace::Beside).scene;
    const ViewRect below = layoutFor(display, scale, LayoutMode::Slide, CaptionPlace::Below).scene;
    // The subject's height on screen in pixels, and whether all of it is in view.
    auto subjectHeight = [](ViewerSession& session, const ViewRect& view, bool& inView) {
        const Scene& scene = session.scene();
        const StagedStep& staged = session.staged();
        Bounds subject, shown;
        for (std::size_t i = 0; i < scene.structures.size(); ++i) {
            if (staged.highlighted[i]) subject.include(scene.structures[i].mesh.bounds);
            if (session.visibility().visible(i) && session.visibility().opacity(i) >= 1.0f) shown.include(scene.structures[i].mesh.bounds);
        }
        if (subject.empty()) subject = shown;
        const OrbitCamera& camera = session.camera();
        const float aspect = view.size.x / view.size.y;
        const auto rect = screenRectOf(subject, camera.projection(aspect, scene.bounds) * camera.view());
        if (!rect) return 0.0f;
        // Clamped to the screen: a rect touching the edge may run past it.
        inView = (*rect)[0] > -0.999f && (*rect)[1] > -0.999f && (*rect)[2] < 0.999f && (*rect)[3] < 0.999f;
        return ((*rect)[3] - (*rect)[1]) * 0.5f * view.size.y;
    };
    int steps = 0;
    std::vector<float> gains;
    for (const char* file : {"01-meet-the-psoas.toml", "02-attachments.toml", "03-actions.toml", "04-breathing.toml",
                             "05-posture-and-tightness.toml", "06-release-and-retraining.toml"}) {
        const Lesson lesson = builtInLesson(file);
        for (std::size_t i = 0; i < lesson.steps.size(); ++i) {
            const LessonStep& step = lesson.steps[i];
            if (step.quiz || step.pose || step.poseAngles || (!step.camera && !step.view)) continue;
            float heights[2] = {0.0f, 0.0f};
            bool inView[2] = {false, false};
            for (int place = 0; place < 2; ++place) {
                const ViewRect& view = place == 0 ? beside : below;
                auto session = builtInSession();
                session->apply(act::SetViewAspect{view.size.x / view.size.y, true});
                session->apply(act::OpenLesson{lesson, static_cast<int>(i)});
                session->apply(act::FinishTransitions{});
                heights[place] = subjectHeight(*session, view, inView[place]);
            }
            const std::string where = std::string(file) + " step " + std::to_string(i + 1);
            EXPECT_GE(heights[0], 0.9f * heights[1]) << where;
            EXPECT_TRUE(inView[0] || !inView[1]) << where << ": in view below, cut beside";
            gains.push_back(heights[0] / std::max(heights[1], 1.0f));
            ++steps;
        }
    }
    EXPECT_GE(steps, 10) << "the test saw too few steps to mean anything";
    std::sort(gains.begin(), gains.end());
    EXPECT_GE(gains[gains.size() / 2], 1.15f) << "the median step";
    std::cout << steps << " steps; subject height beside / below (bar at its least): median " << gains[gains.size() / 2] << ", least "
              << gains.front() << "\n";
}

// Issue 14: auto-rotate kept turning the model away from where the teacher had just turned it.
TEST(ViewerSession, orbiting_by_hand_stops_auto_rotate) {
    auto session = builtInSession();
    session->apply(act::ToggleAutoRotate{});
    ASSERT_TRUE(session->autoRotate());
    session->apply(act::Orbit{{40.0f, 0.0f}});
    EXPECT_FALSE(session->autoRotate());
    const CameraPose turned = session->camera().pose;
    session->advance(1.0);
    EXPECT_FLOAT_EQ(session->camera().pose.yawDegrees, turned.yawDegrees) << "the model stays where the teacher left it";
}

// Tester, session 8: with meet-the-psoas step 1 turning the model, "1" (anterior) then "Add step
// from this view" saved the camera at 6 degrees and auto_rotate = true: a preset view stays put.
TEST(ViewerSession, a_view_preset_stops_auto_rotate_and_stays_where_it_was_asked) {
    auto session = builtInSession();
    session->apply(act::ToggleAutoRotate{});
    ASSERT_TRUE(session->autoRotate());
    session->apply(act::ShowView{ViewPreset::Anterior});
    EXPECT_FALSE(session->autoRotate());
    session->apply(act::FinishTransitions{});
    session->advance(2.0);
    EXPECT_NEAR(session->camera().pose.yawDegrees, 0.0f, 1e-3f);
}

// Tester, session 6 (issue 14, quiz fairness): in question 1 the natural click on the middle of the
// right psoas major landed on the psoas minor, a thin strip lying on it, and counted as wrong.
TEST(ViewerSession, a_quiz_click_on_a_thin_structure_lying_on_the_asked_one_counts_for_it) {
    auto session = builtInSession();
    session->apply(act::OpenLesson{builtInLesson("07-quiz-psoas-region.toml"), 1});  // question 1: the right psoas major
    settle(*session);
    const int minor = structure("psoas_minor_r"), major = structure("psoas_major_r");
    std::optional<glm::vec2> onMinor;
    for (float y = 2.0f; y < kView.y && !onMinor; y += 4.0f)
        for (float x = 2.0f; x < kView.x && !onMinor; x += 4.0f) {
            const Ray ray = session->camera().rayThrough({x, y}, kView);
            const auto hit = pick(session->scene(), session->visibility(), ray, session->sceneMotion());
            if (!hit || hit->structure != minor) continue;
            const auto under = pick(session->scene(), session->visibility(), ray, session->sceneMotion(), minor);
            if (under && under->structure == major && under->distance - hit->distance <= kQuizThinDepth) onMinor = glm::vec2(x, y);
        }
    ASSERT_TRUE(onMinor) << "the psoas minor must lie on the psoas major in this view";
    session->apply(act::Click{*onMinor, kView});
    EXPECT_TRUE(session->quizRight()) << session->quizFeedback();
    EXPECT_EQ(session->quizFeedback(), "Right: Right psoas major (under the Right psoas minor you clicked).");
    EXPECT_EQ(session->quizScore().firstTryCorrect(), 1);
}

// Tester, session 7: a click on empty space (the double-click that resets the view, too) cost the
// student the first try.
TEST(ViewerSession, a_quiz_click_on_empty_space_is_no_answer) {
    auto session = builtInSession();
    session->apply(act::OpenLesson{builtInLesson("07-quiz-psoas-region.toml"), 1});
    settle(*session);
    session->apply(act::Click{{3.0f, 3.0f}, kView});  // the corner of the view: nothing there
    EXPECT_EQ(session->quizScore().answeredCount(), 0);
    EXPECT_FALSE(session->quizRight());
    EXPECT_EQ(session->quizFeedback(), "That was empty space: click on the model to answer.");
    const auto onPsoas = pointOn(*session, "psoas_major_r");
    ASSERT_TRUE(onPsoas);
    session->apply(act::Click{*onPsoas, kView});
    EXPECT_EQ(session->quizScore().firstTryCorrect(), 1) << "the first real answer is still the first try";
}

// Tester, session 7: asked for the psoas minor, a click on the psoas major a few pixels beside it
// counted. The major is an answer of its own, and a wrong one.
TEST(ViewerSession, a_quiz_click_on_the_psoas_major_beside_the_minor_is_not_the_minor) {
    Lesson lesson = builtInLesson("07-quiz-psoas-region.toml");
    lesson.steps[1].quiz->answers = {"psoas_minor_r"};
    auto session = builtInSession();
    session->apply(act::OpenLesson{lesson, 1});
    settle(*session);
    const int minor = structure("psoas_minor_r"), major = structure("psoas_major_r");
    std::optional<glm::vec2> besideMinor;
    for (float y = 2.0f; y < kView.y && !besideMinor; y += 3.0f)
        for (float x = 2.0f; x < kView.x && !besideMinor; x += 3.0f) {
            const auto hit = pick(session->scene(), session->visibility(), session->camera().rayThrough({x, y}, kView), session->sceneMotion());
            if (!hit || hit->structure != major) continue;
            for (const glm::vec2 offset : quizProbeOffsets()) {
                const auto near = pick(session->scene(), session->visibility(), session->camera().rayThrough(glm::vec2(x, y) + offset, kView),
                                       session->sceneMotion());
                if (near && near->structure == minor) besideMinor = glm::vec2(x, y);
            }
        }
    ASSERT_TRUE(besideMinor) << "some point of the major lies within a few pixels of the minor in this view";
    session->apply(act::Click{*besideMinor, kView});
    EXPECT_FALSE(session->quizRight()) << session->quizFeedback();
    // The major, by name, or by its landmark near the click ("the origin, L1 body (Right psoas major)").
    EXPECT_EQ(session->quizFeedback().rfind("Not yet: that was ", 0), 0u) << session->quizFeedback();
    const std::string named = session->quizFeedback().substr(0, session->quizFeedback().find(". "));
    EXPECT_TRUE(named.ends_with("Right psoas major") || named.ends_with("(Right psoas major)")) << session->quizFeedback();
}

TEST(ViewerSession, a_quiz_click_well_away_from_the_asked_structure_is_still_wrong) {
    auto session = builtInSession();
    session->apply(act::OpenLesson{builtInLesson("07-quiz-psoas-region.toml"), 1});
    settle(*session);
    const auto onFemur = pointOn(*session, "femur_l");
    ASSERT_TRUE(onFemur);
    session->apply(act::Click{*onFemur, kView});
    EXPECT_FALSE(session->quizRight());
    EXPECT_EQ(session->quizFeedback().rfind("Not yet: that was Left femur.", 0), 0u) << session->quizFeedback();
}

// Issue 14: a right landmark answer said only "Right: Right femur." It names the landmark.
TEST(ViewerSession, a_right_landmark_answer_names_the_landmark) {
    auto session = builtInSession();
    session->apply(act::OpenLesson{builtInLesson("07-quiz-psoas-region.toml"), 2});  // "Click the lesser trochanter"
    settle(*session);
    const QuizQuestion& question = *session->lessonPlayer().step().quiz;
    std::optional<glm::vec2> onTrochanter;
    for (float y = 2.0f; y < kView.y && !onTrochanter; y += 6.0f)
        for (float x = 2.0f; x < kView.x && !onTrochanter; x += 6.0f) {
            const auto hit = pick(session->scene(), session->visibility(), session->camera().rayThrough({x, y}, kView), session->sceneMotion());
            if (!hit) continue;
            glm::vec3 neutral = hit->point;
            if (const SceneMotion* motion = session->sceneMotion())
                neutral = glm::vec3(glm::inverse(motion->model(static_cast<std::size_t>(hit->structure))) * glm::vec4(hit->point, 1.0f));
            if (answersQuestion(question, session->scene(), hit->structure, neutral)) onTrochanter = glm::vec2(x, y);
        }
    ASSERT_TRUE(onTrochanter);
    session->apply(act::Click{*onTrochanter, kView});
    ASSERT_TRUE(session->quizRight()) << session->quizFeedback();
    EXPECT_EQ(session->quizFeedback(), "Right: Lesser trochanter (Right femur).");
}

// Issue 14 (a teacher tester): asked for the lesser trochanter, a click on the greater one said only
// "Not yet: that was Right femur.", which told the student nothing. A wrong click near a landmark
// (as near as the editor's labels snap to one) names it.
TEST(ViewerSession, a_wrong_click_near_a_landmark_names_the_landmark) {
    auto session = builtInSession();
    session->apply(act::OpenLesson{builtInLesson("07-quiz-psoas-region.toml"), 2});  // "Click the lesser trochanter"
    settle(*session);
    const int femur = structure("femur_r");
    const StructureInfo& info = session->scene().structures[static_cast<std::size_t>(femur)].info;
    const auto greater = std::find_if(info.landmarks.begin(), info.landmarks.end(),
                                      [](const Landmark& l) { return l.id == "greater_trochanter"; });
    ASSERT_NE(greater, info.landmarks.end());
    std::optional<glm::vec2> onGreater;
    for (float y = 2.0f; y < kView.y && !onGreater; y += 3.0f)
        for (float x = 2.0f; x < kView.x && !onGreater; x += 3.0f) {
            const auto hit = pick(session->scene(), session->visibility(), session->camera().rayThrough({x, y}, kView), session->sceneMotion());
            if (!hit || hit->structure != femur) continue;
            glm::vec3 neutral = hit->point;
            if (const SceneMotion* motion = session->sceneMotion())
                neutral = glm::vec3(glm::inverse(motion->model(static_cast<std::size_t>(femur))) * glm::vec4(hit->point, 1.0f));
            if (glm::distance(neutral, greater->position) < 0.5f * kLabelSnapMetres) onGreater = glm::vec2(x, y);
        }
    ASSERT_TRUE(onGreater) << "the greater trochanter shows from behind";
    session->apply(act::Click{*onGreater, kView});
    EXPECT_FALSE(session->quizRight());
    EXPECT_EQ(session->quizFeedback().rfind("Not yet: that was the greater trochanter, tip (Right femur). Hint: ", 0), 0u)
        << session->quizFeedback();
}

TEST(ViewerSession, restart_starts_a_new_quiz_score) {
    auto session = builtInSession();
    session->apply(act::OpenLesson{builtInLesson("07-quiz-psoas-region.toml"), 1});
    settle(*session);
    const auto onPsoas = pointOn(*session, "psoas_major_r");
    ASSERT_TRUE(onPsoas);
    session->apply(act::Click{*onPsoas, kView});
    ASSERT_EQ(session->quizScore().answeredCount(), 1);
    session->apply(act::RestartLesson{});
    EXPECT_EQ(session->lessonPlayer().stepIndex(), 0);
    EXPECT_EQ(session->quizScore().answeredCount(), 0);
}

// Issue 15: the Motion tab's numbers come from the published hip geometry the teacher chose. The
// expected values are what `psoas-atlas --measure` prints (writeMeasureCsv) for the same pose.
double measuredAngles(const MeasureRequest& request, const std::string& quantity) {
    std::ostringstream out;
    writeMeasureCsv(out, request, builtInAtlas(), loadPoseLibrary(kSource / "models" / "poses"));
    std::istringstream in(out.str());
    const std::string prefix = std::string(kRightPsoasId) + ",all," + quantity + ",";
    for (std::string line; std::getline(in, line);)
        if (line.rfind(prefix, 0) == 0) return std::stod(line.substr(prefix.size()));
    ADD_FAILURE() << "no " << prefix << " in --measure's output";
    return 0.0;
}

double measured(const std::string& reference, const std::optional<std::string>& pose, std::optional<double> hipFlexion,
                const std::string& quantity) {
    MeasureRequest request;
    request.reference = reference;
    request.pose = pose;
    request.hipFlexion = hipFlexion;
    return measuredAngles(request, quantity);
}

int poseIndex(const std::string& id) {
    for (std::size_t i = 0; i < builtInPoses().size(); ++i)
        if (builtInPoses()[i].id == id) return static_cast<int>(i);
    ADD_FAILURE() << "no pose " << id;
    return -1;
}

void choosePose(ViewerSession& session, const std::string& id) {
    MotionChange change;
    change.pose = poseIndex(id);
    session.apply(act::ChangeMotion{change});
    settle(session);
}

void chooseReference(ViewerSession& session, HipReference reference) {
    MotionChange change;
    change.reference = reference;
    session.apply(act::ChangeMotion{change});
    settle(session);
}

// The CSV has two decimals.
constexpr double kCsvRounding = 0.006;

TEST(ViewerSession, the_default_hip_reference_gives_the_readouts_measure_prints) {
    auto session = builtInSession();
    choosePose(*session, "sitting");
    EXPECT_EQ(session->motion().reference(), HipReference::Gait2392);
    const MuscleReadout* psoas = session->sceneMotion()->readout(kRightPsoasId);
    ASSERT_NE(psoas, nullptr);
    EXPECT_NEAR(psoas->lengthMm, measured("gait2392", "sitting", std::nullopt, "length"), kCsvRounding);
    EXPECT_NEAR(psoas->momentArmMm, measured("gait2392", "sitting", std::nullopt, "hip_flexion_moment_arm"), kCsvRounding);
    EXPECT_EQ(psoas->fascicleLengthsMm.size(), 11u);
}

TEST(ViewerSession, choosing_the_second_hip_reference_changes_readouts_history_and_curve_to_what_measure_prints) {
    auto session = builtInSession();
    choosePose(*session, "sitting");
    const float drawnBefore = session->sceneMotion()->positions(static_cast<std::size_t>(structure("psoas_major_r")))->front().y;
    const float before = session->sceneMotion()->readout(kRightPsoasId)->lengthMm;

    chooseReference(*session, HipReference::Rajagopal2016);
    const MuscleReadout* psoas = session->sceneMotion()->readout(kRightPsoasId);
    ASSERT_NE(psoas, nullptr);
    EXPECT_EQ(session->sceneMotion()->reference(), HipReference::Rajagopal2016);
    EXPECT_NEAR(psoas->lengthMm, measured("rajagopal2016", "sitting", std::nullopt, "length"), kCsvRounding);
    EXPECT_NEAR(psoas->momentArmMm, measured("rajagopal2016", "sitting", std::nullopt, "hip_flexion_moment_arm"), kCsvRounding);
    EXPECT_GT(std::abs(psoas->lengthMm - before), 10.0f);  // the two geometries really differ here
    // The history holds only the chosen geometry's lengths: no jump from the other one.
    ASSERT_FALSE(session->lengthHistory().empty());
    for (float length : session->lengthHistory()) EXPECT_FLOAT_EQ(length, psoas->lengthMm);
    // The drawn muscle stays on the default's path.
    EXPECT_EQ(session->sceneMotion()->positions(static_cast<std::size_t>(structure("psoas_major_r")))->front().y, drawnBefore);

    // The curve against hip flexion, read in standing at 90 degrees: --measure --hip-flexion 90.
    choosePose(*session, "neutral_standing");
    const auto& curve = session->lengthCurve();
    const auto at90 = std::find_if(curve.begin(), curve.end(), [](const glm::vec2& p) { return std::abs(p.x - 90.0f) < 1e-3f; });
    ASSERT_NE(at90, curve.end());
    EXPECT_NEAR(at90->y, measured("rajagopal2016", std::nullopt, 90.0, "length"), kCsvRounding);
    // It spans the hip's range, as its slider and a drag do.
    EXPECT_FLOAT_EQ(curve.front().x, physiologicalRange(JointCoordinate::RightHipFlexion).min);
    EXPECT_FLOAT_EQ(curve.back().x, physiologicalRange(JointCoordinate::RightHipFlexion).max);

    chooseReference(*session, HipReference::Gait2392);
    const auto& back = session->lengthCurve();
    const auto back90 = std::find_if(back.begin(), back.end(), [](const glm::vec2& p) { return std::abs(p.x - 90.0f) < 1e-3f; });
    ASSERT_NE(back90, back.end());
    EXPECT_NEAR(back90->y, measured("gait2392", std::nullopt, 90.0, "length"), kCsvRounding);
}

// A lesson step sets no hip reference, so the teacher's choice survives steps, lessons and
// closing the lesson, while each step still stages its own pose and breathing.
TEST(ViewerSession, a_step_keeps_the_teachers_hip_reference) {
    auto session = builtInSession();
    session->apply(act::OpenLesson{builtInLesson("03-actions.toml"), 0});
    chooseReference(*session, HipReference::Rajagopal2016);
    session->apply(act::NextStep{});  // the leg lift
    settle(*session);
    EXPECT_EQ(session->motion().reference(), HipReference::Rajagopal2016);
    EXPECT_FALSE(session->motion().overridden());
    EXPECT_EQ(session->motion().settings().pose, poseIndex("leg_lift"));
    EXPECT_NEAR(session->sceneMotion()->readout(kRightPsoasId)->lengthMm, measured("rajagopal2016", "leg_lift", std::nullopt, "length"),
                kCsvRounding);
    session->apply(act::OpenLesson{builtInLesson("04-breathing.toml"), 0});
    session->apply(act::CloseLesson{});
    settle(*session);
    EXPECT_EQ(session->sceneMotion()->reference(), HipReference::Rajagopal2016);
}

// Closing a lesson shows every structure; the camera, framed for the step's, keeps its direction
// and moves out until they all fit (the diaphragm above Meet the psoas's first step was cut off).
TEST(ViewerSession, closing_a_lesson_frames_what_appears_from_the_same_direction) {
    auto session = builtInSession();
    session->apply(act::OpenLesson{builtInLesson("01-meet-the-psoas.toml"), 0});
    settle(*session);
    ASSERT_TRUE(session->autoRotate()) << "the step turns the model";
    const Bounds dome = builtInScene().structures[static_cast<std::size_t>(structure("diaphragm"))].mesh.bounds;
    const glm::vec3 domeTop{dome.centre().x, dome.max.y, dome.centre().z};
    ASSERT_LT(session->camera().project(domeTop, kView).y, 0.0f) << "the step's view no longer leaves the dome out";
    const CameraPose step = session->camera().pose;

    session->apply(act::CloseLesson{});
    settle(*session);
    EXPECT_FALSE(session->autoRotate()) << "the step's turning ends with the lesson";
    EXPECT_FLOAT_EQ(session->camera().pose.yawDegrees, step.yawDegrees);
    EXPECT_FLOAT_EQ(session->camera().pose.pitchDegrees, step.pitchDegrees);
    const Bounds& all = builtInScene().bounds;
    for (int corner = 0; corner < 8; ++corner) {
        const glm::vec2 at = session->camera().project(all.corner(corner), kView);
        EXPECT_TRUE(at.x >= 0.0f && at.x <= kView.x && at.y >= 0.0f && at.y <= kView.y) << "corner " << corner << " at " << at.x << ", " << at.y;
    }
}

// Tester, session 16: the editor's Save reads the file back, and that reload staged the step
// again: an orbited view glided back to the step's camera and a stopped turning started again.
// A new version that only rewords the step on screen leaves the view as the teacher has it; one
// that changes what the step stages stages it.
TEST(ViewerSession, a_lesson_read_again_with_new_words_keeps_the_view_as_the_teacher_left_it) {
    auto session = builtInSession();
    Lesson lesson = builtInLesson("01-meet-the-psoas.toml");
    session->apply(act::OpenLesson{lesson, 0});
    settle(*session);
    if (session->autoRotate()) session->apply(act::ToggleAutoRotate{});
    CameraPose orbited = session->camera().pose;
    orbited.yawDegrees += 40.0f;
    session->apply(act::SetCamera{orbited});

    lesson.steps[0].text = "New words for the class.";
    for (LessonStep& step : lesson.steps) step.line += 2;  // as a file with two more lines above
    session->apply(act::ReloadLesson{lesson});
    settle(*session);
    EXPECT_EQ(session->camera().pose, orbited);
    EXPECT_FALSE(session->autoRotate());
    ASSERT_FALSE(session->stepText().empty());
    EXPECT_EQ(session->lessonPlayer().step().text, "New words for the class.");

    lesson.steps[0].hide.push_back("diaphragm");  // now the step stages something else
    session->apply(act::ReloadLesson{lesson});
    settle(*session);
    EXPECT_NE(session->camera().pose, orbited);
}

// Tester, session 16: the breathing step's enlarged breaths (and their banner) went on after the
// lesson was closed. Closing leaves nothing of the lesson playing: standing, still, breathing off.
TEST(ViewerSession, closing_a_lesson_stops_its_breathing_and_poses) {
    auto session = builtInSession();
    const Lesson breathing = builtInLesson("04-breathing.toml");
    int breathingStep = -1;
    for (std::size_t i = 0; i < breathing.steps.size() && breathingStep < 0; ++i)
        if (breathing.steps[i].breathing && breathing.steps[i].breathing->on && breathing.steps[i].breathing->exaggeration > 1.0)
            breathingStep = static_cast<int>(i);
    ASSERT_GE(breathingStep, 0) << "the breathing lesson has a step with enlarged breaths";
    session->apply(act::OpenLesson{breathing, breathingStep});
    settle(*session);
    ASSERT_TRUE(session->motion().settings().breathing);
    session->apply(act::CloseLesson{});
    settle(*session);
    EXPECT_FALSE(session->motion().settings().breathing);
    EXPECT_EQ(session->motion().settings().exaggeration, 1.0f);
    EXPECT_FALSE(session->motion().animating());
}

// What the user changed in the Motion tab lasts until the next step, which sets its own.
TEST(MotionState, a_step_replaces_what_the_user_changed) {
    MotionState state({Pose{}, Pose{}});
    MotionSettings step;
    step.pose = 0;
    state.stage(step, true);
    EXPECT_FALSE(state.overridden());
    MotionChange change;
    change.colourByLength = true;
    state.change(change);
    EXPECT_TRUE(state.overridden());
    EXPECT_FALSE(state.staged().colourByLength);
    state.stage(step, false);
    EXPECT_FALSE(state.settings().colourByLength);
    EXPECT_FALSE(state.animating());
}

// Issue 13, joint controls: one coordinate of the pose model set from the Motion tab.
void setJoint(ViewerSession& session, JointCoordinate coordinate, float degrees) {
    MotionChange change;
    change.joint = JointAngle{coordinate, degrees};
    session.apply(act::ChangeMotion{change});
    session.advance(1.0 / 60.0);  // one frame: a slider moves the body at once
}

// Tester, session 12: 200 degrees typed into hip flexion became 120 with no word why. The motion
// holds a typed angle at the end of the joint's range, and the notice the status line shows says so.
TEST(JointControls, a_typed_angle_past_the_range_stops_at_its_end_and_the_notice_says_so) {
    auto session = builtInSession();
    setJoint(*session, JointCoordinate::RightHipFlexion, 200.0f);
    const float now = coordinateValue(session->motion().targetPose(), JointCoordinate::RightHipFlexion);
    EXPECT_FLOAT_EQ(now, 120.0f);
    const DegreeRange range = session->motion().controlRange(JointCoordinate::RightHipFlexion);
    EXPECT_EQ(heldAngleNotice(JointCoordinate::RightHipFlexion, 200.0f, now, range),
              "200\u00b0 is past the range of Right hip flexion (+) / extension (-) here (-30\u00b0 to 120\u00b0, AAOS 1965): it "
              "stops at 120\u00b0");
    setJoint(*session, JointCoordinate::RightHipFlexion, 45.0f);
    EXPECT_EQ(heldAngleNotice(JointCoordinate::RightHipFlexion, 45.0f,
                              coordinateValue(session->motion().targetPose(), JointCoordinate::RightHipFlexion), range),
              "")
        << "within the range: nothing to say";
}

// Session 10: the name under a still pointer stayed the one picked at the last mouse move while the
// body walked or a slider moved the thigh away. It is the frame's own: what lies under the pointer now.
TEST(JointControls, the_hover_name_follows_the_body_moving_under_a_still_pointer) {
    auto session = builtInSession();
    settle(*session);
    // The lowest point of the view on the right femur (toward the knee): it leaves when the hip flexes.
    std::optional<glm::vec2> nearKnee;
    for (float y = kView.y - 4.0f; y > 0.0f && !nearKnee; y -= 6.0f)
        for (float x = 4.0f; x < kView.x && !nearKnee; x += 6.0f) {
            const auto hit = pick(session->scene(), session->visibility(), session->camera().rayThrough({x, y}, kView), session->sceneMotion());
            if (hit && hit->structure == structure("femur_r")) nearKnee = glm::vec2(x, y);
        }
    ASSERT_TRUE(nearKnee.has_value());
    session->apply(act::Hover{*nearKnee, kView});
    EXPECT_EQ(session->hovered(), structure("femur_r"));
    setJoint(*session, JointCoordinate::RightHipFlexion, 90.0f);
    settle(*session);
    const auto now = pick(session->scene(), session->visibility(), session->camera().rayThrough(*nearKnee, kView), session->sceneMotion());
    EXPECT_NE(session->hovered(), structure("femur_r")) << "the thigh has swung away from the pointer";
    EXPECT_EQ(session->hovered(), now ? now->structure : -1);
    const auto looks = session->structureLooks();
    EXPECT_FALSE(looks[static_cast<std::size_t>(structure("femur_r"))].hovered) << "nor is it drawn hovered";
    session->apply(act::Hover{std::nullopt, kView});
    EXPECT_EQ(session->hovered(), -1) << "over the panels, nothing";
}

TEST(JointControls, a_joint_angle_moves_the_body_at_once_and_gives_the_numbers_measure_prints) {
    auto session = builtInSession();
    settle(*session);
    const std::uint64_t solves = session->motionRevision();
    setJoint(*session, JointCoordinate::RightHipFlexion, 45.0f);
    setJoint(*session, JointCoordinate::LeftHipFlexion, 45.0f);
    EXPECT_GT(session->motionRevision(), solves);
    EXPECT_FLOAT_EQ(session->motion().currentPose().hipRight.flexion, 45.0f);  // no glide: there already
    MeasureRequest both45;
    both45.hipFlexion = 45.0;
    const MuscleReadout* psoas = session->sceneMotion()->readout(kRightPsoasId);
    ASSERT_NE(psoas, nullptr);
    EXPECT_NEAR(psoas->lengthMm, measuredAngles(both45, "length"), kCsvRounding);
    EXPECT_NEAR(psoas->momentArmMm, measuredAngles(both45, "hip_flexion_moment_arm"), kCsvRounding);
    // The curve's "now" follows, and the history records the new length.
    EXPECT_FLOAT_EQ(session->lengthHistory().back(), psoas->lengthMm);

    setJoint(*session, JointCoordinate::LumbarExtension, -20.0f);
    setJoint(*session, JointCoordinate::PelvicTilt, 10.0f);
    MeasureRequest all = both45;
    all.lumbarExtension = -20.0;
    all.pelvicTilt = 10.0;
    EXPECT_NEAR(session->sceneMotion()->readout(kRightPsoasId)->lengthMm, measuredAngles(all, "length"), kCsvRounding);
}

// Fresh tester A, session 12: with the left hip flexed 60 degrees the Motion tab's charts stayed
// flat (they followed the right psoas only). Both sides' histories and curves are kept.
TEST(JointControls, the_left_psoas_has_a_history_and_a_curve_of_its_own) {
    auto session = builtInSession();
    settle(*session);
    setJoint(*session, JointCoordinate::LeftHipFlexion, 60.0f);
    settle(*session);
    const MuscleReadout* left = session->sceneMotion()->readout(kLeftPsoasId);
    const MuscleReadout* right = session->sceneMotion()->readout(kRightPsoasId);
    ASSERT_NE(left, nullptr);
    ASSERT_NE(right, nullptr);
    EXPECT_GT(right->lengthMm - left->lengthMm, 10.0f) << "the flexed side is shorter";
    ASSERT_FALSE(session->lengthHistory(Side::Left).empty());
    EXPECT_FLOAT_EQ(session->lengthHistory(Side::Left).back(), left->lengthMm);
    EXPECT_FLOAT_EQ(session->lengthHistory(Side::Right).back(), right->lengthMm);
    const auto& curve = session->lengthCurve(Side::Left);
    ASSERT_GT(curve.size(), 2u);
    EXPECT_GT(curve.front().y, curve.back().y) << "the left psoas shortens as the hips flex";
}

TEST(JointControls, the_user_changes_the_pose_and_the_step_keeps_its_own) {
    auto session = builtInSession();
    session->apply(act::OpenLesson{builtInLesson("03-actions.toml"), 0});
    session->apply(act::NextStep{});  // the leg lift
    settle(*session);
    const Pose legLift = builtInPoses()[static_cast<std::size_t>(poseIndex("leg_lift"))].pose;
    setJoint(*session, JointCoordinate::RightHipFlexion, 30.0f);
    EXPECT_TRUE(session->motion().overridden());
    EXPECT_EQ(session->motion().staged().pose, poseIndex("leg_lift"));
    EXPECT_FALSE(session->motion().staged().joints.has_value());
    Pose expected = legLift;  // the other joints keep the leg lift's angles
    expected.hipRight.flexion = 30.0f;
    EXPECT_EQ(session->motion().targetPose(), expected);

    // One joint back to what the step set: the change is gone.
    MotionChange reset;
    reset.resetJoint = JointCoordinate::RightHipFlexion;
    session->apply(act::ChangeMotion{reset});
    EXPECT_EQ(session->motion().targetPose(), legLift);
    EXPECT_FALSE(session->motion().overridden());

    setJoint(*session, JointCoordinate::LeftHipAbduction, 20.0f);
    setJoint(*session, JointCoordinate::LumbarExtension, 10.0f);
    MotionChange all;
    all.resetJoints = true;
    session->apply(act::ChangeMotion{all});
    settle(*session);
    EXPECT_EQ(session->motion().currentPose(), legLift);
    EXPECT_FALSE(session->motion().overridden());

    // The next step stages its own pose, whatever the user set.
    setJoint(*session, JointCoordinate::RightHipFlexion, 100.0f);
    session->apply(act::PreviousStep{});
    settle(*session);
    EXPECT_FALSE(session->motion().overridden());
    EXPECT_EQ(session->motion().currentPose(), builtInPoses()[static_cast<std::size_t>(session->motion().staged().pose)].pose);
}

TEST(JointControls, a_typed_angle_stays_in_the_joints_range_and_a_library_pose_replaces_the_angles) {
    auto session = builtInSession();
    setJoint(*session, JointCoordinate::RightHipFlexion, 150.0f);
    EXPECT_FLOAT_EQ(session->motion().targetPose().hipRight.flexion, 120.0f);
    setJoint(*session, JointCoordinate::RightHipRotation, -90.0f);
    EXPECT_FLOAT_EQ(session->motion().targetPose().hipRight.externalRotation, -45.0f);
    EXPECT_TRUE(session->motion().settings().joints.has_value());
    choosePose(*session, "sitting");
    EXPECT_FALSE(session->motion().settings().joints.has_value());
    EXPECT_EQ(session->motion().currentPose(), builtInPoses()[static_cast<std::size_t>(poseIndex("sitting"))].pose);
}

// Issue 13, length tags: each psoas and iliacus carries its live length and share of standing.
std::vector<std::string> labelTexts(const ViewerSession& session) {
    std::vector<std::string> texts;
    for (const PosedLabel& label : session.labels()) texts.push_back(label.text);
    return texts;
}

TEST(LengthTags, each_hip_flexor_carries_its_length_now_and_follows_a_moved_joint) {
    auto session = builtInSession();
    EXPECT_TRUE(labelTexts(*session).empty());  // off unless asked for
    MotionChange on;
    on.lengthTags = true;
    session->apply(act::ChangeMotion{on});
    std::vector<std::string> texts = labelTexts(*session);
    ASSERT_EQ(texts.size(), kLengthTagMuscles.size());
    EXPECT_EQ(texts[0], "Right psoas major\n320 mm, 100 % of standing");
    EXPECT_NEAR(measured("gait2392", std::nullopt, 0.0, "length"), 319.95, kCsvRounding);  // the tag's 320 mm

    setJoint(*session, JointCoordinate::RightHipFlexion, 70.0f);
    texts = labelTexts(*session);
    EXPECT_NEAR(measured("gait2392", std::nullopt, 70.0, "length"), 268.17, kCsvRounding);  // 268 mm; 268.17 / 319.95 = 84 %
    EXPECT_EQ(texts[0], "Right psoas major\n268 mm, 84 % of standing");
    EXPECT_EQ(texts[1], "Left psoas major\n320 mm, 100 % of standing");
}

TEST(LengthTags, a_step_turns_them_on_and_its_own_label_on_the_muscle_carries_the_tag) {
    Lesson lesson = builtInLesson("03-actions.toml");
    LessonStep& step = lesson.steps.at(1);
    step.lengthTags = true;
    step.labels = {{"psoas_major_r", ""}};
    step.show.clear();  // every structure shown: all four tags
    lesson.steps.at(2).lengthTags = false;  // the next step, whatever the shipped lesson has there
    auto session = builtInSession();
    session->apply(act::OpenLesson{lesson, 1});
    settle(*session);
    EXPECT_TRUE(session->motion().settings().lengthTags);
    const std::vector<std::string> texts = labelTexts(*session);
    EXPECT_EQ(std::count_if(texts.begin(), texts.end(), [](const std::string& t) { return t.rfind("Right psoas major", 0) == 0; }), 1);
    EXPECT_EQ(texts.size(), kLengthTagMuscles.size());
    // The next step, without length_tags, has none; the user's toggle lasts until then.
    session->apply(act::NextStep{});
    EXPECT_FALSE(session->motion().settings().lengthTags);
}

// Issue 13: the Actions lesson's walking step walks. The readouts, the length tags and the strip
// chart all follow the one pose the loop gives at its phase: the right psoas's length at right heel
// contact (hip 30 degrees) is what --measure prints for 30 degrees, and half a cycle later the
// two sides have traded lengths.
TEST(LoopingMotion, the_actions_lessons_walking_step_walks_and_the_numbers_follow) {
    const Lesson lesson = builtInLesson("03-actions.toml");
    const auto walking = std::find_if(lesson.steps.begin(), lesson.steps.end(),
                                      [](const LessonStep& step) { return step.title.rfind("Walking", 0) == 0; });
    ASSERT_NE(walking, lesson.steps.end());
    ASSERT_TRUE(walking->motion.has_value());
    EXPECT_EQ(walking->motion->builtIn, "walking");
    EXPECT_TRUE(walking->lengthTags);

    auto session = builtInSession();
    session->apply(act::OpenLesson{lesson, static_cast<int>(walking - lesson.steps.begin())});
    for (int frame = 0; frame < 90; ++frame) session->advance(1.0 / 60.0);  // the 1.5 s glide into the first pose
    ASSERT_TRUE(session->motion().looping());
    EXPECT_TRUE(session->moving());
    const double period = session->motion().settings().loop->periodSeconds;
    const auto phase = session->motion().loopPhase();
    EXPECT_LT(phase, 0.02);
    const MuscleReadout* right = session->sceneMotion()->readout(kRightPsoasId);
    ASSERT_NE(right, nullptr);
    EXPECT_NEAR(session->motion().currentPose().hipRight.flexion, gaitHipFlexionDegrees(phase), 1e-3);
    const float rightAtContact = right->lengthMm;
    EXPECT_NEAR(rightAtContact, measured("gait2392", std::nullopt, gaitHipFlexionDegrees(phase), "length"), kCsvRounding);
    const MuscleReadout* left = session->sceneMotion()->readout("psoas_major_l");
    ASSERT_NE(left, nullptr);
    const float leftAtContact = left->lengthMm;
    EXPECT_GT(leftAtContact, rightAtContact + 10.0f);  // the trailing leg's psoas is the longer
    const std::vector<std::string> tags = labelTexts(*session);
    ASSERT_FALSE(tags.empty());

    const int halfCycle = static_cast<int>(std::lround(period / 2.0 * 60.0));
    for (int frame = 0; frame < halfCycle; ++frame) session->advance(1.0 / 60.0);
    EXPECT_NEAR(session->sceneMotion()->readout(kRightPsoasId)->lengthMm, leftAtContact, 0.05f);
    EXPECT_NEAR(session->sceneMotion()->readout("psoas_major_l")->lengthMm, rightAtContact, 0.05f);
    EXPECT_NE(labelTexts(*session), tags);  // the tags moved with it
    const std::vector<float>& history = session->lengthHistory();
    ASSERT_GT(history.size(), 10u);
    const auto [shortest, longest] = std::minmax_element(history.end() - 10, history.end());
    EXPECT_GT(*longest - *shortest, 1.0f);  // the strip chart follows the walk
}

// Issue 13, "Save pose…": the saved pose joins the pose box at once, named there, without moving
// the body; saved again under the same id it is replaced in place (the other indices stay).
TEST(SavePose, a_saved_pose_joins_the_pose_list_named_in_the_pose_box_without_moving_the_body) {
    auto session = builtInSession();
    setJoint(*session, JointCoordinate::RightHipFlexion, 45.0f);
    const Pose shown = session->motion().currentPose();
    const std::size_t before = session->poses().size();
    PoseFile saved;
    saved.id = "my_hip_45";
    saved.name = "My hip 45";
    saved.pose = shown;
    session->apply(act::AddPose{saved});
    ASSERT_EQ(session->poses().size(), before + 1);
    EXPECT_EQ(session->poses().back().id, "my_hip_45");
    EXPECT_EQ(session->motion().settings().pose, static_cast<int>(before));
    EXPECT_FALSE(session->motion().settings().joints.has_value());  // the pose box names it, not "own angles"
    settle(*session);
    EXPECT_EQ(session->motion().currentPose(), shown);

    saved.pose.hipRight.flexion = 60.0f;
    session->apply(act::AddPose{saved});
    EXPECT_EQ(session->poses().size(), before + 1);
    settle(*session);
    EXPECT_FLOAT_EQ(session->motion().currentPose().hipRight.flexion, 60.0f);
    EXPECT_EQ(session->poses()[static_cast<std::size_t>(poseIndex("sitting"))].id, "sitting");
}

// The Actions lesson's walking step, settled, in a 3D view of `view` pixels.
std::unique_ptr<ViewerSession> walkingStepIn(glm::vec2 view) {
    SessionSetup setup;
    setup.poses = builtInPoses();
    setup.withMotion = true;
    setup.viewAspect = view.x / view.y;
    auto session = std::make_unique<ViewerSession>(builtInScene(), std::move(setup));
    session->apply(act::OpenLesson{builtInLesson("03-actions.toml"), 2});
    settle(*session);
    return session;
}

// Regression (tester, issue 13): on the Actions lesson's walking step at 1920 x 1080 both psoas
// tags were dimmed and pointed at one hidden point behind the ilium, though the left psoas showed
// above the iliac crest (only the screen cells nearest that hidden point were tried). Over a
// walking cycle the near psoas's tag ends on its muscle where it shows; the far one's, behind the
// spine, ends on its own muscle too (where it shows, or dimmed where it lies), not on the other's.
TEST(LengthTags, on_the_walking_step_each_psoas_tag_ends_on_its_own_muscle) {
    const glm::vec2 view{1670.0f, 1080.0f};  // the 3D view of a 1920 x 1080 window beside the panel
    const auto walking = walkingStepIn(view);
    ViewerSession& session = *walking;
    ASSERT_TRUE(session.motion().looping());
    for (int sample = 0; sample < 4; ++sample) {
        for (int frame = 0; frame < 30; ++frame) session.advance(1.0 / 60.0);  // a quarter of a 2 s cycle
        const std::vector<StructureLook> looks = session.structureLooks();
        const SceneSight sight(session.scene(), session.sceneMotion(), looks);
        const std::vector<ViewLabel> labels = session.viewLabels(view);
        auto tagOf = [&](const std::string& id) {
            const auto found = std::find_if(labels.begin(), labels.end(), [&](const ViewLabel& l) { return l.structure == structure(id); });
            return found == labels.end() ? std::optional<ViewLabel>() : *found;
        };
        const std::optional<ViewLabel> left = tagOf("psoas_major_l"), right = tagOf("psoas_major_r");
        ASSERT_TRUE(left && right) << "sample " << sample;
        EXPECT_FALSE(left->behind) << "sample " << sample;
        EXPECT_TRUE(sight.along(session.camera().rayThrough(left->anchor, view)).shows(structure("psoas_major_l"))) << sample;
        if (!right->behind) EXPECT_TRUE(sight.along(session.camera().rayThrough(right->anchor, view)).shows(structure("psoas_major_r")));
        EXPECT_GT(glm::distance(left->anchor, right->anchor), 20.0f) << "sample " << sample;
    }
}

// Regression (tester, session 11): on the walking step the length tags swapped columns several
// times a cycle ("Left psoas major" from the right of the model to the left column): in the step's
// side view each muscle lies near the view's middle, and the column followed the part of it that
// showed as the legs swung. A bending muscle's label carries a home, where it lies in the unbent
// body, which the walk does not move: its column (core/label_layout) is judged from there.
TEST(LengthTags, on_the_walking_step_each_tags_home_stays_put_through_the_cycle) {
    const glm::vec2 view{960.0f, 370.0f};  // a 960 x 540 video's 3D view above its caption
    const auto walking = walkingStepIn(view);
    ViewerSession& session = *walking;
    ASSERT_TRUE(session.motion().looping());
    std::map<int, std::vector<glm::vec2>> homes;
    for (int sample = 0; sample < 30; ++sample) {
        for (int frame = 0; frame < 4; ++frame) session.advance(1.0 / 60.0);  // 2 s: a whole cycle
        for (const ViewLabel& label : session.viewLabels(view)) {
            ASSERT_TRUE(label.home) << label.text;
            homes[label.structure].push_back(*label.home);
        }
    }
    for (const std::string id : {"psoas_major_r", "psoas_major_l", "iliacus_r", "iliacus_l"}) {
        const std::vector<glm::vec2>& seen = homes[structure(id)];
        ASSERT_FALSE(seen.empty()) << id;
        for (const glm::vec2 home : seen) EXPECT_LT(glm::distance(home, seen.front()), 0.5f) << id;
    }
}

// Regression (tester, issue 13): "Save pose" on the walking step stopped the walk (the saved pose
// was chosen in the pose box). Saving changes nothing on screen: the loop goes on at its pace, and
// the saved moment joins the pose list.
TEST(SavePose, saving_while_a_motion_loops_keeps_it_looping_and_adds_the_pose) {
    auto session = builtInSession();
    session->apply(act::OpenLesson{builtInLesson("03-actions.toml"), 2});
    settle(*session);
    ASSERT_TRUE(session->motion().looping());
    const double phase = session->motion().loopPhase();
    PoseFile saved;
    saved.id = "mid_stride";
    saved.name = "Mid stride";
    saved.pose = session->motion().currentPose();
    const std::size_t before = session->poses().size();
    session->apply(act::AddPose{saved});
    EXPECT_EQ(session->poses().size(), before + 1);
    EXPECT_TRUE(session->motion().looping());
    EXPECT_EQ(session->motion().currentPose(), saved.pose);  // this frame: unchanged
    for (int frame = 0; frame < 15; ++frame) session->advance(1.0 / 60.0);
    EXPECT_GT(session->motion().loopPhase(), phase + 0.1);  // and it walks on
    EXPECT_NE(session->motion().currentPose(), saved.pose);
}

TEST(LengthTags, a_quiz_question_keeps_them_back_with_the_labels) {
    auto session = builtInSession();
    Lesson lesson = builtInLesson("03-actions.toml");
    LessonStep quiz;
    quiz.title = "Where is it?";
    quiz.lengthTags = true;
    quiz.quiz = QuizQuestion{"Click the right psoas", {"psoas_major_r"}, "Beside the spine"};
    lesson.steps = {quiz};
    session->apply(act::OpenLesson{lesson, 0});
    ASSERT_TRUE(session->quizOpen());
    EXPECT_TRUE(labelTexts(*session).empty());
}

// Issue 13, colour by length: while it is on every muscle loses its own colour; off is exactly the
// normal colours.
TEST(ColourByLength, on_every_muscle_takes_the_scale_and_off_leaves_the_normal_colours) {
    auto session = builtInSession();
    choosePose(*session, "leg_lift");
    for (const StructureLook& look : session->structureLooks()) EXPECT_EQ(look.tintAmount, 0.0f);
    MotionChange on;
    on.colourByLength = true;
    session->apply(act::ChangeMotion{on});
    const std::vector<StructureLook> looks = session->structureLooks();
    for (std::size_t i = 0; i < looks.size(); ++i) {
        const StructureInfo& info = builtInScene().structures[i].info;
        if (info.group != StructureGroup::Muscle) {
            EXPECT_EQ(looks[i].tintAmount, 0.0f) << info.id;
            continue;
        }
        EXPECT_EQ(looks[i].tintAmount, 1.0f) << info.id;
        const auto change = session->sceneMotion()->lengthChange(i);
        EXPECT_EQ(looks[i].tint, change ? lengthColour(*change) : kNotComputedColour) << info.id;
    }
    // The leg lift shortens the right psoas by 16 %: full blue; the left one, its hip straight,
    // changes only with the flattened lumbar curve: nearly the grey.
    EXPECT_EQ(looks[static_cast<std::size_t>(structure("psoas_major_r"))].tint, kShorterColour);
    EXPECT_LT(glm::distance(looks[static_cast<std::size_t>(structure("psoas_major_l"))].tint, kUnchangedColour), 0.05f);
}

// Hue in degrees (0 red, 120 green, 240 blue) and saturation of an RGB colour.
std::pair<float, float> hueAndSaturation(const glm::vec3& c) {
    const float hi = std::max({c.x, c.y, c.z}), lo = std::min({c.x, c.y, c.z}), range = hi - lo;
    if (range <= 0.0f) return {0.0f, 0.0f};
    float hue = hi == c.x ? std::fmod((c.y - c.z) / range + 6.0f, 6.0f) : hi == c.y ? (c.z - c.x) / range + 2.0f : (c.x - c.y) / range + 4.0f;
    return {hue * 60.0f, range / hi};
}

// No colour of the scale has the hue of a muscle's own colour (all reds, 0-20 degrees), so
// "longer" never reads as "a muscle": the coloured ones are 25 degrees of hue away or more, and the
// grey middle and "not computed" have almost no colour at all.
TEST(ColourByLength, no_colour_of_the_scale_has_a_muscles_own_hue) {
    for (const StructureInfo& info : builtInAtlas().structures) {
        if (info.group != StructureGroup::Muscle) continue;
        const float muscleHue = hueAndSaturation(info.colour).first;
        for (float change = -0.12f; change <= 0.12f; change += 0.005f) {
            const auto [hue, saturation] = hueAndSaturation(lengthColour(change));
            const float apart = std::min(std::abs(hue - muscleHue), 360.0f - std::abs(hue - muscleHue));
            EXPECT_TRUE(saturation < 0.1f || apart >= 25.0f) << info.id << " at " << change << ": hue " << hue;
        }
        EXPECT_LT(hueAndSaturation(kNotComputedColour).second, 0.1f);
    }
}

// Issue 13's strip chart says how much time it shows: just after the start, less than its 20 s.
TEST(ViewerSession, the_length_history_says_how_many_seconds_it_covers) {
    auto session = builtInSession();
    for (int frame = 0; frame < 300; ++frame) session->advance(1.0 / 60.0);
    EXPECT_NEAR(session->lengthHistorySeconds(), 5.0, 0.1);
    for (int frame = 0; frame < 1800; ++frame) session->advance(1.0 / 60.0);
    EXPECT_NEAR(session->lengthHistorySeconds(), 20.0, 1e-9);
}

// Issue 14, two screens: F6 (SetPresenter with twoScreens) enters presenter mode on two screens
// from either state, F5 or Esc leave both, and one-screen presenter mode never reports two.
TEST(ViewerSession, presenter_mode_on_two_screens_is_entered_from_either_state_and_left_by_f5_or_escape) {
    auto session = builtInSession();
    session->apply(act::SetPresenter{true, true});
    EXPECT_TRUE(session->presenter());
    EXPECT_TRUE(session->twoScreens());
    session->apply(act::Escape{});
    EXPECT_FALSE(session->presenter());
    EXPECT_FALSE(session->twoScreens());
    session->apply(act::SetPresenter{true});  // F5: one screen
    EXPECT_FALSE(session->twoScreens());
    session->apply(act::SetPresenter{true, true});  // F6 from there: onto two
    EXPECT_TRUE(session->presenter());
    EXPECT_TRUE(session->twoScreens());
    session->apply(act::SetPresenter{false});  // F5 again
    EXPECT_FALSE(session->twoScreens());
    session->apply(act::SetPresenter{false, true});  // off is off, whatever the screens
    EXPECT_FALSE(session->twoScreens());
}

TEST(ViewerSession, the_teachers_desk_names_the_next_step_and_the_time_presented) {
    auto session = builtInSession();
    const Lesson lesson = builtInLesson("01-meet-the-psoas.toml");
    session->apply(act::OpenLesson{lesson, 0});
    auto view = ui::lessonViewOf(*session);
    ASSERT_TRUE(view);
    EXPECT_FALSE(view->presenterDesk);
    ui::addPresenterDesk(*view, *session, 725.4);
    EXPECT_TRUE(view->presenterDesk);
    EXPECT_EQ(view->nextStepTitle, lesson.steps[1].title);
    EXPECT_EQ(view->presentingFor, "12:05");
    ui::addPresenterDesk(*view, *session, 3725.0);
    EXPECT_EQ(view->presentingFor, "1:02:05");
    session->apply(act::LastStep{});
    view = ui::lessonViewOf(*session);
    ui::addPresenterDesk(*view, *session, 0.0);
    EXPECT_EQ(view->nextStepTitle, "");
    EXPECT_EQ(view->presentingFor, "0:00");
}

}  // namespace
}  // namespace psoas

namespace psoas {
namespace {

// Issue 13, drag to pose: Alt + drag on the right thigh flexes the right hip, the camera stays,
// and Ctrl+Z (act::UndoPoseDrag) brings back the pose before the drag.
TEST(DragToPose, an_alt_drag_on_the_thigh_flexes_its_hip_keeps_the_camera_and_undoes) {
    auto session = builtInSession();
    settle(*session);
    const auto onThigh = pointOn(*session, "femur_r");
    ASSERT_TRUE(onThigh.has_value());
    const CameraPose camera = session->camera().pose;
    const Pose before = session->motion().currentPose();
    const float lengthBefore = session->sceneMotion()->readout(kRightPsoasId)->lengthMm;

    session->apply(act::GrabJoint{*onThigh, kView, false});
    EXPECT_FALSE(session->holdingJoint()) << "without Alt or Move joints a drag orbits as before";
    session->apply(act::GrabJoint{*onThigh, kView, true});
    ASSERT_TRUE(session->holdingJoint());
    for (int i = 1; i <= 10; ++i) {
        session->apply(act::DragJoint{*onThigh + glm::vec2(0.0f, -8.0f * static_cast<float>(i))});
        session->advance(1.0 / 60.0);
    }
    session->apply(act::ReleaseJoint{});
    EXPECT_FALSE(session->holdingJoint());
    const Pose dragged = session->motion().currentPose();
    EXPECT_GT(dragged.hipRight.flexion, before.hipRight.flexion + 5.0f) << "up the screen lifts the thigh";
    EXPECT_LE(dragged.hipRight.flexion, 120.0f);
    EXPECT_EQ(dragged.hipLeft, before.hipLeft);
    EXPECT_EQ(dragged.lumbarExtension, before.lumbarExtension);
    EXPECT_EQ(session->camera().pose, camera) << "the camera does not move while a limb is dragged";
    EXPECT_LT(session->sceneMotion()->readout(kRightPsoasId)->lengthMm, lengthBefore - 2.0f) << "the psoas shortens as the hip flexes";

    ASSERT_TRUE(session->motion().canUndoDrag());
    session->apply(act::UndoPoseDrag{});
    settle(*session);
    EXPECT_EQ(session->motion().currentPose(), before);
    EXPECT_FALSE(session->motion().canUndoDrag());
}

TEST(DragToPose, move_joints_mode_needs_no_modifier_and_a_later_change_forgets_the_undo) {
    auto session = builtInSession();
    settle(*session);
    const auto onThigh = pointOn(*session, "femur_r");
    ASSERT_TRUE(onThigh.has_value());
    session->apply(act::SetMoveJoints{true});
    session->apply(act::GrabJoint{*onThigh, kView, false});
    ASSERT_TRUE(session->holdingJoint());
    session->apply(act::DragJoint{*onThigh + glm::vec2(0.0f, -40.0f)});
    session->apply(act::ReleaseJoint{});
    EXPECT_TRUE(session->motion().canUndoDrag());
    MotionChange slider;
    slider.joint = JointAngle{JointCoordinate::LeftHipFlexion, 30.0f};
    session->apply(act::ChangeMotion{slider});
    EXPECT_FALSE(session->motion().canUndoDrag()) << "Ctrl+Z undoes a drag only while it is the last change";

    // A grab on a structure no joint carries (the sacrum) holds nothing: the drag orbits.
    const auto onPelvis = pointOn(*session, "hip_bone_r");
    ASSERT_TRUE(onPelvis.has_value());
    session->apply(act::GrabJoint{*onPelvis, kView, true});
    EXPECT_FALSE(session->holdingJoint());
}

// An Alt drag on the right thigh, from a point on it `by` view pixels, released: false when no
// point of the thigh shows or the grab holds no joint.
bool dragRightThigh(ViewerSession& session, glm::vec2 by) {
    const auto onThigh = pointOn(session, "femur_r");
    if (!onThigh) return false;
    session.apply(act::GrabJoint{*onThigh, kView, true});
    if (!session.holdingJoint()) return false;
    session.apply(act::DragJoint{*onThigh + by});
    session.apply(act::ReleaseJoint{});
    return true;
}

// A drag on a looping motion takes over from it (the loop stops where the hand took it, as a joint
// control does); Ctrl+Z gives the loop back.
TEST(DragToPose, a_drag_stops_a_looping_motion_and_undo_gives_it_back) {
    const Lesson lesson = builtInLesson("03-actions.toml");
    const auto walking = std::find_if(lesson.steps.begin(), lesson.steps.end(),
                                      [](const LessonStep& step) { return step.title.rfind("Walking", 0) == 0; });
    ASSERT_NE(walking, lesson.steps.end());
    auto session = builtInSession();
    session->apply(act::OpenLesson{lesson, static_cast<int>(walking - lesson.steps.begin())});
    settle(*session);
    ASSERT_TRUE(session->motion().looping());
    ASSERT_TRUE(dragRightThigh(*session, {0.0f, -30.0f}));
    EXPECT_FALSE(session->motion().looping());
    const Pose held = session->motion().currentPose();
    settle(*session);
    EXPECT_EQ(session->motion().currentPose(), held) << "the body holds the dragged pose";
    session->apply(act::UndoPoseDrag{});
    EXPECT_TRUE(session->motion().looping());
}

// Drag after drag, Ctrl+Z goes back one drag at a time to the pose before the first (tester,
// session 9: a second Ctrl+Z did nothing and said it had restored the pose).
TEST(DragToPose, drags_one_after_another_undo_one_at_a_time) {
    auto session = builtInSession();
    settle(*session);
    const Pose standing = session->motion().currentPose();
    std::vector<Pose> after;
    for (int drag = 0; drag < 2; ++drag) {
        ASSERT_TRUE(dragRightThigh(*session, {0.0f, -30.0f}));
        settle(*session);
        after.push_back(session->motion().currentPose());
    }
    ASSERT_GT(after[1].hipRight.flexion, after[0].hipRight.flexion + 2.0f);
    session->apply(act::UndoPoseDrag{});
    settle(*session);
    EXPECT_EQ(session->motion().currentPose(), after[0]) << "the first Ctrl+Z undoes the second drag";
    ASSERT_TRUE(session->motion().canUndoDrag());
    session->apply(act::UndoPoseDrag{});
    settle(*session);
    EXPECT_EQ(session->motion().currentPose(), standing) << "the second undoes the first";
    EXPECT_FALSE(session->motion().canUndoDrag()) << "then nothing is left to undo";
}

// A page turned while the thigh is held ends the drag: the next step's pose is the step's, and the
// pointer moving on changes nothing (tester, session 9: the drag carried into the next step).
// Esc while dragging puts the body back where it was grabbed.
TEST(DragToPose, a_page_turn_ends_a_drag_and_esc_cancels_one) {
    const Lesson lesson = builtInLesson("03-actions.toml");
    auto session = builtInSession();
    session->apply(act::OpenLesson{lesson, 0});
    settle(*session);
    auto onThigh = pointOn(*session, "femur_r");
    ASSERT_TRUE(onThigh.has_value());
    session->apply(act::GrabJoint{*onThigh, kView, true});
    ASSERT_TRUE(session->holdingJoint());
    session->apply(act::DragJoint{*onThigh + glm::vec2(0.0f, -30.0f)});
    session->apply(act::NextStep{});
    EXPECT_FALSE(session->holdingJoint());
    settle(*session);
    const Pose stepPose = session->motion().currentPose();
    session->apply(act::DragJoint{*onThigh + glm::vec2(0.0f, -80.0f)});
    session->apply(act::ReleaseJoint{});
    settle(*session);
    EXPECT_EQ(session->motion().currentPose(), stepPose) << "the next step keeps its own pose";
    EXPECT_FALSE(session->motion().canUndoDrag());

    onThigh = pointOn(*session, "femur_r");
    ASSERT_TRUE(onThigh.has_value());
    session->apply(act::GrabJoint{*onThigh, kView, true});
    ASSERT_TRUE(session->holdingJoint());
    session->apply(act::DragJoint{*onThigh + glm::vec2(0.0f, -40.0f)});
    EXPECT_NE(session->motion().currentPose(), stepPose);
    session->apply(act::Escape{});
    EXPECT_FALSE(session->holdingJoint());
    settle(*session);
    EXPECT_EQ(session->motion().currentPose(), stepPose) << "Esc cancels the drag";
    EXPECT_FALSE(session->motion().canUndoDrag());
}

}  // namespace
}  // namespace psoas
