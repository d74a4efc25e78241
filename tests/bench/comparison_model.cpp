// Writes the glTF file issue 7 compares start-up with F3D on: "a 1.8 MB glTF". It is the built-in
// model set merged into one mesh (1.1 MB), with its first triangles split in four until the file
// reaches 1.8 MB (split 1,000 at a time), so both programs load and draw real anatomy of the stated size.
//   comparison_model MODELS_DIR OUT.glb
#include "glb.hpp"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <vector>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: comparison_model MODELS_DIR OUT.glb\n");
        return 2;
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(argv[1]))
        if (entry.path().extension() == ".glb") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    modelgen::TriangleMesh merged;
    for (const auto& file : files) {
        const modelgen::TriangleMesh part = modelgen::read_glb(file.string());
        const auto base = static_cast<std::uint32_t>(merged.positions.size());
        merged.positions.insert(merged.positions.end(), part.positions.begin(), part.positions.end());
        merged.normals.insert(merged.normals.end(), part.normals.begin(), part.normals.end());
        for (std::uint32_t i : part.indices) merged.indices.push_back(base + i);
    }
    constexpr std::size_t kTargetBytes = 1'800'000;
    const std::size_t original = merged.triangle_count();
    std::size_t next = 0;  // the next original triangle to split
    while (next < original && modelgen::encode_glb(merged, "model_set").size() < kTargetBytes) {
        for (const std::size_t end = std::min(original, next + 1000); next < end; ++next) {
            const std::uint32_t corner[3] = {merged.indices[3 * next], merged.indices[3 * next + 1], merged.indices[3 * next + 2]};
            std::uint32_t middle[3];
            for (int e = 0; e < 3; ++e) {
                const std::uint32_t a = corner[e], b = corner[(e + 1) % 3];
                middle[e] = static_cast<std::uint32_t>(merged.positions.size());
                merged.positions.push_back(0.5f * (merged.positions[a] + merged.positions[b]));
                merged.normals.push_back(glm::normalize(merged.normals[a] + merged.normals[b]));
            }
            merged.indices[3 * next + 1] = middle[0];
            merged.indices[3 * next + 2] = middle[2];
            const std::uint32_t more[9] = {middle[0], corner[1], middle[1], middle[1], corner[2], middle[2], middle[0], middle[1], middle[2]};
            merged.indices.insert(merged.indices.end(), std::begin(more), std::end(more));
        }
    }
    const std::vector<unsigned char> bytes = modelgen::encode_glb(merged, "model_set");
    std::ofstream(argv[2], std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    std::printf("%s: %zu triangles, %zu bytes\n", argv[2], merged.triangle_count(), bytes.size());
    return 0;
}
