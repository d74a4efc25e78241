#include "core/lesson_library.hpp"

#include "core/atlas.hpp"
#include "core/toml_reader.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <map>
#include <utility>

namespace psoas {

namespace {
std::vector<std::filesystem::path> lessonFiles(const std::filesystem::path& directory, std::error_code& ec) {
    std::vector<std::filesystem::path> files;
    for (std::filesystem::directory_iterator it(directory, ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code entryError;
        if (it->path().extension() == ".toml" && it->is_regular_file(entryError)) files.push_back(it->path());
    }
    // File names give the order, so teachers sort lessons by naming them 01-…, 02-….
    std::sort(files.begin(), files.end());
    return files;
}

// What a broken lesson file says it is, as far as it reads as TOML.
void readHeading(LessonEntry& entry) {
    try {
        const toml::table root = toml::parse(readDataFile(entry.file, kMaxLessonBytes));
        entry.id = root["id"].value_or(std::string());
        entry.title = root["title"].value_or(std::string());
    } catch (const std::exception&) {
        // Not TOML, too large or unreadable: the entry is named by its file; its problems say why.
    }
}

// Where a lesson file gives its id (the value's line and column), for a message about the id; the
// file's start when it cannot be read that far.
std::pair<int, int> idPosition(const std::filesystem::path& file) {
    try {
        const toml::table root = toml::parse(readDataFile(file, kMaxLessonBytes));
        if (const toml::node* id = root.get("id"))
            return {static_cast<int>(id->source().begin.line), static_cast<int>(id->source().begin.column)};
    } catch (const std::exception&) {
        // Not TOML or unreadable: its own problems say so.
    }
    return {1, 1};
}

// Collects the entries of every source in order. A lesson id given by two files of one source (a
// teacher copied a file to make a variant) is a problem on the later file, broken or not: one
// lesson silently hid the other. A later source's lesson with an earlier source's id (a teacher's
// lesson with a built-in id) replaces the earlier one in place, and the entry says so.
class EntryCollector {
public:
    explicit EntryCollector(std::vector<LessonEntry>& entries) : entries_(entries) {}

    void startSource() { seenInSource_.clear(); }

    void add(LessonEntry entry) {
        if (!entry.id.empty()) {
            if (auto first = seenInSource_.find(entry.id); first != seenInSource_.end()) {
                markDuplicate(entry, first->second);
                entries_.push_back(std::move(entry));
                return;
            }
            seenInSource_.emplace(entry.id, entry.file);
        }
        if (!entry.lesson) {
            entries_.push_back(std::move(entry));
            return;
        }
        const std::string id = entry.lesson->id;
        if (auto earlier = byId_.find(id); earlier != byId_.end()) {
            entry.overrides = entries_[earlier->second].origin;
            entries_[earlier->second] = std::move(entry);
            return;
        }
        byId_.emplace(id, entries_.size());
        entries_.push_back(std::move(entry));
    }

private:
    static void markDuplicate(LessonEntry& entry, const std::filesystem::path& first) {
        const std::string other = first.parent_path() == entry.file.parent_path() ? first.filename().string() : first.string();
        const auto [line, column] = idPosition(entry.file);
        Diagnostic problem{entry.file, line, column,
                           "lesson id \"" + entry.id + "\" is used by " + other + " too; ids must be unique (rename one)"};
        entry.lesson.reset();
        // A folder that cannot be read now hands back its last entries, this problem among them.
        const auto same = [&](const Diagnostic& d) {
            return d.line == problem.line && d.column == problem.column && d.message == problem.message;
        };
        if (std::none_of(entry.problems.begin(), entry.problems.end(), same)) entry.problems.push_back(std::move(problem));
        sortByPosition(entry.problems);
    }

    std::vector<LessonEntry>& entries_;
    std::map<std::string, std::size_t> byId_;                    // lesson id -> index in entries_
    std::map<std::string, std::filesystem::path> seenInSource_;  // lesson id -> first file giving it, this source
};

// The entries `previous` read from this source's folder, to keep while the folder cannot be read.
std::vector<LessonEntry> lastRead(const LessonLibrary* previous, const LessonSource& source) {
    std::vector<LessonEntry> kept;
    if (!previous) return kept;
    for (const LessonEntry& entry : previous->entries())
        if (entry.origin == source.origin && entry.file.parent_path() == source.directory) kept.push_back(entry);
    return kept;
}

void addSource(const LessonSource& source, const LessonVocabulary& vocabulary, const LessonLibrary* previous,
               EntryCollector& collector, std::vector<Diagnostic>& sourceProblems) {
    collector.startSource();
    std::error_code ec;
    const bool folder = std::filesystem::is_directory(source.directory, ec);
    std::vector<std::filesystem::path> files;
    if (folder) files = lessonFiles(source.directory, ec);
    if (!folder || ec) {
        const std::string reason = ec ? ec.message() : std::make_error_code(std::errc::no_such_file_or_directory).message();
        std::vector<LessonEntry> kept = lastRead(previous, source);
        if (!kept.empty()) {
            sourceProblems.push_back({source.directory, 0, 0,
                                      "cannot be read now (" + reason + "); its " + std::to_string(kept.size()) +
                                          (kept.size() == 1 ? " lesson stays" : " lessons stay") + " as last read"});
            for (LessonEntry& entry : kept) collector.add(std::move(entry));
            return;
        }
        if (!folder) {
            if (source.required)
                sourceProblems.push_back({source.directory, 0, 0, "is not a folder of lessons (missing or unreadable)"});
            return;
        }
        // Read part-way: the files listed before the error, if any, still load.
        sourceProblems.push_back({source.directory, 0, 0, "cannot be read (" + reason + ")"});
    }
    for (const auto& file : files) collector.add(loadLessonEntry(file, source.origin, vocabulary));
}

}  // namespace

LessonEntry loadLessonEntry(const std::filesystem::path& file, const std::string& origin, const LessonVocabulary& vocabulary) {
    LessonEntry entry{file, origin, std::nullopt, {}, {}, {}, {}};
    try {
        entry.lesson = loadLesson(file, vocabulary);
        entry.lesson->origin = origin;
        entry.id = entry.lesson->id;
        entry.title = entry.lesson->title;
    } catch (const DataFileError& e) {
        entry.problems = e.diagnostics();
        readHeading(entry);
    }
    return entry;
}

LessonLibrary LessonLibrary::load(const std::vector<LessonSource>& sources, const LessonVocabulary& vocabulary,
                                  const LessonLibrary* previous) {
    LessonLibrary library;
    EntryCollector collector(library.entries_);
    for (const LessonSource& source : sources) addSource(source, vocabulary, previous, collector, library.sourceProblems_);
    return library;
}

const Lesson* LessonLibrary::find(std::string_view id) const {
    for (const auto& entry : entries_)
        if (entry.lesson && entry.lesson->id == id) return &*entry.lesson;
    return nullptr;
}

const LessonEntry* LessonLibrary::entry(std::string_view id) const {
    const LessonEntry* broken = nullptr;
    for (const auto& entry : entries_) {
        if (entry.id != id) continue;
        if (entry.lesson) return &entry;
        if (!broken) broken = &entry;
    }
    return broken;
}

std::vector<Diagnostic> LessonLibrary::problems() const {
    std::vector<Diagnostic> all = sourceProblems_;
    for (const auto& entry : entries_) all.insert(all.end(), entry.problems.begin(), entry.problems.end());
    return all;
}

std::vector<std::string> LessonLibrary::problemReport(std::size_t filesInFull) const {
    std::vector<std::string> lines;
    for (const Diagnostic& d : sourceProblems_) lines.push_back(d.format());
    std::vector<std::string> origins;  // in the order the sources were read
    std::map<std::string, std::vector<const LessonEntry*>> broken;
    for (const LessonEntry& entry : entries_) {
        if (entry.problems.empty()) continue;
        if (!broken.count(entry.origin)) origins.push_back(entry.origin);
        broken[entry.origin].push_back(&entry);
    }
    for (const std::string& origin : origins) {
        const std::vector<const LessonEntry*>& files = broken[origin];
        if (files.size() <= filesInFull) {
            for (const LessonEntry* entry : files)
                for (const Diagnostic& d : entry->problems) lines.push_back(d.format());
            continue;
        }
        const std::filesystem::path folder = files.front()->file.parent_path();
        lines.push_back(std::to_string(files.size()) + " lesson files in " + folder.string() +
                        " have problems; the lesson list marks them, and psoas-atlas --check-lessons " + folder.string() +
                        " lists each");
    }
    return lines;
}

std::string LessonLibrary::signature(const std::vector<LessonSource>& sources) {
    std::string text;
    for (const LessonSource& source : sources) {
        std::error_code ec;
        for (const auto& file : lessonFiles(source.directory, ec)) {
            std::error_code fileError;
            const auto size = std::filesystem::file_size(file, fileError);
            const auto time = std::filesystem::last_write_time(file, fileError);
            text += file.string() + '|' + std::to_string(size) + '|' +
                    // libc++ (the browser build) counts file times in a 128-bit integer, which to_string lacks
                    std::to_string(static_cast<long long>(time.time_since_epoch().count())) + '\n';
        }
    }
    return text;
}

std::vector<std::string> listPoseIds(const std::filesystem::path& posesDirectory) {
    std::vector<std::string> ids;
    std::error_code ec;
    for (const auto& file : lessonFiles(posesDirectory, ec)) {
        std::string id = file.stem().string();
        try {
            const toml::table pose = toml::parse_file(file.string());
            id = pose["id"].value_or(id);
        } catch (const toml::parse_error&) {
            // A broken pose file is reported by the pose loader; its file name still names it here.
        }
        ids.push_back(id);
    }
    return ids;
}

LessonVocabulary makeVocabulary(const Atlas& atlas, const std::vector<std::string>& poseIds) {
    LessonVocabulary vocabulary;
    for (const StructureInfo& s : atlas.structures) {
        vocabulary.structures.push_back(s.id);
        if (s.group == StructureGroup::Muscle) vocabulary.muscles.push_back(s.id);
        for (const Landmark& landmark : s.landmarks) vocabulary.landmarks.push_back(s.id + ":" + landmark.id);
    }
    vocabulary.groups = {"all", "bones", "muscles", "discs", "ligaments"};
    vocabulary.poses = poseIds;
    return vocabulary;
}

}  // namespace psoas
