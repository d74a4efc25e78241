// libFuzzer target: psoas::parseMeshSet on arbitrary text. A mesh set is a teacher's own file;
// a bad one must give DataFileError listing its problems, never a crash or another exception.
#include "core/diagnostic.hpp"
#include "core/mesh_set.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > (1u << 20)) return -1;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    static const std::vector<std::string> ids = {"l1", "l2", "l3", "l4", "l5", "femur_r", "femur_l", "hip_bone_r", "hip_bone_l", "sacrum"};
    try {
        // Under the test data, so the seed's relative mesh paths resolve.
        (void)psoas::parseMeshSet(text, std::filesystem::path(PSOAS_SOURCE_DIR) / "tests/data/mesh_sets/fuzz.toml", ids);
    } catch (const psoas::DataFileError&) {
    }
    return 0;
}
