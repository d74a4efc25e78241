// Presenter mode on two screens: the class's window beside the teacher's. The session says when
// (ViewerSession::twoScreens); core/screen_plan says what each screen shows and where the class's
// window goes. The one frame step draws both: the class's frame is laid out in its own ImGui
// context and drawn in the teacher's GL context into an offscreen image (the renderer's meshes
// and shaders live there), which the class's context, sharing its renderbuffers, copies into its
// window. A browser page has one canvas: platform::openSecondWindow gives nothing there.

#include "app/application.hpp"

#include "app/input_map.hpp"
#include "app/platform.hpp"
#include "render/render_target.hpp"

#include <GLFW/glfw3.h>

#include <stdexcept>

namespace psoas::app {

namespace {
Application* fromWindow(GLFWwindow* window) { return static_cast<Application*>(glfwGetWindowUserPointer(window)); }
}  // namespace

glm::vec2 Application::audienceSize() const { return audience_ ? audience_->window->windowSize() : displaySize_; }

std::optional<Image> Application::audiencePicture() const {
    if (!audience_ || !audience_->image) return std::nullopt;
    return audience_->image->read();
}

void Application::followScreens() {
    const bool wanted = session_->twoScreens();
    if (audience_ && (!wanted || audience_->window->shouldClose())) {
        audience_.reset();
        ui_.makeCurrent();
        if (wanted) apply(act::SetPresenter{false});  // its window was closed: back to one window
        framesToDraw_ = kFramesAfterEvent;
        return;
    }
    if (!wanted || audience_ || !window_) return;
    try {
        auto audience = std::make_unique<Audience>();
        // A plain-ASCII title: with an en dash, X11's WM_NAME (what xwininfo and older task bars
        // read) came out empty in a C locale (fresh tester, session 9).
        audience->window = platform::openSecondWindow(*window_, kAudienceTitle);
        if (!audience->window) throw std::runtime_error("this platform has one window");
        if (!audience->window->fullscreen()) placeOnTheOneScreen(*audience->window);
        GLFWwindow* handle = audience->window->handle();
        glfwSetWindowUserPointer(handle, this);
        glfwSetKeyCallback(handle, [](GLFWwindow* w, int k, int, int a, int m) { fromWindow(w)->onAudienceKey(k, a, m); });
        glfwSetWindowRefreshCallback(handle, [](GLFWwindow* w) { fromWindow(w)->framesToDraw_ = kFramesAfterEvent; });
        glfwSetFramebufferSizeCallback(handle, [](GLFWwindow* w, int, int) { fromWindow(w)->framesToDraw_ = kFramesAfterEvent; });
        glfwSetWindowCloseCallback(handle, [](GLFWwindow* w) { fromWindow(w)->framesToDraw_ = kFramesAfterEvent; });
        audience->ui = std::make_unique<UiBackend>();
        audience->ui->startWithoutInput(uiScale_, ui_);
        ui_.makeCurrent();
        audience_ = std::move(audience);
        framesToDraw_ = kFramesAfterEvent;
    } catch (const std::exception& e) {
        ui_.makeCurrent();
        window_->makeCurrent();
        apply(act::SetPresenter{false});
        setStatus(std::string("Two screens: the class's window could not be opened (") + e.what() + ")");
    }
}

// No second monitor: the platform put the class's window beside the teacher's where there is room,
// else in a corner of the screen, not knowing where the model is. Here it goes to the corner that
// covers least of the teacher's 3D view's middle, where the model is framed, and the teacher is
// told plainly that no second screen is connected (fresh tester, session 9: on a 1366x768 laptop
// the class's window covered half the model and nothing said why).
void Application::placeOnTheOneScreen(Window& classWindow) {
    const ScreenRect teacher = window_->placement();
    const ViewRect view = layout().scene;  // window units: the desktop's pixels, from the window's corner
    const ScreenRect model{teacher.x + static_cast<int>(view.origin.x + view.size.x * 0.25f), teacher.y + static_cast<int>(view.origin.y),
                           static_cast<int>(view.size.x * 0.5f), static_cast<int>(view.size.y)};
    const AudiencePlace place = placeAudience(monitorWorkAreas(), teacher, model);
    if (place.fit == AudienceFit::OwnScreen) return;
    classWindow.showOn(nullptr, place.window);
    setStatus(std::string("No second screen is connected: the class's window is ") +
              (place.fit == AudienceFit::Corner ? "the small one in the corner" : "the one beside yours") +
              "; drag it onto the projector, F11 there for full screen (F6 closes it)");
}

void Application::drawAudienceFrame() {
    Window& window = *audience_->window;
    if (window.minimised()) return;
    const glm::vec2 size = window.windowSize();
    const glm::ivec2 pixels = window.framebufferSize();
    if (size.x <= 0.0f || size.y <= 0.0f) return;
    std::optional<render::OffscreenTarget>& image = audience_->image;
    if (!image || image->width() != pixels.x || image->height() != pixels.y || audience_->imageDepth != sceneNeedsTargetDepth()) {
        image.reset();
        try {
            image.emplace(pixels.x, pixels.y, sceneNeedsTargetDepth());
        } catch (const std::exception& e) {  // a screen larger than the GPU can draw: back to one
            apply(act::SetPresenter{false});
            setStatus(std::string("Two screens: the class's screen cannot be drawn (") + e.what() + ")");
            return;
        }
        audience_->imageDepth = sceneNeedsTargetDepth();
    }
    {
        const AudienceScope audience(*this, size);
        buildUi(size, glm::vec2(pixels) / size, Background::Dark);
        const render::BoundTarget bound(&*image, pixels);
        drawScene(bound, pixels, Background::Dark);
        if (!blanked()) audience_->ui->draw();
    }
    ui_.makeCurrent();
    // The class's context reads the picture: it must be finished in this one first.
    render::finishGpuWork();
    window.makeCurrent();
    image->copyToWindow(pixels);
    window.swapBuffers();
    window_->makeCurrent();
}

void Application::onAudienceKey(int key, int action, int mods) {
    framesToDraw_ = kFramesAfterEvent;
    if (action == GLFW_PRESS) onViewerKey(keyChordFromGlfw(key, mods), Screen::Audience);
}

}  // namespace psoas::app
