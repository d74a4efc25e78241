#include "core/diagnostic.hpp"

#include <gtest/gtest.h>

namespace psoas {
namespace {

TEST(Diagnostic, formats_as_file_line_column_message) {
    EXPECT_EQ((Diagnostic{"lessons/a.toml", 3, 7, "unknown key 'titel'"}.format()), "lessons/a.toml:3:7: unknown key 'titel'");
    EXPECT_EQ((Diagnostic{"models/atlas.toml", 0, 0, "cannot be opened"}.format()), "error: models/atlas.toml: cannot be opened");
}

TEST(ClosestMatch, suggests_a_near_spelling_and_nothing_for_a_different_word) {
    const std::vector<std::string> keys{"name", "latin", "group", "colour"};
    EXPECT_EQ(closestMatch("color", keys), "colour");
    EXPECT_EQ(closestMatch("groop", keys), "group");
    EXPECT_EQ(closestMatch("insertion", keys), "");
    EXPECT_EQ(closestMatch("latni", keys), "latin");  // swapped neighbours count as one slip
}

// Tester, session 12: `pose = { right_hip = { flexion = 45 } }` got no suggestion; the key is
// hip_right. The same words in another order, or a side spelt out, name the key meant.
TEST(ClosestMatch, suggests_the_same_words_in_another_order_or_with_the_side_spelt_out) {
    const std::vector<std::string> keys{"hip_right", "hip_left", "lumbar_extension", "psoas_major_l", "psoas_major_r"};
    EXPECT_EQ(closestMatch("right_hip", keys), "hip_right");
    EXPECT_EQ(closestMatch("Left_Hip", keys), "hip_left");
    EXPECT_EQ(closestMatch("extension_lumbar", keys), "lumbar_extension");
    EXPECT_EQ(closestMatch("psoas_major_left", keys), "psoas_major_l");
    EXPECT_EQ(closestMatch("right", keys), "") << "one word is no reordering";
    EXPECT_EQ(closestMatch("knee_right", keys), "");
}

}  // namespace
}  // namespace psoas
