#include "core/transient_message.hpp"

#include <gtest/gtest.h>

namespace psoas {
namespace {

// Session 10: a mistyped link's line, said while the browser page started, had expired before its
// first frame (6 s on software WebGL) and was never seen. The seconds count from the first frame.
TEST(TransientMessage, its_seconds_count_from_the_first_frame_that_shows_it) {
    TransientMessage message(5.0);
    message.say("The page's link: no lesson 'atachments'");
    EXPECT_FALSE(message.due()) << "not drawn yet: nothing is due";
    EXPECT_FALSE(message.expire(100.0)) << "never drawn: it waits for its frame";
    EXPECT_EQ(message.shownAt(100.0), "The page's link: no lesson 'atachments'");
    EXPECT_EQ(message.due(), 105.0);
    EXPECT_EQ(message.shownAt(104.9), "The page's link: no lesson 'atachments'");
    EXPECT_EQ(message.shownAt(105.1), "");
    EXPECT_FALSE(message.due());
}

TEST(TransientMessage, a_new_message_starts_its_own_time_and_expiry_says_it_changed) {
    TransientMessage message(5.0);
    message.say("first");
    (void)message.shownAt(0.0);
    message.say("second");
    EXPECT_EQ(message.shownAt(4.0), "second");
    EXPECT_FALSE(message.expire(8.9));
    EXPECT_TRUE(message.expire(9.1));
    EXPECT_EQ(message.text(), "");
    EXPECT_FALSE(message.expire(20.0)) << "nothing left to expire";
}

}  // namespace
}  // namespace psoas
