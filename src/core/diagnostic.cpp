#include "core/diagnostic.hpp"

#include <algorithm>
#include <numeric>

namespace psoas {

std::string Diagnostic::format() const {
    if (line <= 0) return "error: " + file.string() + ": " + message;
    return file.string() + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + message;
}

namespace {
std::string joinFormatted(const std::vector<Diagnostic>& diagnostics) {
    std::string text;
    for (const Diagnostic& d : diagnostics) text += (text.empty() ? "" : "\n") + d.format();
    return text;
}

std::size_t editDistance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    std::iota(row.begin(), row.end(), std::size_t{0});
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}
}  // namespace

DataFileError::DataFileError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(joinFormatted(diagnostics)), diagnostics_(std::move(diagnostics)) {}

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
    return best;
}

}  // namespace psoas
