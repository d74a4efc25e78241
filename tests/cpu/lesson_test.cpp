#include "core/atlas.hpp"
#include "core/lesson.hpp"
#include "core/lesson_library.hpp"
#include "core/lesson_player.hpp"
#include "core/rich_text.hpp"

#include <gtest/gtest.h>

#include <regex>

#include <fstream>

#include "support/test_paths.hpp"

namespace psoas {
namespace {

const std::filesystem::path kSource = psoas::test::sourceDirectory();

LessonVocabulary builtInVocabulary() {
    return makeVocabulary(loadAtlas(kSource / "models" / "atlas.toml"), listPoseIds(kSource / "models" / "poses"));
}

LessonVocabulary smallVocabulary() {
    LessonVocabulary v;
    v.structures = {"psoas_major_r", "psoas_major_l", "femur_r", "iliacus_r"};
    v.muscles = {"psoas_major_r", "psoas_major_l", "iliacus_r"};
    v.landmarks = {"femur_r:lesser_trochanter"};
    v.groups = {"all", "bones", "muscles", "discs", "ligaments"};
    v.poses = {"neutral_standing", "sitting"};
    return v;
}

std::vector<std::string> problemsIn(std::string_view text) {
    try {
        parseLesson(text, "lesson.toml", smallVocabulary());
    } catch (const DataFileError& e) {
        std::vector<std::string> lines;
        for (const auto& d : e.diagnostics()) lines.push_back(d.format());
        return lines;
    }
    return {};
}

TEST(Lesson, reads_every_step_field) {
    const Lesson lesson = parseLesson(R"(id = "demo"
title = "Demo"
summary = "S"
audience = "A"
[[step]]
title = "One"
text = "Hello"
camera = "left"
show = ["bones", "psoas_major_r"]
fade = "femur_r"
hide = []
highlight = ["psoas_major_r"]
attachments = ["psoas_major_r"]
labels = ["psoas_major_r", "femur_r:lesser_trochanter"]
pose = "sitting"
breathing = { on = true, depth = "deep", rate = 10, exaggeration = 5 }
colour_by_length = true
auto_rotate = true
duration = 12.5
notes = "N"
[[step]]
title = "Two"
camera = { target = [0, 0.1, 0], distance = 0.9, yaw = 30, pitch = 10 }
breathing = false
)",
                                      "demo.toml", smallVocabulary());
    EXPECT_EQ(lesson.id, "demo");
    ASSERT_EQ(lesson.steps.size(), 2u);
    const LessonStep& one = lesson.steps[0];
    EXPECT_EQ(one.line, 5);
    EXPECT_EQ(one.view, ViewPreset::Left);
    EXPECT_EQ(one.show, (std::vector<std::string>{"bones", "psoas_major_r"}));
    EXPECT_EQ(one.fade, (std::vector<std::string>{"femur_r"}));
    EXPECT_EQ(one.labels.size(), 2u);
    EXPECT_EQ(one.pose, "sitting");
    ASSERT_TRUE(one.breathing.has_value());
    EXPECT_EQ(one.breathing->depth, BreathDepth::Deep);
    EXPECT_DOUBLE_EQ(one.breathing->exaggeration, 5.0);
    EXPECT_TRUE(one.colourByLength);
    EXPECT_DOUBLE_EQ(one.durationSeconds, 12.5);
    const LessonStep& two = lesson.steps[1];
    ASSERT_TRUE(two.camera.has_value());
    EXPECT_FLOAT_EQ(two.camera->distance, 0.9f);
    ASSERT_TRUE(two.breathing.has_value());
    EXPECT_FALSE(two.breathing->on);
}

TEST(Lesson, unknown_ids_are_reported_where_they_are_with_a_suggestion) {
    const auto problems = problemsIn("id = \"x\"\ntitle = \"X\"\n[[step]]\ntitle = \"S\"\nshow = [\"bones\", \"psoas_mayor_r\"]\npose = \"siting\"\n");
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0], "lesson.toml:5:18: unknown structure or group 'psoas_mayor_r' in 'show' (did you mean 'psoas_major_r'?)");
    EXPECT_EQ(problems[1], "lesson.toml:6:8: unknown pose 'siting' in 'pose' (did you mean 'sitting'?)");
}

