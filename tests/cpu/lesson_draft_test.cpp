// The in-program lesson editor's document (core/lesson_draft) and its view capture
// (core/step_capture), with no window: every edit undoes exactly, "unsaved" is what differs from
// the saved text, saves go where the user's lessons live, and a captured view stages to the same
// picture it was captured from.
#include "app/commands.hpp"
#include "core/atlas.hpp"
#include "core/lesson_draft.hpp"
#include "core/lesson_writer.hpp"
#include "core/motion/pose_file.hpp"
#include "core/step_capture.hpp"
#include "core/viewer_session.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "support/built_in_anatomy.hpp"
#include "support/test_paths.hpp"

namespace psoas {
namespace {

const std::filesystem::path kSource = psoas::test::sourceDirectory();

const Scene& builtInScene() {
    static const Scene scene = loadScene(test::builtInAtlas());
    return scene;
}

const std::vector<PoseFile>& builtInPoses() {
    static const std::vector<PoseFile> library = loadPoseLibrary(kSource / "models" / "poses");
    return library;
}

Lesson builtIn(const std::string& file) {
    Lesson lesson = loadLesson(kSource / "lessons" / file, app::builtInVocabulary());
    lesson.origin = "built-in";
    return lesson;
}

std::string fileText(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::filesystem::path freshFolder(const std::string& name) {
    return test::temporaryDirectory() / name;  // fresh, and not created: a save makes it
}

LessonStep namedStep(const std::string& title) {
    LessonStep step;
    step.title = title;
    return step;
}

std::vector<std::string> titles(const Lesson& lesson) {
    std::vector<std::string> out;
    for (const LessonStep& step : lesson.steps) out.push_back(step.title);
    return out;
}

TEST(LessonDraft, every_edit_undoes_and_redoes_exactly) {
    const Lesson original = builtIn("01-meet-the-psoas.toml");
    LessonDraft draft(original, "/nowhere/lesson.toml");
    const int count = static_cast<int>(original.steps.size());
    draft.addStep(namedStep("Added"), 0);
    EXPECT_EQ(draft.step(), 1);
    EXPECT_EQ(draft.lesson().steps[1].title, "Added");
    draft.duplicateStep(1);
    draft.moveStep(2, -1);
    draft.setText(1, "New words");
    draft.setNotes(1, "For me");
    draft.setDuration(1, 12.5);
    draft.deleteStep(0);
    draft.setLessonTitle("Renamed");
    EXPECT_EQ(static_cast<int>(draft.lesson().steps.size()), count + 1);
    std::vector<Lesson> seen;
    while (draft.canUndo()) {
        seen.push_back(draft.lesson());
        draft.undo();
    }
    EXPECT_EQ(seen.size(), 8u);
    EXPECT_TRUE(draft.lesson() == original);
    EXPECT_FALSE(draft.unsaved());
    for (auto it = seen.rbegin(); it != seen.rend(); ++it) {
        draft.redo();
        EXPECT_TRUE(draft.lesson() == *it);
    }
    EXPECT_FALSE(draft.canRedo());
}

TEST(LessonDraft, typing_in_one_field_is_one_undo_step_and_an_edit_drops_the_redo) {
    LessonDraft draft(builtIn("01-meet-the-psoas.toml"), "/nowhere/lesson.toml");
    const std::string before = draft.lesson().steps[0].title;
    for (const char* typed : {"A", "Ab", "Abc"}) draft.setTitle(0, typed);
    draft.setText(0, "text");
    draft.undo();
    EXPECT_EQ(draft.lesson().steps[0].title, "Abc");
    draft.undo();
    EXPECT_EQ(draft.lesson().steps[0].title, before);
    EXPECT_FALSE(draft.canUndo());
    draft.redo();
    draft.setNotes(0, "n");
    EXPECT_FALSE(draft.canRedo());
}

TEST(LessonDraft, an_edit_that_changes_nothing_is_no_undo_step_and_the_last_step_stays) {
    Lesson lesson = builtIn("01-meet-the-psoas.toml");
    lesson.steps.resize(1);
    LessonDraft draft(lesson, "/nowhere/lesson.toml");
    draft.setTitle(0, lesson.steps[0].title);
    draft.deleteStep(0);
    draft.moveStep(0, -1);
    EXPECT_FALSE(draft.canUndo());
    EXPECT_EQ(draft.lesson().steps.size(), 1u);
}

TEST(LessonDraft, unsaved_is_what_differs_from_the_saved_file_and_undo_returns_the_previous_file) {
    const std::filesystem::path folder = freshFolder("draft-save");
    const Lesson original = builtIn("02-attachments.toml");
    const std::filesystem::path file = draftFileFor(original, folder);
    EXPECT_EQ(file, folder / "02-attachments.toml");  // the built-in is copied into the user's folder
    LessonDraft draft(original, file);
    EXPECT_FALSE(draft.unsaved());
    EXPECT_FALSE(draft.onDisk());  // the copy is not in the user's folder until saved
    draft.setTitle(0, "Changed");
    EXPECT_TRUE(draft.unsaved());
    draft.undo();
    EXPECT_FALSE(draft.unsaved());  // back to what was opened: nothing to save
    draft.redo();
    ASSERT_EQ(draft.save(), "");
    EXPECT_FALSE(draft.unsaved());
    EXPECT_TRUE(draft.onDisk());
    const std::string edited = fileText(file);
    const Lesson saved = loadLesson(file, app::builtInVocabulary());
    EXPECT_EQ(saved.steps[0].title, "Changed");
    EXPECT_EQ(saved.id, original.id);  // same id: it replaces the built-in in the library
    Lesson reopened = saved;
    reopened.origin = "your lessons";
    EXPECT_TRUE(LessonDraft(reopened, draftFileFor(reopened, folder)).onDisk());  // the user's own file: edited in place

    draft.undo();
    EXPECT_TRUE(draft.unsaved());
    ASSERT_EQ(draft.save(), "");
    EXPECT_EQ(fileText(file), writeLesson(original));
    EXPECT_NE(fileText(file), edited);
}

const StructureInfo& builtInStructure(const std::string& id) {
    for (const SceneStructure& structure : builtInScene().structures)
        if (structure.info.id == id) return structure.info;
    throw std::runtime_error("no structure " + id + " in the built-in atlas");
}

glm::vec3 landmarkOf(const StructureInfo& structure, const std::string& id) {
    for (const Landmark& landmark : structure.landmarks)
        if (landmark.id == id) return landmark.position;
    throw std::runtime_error("no landmark " + id + " on " + structure.id);
}

TEST(LessonDraft, a_click_near_a_landmark_labels_the_landmark_and_elsewhere_the_structure) {
    const StructureInfo& femur = builtInStructure("femur_r");
    const glm::vec3 lesser = landmarkOf(femur, "lesser_trochanter");
    // 1.5 cm off the landmark (the click lands on the bone's surface, not on its marked point).
    EXPECT_EQ(labelForClick(femur, lesser + glm::vec3(0.015f, 0.0f, 0.0f)).at, "femur_r:lesser_trochanter");
    EXPECT_EQ(labelForClick(femur, lesser + glm::vec3(0.0f, -0.1f, 0.0f)).at, "femur_r");  // mid-shaft: the bone
    EXPECT_EQ(labelForClick(femur, lesser).text, "");  // the atlas's name until the teacher writes one
    const StructureInfo& psoas = builtInStructure("psoas_major_r");
    // Only the clicked structure's landmarks: the femur's condyles are no label for the psoas; the
    // psoas's own insertion beside the lesser trochanter is.
    EXPECT_EQ(labelForClick(psoas, landmarkOf(femur, "condyles_lowest")).at, "psoas_major_r");
    EXPECT_EQ(labelForClick(psoas, lesser).at, "psoas_major_r:insertion_lesser_trochanter");
}

TEST(LessonDraft, a_label_added_by_a_click_is_saved_read_back_removed_and_undone) {
    const std::filesystem::path folder = freshFolder("draft-labels");
    Lesson lesson;
    lesson.id = "labels";
    lesson.title = "Labels";
    lesson.steps = {namedStep("One"), namedStep("Two")};
    const std::filesystem::path file = folder / "labels.toml";
    LessonDraft draft(lesson, file);
    const StructureInfo& femur = builtInStructure("femur_r");
    draft.addLabel(1, labelForClick(femur, landmarkOf(femur, "lesser_trochanter")));
    draft.addLabel(1, labelForClick(builtInStructure("psoas_major_r"), glm::vec3(0.0f)));
    ASSERT_EQ(draft.lesson().steps[1].labels.size(), 2u);
    EXPECT_TRUE(draft.lesson().steps[0].labels.empty());
    EXPECT_EQ(draft.step(), 1);
    ASSERT_EQ(draft.save(), "");
    const Lesson saved = loadLesson(file, app::builtInVocabulary());
    ASSERT_EQ(saved.steps.size(), 2u);
    ASSERT_EQ(saved.steps[1].labels.size(), 2u);
    EXPECT_EQ(saved.steps[1].labels[0].at, "femur_r:lesser_trochanter");  // at the same point, read back
    EXPECT_EQ(saved.steps[1].labels[1].at, "psoas_major_r");
    EXPECT_EQ(saved.steps[1].labels, draft.lesson().steps[1].labels);

    draft.removeLabel(1, 0);  // the list's Remove
    ASSERT_EQ(draft.lesson().steps[1].labels.size(), 1u);
    EXPECT_EQ(draft.lesson().steps[1].labels[0].at, "psoas_major_r");
    EXPECT_TRUE(draft.unsaved());
    draft.removeLabel(1, 5);  // out of range: no edit, no undo step
    draft.undo();             // Ctrl+Z brings the removed label back
    EXPECT_EQ(draft.lesson().steps[1].labels, saved.steps[1].labels);
    EXPECT_FALSE(draft.unsaved());
    draft.undo();  // and one more takes the last added label away again
    ASSERT_EQ(draft.lesson().steps[1].labels.size(), 1u);
    EXPECT_EQ(draft.lesson().steps[1].labels[0].at, "femur_r:lesser_trochanter");
}

// A second click on the same spot labels what lies behind (issue 14): the label is replaced in its
// place in the list, as one undo step; nothing when the old label is gone or the new one is there.
TEST(LessonDraft, a_replaced_label_keeps_its_place_and_is_one_undo_step) {
    Lesson lesson;
    lesson.id = "behind";
    lesson.title = "Behind";
    lesson.steps = {namedStep("One")};
    lesson.steps[0].labels = {{"psoas_minor_r", ""}, {"l3", ""}};
    LessonDraft draft(lesson, freshFolder("draft-replace") / "behind.toml");
    draft.replaceLabel(0, "psoas_minor_r", {"psoas_major_r", ""});
    const std::vector<LessonLabel> replaced{{"psoas_major_r", ""}, {"l3", ""}};
    EXPECT_EQ(draft.lesson().steps[0].labels, replaced);
    draft.replaceLabel(0, "psoas_minor_r", {"iliacus_r", ""});  // no longer there
    draft.replaceLabel(0, "psoas_major_r", {"l3", ""});         // labelled already
    EXPECT_EQ(draft.lesson().steps[0].labels, replaced);
    draft.undo();
    EXPECT_EQ(draft.lesson().steps[0].labels, lesson.steps[0].labels);
    EXPECT_FALSE(draft.canUndo());
}

// Issue 14: a label with the teacher's own words. Typing into one label's field is one undo step;
// emptying it gives the atlas's name back; the file writes `{ at, text }` for that label only.
TEST(LessonDraft, a_labels_own_words_are_one_undo_step_cleared_saved_as_a_table_and_read_back) {
    const std::filesystem::path folder = freshFolder("draft-label-text");
    Lesson lesson;
    lesson.id = "own-words";
    lesson.title = "Own words";
    lesson.steps = {namedStep("One")};
    lesson.steps[0].labels = {{"psoas_major_r", ""}, {"femur_r:lesser_trochanter", ""}};
    const std::filesystem::path file = folder / "own-words.toml";
    LessonDraft draft(lesson, file);
    const std::string words = "Kleiner \"Rollh\xC3\xBCgel\" \\ Trochanter minor\nzweite Zeile";
    for (std::size_t typed = 1; typed <= words.size(); ++typed) draft.setLabelText(0, 1, words.substr(0, typed));
    EXPECT_EQ(draft.lesson().steps[0].labels[1].text, words);
    EXPECT_EQ(draft.lesson().steps[0].labels[0].text, "");  // the other label keeps the atlas's name
    draft.setLabelText(0, 7, "nowhere");                    // out of range: no edit, no undo step
    draft.undo();                                           // the whole typing is one undo step
    EXPECT_TRUE(draft.lesson() == lesson);
    EXPECT_FALSE(draft.canUndo());
    draft.redo();
    EXPECT_EQ(draft.lesson().steps[0].labels[1].text, words);

    ASSERT_EQ(draft.save(), "");
    const std::string written = fileText(file);
    EXPECT_NE(written.find("labels = [\"psoas_major_r\", { at = \"femur_r:lesser_trochanter\", text = "
                           "\"Kleiner \\\"Rollh\xC3\xBCgel\\\" \\\\ Trochanter minor\\nzweite Zeile\" }]"),
              std::string::npos)
        << written;
    const Lesson back = loadLesson(file, app::builtInVocabulary());
    EXPECT_EQ(back.steps[0].labels, draft.lesson().steps[0].labels);

    draft.setLabelText(0, 1, "");  // emptied: the atlas's name again, written as the plain id
    EXPECT_EQ(draft.lesson().steps[0].labels, lesson.steps[0].labels);
    ASSERT_EQ(draft.save(), "");
    EXPECT_NE(fileText(file).find("labels = [\"psoas_major_r\", \"femur_r:lesser_trochanter\"]"), std::string::npos) << fileText(file);
    draft.undo();  // Ctrl+Z: the words again
    EXPECT_EQ(draft.lesson().steps[0].labels[1].text, words);
    EXPECT_TRUE(draft.unsaved());
    draft.redo();  // Ctrl+Shift+Z: empty again, as saved
    EXPECT_EQ(draft.lesson().steps[0].labels[1].text, "");
    EXPECT_FALSE(draft.unsaved());
}

// Typing one label's words after typing another's, after a Remove, or after the field let go of
// the keyboard (Enter, a click elsewhere) starts a new undo step.
TEST(LessonDraft, words_typed_for_two_labels_or_in_two_visits_to_a_field_are_two_undo_steps) {
    Lesson lesson;
    lesson.id = "two";
    lesson.title = "Two";
    lesson.steps = {namedStep("One")};
    lesson.steps[0].labels = {{"psoas_major_r", ""}, {"iliacus_r", ""}, {"l3", ""}};
    LessonDraft draft(lesson, "/nowhere/two.toml");
    draft.setLabelText(0, 0, "P");
    draft.setLabelText(0, 0, "Psoas");
    draft.setLabelText(0, 1, "Iliacus");
    draft.removeLabel(0, 2);
    draft.setLabelText(0, 1, "Darmbeinmuskel");
    draft.undo();
    EXPECT_EQ(draft.lesson().steps[0].labels[1].text, "Iliacus");
    draft.undo();
    EXPECT_EQ(draft.lesson().steps[0].labels.size(), 3u);
    draft.undo();
    EXPECT_EQ(draft.lesson().steps[0].labels[1].text, "");
    EXPECT_EQ(draft.lesson().steps[0].labels[0].text, "Psoas");
    draft.undo();
    EXPECT_TRUE(draft.lesson() == lesson);

    draft.setLabelText(0, 2, "Dritter");
    draft.endTyping();  // the field let go of the keyboard
    draft.setLabelText(0, 2, "Dritter Lendenwirbel");
    draft.undo();
    EXPECT_EQ(draft.lesson().steps[0].labels[2].text, "Dritter");
}

TEST(LessonDraft, a_built_in_copy_never_takes_the_name_of_another_file) {
    const std::filesystem::path folder = freshFolder("draft-names");
    std::filesystem::create_directories(folder);
    std::ofstream(folder / "02-attachments.toml") << "id = \"other\"\n";
    EXPECT_EQ(draftFileFor(builtIn("02-attachments.toml"), folder), folder / "02-attachments-2.toml");
    Lesson own = builtIn("02-attachments.toml");
    own.origin = "your lessons";
    own.file = folder / "mine.toml";
    EXPECT_EQ(draftFileFor(own, folder), folder / "mine.toml");  // the teacher's own file is saved in place
}

TEST(LessonDraft, saving_over_a_hand_written_file_with_comments_is_told_first) {
    const std::filesystem::path folder = freshFolder("draft-comments");
    std::filesystem::create_directories(folder);
    std::filesystem::copy_file(kSource / "lessons" / "03-actions.toml", folder / "03-actions.toml");
    Lesson own = loadLesson(folder / "03-actions.toml", app::builtInVocabulary());
    own.origin = "your lessons";
    LessonDraft draft(own, draftFileFor(own, folder));
    EXPECT_TRUE(draft.saveLosesComments());
    ASSERT_EQ(draft.save(), "");
    EXPECT_FALSE(draft.saveLosesComments());  // the editor's own file has none
    EXPECT_FALSE(LessonDraft(own, folder / "absent.toml").saveLosesComments());
}

TEST(LessonDraft, a_save_that_cannot_be_written_says_so_in_one_line_and_stays_unsaved) {
    const std::filesystem::path folder = freshFolder("draft-blocked");
    std::filesystem::create_directories(folder);
    std::ofstream(folder / "file") << "x";
    LessonDraft draft(builtIn("01-meet-the-psoas.toml"), folder / "file" / "lesson.toml");  // a file as folder
    draft.setTitle(0, "Changed");
    const std::string problem = draft.save();
    EXPECT_NE(problem, "");
    EXPECT_EQ(problem.find('\n'), std::string::npos);
    EXPECT_TRUE(draft.unsaved());
}

TEST(LessonDraft, a_new_lesson_is_unsaved_until_saved_and_takes_a_free_id) {
    const std::filesystem::path folder = freshFolder("draft-new");
    std::filesystem::create_directories(folder);
    std::ofstream(folder / "my-lesson.toml") << "id = \"my-lesson\"\n";
    const Lesson lesson = newLesson(namedStep("First view"), folder);
    EXPECT_EQ(lesson.id, "my-lesson-2");
    LessonDraft draft = LessonDraft::unsavedNew(lesson, lesson.file);
    EXPECT_TRUE(draft.unsaved());
    EXPECT_TRUE(draft.savedLesson().steps.empty());
    EXPECT_FALSE(draft.onDisk());
    ASSERT_EQ(draft.save(), "");
    EXPECT_FALSE(draft.unsaved());
    EXPECT_TRUE(draft.onDisk());
    const Lesson back = loadLesson(folder / "my-lesson-2.toml", app::builtInVocabulary());
    EXPECT_EQ(back.id, "my-lesson-2");
    EXPECT_EQ(titles(back), std::vector<std::string>{"First view"});
}

std::unique_ptr<ViewerSession> builtInSession() {
    SessionSetup setup;
    setup.poses = builtInPoses();
    setup.withMotion = true;
    setup.viewAspect = 16.0f / 9.0f;
    return std::make_unique<ViewerSession>(builtInScene(), std::move(setup));
}

void settle(ViewerSession& session) {
    for (int frame = 0; frame < 240; ++frame) session.advance(1.0 / 60.0);
}

TEST(StepCapture, a_captured_view_stages_to_what_the_viewer_showed) {
    auto session = builtInSession();
    const Lesson lesson = builtIn("04-breathing.toml");
    session->apply(act::OpenLesson{lesson, 1});
    settle(*session);
    session->apply(act::Orbit{{140.0f, -60.0f}});
    session->apply(act::Isolate{builtInScene().findStructure("psoas_major_r")});
    session->apply(act::LeaveIsolation{});
    session->apply(act::SetVisible{builtInScene().findStructure("l2"), false});
    session->apply(act::SetOpacity{builtInScene().findStructure("l1"), 0.3f});
    MotionChange change;
    change.joint = JointAngle{JointCoordinate::RightHipFlexion, 35.0f};
    change.breathing = true;
    change.lengthTags = true;
    session->apply(act::ChangeMotion{change});
    settle(*session);
    const CameraPose seen = session->camera().pose;
    const LessonStep captured = captureView(*session);

    // The step read back from a saved file stages the same visibility, motion and camera.
    Lesson withStep = lesson;
    withStep.steps.push_back(captured);
    const Lesson back = parseLesson(writeLesson(withStep), "back.toml", app::builtInVocabulary());
    const LessonStep& step = back.steps.back();
    const StagedStep staged = stageStep(step, builtInScene(), builtInPoses(), true);
    for (std::size_t i = 0; i < builtInScene().structures.size(); ++i) {
        SCOPED_TRACE(builtInScene().structures[i].info.id);
        EXPECT_EQ(staged.visibility.visible(i), session->visibility().visible(i));
        EXPECT_EQ(staged.visibility.opacity(i) < 1.0f, session->visibility().opacity(i) < 1.0f);
    }
    EXPECT_TRUE(staged.motion == session->motion().settings());
    std::vector<LessonLabel> stillShown = lesson.steps[1].labels;  // l2 is hidden now: its label goes
    std::erase_if(stillShown, [](const LessonLabel& label) { return label.at == "l2"; });
    ASSERT_EQ(stillShown.size() + 1, lesson.steps[1].labels.size());
    EXPECT_EQ(step.labels, stillShown);
    EXPECT_EQ(step.attachments, lesson.steps[1].attachments);

    auto replay = builtInSession();
    replay->apply(act::OpenLesson{back, static_cast<int>(back.steps.size()) - 1});
    settle(*replay);
    const CameraPose replayed = replay->camera().pose;  // kept to 0.01 mm and 0.001 degrees
    EXPECT_NEAR(glm::distance(replayed.target, seen.target), 0.0f, 1e-5f);
    EXPECT_NEAR(replayed.distance, seen.distance, 1e-5f);
    EXPECT_NEAR(replayed.yawDegrees, seen.yawDegrees, 0.001f);
    EXPECT_NEAR(replayed.pitchDegrees, seen.pitchDegrees, 0.001f);
    EXPECT_TRUE(replay->motion().settings() == session->motion().settings());
}

// The editor shows each edit through act::EditLesson. A label's new words show on the model at
// once and, like a step's text, move nothing else: the camera the teacher turned, the selection
// and what they hid stay (restaging each typed letter put the step's camera back).
TEST(StepCapture, a_labels_new_words_show_at_once_and_leave_the_view_as_it_is) {
    auto session = builtInSession();
    const Lesson lesson = builtIn("01-meet-the-psoas.toml");
    session->apply(act::OpenLesson{lesson, 2});
    settle(*session);
    session->apply(act::Orbit{{90.0f, 20.0f}});
    const int l3 = builtInScene().findStructure("l3");
    session->apply(act::SetVisible{l3, false});
    session->apply(act::Select{builtInScene().findStructure("femur_r")});
    settle(*session);
    const CameraPose turned = session->camera().pose;

    Lesson edited = lesson;
    auto& labels = edited.steps[2].labels;
    const auto at = std::find_if(labels.begin(), labels.end(), [](const LessonLabel& l) { return l.at == "femur_r:lesser_trochanter"; });
    ASSERT_NE(at, labels.end());
    at->text = "Kleiner Rollh\xC3\xBCgel";
    session->apply(act::EditLesson{edited, 2});
    session->advance(1.0 / 60.0);
    const std::vector<PosedLabel> shown = session->labels();
    EXPECT_TRUE(std::any_of(shown.begin(), shown.end(), [](const PosedLabel& l) { return l.text == "Kleiner Rollh\xC3\xBCgel"; }));
    EXPECT_TRUE(std::none_of(shown.begin(), shown.end(), [](const PosedLabel& l) { return l.text == "Lesser trochanter"; }));
    settle(*session);
    EXPECT_NEAR(session->camera().pose.yawDegrees, turned.yawDegrees, 1e-3f);
    EXPECT_NEAR(session->camera().pose.pitchDegrees, turned.pitchDegrees, 1e-3f);
    EXPECT_FALSE(session->visibility().visible(static_cast<std::size_t>(l3)));
    EXPECT_EQ(session->selected(), builtInScene().findStructure("femur_r"));

    // A label added by a click, the same (fresh tester, session 12: the view glided back to the
    // step's camera, and the second click on the same spot hit another structure).
    labels.push_back({"l4", ""});
    session->apply(act::EditLesson{edited, 2});
    session->advance(1.0 / 60.0);
    const std::vector<PosedLabel> added = session->labels();
    const int l4 = builtInScene().findStructure("l4");
    EXPECT_TRUE(std::any_of(added.begin(), added.end(), [&](const PosedLabel& l) { return l.structure == l4; }));
    settle(*session);
    EXPECT_NEAR(session->camera().pose.yawDegrees, turned.yawDegrees, 1e-3f);
    EXPECT_NEAR(session->camera().pose.pitchDegrees, turned.pitchDegrees, 1e-3f);
    EXPECT_FALSE(session->visibility().visible(static_cast<std::size_t>(l3)));
}

TEST(StepCapture, lists_name_whole_groups_and_yaw_stays_within_half_a_turn) {
    auto session = builtInSession();
    session->apply(act::Isolate{builtInScene().findStructure("psoas_major_r")});
    CameraPose pose = session->camera().pose;
    pose.yawDegrees = 540.0f + 30.0f;
    session->apply(act::SetCamera{pose});
    const LessonStep captured = captureView(*session);
    EXPECT_EQ(captured.show, std::vector<std::string>{"psoas_major_r"});
    EXPECT_TRUE(captured.hide.empty());
    EXPECT_NEAR(captured.camera->yawDegrees, -150.0f, 1e-3f);

    session->apply(act::LeaveIsolation{});
    for (std::size_t i = 0; i < builtInScene().structures.size(); ++i)
        if (builtInScene().structures[i].info.group == StructureGroup::Disc) session->apply(act::SetVisible{static_cast<int>(i), false});
    EXPECT_EQ(captureView(*session).hide, std::vector<std::string>{"discs"});
}

TEST(StepCapture, labels_and_highlights_on_structures_the_view_hides_are_left_out) {
    auto session = builtInSession();
    const Lesson lesson = builtIn("01-meet-the-psoas.toml");
    session->apply(act::OpenLesson{lesson, 0});
    session->apply(act::Isolate{builtInScene().findStructure("psoas_major_r")});
    const LessonStep captured = captureView(*session);
    EXPECT_EQ(captured.highlight, std::vector<std::string>{"psoas_major_r"});  // the step had both psoas majors
    ASSERT_EQ(captured.labels.size(), 1u);
    EXPECT_EQ(captured.labels[0].at, "psoas_major_r");
    session->apply(act::SetVisible{builtInScene().findStructure("psoas_major_r"), false});
    EXPECT_TRUE(captureView(*session).labels.empty());
}

TEST(StepCapture, update_keeps_the_parts_not_chosen) {
    LessonStep step = namedStep("Mine");
    step.text = "words";
    step.view = ViewPreset::Left;
    step.pose = "sitting";
    LessonStep captured = namedStep("New step");
    captured.camera = CameraPose{{0.0f, 0.1f, 0.0f}, 0.8f, 10.0f, 5.0f};
    captured.hide = {"discs"};
    const LessonStep updated = withViewParts(step, captured, static_cast<unsigned>(ViewPart::Camera));
    EXPECT_EQ(updated.title, "Mine");
    EXPECT_EQ(updated.text, "words");
    EXPECT_FALSE(updated.view);
    EXPECT_TRUE(updated.camera == captured.camera);
    EXPECT_TRUE(updated.hide.empty());
    EXPECT_EQ(updated.pose, "sitting");
}

}  // namespace
}  // namespace psoas
