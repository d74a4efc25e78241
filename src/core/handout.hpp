#pragma once
// The printable handout that --export-lesson writes next to the step images: plain HTML with each
// step's title, text and picture, readable offline in any browser and printable as it is.

#include "core/lesson.hpp"

#include <string>
#include <vector>

namespace psoas {

// "03-the-lesser-trochanter.png": the step number (from 1) and a file-safe form of the title.
std::string stepImageName(int stepIndex, const std::string& title);

// The whole index.html; `images[i]` is step i's image file name.
std::string handoutHtml(const Lesson& lesson, const std::vector<std::string>& images);

}  // namespace psoas
