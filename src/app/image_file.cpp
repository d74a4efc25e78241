#include "app/image_file.hpp"

#include "core/atomic_file.hpp"

#include <stb/stb_image_write.h>
#include <stb/stb_image.h>

#include <system_error>

namespace psoas::app {

std::string writePng(const Image& image, const std::filesystem::path& file) {
    if (image.width <= 0 || image.height <= 0) return "the image is empty";
    std::error_code ec;
    const std::filesystem::path folder = file.parent_path();
    if (!folder.empty() && !std::filesystem::is_directory(folder, ec)) return "folder '" + folder.string() + "' does not exist";
    // Encoded in memory, then written through writeFileAtomically: stb's own file writer does not
    // check fwrite, so on a full disk it reported success for a cut-short picture.
    std::string png;
    const auto append = [](void* context, void* data, int size) {
        static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
    };
    if (!stbi_write_png_to_func(append, &png, image.width, image.height, 4, image.rgba.data(), image.width * 4))
        return "cannot encode the PNG";
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
