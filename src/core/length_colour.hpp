#pragma once
// Colour by length (issue 13): while it is on, every muscle loses its own colour, so no muscle's
// normal red can be read as "longer". A diverging palette: blue shorter, a neutral grey at the
// standing length, amber longer (a yellow far in hue from every muscle red), full colour at 10 %
// change; muscles whose length the program does not compute are drawn dark grey. The renderer, the
// legend over the 3D view and the Motion tab all read these.

#include <glm/vec3.hpp>

namespace psoas {

// The change (a fraction of the standing length) drawn at full colour: a leg lift or a lunge
// reaches it, a breath does not.
inline constexpr float kFullColourLengthChange = 0.10f;

inline constexpr glm::vec3 kShorterColour{0.16f, 0.42f, 0.85f};
// A mid grey, a little cool, darker than bone (a light 0.66 grey lit up nearly as light as bone
// ivory, and a psoas at its standing length vanished against the faded hip bone: tester, session 7).
inline constexpr glm::vec3 kUnchangedColour{0.46f, 0.46f, 0.48f};
inline constexpr glm::vec3 kLongerColour{0.95f, 0.75f, 0.10f};
inline constexpr glm::vec3 kNotComputedColour{0.30f, 0.30f, 0.32f};

// `change`: length / standing length - 1. Linear from the grey to each end, held beyond 10 %.
[[nodiscard]] glm::vec3 lengthColour(float change);

}  // namespace psoas
