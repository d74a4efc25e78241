#pragma once
// Lessons: one TOML file each, written by teachers in a text editor (see lessons/README.md).
// A lesson is an ordered list of steps; each step says what to show, from where, in which pose,
// and what to say. Parsing checks every reference against what the scene really has, so a typo
// in a structure or pose id is caught with its file:line:col and a "did you mean".

#include "core/diagnostic.hpp"
#include "core/motion/breathing.hpp"
#include "core/motion/pose.hpp"
#include "core/orbit_camera.hpp"
#include "core/quiz.hpp"
#include "core/view_preset.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace psoas {

// The ids a lesson may refer to, taken from the atlas and the pose files.
struct LessonVocabulary {
    std::vector<std::string> structures;  // "psoas_major_r"
    std::vector<std::string> muscles;     // the structures whose group is muscle (for attachments)
    std::vector<std::string> landmarks;   // "femur_r:lesser_trochanter"
    std::vector<std::string> groups;      // "bones", "muscles", "discs", "ligaments", "all"
    std::vector<std::string> poses;       // "neutral_standing"
};

struct StepBreathing {
    bool on = false;
    BreathDepth depth = BreathDepth::Quiet;  // names: kBreathDepthNames
    double ratePerMinute = 12.0;  // 6..30; 12 is a resting rate (sources §5)
    double exaggeration = 1.0;    // display only; readouts stay true
    bool operator==(const StepBreathing&) const = default;
};

// A label a step puts on the model: at a structure ("psoas_major_r") or a landmark
// ("femur_r:lesser_trochanter"), with the teacher's own words or, when `text` is empty, the
// atlas's name for it. Written `"id"` or `{ at = "id", text = "Kleiner Rollhügel" }`.
struct LessonLabel {
    std::string at;
    std::string text;
    bool operator==(const LessonLabel&) const = default;
};

// A motion that loops, in place of a pose (issue 13): written `motion = "walking"` (a built-in
// motion, core/motion/looping_motion.hpp) or `motion = { poses = ["neutral_standing", "leg_lift"],
// period = 4 }` (eased moves from each pose to the next and back to the first).
struct StepMotion {
    std::string builtIn;             // "walking"; empty for a cycle through `poses`
    std::vector<std::string> poses;  // pose ids, two or more (empty for a built-in motion)
    double periodSeconds = 4.0;      // seconds per cycle, 0.5..60 (a built-in motion has its own)
    bool operator==(const StepMotion&) const = default;
};

struct LessonStep {
    int line = 0;  // where the step starts in its file
    std::string title;
    std::string text;  // paragraphs, **bold**, *italic*, "- " bullets
    std::optional<ViewPreset> view;
    std::optional<CameraPose> camera;  // explicit target, distance, yaw, pitch
    // Visibility: with `show`, only what it lists is shown; then `fade` and `hide` apply.
    std::vector<std::string> show, fade, hide;
    std::vector<std::string> highlight;
    std::vector<std::string> attachments;  // muscles whose origin and insertion areas are painted
    std::vector<LessonLabel> labels;
    std::optional<std::string> pose;     // a pose id (models/poses)
    std::optional<Pose> poseAngles;      // or an inline table of joint angles, the others neutral
    std::optional<StepMotion> motion;    // or a motion that loops (never with `pose`)
    std::optional<StepBreathing> breathing;
    bool colourByLength = false;
    bool lengthTags = false;  // live length tags on the psoas and iliacus
    bool autoRotate = false;
    double durationSeconds = 0.0;  // for autoplay; 0 = the teacher advances
    std::string notes;             // for the teacher, never shown to the class
    // A quiz step asks the class to click something; see core/quiz.hpp.
    std::optional<QuizQuestion> quiz;
    bool operator==(const LessonStep&) const = default;  // `line` included: the same step of the same file
};

struct Lesson {
    std::filesystem::path file;
    std::string origin;  // "built-in", "your lessons", or the --lessons folder
    std::string id, title, summary, audience;
    std::vector<LessonStep> steps;
    bool operator==(const Lesson&) const = default;
};

// Throws DataFileError with every problem found.
Lesson parseLesson(std::string_view text, const std::filesystem::path& file, const LessonVocabulary& vocabulary);
Lesson loadLesson(const std::filesystem::path& file, const LessonVocabulary& vocabulary);

// 1 MiB: a lesson is a few pages of text; anything larger is not a lesson file.
inline constexpr std::uintmax_t kMaxLessonBytes = 1u << 20;

}  // namespace psoas