// Issue 14: a German lesson still showed "Right psoas major"; a label may carry the teacher's words.
TEST(Lesson, a_label_may_carry_the_teachers_own_words) {
    const Lesson lesson = parseLesson(R"(id = "de"
title = "Der Psoas"
[[step]]
title = "Eins"
labels = ["psoas_major_r", { at = "femur_r:lesser_trochanter", text = "Kleiner Rollhügel" }, { at = "iliacus_r" }]
)",
                                      "de.toml", smallVocabulary());
    const std::vector<LessonLabel>& labels = lesson.steps[0].labels;
    ASSERT_EQ(labels.size(), 3u);
    EXPECT_EQ(labels[0].at, "psoas_major_r");
    EXPECT_EQ(labels[0].text, "");
    EXPECT_EQ(labels[1].at, "femur_r:lesser_trochanter");
    EXPECT_EQ(labels[1].text, "Kleiner Rollhügel");
    EXPECT_EQ(labels[2].at, "iliacus_r");

    const auto problems = problemsIn("id = \"x\"\ntitle = \"X\"\n[[step]]\ntitle = \"S\"\n"
                                     "labels = [{ at = \"femur_r:lesser_trochantr\", text = \"LT\" }, { text = \"no place\" }, 3, "
                                     "{ at = \"femur_r\", txt = \"x\" }]\n");
    ASSERT_EQ(problems.size(), 4u);
    EXPECT_EQ(problems[0], "lesson.toml:5:18: unknown structure or landmark 'femur_r:lesser_trochantr' in 'labels' (did you mean "
                           "'femur_r:lesser_trochanter'?)");
    EXPECT_EQ(problems[1], "lesson.toml:5:61: a label needs 'at'");
    EXPECT_EQ(problems[2], "lesson.toml:5:84: every item of 'labels' must be an id or a table { at = \"id\", text = \"words\" }");
    EXPECT_EQ(problems[3], "lesson.toml:5:105: unknown key 'txt' in a label (did you mean 'text'?)");
}

TEST(Lesson, a_lesson_without_steps_is_an_error) {
    const auto problems = problemsIn("id = \"x\"\ntitle = \"X\"\n");
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0], "lesson.toml:1:1: the lesson has no steps; add at least one [[step]] with a title");
}

TEST(RichText, paragraphs_bullets_bold_and_italic) {
    const auto blocks = parseRichText("First **bold** and *it*.\nSame paragraph.\n\n- one\n- two *x*\n\nLast 2 * 3");
    ASSERT_EQ(blocks.size(), 4u);
    EXPECT_FALSE(blocks[0].bullet);
    ASSERT_EQ(blocks[0].spans.size(), 5u);
    EXPECT_EQ(blocks[0].spans[1].text, "bold");
    EXPECT_TRUE(blocks[0].spans[1].bold);
    EXPECT_TRUE(blocks[0].spans[3].italic);
    EXPECT_EQ(blocks[0].spans[4].text, ". Same paragraph.");
    EXPECT_TRUE(blocks[1].bullet);
    EXPECT_TRUE(blocks[2].bullet);
    EXPECT_TRUE(blocks[2].spans[1].italic);
    EXPECT_EQ(blocks[3].spans[0].text, "Last 2 * 3");  // an unmatched star is just a star
}

// A lesson of three empty steps.
Lesson threeSteps() {
    Lesson lesson;
    lesson.steps.resize(3);
    return lesson;
}

TEST(LessonPlayer, steps_forward_and_back_within_the_lesson) {
    LessonPlayer player;
    player.open(threeSteps(), 1);
    const auto r0 = player.revision();
    EXPECT_TRUE(player.next());
    EXPECT_EQ(player.stepIndex(), 2);
    EXPECT_FALSE(player.next());
    EXPECT_GT(player.revision(), r0);
    player.first();
    EXPECT_FALSE(player.previous());
    player.jump(99);
    EXPECT_EQ(player.stepIndex(), 2);
}

// Fresh tester, issue 14: Home on the first step kept a scrolled caption (title out of sight). Home
// shows the first step afresh: a new revision even when it is already shown, as a step change.
TEST(LessonPlayer, first_starts_the_first_step_afresh_even_when_it_is_shown) {
    LessonPlayer player;
    player.open(threeSteps(), 0);
    const auto shown = player.revision();
    player.first();
    EXPECT_EQ(player.stepIndex(), 0);
    EXPECT_GT(player.revision(), shown);
    LessonPlayer closed;
    closed.first();
    EXPECT_FALSE(closed.active());
    EXPECT_EQ(closed.stepIndex(), 0);
}

TEST(LessonPlayer, reload_stays_on_the_step_when_it_still_exists) {
    Lesson lesson;
    lesson.steps.resize(5);
    LessonPlayer player;
    player.open(lesson, 3);
    lesson.steps.resize(4);
    player.reload(lesson);
    EXPECT_EQ(player.stepIndex(), 3);
    lesson.steps.resize(2);
    player.reload(lesson);
    EXPECT_EQ(player.stepIndex(), 1);
}

