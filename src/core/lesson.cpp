#include "core/lesson.hpp"

#include "core/motion/looping_motion.hpp"
#include "core/motion/pose_table.hpp"
#include "core/toml_reader.hpp"

#include <set>

namespace psoas {

namespace {

constexpr const char* kStepKeys[] = {"title", "text", "camera", "show", "fade", "hide", "highlight", "attachments",
                                     "labels", "pose", "motion", "breathing", "colour_by_length", "length_tags", "auto_rotate", "duration",
                                     "notes", "quiz"};

bool contains(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

std::string didYouMean(const std::string& word, const std::vector<std::string>& candidates) {
    const std::string guess = closestMatch(word, candidates);
    return guess.empty() ? "" : " (did you mean '" + guess + "'?)";
}

class StepReader {
public:
    StepReader(const toml::table& table, const std::filesystem::path& file, std::vector<Diagnostic>& out,
               const LessonVocabulary& vocabulary, int index)
        : reader_(table, file, out, {std::begin(kStepKeys), std::end(kStepKeys)}, "step " + std::to_string(index)),
          vocabulary_(vocabulary) {}

    LessonStep read() {
        LessonStep step;
        step.line = static_cast<int>(reader_.table().source().begin.line);
        step.title = reader_.string("title", true);
        step.text = reader_.string("text", false);
        step.notes = reader_.string("notes", false);
        readCamera(step);
        const std::vector<std::string> selectable = selectables();
        step.show = ids("show", selectable, "structure or group");
        step.fade = ids("fade", selectable, "structure or group");
        step.hide = ids("hide", selectable, "structure or group");
        step.highlight = ids("highlight", selectable, "structure or group");
        step.attachments = muscleIds("attachments");
        std::vector<std::string> labelTargets = vocabulary_.structures;
        labelTargets.insert(labelTargets.end(), vocabulary_.landmarks.begin(), vocabulary_.landmarks.end());
        step.labels = labels(labelTargets);
        readPose(step);
        readMotion(step);
        readBreathing(step);
        readQuiz(step);
        step.colourByLength = reader_.boolean("colour_by_length", false);
        step.lengthTags = reader_.boolean("length_tags", false);
        step.autoRotate = reader_.boolean("auto_rotate", false);
        // One hour: longer than any step a class would sit through, short enough to catch a typo of ms for s.
        step.durationSeconds = reader_.number("duration", 0.0f, 0.0f, 3600.0f);
        return step;
    }

private:
    // A pose id, or an inline table of joint angles (issue 13).
    void readPose(LessonStep& step) {
        const toml::node* pose = reader_.table().get("pose");
        if (!pose) return;
        if (auto id = pose->value_exact<std::string>()) {
            if (contains(vocabulary_.poses, *id)) step.pose = *id;
            else reader_.report(pose->source(), "unknown pose '" + *id + "' in 'pose'" + didYouMean(*id, vocabulary_.poses));
        } else if (const toml::table* angles = pose->as_table()) {
            step.poseAngles = readInlinePose(*angles, file(), out(), "'pose'");
        } else {
            reader_.report(pose->source(), "'pose' must be a pose id (a string) or a table of joint angles, e.g. "
                                           "{ hip_right = { flexion = 45 } }");
        }
    }

    // A built-in motion's name, or a table { poses = [ids], period = seconds } (issue 13).
    void readMotion(LessonStep& step) {
        const toml::node* node = reader_.table().get("motion");
        if (!node) return;
        if (reader_.table().contains("pose"))
            reader_.report(node->source(), "a step has 'pose' or 'motion', not both: the motion sets the pose as it plays");
        if (auto name = node->value_exact<std::string>()) {
            std::vector<std::string> names;
            for (const BuiltInMotionName& entry : kBuiltInMotionNames) names.emplace_back(entry.name);
            if (contains(names, *name)) step.motion = StepMotion{*name, {}, 0.0};
            else reader_.report(node->source(), "unknown motion '" + *name + "' in 'motion'" + didYouMean(*name, names) +
                                                    "; name a built-in motion or write { poses = [\"id\", \"id\"], period = 4 }");
            return;
        }
        const toml::table* table = node->as_table();
        if (!table) {
            reader_.report(node->source(), "'motion' must be a motion name such as \"walking\" or a table "
                                           "{ poses = [\"id\", \"id\"], period = 4 }");
            return;
        }
        TableReader reader(*table, file(), out(), {"poses", "period"}, "'motion'");
        StepMotion motion;
        motion.periodSeconds = reader.number("period", 4.0f, kLoopPeriodMinSeconds, kLoopPeriodMaxSeconds);
        if (!table->contains("poses")) reader.reportHere("'motion' needs 'poses', the pose ids it moves between");
        const auto ids = reader.stringList("poses");
        for (const auto& [id, where] : ids) {
            if (contains(vocabulary_.poses, id)) motion.poses.push_back(id);
            else reader.report(where, "unknown pose '" + id + "' in 'poses'" + didYouMean(id, vocabulary_.poses));
        }
        if (table->contains("poses") && ids.size() < 2)
            reader.report(table->get("poses")->source(), "'poses' needs at least two pose ids for the motion to move between");
        step.motion = motion;
    }

    std::vector<std::string> selectables() const {
        std::vector<std::string> all = vocabulary_.structures;
        all.insert(all.end(), vocabulary_.groups.begin(), vocabulary_.groups.end());
        return all;
    }

    std::vector<std::string> ids(const char* key, const std::vector<std::string>& known, const char* kind) {
        std::vector<std::string> result;
        for (auto& [id, where] : reader_.stringList(key)) {
            if (!contains(known, id)) {
                reader_.report(where, "unknown " + std::string(kind) + " '" + id + "' in '" + key + "'" + didYouMean(id, known));
                continue;
            }
            result.push_back(id);
        }
        return result;
    }

    // Each item an id, or a table { at = id, text = "the teacher's words" }.
    std::vector<LessonLabel> labels(const std::vector<std::string>& known) {
        std::vector<LessonLabel> result;
        const toml::node* node = reader_.table().get("labels");
        if (!node) return result;
        auto add = [&](const std::string& id, const toml::source_region& where, std::string text) {
            if (contains(known, id)) result.push_back({id, std::move(text)});
            else reader_.report(where, "unknown structure or landmark '" + id + "' in 'labels'" + didYouMean(id, known));
        };
        if (auto single = node->value_exact<std::string>()) {
            add(*single, node->source(), {});
            return result;
        }
        const toml::array* array = node->as_array();
        if (!array) {
            reader_.report(node->source(), "'labels' must be a list of ids or of tables { at = \"id\", text = \"words\" }");
            return result;
        }
        for (const toml::node& element : *array) {
            if (auto id = element.value_exact<std::string>()) {
                add(*id, element.source(), {});
            } else if (const toml::table* table = element.as_table()) {
                TableReader label(*table, file(), out(), {"at", "text"}, "a label");
                const std::string at = label.string("at", true);
                const std::string text = label.string("text", false);
                if (!at.empty()) add(at, table->get("at")->source(), text);
            } else {
                reader_.report(element.source(), "every item of 'labels' must be an id or a table { at = \"id\", text = \"words\" }");
            }
        }
        return result;
    }

    std::vector<std::string> muscleIds(const char* key) {
        std::vector<std::string> result;
        for (auto& [id, where] : reader_.stringList(key)) {
            if (contains(vocabulary_.muscles, id)) result.push_back(id);
            else if (contains(vocabulary_.structures, id))
                reader_.report(where, "'" + id + "' is not a muscle; '" + key + "' takes muscle ids");
            else
                reader_.report(where, "unknown muscle '" + id + "' in '" + key + "'" + didYouMean(id, vocabulary_.muscles));
        }
        return result;
    }

    void readCamera(LessonStep& step) {
        const toml::node* node = reader_.table().get("camera");
        if (!node) return;
        if (auto name = node->value_exact<std::string>()) {
            step.view = parseViewPreset(*name);
            if (!step.view) {
                std::vector<std::string> names;
                for (ViewPreset p : kAllViewPresets) names.emplace_back(toString(p));
                // The guess first: it is what the teacher most likely meant; the list after it.
                reader_.report(node->source(), "unknown camera view '" + *name + "'" + didYouMean(*name, names) +
                                                   "; use anterior, posterior, left, right, superior, inferior, oblique, or a table");
            }
            return;
        }
        const toml::table* table = node->as_table();
        if (!table) {
            reader_.report(node->source(), "'camera' must be a view name or a table { target, distance, yaw, pitch }");
            return;
        }
        TableReader camera(*table, file(), out(), {"target", "distance", "yaw", "pitch"}, "camera");
        CameraPose pose;
        pose.target = camera.vec3("target", glm::vec3(0.0f), -5.0f, 5.0f);
        pose.distance = camera.number("distance", 1.0f, OrbitCamera::kMinDistance, OrbitCamera::kMaxDistance);
        pose.yawDegrees = camera.number("yaw", 0.0f, -360.0f, 360.0f);
        pose.pitchDegrees = camera.number("pitch", 0.0f, -OrbitCamera::kMaxPitchDegrees, OrbitCamera::kMaxPitchDegrees);
        step.camera = pose;
    }

    void readQuiz(LessonStep& step) {
        const toml::node* node = reader_.table().get("quiz");
        if (!node) return;
        const toml::table* table = node->as_table();
        if (!table) {
            reader_.report(node->source(), "'quiz' must be a table { prompt, answer, hint }");
            return;
        }
        TableReader reader(*table, file(), out(), {"prompt", "answer", "hint"}, "quiz");
        QuizQuestion question;
        question.prompt = reader.string("prompt", true);
        question.hint = reader.string("hint", false);
        // An answer is a structure, a landmark, or a muscle's origin / insertion areas.
        std::vector<std::string> known = vocabulary_.structures;
        known.insert(known.end(), vocabulary_.landmarks.begin(), vocabulary_.landmarks.end());
        for (const std::string& muscle : vocabulary_.muscles) {
            for (AttachmentKind kind : {AttachmentKind::Origin, AttachmentKind::Insertion})
                known.push_back(muscle + ":" + std::string(toString(kind)));
        }
        if (!table->contains("answer")) reader.reportHere("quiz needs 'answer'");
        for (auto& [id, where] : reader.stringList("answer")) {
            if (contains(known, id)) question.answers.push_back(id);
            else reader.report(where, "unknown answer '" + id + "' (a structure, structure:landmark, or muscle:origin / "
                                      "muscle:insertion)" + didYouMean(id, known));
        }
        step.quiz = question;
    }

    void readBreathing(LessonStep& step) {
        const toml::node* node = reader_.table().get("breathing");
        if (!node) return;
        StepBreathing breathing;
        if (auto on = node->value_exact<bool>()) {
            breathing.on = *on;
            step.breathing = breathing;
            return;
        }
        const toml::table* table = node->as_table();
        if (!table) {
            reader_.report(node->source(), "'breathing' must be true, false or a table { on, depth, rate, exaggeration }");
            return;
        }
        TableReader reader(*table, file(), out(), {"on", "depth", "rate", "exaggeration"}, "breathing");
        breathing.on = reader.boolean("on", true);
        std::vector<std::pair<std::string, BreathDepth>> depths;
        for (const BreathDepthName& entry : kBreathDepthNames) depths.emplace_back(entry.name, entry.value);
        breathing.depth = reader.choice<BreathDepth>("depth", depths, false, BreathDepth::Quiet);
        breathing.ratePerMinute = reader.number("rate", 12.0f, 6.0f, 30.0f);  // sources §5 range, with slow-breathing drills
        breathing.exaggeration = reader.number("exaggeration", 1.0f, 1.0f, 20.0f);
        step.breathing = breathing;
    }

    const std::filesystem::path& file() const { return reader_.file(); }
    std::vector<Diagnostic>& out() { return reader_.diagnostics(); }

    TableReader reader_;
    const LessonVocabulary& vocabulary_;
};

}  // namespace

Lesson parseLesson(std::string_view text, const std::filesystem::path& file, const LessonVocabulary& vocabulary) {
    const toml::table root = parseTomlOrThrow(text, file);
    std::vector<Diagnostic> problems;
    Lesson lesson;
    lesson.file = file;
    TableReader top(root, file, problems, {"id", "title", "summary", "audience", "step"}, "a lesson");
    lesson.id = top.string("id", true);
    if (!lesson.id.empty() &&
        !std::all_of(lesson.id.begin(), lesson.id.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'; }))
        top.report(root.get("id")->source(), "lesson id '" + lesson.id + "' may use only a-z, 0-9, '-' and '_'");
    lesson.title = top.string("title", true);
    lesson.summary = top.string("summary", false);
    lesson.audience = top.string("audience", false);

    const toml::node* steps = root.get("step");
    if (!steps) {
        problems.push_back({file, 1, 1, "the lesson has no steps; add at least one [[step]] with a title"});
    } else if (const toml::array* empty = steps->as_array(); empty && empty->empty()) {
        problems.push_back(diagnosticAt(file, steps->source(), "the lesson has no steps; add at least one [[step]] with a title"));
    } else if (const toml::array* array = steps->as_array(); !array || !array->is_array_of_tables()) {
        problems.push_back(diagnosticAt(file, steps->source(), "steps must be written as [[step]] tables"));
    } else {
        int index = 1;
        for (const toml::node& node : *array)
            lesson.steps.push_back(StepReader(*node.as_table(), file, problems, vocabulary, index++).read());
        if (lesson.steps.empty()) problems.push_back({file, 1, 1, "the lesson has no steps"});
    }
    if (!problems.empty()) {
        sortByPosition(problems);
        throw DataFileError(std::move(problems));
    }
    return lesson;
}

Lesson loadLesson(const std::filesystem::path& file, const LessonVocabulary& vocabulary) {
    return parseLesson(readDataFile(file, kMaxLessonBytes, "is larger than 1 MiB; a lesson file is text of a few pages"), file,
                       vocabulary);
}

}  // namespace psoas
