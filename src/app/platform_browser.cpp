// The browser side of app/platform.hpp, and the few GLFW 3.3 functions window.cpp calls that
// Emscripten's GLFW (3.1.6) lacks or leaves unimplemented, answered from the page itself.
#include "app/platform.hpp"

#include "core/viewer_session.hpp"

#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <optional>
#include <vector>
#include <cerrno>
#include <spawn.h>
#include <utility>

// The page's side of touch: every finger on the canvas, in canvas pixels (GLFW's window
// coordinates), goes to psoas_touch. The listener sits on the window in the capture phase and stops
// the event there, so Emscripten's GLFW never sees touches (it would turn each into a left press
// at the last mouse position). The default is prevented: no scrolling, no browser zoom, and no
// mouse events made up after a tap.
EM_JS(void, psoas_listen_for_touch, (), {
    const canvas = Module['canvas'];
    const kinds = {touchstart: 0, touchmove: 1, touchend: 2, touchcancel: 2};
    const handle = function(event) {
        if (event.target !== canvas) return;
        event.preventDefault();
        event.stopPropagation();
        const box = canvas.getBoundingClientRect();
        for (const touch of event.changedTouches) {
            const x = (touch.clientX - box.left) * canvas.width / box.width;
            const y = (touch.clientY - box.top) * canvas.height / box.height;
            _psoas_touch(kinds[event.type], touch.identifier, x, y);
        }
    };
    for (const type of Object.keys(kinds)) window.addEventListener(type, handle, {capture: true, passive: false});
});

// The wheel, in the desktop's units. Emscripten 3.1.6's GLFW hands the browser's raw deltaY to
// the scroll callback: ~100 per notch in Chrome and with the opposite sign, so one notch up zoomed
// out a hundred notches. The browser's own wheel events are stopped on the window and sent on as
// the page's own, carrying the desktop's value (+1 a notch away from the reader); GLFW passes that
// through, to the viewer and to the panels' scrolling alike.
EM_JS(void, psoas_normalise_wheel, (), {
    const canvas = Module['canvas'];
    const perNotch = [100, 3, 1];  // DOM_DELTA_PIXEL, _LINE, _PAGE
    const handle = function(event) {
        if (event.target !== canvas || !event.isTrusted) return;
        event.preventDefault();
        event.stopPropagation();
        if (event.type !== 'wheel') return;  // the legacy 'mousewheel' twin: the 'wheel' one is used
        const notches = -event.deltaY / (perNotch[event.deltaMode] || 100);
        if (notches === 0) return;
        canvas.dispatchEvent(new WheelEvent('wheel', {
            deltaX: 0, deltaY: notches, deltaMode: 0, clientX: event.clientX, clientY: event.clientY,
            bubbles: true, cancelable: true}));
    };
    window.addEventListener('wheel', handle, {capture: true, passive: false});
    window.addEventListener('mousewheel', handle, {capture: true, passive: false});
});

// One of the page's own mouse events, at canvas pixels (x, y): GLFW, Dear ImGui and the input
// controller take it as any mouse. 0: move, 1: left button down, 2: left button up.
EM_JS(void, psoas_mouse_event, (int kind, float x, float y), {
    const canvas = Module['canvas'];
    const box = canvas.getBoundingClientRect();
    const type = ['mousemove', 'mousedown', 'mouseup'][kind];
    canvas.dispatchEvent(new MouseEvent(type, {
        clientX: box.left + x * box.width / canvas.width, clientY: box.top + y * box.height / canvas.height,
        button: 0, buttons: kind == 2 ? 0 : 1, bubbles: true, cancelable: true}));
});

// The file, read from the page's in-memory file system, saved by the browser under its own name.
EM_JS(int, psoas_download, (const char* path), {
    const file = UTF8ToString(path);
    let bytes;
    try { bytes = FS.readFile(file); } catch (e) { return 0; }
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([bytes], {type: file.endsWith('.png') ? 'image/png' : 'application/octet-stream'}));
    link.download = file.split('/').pop();
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function() { URL.revokeObjectURL(link.href); }, 10000);
    return 1;
});

// The teacher's folders, mounted on the browser's IndexedDB by web/shell.html, copied there now
// (the page's psoasKeepFiles: added and replaced, never removed, one copy at a time).
EM_JS(void, psoas_keep_user_files, (), { Module['psoasKeepFiles'](); });

// The page's file picker (web/shell.html): it hands the chosen files to the canvas as a drop. A
// browser opens it only within a few seconds of a click, tap or key press (its "transient user
// activation"); the panel's button is seen a frame after the click, and a slow frame can come too
// late: then the next press opens it, in that press's own event. 1: opened; 0: at the next press.
EM_JS(int, psoas_choose_files, (), {
    const picker = document.getElementById('open-files');
    if (!navigator.userActivation || navigator.userActivation.isActive) {
        picker.click();
        return 1;
    }
    const openNow = function() {
        window.removeEventListener('pointerup', openNow, true);
        window.removeEventListener('keydown', openNow, true);
        picker.click();
    };
    window.addEventListener('pointerup', openNow, true);
    window.addEventListener('keydown', openNow, true);
    return 0;
});

