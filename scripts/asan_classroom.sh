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
build=build-asan
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPSOAS_BUILD_TESTS=OFF -DPSOAS_SANITIZE=ON >/dev/null
cmake --build "$build" --target psoas-atlas

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for _ in $(seq "$rounds"); do
  cat tests/data/classroom.script tests/data/issue-11-heap.script
done >"$work/long.script"

export LIBGL_ALWAYS_SOFTWARE=1
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:check_initialization_order=1
export LSAN_OPTIONS=suppressions=$PWD/tests/sanitizer/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# As in sanitize.sh: keep Mesa's driver mapped so LeakSanitizer can see what it points to.
dri=$(ls /usr/lib/*/dri/swrast_dri.so 2>/dev/null | head -1 || true)
preload=()
if [[ -n $dri ]]; then
  preload=(env "LD_PRELOAD=$dri")
  ASAN_OPTIONS=$ASAN_OPTIONS:verify_asan_link_order=0
fi
xvfb-run -a -s "-screen 0 1920x1080x24" "${preload[@]}" \
  "$build/psoas-atlas" --script "$work/long.script" --out "$work" --size 960x540
