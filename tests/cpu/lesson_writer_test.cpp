#include "core/atlas.hpp"
#include "core/lesson.hpp"
#include "core/lesson_library.hpp"
#include "core/lesson_writer.hpp"

#include <gtest/gtest.h>

#include "support/test_paths.hpp"

namespace psoas {
namespace {

const std::filesystem::path kSource = psoas::test::sourceDirectory();

LessonVocabulary builtInVocabulary() {
    return makeVocabulary(loadAtlas(kSource / "models" / "atlas.toml"), listPoseIds(kSource / "models" / "poses"));
}

// What a lesson says, without where its file was and on which lines its steps began.
Lesson content(Lesson lesson) {
    lesson.file.clear();
    lesson.origin.clear();
    for (LessonStep& step : lesson.steps) step.line = 0;
    return lesson;
}

Lesson readBack(const Lesson& lesson, const LessonVocabulary& vocabulary) {
    return parseLesson(writeLesson(lesson), "written.toml", vocabulary);
}

TEST(LessonWriter, every_shipped_lesson_reads_back_identical) {
    const LessonVocabulary vocabulary = builtInVocabulary();
    int lessons = 0;
    for (const auto& entry : std::filesystem::directory_iterator(kSource / "lessons")) {
        if (entry.path().extension() != ".toml") continue;
        SCOPED_TRACE(entry.path().filename().string());
        const Lesson original = loadLesson(entry.path(), vocabulary);
        const std::string written = writeLesson(original);
        Lesson back;
        ASSERT_NO_THROW(back = parseLesson(written, "written.toml", vocabulary)) << written;
        EXPECT_TRUE(content(back) == content(original)) << written;
        EXPECT_EQ(writeLesson(back), written);  // writing is stable: a second save changes nothing
        ++lessons;
    }
    EXPECT_GE(lessons, 7);
}

LessonVocabulary smallVocabulary() {
    LessonVocabulary v;
    v.structures = {"psoas_major_r", "femur_r", "iliacus_r"};
    v.muscles = {"psoas_major_r", "iliacus_r"};
    v.landmarks = {"femur_r:lesser_trochanter"};
    v.groups = {"all", "bones", "muscles"};
    v.poses = {"neutral_standing", "sitting"};
    return v;
}

Lesson oneStep(LessonStep step) {
    Lesson lesson;
    lesson.id = "demo";
    lesson.title = "Demo";
    lesson.steps.push_back(std::move(step));
    return lesson;
}

TEST(LessonWriter, label_text_forms_and_special_characters_read_back) {
    LessonStep step;
    step.title = "Quotes \"here\" and a backslash \\ and a tab\t";
    step.text = "First line with **bold**\n\n- a bullet \"quoted\"\n- C:\\path\\ ends with a quote\"";
    step.notes = "Ünïcödé: Kleiner Rollhügel, 腰大筋, emoji-free\nsecond line\r\nwindows line\x01";
    step.labels = {{"psoas_major_r", ""},
                   {"femur_r:lesser_trochanter", "Kleiner \"Rollhügel\""},
                   {"iliacus_r", "two\nlines \\ and # not a comment"}};
    const Lesson lesson = oneStep(step);
    const Lesson back = readBack(lesson, smallVocabulary());
    EXPECT_TRUE(content(back) == content(lesson)) << writeLesson(lesson);
    EXPECT_NE(writeLesson(lesson).find("labels = [\"psoas_major_r\", { at = \"femur_r:lesser_trochanter\""), std::string::npos);
}

TEST(LessonWriter, text_that_starts_with_a_blank_line_or_ends_in_quotes_reads_back) {
    for (const char* text : {"\nstarts blank", "ends in quotes\"\"\"", "\"\"\"\n\"\"\"", "trailing newline\n", "\\\n"}) {
        LessonStep step;
        step.title = "T";
        step.text = text;
        const Lesson lesson = oneStep(step);
        EXPECT_TRUE(content(readBack(lesson, smallVocabulary())) == content(lesson)) << writeLesson(lesson);
    }
}

TEST(LessonWriter, camera_pose_motion_breathing_and_quiz_read_back) {
    LessonStep step;
    step.title = "Everything";
    step.camera = CameraPose{{0.013f, -0.25f, 0.1f}, 0.7321f, -37.5f, 12.25f};
    step.show = {"bones", "psoas_major_r"};
    step.fade = {"femur_r"};
    step.hide = {"iliacus_r"};
    step.highlight = {"psoas_major_r"};
    step.attachments = {"psoas_major_r", "iliacus_r"};
    Pose pose;
    pose.lumbarExtension = -12.5f;
    pose.hipRight.flexion = 45.3f;
    pose.hipLeft.abduction = 10.0f;
    pose.hipLeft.externalRotation = -5.0f;
    pose.bodyPitch = -90.0f;  // supine
    step.poseAngles = pose;
    step.breathing = StepBreathing{true, BreathDepth::Deep, 6.5, 4.0};
    step.lengthTags = true;
    step.colourByLength = true;
    step.autoRotate = true;
    step.durationSeconds = static_cast<float>(12.7);
    step.quiz = QuizQuestion{"Click the \"trochanter\"", {"femur_r:lesser_trochanter", "psoas_major_r:insertion"}, "Look low"};
    LessonStep second;
    second.title = "Preset view, pose id, breathing off";
    second.view = ViewPreset::Posterior;
    second.pose = "sitting";
    second.breathing = StepBreathing{};
    LessonStep third;
    third.title = "Breathing on, neutral angles";
    third.breathing = StepBreathing{true, BreathDepth::Quiet, 12.0, 1.0};
    third.poseAngles = Pose{};
    LessonStep walking;  // issue 13's looping motions: a built-in one and a cycle of poses
    walking.title = "Walking";
    walking.motion = StepMotion{"walking", {}, 0.0};  // a built-in motion has its own period
    LessonStep cycle;
    cycle.title = "Sit and stand";
    cycle.motion = StepMotion{"", {"neutral_standing", "sitting"}, 2.5};
    Lesson lesson = oneStep(step);
    lesson.summary = "A summary\nover two lines";
    lesson.audience = "Teachers";
    lesson.steps.push_back(second);
    lesson.steps.push_back(third);
    lesson.steps.push_back(walking);
    lesson.steps.push_back(cycle);
    const Lesson back = readBack(lesson, smallVocabulary());
    EXPECT_TRUE(content(back) == content(lesson)) << writeLesson(lesson);
}

TEST(LessonWriter, numbers_are_written_short_but_exact) {
    LessonStep step;
    step.title = "T";
    step.camera = CameraPose{{0.0f, 0.14f, -0.05f}, 1.0f, 35.0f, 15.0f};
    const std::string written = writeLesson(oneStep(step));
    EXPECT_NE(written.find("camera = { target = [0, 0.14, -0.05], distance = 1, yaw = 35, pitch = 15 }"), std::string::npos)
        << written;
}

TEST(LessonWriter, comments_are_found_outside_strings_only) {
    EXPECT_TRUE(hasTomlComments("# a note\nid = \"x\""));
    EXPECT_TRUE(hasTomlComments("id = \"x\"  # the id"));
    EXPECT_TRUE(hasTomlComments("text = \"\"\"\nC# is \"\"\" # after"));
    EXPECT_FALSE(hasTomlComments("id = \"x#y\"\ntext = '#'\nnotes = \"\"\"\n# not a comment \\\"\"\"\"\"\"\nt = '''#'''"));
    EXPECT_FALSE(hasTomlComments("title = \"a \\\" # still in the string\""));
    EXPECT_FALSE(hasTomlComments(writeLesson(oneStep(LessonStep{.title = "C# and #1"}))));
}

}  // namespace
}  // namespace psoas
