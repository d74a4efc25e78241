// libFuzzer target: psoas::importModel on a temporary file. The first input byte picks the
// extension (.glb, .obj or .stl: the formats teachers download most), the rest is the file.
// Small ImportLimits keep one input from exhausting memory; a bad file must give
// ModelImportError, never a crash, a hang or another exception.
#include "core/model_import.hpp"

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace {
constexpr const char* kExtensions[] = {".glb", ".obj", ".stl"};

std::filesystem::path temporaryFile(const char* extension) {
    return std::filesystem::temp_directory_path() /
           ("psoas-fuzz-" + std::to_string(::getpid()) + extension);
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) return -1;
    psoas::ImportLimits limits;
    limits.maxFileBytes = 256u << 10;  // 256 KiB
    limits.maxTriangles = 20'000;
    limits.maxNodeDepth = 32;
    if (size - 1 > limits.maxFileBytes) return -1;

    const auto path = temporaryFile(kExtensions[data[0] % 3]);
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data + 1), static_cast<std::streamsize>(size - 1));
    }
    try {
        (void)psoas::importModel(path, limits);
    } catch (const psoas::ModelImportError&) {
    }
    std::error_code ec;
    std::filesystem::remove(path, ec);
    return 0;
}
