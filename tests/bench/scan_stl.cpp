// Writes a binary STL like a CT/MRI segmentation export: one smooth closed surface (a bumpy
// ellipsoid, about a femoral head's size in millimetres) as a triangle soup of about N triangles.
// scripts/bench.sh times psoas-atlas --model against F3D on it at 100 k, 1 M and 4 M triangles.
//   scan_stl TRIANGLES OUT.stl
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace {
struct Vec {
    float x, y, z;
};

Vec surface(int ring, int rings, int segment, int segments) {
    const double pi = 3.14159265358979323846;
    const double theta = pi * ring / rings, phi = 2.0 * pi * (segment % segments) / segments;
    // Gentle bumps keep neighbouring facet normals different, as on a real scan.
    const double r = 1.0 + 0.04 * std::sin(7.0 * theta) * std::cos(5.0 * phi);
    return {static_cast<float>(30.0 * r * std::sin(theta) * std::cos(phi)), static_cast<float>(45.0 * r * std::cos(theta)),
            static_cast<float>(25.0 * r * std::sin(theta) * std::sin(phi))};
}
}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: scan_stl TRIANGLES OUT.stl\n");
        return 2;
    }
    const long wanted = std::atol(argv[1]);
    // Rings x segments quads, two triangles each: segments = 2 x rings keeps them square-ish.
    const int rings = static_cast<int>(std::sqrt(static_cast<double>(wanted) / 4.0));
    const int segments = 2 * rings;
    std::FILE* out = std::fopen(argv[2], "wb");
    if (!out) {
        std::perror(argv[2]);
        return 1;
    }
    char header[80] = "psoas-atlas scan_stl benchmark surface";
    std::fwrite(header, 1, 80, out);
    auto emit = [&](Vec a, Vec b, Vec c) {
        const Vec u{b.x - a.x, b.y - a.y, b.z - a.z}, v{c.x - a.x, c.y - a.y, c.z - a.z};
        Vec n{u.y * v.z - u.z * v.y, u.z * v.x - u.x * v.z, u.x * v.y - u.y * v.x};
        const float l = std::sqrt(n.x * n.x + n.y * n.y + n.z * n.z);
        if (l > 0) n = {n.x / l, n.y / l, n.z / l};
        std::fwrite(&n, 4, 3, out);
        std::fwrite(&a, 4, 3, out);
        std::fwrite(&b, 4, 3, out);
        std::fwrite(&c, 4, 3, out);
        const std::uint16_t attribute = 0;
        std::fwrite(&attribute, 2, 1, out);
    };
    std::uint32_t count = 0;
    std::fwrite(&count, 4, 1, out);
    for (int i = 0; i < rings; ++i)
        for (int j = 0; j < segments; ++j) {
            const Vec a = surface(i, rings, j, segments), b = surface(i + 1, rings, j, segments);
            const Vec c = surface(i + 1, rings, j + 1, segments), d = surface(i, rings, j + 1, segments);
            if (i != rings - 1) emit(a, b, c), ++count;  // the poles' quads are triangles
            if (i != 0) emit(a, c, d), ++count;
        }
    std::fseek(out, 80, SEEK_SET);
    std::fwrite(&count, 4, 1, out);
    std::fclose(out);
    std::printf("%u triangles\n", count);
    return 0;
}
