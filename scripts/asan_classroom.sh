#!/usr/bin/env bash
# A long classroom run under AddressSanitizer + UndefinedBehaviorSanitizer (issue 12, defect 11:
# a heap corruption after ~17 minutes of class). Builds only psoas-atlas in build-asan/ (no
# tests), then replays tests/data/classroom.script and tests/data/issue-11-heap.script ROUNDS
# times in one process with `--script`, headless under Xvfb. Any memory error, leak or undefined
# behaviour aborts the run with a report; a clean run prints the script's JSON summary.
#   scripts/asan_classroom.sh [ROUNDS]   (default 3; each round is ~20 s of class time)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
build=build-asan-debug
# Debug: ImGui's own assertions are on, and it builds in a fraction of the optimised build's time.
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DPSOAS_BUILD_TESTS=OFF -DPSOAS_SANITIZE=ON >/dev/null
cmake --build "$build" --target psoas-atlas

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for _ in $(seq "$rounds"); do
  cat tests/data/classroom.script tests/data/issue-11-heap.script
done >"$work/long.script"

source scripts/sanitizer-env.sh
xvfb-run -a -s "-screen 0 1920x1080x24" "${preload[@]}" \
  "$build/psoas-atlas" --script "$work/long.script" --out "$work" --size 960x540
