#pragma once
// The run modes that are not the window: each is a job that drives Application's one frame step
// with a fixed clock into offscreen images (a 64x64 hidden window only carries the GL context), so
// what they produce is what the window would show. Each returns the program's exit code.

#include "app/command_line.hpp"

namespace psoas::app {

class Application;

// --screenshot FILE: one finished frame (camera moves complete), with the panels or the slide layout.
int runScreenshot(Application& app, const Options& options);
// --export-lesson ID --out DIR: one slide per step and an index.html handout.
int runLessonExport(Application& app, const Options& options);
// --bench: one JSON object of frame times (1/60 s a frame) against the floor renderer.
int runBench(Application& app, const Options& options);
// --soak FRAMES: a class's worth of steps and reloads at 1/60 s a frame; memory and GL errors as JSON.
int runSoak(Application& app, const Options& options);
// --record FILE: a fixed 30 frames a second, whatever the machine's speed, through ffmpeg.
int runRecord(Application& app, const Options& options);
// --script FILE: timed input replayed at 60 frames a second through the window's input handlers.
// 1 on any GL error, 2 on a bad script.
int runScript(Application& app, const Options& options);

// The default workload of --bench and --soak when no --lesson is given: the breathing lesson's
// first step that breathes (the heaviest steady case).
void openBreathingStep(Application& app, const Options& options);

}  // namespace psoas::app
