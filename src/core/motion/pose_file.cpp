#include "core/motion/pose_file.hpp"

#include "core/motion/joint_coordinates.hpp"
#include "core/motion/pose_table.hpp"
#include "core/toml_reader.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace psoas {

namespace {

struct Limits {
    float lo;
    float hi;
};

// Ranges a pose may ask for, degrees: the joint table's file ranges (joint_coordinates.cpp).
Limits fileLimits(JointCoordinate id) {
    const DegreeRange range = poseFileRange(id);
    return {range.min, range.max};
}
constexpr Limits kBlock{0.0f, 0.30f};  // metres; above 0.30 m the bridge geometry of sources §6 breaks down

void readHip(const toml::table& root, Side side, HipAngles& hip, bool flexionFromBlock, const std::filesystem::path& file,
             std::vector<Diagnostic>& problems) {
    const char* key = side == Side::Right ? "hip_right" : "hip_left";
    const Limits flexionLimits = fileLimits(side == Side::Right ? JointCoordinate::RightHipFlexion : JointCoordinate::LeftHipFlexion);
    const Limits abductionLimits = fileLimits(side == Side::Right ? JointCoordinate::RightHipAbduction : JointCoordinate::LeftHipAbduction);
    const Limits rotationLimits = fileLimits(side == Side::Right ? JointCoordinate::RightHipRotation : JointCoordinate::LeftHipRotation);
    const toml::node* node = root.get(key);
    if (!node) return;  // an absent hip stays at 0
    const toml::table* table = node->as_table();
    if (!table) {
        problems.push_back(diagnosticAt(file, node->source(), std::string("'") + key + "' must be a table: [" + key + "]"));
        return;
    }
    TableReader reader(*table, file, problems, {"flexion", "abduction", "external_rotation"}, std::string("[") + key + "]");
    if (flexionFromBlock && table->contains("flexion"))
        reader.report(table->get("flexion")->source(), "the bridge's hip flexion comes from 'block_height_m'; remove 'flexion'");
    else
        hip.flexion = reader.number("flexion", hip.flexion, flexionLimits.lo, flexionLimits.hi);
    hip.abduction = reader.number("abduction", 0.0f, abductionLimits.lo, abductionLimits.hi);
    hip.externalRotation = reader.number("external_rotation", 0.0f, rotationLimits.lo, rotationLimits.hi);
}

}  // namespace

PoseAngles readPoseAngles(const toml::table& table, const std::filesystem::path& file, std::vector<Diagnostic>& problems) {
    // The keys were checked by the caller's reader; this one only reads values (no unknown-key pass).
    TableReader reader(table, file, problems, [&] {
        std::vector<std::string> keys;
        for (auto&& [key, node] : table) keys.emplace_back(key.str());
        return keys;
    }(), "a pose");
    PoseAngles angles;
    const Limits lumbar = fileLimits(JointCoordinate::LumbarExtension), tilt = fileLimits(JointCoordinate::PelvicTilt);
    angles.pose.lumbarExtension = reader.number("lumbar_extension", 0.0f, lumbar.lo, lumbar.hi);
    angles.pose.pelvicTilt = reader.number("pelvic_tilt", 0.0f, tilt.lo, tilt.hi);
    const bool fromBlock = table.contains("block_height_m");
    if (fromBlock) {
        angles.blockHeight = reader.number("block_height_m", 0.0f, kBlock.lo, kBlock.hi);
        const float hip = bridgeHipFlexionDegrees(*angles.blockHeight);
        angles.pose.hipRight.flexion = hip;
        angles.pose.hipLeft.flexion = hip;
    }
    readHip(table, Side::Right, angles.pose.hipRight, fromBlock, file, problems);
    readHip(table, Side::Left, angles.pose.hipLeft, fromBlock, file, problems);
    std::vector<std::pair<std::string, BodyOrientation>> orientations;
    for (const BodyOrientationName& entry : kBodyOrientationNames) orientations.emplace_back(entry.name, entry.value);
    const BodyOrientation orientation = reader.choice("orientation", orientations, false, BodyOrientation::Standing);
    for (const BodyOrientationName& entry : kBodyOrientationNames)
        if (entry.value == orientation) {
            angles.pose.bodyPitch = entry.pitchDegrees;
            angles.pose.bodyRoll = entry.rollDegrees;
        }
    return angles;
}

Pose readInlinePose(const toml::table& table, const std::filesystem::path& file, std::vector<Diagnostic>& problems,
                    const std::string& context) {
    const TableReader keys(table, file, problems, {kPoseAngleKeys.begin(), kPoseAngleKeys.end()}, context);
    return readPoseAngles(table, file, problems).pose;
}

PoseFile parsePoseFile(std::string_view text, const std::filesystem::path& file) {
    const toml::table root = parseTomlOrThrow(text, file);
    std::vector<Diagnostic> problems;
    std::vector<std::string> keys{"id", "name", "description"};
    keys.insert(keys.end(), kPoseAngleKeys.begin(), kPoseAngleKeys.end());
    TableReader reader(root, file, problems, keys, "a pose");
    PoseFile pose;
    pose.file = file;
    pose.id = reader.string("id", true);
    pose.name = reader.string("name", true);
    pose.description = reader.string("description", true);
    const PoseAngles angles = readPoseAngles(root, file, problems);
    pose.pose = angles.pose;
    pose.blockHeight = angles.blockHeight;
    if (!problems.empty()) throw DataFileError(std::move(problems));
    return pose;
}

PoseFile loadPoseFile(const std::filesystem::path& file) { return parsePoseFile(readDataFile(file), file); }

std::vector<PoseFile> loadPoseLibrary(const std::filesystem::path& folder) {
    std::error_code error;
    if (!std::filesystem::is_directory(folder, error))
        throw DataFileError({{folder, 0, 0, "is not a folder of pose files"}});
    std::vector<PoseFile> poses;
    std::vector<Diagnostic> problems;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (entry.path().extension() != ".toml") continue;
        try {
            poses.push_back(loadPoseFile(entry.path()));
        } catch (const DataFileError& bad) {
            problems.insert(problems.end(), bad.diagnostics().begin(), bad.diagnostics().end());
        }
    }
    if (!problems.empty()) throw DataFileError(std::move(problems));
    std::sort(poses.begin(), poses.end(), [](const PoseFile& a, const PoseFile& b) { return a.id < b.id; });
    return poses;
}

}  // namespace psoas
