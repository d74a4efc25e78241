// The --script format: each line a timed input; a bad line is reported with file:line:col.

#include "app/input_script.hpp"
#include "core/diagnostic.hpp"

#include <gtest/gtest.h>

namespace psoas::app {
namespace {

TEST(InputScript, reads_keys_with_modifiers_pointer_moves_and_waits) {
    const auto script = parseInputScript("# a class\nkey ctrl+equal\nkey pagedown  # next\n\ndrag 1 2 30 40 right\n"
                                         "wait 1.5\nlesson quiz 2\nscreenshot end\n",
                                         "class.script");
    ASSERT_EQ(script.size(), 6u);
    EXPECT_EQ(script[0].chord, (KeyChord{Key::Equal, modifier::Control}));
    EXPECT_EQ(script[1].chord.key, Key::PageDown);
    EXPECT_EQ(script[1].line, 3);
    EXPECT_TRUE(script[2].right);
    EXPECT_EQ(script[2].to, glm::vec2(30.0f, 40.0f));
    EXPECT_EQ(script[3].value, 1.5);
    EXPECT_EQ(script[4].name, "quiz");
    EXPECT_EQ(script[4].value, 2.0);
    EXPECT_EQ(script[5].kind, ScriptCommand::Kind::Screenshot);
    EXPECT_EQ(script[5].name, "end");
}

// Found writing a script by hand: "screenshot card.png" wrote card.png.png.
TEST(InputScript, a_screenshot_named_with_its_png_extension_keeps_one) {
    const auto script = parseInputScript("screenshot card.png\nscreenshot .png\n", "s.script");
    EXPECT_EQ(script[0].name, "card");
    EXPECT_EQ(script[1].name, ".png");
}

// Tester, session 6: a script could not type into a text field.
TEST(InputScript, type_reads_the_rest_of_the_line_as_text) {
    const auto script = parseInputScript("type Lesser  troch\u00e4nter # a comment\n", "type.script");
    ASSERT_EQ(script.size(), 1u);
    EXPECT_EQ(script[0].kind, ScriptCommand::Kind::Type);
    EXPECT_EQ(script[0].name, "Lesser troch\u00e4nter");
    EXPECT_THROW((void)parseInputScript("type\n", "type.script"), DataFileError);
}

// Issue 13: a drag to pose holds Alt, and a drag in progress is held for a screenshot until `release`.
TEST(InputScript, a_drag_may_hold_alt_and_stay_pressed_until_release) {
    const auto script = parseInputScript("drag 1 2 30 40 alt hold\nscreenshot mid\nrelease\n", "pose.script");
    ASSERT_EQ(script.size(), 3u);
    EXPECT_TRUE(script[0].alt);
    EXPECT_TRUE(script[0].hold);
    EXPECT_FALSE(script[0].right);
    EXPECT_EQ(script[2].kind, ScriptCommand::Kind::Release);
    EXPECT_THROW((void)parseInputScript("drag 1 2 3 4 alt alt\n", "s.script"), DataFileError);
    EXPECT_THROW((void)parseInputScript("drag 1 2 3 4 shift\n", "s.script"), DataFileError);
    EXPECT_THROW((void)parseInputScript("release 3\n", "s.script"), DataFileError);
}

// Tester, session 16: "key F12" was "no key 'F12'". Key names and modifiers are read in either case.
TEST(InputScript, key_names_are_read_in_either_case) {
    const auto script = parseInputScript("key F12\nkey Ctrl+Shift+S\nkey ESCAPE\n", "keys.script");
    ASSERT_EQ(script.size(), 3u);
    EXPECT_EQ(script[0].chord, (KeyChord{Key::F12, 0}));
    EXPECT_EQ(script[1].chord, (KeyChord{Key::S, modifier::Control | modifier::Shift}));
    EXPECT_EQ(script[2].chord.key, Key::Escape);
    try {
        (void)parseInputScript("key Ctrl+PageDwn\n", "keys.script");
        FAIL() << "no such key";
    } catch (const DataFileError& e) {
        ASSERT_EQ(e.diagnostics().size(), 1u);
        EXPECT_EQ(e.diagnostics()[0].format(), "keys.script:1:5: no key 'PageDwn' (did you mean 'pagedown'?)");
    }
}

TEST(InputScript, bad_lines_are_reported_with_their_place_and_a_guess) {
    try {
        (void)parseInputScript("key pagedwn\nwait -3\nclik 1 2\nscreenshot ../x\n", "class.script");
        FAIL() << "the script has four bad lines";
    } catch (const DataFileError& e) {
        const auto& problems = e.diagnostics();
        ASSERT_EQ(problems.size(), 4u);
        EXPECT_EQ(problems[0].format(), "class.script:1:5: no key 'pagedwn' (did you mean 'pagedown'?)");
        EXPECT_EQ(problems[1].line, 2);
        EXPECT_EQ(problems[1].column, 6);
        EXPECT_NE(problems[2].message.find("did you mean 'click'"), std::string::npos) << problems[2].message;
        EXPECT_EQ(problems[3].line, 4);
    }
}

}  // namespace
}  // namespace psoas::app
