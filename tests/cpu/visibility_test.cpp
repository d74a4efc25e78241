#include "core/visibility.hpp"

#include <gtest/gtest.h>

namespace psoas {
namespace {

std::vector<bool> snapshot(const Visibility& v) {
    std::vector<bool> state;
    for (std::size_t i = 0; i < v.size(); ++i) state.push_back(v.visible(i));
    return state;
}

TEST(Visibility, everything_starts_visible) {
    const Visibility v(4);
    EXPECT_EQ(snapshot(v), std::vector<bool>(4, true));
    EXPECT_FALSE(v.isolated());
}

TEST(Visibility, leaving_isolation_restores_the_exact_earlier_visibility) {
    Visibility v(5);
    v.setVisible(1, false);
    v.setVisible(3, false);
    const auto before = snapshot(v);
    v.isolate(2);
    EXPECT_EQ(snapshot(v), (std::vector<bool>{false, false, true, false, false}));
    EXPECT_TRUE(v.isolated());
    v.isolate(4);  // isolating another keeps the first snapshot
    v.leaveIsolation();
    EXPECT_EQ(snapshot(v), before);
    EXPECT_FALSE(v.isolated());
}

TEST(Visibility, leaving_isolation_restores_fading_too) {
    Visibility v(3);
    v.toggleFaded(0);
    v.setOpacity(2, 0.6f);
    v.isolate(1);
    v.leaveIsolation();
    EXPECT_FLOAT_EQ(v.opacity(0), Visibility::kFadedOpacity);
    EXPECT_FLOAT_EQ(v.opacity(1), 1.0f);
    EXPECT_FLOAT_EQ(v.opacity(2), 0.6f);
}

TEST(Visibility, fading_toggles_and_never_reaches_invisible) {
    Visibility v(1);
    v.toggleFaded(0);
    EXPECT_FLOAT_EQ(v.opacity(0), Visibility::kFadedOpacity);
    v.toggleFaded(0);
    EXPECT_FLOAT_EQ(v.opacity(0), 1.0f);
    v.setOpacity(0, 0.0f);
    EXPECT_GT(v.opacity(0), 0.0f);
}

TEST(Visibility, show_all_ends_isolation) {
    Visibility v(3);
    v.setVisible(0, false);
    v.isolate(1);
    v.showAll();
    EXPECT_EQ(snapshot(v), std::vector<bool>(3, true));
    EXPECT_FALSE(v.isolated());
}

TEST(Visibility, isolating_an_index_out_of_range_changes_nothing) {
    Visibility v(2);
    v.isolate(7);
    EXPECT_FALSE(v.isolated());
    EXPECT_EQ(snapshot(v), std::vector<bool>(2, true));
}

}  // namespace
}  // namespace psoas