TEST(LessonLibrary, a_teachers_lesson_overrides_the_built_in_one_and_bad_files_keep_their_errors) {
    const auto builtIn = test::temporaryDirectory(), mine = test::temporaryDirectory();
    std::ofstream(builtIn / "01-a.toml") << "id = \"a\"\ntitle = \"Built-in A\"\n[[step]]\ntitle = \"s\"\n";
    std::ofstream(builtIn / "02-b.toml") << "id = \"b\"\ntitle = \"B\"\n[[step]]\ntitle = \"s\"\n";
    std::ofstream(mine / "a.toml") << "id = \"a\"\ntitle = \"My A\"\n[[step]]\ntitle = \"s\"\n";
    std::ofstream(mine / "broken.toml") << "id = \"c\"\ntitle = \"C\"\n[[step]]\ntitel = \"s\"\n";
    const auto library = LessonLibrary::load({{builtIn, "built-in"}, {mine, "your lessons"}}, smallVocabulary());
    ASSERT_EQ(library.entries().size(), 3u);
    ASSERT_NE(library.find("a"), nullptr);
    EXPECT_EQ(library.find("a")->title, "My A");
    EXPECT_EQ(library.entries()[0].origin, "your lessons");
    EXPECT_EQ(library.entries()[0].overrides, "built-in");
    EXPECT_EQ(library.find("c"), nullptr);
    const auto problems = library.problems();
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].format().find("unknown key 'titel' in step 1 (did you mean 'title'?)"), std::string::npos);
}

// Issue 14 (a teacher tester): a file copied to make a variant kept its id, and one of the two
// silently hid the other. The later file of one folder is a problem, at its id, broken or not; the
// earlier one still opens. Between sources the later one replaces the earlier (an override).
TEST(LessonLibrary, two_files_of_one_folder_with_one_id_make_the_later_one_a_problem_at_its_id) {
    const auto mine = test::temporaryDirectory(), course = test::temporaryDirectory();
    std::ofstream(mine / "01-a.toml") << "id = \"my-lesson\"\ntitle = \"A\"\n[[step]]\ntitle = \"s\"\n";
    std::ofstream(mine / "02-copy.toml") << "# my variant\nid = \"my-lesson\"\ntitle = \"Copy\"\n[[step]]\ntitle = \"s\"\n";
    std::ofstream(mine / "03-broken.toml") << "id = \"b\"\ntitle = \"B\"\n[[step]]\ntitel = \"s\"\n";
    std::ofstream(mine / "04-good.toml") << "id = \"b\"\ntitle = \"Good B\"\n[[step]]\ntitle = \"s\"\n";
    std::ofstream(course / "a.toml") << "id = \"my-lesson\"\ntitle = \"Course A\"\n[[step]]\ntitle = \"s\"\n";

    const auto library = LessonLibrary::load({{mine, "your lessons"}}, smallVocabulary());
    ASSERT_EQ(library.entries().size(), 4u);
    ASSERT_NE(library.find("my-lesson"), nullptr);
    EXPECT_EQ(library.find("my-lesson")->title, "A") << "the first file opens";
    const LessonEntry& copy = library.entries()[1];
    EXPECT_FALSE(copy.lesson.has_value()) << "the copy is marked, so it cannot be opened by mistake";
    EXPECT_EQ(copy.title, "Copy");
    ASSERT_EQ(copy.problems.size(), 1u);
    EXPECT_EQ(copy.problems[0].format(),
              (mine / "02-copy.toml").string() + ":2:6: lesson id \"my-lesson\" is used by 01-a.toml too; ids must be unique (rename one)");
    // A broken file claims its id too: the good file after it does not silently stand in for it.
    EXPECT_EQ(library.find("b"), nullptr);
    ASSERT_EQ(library.entries()[3].problems.size(), 1u);
    EXPECT_EQ(library.entries()[3].problems[0].format(),
              (mine / "04-good.toml").string() + ":1:6: lesson id \"b\" is used by 03-broken.toml too; ids must be unique (rename one)");

    // Another folder's lesson with the id replaces the first one, as a teacher's replaces a built-in.
    const auto both = LessonLibrary::load({{mine, "your lessons"}, {course, course.string(), true}}, smallVocabulary());
    ASSERT_NE(both.find("my-lesson"), nullptr);
    EXPECT_EQ(both.find("my-lesson")->title, "Course A");
    EXPECT_EQ(both.entries()[0].overrides, "your lessons");
    EXPECT_EQ(both.entries()[0].problems.size(), 0u);
}

