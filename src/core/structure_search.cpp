#include "core/structure_search.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>

namespace psoas {

namespace {

std::string folded(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    // Ids and punctuation read as word breaks: "psoas_major_r", "femur_r:lesser_trochanter", "T12-L1".
    std::replace_if(out.begin(), out.end(), [](char c) { return c == '_' || c == ':' || c == '-' || c == ',' || c == '('; }, ' ');
    return out;
}

// Each query word must begin a word of the text ("troch" finds "trochanter"; "l" finds "left"
// but not the l inside "Right psoas minor").
bool holdsEvery(const std::string& text, const std::vector<std::string>& words) {
    std::vector<std::string> own;
    std::istringstream in(text);
    for (std::string word; in >> word;) own.push_back(word);
    return std::all_of(words.begin(), words.end(), [&](const std::string& w) {
        return std::any_of(own.begin(), own.end(), [&](const std::string& o) { return o.rfind(w, 0) == 0; });
    });
}

}  // namespace

std::vector<StructureMatch> findStructures(const Scene& scene, std::string_view query) {
    std::vector<std::string> words;
    std::istringstream in(folded(query));
    for (std::string word; in >> word;) words.push_back(word);
    std::vector<StructureMatch> found;
    if (words.empty()) return found;
    for (std::size_t i = 0; i < scene.structures.size(); ++i) {
        const StructureInfo& info = scene.structures[i].info;
        if (holdsEvery(folded(info.name + " " + info.latin + " " + info.id), words)) found.push_back({static_cast<int>(i), {}});
    }
    for (std::size_t i = 0; i < scene.structures.size(); ++i)
        for (const Landmark& landmark : scene.structures[i].info.landmarks)
            if (holdsEvery(folded(landmark.name), words)) found.push_back({static_cast<int>(i), landmark.name});
    return found;
}

}  // namespace psoas
