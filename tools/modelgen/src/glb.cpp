#include "glb.hpp"

#include <nlohmann/json.hpp>

#include <cstring>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace modelgen {
namespace {

constexpr uint32_t kMagic = 0x46546C67;      // "glTF"
constexpr uint32_t kChunkJson = 0x4E4F534A;  // "JSON"
constexpr uint32_t kChunkBin = 0x004E4942;   // "BIN\0"
constexpr int kFloat = 5126, kUnsignedShort = 5123, kUnsignedInt = 5125;
constexpr int kArrayBuffer = 34962, kElementArrayBuffer = 34963;

void append_u32(std::vector<unsigned char>& out, uint32_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<unsigned char>(v >> (8 * i)));
}

template <typename T>
void append_raw(std::vector<unsigned char>& out, const T* data, size_t count) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(data);
    out.insert(out.end(), bytes, bytes + count * sizeof(T));
}

}  // namespace

std::vector<unsigned char> encode_glb(const TriangleMesh& mesh, const std::string& name) {
    using nlohmann::json;
    const size_t vertex_count = mesh.positions.size();
    const bool short_indices = vertex_count < 65536;

    std::vector<unsigned char> bin;
    append_raw(bin, mesh.positions.data(), vertex_count);
    const size_t normal_offset = bin.size();
    append_raw(bin, mesh.normals.data(), vertex_count);
    const size_t index_offset = bin.size();
    if (short_indices) {
        std::vector<uint16_t> narrow(mesh.indices.begin(), mesh.indices.end());
        append_raw(bin, narrow.data(), narrow.size());
    } else {
        append_raw(bin, mesh.indices.data(), mesh.indices.size());
    }
    const size_t index_bytes = bin.size() - index_offset;
    while (bin.size() % 4) bin.push_back(0);

    glm::vec3 lo(0.0f), hi(0.0f);
    if (vertex_count) lo = hi = mesh.positions[0];
    for (const auto& p : mesh.positions) lo = glm::min(lo, p), hi = glm::max(hi, p);

    json doc;
    doc["asset"] = {{"version", "2.0"}, {"generator", "psoas-modelgen"}};
    doc["scene"] = 0;
    doc["scenes"] = json::array({{{"nodes", {0}}}});
    doc["nodes"] = json::array({{{"mesh", 0}, {"name", name}}});
    doc["meshes"] = json::array({{{"name", name},
                                  {"primitives", json::array({{{"attributes", {{"POSITION", 0}, {"NORMAL", 1}}},
                                                               {"indices", 2},
                                                               {"mode", 4}}})}}});
    doc["buffers"] = json::array({{{"byteLength", bin.size()}}});
    doc["bufferViews"] = json::array({
        {{"buffer", 0}, {"byteOffset", 0}, {"byteLength", normal_offset}, {"target", kArrayBuffer}},
        {{"buffer", 0}, {"byteOffset", normal_offset}, {"byteLength", index_offset - normal_offset}, {"target", kArrayBuffer}},
        {{"buffer", 0}, {"byteOffset", index_offset}, {"byteLength", index_bytes}, {"target", kElementArrayBuffer}},
    });
    doc["accessors"] = json::array({
        {{"bufferView", 0}, {"componentType", kFloat}, {"count", vertex_count}, {"type", "VEC3"},
         {"min", {lo.x, lo.y, lo.z}}, {"max", {hi.x, hi.y, hi.z}}},
        {{"bufferView", 1}, {"componentType", kFloat}, {"count", vertex_count}, {"type", "VEC3"}},
        {{"bufferView", 2}, {"componentType", short_indices ? kUnsignedShort : kUnsignedInt},
         {"count", mesh.indices.size()}, {"type", "SCALAR"}},
    });
    std::string text = doc.dump();
    while (text.size() % 4) text.push_back(' ');  // JSON chunk is space padded by the spec

    std::vector<unsigned char> out;
    append_u32(out, kMagic);
    append_u32(out, 2);
    append_u32(out, uint32_t(12 + 8 + text.size() + 8 + bin.size()));
    append_u32(out, uint32_t(text.size()));
    append_u32(out, kChunkJson);
    append_raw(out, text.data(), text.size());
    append_u32(out, uint32_t(bin.size()));
    append_u32(out, kChunkBin);
    append_raw(out, bin.data(), bin.size());
    return out;
}

TriangleMesh decode_glb(const std::vector<unsigned char>& bytes) {
    auto u32 = [&](size_t at) {
        if (at + 4 > bytes.size()) throw std::runtime_error("glb truncated");
        uint32_t v;
        std::memcpy(&v, bytes.data() + at, 4);
        return v;
    };
    if (u32(0) != kMagic || u32(4) != 2) throw std::runtime_error("not a glTF 2.0 binary");
    const uint32_t json_length = u32(12);
    if (u32(16) != kChunkJson) throw std::runtime_error("first glb chunk is not JSON");
    const auto doc = nlohmann::json::parse(bytes.begin() + 20, bytes.begin() + 20 + json_length);
    const size_t bin_start = 20 + json_length + 8;
    if (u32(20 + json_length + 4) != kChunkBin) throw std::runtime_error("second glb chunk is not BIN");

    const auto& primitive = doc.at("meshes").at(0).at("primitives").at(0);
    auto accessor_bytes = [&](int accessor, size_t& count) {
        const auto& a = doc.at("accessors").at(accessor);
        const auto& view = doc.at("bufferViews").at(a.at("bufferView").get<int>());
        count = a.at("count").get<size_t>();
        return bytes.data() + bin_start + view.value("byteOffset", size_t(0)) + a.value("byteOffset", size_t(0));
    };
    TriangleMesh mesh;
    size_t count = 0;
    const unsigned char* p = accessor_bytes(primitive.at("attributes").at("POSITION").get<int>(), count);
    mesh.positions.resize(count);
    std::memcpy(mesh.positions.data(), p, count * sizeof(glm::vec3));
    p = accessor_bytes(primitive.at("attributes").at("NORMAL").get<int>(), count);
    mesh.normals.resize(count);
    std::memcpy(mesh.normals.data(), p, count * sizeof(glm::vec3));
    const int index_accessor = primitive.at("indices").get<int>();
    p = accessor_bytes(index_accessor, count);
    mesh.indices.resize(count);
    if (doc.at("accessors").at(index_accessor).at("componentType").get<int>() == kUnsignedShort) {
        for (size_t i = 0; i < count; ++i) {
            uint16_t v;
            std::memcpy(&v, p + 2 * i, 2);
            mesh.indices[i] = v;
        }
    } else {
        std::memcpy(mesh.indices.data(), p, count * 4);
    }
    return mesh;
}

TriangleMesh read_glb(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) throw std::runtime_error("cannot open " + path);
    return decode_glb(std::vector<unsigned char>(std::istreambuf_iterator<char>(f), {}));
}

}  // namespace modelgen
