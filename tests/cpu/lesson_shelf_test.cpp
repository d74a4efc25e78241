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
