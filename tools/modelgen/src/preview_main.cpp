// psoas-modelgen-preview --models DIR --out DIR [--only id,id,...] [--size N]
// Offline look at the model set before the viewer exists: a small CPU z-buffer
// rasteriser with Lambert shading, orthographic anterior / right lateral /
// oblique / posterior / superior views, one PNG per view.
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>

#include "glb.hpp"
#include "model_set.hpp"

#include <cmath>
#include <cstdio>
#include <limits>
#include <set>
#include <sstream>

namespace {
using modelgen::Vec3;

struct View {
    const char* name;
    Vec3 right, up, toward_viewer;
};

struct Image {
    int w, h;
    std::vector<unsigned char> rgb;
    std::vector<float> depth;
    Image(int w_, int h_) : w(w_), h(h_), rgb(size_t(w_) * h_ * 3, 40), depth(size_t(w_) * h_, std::numeric_limits<float>::max()) {}
};

View rotated_about_y(const char* name, double degrees) {
    const double a = glm::radians(degrees);
    const Vec3 toward(std::sin(a), 0.0, std::cos(a));  // 0 degrees: viewer in front (+Z)
    return {name, glm::normalize(glm::cross(Vec3(0, 1, 0), toward)), Vec3(0, 1, 0), toward};
}

void draw(Image& img, const modelgen::TriangleMesh& mesh, const std::array<double, 3>& colour, const View& v,
          const Vec3& centre, double scale) {
    const Vec3 light = glm::normalize(v.toward_viewer + 0.5 * v.up + 0.3 * v.right);
    auto project = [&](const glm::vec3& p) {
        const Vec3 d = Vec3(p) - centre;
        return Vec3(img.w * 0.5 + glm::dot(d, v.right) * scale, img.h * 0.5 - glm::dot(d, v.up) * scale,
                    -glm::dot(d, v.toward_viewer));
    };
    for (size_t t = 0; t < mesh.indices.size(); t += 3) {
        const uint32_t i0 = mesh.indices[t], i1 = mesh.indices[t + 1], i2 = mesh.indices[t + 2];
        const Vec3 a = project(mesh.positions[i0]), b = project(mesh.positions[i1]), c = project(mesh.positions[i2]);
        const double area = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
        if (std::abs(area) < 1e-12) continue;
        const int x0 = std::max(0, int(std::floor(std::min({a.x, b.x, c.x}))));
        const int x1 = std::min(img.w - 1, int(std::ceil(std::max({a.x, b.x, c.x}))));
        const int y0 = std::max(0, int(std::floor(std::min({a.y, b.y, c.y}))));
        const int y1 = std::min(img.h - 1, int(std::ceil(std::max({a.y, b.y, c.y}))));
        for (int y = y0; y <= y1; ++y)
            for (int x = x0; x <= x1; ++x) {
                const double px = x + 0.5, py = y + 0.5;
                const double w0 = ((b.x - px) * (c.y - py) - (b.y - py) * (c.x - px)) / area;
                const double w1 = ((c.x - px) * (a.y - py) - (c.y - py) * (a.x - px)) / area;
                const double w2 = 1.0 - w0 - w1;
                if (w0 < 0 || w1 < 0 || w2 < 0) continue;
                const float z = float(w0 * a.z + w1 * b.z + w2 * c.z);
                float& zb = img.depth[size_t(y) * img.w + x];
                if (z >= zb) continue;
                zb = z;
                const Vec3 n = glm::normalize(w0 * Vec3(mesh.normals[i0]) + w1 * Vec3(mesh.normals[i1]) + w2 * Vec3(mesh.normals[i2]));
                // Two-sided so inverted normals show up as dark patches rather than holes.
                const double facing = glm::dot(n, v.toward_viewer);
                const double lambert = std::max(0.0, glm::dot(n, light));
                const double shade = facing < 0 ? 0.15 : 0.25 + 0.75 * lambert;
                for (int ch = 0; ch < 3; ++ch)
                    img.rgb[(size_t(y) * img.w + x) * 3 + ch] = (unsigned char)std::clamp(255.0 * colour[size_t(ch)] * shade, 0.0, 255.0);
            }
    }
}

}  // namespace

int main(int argc, char** argv) {
    std::string models = "models", out = "/tmp/psoas-preview", only, tag = "scene";
    int size = 900;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i], v = argv[i + 1];
        if (k == "--models") models = v;
        else if (k == "--out") out = v;
        else if (k == "--only") only = v;
        else if (k == "--size") size = std::stoi(v);
        else if (k == "--tag") tag = v;
    }
    std::set<std::string> wanted;
    std::stringstream list(only);
    for (std::string id; std::getline(list, id, ',');) wanted.insert(id);

    struct Loaded {
        modelgen::TriangleMesh mesh;
        std::array<double, 3> colour;
    };
    std::vector<Loaded> scene;
    Vec3 lo(1e9), hi(-1e9);
    for (const auto& s : modelgen::model_set()) {
        if (!wanted.empty() && !wanted.count(s.id)) continue;
        Loaded l{modelgen::read_glb(models + "/" + s.id + ".glb"), s.colour};
        for (const auto& p : l.mesh.positions) lo = glm::min(lo, Vec3(p)), hi = glm::max(hi, Vec3(p));
        scene.push_back(std::move(l));
    }
    const Vec3 centre = 0.5 * (lo + hi);
    const double extent = glm::length(hi - lo);
    const double scale = 0.95 * size / extent;
    const View views[] = {rotated_about_y("anterior", 0), rotated_about_y("right_lateral", -90),
                          rotated_about_y("oblique", -40), rotated_about_y("posterior", 180),
                          {"superior", Vec3(1, 0, 0), Vec3(0, 0, -1), Vec3(0, 1, 0)}};
    for (const auto& v : views) {
        Image img(size, size);
        for (const auto& l : scene) draw(img, l.mesh, l.colour, v, centre, scale);
        const std::string path = out + "/" + tag + "_" + v.name + ".png";
        stbi_write_png(path.c_str(), img.w, img.h, 3, img.rgb.data(), img.w * 3);
        std::printf("%s\n", path.c_str());
    }
    return 0;
}
