// psoas-modelgen --out DIR: builds every mesh of the built-in scene and writes
// DIR/<id>.glb plus DIR/atlas.toml, then prints a triangle table and the run time.
#include "model_set.hpp"

#include <chrono>
#include <cstdio>
#include <exception>
#include <string>

int main(int argc, char** argv) {
    std::string out;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--out" && i + 1 < argc) out = argv[++i];
        else {
            std::fprintf(stderr, "usage: psoas-modelgen --out DIR\n");
            return 2;
        }
    }
    if (out.empty()) {
        std::fprintf(stderr, "usage: psoas-modelgen --out DIR\n");
        return 2;
    }
    try {
        const auto start = std::chrono::steady_clock::now();
        const auto structures = modelgen::model_set();
        const auto meshes = modelgen::generate_meshes(structures);
        modelgen::write_model_set(out, structures, meshes);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        size_t total = 0;
        std::printf("%-24s %9s %9s %8s\n", "structure", "triangles", "vertices", "mesh s");
        for (const auto& m : meshes) {
            std::printf("%-24s %9zu %9zu %8.2f\n", m.id.c_str(), m.mesh.triangle_count(), m.mesh.positions.size(), m.seconds);
            total += m.mesh.triangle_count();
        }
        std::printf("%-24s %9zu\n", "total", total);
        std::printf("wrote %zu meshes and atlas.toml to %s in %.2f s\n", meshes.size(), out.c_str(), seconds);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "psoas-modelgen: %s\n", e.what());
        return 1;
    }
    return 0;
}
