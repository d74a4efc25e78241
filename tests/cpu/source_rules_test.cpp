// The layering rules that the compiler alone does not keep, checked over the sources: only
// src/render may call OpenGL, and the render headers the other layers use bring no GL with them
// (so a GL call outside render would not even compile). A test, so a regression fails the suite.

#include "support/test_paths.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

const std::filesystem::path kSource = psoas::test::sourceDirectory() / "src";

std::string read(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// Each line with its // comment cut off: comments may name GL calls.
std::vector<std::string> codeLines(const std::filesystem::path& file) {
    std::vector<std::string> lines;
    std::istringstream in(read(file));
    for (std::string line; std::getline(in, line);) lines.push_back(line.substr(0, line.find("//")));
    return lines;
}

bool inRender(const std::filesystem::path& file) { return file.lexically_relative(kSource).begin()->string() == "render"; }

std::vector<std::filesystem::path> sourcesOutsideRender() {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(kSource)) {
        const auto ext = entry.path().extension();
        if (entry.is_regular_file() && (ext == ".cpp" || ext == ".hpp") && !inRender(entry.path())) files.push_back(entry.path());
    }
    return files;
}

// The project headers a file includes ("render/x.hpp"), as paths under src/.
std::vector<std::string> projectIncludes(const std::filesystem::path& file) {
    static const std::regex include(R"re(^\s*#\s*include\s*"([^"]+)")re");
    std::vector<std::string> found;
    std::smatch m;
    for (const std::string& line : codeLines(file))
        if (std::regex_search(line, m, include)) found.push_back(m[1]);
    return found;
}

bool includesGlad(const std::filesystem::path& file) {
    static const std::regex glad(R"(^\s*#\s*include\s*[<"]glad/)");
    for (const std::string& line : codeLines(file))
        if (std::regex_search(line, glad)) return true;
    return false;
}

// The chain of headers by which `header` (under src/) brings glad in, or "" when it does not.
std::string gladChain(const std::string& header, std::set<std::string>& seen) {
    if (!seen.insert(header).second || !std::filesystem::exists(kSource / header)) return "";
    if (includesGlad(kSource / header)) return header;
    for (const std::string& next : projectIncludes(kSource / header))
        if (const std::string chain = gladChain(next, seen); !chain.empty()) return header + " -> " + chain;
    return "";
}

TEST(SourceRules, no_gl_call_outside_src_render) {
    static const std::regex glCall(R"((^|[^A-Za-z0-9_:])gl[A-Z][A-Za-z0-9]*\s*\()");
    std::vector<std::string> offenders;
    for (const auto& file : sourcesOutsideRender()) {
        const std::vector<std::string> lines = codeLines(file);
        for (std::size_t i = 0; i < lines.size(); ++i)
            if (std::regex_search(lines[i], glCall)) offenders.push_back(file.lexically_relative(kSource).string() + ":" + std::to_string(i + 1) + ": " + lines[i]);
    }
    EXPECT_TRUE(offenders.empty()) << "GL calls belong in src/render:\n" << ::testing::PrintToString(offenders);
}

TEST(SourceRules, the_render_headers_other_layers_include_bring_no_gl) {
    std::vector<std::string> offenders;
    for (const auto& file : sourcesOutsideRender()) {
        if (includesGlad(file)) offenders.push_back(file.lexically_relative(kSource).string() + " includes glad");
        for (const std::string& header : projectIncludes(file)) {
            if (header.rfind("render/", 0) != 0) continue;
            std::set<std::string> seen;
            if (const std::string chain = gladChain(header, seen); !chain.empty())
                offenders.push_back(file.lexically_relative(kSource).string() + ": " + chain);
        }
    }
    EXPECT_TRUE(offenders.empty()) << "render's public headers must hide GL types (pimpl):\n" << ::testing::PrintToString(offenders);
}

// The rules above must see the code they guard: a render header that does include glad is found.
TEST(SourceRules, the_include_check_finds_glad_behind_a_render_header) {
    std::set<std::string> seen;
    EXPECT_EQ(gladChain("render/gpu_mesh.hpp", seen), "render/gpu_mesh.hpp -> render/gl_handles.hpp");
    EXPECT_GT(sourcesOutsideRender().size(), 50u);
}

}  // namespace
