#include "app/platform.hpp"

#include <cstdlib>

namespace psoas::app::platform {

bool lessonComesFromALink() { return false; }

bool displayAvailable() {
    const char* x11 = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    return (x11 && *x11) || (wayland && *wayland);
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

}  // namespace psoas::app::platform
