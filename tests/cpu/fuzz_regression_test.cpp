// Inputs found by the libFuzzer targets in tests/fuzz/, and the committed seed corpora, fed to the
// same entry points the fuzzers use. Each crash the fuzzers find gets a test here named after what
// broke, with the crashing bytes inline; the seed replay keeps every seed answering cleanly
// (a parsed value or the documented error type, nothing else) in the sanitizer build too.
#include "core/atlas.hpp"
#include "core/diagnostic.hpp"
#include "core/lesson.hpp"
#include "core/lesson_library.hpp"
#include "core/mesh_set.hpp"
#include "core/model_import.hpp"
#include "core/motion/pose_file.hpp"
#include "core/settings.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <string>

#include "support/test_paths.hpp"

namespace psoas {
namespace {

const std::filesystem::path kSource = psoas::test::sourceDirectory();

std::string readBytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

std::vector<std::filesystem::path> corpus(const std::string& target) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(kSource / "tests/fuzz/corpus" / target))
        if (entry.is_regular_file()) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

const LessonVocabulary& builtInVocabulary() {
    static const LessonVocabulary vocabulary =
        makeVocabulary(loadAtlas(kSource / "models/atlas.toml"), listPoseIds(kSource / "models/poses"));
    return vocabulary;
}

// As fuzz_lesson: a lesson or DataFileError; any other exception fails the test.
void parseLessonLikeTheFuzzer(const std::string& text) {
    const LessonVocabulary& ids = builtInVocabulary();  // a broken built-in atlas must fail, not pass vacuously
    try {
        (void)parseLesson(text, "fuzz.toml", ids);
    } catch (const DataFileError&) {
    }
}

// As fuzz_mesh_set.
void parseMeshSetLikeTheFuzzer(const std::string& text) {
    static const std::vector<std::string> ids = {"l1", "l2", "l3", "l4", "l5", "femur_r", "femur_l", "hip_bone_r", "hip_bone_l", "sacrum"};
    try {
        (void)parseMeshSet(text, kSource / "tests/data/mesh_sets/fuzz.toml", ids);
    } catch (const DataFileError&) {
    }
}

void parseAtlasLikeTheFuzzer(const std::string& text) {
    try {
        (void)parseAtlas(text, kSource / "models/atlas.toml");
    } catch (const DataFileError&) {
    }
}

void parsePoseLikeTheFuzzer(const std::string& text) {
    try {
        (void)parsePoseFile(text, "fuzz_pose.toml");
    } catch (const DataFileError&) {
    }
}

// As fuzz_settings: any text gives settings, and what is written back reads back unchanged.
void parseSettingsLikeTheFuzzer(const std::string& text) {
    const Settings first = parseSettings(text, "settings.toml").settings;
    const LoadedSettings again = parseSettings(serialiseSettings(first), "settings.toml");
    EXPECT_EQ(again.warning, "");
    EXPECT_EQ(again.settings.uiScale, first.uiScale);
    EXPECT_EQ(again.settings.lastLesson, first.lastLesson);
    EXPECT_EQ(again.settings.lastStep, first.lastStep);
    EXPECT_EQ(again.settings.windowX, first.windowX);
    EXPECT_EQ(again.settings.windowY, first.windowY);
    EXPECT_EQ(again.settings.windowWidth, first.windowWidth);
    EXPECT_EQ(again.settings.windowHeight, first.windowHeight);
    EXPECT_EQ(again.settings.screenshotBackground, first.screenshotBackground);
    EXPECT_EQ(again.settings.antiAliasing, first.antiAliasing);
}

// As fuzz_model_import: the first byte picks the extension, the rest is the file.
void importLikeTheFuzzer(const std::string& input) {
    ASSERT_GE(input.size(), 2u);
    static const char* const extensions[] = {".glb", ".obj", ".stl"};
    const auto file = test::temporaryDirectory() / (std::string("fuzz") + extensions[std::uint8_t(input[0]) % 3]);
    std::ofstream(file, std::ios::binary) << input.substr(1);
    ImportLimits limits;
    limits.maxFileBytes = 256u << 10;
    limits.maxTriangles = 20'000;
    limits.maxNodeDepth = 32;
    try {
        (void)importModel(file, limits);
    } catch (const ModelImportError&) {
    }
}

// fuzz_model_import, leak-4f91258e: an ASCII STL whose last facet is broken by binary bytes made
// Assimp's STL reader throw after allocating its mesh, which it then leaked (inside libassimp, so
// the sanitizer build suppresses it: tests/sanitizer/lsan.supp). Our import must still refuse the
// file with one clear ModelImportError and nothing else.
TEST(FuzzModelImport, ascii_stl_with_binary_bytes_inside_a_facet_is_refused_cleanly) {
    const std::string file = "solid t\nfacet normal 0 0 1\n outer loop\n  vertex 0 0 0\n  vertex 1 0 \nendf" +
                             std::string(54, '\xff') + "acet\nendsolid t\n";
    const auto path = test::temporaryDirectory() / "broken_facet.stl";
    std::ofstream(path, std::ios::binary) << file;
    EXPECT_THROW((void)importModel(path), ModelImportError);
    EXPECT_NO_THROW(importLikeTheFuzzer('\x02' + file));
}

// fuzz_model_import, oom-a47d1307 (and CI's oom-a8c06aea): a 1 KB binary glTF whose header declares
// a 1.3 GB JSON content length made Assimp allocate that much before reading a byte (glTF 1's
// KHR_binary_glTF header; glTF 2's chunk words are read the same way). Each length word that runs
// past the end of the file is now refused by the file check, before Assimp sees the file. The
// fuzzer's input is kept as tests/fuzz/corpus/model_import/regression_gltf1_huge_content_length.
std::string word(std::uint32_t v) {
    std::string out;
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFFu));
    return out;
}

