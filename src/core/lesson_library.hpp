#pragma once
// All lessons the program can offer: the built-in ones, the teacher's own (XDG data folder) and
// any --lessons folder, later sources overriding earlier ones by id. Within one source an id is
// unique: a later file giving an id an earlier one gave is a problem (at its id), never a lesson.
// A broken lesson file is kept in the list with its problems, so the UI can show what to fix while
// every other lesson works.

#include "core/lesson.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace psoas {

struct LessonSource {
    std::filesystem::path directory;
    std::string origin;     // shown in the UI: "built-in", "your lessons", "--lessons FOLDER"
    bool required = false;  // a --lessons folder the user named must exist; the others may not
};

struct LessonEntry {
    std::filesystem::path file;
    std::string origin;
    std::optional<Lesson> lesson;      // empty when the file has problems
    std::vector<Diagnostic> problems;  // why it could not be used
    std::string overrides;             // origin of the lesson this one replaces, if any
    // The id and title the file gives, read even when it has problems (empty when it gives none or
    // is not TOML): a broken lesson stays in the list, findable by its id, with its problems.
    std::string id, title;
};

class LessonLibrary {
public:
    // `previous`, when given, is the library this one replaces (a hot reload): a folder that cannot
    // be read now (unmounted, deleted, permissions changed) keeps the lessons it had there, with
    // one problem saying so, so a class in progress loses nothing.
    static LessonLibrary load(const std::vector<LessonSource>& sources, const LessonVocabulary& vocabulary,
                              const LessonLibrary* previous = nullptr);

    [[nodiscard]] const std::vector<LessonEntry>& entries() const { return entries_; }
    [[nodiscard]] const Lesson* find(std::string_view id) const;
    // The entry a lesson id names: the usable lesson, else a file with problems that gives that id;
    // null when no file does.
    [[nodiscard]] const LessonEntry* entry(std::string_view id) const;
    [[nodiscard]] std::vector<Diagnostic> problems() const;  // every problem of every source, in order
    // Problems with the folders themselves (missing, unreadable), not with lesson files in them.
    [[nodiscard]] const std::vector<Diagnostic>& folderProblems() const { return sourceProblems_; }
    // The terminal's account of the problems: every folder problem; every problem of a folder with
    // at most `filesInFull` broken lesson files (a teacher editing one sees each line); one line for
    // a folder with more (a folder of drafts filled the terminal at every start), which names the
    // --check-lessons command that lists them.
    [[nodiscard]] std::vector<std::string> problemReport(std::size_t filesInFull = 3) const;

    // A cheap signature of every lesson file (names, sizes, modification times): when it changes,
    // a file was saved, added or removed and the library should be loaded again.
    [[nodiscard]] static std::string signature(const std::vector<LessonSource>& sources);

private:
    std::vector<LessonEntry> entries_;
    std::vector<Diagnostic> sourceProblems_;
};

// One lesson file read as an entry of the library: the lesson, or its problems (with the id and
// title the file gives, as far as it can be read).
LessonEntry loadLessonEntry(const std::filesystem::path& file, const std::string& origin, const LessonVocabulary& vocabulary);

// The pose ids a lesson may name: the `id` of every pose file in the folder (file name if none).
std::vector<std::string> listPoseIds(const std::filesystem::path& posesDirectory);

// The ids a lesson may use: every structure and landmark of the atlas, the groups, and the poses.
struct Atlas;
LessonVocabulary makeVocabulary(const Atlas& atlas, const std::vector<std::string>& poseIds);

}  // namespace psoas
