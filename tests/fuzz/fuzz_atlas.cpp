// libFuzzer target: psoas::parseAtlas on arbitrary text. The atlas is data a teacher may edit;
// a bad one must give DataFileError listing its problems, never a crash or another exception.
#include "core/atlas.hpp"
#include "core/diagnostic.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > (1u << 20)) return -1;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        // A path under the source tree, so mesh paths resolve against the real models/ folder.
        (void)psoas::parseAtlas(text, std::filesystem::path(PSOAS_SOURCE_DIR) / "models" / "atlas.toml");
    } catch (const psoas::DataFileError&) {
    }
    return 0;
}
