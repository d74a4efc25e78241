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

}  // namespace
}  // namespace psoas