std::string binaryGltfError(const std::string& bytes) {
    const auto path = test::temporaryDirectory() / "lengths.glb";
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
    try {
        (void)importModel(path);
    } catch (const ModelImportError& error) {
        return error.what();
    }
    return "imported";
}

TEST(FuzzModelImport, binary_gltf_lengths_past_the_end_of_the_file_are_refused_before_assimp_reads_them) {
    const std::string json = R"({"asset":{"version":"2.0"}})";  // 26 bytes, padded to 28 below
    const std::string padded = json + "  ";
    const auto total = static_cast<std::uint32_t>(20 + padded.size());
    const std::string cut = "the glTF header's lengths run past the end of the file";
    // glTF 1: content length 1.3 GB in a 48-byte file.
    EXPECT_NE(binaryGltfError("glTF" + word(1) + word(total) + word(0x530003a8u) + word(0) + padded).find(cut),
              std::string::npos);
    // Either version: a total length longer than the file.
    EXPECT_NE(binaryGltfError("glTF" + word(2) + word(0x7fffffffu) + word(28) + word(0x4E4F534Au) + padded).find(cut),
              std::string::npos);
    // glTF 2: a BIN chunk that claims 2 GB after the JSON.
    const std::string bin = word(0x80000000u) + word(0x004E4942u) + std::string(4, '\0');
    const auto withBin = static_cast<std::uint32_t>(total + bin.size());
    EXPECT_NE(binaryGltfError("glTF" + word(2) + word(withBin) + word(28) + word(0x4E4F534Au) + padded + bin)
                  .find("the glTF binary chunk runs past the end of the file"),
              std::string::npos);
}

// Feeds every committed seed of a fuzz target through the same call the fuzzer makes.
template <typename Call>
void replayCorpus(const std::string& target, Call call) {
    for (const auto& file : corpus(target)) {
        SCOPED_TRACE(file.string());
        EXPECT_NO_THROW(call(readBytes(file)));
    }
}

TEST(FuzzCorpus, every_lesson_seed_parses_or_reports_a_data_file_error) { replayCorpus("lesson", parseLessonLikeTheFuzzer); }
TEST(FuzzCorpus, every_atlas_seed_parses_or_reports_a_data_file_error) { replayCorpus("atlas", parseAtlasLikeTheFuzzer); }
TEST(FuzzCorpus, every_pose_seed_parses_or_reports_a_data_file_error) { replayCorpus("pose", parsePoseLikeTheFuzzer); }
TEST(FuzzCorpus, every_settings_seed_reads_and_round_trips) { replayCorpus("settings", parseSettingsLikeTheFuzzer); }
TEST(FuzzCorpus, every_model_seed_imports_or_reports_a_model_import_error) { replayCorpus("model_import", importLikeTheFuzzer); }
TEST(FuzzCorpus, every_mesh_set_seed_parses_or_reports_a_data_file_error) { replayCorpus("mesh_set", parseMeshSetLikeTheFuzzer); }

}  // namespace
}  // namespace psoas
