#include "core/diagnostic.hpp"

#include <algorithm>
#include <cctype>
#include <numeric>

namespace psoas {

std::string Diagnostic::format() const {
    if (line <= 0) return "error: " + file.string() + ": " + message;
    return file.string() + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + message;
}

void sortByPosition(std::vector<Diagnostic>& diagnostics) {
    std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return a.file == b.file && (a.line < b.line || (a.line == b.line && a.column < b.column));
    });
}

namespace {
std::string joinFormatted(const std::vector<Diagnostic>& diagnostics) {
    std::string text;
    for (const Diagnostic& d : diagnostics) {
        if (!text.empty()) text += '\n';
        text += d.format();
    }
    return text;
}

// Edits between two words, counting a swap of neighbours ("titel" / "title") as one edit, since
// that is the commonest typing slip.
std::size_t editDistance(std::string_view a, std::string_view b) {
    const std::size_t columns = b.size() + 1;
    std::vector<std::size_t> d((a.size() + 1) * columns);
    auto at = [&](std::size_t i, std::size_t j) -> std::size_t& { return d[i * columns + j]; };
    for (std::size_t i = 0; i <= a.size(); ++i) at(i, 0) = i;
    for (std::size_t j = 0; j <= b.size(); ++j) at(0, j) = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + (a[i - 1] == b[j - 1] ? 0 : 1)});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
        }
    }
    return at(a.size(), b.size());
}
}  // namespace

DataFileError::DataFileError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(joinFormatted(diagnostics)), diagnostics_(std::move(diagnostics)) {}

namespace {
// The words of a snake_case name in order, with the sides written as the atlas writes them ("right"
// as "r", "left" as "l"): "right_hip" and "hip_right" give the same words.
std::vector<std::string> sortedWords(std::string_view name) {
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start <= name.size()) {
        const std::size_t end = std::min(name.find('_', start), name.size());
        std::string word(name.substr(start, end - start));
        for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (word == "right") word = "r";
        if (word == "left") word = "l";
        if (!word.empty()) words.push_back(std::move(word));
        start = end + 1;
    }
    std::sort(words.begin(), words.end());
    return words;
}
}  // namespace

std::string closestMatch(std::string_view word, const std::vector<std::string>& candidates) {
    std::string best;
    // A third of the word's length, at least 1 and at most 3 edits, reads as a typo, not a new word.
    std::size_t bestDistance = std::clamp<std::size_t>(word.size() / 3, 1, 3) + 1;
    for (const std::string& candidate : candidates) {
        const std::size_t d = editDistance(word, candidate);
        if (d < bestDistance) {
            bestDistance = d;
            best = candidate;
        }
    }
    if (!best.empty()) return best;
    // The same words in another order, or a side spelt out: "right_hip" for "hip_right" (tester,
    // session 12), "psoas_major_left" for "psoas_major_l".
    const std::vector<std::string> words = sortedWords(word);
    if (words.size() < 2) return best;
    for (const std::string& candidate : candidates)
        if (sortedWords(candidate) == words) return candidate;
    return best;
}

}  // namespace psoas
