// The executable as a user meets it: bad files and bad options give one line and exit 2, a missing
// display gives one line and a non-zero exit, and nothing crashes. These run without a display.

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "support/run_process.hpp"
#include "support/test_paths.hpp"

namespace psoas {
namespace {

int lineCount(const std::string& text) { return static_cast<int>(std::count(text.begin(), text.end(), '\n')); }

std::filesystem::path writeFile(const std::string& name, const std::string& bytes) {
    const auto file = test::temporaryDirectory() / name;
    std::ofstream(file, std::ios::binary) << bytes;
    return file;
}

void expectOneLineError(const test::ProcessResult& result, const std::filesystem::path& file) {
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(lineCount(result.err), 1) << result.err;
    EXPECT_EQ(result.err.rfind("error: " + file.string() + ": ", 0), 0u) << result.err;
    EXPECT_TRUE(result.out.empty()) << result.out;
}

TEST(ProgramErrors, missing_model_file_exits_2_with_one_line) {
    const std::filesystem::path file = "/nonexistent/psoas.glb";
    expectOneLineError(test::runAtlas({"--model", file.string()}), file);
}

TEST(ProgramErrors, random_bytes_model_exits_2_with_one_line) {
    std::string noise(2048, '\0');
    unsigned state = 99;
    for (char& c : noise) c = static_cast<char>((state = state * 1664525u + 1013904223u) >> 24);
    const auto file = writeFile("random.glb", noise);
    expectOneLineError(test::runAtlas({"--model", file.string(), "--screenshot", (file.parent_path() / "x.png").string()}), file);
    EXPECT_FALSE(std::filesystem::exists(file.parent_path() / "x.png"));
}

TEST(ProgramErrors, truncated_glb_exits_2_with_one_line) {
    // The glTF binary header promises 4096 bytes; the file stops after the JSON chunk header.
    std::string bytes("glTF\x02\x00\x00\x00\x00\x10\x00\x00\x40\x00\x00\x00JSON{\"asset\":", 29);
    const auto file = writeFile("truncated.glb", bytes);
    expectOneLineError(test::runAtlas({"--model", file.string()}), file);
}

// One line, naming the help as the user can type it: started through ./run, that is ./run.
TEST(ProgramErrors, unknown_option_exits_2_with_one_line_naming_the_help) {
    const auto result = test::runAtlas({"--frobnicate"}, false, {"PSOAS_ATLAS_COMMAND=./run"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(result.err, "error: --frobnicate: no such option (./run --help lists every option)\n");
}

TEST(ProgramErrors, no_display_says_so_in_one_line_and_names_the_headless_options) {
    // Units and axes given, so the viewer has nothing to say about what it assumed before the error.
    const auto result = test::runAtlas({"--model", test::dataFile("cube.obj").string(), "--units", "m", "--up", "+Y", "--forward", "+Z"},
                                       /*unsetDisplay=*/true);
    EXPECT_NE(result.exitCode, 0);
    EXPECT_LT(result.exitCode, 128) << "crashed: " << result.err;
    EXPECT_EQ(lineCount(result.err), 1) << result.err;
    EXPECT_NE(result.err.find("no display"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("xvfb-run"), std::string::npos) << result.err;
}

// The hint is pasted by a newcomer who has not installed the program: it names the program as it
// was started, never a `psoas-atlas` that is not on PATH yet.
TEST(ProgramErrors, the_headless_hint_names_the_program_as_it_was_started) {
    // Started by its path: that path, quoted when the checkout's path has a space in it.
    const std::string executable = psoas::test::executable().string();
    const std::string typed =
        executable.find_first_of(" \"$&;()") == std::string::npos ? executable : "'" + executable + "'";
    const auto direct = test::runAtlas({}, /*unsetDisplay=*/true);
    EXPECT_NE(direct.err.find("xvfb-run -a " + typed + " --screenshot out.png"), std::string::npos) << direct.err;
    const auto viaRun = test::runAtlas({}, /*unsetDisplay=*/true, {"PSOAS_ATLAS_COMMAND=../Psoas Atlas/run"});
    EXPECT_EQ(viaRun.err, "error: no display (DISPLAY is not set): run it in a desktop session, or headless with Xvfb: "
                          "xvfb-run -a '../Psoas Atlas/run', or render an image: "
                          "xvfb-run -a '../Psoas Atlas/run' --screenshot out.png\n");
    const auto help = test::runAtlas({"--help"}, false, {"PSOAS_ATLAS_COMMAND=./run"});
    EXPECT_NE(help.out.find("xvfb-run -a ./run --screenshot out.png"), std::string::npos) << help.out;
}

TEST(ProgramErrors, help_and_version_exit_0_on_stdout) {
    const auto help = test::runAtlas({"--help"});
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_NE(help.out.find("--screenshot"), std::string::npos);
    const auto version = test::runAtlas({"--version"});
    EXPECT_EQ(version.exitCode, 0);
    EXPECT_EQ(version.out.rfind("psoas-atlas ", 0), 0u);
}

// A folder holding one lesson with a typo (id "my-bad", line 5 column 9) for the tests below.
std::filesystem::path folderWithABrokenLesson() {
    const auto dir = test::temporaryDirectory() / "lessons";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "01-bad.toml") << "id = \"my-bad\"\ntitle = \"Bad\"\n[[step]]\ntitle = \"One\"\nshow = [\"psoas_mayor_r\"]\n";
    return dir;
}

// Newcomer finding: a user lesson with problems vanished from --list-lessons (its problem went to
// stderr, the lesson to nowhere), though lessons/README.md promises it stays, marked.
TEST(LessonCommands, a_lesson_with_problems_stays_in_the_list_marked_with_its_messages) {
    const auto dir = folderWithABrokenLesson();
    const auto result = test::runAtlas({"--list-lessons", "--lessons", dir.string()}, true);
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("\nmy-bad\tBad\tcannot open: 1 problem (listed below)\t" + dir.string() + "\n"), std::string::npos) << result.out;
    EXPECT_EQ(result.err, (dir / "01-bad.toml").string() +
                              ":5:9: unknown structure or group 'psoas_mayor_r' in 'show' (did you mean 'psoas_major_r'?)\n");
}

// ... and opening it said "no lesson 'my-bad'": it says why it cannot open, with every message.
TEST(LessonCommands, opening_a_lesson_with_problems_says_why_it_cannot_open) {
    const auto dir = folderWithABrokenLesson();
    const std::string file = (dir / "01-bad.toml").string();
    for (const std::vector<std::string>& mode : {std::vector<std::string>{"--lesson", "my-bad"},
                                                 {"--screenshot", (dir / "x.png").string(), "--lesson", "my-bad"},
                                                 {"--export-lesson", "my-bad", "--out", (dir / "out").string()}}) {
        std::vector<std::string> arguments{"--lessons", dir.string()};
        arguments.insert(arguments.end(), mode.begin(), mode.end());
        const auto result = test::runAtlas(arguments, true);
        EXPECT_EQ(result.exitCode, 2) << mode.front();
        const std::string option = mode.front() == "--export-lesson" ? "--export-lesson" : "--lesson";
        EXPECT_EQ(result.err, "error: " + option + ": lesson 'my-bad' cannot open: " + file + " has 1 problem:\n" + file +
                                  ":5:9: unknown structure or group 'psoas_mayor_r' in 'show' (did you mean 'psoas_major_r'?)\n");
    }
    EXPECT_FALSE(std::filesystem::exists(dir / "x.png"));
    EXPECT_FALSE(std::filesystem::exists(dir / "out"));
}

// --check-lessons on a missing folder exited 1 (a lesson problem) though it is bad input; a single
// lesson file was "missing or unreadable"; an empty folder passed in silence; "1 lesson files".
TEST(LessonCommands, check_lessons_takes_a_folder_or_one_file_and_refuses_what_holds_no_lesson) {
    const auto dir = folderWithABrokenLesson();
    const auto missing = test::runAtlas({"--check-lessons", (dir / "nowhere").string()}, true);
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_EQ(missing.err, "error: " + (dir / "nowhere").string() + ": no such folder or lesson file\n");

    const auto bad = test::runAtlas({"--check-lessons", (dir / "01-bad.toml").string()}, true);
    EXPECT_EQ(bad.exitCode, 1);
    EXPECT_EQ(bad.out, "1 lesson file checked: 0 good, 1 with problems (1 problem)\n");
    EXPECT_EQ(lineCount(bad.err), 1) << bad.err;
    const auto good = test::runAtlas({"--check-lessons", (psoas::test::sourceDirectory() / "lessons" / "01-meet-the-psoas.toml").string()}, true);
    EXPECT_EQ(good.exitCode, 0) << good.err;
    EXPECT_EQ(good.out, "1 lesson file checked: 1 good, 0 with problems\n");

    const auto empty = test::temporaryDirectory();
    const auto none = test::runAtlas({"--check-lessons", empty.string()}, true);
    EXPECT_EQ(none.exitCode, 2);
    EXPECT_EQ(none.err, "error: " + empty.string() + ": no lesson files in this folder (a lesson is a .toml file)\n");
    const auto notLesson = writeFile("notes.txt", "hello");
    const auto text = test::runAtlas({"--check-lessons", notLesson.string()}, true);
    EXPECT_EQ(text.exitCode, 2);
    EXPECT_EQ(text.err, "error: " + notLesson.string() + ": is not a lesson file (.toml) or a folder of them\n");
}

// Issue 14: a copied lesson file kept its id; --check-lessons said nothing at the id and the list
// showed two lessons of one id. The later file is reported at its id line, and listed as a problem.
TEST(LessonCommands, a_lesson_id_given_by_two_files_is_reported_at_the_later_files_id) {
    const auto dir = test::temporaryDirectory() / "lessons";
    std::filesystem::create_directories(dir);
    const std::string lesson = "title = \"Mine\"\n[[step]]\ntitle = \"One\"\nshow = [\"psoas_major_r\"]\n";
    std::ofstream(dir / "a.toml") << "id = \"my-lesson\"\n" << lesson;
    std::ofstream(dir / "b.toml") << "# a variant\n\nid = \"my-lesson\"\n" << lesson;
    const std::string message = (dir / "b.toml").string() +
                                ":3:6: lesson id \"my-lesson\" is used by a.toml too; ids must be unique (rename one)\n";
    const auto check = test::runAtlas({"--check-lessons", dir.string()}, true);
    EXPECT_EQ(check.exitCode, 1) << "a lesson problem, as any other";
    EXPECT_EQ(check.out, "2 lesson files checked: 1 good, 1 with problems (1 problem)\n");
    EXPECT_EQ(check.err, message);
    const auto list = test::runAtlas({"--list-lessons", "--lessons", dir.string()}, true);
    EXPECT_NE(list.out.find("\nmy-lesson\tMine\t1\t" + dir.string() + "\nmy-lesson\tMine\tcannot open: 1 problem (listed below)\t"),
              std::string::npos) << list.out;
    EXPECT_EQ(list.err, message);
}

TEST(LessonCommands, pose_list_names_every_pose_alone_or_with_measure) {
    for (const std::vector<std::string>& arguments : {std::vector<std::string>{"--pose", "list"}, {"--measure", "--pose", "list"}}) {
        const auto result = test::runAtlas(arguments, true);
        ASSERT_EQ(result.exitCode, 0) << result.err;
        EXPECT_EQ(result.out.rfind("pose,name\n", 0), 0u) << result.out;
        EXPECT_NE(result.out.find("\nneutral_standing,\"Neutral standing\"\n"), std::string::npos) << result.out;
        EXPECT_NE(result.out.find("\nsitting,"), std::string::npos) << result.out;
    }
    const auto typo = test::runAtlas({"--measure", "--pose", "siting"}, true);
    EXPECT_EQ(typo.err.rfind("error: --pose: no pose 'siting' (did you mean 'sitting'?); --pose list shows them", 0), 0u) << typo.err;
}

// Tester, session 11: a pose saved in the Motion tab opened in the window and with --screenshot,
// but --pose list left it out and --measure --pose refused it. All three list the same poses now.
TEST(LessonCommands, a_saved_pose_is_listed_and_measured_like_a_shipped_one) {
    const auto data = test::temporaryDirectory() / "data";
    std::filesystem::create_directories(data / "psoas-atlas" / "poses");
    std::ofstream(data / "psoas-atlas" / "poses" / "teach_hip_45.toml")
        << "id = \"teach_hip_45\"\nname = \"Teach hip 45\"\ndescription = \"Saved in the Motion tab\"\n[hip_right]\nflexion = 45.0\n[hip_left]\nflexion = 45.0\n";  // as --hip-flexion sets both
    const std::vector<std::string> environment{"XDG_DATA_HOME=" + data.string()};
    const auto list = test::runAtlas({"--pose", "list"}, true, environment);
    ASSERT_EQ(list.exitCode, 0) << list.err;
    EXPECT_NE(list.out.find("\nteach_hip_45,\"Teach hip 45\"\n"), std::string::npos) << list.out;
    const auto saved = test::runAtlas({"--measure", "--pose", "teach_hip_45"}, true, environment);
    ASSERT_EQ(saved.exitCode, 0) << saved.err;
    const auto typed = test::runAtlas({"--measure", "--hip-flexion", "45"}, true, environment);
    ASSERT_EQ(typed.exitCode, 0) << typed.err;
    auto rows = [](const std::string& csv) {  // the numbers, without each row's pose name
        std::string kept;
        std::istringstream lines(csv);
        for (std::string line; std::getline(lines, line);) kept += line.substr(0, line.rfind(',')) + "\n";
        return kept;
    };
    EXPECT_NE(saved.out.find("teach_hip_45"), std::string::npos) << saved.out;
    EXPECT_EQ(rows(saved.out), rows(typed.out));  // the same numbers as the angle typed
}

// A lesson on a script's last line that does not exist was said only when the replay reached it,
// after every wait before it; it is said before the run starts (here: before any display is needed).
TEST(ScriptCommand, a_script_that_opens_an_unknown_lesson_is_refused_before_it_runs) {
    const auto script = writeFile("late-typo.script", "wait 600\nlesson meet-the-psoaz 2\nlesson breathing 99\n");
    const auto result = test::runAtlas({"--script", script.string()}, true);
    EXPECT_EQ(result.exitCode, 2) << result.err;
    EXPECT_EQ(result.err, script.string() + ":2:1: no lesson 'meet-the-psoaz' (did you mean 'meet-the-psoas'?)\n" +
                              script.string() + ":3:1: lesson 'breathing' has 8 steps\n");
}

}  // namespace
}  // namespace psoas

namespace psoas {
namespace {

TEST(MeasureCommand, prints_the_csv_for_both_sides_and_the_dome_without_a_window) {
    const auto result = test::runAtlas({"--measure", "--hip-flexion", "45"}, /*unsetDisplay=*/true);
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(result.out.rfind("structure,part,quantity,value,unit,reference,pose\n", 0), 0u);
    for (const char* row : {"psoas_major_r,all,length,", "psoas_major_l,all,hip_flexion_moment_arm,", "iliacus_r,all,length,",
                            "iliacus_l,all,hip_flexion_moment_arm,", "diaphragm,dome,descent,", "psoas_major_r,l1_body,length,"})
        EXPECT_NE(result.out.find(row), std::string::npos) << row;
}

TEST(MeasureCommand, bad_values_exit_2_with_one_line) {
    for (const auto& arguments : std::vector<std::vector<std::string>>{
             {"--measure", "--breath", "1.5"}, {"--measure", "--pose", "siting"}, {"--measure", "--breath-depth", "medium"},
             {"--measure", "--reference", "gait2329"}}) {
        const auto result = test::runAtlas(arguments, /*unsetDisplay=*/true);
        EXPECT_EQ(result.exitCode, 2) << arguments[1];
        EXPECT_EQ(lineCount(result.err), 1) << result.err;
        EXPECT_EQ(result.err.rfind("error: ", 0), 0u) << result.err;
    }
}

TEST(MeasureCommand, reference_list_names_the_published_hip_geometries_and_exits_0) {
    const auto result = test::runAtlas({"--measure", "--reference", "list"}, /*unsetDisplay=*/true);
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(result.out.rfind("reference,description\ngait2392,", 0), 0u) << result.out;
    EXPECT_NE(result.out.find("\nrajagopal2016,"), std::string::npos) << result.out;
}

TEST(MeasureCommand, reference_without_measure_exits_2) {
    const auto result = test::runAtlas({"--reference", "rajagopal2016"}, /*unsetDisplay=*/true);
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(result.err.rfind("error: --reference goes with --measure (", 0), 0u) << result.err;
}

// Regression: "--measure --list-lessons" printed the CSV and exited 0, the listing silently dropped.
TEST(ProgramErrors, two_run_modes_exit_2_before_doing_either) {
    const auto result = test::runAtlas({"--measure", "--list-lessons"}, /*unsetDisplay=*/true);
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(result.err.rfind("error: --measure and --list-lessons cannot run together; give one of them (", 0), 0u) << result.err;
    EXPECT_EQ(lineCount(result.err), 1) << result.err;
    EXPECT_TRUE(result.out.empty()) << result.out;
}

// A mistyped --lessons folder is one line and exit 2 in every mode, before anything runs: the
// screenshot or export went on without the teacher's lessons, exit 0.
TEST(ProgramErrors, a_missing_lessons_folder_exits_2_before_doing_anything) {
    const auto dir = test::temporaryDirectory();
    const std::string missing = (dir / "my lessons").string();
    for (const std::vector<std::string>& mode :
         {std::vector<std::string>{"--list-lessons"}, {"--screenshot", (dir / "x.png").string()},
          {"--export-lesson", "breathing", "--out", (dir / "out").string()}}) {
        std::vector<std::string> arguments{"--lessons", missing};
        arguments.insert(arguments.end(), mode.begin(), mode.end());
        const auto result = test::runAtlas(arguments, /*unsetDisplay=*/true);
        EXPECT_EQ(result.exitCode, 2) << mode.front();
        EXPECT_EQ(result.err, "error: " + missing + ": is not a folder of lessons (missing, or not a folder)\n") << mode.front();
        EXPECT_TRUE(result.out.empty()) << result.out;
    }
    EXPECT_FALSE(std::filesystem::exists(dir / "x.png"));
    EXPECT_FALSE(std::filesystem::exists(dir / "out"));
}

TEST(LessonCommands, list_lessons_prints_id_title_and_step_count) {
    const auto result = test::runAtlas({"--list-lessons"}, /*unsetDisplay=*/true);
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(result.out.rfind("meet-the-psoas\tMeet the psoas\t", 0), 0u) << result.out;
    EXPECT_NE(result.out.find("\tbuilt-in\n"), std::string::npos) << result.out;
    EXPECT_GE(lineCount(result.out), 6);
}

// The same lesson id in two --lessons folders: one silently won, and the list did not say where
// any lesson came from.
TEST(LessonCommands, list_lessons_says_where_each_lesson_came_from_and_what_it_replaces) {
    const auto first = test::temporaryDirectory();
    const auto second = test::temporaryDirectory();
    const std::string lesson = "id = \"mine\"\ntitle = \"Mine\"\n[[step]]\ntitle = \"One\"\ntext = \"t\"\n";
    std::ofstream(first / "a.toml") << lesson;
    std::ofstream(second / "b.toml") << lesson;
    const auto result = test::runAtlas({"--list-lessons", "--lessons", first.string(), "--lessons", second.string()}, true);
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("mine\tMine\t1\t" + second.string() + " (replaces the one from " + first.string() + ")\n"),
              std::string::npos)
        << result.out;
}

TEST(LessonCommands, check_lessons_exits_1_and_lists_each_problem_for_a_bad_folder) {
    const auto result = test::runAtlas({"--check-lessons", test::dataFile("bad_lessons").string()}, true);
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_GE(lineCount(result.err), 20);
    const auto good = test::runAtlas({"--check-lessons"}, true);
    EXPECT_EQ(good.exitCode, 0) << good.err;
    EXPECT_EQ(good.err, "") << "the shipped lessons must pass without a warning";
}

// A tester's lesson passed --check-lessons as "1 good" and exported two empty slides: a step hiding
// what it shows, a camera 8 m from the model; labels on hidden structures were dropped in silence.
// Characters no font has (or emoji, above what ImGui 1.86 draws) showed as '?' unannounced.
TEST(LessonCommands, check_lessons_warns_of_steps_that_show_nothing_and_characters_that_cannot_be_drawn) {
    const auto file = writeFile("edge.toml",
                                "id = \"edge\"\ntitle = \"Edge\"\nsummary = \"s\"\n"
                                "[[step]]\ntitle = \"One\"\ntext = \"t \xF0\x9F\x98\x80\"\n"  // U+1F600, line 6
                                "show = [\"psoas_major_r\"]\nhide = [\"psoas_major_r\"]\n"
                                "[[step]]\ntitle = \"Two\"\ntext = \"t \xCD\xB8\"\n"  // U+0378: no font has it (unassigned)
                                "camera = { target = [5, 5, 5], distance = 0.01, yaw = 0, pitch = 0 }\n"
                                "[[step]]\ntitle = \"Three\"\ntext = \"t\"\nshow = [\"bones\"]\n"
                                "labels = [\"psoas_major_r\", \"femur_r:lesser_trochanter\"]\nhighlight = [\"iliacus_r\"]\n");
    const auto result = test::runAtlas({"--check-lessons", file.string()}, true);
    EXPECT_EQ(result.exitCode, 1) << result.err;
    EXPECT_EQ(result.out, "1 lesson file checked: 0 good, 1 with problems (2 problems, 4 warnings)\n");
    const std::string f = file.string();
    EXPECT_NE(result.err.find(f + ":4:1: warning: step 1 'One' hides every structure"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find(f + ":6:11: this character (U+1F600, "), std::string::npos) << result.err;
    EXPECT_NE(result.err.find(f + ":9:1: warning: step 2 'Two' shows none of the model from its camera"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find(f + ":11:11: no installed font has the characters \xCD\xB8;"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find(f + ":13:1: warning: step 3 'Three' labels 'psoas_major_r', but Right psoas major is hidden"), std::string::npos)
        << result.err;
    EXPECT_NE(result.err.find(f + ":13:1: warning: step 3 'Three' highlights 'iliacus_r'"), std::string::npos) << result.err;
    EXPECT_EQ(result.err.find("lesser_trochanter"), std::string::npos) << "the femur is shown: " << result.err;
}

// A label's own words (issue 14, `{ at, text }`) are text the class sees like any other: a
// character no font has is reported at its place in the label, and German words pass.
TEST(LessonCommands, check_lessons_reports_a_labels_own_words_that_cannot_be_drawn) {
    const auto file = writeFile("label-words.toml",
                                "id = \"label-words\"\ntitle = \"Label words\"\nsummary = \"s\"\n"
                                "[[step]]\ntitle = \"One\"\ntext = \"t\"\n"
                                "labels = [{ at = \"femur_r:lesser_trochanter\", text = \"Kleiner Rollh\xC3\xBCgel \\\"\xC3\x9F\\\"\" },\n"
                                "          { at = \"psoas_major_r\", text = \"x \xCD\xB8\" }]\n");  // U+0378: no font has it
    const auto result = test::runAtlas({"--check-lessons", file.string()}, true);
    EXPECT_EQ(result.exitCode, 1) << result.err;
    EXPECT_EQ(result.out, "1 lesson file checked: 0 good, 1 with problems (1 problem)\n") << result.err;
    EXPECT_NE(result.err.find(file.string() + ":8:45: no installed font has the characters \xCD\xB8;"), std::string::npos) << result.err;
}

// Tester, session 7: a quiz question whose answer the step hides passed --check-lessons, and the
// class would be stuck on it. Warned when every answer is hidden; one shown answer, or an area
// answer, is answerable.
TEST(LessonCommands, check_lessons_warns_of_a_quiz_question_whose_answer_is_hidden) {
    const auto file = writeFile("quiz.toml",
                                "id = \"q\"\ntitle = \"Q\"\nsummary = \"s\"\n"
                                "[[step]]\ntitle = \"One\"\nshow = [\"bones\"]\n"
                                "quiz = { prompt = \"p\", answer = [\"psoas_major_r\"], hint = \"h\" }\n"
                                "[[step]]\ntitle = \"Two\"\nshow = [\"bones\"]\n"
                                "quiz = { prompt = \"p\", answer = [\"psoas_major_r\", \"femur_r:lesser_trochanter\"], hint = \"h\" }\n"
                                "[[step]]\ntitle = \"Three\"\nhide = [\"psoas_major_r\"]\n"
                                "quiz = { prompt = \"p\", answer = [\"psoas_major_r:origin\"], hint = \"h\" }\n");
    const auto result = test::runAtlas({"--check-lessons", file.string()}, true);
    EXPECT_EQ(result.exitCode, 0) << "a warning is no error: " << result.err;
    EXPECT_EQ(result.out, "1 lesson file checked: 1 good, 0 with problems (0 problems, 1 warning)\n");
    EXPECT_NE(result.err.find(file.string() + ":4:1: warning: step 1 'One' asks for 'psoas_major_r', but Right psoas major is hidden in this step"),
              std::string::npos)
        << result.err;
    EXPECT_EQ(result.err.find("step 2"), std::string::npos) << "the femur is shown: " << result.err;
    EXPECT_EQ(result.err.find("step 3"), std::string::npos) << "an area answer: " << result.err;
}

TEST(LessonCommands, unknown_lesson_or_step_exits_2_before_any_window) {
    const auto unknown = test::runAtlas({"--lesson", "meet-the-psoaz"}, true);
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_EQ(unknown.err, "error: --lesson: no lesson 'meet-the-psoaz' (did you mean 'meet-the-psoas'?)\n");
    const auto step = test::runAtlas({"--lesson", "meet-the-psoas", "--step", "99"}, true);
    EXPECT_EQ(step.exitCode, 2);
    EXPECT_EQ(lineCount(step.err), 1) << step.err;
}

}  // namespace
}  // namespace psoas

namespace psoas {
namespace {

// cmake --install into a temporary prefix, then run the installed copy from another folder: it
// must find its own models and lessons (a lesson added to the installed tree proves it reads there).
TEST(InstalledTree, runs_from_another_directory_with_its_own_data) {
    const auto prefix = test::temporaryDirectory() / "prefix";
    const std::string install = "cmake --install '" + psoas::test::binaryDirectory().string() + "' --prefix '" + prefix.string() +
                                "' > '" + (prefix.parent_path() / "install.log").string() + "' 2>&1";
    ASSERT_EQ(std::system(install.c_str()), 0) << "see " << (prefix.parent_path() / "install.log");
    for (const char* file : {"bin/psoas-atlas", "share/psoas-atlas/models/atlas.toml", "share/applications/psoas-atlas.desktop",
                             "share/icons/hicolor/scalable/apps/psoas-atlas.svg"})
        EXPECT_TRUE(std::filesystem::exists(prefix / file)) << file;
    std::ofstream(prefix / "share/psoas-atlas/lessons/99-installed.toml")
        << "id = \"installed-only\"\ntitle = \"Only in the installed tree\"\n[[step]]\ntitle = \"s\"\n";
    const auto elsewhere = test::temporaryDirectory();
    const std::string run = "cd '" + elsewhere.string() + "' && env -u DISPLAY HOME='" + elsewhere.string() + "' '" +
                            (prefix / "bin/psoas-atlas").string() + "' --list-lessons > out.txt 2> err.txt";
    ASSERT_EQ(std::system(run.c_str()), 0);
    std::ifstream out(elsewhere / "out.txt");
    const std::string listed{std::istreambuf_iterator<char>(out), {}};
    EXPECT_NE(listed.find("installed-only\tOnly in the installed tree\t1"), std::string::npos) << listed;
    EXPECT_NE(listed.find("meet-the-psoas"), std::string::npos) << listed;
}

}  // namespace
}  // namespace psoas
