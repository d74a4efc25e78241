// libFuzzer target: psoas::parsePoseFile on arbitrary text. Pose files are teacher-editable data;
// a bad one must give DataFileError, never a crash or another exception.
#include "core/diagnostic.hpp"
#include "core/motion/pose_file.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > (1u << 20)) return -1;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        (void)psoas::parsePoseFile(text, "fuzz_pose.toml");
    } catch (const psoas::DataFileError&) {
    }
    return 0;
}
