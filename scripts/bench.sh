#!/usr/bin/env bash
# Runs the benchmarks and writes a short report: the Google Benchmark suites (medians of 5
# repetitions) and psoas-atlas --bench at 1280x720 and 1920x1080 (medians of RUNS runs), plus the
# time to a --screenshot. Benchmarks report; they never pass or fail.
#   scripts/bench.sh [RUNS]        report: build/bench-report.md
set -euo pipefail
cd "$(dirname "$0")/.."
# One Xvfb for the whole run, so its start-up is not timed with the program's.
if [ -z "${DISPLAY:-}" ]; then exec xvfb-run -a -s "-screen 0 1920x1080x24" "$0" "$@"; fi
runs=${1:-5}
scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build --target psoas-atlas motion_bench core_bench >/dev/null
export LIBGL_ALWAYS_SOFTWARE=1
report=build/bench-report.md
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
json_field() { sed -n "s/.*\"$1\": \"\\{0,1\\}\\([^,\"}]*\\).*/\\1/p"; }

{
  echo "# Psoas Atlas benchmark report"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "## Core (Google Benchmark, median of 5 repetitions)"
  echo
  echo '```'
  for suite in motion_bench core_bench; do
    build/tests/bench/$suite --benchmark_repetitions=5 --benchmark_report_aggregates_only=true 2>/dev/null | grep -E '_median|^Benchmark|^-' || true
  done
  echo '```'
  for size in 1280x720 1920x1080; do
    echo
    echo "## psoas-atlas --bench --size $size (median of $runs runs)"
    echo
    outs=()
    for ((i = 0; i < runs; i++)); do
      outs+=("$(build/psoas-atlas --bench --size "$size" --frames 200)")
    done
    echo "| key | median |"
    echo "|---|---|"
    for key in startup_ms frame_ms_median frame_ms_p95 floor_frame_ms_median animation_cpu_ms submit_cpu_ms ui_cpu_ms gpu_wait_ms peak_rss_mb; do
      echo "| $key | $(printf '%s\n' "${outs[@]}" | json_field "$key" | median) |"
    done
    echo
    echo "renderer: $(printf '%s\n' "${outs[0]}" | json_field gl_renderer)"
  done
  echo
  echo "## Time to --screenshot (1280x720, first lesson, median of $runs runs, seconds)"
  echo
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s.%N)
    build/psoas-atlas --screenshot build/bench-shot.png --size 1280x720
    echo "$(date +%s.%N) - $start" | bc
  done | median
} > "$report"
cat "$report"
