#pragma once
// Files from shaders/ compiled into the binary (see cmake/EmbedFiles.cmake).

#include <optional>
#include <string_view>
#include <vector>

namespace psoas::render {

std::optional<std::string_view> findEmbeddedFile(std::string_view name);
std::vector<std::string_view> embeddedFileNames();

}  // namespace psoas::render
