// The file system failing under the program: a read-only or full config folder, a lesson folder
// that vanishes or becomes unreadable while a class runs. Each gives one clear message, and the
// file that was there before is still whole afterwards. Permission cases set the folder's mode
// themselves and run without root's power over modes (support/unprivileged: as `nobody` in a forked
// child when the suite runs as root, in place for anyone else), so they are real for everyone; a full
// disk is /dev/full standing where the temporary file is written, a real ENOSPC.

#include "app/application.hpp"
#include "app/image_file.hpp"
#include "core/lesson_library.hpp"
#include "core/settings.hpp"
#include "support/unprivileged.hpp"
#include "support/test_paths.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

namespace psoas {
namespace {

std::string contents(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

// Makes FILE.partial, where every writer here puts its bytes first, a link to /dev/full.
void fillTheDiskFor(const std::filesystem::path& file) {
    std::filesystem::create_symlink("/dev/full", file.string() + ".partial");
}

// r-x for everyone: a folder nobody but root may write into.
constexpr auto kReadOnly = std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec |
                           std::filesystem::perms::group_read | std::filesystem::perms::group_exec |
                           std::filesystem::perms::others_read | std::filesystem::perms::others_exec;

Settings someSettings() {
    Settings s;
    s.lastLesson = "breathing";
    s.lastStep = 3;
    return s;
}

TEST(FileSystem, settings_in_a_read_only_config_folder_are_reported_and_the_old_file_is_kept) {
    const auto folder = test::temporaryDirectory();
    const auto file = folder / "settings.toml";
    ASSERT_EQ(saveSettings(someSettings(), file), "");
    const std::string before = contents(file);
    const test::ScopedMode readOnly(folder, kReadOnly);
    const auto problem = test::runWithoutRoot([&] { return saveSettings(Settings{}, file); });
    ASSERT_TRUE(problem.has_value());
    EXPECT_EQ(*problem, "cannot write " + file.string() + " (Permission denied); the file on disk is unchanged");
    EXPECT_EQ(contents(file), before);
    EXPECT_FALSE(std::filesystem::exists(file.string() + ".partial"));
}

TEST(FileSystem, settings_on_a_full_disk_are_reported_and_the_old_file_is_kept) {
    const auto file = test::temporaryDirectory() / "settings.toml";
    ASSERT_EQ(saveSettings(someSettings(), file), "");
    const std::string before = contents(file);
    fillTheDiskFor(file);
    EXPECT_EQ(saveSettings(Settings{}, file),
              "cannot write " + file.string() + " (No space left on device); the file on disk is unchanged");
    EXPECT_EQ(contents(file), before);
    EXPECT_EQ(loadSettings(file).settings.lastLesson, "breathing");
    EXPECT_FALSE(std::filesystem::exists(std::filesystem::symlink_status(file.string() + ".partial")));
}

TEST(FileSystem, a_config_folder_that_cannot_be_created_is_named) {
    const auto parent = test::temporaryDirectory();
    const auto file = parent / "psoas-atlas" / "settings.toml";
    const test::ScopedMode readOnly(parent, kReadOnly);
    const auto problem = test::runWithoutRoot([&] { return saveSettings(Settings{}, file); });
    ASSERT_TRUE(problem.has_value());
    EXPECT_EQ(*problem, "cannot create the folder " + file.parent_path().string() + ": Permission denied");
}

TEST(FileSystem, a_picture_on_a_full_disk_is_reported_and_never_left_cut_short) {
    const auto file = test::temporaryDirectory() / "shot.png";
    const Image small{4, 4, std::vector<std::uint8_t>(64, 200)};
    ASSERT_EQ(app::writePng(small, file), "");
    const std::string before = contents(file);
    fillTheDiskFor(file);
    EXPECT_EQ(app::writePng(Image{64, 64, std::vector<std::uint8_t>(64 * 64 * 4, 7)}, file),
              "cannot write the PNG (No space left on device)");
    EXPECT_EQ(contents(file), before);
    ASSERT_TRUE(app::readPng(file).has_value());
    EXPECT_EQ(app::readPng(file)->width, 4);
}

TEST(FileSystem, a_picture_in_a_read_only_folder_is_reported) {
    const auto folder = test::temporaryDirectory();
    const auto file = folder / "shot.png";
    const test::ScopedMode readOnly(folder, kReadOnly);
    const auto problem = test::runWithoutRoot([&] { return app::writePng(Image{2, 2, std::vector<std::uint8_t>(16, 1)}, file); });
    ASSERT_TRUE(problem.has_value());
    EXPECT_EQ(*problem, "cannot write the PNG (Permission denied)");
    EXPECT_FALSE(std::filesystem::exists(file));
}

// A folder of one good lesson, loaded as the program loads it.
struct LessonFolder {
    std::filesystem::path directory = test::temporaryDirectory() / "lessons";
    std::vector<LessonSource> sources{{directory, "--lessons", true}};
    LessonVocabulary vocabulary;

    LessonFolder() {
        std::filesystem::create_directories(directory);
        std::ofstream(directory / "01-first.toml") << "id = \"first\"\ntitle = \"First\"\n[[step]]\ntitle = \"One\"\n";
        vocabulary.groups = {"all"};
    }
    [[nodiscard]] LessonLibrary load(const LessonLibrary* previous = nullptr) const {
        return LessonLibrary::load(sources, vocabulary, previous);
    }
};

std::vector<std::string> formatted(const std::vector<Diagnostic>& problems) {
    std::vector<std::string> lines;
    for (const Diagnostic& d : problems) lines.push_back(d.format());
    return lines;
}

TEST(FileSystem, a_lesson_folder_that_vanishes_keeps_its_lessons_with_one_problem) {
    LessonFolder folder;
    const LessonLibrary before = folder.load();
    ASSERT_NE(before.find("first"), nullptr);
    std::filesystem::rename(folder.directory, folder.directory.string() + "-away");
    const LessonLibrary after = folder.load(&before);
    ASSERT_NE(after.find("first"), nullptr) << "the last good lessons stay";
    EXPECT_EQ(formatted(after.problems()),
              std::vector<std::string>{"error: " + folder.directory.string() +
                                       ": cannot be read now (No such file or directory); its 1 lesson stays as last read"});
    // Still gone at the next check: the lessons carry on, said the same one way.
    EXPECT_NE(folder.load(&after).find("first"), nullptr);
    // A fresh start with the folder gone has nothing to keep: the old message for a missing folder.
    EXPECT_EQ(formatted(folder.load().problems()),
              std::vector<std::string>{"error: " + folder.directory.string() + ": is not a folder of lessons (missing or unreadable)"});
}

TEST(FileSystem, an_unreadable_lesson_folder_keeps_its_lessons) {
    LessonFolder folder;
    const LessonLibrary before = folder.load();
    // -wx for its owner only: no one but root may list it.
    const test::ScopedMode unreadable(folder.directory, std::filesystem::perms::owner_write | std::filesystem::perms::owner_exec);
    const auto result = test::runWithoutRoot([&] {
        const LessonLibrary after = folder.load(&before);
        std::string text = after.find("first") ? "kept\n" : "lost\n";
        for (const std::string& line : formatted(after.problems())) text += line + '\n';
        return text;
    });
    ASSERT_TRUE(result.has_value());
    EXPECT_EQ(*result, "kept\nerror: " + folder.directory.string() +
                           ": cannot be read now (Permission denied); its 1 lesson stays as last read\n");
}

TEST(FileSystem, the_running_program_reports_a_vanished_lesson_folder_once_and_recovers) {
    LessonFolder folder;
    app::Options options;
    options.lessonDirs = {folder.directory};
    options.lesson = "first";
    app::Application application(options);
    const auto away = folder.directory.string() + "-away";
    testing::internal::CaptureStderr();
    std::filesystem::rename(folder.directory, away);
    for (int check = 0; check < 5; ++check) application.checkLessonFiles();
    const std::string said = testing::internal::GetCapturedStderr();
    EXPECT_EQ(said, "psoas-atlas: error: " + folder.directory.string() +
                        ": cannot be read now (No such file or directory); its 1 lesson stays as last read\n");
    EXPECT_EQ(application.status(),
              folder.directory.string() + " cannot be read now (No such file or directory); its 1 lesson stays as last read");
    EXPECT_NE(application.lessonLibrary().find("first"), nullptr);
    EXPECT_EQ(application.lessonPlayer().lesson().id, "first");

    std::filesystem::rename(away, folder.directory);
    application.checkLessonFiles();
    EXPECT_TRUE(application.lessonLibrary().folderProblems().empty());
    EXPECT_EQ(application.status(), "The lesson folders can be read again") << "the open lesson did not change: it stays as it is";
}

}  // namespace
}  // namespace psoas
