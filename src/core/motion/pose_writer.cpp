#include "core/motion/pose_writer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

namespace psoas {

namespace {

// The shortest decimal (at most 9 digits, enough for any float) that reads back as the same float;
// TOML takes "45" and "1e-05" alike. snprintf, not std::to_chars: the browser build's library has
// no floating-point to_chars.
std::string number(float value) {
    char text[32];
    for (int digits = 6; digits <= 9; ++digits) {
        std::snprintf(text, sizeof text, "%.*g", digits, static_cast<double>(value));
        if (std::strtof(text, nullptr) == value) break;
    }
    return text;
}

// A TOML basic string: quotes, backslashes and control characters escaped.
std::string tomlString(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
            char escape[8];
            std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
            out += escape;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

std::string_view nearestOrientation(const Pose& pose) {
    std::string_view best = kBodyOrientationNames[0].name;
    float closest = std::numeric_limits<float>::max();
    for (const BodyOrientationName& entry : kBodyOrientationNames) {
        const float distance = std::abs(entry.pitchDegrees - pose.bodyPitch) + std::abs(entry.rollDegrees - pose.bodyRoll);
        if (distance < closest) {
            closest = distance;
            best = entry.name;
        }
    }
    return best;
}

std::string hipTable(const char* key, const HipAngles& hip) {
    return std::string("\n[") + key + "]\nflexion = " + number(hip.flexion) + "\nabduction = " + number(hip.abduction) +
           "\nexternal_rotation = " + number(hip.externalRotation) + "\n";
}

}  // namespace

std::string poseFileText(const PoseFile& pose) {
    std::string text = "# Saved from the Motion tab of Psoas Atlas. Angles in degrees.\n";
    text += "id = " + tomlString(pose.id) + "\n";
    text += "name = " + tomlString(pose.name) + "\n";
    text += "description = " + tomlString(pose.description) + "\n";
    text += "lumbar_extension = " + number(pose.pose.lumbarExtension) + "\n";
    text += "pelvic_tilt = " + number(pose.pose.pelvicTilt) + "\n";
    text += "orientation = " + tomlString(nearestOrientation(pose.pose)) + "\n";
    text += hipTable("hip_right", pose.pose.hipRight);
    text += hipTable("hip_left", pose.pose.hipLeft);
    return text;
}

std::string poseIdFromName(std::string_view name) {
    std::string id;
    bool gap = false;
    for (const char c : name) {
        const bool letter = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        const bool upper = c >= 'A' && c <= 'Z';
        if (letter || upper) {
            if (gap && !id.empty()) id += '_';
            id += upper ? static_cast<char>(c - 'A' + 'a') : c;
            gap = false;
        } else {
            gap = true;
        }
    }
    return id;
}

std::vector<PoseFile> withUserPoses(std::vector<PoseFile> builtIn, std::vector<PoseFile> user) {
    for (PoseFile& pose : user) {
        const auto same = std::find_if(builtIn.begin(), builtIn.end(), [&](const PoseFile& p) { return p.id == pose.id; });
        if (same != builtIn.end()) *same = std::move(pose);
        else builtIn.push_back(std::move(pose));
    }
    std::sort(builtIn.begin(), builtIn.end(), [](const PoseFile& a, const PoseFile& b) { return a.id < b.id; });
    return builtIn;
}

}  // namespace psoas
