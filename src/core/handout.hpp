#pragma once
// The printable handout that --export-lesson writes next to the step images: plain HTML with each
// step's title, text and picture, readable offline in any browser and printable as it is.

#include "core/lesson.hpp"

#include <glm/vec2.hpp>

#include <string>
#include <vector>

namespace psoas {

// "03-the-lesser-trochanter.png": the step number (from 1) and a file-safe form of the title.
std::string stepImageName(int stepIndex, const std::string& title);

// The whole index.html; `images[i]` is step i's image file name, each `imageSize` pixels (given to
// the browser, which then lays the page out before the images load and prints them in proportion).
std::string handoutHtml(const Lesson& lesson, const std::vector<std::string>& images, glm::ivec2 imageSize);

}  // namespace psoas
