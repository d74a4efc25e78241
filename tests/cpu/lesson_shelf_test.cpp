#include "core/lesson_shelf.hpp"

#include "support/test_paths.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace psoas {
namespace {

LessonVocabulary vocabulary() {
    LessonVocabulary v;
    v.structures = {"psoas_major_r", "femur_r"};
    v.muscles = {"psoas_major_r"};
    v.groups = {"all", "bones", "muscles"};
    return v;
}

void writeLesson(const std::filesystem::path& file, const std::string& title, const std::string& extra = "") {
    std::ofstream(file) << "id = \"demo\"\ntitle = \"" << title << "\"\nsummary = \"S\"\n" << extra
                        << "[[step]]\ntitle = \"One\"\ntext = \"Hello\"\n";
}

TEST(LessonShelf, nothing_is_read_again_before_a_check_is_due_or_when_no_file_changed) {
    const auto dir = test::temporaryDirectory();
    writeLesson(dir / "demo.toml", "First");
    LessonShelf shelf({{dir, "mine", true}}, vocabulary());
    shelf.load();
    EXPECT_FALSE(shelf.reloadIfChanged(0.0, "demo").has_value()) << "nothing changed";
    writeLesson(dir / "demo.toml", "Second, longer");
    EXPECT_FALSE(shelf.reloadIfChanged(0.2, "demo").has_value()) << "checked before its half second was up";
    const auto reload = shelf.reloadIfChanged(0.6, "demo");
    ASSERT_TRUE(reload.has_value());
    ASSERT_NE(reload->reopened, nullptr);
    EXPECT_EQ(reload->reopened->title, "Second, longer");
    EXPECT_EQ(reload->status, "Reloaded lesson 'Second, longer'");
    EXPECT_FALSE(shelf.reloadIfChanged(1.2, "demo").has_value()) << "read again without a change";
}

TEST(LessonShelf, a_lesson_broken_while_open_keeps_its_last_good_version_and_says_so) {
    const auto dir = test::temporaryDirectory();
    writeLesson(dir / "demo.toml", "Good");
    LessonShelf shelf({{dir, "mine", true}}, vocabulary());
    shelf.load();
    writeLesson(dir / "demo.toml", "Broken", "show = [\"no_such_structure\"]\n");
    const auto reload = shelf.reload("demo");
    ASSERT_TRUE(reload.has_value());
    EXPECT_TRUE(reload->loaded);
    EXPECT_EQ(reload->reopened, nullptr);
    EXPECT_NE(reload->status.find("has problems now"), std::string::npos) << reload->status;
    ASSERT_EQ(shelf.library().entries().size(), 1u);
    EXPECT_FALSE(shelf.library().entries()[0].problems.empty());
}

// Fresh tester, session 12: saving any file in the lesson folder reopened the open lesson, and the
// hip the teacher had posed went back to standing. Only a change to the open lesson reopens it.
TEST(LessonShelf, a_change_to_another_lesson_file_leaves_the_open_lesson_as_it_is) {
    const auto dir = test::temporaryDirectory();
    writeLesson(dir / "demo.toml", "Open");
    LessonShelf shelf({{dir, "mine", true}}, vocabulary());
    shelf.load();
    std::ofstream(dir / "other.toml") << "id = \"other\"\ntitle = \"Other\"\nsummary = \"S\"\n[[step]]\ntitle = \"One\"\ntext = \"Hi\"\n";
    const auto reload = shelf.reload("demo");
    ASSERT_TRUE(reload.has_value());
    EXPECT_TRUE(reload->loaded);
    EXPECT_EQ(reload->reopened, nullptr) << "the open lesson did not change";
    EXPECT_EQ(reload->status, "");
    EXPECT_EQ(shelf.library().entries().size(), 2u) << "the new lesson is on the shelf";
}

// Fresh tester, session 12: a lesson naming a pose just saved from the Motion tab stayed "(cannot
// open)" until a restart. Read again with the new names, it opens.
TEST(LessonShelf, a_lesson_naming_a_pose_saved_since_opens_once_read_with_the_new_names) {
    const auto dir = test::temporaryDirectory();
    writeLesson(dir / "demo.toml", "Posed", "");
    std::ofstream(dir / "demo.toml", std::ios::app) << "pose = \"teach_hip_45\"\n";
    LessonVocabulary names = vocabulary();
    names.poses = {"neutral_standing"};
    LessonShelf shelf({{dir, "mine", true}}, names);
    shelf.load();
    ASSERT_EQ(shelf.library().entries().size(), 1u);
    ASSERT_FALSE(shelf.library().entries()[0].problems.empty()) << "the pose is unknown before it is saved";
    names.poses.push_back("teach_hip_45");
    const auto reload = shelf.reread(names, "");
    ASSERT_TRUE(reload.has_value());
    EXPECT_TRUE(reload->loaded);
    EXPECT_TRUE(shelf.library().entries()[0].problems.empty()) << shelf.library().entries()[0].problems.front().message;
}

TEST(LessonShelf, a_forced_reload_reads_the_files_even_when_none_changed) {
    const auto dir = test::temporaryDirectory();
    writeLesson(dir / "demo.toml", "Same");
    LessonShelf shelf({{dir, "mine", true}}, vocabulary());
    shelf.load();
    EXPECT_FALSE(shelf.reload("").has_value());
    const auto reload = shelf.reload("", true);
    ASSERT_TRUE(reload.has_value());
    EXPECT_TRUE(reload->loaded);
    EXPECT_EQ(reload->status, "") << "no lesson was open: nothing to tell";
}

TEST(LessonShelf, a_shelf_without_folders_watches_nothing) {
    LessonShelf shelf;
    EXPECT_FALSE(shelf.watching());
    EXPECT_FALSE(shelf.reloadIfChanged(100.0, "").has_value());
}

}  // namespace
}  // namespace psoas
