#include "core/label_layout.hpp"

#include <gtest/gtest.h>

namespace psoas {
namespace {

bool overlap(const PlacedLabel& a, glm::vec2 sa, const PlacedLabel& b, glm::vec2 sb) {
    return a.position.x < b.position.x + sb.x && b.position.x < a.position.x + sa.x &&
           a.position.y < b.position.y + sb.y && b.position.y < a.position.y + sa.y;
}

TEST(LabelLayout, labels_never_overlap_and_stay_inside_the_view) {
    const ViewRect view{{300.0f, 0.0f}, {900.0f, 600.0f}};
    std::vector<LabelRequest> labels;
    // Twelve anchors bunched together, some outside the view: the worst case for a crowded step.
    for (int i = 0; i < 12; ++i)
        labels.push_back({{700.0f + float(i % 3) * 40.0f - 60.0f, 280.0f + float(i) * 6.0f - (i == 11 ? 900.0f : 0.0f)},
                          {120.0f + float(i) * 5.0f, 26.0f}});
    const auto placed = layoutLabels(labels, view, 6.0f);
    ASSERT_EQ(placed.size(), labels.size());
    for (std::size_t i = 0; i < placed.size(); ++i) {
        EXPECT_GE(placed[i].position.x, view.origin.x);
        EXPECT_LE(placed[i].position.x + labels[i].size.x, view.origin.x + view.size.x);
        EXPECT_GE(placed[i].position.y, view.origin.y);
        EXPECT_LE(placed[i].position.y + labels[i].size.y, view.origin.y + view.size.y);
        for (std::size_t j = i + 1; j < placed.size(); ++j)
            EXPECT_FALSE(overlap(placed[i], labels[i].size, placed[j], labels[j].size)) << i << " and " << j;
    }
}

TEST(LabelLayout, labels_go_to_the_side_of_their_anchor_in_anchor_order) {
    const ViewRect view{{0.0f, 0.0f}, {1000.0f, 800.0f}};
    const auto placed = layoutLabels({{{100.0f, 500.0f}, {80.0f, 20.0f}}, {{900.0f, 100.0f}, {80.0f, 20.0f}},
                                      {{120.0f, 200.0f}, {80.0f, 20.0f}}},
                                     view, 4.0f);
    EXPECT_FALSE(placed[0].rightColumn);
    EXPECT_TRUE(placed[1].rightColumn);
    EXPECT_LT(placed[2].position.y, placed[0].position.y);  // higher anchor, higher label: no crossing leaders
    EXPECT_NEAR(placed[0].position.y, 490.0f, 1e-4f);       // level with its anchor when there is room
}

// A label with a home (a bending muscle's unbent point) takes its column from there: its anchor,
// on whatever part of the muscle shows, may cross the middle as a walking leg swings (tester,
// session 11: tags swapped columns several times a cycle).
TEST(LabelLayout, a_label_with_a_home_takes_its_column_from_it_wherever_its_anchor_is) {
    const ViewRect view{{0.0f, 0.0f}, {1000.0f, 800.0f}};
    for (const float anchorX : {300.0f, 499.0f, 501.0f, 700.0f}) {
        const auto placed = layoutLabels({{{anchorX, 300.0f}, {80.0f, 20.0f}, glm::vec2(480.0f, 310.0f)},
                                          {{anchorX, 400.0f}, {80.0f, 20.0f}, glm::vec2(520.0f, 410.0f)}},
                                         view, 4.0f);
        EXPECT_FALSE(placed[0].rightColumn) << anchorX;
        EXPECT_TRUE(placed[1].rightColumn) << anchorX;
        EXPECT_EQ(placed[0].anchor, glm::vec2(anchorX, 300.0f));  // the leader still ends on the anchor
    }
}

// And its row (fresh tester, session 12): the walking step's tags jumped ~120 px between frames as
// the part of each muscle that shows moved up and down; level with their homes they stay put,
// whichever anchor shows.
TEST(LabelLayout, a_label_with_a_home_keeps_its_row_wherever_its_anchor_is) {
    const ViewRect view{{0.0f, 0.0f}, {1000.0f, 800.0f}};
    for (const float anchorY : {100.0f, 300.0f, 650.0f}) {
        const auto placed = layoutLabels({{{300.0f, anchorY}, {80.0f, 20.0f}, glm::vec2(310.0f, 400.0f)},
                                          {{320.0f, 800.0f - anchorY}, {80.0f, 20.0f}, glm::vec2(330.0f, 500.0f)}},
                                         view, 4.0f);
        EXPECT_NEAR(placed[0].position.y, 390.0f, 1e-4f) << anchorY;
        EXPECT_NEAR(placed[1].position.y, 490.0f, 1e-4f) << anchorY;
    }
}

// Regression (issue 15): an anchor outside the view was clamped onto its edge, so the leader ended
// on whatever was drawn there ("insertion" on L5/S1). The layout places boxes; it never moves anchors.
TEST(LabelLayout, anchors_are_never_moved) {
    const ViewRect view{{0.0f, 0.0f}, {400.0f, 300.0f}};
    const auto placed = layoutLabels({{{-50.0f, 350.0f}, {80.0f, 20.0f}}, {{200.0f, 100.0f}, {80.0f, 20.0f}}}, view, 4.0f);
    EXPECT_EQ(placed[0].anchor, glm::vec2(-50.0f, 350.0f));
    EXPECT_EQ(placed[1].anchor, glm::vec2(200.0f, 100.0f));
}

// Tester, session 6: the colour legend in the bottom-left corner was drawn over the length tags of a
// lying body, whose anchors all sit low at the left. A column's reserve keeps its labels above it.
TEST(LabelLayout, labels_keep_clear_of_a_corner_reserved_at_the_bottom_of_their_column) {
    const ViewRect view{{0.0f, 0.0f}, {1280.0f, 540.0f}};
    const ViewRect legend{{10.0f, 400.0f}, {300.0f, 130.0f}};
    std::vector<LabelRequest> labels;
    for (int i = 0; i < 4; ++i) labels.push_back({{200.0f + float(i) * 30.0f, 450.0f + float(i) * 10.0f}, {240.0f, 40.0f}});
    labels.push_back({{1000.0f, 500.0f}, {240.0f, 40.0f}});  // right column: not held up by the left corner
    const auto placed = layoutLabels(labels, view, 8.0f, {view.size.y - legend.origin.y, 0.0f});
    for (std::size_t i = 0; i < 4; ++i) {
        EXPECT_FALSE(placed[i].rightColumn);
        EXPECT_LE(placed[i].position.y + labels[i].size.y, legend.origin.y) << i;
        EXPECT_GE(placed[i].position.y, view.origin.y) << i;
    }
    EXPECT_GT(placed[4].position.y + labels[4].size.y, legend.origin.y) << "the right column keeps its own bottom";
}

// The model fills the right half of the view from y 100 to 700, in 20-pixel bands.
Silhouette rightHalf(const ViewRect& view) {
    Silhouette model;
    model.top = view.origin.y;
    model.rowHeight = 20.0f;
    model.rows.resize(std::size_t(view.size.y / 20.0f));
    for (std::size_t r = 5; r < 35; ++r) model.rows[r] = {view.origin.x + view.size.x * 0.5f, view.origin.x + view.size.x};
    return model;
}

TEST(LabelLayout, a_label_whose_column_would_cover_the_model_goes_to_the_free_side) {
    const ViewRect view{{0.0f, 0.0f}, {1000.0f, 800.0f}};
    const auto placed = layoutLabels({{{700.0f, 400.0f}, {200.0f, 40.0f}}, {{300.0f, 400.0f}, {200.0f, 40.0f}}}, view, 8.0f, {},
                                     rightHalf(view));
    EXPECT_FALSE(placed[0].rightColumn);  // moved left, off the model
    EXPECT_NEAR(placed[0].position.x, 8.0f, 1e-4f);
    EXPECT_EQ(placed[0].anchor, glm::vec2(700.0f, 400.0f));  // the leader still ends where it was asked
    EXPECT_FALSE(placed[1].rightColumn);
}

TEST(LabelLayout, labels_keep_their_side_without_a_model_or_where_their_column_is_free) {
    const ViewRect view{{0.0f, 0.0f}, {1000.0f, 800.0f}};
    const std::vector<LabelRequest> labels{{{700.0f, 400.0f}, {200.0f, 40.0f}}, {{700.0f, 760.0f}, {200.0f, 40.0f}},
                                           {{300.0f, 400.0f}, {200.0f, 40.0f}}};
    for (const auto& placed : {layoutLabels(labels, view, 8.0f), layoutLabels(labels, view, 8.0f, {}, rightHalf(view))}) {
        EXPECT_FALSE(placed[2].rightColumn);
        EXPECT_TRUE(placed[1].rightColumn);  // level with it, the model is not drawn: free
    }
    EXPECT_TRUE(layoutLabels(labels, view, 8.0f)[0].rightColumn);
    // Both columns covered alike: moving would not help, so it stays on its anchor's side.
    Silhouette everywhere = rightHalf(view);
    for (RowSpan& span : everywhere.rows)
        if (!span.empty()) span.left = 0.0f;
    EXPECT_TRUE(layoutLabels(labels, view, 8.0f, {}, everywhere)[0].rightColumn);
}

// Fresh tester, issue 14: presenter mode at 300 % text on 1080 lines (scale 7) drew the leaders
// ~12 px thick over the lumbar spine and the anchor dots as blobs. They grow with the text only up
// to a cap: 4 px lines, 6 px dots on 1080 lines; at 100 % in a window and on every slide size the
// export offers (scale = height / 720) they are as before.
TEST(LeaderStroke, grows_with_the_text_size_only_up_to_a_cap_for_the_screen_height) {
    for (const float scale : {2.33f, 4.66f, 7.0f}) {
        const LeaderStroke room = leaderStroke(scale, true, 1080.0f);
        EXPECT_LE(room.line, 4.0f) << "scale " << scale;
        EXPECT_LE(room.halo, 7.0f) << "scale " << scale;
        EXPECT_LE(room.dot, 6.0f) << "scale " << scale;
        EXPECT_GE(room.line, 3.0f) << "still seen from the back row";
        EXPECT_GT(room.halo, room.line);
    }
    const LeaderStroke window = leaderStroke(1.0f, false, 720.0f);
    EXPECT_FLOAT_EQ(window.line, 1.5f);
    EXPECT_FLOAT_EQ(window.halo, 3.5f);
    EXPECT_FLOAT_EQ(window.dot, 3.5f);
    for (const float height : {720.0f, 1080.0f, 1440.0f, 2160.0f}) {
        const float scale = height / 720.0f;
        const LeaderStroke slide = leaderStroke(scale, false, height);
        EXPECT_FLOAT_EQ(slide.line, 1.5f * scale) << height;
        EXPECT_FLOAT_EQ(slide.halo, 3.5f * scale) << height;
        EXPECT_FLOAT_EQ(slide.dot, 3.5f * scale) << height;
    }
    EXPECT_LE(leaderStroke(12.0f, true, 2160.0f).line, 8.0f) << "the cap grows with the screen";
}

}  // namespace
}  // namespace psoas
