#pragma once
// Units and axes of a user's mesh files, and the turn that brings them into the scene frame
// (metres, +X the subject's left, +Y up, +Z anterior; models/README.md). OpenSim and MuJoCo meshes
// are metres with Y up and X anterior; BodyParts3D is millimetres with Z up; scans are mostly
// millimetres. The user says which, or lets `auto` guess the units from the size.

#include "core/mesh.hpp"

#include <glm/mat3x3.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace psoas {

enum class LengthUnit { Auto, Millimetre, Centimetre, Metre };

// A signed file axis: +X, -X, +Y, -Y, +Z, -Z.
struct Axis {
    int index = 1;   // 0 x, 1 y, 2 z
    int sign = 1;    // +1 or -1
    friend bool operator==(const Axis&, const Axis&) = default;
};

struct ModelOrientation {
    LengthUnit units = LengthUnit::Auto;
    std::optional<Axis> up;       // the file's axis that points up (superior); none: +Y
    std::optional<Axis> forward;  // the file's axis that points anterior; none: defaultForward(up)

    [[nodiscard]] Axis upAxis() const { return up.value_or(Axis{1, +1}); }
    [[nodiscard]] Axis forwardAxis() const;
};

// "+X", "-y", "Z" (= +Z). None for anything else.
[[nodiscard]] std::optional<Axis> parseAxis(std::string_view text);
[[nodiscard]] std::string axisName(Axis axis);  // "+X"
// "auto", "mm", "cm", "m". None for anything else.
[[nodiscard]] std::optional<LengthUnit> parseLengthUnit(std::string_view text);
[[nodiscard]] const char* unitName(LengthUnit unit);  // "millimetres", …

// The anterior axis when only up is given, after the common conventions: Y up faces +Z (glTF,
// the scene frame); Z up faces -Y (BodyParts3D, Blender's front view); X up faces +Z.
[[nodiscard]] Axis defaultForward(Axis up);

// Why up and forward cannot be used together ("--up and --forward are both on the Y axis"), or "".
[[nodiscard]] std::string orientationProblem(const ModelOrientation& orientation);

// The rotation taking file coordinates to the scene frame: up to +Y, forward to +Z, and
// up x forward to +X (a proper rotation, never a mirror). Precondition: orientationProblem is "".
[[nodiscard]] glm::mat3 sceneRotation(const ModelOrientation& orientation);

// The rule for `auto`, from the largest side L of all files' bounds together, in file units:
// L < 2.5 reads as metres, 2.5 <= L < 20 as centimetres, L >= 20 as millimetres. Human anatomy
// spans about 0.02 m (a vertebra's body) to 2 m (a body): 0.02-2 in metres, 2-200 in centimetres,
// 20-2000 in millimetres. Centimetre and millimetre files overlap between 20 and 200; millimetres
// win, being what scanners and BodyParts3D write. The viewer says what it assumed.
[[nodiscard]] LengthUnit guessUnits(const Bounds& fileBounds);
[[nodiscard]] float metresPer(LengthUnit unit);  // 0.001, 0.01, 1; Auto is not a unit (precondition)

}  // namespace psoas
