#!/usr/bin/env bash
# CPU time the window uses while nothing moves (issue 12, defect 1): opens the window under Xvfb
# on a lesson step, lets it settle, then counts the process's user + system CPU seconds over a
# window of time, three times; prints each run and the median. Not a test: machines differ.
#   scripts/idle_cpu.sh [BINARY] [SECONDS] -- [psoas-atlas options]
# Default: build/psoas-atlas, 10 s, --lesson actions --step 1 (standing, no breathing).
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-build/psoas-atlas}
seconds=${2:-10}
shift $(( $# >= 2 ? 2 : $# )) || true
[[ "${1:-}" == "--" ]] && shift
args=("$@")
[[ ${#args[@]} -eq 0 ]] && args=(--lesson actions --step 1)
export LIBGL_ALWAYS_SOFTWARE=1
ticks=$(getconf CLK_TCK)

cpu_seconds() {  # utime + stime of a process, fields 14 and 15 of /proc/PID/stat
  awk -v t="$ticks" '{ printf "%.2f", ($14 + $15) / t }' "/proc/$1/stat"
}

runs=()
for run in 1 2 3; do
  home=$(mktemp -d)
  HOME=$home XDG_CONFIG_HOME=$home/config xvfb-run -a -s "-screen 0 1920x1080x24" \
    "$binary" --size 1280x720 "${args[@]}" >/dev/null 2>&1 &
  wrapper=$!
  sleep 6  # start-up, the first step's glide and fades
  pid=$(pgrep -n -f -- "^$binary --size 1280x720")
  before=$(cpu_seconds "$pid")
  sleep "$seconds"
  after=$(cpu_seconds "$pid")
  kill "$pid" 2>/dev/null || true
  wait $wrapper 2>/dev/null || true
  rm -rf "$home"
  used=$(awk -v a="$after" -v b="$before" 'BEGIN { printf "%.2f", a - b }')
  echo "run $run: $used CPU-s in $seconds s"
  runs+=("$used")
done
median=$(printf '%s\n' "${runs[@]}" | sort -g | sed -n 2p)
echo "median: $median CPU-s in $seconds s"
