// Presenter mode on two screens, without a window: what each screen shows (core/screen_plan), where
// the class's window goes, how the session enters and leaves it, and the teacher's desk view.
#include "app/input_map.hpp"
#include "core/screen_plan.hpp"

#include <gtest/gtest.h>

namespace psoas {
namespace {

TEST(ScreenPlan, one_screen_presents_on_the_teachers_window_and_two_keep_its_panels) {
    // Not presenting: panels, normal text; an image without panels has the slide layout.
    EXPECT_EQ(screenRole(Screen::Teacher, false, false), (ScreenRole{LayoutMode::Panels, false}));
    EXPECT_EQ(screenRole(Screen::Teacher, false, false, false), (ScreenRole{LayoutMode::Slide, false}));
    // Presenter mode on one screen: the teacher's window is the room's, full screen.
    EXPECT_EQ(screenRole(Screen::Teacher, true, false), (ScreenRole{LayoutMode::Slide, true}));
    EXPECT_TRUE(teacherFullscreen(true, false));
    // On two: the laptop keeps its panels, at its own text size, in its window; the class's
    // window has the slide for the room.
    EXPECT_EQ(screenRole(Screen::Teacher, true, true), (ScreenRole{LayoutMode::Panels, false}));
    EXPECT_EQ(screenRole(Screen::Audience, true, true), (ScreenRole{LayoutMode::Slide, true}));
    EXPECT_FALSE(teacherFullscreen(true, true));
    EXPECT_FALSE(teacherFullscreen(false, false));
}

TEST(ScreenPlan, blanking_blacks_out_the_class_screen_and_leaves_the_teachers_on_two_screens) {
    EXPECT_TRUE(screenBlanked(Screen::Teacher, true, false));  // one screen: it is the class's
    EXPECT_FALSE(screenBlanked(Screen::Teacher, true, true));
    EXPECT_TRUE(screenBlanked(Screen::Audience, true, true));
    EXPECT_FALSE(screenBlanked(Screen::Audience, false, true));
    EXPECT_FALSE(screenBlanked(Screen::Teacher, false, false));
}

TEST(ScreenPlan, the_class_window_goes_full_screen_on_the_monitor_without_the_teachers_window) {
    const ScreenRect laptop{0, 0, 1920, 1080}, projector{1920, 0, 1280, 720};
    const ScreenRect teacher{100, 100, 1280, 720};
    AudiencePlace place = placeAudience({laptop, projector}, teacher);
    ASSERT_TRUE(place.fullscreenOn);
    EXPECT_EQ(*place.fullscreenOn, 1u);
    EXPECT_EQ(place.window, projector);
    // The teacher dragged the viewer onto the projector (the primary is then the free one).
    place = placeAudience({laptop, projector}, {2000, 50, 800, 600});
    EXPECT_EQ(*place.fullscreenOn, 0u);
    // Three monitors, the teacher on the first: the larger free one.
    const ScreenRect big{-3840, 0, 3840, 2160};
    EXPECT_EQ(*placeAudience({laptop, projector, big}, teacher).fullscreenOn, 2u);
}

TEST(ScreenPlan, on_one_monitor_the_class_window_is_a_16_by_9_window_beside_the_teachers_on_that_screen) {
    const ScreenRect screen{0, 0, 1920, 1080};
    AudiencePlace place = placeAudience({screen}, {0, 0, 900, 700});
    EXPECT_FALSE(place.fullscreenOn);
    EXPECT_EQ(place.window, (ScreenRect{900, 0, 960, 540}));
    EXPECT_EQ(place.fit, AudienceFit::Beside);
    // Room on the left only: beside it on the left.
    place = placeAudience({screen}, {1000, 100, 920, 700});
    EXPECT_EQ(place.window, (ScreenRect{40, 100, 960, 540}));
    // A maximised teacher's window: no room beside it, a third of the screen in a corner.
    place = placeAudience({screen}, screen);
    EXPECT_EQ(place.fit, AudienceFit::Corner);
    EXPECT_EQ(place.window.width, 640);
    EXPECT_EQ(place.window.height, 360);
    // A small screen: at least 480 wide where it has room, never wider than the screen.
    EXPECT_EQ(placeAudience({{0, 0, 800, 600}}, {0, 0, 800, 600}).window.width, 480);
    EXPECT_EQ(placeAudience({{0, 0, 320, 240}}, {0, 0, 320, 240}).window.width, 320);
    // GLFW reported no monitor at all: a window anyway.
    EXPECT_EQ(placeAudience({}, {0, 0, 640, 480}).window.width, 640);
}

// Fresh tester, session 9: on a 1366x768 laptop with no projector, the viewer 1280x720 at the
// top-left, the class's window (683x384) opened at x=683, over the right half of the model.
TEST(ScreenPlan, on_one_small_screen_the_class_window_goes_to_the_corner_that_covers_least_of_the_model) {
    const ScreenRect laptop{0, 0, 1366, 768}, teacher{0, 0, 1280, 720};
    const ScreenRect model{567, 0, 475, 720};  // the middle half of the 3D view, right of a 330 px panel
    AudiencePlace place = placeAudience({laptop}, teacher, model);
    EXPECT_FALSE(place.fullscreenOn);
    EXPECT_EQ(place.fit, AudienceFit::Corner);
    EXPECT_EQ(place.window, (ScreenRect{0, 498, 480, 270}));  // bottom-left, over the panel's foot
    auto overlaps = [](ScreenRect a, ScreenRect b) {
        return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    };
    EXPECT_FALSE(overlaps(place.window, model));
    // A model drawn on the left: the right corner.
    place = placeAudience({laptop}, teacher, {100, 0, 500, 720});
    EXPECT_EQ(place.window, (ScreenRect{886, 498, 480, 270}));
    // No model given: the middle half of the teacher's window is kept clear as well as it can be.
    place = placeAudience({laptop}, {0, 0, 1366, 768});
    EXPECT_EQ(place.fit, AudienceFit::Corner);
    EXPECT_EQ(place.window.y, 498);
    // A screen on the right of the primary: the corner is on that screen.
    place = placeAudience({{1366, 0, 1366, 768}}, {1366, 0, 1366, 768}, {1900, 0, 300, 768});
    EXPECT_GE(place.window.x, 1366);
    EXPECT_LE(place.window.x + place.window.width, 2732);
}

TEST(ScreenPlan, f6_is_the_two_screens_key_and_the_key_list_names_it_on_the_desktop) {
    EXPECT_EQ(app::actionForKey({Key::F6, 0}, false), app::ViewerAction::ToggleTwoScreens);
    EXPECT_EQ(app::actionForKey({Key::F6, 0}, true), app::ViewerAction::ToggleTwoScreens);
    bool listed = false;
    for (const ui::HelpEntry& entry : app::helpEntries()) listed = listed || entry.keys == "F6";
    EXPECT_TRUE(listed);
}

}  // namespace
}  // namespace psoas
