#include "core/screen_plan.hpp"

#include <algorithm>

namespace psoas {

namespace {
long overlap(const ScreenRect& a, const ScreenRect& b) {
    const long w = std::max(0, std::min(a.x + a.width, b.x + b.width) - std::max(a.x, b.x));
    const long h = std::max(0, std::min(a.y + a.height, b.y + b.height) - std::max(a.y, b.y));
    return w * h;
}
long area(const ScreenRect& r) { return static_cast<long>(r.width) * r.height; }
}  // namespace

ScreenRole screenRole(Screen screen, bool presenter, bool twoScreens, bool withUi) {
    if (screen == Screen::Audience) return {LayoutMode::Slide, true};
    const bool slide = !withUi || (presenter && !twoScreens);
    return {slide ? LayoutMode::Slide : LayoutMode::Panels, presenter && !twoScreens};
}

bool screenBlanked(Screen screen, bool blank, bool twoScreens) { return blank && !(screen == Screen::Teacher && twoScreens); }

bool teacherFullscreen(bool presenter, bool twoScreens) { return presenter && !twoScreens; }

AudiencePlace placeAudience(const std::vector<ScreenRect>& monitors, ScreenRect teacher, ScreenRect model) {
    AudiencePlace place;
    if (monitors.size() >= 2) {
        std::size_t best = 0;
        for (std::size_t i = 1; i < monitors.size(); ++i) {
            const long held = overlap(monitors[i], teacher), bestHeld = overlap(monitors[best], teacher);
            if (held < bestHeld || (held == bestHeld && area(monitors[i]) > area(monitors[best]))) best = i;
        }
        place.fullscreenOn = best;
        place.window = monitors[best];
        return place;
    }
    const ScreenRect screen = monitors.empty() ? ScreenRect{0, 0, 1280, 720} : monitors.front();
    const int narrowest = std::min(kAudienceMinWidth, screen.width);
    // A 16:9 window `width` wide (less where the screen is too low for it).
    auto sized = [&](int width) {
        const int height = std::min(static_cast<int>(static_cast<float>(width) / kAudienceAspect), screen.height);
        return ScreenRect{0, 0, std::min(width, static_cast<int>(static_cast<float>(height) * kAudienceAspect)), height};
    };
    const int top = std::clamp(teacher.y, screen.y, screen.y + screen.height);
    auto levelWith = [&](ScreenRect window) {
        window.y = std::clamp(top, screen.y, std::max(screen.y + screen.height - window.height, screen.y));
        return window;
    };
    const int rightRoom = screen.x + screen.width - std::max(teacher.x + teacher.width, screen.x);
    const int leftRoom = std::min(teacher.x, screen.x + screen.width) - screen.x;
    const int half = std::max(screen.width / 2, narrowest);
    place.fit = AudienceFit::Beside;
    if (rightRoom >= narrowest) {
        place.window = levelWith(sized(std::min(half, rightRoom)));
        place.window.x = screen.x + screen.width - rightRoom;
        return place;
    }
    if (leftRoom >= narrowest) {
        place.window = levelWith(sized(std::min(half, leftRoom)));
        place.window.x = screen.x + leftRoom - place.window.width;
        return place;
    }
    // No room beside it: a corner of the screen, the one over least of the model.
    if (model.width <= 0 || model.height <= 0) model = {teacher.x + teacher.width / 4, teacher.y, teacher.width / 2, teacher.height};
    const ScreenRect size = sized(std::max(screen.width / 3, narrowest));
    const int left = screen.x, right = screen.x + screen.width - size.width;
    const int upper = screen.y, lower = screen.y + screen.height - size.height;
    const ScreenRect corners[] = {{right, lower, size.width, size.height},
                                  {left, lower, size.width, size.height},
                                  {right, upper, size.width, size.height},
                                  {left, upper, size.width, size.height}};
    place.fit = AudienceFit::Corner;
    place.window = corners[0];
    for (const ScreenRect& corner : corners)
        if (overlap(corner, model) < overlap(place.window, model)) place.window = corner;
    return place;
}

}  // namespace psoas
