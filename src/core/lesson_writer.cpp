#include "core/lesson_writer.hpp"

#include "core/motion/breathing.hpp"
#include "core/number_text.hpp"

#include <cstdio>

namespace psoas {

namespace {

// The fewest decimals that read back to the same float: 45 stays "45", 0.14 stays "0.14", never
// "4.5e+01". (std::to_chars would do it, but the browser build's libc++ 14 lacks it for floats.)
std::string number(double value) {
    const auto f = static_cast<float>(value);
    char text[64];
    for (int decimals = 0; decimals <= 9; ++decimals) {
        std::snprintf(text, sizeof text, "%.*f", decimals, static_cast<double>(f));
        const std::optional<double> back = parseDecimal(text);
        if (back && static_cast<float>(*back) == f) return text;
    }
    std::snprintf(text, sizeof text, "%.9g", static_cast<double>(f));  // tiny values: 9 digits always read back
    return text;
}

void escapeInto(std::string& out, char c) {
    switch (c) {
    case '"': out += "\\\""; return;
    case '\\': out += "\\\\"; return;
    case '\n': out += "\\n"; return;
    case '\r': out += "\\r"; return;
    case '\t': out += "\\t"; return;
    default: break;
    }
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) {
        char code[8];
        std::snprintf(code, sizeof code, "\\u%04X", byte);
        out += code;
        return;
    }
    out += c;  // UTF-8 bytes as they are: the file is UTF-8
}

// A one-line basic string: "Kleiner \"Rollhügel\"".
std::string basicString(std::string_view text) {
    std::string out = "\"";
    for (char c : text) escapeInto(out, c);
    return out + "\"";
}

// Text with line breaks as a multi-line basic string, its lines as written; one line as "...".
// The newline after the opening quotes belongs to the syntax, not to the text.
std::string textValue(std::string_view text) {
    if (text.find('\n') == std::string_view::npos) return basicString(text);
    std::string out = "\"\"\"\n";
    for (char c : text) {
        if (c == '\n') out += '\n';
        else escapeInto(out, c);
    }
    return out + "\"\"\"";
}

std::string list(const std::vector<std::string>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + basicString(items[i]);
    return out + "]";
}

void field(std::string& out, std::string_view key, const std::string& value) {
    out.append(key).append(" = ").append(value).append("\n");
}

void listField(std::string& out, std::string_view key, const std::vector<std::string>& items) {
    if (!items.empty()) field(out, key, list(items));
}

std::string cameraValue(const CameraPose& camera) {
    return "{ target = [" + number(camera.target.x) + ", " + number(camera.target.y) + ", " + number(camera.target.z) +
           "], distance = " + number(camera.distance) + ", yaw = " + number(camera.yawDegrees) +
           ", pitch = " + number(camera.pitchDegrees) + " }";
}

std::string labelsValue(const std::vector<LessonLabel>& labels) {
    std::string out = "[";
    for (std::size_t i = 0; i < labels.size(); ++i) {
        out += i ? ", " : "";
        out += labels[i].text.empty() ? basicString(labels[i].at)
                                      : "{ at = " + basicString(labels[i].at) + ", text = " + basicString(labels[i].text) + " }";
    }
    return out + "]";
}

// The keys of an inline table, "a = 1, b = 2", skipping angles of 0 (an absent angle reads as 0).
void angle(std::string& out, std::string_view key, float degrees) {
    if (degrees == 0.0f) return;
    out.append(out.empty() ? "" : ", ").append(key).append(" = ").append(number(degrees));
}

std::string hipValue(const HipAngles& hip) {
    std::string keys;
    angle(keys, "flexion", hip.flexion);
    angle(keys, "abduction", hip.abduction);
    angle(keys, "external_rotation", hip.externalRotation);
    return "{ " + keys + " }";
}

std::string poseValue(const Pose& pose) {
    std::string keys;
    angle(keys, "lumbar_extension", pose.lumbarExtension);
    angle(keys, "pelvic_tilt", pose.pelvicTilt);
    if (!(pose.hipRight == HipAngles{})) keys += (keys.empty() ? "" : ", ") + std::string("hip_right = ") + hipValue(pose.hipRight);
    if (!(pose.hipLeft == HipAngles{})) keys += (keys.empty() ? "" : ", ") + std::string("hip_left = ") + hipValue(pose.hipLeft);
    for (const BodyOrientationName& entry : kBodyOrientationNames) {
        if (entry.pitchDegrees != pose.bodyPitch || entry.rollDegrees != pose.bodyRoll) continue;
        if (entry.value != BodyOrientation::Standing)
            keys += (keys.empty() ? "" : ", ") + std::string("orientation = ") + basicString(entry.name);
        break;
    }
    return keys.empty() ? "{}" : "{ " + keys + " }";
}

// `true` / `false` when only `on` differs from the defaults (that is what those words read as).
std::string breathingValue(const StepBreathing& breathing) {
    const StepBreathing defaults;
    if (breathing.depth == defaults.depth && static_cast<float>(breathing.ratePerMinute) == static_cast<float>(defaults.ratePerMinute) &&
        static_cast<float>(breathing.exaggeration) == static_cast<float>(defaults.exaggeration))
        return breathing.on ? "true" : "false";
    return std::string("{ on = ") + (breathing.on ? "true" : "false") + ", depth = " + basicString(toString(breathing.depth)) +
           ", rate = " + number(breathing.ratePerMinute) + ", exaggeration = " + number(breathing.exaggeration) + " }";
}

// `"walking"` for a built-in motion, else the poses it cycles through and its period.
std::string motionValue(const StepMotion& motion) {
    if (!motion.builtIn.empty()) return basicString(motion.builtIn);
    return "{ poses = " + list(motion.poses) + ", period = " + number(motion.periodSeconds) + " }";
}

std::string quizValue(const QuizQuestion& quiz) {
    std::string out = "{ prompt = " + basicString(quiz.prompt) + ", answer = " + list(quiz.answers);
    if (!quiz.hint.empty()) out += ", hint = " + basicString(quiz.hint);
    return out + " }";
}

void writeStep(std::string& out, const LessonStep& step) {
    out += "\n[[step]]\n";
    field(out, "title", basicString(step.title));
    if (!step.text.empty()) field(out, "text", textValue(step.text));
    if (step.camera) field(out, "camera", cameraValue(*step.camera));
    else if (step.view) field(out, "camera", basicString(toString(*step.view)));
    listField(out, "show", step.show);
    listField(out, "fade", step.fade);
    listField(out, "hide", step.hide);
    listField(out, "highlight", step.highlight);
    listField(out, "attachments", step.attachments);
    if (!step.labels.empty()) field(out, "labels", labelsValue(step.labels));
    if (step.pose) field(out, "pose", basicString(*step.pose));
    else if (step.poseAngles) field(out, "pose", poseValue(*step.poseAngles));
    else if (step.motion) field(out, "motion", motionValue(*step.motion));
    if (step.breathing) field(out, "breathing", breathingValue(*step.breathing));
    if (step.lengthTags) field(out, "length_tags", "true");
    if (step.colourByLength) field(out, "colour_by_length", "true");
    if (step.autoRotate) field(out, "auto_rotate", "true");
    if (step.durationSeconds != 0.0) field(out, "duration", number(step.durationSeconds));
    if (!step.notes.empty()) field(out, "notes", textValue(step.notes));
    if (step.quiz) field(out, "quiz", quizValue(*step.quiz));
}

}  // namespace

