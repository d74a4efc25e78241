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

// A step's slide as the handout shows it: the file, and how many of its rows (from the top) hold
// the picture; the rows below are the slide's caption, whose text the handout prints as text.
struct HandoutImage {
    std::string file;
    int pictureRows = 0;  // 0: the whole image
};

// The whole index.html; `images[i]` is step i's slide, each `imageSize` pixels (given to the
// browser, which then lays the page out before the images load and prints them in proportion).
// Each step's text is printed once, as text: the slide's caption rows are cropped off (issue 14,
// "each step's text once, not baked into the image and repeated"; a white slide's dark caption
// bar then does not print either).
std::string handoutHtml(const Lesson& lesson, const std::vector<HandoutImage>& images, glm::ivec2 imageSize);

}  // namespace psoas
