#include "core/structure_search.hpp"

#include <algorithm>
#include <cctype>
#include <numeric>
#include <sstream>

namespace psoas {

namespace {

using Words = std::vector<std::string>;

std::string folded(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    // Ids and punctuation read as word breaks: "psoas_major_r", "femur_r:lesser_trochanter", "T12-L1".
    std::replace_if(out.begin(), out.end(), [](char c) { return c == '_' || c == ':' || c == '-' || c == ',' || c == '(' || c == ')' || c == '/'; }, ' ');
    return out;
}

Words wordsOf(const std::string& text) {
    Words words;
    std::istringstream in(text);
    for (std::string word; in >> word;) words.push_back(word);
    return words;
}

// Words a class uses for what the atlas names otherwise (our list; the Latin from Terminologia
// Anatomica): a query holding the term as whole words is also searched with it replaced by each
// of its meanings. "iliopsoas" is the two muscles together (TA: musculus iliopsoas); the crura are
// part of the atlas's diaphragm; landmarks have no Latin names in the atlas, so theirs are here.
struct Term {
    const char* term;
    std::vector<const char*> meanings;
};
const std::vector<Term>& teachingTerms() {
    static const std::vector<Term> terms = {
        {"iliopsoas", {"psoas major", "iliacus"}},
        {"asis", {"anterior superior iliac spine"}},
        {"psis", {"posterior superior iliac spine"}},
        {"crus", {"diaphragm"}},
        {"crura", {"diaphragm"}},
        {"trochanter minor", {"lesser trochanter"}},
        {"trochanter major", {"greater trochanter"}},
        {"spina iliaca anterior superior", {"anterior superior iliac spine"}},
        {"spina iliaca posterior superior", {"posterior superior iliac spine"}},
        {"crista iliaca", {"iliac crest"}},
        {"tuber ischiadicum", {"ischial tuberosity"}},
        {"caput femoris", {"femoral head"}},
        {"linea terminalis", {"pelvic brim"}},
        {"fossa iliaca", {"iliac fossa"}},
    };
    return terms;
}

// The query's word lists to search: itself, and each teaching term in it replaced by each meaning.
std::vector<Words> readings(const Words& query) {
    std::vector<Words> out{query};
    for (const Term& term : teachingTerms()) {
        const Words termWords = wordsOf(term.term);
        const auto at = std::search(query.begin(), query.end(), termWords.begin(), termWords.end());
        if (at == query.end()) continue;
        for (const char* meaning : term.meanings) {
            Words replaced(query.begin(), at);
            for (const std::string& w : wordsOf(meaning)) replaced.push_back(w);
            replaced.insert(replaced.end(), at + static_cast<std::ptrdiff_t>(termWords.size()), query.end());
            out.push_back(std::move(replaced));
        }
    }
    return out;
}

// Edits (insert, delete, substitute, swap two neighbours) between a and b.
std::size_t editDistance(const std::string& a, const std::string& b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    std::iota(d[0].begin(), d[0].end(), std::size_t{0});
    for (std::size_t i = 1; i <= a.size(); ++i)
        for (std::size_t j = 1; j <= b.size(); ++j) {
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.size()][b.size()];
}

// A query word begins `word` ("troch" begins "trochanter"); with `typos`, one slip is forgiven in
// a word of 4 letters or more, two from 8 ("illiacus", "soas" for psoas, "trochnter"): the word is
// compared with the start of `word` of about its own length.
bool begins(const std::string& query, const std::string& word, bool typos) {
    if (word.rfind(query, 0) == 0) return true;
    if (!typos || query.size() < 4) return false;
    const std::size_t allowed = query.size() >= 8 ? 2 : 1;
    for (std::size_t length = query.size() > allowed ? query.size() - allowed : 1; length <= query.size() + allowed && length <= word.size(); ++length)
        if (editDistance(query, word.substr(0, length)) <= allowed) return true;
    return false;
}

// Each query word must begin a word of the text ("l" finds "left" but not the l inside "Right
// psoas minor").
bool holdsEvery(const std::string& text, const Words& query, bool typos) {
    const Words own = wordsOf(text);
    return std::all_of(query.begin(), query.end(), [&](const std::string& w) {
        return std::any_of(own.begin(), own.end(), [&](const std::string& o) { return begins(w, o, typos); });
    });
}

std::vector<StructureMatch> search(const Scene& scene, const std::vector<Words>& queries, bool typos) {
    std::vector<StructureMatch> found;
    auto matches = [&](const std::string& text) {
        return std::any_of(queries.begin(), queries.end(), [&](const Words& q) { return holdsEvery(text, q, typos); });
    };
    for (std::size_t i = 0; i < scene.structures.size(); ++i) {
        const StructureInfo& info = scene.structures[i].info;
        if (matches(folded(info.name + " " + info.latin + " " + info.id))) found.push_back({static_cast<int>(i), {}});
    }
    for (std::size_t i = 0; i < scene.structures.size(); ++i)
        for (const Landmark& landmark : scene.structures[i].info.landmarks)
            if (matches(folded(landmark.name))) found.push_back({static_cast<int>(i), landmark.name});
    return found;
}

}  // namespace

std::vector<StructureMatch> findStructures(const Scene& scene, std::string_view query) {
    const Words words = wordsOf(folded(query));
    if (words.empty()) return {};
    const std::vector<Words> queries = readings(words);
    std::vector<StructureMatch> found = search(scene, queries, false);
    return found.empty() ? search(scene, queries, true) : found;
}

}  // namespace psoas
