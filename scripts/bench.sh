#!/usr/bin/env bash
# Runs the benchmarks and writes a short report: the Google Benchmark suites (medians of 5
# repetitions); psoas-atlas --bench at 1280x720 and 1920x1080 (medians of RUNS runs); the cost of
# each anti-aliasing mode; and start-up timed side by side, run after run, against a bare GLFW +
# ImGui program (tests/bench/bare_startup.cpp) and against F3D on the same 1.8 MB glTF (F3D is
# installed from Debian for the comparison); and --model on generated binary STL scans of 100 k,
# 1 M (and with BENCH_4M=1, 4 M) triangles against F3D: wall time and peak memory (/usr/bin/time),
# medians of 3 interleaved runs. Benchmarks report; they never pass or fail.
#   scripts/bench.sh [RUNS]        report: build/bench-report.md
set -euo pipefail
cd "$(dirname "$0")/.."
# One Xvfb for the whole run, so its start-up is not timed with the program's.
if [ -z "${DISPLAY:-}" ]; then exec xvfb-run -a -s "-screen 0 1920x1080x24" "$0" "$@"; fi
runs=${1:-5}
scripts/install-deps.sh
if ! command -v f3d >/dev/null; then
  echo "bench: installing f3d (Debian package) for the start-up comparison"
  sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get install -y -qq --no-install-recommends f3d >/dev/null || echo "bench: f3d could not be installed; that comparison is skipped"
fi
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DPSOAS_BUILD_TESTS=ON >/dev/null
cmake --build build --target psoas-atlas motion_bench core_bench bare_startup comparison_model scan_stl >/dev/null
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
    echo "renderer: $(printf '%s\n' "${outs[0]}" | sed -n 's/.*"gl_renderer": "\([^"]*\)".*/\1/p')"
  done
  echo
  echo "## Anti-aliasing cost (--bench --size 1920x1080, median of $runs runs, ms)"
  echo
  echo "| --anti-aliasing | frame_ms_median | floor_frame_ms_median |"
  echo "|---|---|---|"
  for mode in off edge msaa; do
    outs=()
    for ((i = 0; i < runs; i++)); do outs+=("$(build/psoas-atlas --bench --size 1920x1080 --frames 100 --anti-aliasing "$mode")"); done
    echo "| $mode | $(printf '%s\n' "${outs[@]}" | json_field frame_ms_median | median) | $(printf '%s\n' "${outs[@]}" | json_field floor_frame_ms_median | median) |"
  done
  echo
  # Wall time of one command, in seconds.
  seconds() { local start; start=$(date +%s.%N); "$@" >/dev/null 2>&1; echo "$(date +%s.%N) - $start" | bc; }
  echo "## Start-up, side by side (wall seconds, median of $runs alternating runs)"
  echo
  bare=(); ours=()
  for ((i = 0; i < runs; i++)); do
    bare+=("$(seconds build/tests/bench/bare_startup)")
    ours+=("$(seconds build/psoas-atlas --screenshot build/bench-shot.png --size 1280x720)")
  done
  b=$(printf '%s\n' "${bare[@]}" | median); o=$(printf '%s\n' "${ours[@]}" | median)
  echo "- bare GLFW + ImGui, one frame: $b s; psoas-atlas --screenshot (first lesson, first step, 1280x720): $o s; ratio $(echo "scale=2; $o / $b" | bc) (target <= 1.5)"
  glb=build/bench-model-1p8mb.glb
  build/tests/bench/comparison_model models "$glb" >/dev/null
  if command -v f3d >/dev/null; then
    f3d=(); ours=()
    for ((i = 0; i < runs; i++)); do
      f3d+=("$(seconds f3d "$glb" --output build/bench-f3d.png --resolution 1280,720)")
      ours+=("$(seconds build/psoas-atlas --model "$glb" --screenshot build/bench-model.png --size 1280x720)")
    done
    f=$(printf '%s\n' "${f3d[@]}" | median); o=$(printf '%s\n' "${ours[@]}" | median)
    echo "- F3D $(f3d --version 2>/dev/null | head -1 | awk '{print $2}') on $(stat -c %s "$glb") bytes of glTF to a 1280x720 PNG: $f s; psoas-atlas --model: $o s; ratio $(echo "scale=2; $o / $f" | bc) (target <= 0.5)"
  else
    echo "- F3D not installed: comparison skipped"
  fi
  echo
  echo "## Large scans: --model X.stl --screenshot at 1280x720 (median of 3 interleaved runs)"
  echo
  echo "| triangles | psoas-atlas s | psoas-atlas MB | bytes/triangle | F3D s | F3D MB |"
  echo "|---|---|---|---|---|---|"
  # Wall seconds and peak resident MB of one command, as "S MB".
  measured() { /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%s %.0f\n", $1, $2 / 1024}'; }
  sizes=(100000 1000000); [[ "${BENCH_4M:-0}" == 1 ]] && sizes+=(4000000)
  for n in "${sizes[@]}"; do
    stl=build/bench-scan-$n.stl
    count=$(build/tests/bench/scan_stl "$n" "$stl" | awk '{print $1}')
    ot=(); om=(); ft=(); fm=()
    for ((i = 0; i < 3; i++)); do
      read -r t m < <(measured build/psoas-atlas --model "$stl" --units mm --screenshot build/bench-scan.png --size 1280x720)
      ot+=("$t"); om+=("$m")
      if command -v f3d >/dev/null; then
        read -r t m < <(measured f3d "$stl" --output build/bench-scan-f3d.png --resolution 1280,720)
        ft+=("$t"); fm+=("$m")
      fi
    done
    o_t=$(printf '%s\n' "${ot[@]}" | median); o_m=$(printf '%s\n' "${om[@]}" | median)
    f_t=-; f_m=-
    if [[ ${#ft[@]} -gt 0 ]]; then f_t=$(printf '%s\n' "${ft[@]}" | median); f_m=$(printf '%s\n' "${fm[@]}" | median); fi
    echo "| $count | $o_t | $o_m | $(echo "$o_m * 1048576 / $count" | bc) | $f_t | $f_m |"
    rm -f "$stl"
  done
} > "$report"
cat "$report"
