#include "app/platform.hpp"

#include <GLFW/glfw3.h>

#include <cstdlib>

namespace psoas::app::platform {

bool lessonComesFromALink() { return false; }

bool displayAvailable() {
    const char* x11 = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    return (x11 && *x11) || (wayland && *wayland);
}

std::string noGraphicsMessage(const std::string& reason) {
    return "cannot create an OpenGL 3.3 window (" + reason + "); update the graphics driver";
}

void runFrames(std::function<bool()> frame) {
    while (frame()) {}
}

void listenForTouch(std::function<void(const TouchIntent&)>) {}  // the system moves the pointer (platform.hpp)

bool offerDownload(const std::filesystem::path&) { return false; }  // already on the disk (platform.hpp)

void keepUserFiles() {}  // on the disk already (platform.hpp)

bool picksFiles() { return false; }

FilePicker chooseFiles() { return FilePicker::None; }

std::string shownPath(const std::filesystem::path& file) { return file.string(); }

std::string shownKeptPath(const std::filesystem::path& file) { return file.string(); }

bool offersSecondWindow() { return true; }

bool canQuit() { return true; }

std::unique_ptr<Window> openSecondWindow(Window& first, const std::string& title) {
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    std::vector<ScreenRect> areas;
    std::vector<GLFWmonitor*> handles;
    for (int i = 0; i < count; ++i) {
        const GLFWvidmode* mode = glfwGetVideoMode(monitors[i]);
        if (!mode) continue;
        ScreenRect area{0, 0, mode->width, mode->height};
        glfwGetMonitorPos(monitors[i], &area.x, &area.y);
        areas.push_back(area);
        handles.push_back(monitors[i]);
    }
    const AudiencePlace place = placeAudience(areas, first.placement());
    auto second = std::make_unique<Window>(WindowOptions{place.window.width, place.window.height, true, false, title, first.handle()});
    second->showOn(place.fullscreenOn ? handles[*place.fullscreenOn] : nullptr, place.window);
    first.makeCurrent();
    return second;
}

}  // namespace psoas::app::platform
