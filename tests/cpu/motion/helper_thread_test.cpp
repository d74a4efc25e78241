#include "core/motion/helper_thread.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <thread>
#include <vector>

namespace psoas {
namespace {

TEST(HelperThread, runs_both_shares_and_returns_when_both_are_done) {
    HelperThread helper;
    std::vector<int> theirsDone, mineDone;
    for (int frame = 0; frame < 200; ++frame) {
        auto theirs = [&] { theirsDone.push_back(frame); };
        helper.together(theirs, [&] { mineDone.push_back(frame); });
        ASSERT_EQ(theirsDone.size(), static_cast<std::size_t>(frame + 1));  // read here: written before together() returned
        ASSERT_EQ(theirsDone.back(), frame);
        ASSERT_EQ(mineDone.back(), frame);
    }
}

TEST(HelperThread, runs_their_share_on_another_thread_where_there_are_two_cores) {
    if (std::thread::hardware_concurrency() < 2) GTEST_SKIP() << "one core: both shares run here";
    HelperThread helper;
    std::thread::id theirs, mine;
    auto job = [&] { theirs = std::this_thread::get_id(); };
    helper.together(job, [&] { mine = std::this_thread::get_id(); });
    EXPECT_EQ(mine, std::this_thread::get_id());
    EXPECT_NE(theirs, mine);
}

TEST(HelperThread, passes_on_what_either_share_threw_and_keeps_working) {
    HelperThread helper;
    auto throws = [] { throw std::runtime_error("theirs"); };
    auto quiet = [] {};
    try {
        helper.together(throws, [] {});
        ADD_FAILURE() << "their exception was lost";
    } catch (const std::runtime_error& e) {
        EXPECT_STREQ(e.what(), "theirs");
    }
    // Mine is reported first when both throw; theirs has finished by then (it uses the caller's data).
    try {
        helper.together(throws, [] { throw std::logic_error("mine"); });
        ADD_FAILURE() << "my exception was lost";
    } catch (const std::logic_error& e) {
        EXPECT_STREQ(e.what(), "mine");
    }
    int ran = 0;
    auto counts = [&] { ++ran; };
    helper.together(counts, [&] { ++ran; });
    EXPECT_EQ(ran, 2);
    helper.together(quiet, [] {});  // the earlier failure is not reported again
}

}  // namespace
}  // namespace psoas
