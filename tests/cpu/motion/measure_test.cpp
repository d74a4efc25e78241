#include "core/motion/joint_coordinates.hpp"
#include "core/motion/measure.hpp"
#include "core/motion/pose_file.hpp"
#include "support/built_in_anatomy.hpp"
#include "support/test_paths.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include <sstream>
#include <stdexcept>
#include <vector>

namespace psoas {
namespace {

const std::filesystem::path kPoses = psoas::test::sourceDirectory() / "models" / "poses";

std::vector<std::string> csvLines(const MeasureRequest& request) {
    std::ostringstream out;
    writeMeasureCsv(out, request, test::builtInAtlas(), loadPoseLibrary(kPoses));
    std::vector<std::string> lines;
    std::istringstream in(out.str());
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

std::string errorOf(const MeasureRequest& request) {
    try {
        csvLines(request);
    } catch (const std::invalid_argument& error) {
        return error.what();
    }
    return "";
}

TEST(MeasureCsv, lists_both_psoas_and_iliacus_with_every_fascicle_and_the_dome) {
    const auto lines = csvLines({});
    ASSERT_EQ(lines.size(), 1u + 2u * (2 + 11) + 2u * (2 + 1) + 1u + 13u);  // 13 angle rows
    EXPECT_EQ(lines[0], "structure,part,quantity,value,unit,reference,pose");
    EXPECT_EQ(lines[1].rfind("psoas_major_r,all,length,", 0), 0u);
    EXPECT_EQ(lines[2].rfind("psoas_major_r,all,hip_flexion_moment_arm,", 0), 0u);
    EXPECT_EQ(lines[3].rfind("psoas_major_r,l1_body,length,", 0), 0u);
    EXPECT_EQ(lines[13].rfind("psoas_major_r,l5_body,length,", 0), 0u);
    EXPECT_EQ(lines[14].rfind("psoas_major_l,all,length,", 0), 0u);
    EXPECT_EQ(lines[27].rfind("iliacus_r,all,length,", 0), 0u);
    EXPECT_EQ(lines[29].rfind("iliacus_r,lumped,length,", 0), 0u);
    EXPECT_EQ(lines[lines.size() - 14], "diaphragm,dome,descent,0.00,mm,gait2392,neutral_standing");
    // A tester's CSV did not say what it was computed for: each row names the reference and pose,
    // and the angles used close the table.
    EXPECT_EQ(lines[lines.size() - 13], "pose,hip_right,thigh_flexion,0.00,deg,gait2392,neutral_standing");
    EXPECT_EQ(lines.back(), "pose,breath,inhaled,0.00,fraction,gait2392,neutral_standing");
}

TEST(MeasureCsv, rows_say_the_reference_the_pose_and_the_angles_the_options_set) {
    MeasureRequest request;
    request.pose = "sitting";
    request.hipFlexion = 45.0;
    request.reference = "rajagopal2016";
    const auto lines = csvLines(request);
    EXPECT_EQ(lines[1].substr(lines[1].rfind(",mm,")), ",mm,rajagopal2016,sitting+options");
    EXPECT_NE(std::find(lines.begin(), lines.end(), "pose,hip_left,thigh_flexion,45.00,deg,rajagopal2016,sitting+options"), lines.end());
}

// Tester, session 6: the 90/90 pose's lengths could not be explained from the CSV, which gave each
// hip's flexion only (not its 60 degree abduction and rotation, nor how the body lies); and that
// "flexion" was the thigh's, not the hip joint's, once the pelvis tilts.
TEST(MeasureCsv, the_angle_rows_give_every_coordinate_and_both_flexions) {
    MeasureRequest request;
    request.pose = "ninety_ninety";
    request.pelvicTilt = 10.0;
    const auto lines = csvLines(request);
    auto value = [&](const std::string& prefix) {
        for (const std::string& line : lines)
            if (line.rfind(prefix + ",", 0) == 0) return std::stod(line.substr(prefix.size() + 1));
        ADD_FAILURE() << "no row " << prefix;
        return 0.0;
    };
    const PoseFile pose = [] {
        for (PoseFile file : loadPoseLibrary(psoas::test::sourceDirectory() / "models" / "poses"))
            if (file.id == "ninety_ninety") return file;
        return PoseFile{};
    }();
    for (const Side side : {Side::Right, Side::Left}) {
        const std::string hip = side == Side::Right ? "pose,hip_right," : "pose,hip_left,";
        const HipAngles& angles = pose.pose.hip(side);
        EXPECT_NEAR(value(hip + "thigh_flexion"), angles.flexion, 0.005);
        EXPECT_NEAR(value(hip + "joint_flexion"), angles.flexion + 10.0, 0.005) << "the thigh's plus the pelvic tilt";
        EXPECT_NEAR(value(hip + "abduction"), angles.abduction, 0.005);
        EXPECT_NEAR(value(hip + "external_rotation"), angles.externalRotation, 0.005);
    }
    EXPECT_TRUE(pose.pose.hipLeft.abduction != 0.0f || pose.pose.hipRight.externalRotation != 0.0f) << "the pose must use them";
    EXPECT_NEAR(value("pose,pelvis,anterior_tilt"), 10.0, 0.005);
    EXPECT_NEAR(value("pose,body,pitch"), pose.pose.bodyPitch, 0.005);
    EXPECT_NEAR(value("pose,body,roll"), pose.pose.bodyRoll, 0.005);
}

TEST(MeasureCsv, hip_flexion_shortens_the_psoas_and_breath_moves_the_dome) {
    MeasureRequest flexed;
    flexed.hipFlexion = 90.0;
    flexed.breath = 1.0;
    flexed.breathDepth = BreathDepth::Deep;
    const auto neutral = csvLines({});
    const auto lines = csvLines(flexed);
    auto value = [](const std::string& line) {  // the fourth column
        std::size_t at = 0;
        for (int comma = 0; comma < 3; ++comma) at = line.find(',', at) + 1;
        return std::stod(line.substr(at));
    };
    EXPECT_LT(value(lines[1]), value(neutral[1]) - 40.0);
    EXPECT_EQ(lines[lines.size() - 14], "diaphragm,dome,descent,60.00,mm,gait2392,neutral_standing+options");
}

TEST(MeasureCsv, a_named_pose_is_measured_and_a_misspelt_one_gets_a_suggestion) {
    MeasureRequest request;
    request.pose = "sitting";
    EXPECT_EQ(csvLines(request).size(), 47u);
    request.pose = "siting";
    EXPECT_EQ(errorOf(request), "--pose: no pose 'siting' (did you mean 'sitting'?); --pose list shows them");
}

TEST(MeasureCsv, refuses_values_out_of_range_in_one_line) {
    MeasureRequest request;
    request.breath = 1.5;
    EXPECT_EQ(errorOf(request), "--breath: 1.5 is outside 0 to 1");
    request = {};
    request.hipFlexion = 150.0;
    EXPECT_EQ(errorOf(request), "--hip-flexion: 150 is outside -30 to 120");
    request = {};
    request.lumbarExtension = -90.0;
    EXPECT_EQ(errorOf(request), "--lumbar-extension: -90 is outside -65 to 26");
    request = {};
    request.pelvicTilt = 31.0;
    EXPECT_EQ(errorOf(request), "--pelvic-tilt: 31 is outside -20 to 20");
}

// One range per joint: --measure takes an angle exactly as far as the joint controls, a drag and
// the length chart go (session 9 accepted lumbar extension 30 and hip flexion -60..140, which the
// sliders never reach, while the sources give +26 and -30..120).
TEST(MeasureCsv, each_angle_option_takes_its_joint_controls_range) {
    auto check = [](std::optional<double> MeasureRequest::*option, JointCoordinate joint, const char* name) {
        const DegreeRange range = physiologicalRange(joint);
        for (const double inside : {double(range.min), double(range.max)}) {
            MeasureRequest request;
            request.*option = inside;
            EXPECT_EQ(errorOf(request), "") << name << ' ' << inside;
        }
        for (const double outside : {range.min - 1.0, range.max + 1.0}) {
            MeasureRequest request;
            request.*option = outside;
            EXPECT_NE(errorOf(request), "") << name << ' ' << outside;
        }
    };
    check(&MeasureRequest::hipFlexion, JointCoordinate::RightHipFlexion, "--hip-flexion");
    check(&MeasureRequest::lumbarExtension, JointCoordinate::LumbarExtension, "--lumbar-extension");
    check(&MeasureRequest::pelvicTilt, JointCoordinate::PelvicTilt, "--pelvic-tilt");
}

}  // namespace
}  // namespace psoas
