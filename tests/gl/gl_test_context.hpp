#pragma once
// GL test fixtures. Every GL test runs on a debug context and fails on any GL error. Without a
// context the tests skip locally, but fail when CI is set, so they can never vanish silently.

#include "app/application.hpp"
#include "app/window.hpp"

#include <gtest/gtest.h>

#include <memory>

namespace psoas::test {

// True when an X display is set (the GL tests that run the program as a user would need one).
bool haveDisplay();

// True when CI=true (or any non-empty value but "false"/"0") is set.
bool runningInCi();

// Call at the start of a test when making a context failed: skips locally, fails in CI.
void noContext(const std::string& reason);

class GlTest : public ::testing::Test {
protected:
    void SetUp() override;     // a hidden 64x64 window with a debug context, current
    void TearDown() override;  // fails the test on any GL error seen during it

    std::unique_ptr<app::Window> window_;
};

// For tests that make their own context (through Application): reset and check the error count.
void beginGlErrorWatch();
// An application with its interactive window open (visible, debug context, the first lesson), its
// settings and layout in a fresh folder, and the GL error count reset.
std::unique_ptr<app::Application> openViewerWindow(int width = 800, int height = 600);
void expectNoGlErrors();

}  // namespace psoas::test
