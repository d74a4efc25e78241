#include "app/image_file.hpp"

#include "core/atomic_file.hpp"

#include <png.h>
#include <stb/stb_image.h>

#include <system_error>

namespace psoas::app {

std::string writePng(const Image& image, const std::filesystem::path& file) {
    if (image.width <= 0 || image.height <= 0) return "the image is empty";
    std::error_code ec;
    const std::filesystem::path folder = file.parent_path();
    if (!folder.empty() && !std::filesystem::is_directory(folder, ec)) return "folder '" + folder.string() + "' does not exist";
    // Encoded in memory, then written through writeFileAtomically, so a full disk never leaves a
    // cut-short picture. libpng's fast setting (zlib's fastest level) encodes a 1280x720 frame in
    // ~30 ms; stb's encoder took ~250 ms, a fifth of a --screenshot, for a 10 % larger file.
    png_image header{};
    header.version = PNG_IMAGE_VERSION;
    header.width = static_cast<png_uint_32>(image.width);
    header.height = static_cast<png_uint_32>(image.height);
    header.format = PNG_FORMAT_RGBA;
    header.flags = PNG_IMAGE_FLAG_FAST;
    const png_int_32 stride = image.width * 4;
    png_alloc_size_t bytes = 0;
    if (!png_image_write_get_memory_size(header, bytes, 0, image.rgba.data(), stride, nullptr)) {
        const std::string reason = header.message;
        png_image_free(&header);
        return "cannot encode the PNG (" + reason + ")";
    }
    std::string png(bytes, '\0');
    if (!png_image_write_to_memory(&header, png.data(), &bytes, 0, image.rgba.data(), stride, nullptr)) {
        const std::string reason = header.message;
        png_image_free(&header);
        return "cannot encode the PNG (" + reason + ")";
    }
    png.resize(bytes);
    const std::string problem = writeFileAtomically(file, png);
    return problem.empty() ? problem : "cannot write the PNG (" + problem + ")";
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
