#include "core/settings_store.hpp"

#include "support/test_paths.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace psoas {
namespace {

// A settings path that can never be written, even as root: its folder is a plain file.
std::filesystem::path unwritableSettings() {
    const auto dir = test::temporaryDirectory();
    std::ofstream(dir / "not-a-folder") << "x";
    return dir / "not-a-folder" / "settings.toml";
}

TEST(SettingsStore, a_failing_save_is_told_once_not_at_every_step) {
    SettingsStore store(unwritableSettings());
    const std::string first = store.save(Settings{});
    EXPECT_NE(first.find("Settings not saved: "), std::string::npos) << first;
    EXPECT_EQ(store.save(Settings{}), "");  // the same reason again: the teacher knows already
    EXPECT_EQ(store.saveOnStepChange(7, Settings{}), "");
}

TEST(SettingsStore, each_new_step_is_saved_and_the_same_step_is_not_saved_again) {
    const auto file = test::temporaryDirectory() / "settings.toml";
    SettingsStore store(file);
    store.stepSaved(1);
    Settings settings;
    settings.lastLesson = "actions";
    settings.lastStep = 2;
    EXPECT_EQ(store.saveOnStepChange(1, settings), "");
    EXPECT_FALSE(std::filesystem::exists(file)) << "the step the viewer opened on was saved again";
    EXPECT_EQ(store.saveOnStepChange(2, settings), "");
    ASSERT_TRUE(std::filesystem::exists(file));
    EXPECT_EQ(store.load().settings.lastStep, 2);
    EXPECT_EQ(store.load().settings.lastLesson, "actions");
    std::filesystem::remove(file);
    EXPECT_EQ(store.saveOnStepChange(2, settings), "");
    EXPECT_FALSE(std::filesystem::exists(file)) << "the same step was saved twice";
}

TEST(SettingsStore, without_a_file_nothing_is_read_or_written) {
    SettingsStore store;
    EXPECT_FALSE(store.keeping());
    EXPECT_EQ(store.save(Settings{}), "");
    EXPECT_EQ(store.load().warning, "");
}

// A browser page keeps its files only when told to copy them to lasting storage: every save that
// wrote the file must say so, and a save that wrote nothing (same step, failed) must not.
TEST(SettingsStore, tells_after_each_save_that_wrote_the_file_and_only_then) {
    int told = 0;
    SettingsStore store(test::temporaryDirectory() / "settings.toml", [&told] { ++told; });
    store.stepSaved(1);
    EXPECT_EQ(store.save(Settings{}), "");
    EXPECT_EQ(told, 1);
    EXPECT_EQ(store.saveOnStepChange(1, Settings{}), "");
    EXPECT_EQ(told, 1) << "nothing was written, yet it told";
    EXPECT_EQ(store.saveOnStepChange(2, Settings{}), "");
    EXPECT_EQ(told, 2);
    SettingsStore failing(unwritableSettings(), [&told] { ++told; });
    EXPECT_NE(failing.save(Settings{}), "");
    EXPECT_EQ(told, 2) << "a failed save told that the file was written";
}

}  // namespace
}  // namespace psoas