// A newcomer's lesson with a typo vanished: --list-lessons left it out and --lesson ID said "no
// lesson 'ID'". Its entry keeps the id and title the file gives, so it stays findable and listed.
TEST(LessonLibrary, a_lesson_with_problems_keeps_its_id_and_title_and_is_found_by_its_id) {
    const auto mine = test::temporaryDirectory();
    std::ofstream(mine / "01-broken.toml") << "id = \"c\"\ntitle = \"C\"\n[[step]]\ntitel = \"s\"\n";
    std::ofstream(mine / "02-not-toml.toml") << "id = \n";
    std::ofstream(mine / "03-good.toml") << "id = \"g\"\ntitle = \"G\"\n[[step]]\ntitle = \"s\"\n";
    const auto library = LessonLibrary::load({{mine, "your lessons"}}, smallVocabulary());
    ASSERT_EQ(library.entries().size(), 3u);
    const LessonEntry* broken = library.entry("c");
    ASSERT_NE(broken, nullptr);
    EXPECT_FALSE(broken->lesson.has_value());
    EXPECT_EQ(broken->title, "C");
    EXPECT_EQ(broken->problems.size(), 1u);
    EXPECT_TRUE(library.entries()[1].id.empty()) << "a file that is not TOML gives no id";
    ASSERT_NE(library.entry("g"), nullptr);
    EXPECT_EQ(library.entry("g")->lesson->title, "G");
    EXPECT_EQ(library.entry("g")->id, "g");
    EXPECT_EQ(library.entry("nothing"), nullptr);
}

// Opening a good lesson from a folder of drafts printed every problem of every broken file (24
// lines in a tester's folder) at each start: a few broken files are told in full, many in one line.
TEST(LessonLibrary, the_terminal_gets_each_problem_of_a_few_broken_files_and_one_line_for_many) {
    const auto few = test::temporaryDirectory(), many = test::temporaryDirectory();
    std::ofstream(few / "01-broken.toml") << "id = \"c\"\ntitle = \"C\"\n[[step]]\ntitel = \"s\"\n";
    std::ofstream(few / "02-good.toml") << "id = \"g\"\ntitle = \"G\"\n[[step]]\ntitle = \"s\"\n";
    for (int i = 0; i < 4; ++i) std::ofstream(many / ("draft" + std::to_string(i) + ".toml")) << "id = \n";
    const auto library = LessonLibrary::load({{few, "your lessons"}, {many, many.string(), true}}, smallVocabulary());
    const std::vector<std::string> report = library.problemReport();
    ASSERT_EQ(report.size(), 2u);
    EXPECT_EQ(report[0], library.entries()[0].problems[0].format());
    EXPECT_EQ(report[1], "4 lesson files in " + many.string() + " have problems; the lesson list marks them, and psoas-atlas "
                         "--check-lessons " + many.string() + " lists each");
    EXPECT_EQ(library.problemReport(4).size(), 5u) << "up to the limit, every problem";
}

TEST(LessonLibrary, a_missing_lessons_folder_named_by_the_user_is_reported) {
    const auto library = LessonLibrary::load({{"/nonexistent/lessons", "--lessons", true}}, smallVocabulary());
    ASSERT_EQ(library.problems().size(), 1u);
    EXPECT_EQ(library.problems()[0].format(), "error: /nonexistent/lessons: is not a folder of lessons (missing or unreadable)");
}

TEST(ShippedLessons, every_built_in_lesson_validates) {
    const auto library = LessonLibrary::load({{kSource / "lessons", "built-in"}}, builtInVocabulary());
    for (const auto& problem : library.problems()) ADD_FAILURE() << problem.format();
    for (const auto& entry : library.entries())
        if (entry.lesson) EXPECT_GE(entry.lesson->steps.size(), 1u) << entry.file;
}

// Issue 15: lessons said "exaggerated eight times" while the dome's shown descent was capped
// lower. The factor on screen comes from the program's notice; a step that breathes never types
// one into the student's text.
TEST(ShippedLessons, breathing_steps_leave_the_exaggeration_factor_to_the_notice_on_screen) {
    const auto library = LessonLibrary::load({{kSource / "lessons", "built-in"}}, builtInVocabulary());
    // "\u00d78", "x 5", "eight times", "5 times" (the multiplication sign written as its UTF-8 bytes).
    static const std::regex typedFactor("(\xC3\x97|\\bx)\\s?[0-9]|\\b(two|three|four|five|six|seven|eight|nine|ten|[0-9]+) times\\b",
                                        std::regex::icase);
    int breathingSteps = 0;
    for (const auto& entry : library.entries()) {
        if (!entry.lesson) continue;
        for (const LessonStep& step : entry.lesson->steps) {
            if (!step.breathing || !step.breathing->on) continue;
            ++breathingSteps;
            EXPECT_FALSE(std::regex_search(step.text, typedFactor)) << entry.file << ": " << step.title;
        }
    }
    EXPECT_GE(breathingSteps, 4);
}

