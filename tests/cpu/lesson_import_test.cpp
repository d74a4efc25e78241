// A teacher's lesson file opened in the running viewer (app/lesson_import.hpp): told apart from a
// mesh set, kept in the lessons folder when it has no problems, and kept nowhere, with its first
// problem's file:line:col line, when it has. The window side is in tests/gl/model_opening_test.cpp.

#include "app/commands.hpp"
#include "app/lesson_import.hpp"
#include "app/user_paths.hpp"
#include "support/test_paths.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

namespace psoas {
namespace {

std::string fileText(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(LessonImport, a_lesson_is_a_toml_file_without_a_mesh_set_table) {
    EXPECT_TRUE(app::isLessonFile(app::dataDirectory() / "lessons" / "02-attachments.toml"));
    EXPECT_TRUE(app::isLessonFile(test::dataFile("bad_lessons/missing_equals.toml")));
    EXPECT_FALSE(app::isLessonFile(test::dataFile("mesh_sets/myosim_parts.toml")));
    EXPECT_FALSE(app::isLessonFile(test::dataFile("cube.obj")));
}

TEST(LessonImport, a_good_lesson_is_kept_under_its_id_and_replaces_its_earlier_version) {
    const auto folder = test::temporaryDirectory() / "lessons";  // made by the import
    const auto source = app::dataDirectory() / "lessons" / "02-attachments.toml";
    const app::ImportedLesson imported = app::importLesson(source, folder, app::builtInVocabulary());
    EXPECT_EQ(imported.problem, "");
    EXPECT_EQ(imported.id, "attachments");
    EXPECT_EQ(imported.stored, folder / "attachments.toml");
    EXPECT_EQ(fileText(imported.stored), fileText(source));
    std::ofstream(folder / "attachments.toml") << "an older version";
    EXPECT_EQ(app::importLesson(source, folder, app::builtInVocabulary()).problem, "");
    EXPECT_EQ(fileText(folder / "attachments.toml"), fileText(source));
}

TEST(LessonImport, a_lesson_with_problems_is_kept_nowhere_and_told_with_its_place) {
    const auto folder = test::temporaryDirectory();
    std::ofstream(folder / "bad.toml") << "kept before";  // the id the broken file gives: it must stay
    const auto broken = test::dataFile("bad_lessons/missing_equals.toml");
    const app::ImportedLesson imported = app::importLesson(broken, folder, app::builtInVocabulary());
    EXPECT_EQ(imported.problem.rfind(broken.string() + ":7:10: ", 0), 0u) << imported.problem;
    EXPECT_EQ(imported.problem.find('\n'), std::string::npos) << imported.problem;
    EXPECT_EQ(imported.id, "");
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(folder), std::filesystem::directory_iterator()), 1);
    EXPECT_EQ(fileText(folder / "bad.toml"), "kept before");
}

// Lessons opened together: one with problems keeps none of them (tester, session 9: the good one
// was kept and listed, unmentioned, while the status line named only the broken one).
TEST(LessonImport, lessons_opened_together_are_all_kept_or_none) {
    const auto folder = test::temporaryDirectory();
    const auto good = app::dataDirectory() / "lessons" / "02-attachments.toml";
    const auto broken = test::dataFile("bad_lessons/missing_equals.toml");
    const app::ImportedLessons refused = app::importLessons({good, broken}, folder, app::builtInVocabulary());
    EXPECT_EQ(refused.problem.rfind(broken.string() + ":7:10: ", 0), 0u) << refused.problem;
    EXPECT_NE(refused.problem.find("none of the 2 lessons kept"), std::string::npos) << refused.problem;
    EXPECT_TRUE(refused.kept.empty());
    EXPECT_TRUE(std::filesystem::is_empty(folder)) << "the good lesson must not be kept either";

    const auto second = app::dataDirectory() / "lessons" / "03-actions.toml";
    const app::ImportedLessons both = app::importLessons({good, second}, folder, app::builtInVocabulary());
    EXPECT_EQ(both.problem, "");
    ASSERT_EQ(both.kept.size(), 2u);
    EXPECT_EQ(both.kept[0].stored, folder / "attachments.toml");
    EXPECT_EQ(both.kept[1].stored, folder / "actions.toml");
    EXPECT_EQ(fileText(folder / "actions.toml"), fileText(second));
}

}  // namespace
}  // namespace psoas
