#include "core/binary_stl.hpp"

#include "core/mesh_weld.hpp"

#include <glm/vec3.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace psoas {

namespace {
constexpr std::size_t kHeaderBytes = 84;  // 80-byte header, then the triangle count
constexpr std::size_t kFacetBytes = 50;   // normal, three corners (12 floats), 2 attribute bytes

float littleEndianFloat(const char* bytes) {
    std::uint32_t bits = 0;
    for (int i = 3; i >= 0; --i) bits = (bits << 8) | static_cast<unsigned char>(bytes[i]);
    float value;
    std::memcpy(&value, &bits, sizeof value);
    return value;
}

// Face colours, in one of the two conventions for the 2 attribute bytes (5 bits a channel):
// Materialise Magics writes "COLOR=" in the header and clears bit 15 on a facet with its own
// colour (red in the low bits); VisCAM and SolidView set bit 15 on a valid colour (blue low).
class FacetColours {
public:
    explicit FacetColours(std::string_view header) : materialise_(header.find("COLOR=") != std::string_view::npos) {}

    void add(std::uint16_t attribute) {
        const bool flagged = (attribute & 0x8000u) != 0;
        if (materialise_ == flagged) return;  // no colour of its own
        const glm::dvec3 low(attribute & 31u, (attribute >> 5) & 31u, (attribute >> 10) & 31u);
        sum_ += (materialise_ ? low : glm::dvec3(low.z, low.y, low.x)) / 31.0;
        ++count_;
    }

    // The mean of the facets' own colours, linear; none when no facet has one.
    [[nodiscard]] std::optional<glm::vec3> average() const {
        if (count_ == 0) return std::nullopt;
        return linearFromSrgb(glm::vec3(sum_ / static_cast<double>(count_)));
    }

private:
    bool materialise_;
    glm::dvec3 sum_{0.0};
    std::size_t count_ = 0;
};

// Reads facet number `facet` (its 50 bytes at `bytes`): the three corners into `corners`, the
// attribute bytes into `colours`.
void readFacet(const char* bytes, std::size_t facet, const std::filesystem::path& path, glm::vec3* corners,
               FacetColours& colours) {
    const char* corner = bytes + 12;  // past the facet normal
    for (std::size_t k = 0; k < 3; ++k, corner += 12) {
        const glm::vec3 p(littleEndianFloat(corner), littleEndianFloat(corner + 4), littleEndianFloat(corner + 8));
        if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.z))
            throw ModelImportError(path, "triangle " + std::to_string(facet) + " has a non-finite (NaN or infinite) coordinate");
        corners[k] = p;
    }
    colours.add(static_cast<std::uint16_t>(static_cast<unsigned char>(corner[0]) | (static_cast<unsigned char>(corner[1]) << 8)));
}

// Whether the bytes, past leading white space, start with "solid": ASCII STL's first word (in lower
// case: Assimp 5.2's reader takes nothing else).
bool startsLikeAsciiStl(std::string_view bytes) {
    const std::size_t start = bytes.find_first_not_of(" \t\r\n");
    return start != std::string_view::npos && bytes.substr(start, 5) == "solid";
}

std::string plural(std::uintmax_t n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }
}  // namespace

std::optional<ImportedModel> readBinaryStl(const std::filesystem::path& path, const ImportLimits& limits) {
    std::ifstream in(path, std::ios::binary);
    char header[kHeaderBytes] = {};
    const bool fullHeader = static_cast<bool>(in.read(header, kHeaderBytes));
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) throw ModelImportError(path, "cannot read its size: " + ec.message());
    const std::string_view start(header, static_cast<std::size_t>(std::min<std::uintmax_t>(size, kHeaderBytes)));
    if (!fullHeader) {
        if (startsLikeAsciiStl(start)) return std::nullopt;
        throw ModelImportError(path, "not an STL file (" + plural(size, "byte") +
                                         ": too short for a binary STL's 84-byte header, and an ASCII STL starts with 'solid')");
    }
    std::uint32_t count = 0;
    for (int i = 3; i >= 0; --i) count = (count << 8) | static_cast<unsigned char>(header[80 + i]);
    const std::uintmax_t expected = kHeaderBytes + kFacetBytes * std::uintmax_t{count};
    if (size != expected) {
        if (startsLikeAsciiStl(start)) return std::nullopt;  // ASCII STL: Assimp reads it
        throw ModelImportError(path, "not an STL file, or a binary STL cut short: its header counts " + plural(count, "triangle") +
                                         ", which take " + plural(expected, "byte") + ", but the file has " + std::to_string(size) +
                                         " (an ASCII STL starts with 'solid')");
    }
    if (count == 0) throw ModelImportError(path, "the file has no surfaces");
    if (count > limits.maxTriangles)
        throw ModelImportError(path, "more than " + std::to_string(limits.maxTriangles) + " triangles; simplify the model before opening it");

    FacetColours colours(std::string_view(header, 80));
    std::vector<glm::vec3> corners(std::size_t{count} * 3);
    std::vector<char> chunk(kFacetBytes * 65536);
    for (std::size_t facet = 0; facet < count;) {
        const std::size_t n = std::min<std::size_t>(65536, count - facet);
        if (!in.read(chunk.data(), static_cast<std::streamsize>(n * kFacetBytes)))
            throw ModelImportError(path, "cannot be read past triangle " + std::to_string(facet));
        for (std::size_t i = 0; i < n; ++i)
            readFacet(chunk.data() + i * kFacetBytes, facet + i, path, &corners[3 * (facet + i)], colours);
        facet += n;
    }
    ImportedModel model;
    model.meshes.push_back({"", weldWithCreaseNormals(corners, {}), colours.average()});
    return model;
}

}  // namespace psoas
