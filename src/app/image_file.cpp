#include "app/image_file.hpp"

#include <stb/stb_image_write.h>
#include <stb/stb_image.h>

#include <cerrno>
#include <cstring>
#include <system_error>

namespace psoas::app {

std::string writePng(const Image& image, const std::filesystem::path& file) {
    if (image.width <= 0 || image.height <= 0) return "the image is empty";
    std::error_code ec;
    const std::filesystem::path folder = file.parent_path();
    if (!folder.empty() && !std::filesystem::is_directory(folder, ec)) return "folder '" + folder.string() + "' does not exist";
    const std::filesystem::path temporary = file.string() + ".partial";
    if (!stbi_write_png(temporary.c_str(), image.width, image.height, 4, image.rgba.data(), image.width * 4)) {
        const std::string reason = std::strerror(errno);
        std::filesystem::remove(temporary, ec);
        return "cannot write the PNG (" + reason + ")";
    }
    std::filesystem::rename(temporary, file, ec);
    if (ec) {
        std::filesystem::remove(temporary, ec);
        return "cannot write the PNG (" + ec.message() + ")";
    }
    return {};
}

std::optional<Image> readPng(const std::filesystem::path& file) {
    int w = 0, h = 0, channels = 0;
    stbi_uc* data = stbi_load(file.c_str(), &w, &h, &channels, 4);
    if (!data) return std::nullopt;
    Image image{w, h, std::vector<std::uint8_t>(data, data + static_cast<std::size_t>(w) * h * 4)};
    stbi_image_free(data);
    return image;
}

}  // namespace psoas::app
