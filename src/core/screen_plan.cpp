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

AudiencePlace placeAudience(const std::vector<ScreenRect>& monitors, ScreenRect teacher) {
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
    const int width = std::min(screen.width, std::max(screen.width / 2, std::min(480, screen.width)));
    const int height = static_cast<int>(static_cast<float>(width) / kAudienceAspect);
    // Right of the teacher's window where it fits, else against the screen's right edge.
    const int right = screen.x + screen.width - width;
    place.window = {std::clamp(teacher.x + teacher.width, screen.x, std::max(right, screen.x)),
                    std::clamp(teacher.y, screen.y, std::max(screen.y + screen.height - height, screen.y)), width, height};
    return place;
}

}  // namespace psoas
