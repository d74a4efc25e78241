#pragma once
// PNG files in and out (stb), for screenshots, exports and image tests.

#include "core/image.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace psoas::app {

// Writes atomically (temporary file, then rename) so a crash never leaves half an image behind.
// Returns an empty string on success, otherwise the reason.
std::string writePng(const Image& image, const std::filesystem::path& file);

std::optional<Image> readPng(const std::filesystem::path& file);

}  // namespace psoas::app
