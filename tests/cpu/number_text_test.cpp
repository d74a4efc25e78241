#include "core/number_text.hpp"

#include <gtest/gtest.h>

namespace psoas {
namespace {

TEST(ParseDecimal, reads_the_numbers_a_person_types) {
    EXPECT_EQ(parseDecimal("1.5"), 1.5);
    EXPECT_EQ(parseDecimal("-2"), -2.0);
    EXPECT_EQ(parseDecimal("3e-1"), 0.3);
    EXPECT_EQ(parseDecimal(".25"), 0.25);
    EXPECT_EQ(parseDecimal("0"), 0.0);
}

TEST(ParseDecimal, refuses_anything_that_is_not_the_whole_text_one_number) {
    for (const char* text : {"", " 1", "1 ", "+1", "1,5", "1.5x", "abc", "0x10", "inf", "nan", "1e999", "--1"})
        EXPECT_FALSE(parseDecimal(text)) << "'" << text << "'";
}

// Fresh tester, issue 14: the text-size toast wrapped "250 %" with the sign alone on a line.
TEST(PercentText, keeps_the_number_and_its_sign_together) {
    EXPECT_EQ(percentText(2.5), "250\u00a0%");
    EXPECT_EQ(percentText(1.0), "100\u00a0%");
    EXPECT_EQ(percentText(1.254), "125\u00a0%");
}

}  // namespace
}  // namespace psoas
