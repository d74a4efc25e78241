// libFuzzer target: psoas::parseLesson on arbitrary text, with the built-in vocabulary (the
// repository's models/atlas.toml and models/poses), loaded once. A lesson file is typed by a
// teacher; whatever it holds, the parser must answer with DataFileError (file:line:col), never
// crash, hang or throw anything else.
#include "core/atlas.hpp"
#include "core/diagnostic.hpp"
#include "core/lesson.hpp"
#include "core/lesson_library.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {
const psoas::LessonVocabulary& vocabulary() {
    static const psoas::LessonVocabulary v = [] {
        const std::filesystem::path models = std::filesystem::path(PSOAS_SOURCE_DIR) / "models";
        return psoas::makeVocabulary(psoas::loadAtlas(models / "atlas.toml"), psoas::listPoseIds(models / "poses"));
    }();
    return v;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > psoas::kMaxLessonBytes) return -1;  // loadLesson refuses larger files before parsing
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    // Outside the try: a broken built-in atlas must stop the fuzzer, not make every input "fine".
    const psoas::LessonVocabulary& ids = vocabulary();
    try {
        (void)psoas::parseLesson(text, "fuzz.toml", ids);
    } catch (const psoas::DataFileError&) {
        // the expected answer to a bad lesson
    }
    return 0;
}
