#!/usr/bin/env bash
# Builds the whole project and its tests with AddressSanitizer, LeakSanitizer and
# UndefinedBehaviorSanitizer in build-asan/, and runs the whole ctest suite (CPU and GL tiers; not the
# browser tier, whose code is WebAssembly in chromium, not this native build) under
# Xvfb with Mesa's llvmpipe. Any memory error, leak in our code or undefined behaviour fails the run.
# Extra arguments go to ctest (e.g. scripts/sanitize.sh -L cpu).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
build=build-asan
mkdir -p "$build"
log=$build/configure.log
# -O1 -g1: the optimisation the sanitizers' authors advise (fast enough to run the suite, frames
# still whole) and line tables only (every report's stack still names function, file and line).
# With -O2 -g the build took about 2.4 times as long (viewer_session_test.cpp: 150 s against 63 s
# here), most of CI's time.
flags="-O1 -g1 -DNDEBUG"
if ! cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPSOAS_BUILD_TESTS=ON \
     -DCMAKE_C_FLAGS_RELWITHDEBINFO="$flags" -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="$flags" \
     -DPSOAS_SANITIZE=ON >"$log" 2>&1; then
  cat "$log" >&2
  echo "error: CMake configuration of $build failed (log above, also in $log)" >&2
  exit 1
fi
cmake --build "$build"

# The sanitizers' options and the Mesa preload, shared with asan_classroom.sh: sets `preload`.
source scripts/sanitizer-env.sh
jobs=$(nproc 2>/dev/null || echo 2)
xvfb-run -a -s "-screen 0 1920x1080x24" \
  "${preload[@]}" ctest --test-dir "$build" --output-on-failure --timeout 900 -j "$jobs" -LE browser "$@"
