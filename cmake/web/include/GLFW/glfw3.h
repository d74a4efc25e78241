#pragma once
// Emscripten's GLFW (3.1.6) implements the GLFW 3.2 interface; app/window.cpp also calls three
// parts of GLFW 3.3. This header adds their declarations to Emscripten's own, and
// app/platform_browser.cpp defines them for a page. Only the browser build has this folder on its
// include path (cmake/Web.cmake).

#include_next <GLFW/glfw3.h>

#ifndef GLFW_SCALE_TO_MONITOR
#define GLFW_SCALE_TO_MONITOR 0x0002200C
#endif

extern "C" {
void glfwGetMonitorWorkarea(GLFWmonitor* monitor, int* x, int* y, int* width, int* height);
void glfwGetWindowContentScale(GLFWwindow* window, float* x, float* y);
}
