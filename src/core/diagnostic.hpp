#pragma once
// A problem found in a data file, with where it is, so a teacher's editor can jump to it.

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace psoas {

struct Diagnostic {
    std::filesystem::path file;
    int line = 0;    // 1-based; 0 when the problem is the file as a whole
    int column = 0;  // 1-based
    std::string message;

    // "file:line:col: message", or "error: file: message" when there is no position.
    [[nodiscard]] std::string format() const;
};

// Orders a file's problems as they appear in it, so the first message is the first mistake.
void sortByPosition(std::vector<Diagnostic>& diagnostics);

// Thrown when a data file cannot be used at all; carries every problem found in it.
class DataFileError : public std::runtime_error {
public:
    explicit DataFileError(std::vector<Diagnostic> diagnostics);
    [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

private:
    std::vector<Diagnostic> diagnostics_;
};

// The candidate closest to `word` by edit distance; else one with the same snake_case words in
// another order or with a side spelt out ("right_hip": "hip_right"; "psoas_major_left":
// "psoas_major_l"); else "" (nothing close enough to be a slip).
std::string closestMatch(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace psoas