namespace psoas::app::platform {

namespace {
std::function<bool()> gFrame;
std::function<void(const TouchIntent&)> gGesture;
std::optional<TouchGestures> gTouch;

// A sideways swipe of three fingers turns the page after 80 CSS pixels.
constexpr double kSwipeCssPixels = 80.0;

void onAnimationFrame() {
    if (!gFrame()) emscripten_cancel_main_loop();
}
}  // namespace

bool lessonComesFromALink() { return true; }

bool displayAvailable() { return true; }

std::string noGraphicsMessage(const std::string&) {
    return "this browser gives the page no WebGL 2, which Psoas Atlas draws with: turn on \"Use graphics acceleration\" "
           "in the browser's settings, or open the page in a current Chrome, Edge, Firefox or Safari";
}

void runFrames(std::function<bool()> frame) {
    gFrame = std::move(frame);
    EM_ASM({ Module['psoasStarted'](); });  // from now on the viewer shows its messages itself (web/shell.html)
    // 0 frames per second: the browser's requestAnimationFrame paces it. `true`: main() does not
    // go on (its locals, the Application among them, stay alive for the callbacks).
    emscripten_set_main_loop(onAnimationFrame, 0, true);
}

void listenForTouch(std::function<void(const TouchIntent&)> gesture) {
    gGesture = std::move(gesture);
    gTouch.emplace(static_cast<float>(kSwipeCssPixels * std::max(1.0, emscripten_get_device_pixel_ratio())), kZoomPerNotch);
    psoas_listen_for_touch();
    psoas_normalise_wheel();
}

bool offerDownload(const std::filesystem::path& file) { return psoas_download(file.string().c_str()) != 0; }

void keepUserFiles() { psoas_keep_user_files(); }

bool picksFiles() { return true; }

// Emscripten's GLFW writes dropped files (and so picked ones) into this folder.
std::string shownPath(const std::filesystem::path& file) {
    return file.parent_path() == "/.glfw_dropped_files" ? file.filename().string() : file.string();
}

std::string shownKeptPath(const std::filesystem::path& file) { return "in this browser: " + file.filename().string(); }

FilePicker chooseFiles() { return psoas_choose_files() != 0 ? FilePicker::Opened : FilePicker::OpensAtNextPress; }

// One canvas, one window: presenter mode on two screens is not offered (platform.hpp).
bool offersSecondWindow() { return false; }

bool canQuit() { return false; }

std::unique_ptr<Window> openSecondWindow(Window&, const std::string&) { return nullptr; }

namespace {
void carryOut(const std::vector<TouchIntent>& intents) {
    for (const TouchIntent& intent : intents) {
        switch (intent.kind) {
            case TouchIntent::Kind::PointerMove: psoas_mouse_event(0, intent.position.x, intent.position.y); break;
            case TouchIntent::Kind::PointerDown: psoas_mouse_event(1, intent.position.x, intent.position.y); break;
            case TouchIntent::Kind::PointerUp: psoas_mouse_event(2, intent.position.x, intent.position.y); break;
            case TouchIntent::Kind::PointerCancel:
                gGesture(intent);  // first: the input controller forgets the press, so the release is no click
                psoas_mouse_event(2, intent.position.x, intent.position.y);
                break;
            default: gGesture(intent); break;
        }
    }
}
}  // namespace

}  // namespace psoas::app::platform

extern "C" {

// Called by the page's touch listener (psoas_listen_for_touch): kind 0 start, 1 move, 2 end or cancel.
EMSCRIPTEN_KEEPALIVE void psoas_touch(int kind, int id, float x, float y) {
    using namespace psoas::app::platform;
    if (!gTouch) return;
    const glm::vec2 at{x, y};
    if (kind == 0) carryOut(gTouch->started(id, at));
    else if (kind == 1) carryOut(gTouch->moved(id, at));
    else carryOut(gTouch->ended(id, at));
}

// The page is the one "monitor": its work area is the browser window's inner size, in the
// canvas's device pixels (the page sizes the canvas by devicePixelRatio, web/shell.html, so the
// window's coordinates are device pixels and the content scale below enlarges the panels).
void glfwGetMonitorWorkarea(GLFWmonitor*, int* x, int* y, int* width, int* height) {
    if (x) *x = 0;
    if (y) *y = 0;
    if (width) *width = EM_ASM_INT({ return Math.round(window.innerWidth * (window.devicePixelRatio || 1)); });
    if (height) *height = EM_ASM_INT({ return Math.round(window.innerHeight * (window.devicePixelRatio || 1)); });
}

// The device's pixel ratio (1 on most school PCs, 2 or 3 on tablets and phones).
void glfwGetWindowContentScale(GLFWwindow*, float* x, float* y) {
    const auto ratio = static_cast<float>(std::max(1.0, emscripten_get_device_pixel_ratio()));
    if (x) *x = ratio;
    if (y) *y = ratio;
}

// Full screen is the browser's: asked for with a monitor, left with none. Browsers allow it only
// while handling a key press or click, which is when the viewer asks (F5, F11).
void glfwSetWindowMonitor(GLFWwindow*, GLFWmonitor* monitor, int, int, int, int, int) {
    if (monitor) {
        EmscriptenFullscreenStrategy strategy{};
        strategy.scaleMode = EMSCRIPTEN_FULLSCREEN_SCALE_STRETCH;
        strategy.canvasResolutionScaleMode = EMSCRIPTEN_FULLSCREEN_CANVAS_SCALE_HIDEF;
        strategy.filteringMode = EMSCRIPTEN_FULLSCREEN_FILTERING_DEFAULT;
        emscripten_request_fullscreen_strategy("#canvas", 1, &strategy);
    } else {
        emscripten_exit_fullscreen();
    }
}

// A page starts no programs: video recording (ffmpeg, app/video_encoder.cpp) is told ENOSYS and
// says it cannot record here, instead of the module failing to link.
int posix_spawnp(pid_t*, const char*, const posix_spawn_file_actions_t*, const posix_spawnattr_t*, char* const[], char* const[]) {
    return ENOSYS;
}

}  // extern "C"
