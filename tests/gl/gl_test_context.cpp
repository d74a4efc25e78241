#include "gl/gl_test_context.hpp"

#include "render/gl_debug.hpp"
#include "support/test_paths.hpp"

#include <cstdlib>
#include <iostream>

namespace psoas::test {

bool haveDisplay() {
    const char* display = std::getenv("DISPLAY");
    return display && *display;
}

bool runningInCi() {
    const char* value = std::getenv("CI");
    if (!value || !*value) return false;
    const std::string text(value);
    return text != "false" && text != "0";
}

void noContext(const std::string& reason) {
    if (runningInCi()) FAIL() << "no OpenGL context in CI: " << reason;
    GTEST_SKIP() << "no OpenGL context (" << reason << "); run under xvfb-run, or set CI=true to make this a failure";
}

std::unique_ptr<app::Application> openViewerWindow(int width, int height) {
    setenv("XDG_CONFIG_HOME", temporaryDirectory().c_str(), 1);
    app::Options options;
    options.glDebug = true;
    options.width = width;
    options.height = height;
    options.sizeGiven = true;
    options.lesson = "meet-the-psoas";
    auto application = std::make_unique<app::Application>(options);
    application->startWindow();
    beginGlErrorWatch();
    return application;
}

void beginGlErrorWatch() {
    render::installGlDebugOutput([](const std::string& message) { std::cerr << message << '\n'; });
    render::resetGlDebugStats();
}

void expectNoGlErrors() {
    const render::GlDebugStats stats = render::glDebugStats();
    EXPECT_EQ(stats.errors, 0u) << "first GL error: " << stats.firstError;
}

void GlTest::SetUp() {
    try {
        window_ = std::make_unique<app::Window>(app::WindowOptions{64, 64, false, true, "gl test"});
    } catch (const std::exception& e) {
        noContext(e.what());
        return;
    }
    beginGlErrorWatch();
}

void GlTest::TearDown() {
    if (window_) expectNoGlErrors();
    window_.reset();
}

}  // namespace psoas::test