// tests/data/bad_lessons: each file's first line is "# expect: MESSAGE" where MESSAGE is the first
// problem the validator must report, with FILE standing for the file's own path.
TEST(MalformedLessons, each_gives_its_expected_positioned_message) {
    const auto vocabulary = builtInVocabulary();
    int cases = 0;
    for (const auto& entry : std::filesystem::directory_iterator(test::dataFile("bad_lessons"))) {
        if (entry.path().extension() != ".toml") continue;
        ++cases;
        std::ifstream in(entry.path());
        std::string first;
        std::getline(in, first);
        ASSERT_EQ(first.rfind("# expect: ", 0), 0u) << entry.path() << " must start with '# expect: '";
        std::string expected = first.substr(10);
        if (const auto at = expected.find("FILE"); at != std::string::npos) expected.replace(at, 4, entry.path().string());
        try {
            loadLesson(entry.path(), vocabulary);
            ADD_FAILURE() << entry.path() << " was accepted";
        } catch (const DataFileError& e) {
            EXPECT_EQ(e.diagnostics().front().format(), expected) << entry.path();
        }
    }
    RecordProperty("cases", cases);
}

}  // namespace
}  // namespace psoas

namespace psoas {
namespace {

TEST(Quiz, answers_match_structures_landmarks_and_attachment_areas) {
    const Scene scene = loadScene(loadAtlas(kSource / "models" / "atlas.toml"));
    const int femur = scene.findStructure("femur_r");
    const int psoas = scene.findStructure("psoas_major_r");
    glm::vec3 trochanter{0.0f};
    for (const Landmark& l : scene.structures[static_cast<std::size_t>(femur)].info.landmarks)
        if (l.id == "lesser_trochanter") trochanter = l.position;
    const QuizQuestion landmark{"Click the lesser trochanter", {"femur_r:lesser_trochanter"}, ""};
    EXPECT_TRUE(answersQuestion(landmark, scene, femur, trochanter + glm::vec3(0.01f, 0.0f, 0.0f)));
    EXPECT_FALSE(answersQuestion(landmark, scene, femur, trochanter + glm::vec3(0.0f, -0.08f, 0.0f)));  // further down the shaft
    EXPECT_FALSE(answersQuestion(landmark, scene, psoas, trochanter));                                  // right place, wrong structure
    const QuizQuestion insertion{"Click the insertion", {"psoas_major_r:insertion"}, ""};
    glm::vec3 area{0.0f};
    for (const AttachmentArea& a : scene.structures[static_cast<std::size_t>(psoas)].info.attachments)
        if (a.kind == AttachmentKind::Insertion) area = a.centre;
    EXPECT_TRUE(answersQuestion(insertion, scene, femur, area));
    EXPECT_FALSE(answersQuestion({"", {"psoas_major_r:origin"}, ""}, scene, femur, area));
    EXPECT_TRUE(answersQuestion({"", {"iliacus_l", "iliacus_r"}, ""}, scene, scene.findStructure("iliacus_l"), glm::vec3(0.0f)));
    EXPECT_FALSE(answersQuestion(landmark, scene, -1, trochanter));  // a click on empty space
}

TEST(Quiz, scores_count_each_question_once_and_first_tries_apart) {
    QuizScore score;
    EXPECT_TRUE(score.record(1, true));
    EXPECT_TRUE(score.record(2, false));
    EXPECT_FALSE(score.record(2, true));
    EXPECT_FALSE(score.record(2, true));  // already answered: no change
    score.record(3, false);
    EXPECT_EQ(score.answeredCount(), 2);
    EXPECT_EQ(score.firstTryCorrect(), 1);
    EXPECT_EQ(score.tries(2), 2);
    EXPECT_FALSE(score.answered(3));
}

TEST(Quiz, a_quiz_step_with_an_unknown_answer_is_reported) {
    const auto problems = problemsIn("id = \"q\"\ntitle = \"Q\"\n[[step]]\ntitle = \"S\"\nquiz = { prompt = \"Click\", answer = [\"femr_r\"] }\n");
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].rfind("lesson.toml:5:38: unknown answer 'femr_r'", 0), 0u) << problems[0];
}

}  // namespace
}  // namespace psoas