std::string writeLesson(const Lesson& lesson) {
    std::string out;
    field(out, "id", basicString(lesson.id));
    field(out, "title", basicString(lesson.title));
    if (!lesson.summary.empty()) field(out, "summary", textValue(lesson.summary));
    if (!lesson.audience.empty()) field(out, "audience", textValue(lesson.audience));
    for (const LessonStep& step : lesson.steps) writeStep(out, step);
    return out;
}

bool hasTomlComments(std::string_view text) {
    // A small scanner over TOML's four string forms; everything else is keys, values and comments.
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '#') return true;
        if (c != '"' && c != '\'') {
            ++i;
            continue;
        }
        const bool multi = text.compare(i, 3, std::string(3, c)) == 0;
        const std::string close = multi ? std::string(3, c) : std::string(1, c);
        i += close.size();
        while (i < text.size()) {
            if (c == '"' && text[i] == '\\') {
                i += 2;  // an escaped character, never the end
                continue;
            }
            if (text.compare(i, close.size(), close) == 0) break;
            if (!multi && text[i] == '\n') break;  // an unclosed one-line string: the parser says so
            ++i;
        }
        // Up to two more quotes may close a multi-line string ("""a""""" ends in two quotes).
        i += close.size();
        while (multi && i < text.size() && text[i] == c) ++i;
    }
    return false;
}

}  // namespace psoas
