#!/usr/bin/env bash
# Soak test: a teacher leaves the viewer running all day. Runs `psoas-atlas --soak FRAMES`
# (default 100000) under Xvfb with Mesa's llvmpipe: the program renders FRAMES offscreen frames of
# the breathing lesson, changing steps and reloading the lesson now and then, and prints one JSON
# line with frames, rss_start_mb, rss_end_mb and gl_errors. This script fails on any GL error or
# when resident memory grows by more than PSOAS_SOAK_MAX_GROWTH_MB (default 1, the limit issue 8 sets for 100,000 frames; --soak hands the allocator's free cache back before each reading).
# Not part of CI (it takes long); see tests/fuzz/README.md.
#   scripts/soak.sh [FRAMES]        PSOAS_SOAK_BUILD=build-asan scripts/soak.sh  (leak-checked run)
set -euo pipefail
cd "$(dirname "$0")/.."

frames=${1:-100000}
build=${PSOAS_SOAK_BUILD:-build}
max_growth=${PSOAS_SOAK_MAX_GROWTH_MB:-1}

if [[ ! -x $build/psoas-atlas && ! -x $build/src/psoas-atlas ]]; then
  scripts/install-deps.sh
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DPSOAS_BUILD_TESTS=OFF >/dev/null
fi
[[ $build == build-asan ]] || cmake --build "$build" --target psoas-atlas >/dev/null
exe=$build/psoas-atlas
[[ -x $exe ]] || exe=$build/src/psoas-atlas
[[ -x $exe ]] || { echo "error: no psoas-atlas executable in $build" >&2; exit 1; }

if ! "$exe" --help 2>&1 | grep -q -- '--soak'; then
  echo "error: this psoas-atlas lacks the --soak option ($exe --help does not list it); nothing to soak" >&2
  exit 3
fi

export LIBGL_ALWAYS_SOFTWARE=1
export LSAN_OPTIONS=suppressions=$PWD/tests/sanitizer/lsan.supp:print_suppressions=0
run=("$exe" --soak "$frames")
dri=$(ls /usr/lib/*/dri/swrast_dri.so 2>/dev/null | head -1 || true)
if [[ $build == build-asan && -n $dri ]]; then
  # As in scripts/sanitize.sh: keep Mesa's driver mapped so LSan does not mistake its memory for leaks.
  export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0
  run=(env "LD_PRELOAD=$dri" "${run[@]}")
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
start=$(date +%s)
run_status=0
if [[ $run_status != 0 ]]; then echo "error: psoas-atlas --soak exited $run_status" >&2; status=1; fi
xvfb-run -a -s "-screen 0 1920x1080x24" "${run[@]}" | tee "$out" || run_status=$?
echo "soak: $(( $(date +%s) - start )) s, psoas-atlas exited $run_status"

line=$(grep -E '^\{.*"frames"' "$out" | tail -1 || true)
[[ -n $line ]] || { echo "error: --soak printed no JSON result line" >&2; exit 1; }
field() { sed -E "s/.*\"$1\"[[:space:]]*:[[:space:]]*([-0-9.eE+]+).*/\1/" <<<"$line"; }
done_frames=$(field frames); rss_start=$(field rss_start_mb); rss_end=$(field rss_end_mb); gl_errors=$(field gl_errors)

status=0
if [[ $done_frames != "$frames" ]]; then echo "error: rendered $done_frames of $frames frames" >&2; status=1; fi
if [[ $gl_errors != 0 ]]; then echo "error: $gl_errors GL errors during the soak" >&2; status=1; fi
if awk -v a="$rss_start" -v b="$rss_end" -v m="$max_growth" 'BEGIN { exit !(b - a > m) }'; then
  echo "error: resident memory grew from $rss_start MB to $rss_end MB (limit +$max_growth MB)" >&2
  status=1
fi
[[ $status -eq 0 ]] && echo "soak: $done_frames frames, RSS $rss_start -> $rss_end MB, no GL errors"
exit $status
