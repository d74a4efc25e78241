#!/usr/bin/env bash
# Builds the libFuzzer targets in tests/fuzz/ with clang, ASan and UBSan (build-fuzz/), then runs
# each for SECONDS (default 60) from its committed seed corpus. New interesting inputs go to
# build-fuzz/corpus/<target>/ (not committed); a crash is written to build-fuzz/crashes/ and fails
# the script. Turn a crash into a regression test in tests/cpu/fuzz_regression_test.cpp.
#   scripts/fuzz.sh [SECONDS] [TARGET...]      targets: lesson atlas pose settings model_import mesh_set
# PSOAS_FUZZ_PARALLEL=1 runs the targets side by side instead of one after another (the long run:
# `PSOAS_FUZZ_PARALLEL=1 PSOAS_FUZZ_TIMEOUT=600 nice -n 19 scripts/fuzz.sh 3600` gives each target
# an hour of wall time). PSOAS_FUZZ_TIMEOUT (default 10 s) is how long one input may take before it
# counts as a hang; libFuzzer measures wall time, so a run at low priority on a busy machine needs a
# longer one, or starved inputs are reported as hangs (every such report so far replayed in 0.2 s).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
targets=("$@")
[[ ${#targets[@]} -eq 0 ]] && targets=(lesson atlas pose settings model_import mesh_set)

scripts/install-deps.sh
# libFuzzer and the sanitizer runtimes come with clang (Debian 12: clang 14).
missing=()
for p in clang libclang-rt-14-dev; do
  [[ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" == "install ok installed" ]] || missing+=("$p")
done
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "fuzz: installing ${missing[*]}"
  sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

build=build-fuzz
mkdir -p "$build"
log=$build/configure.log
# -O1 -gline-tables-only, as scripts/sanitize.sh: a crash's stack still names file and line, and
# the build takes a fraction of -O2 -g's time (CI builds it from nothing every run).
flags="-O1 -gline-tables-only -DNDEBUG"
if ! cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang \
     -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_C_FLAGS_RELWITHDEBINFO="$flags" -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="$flags" \
     -DPSOAS_BUILD_TESTS=ON -DPSOAS_FUZZ=ON >"$log" 2>&1; then
  cat "$log" >&2
  echo "error: CMake configuration of $build failed (log above, also in $log)" >&2
  exit 1
fi
cmake --build "$build" --target "${targets[@]/#/fuzz_}"

# Leaks are checked too: a parser that leaks on bad input leaks all day in a classroom.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
# Only leaks inside system libraries are suppressed (each with its reason in the file).
export LSAN_OPTIONS=suppressions=$PWD/tests/sanitizer/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
failed=()
run_target() {
  local target=$1 corpus=$build/corpus/$1 crashes=$build/crashes/$1
  mkdir -p "$corpus" "$crashes"
  # -rss_limit_mb / -malloc_limit_mb: one input must not take the machine's memory;
  # -timeout: an input that takes longer counts as a hang.
  "$build/tests/fuzz/fuzz_$target" "$corpus" "tests/fuzz/corpus/$target" \
    -max_total_time="$seconds" -rss_limit_mb=2048 -malloc_limit_mb=1024 -timeout="${PSOAS_FUZZ_TIMEOUT:-10}" \
    -max_len=65536 -print_final_stats=1 -artifact_prefix="$crashes/" \
    >"$build/fuzz-$target.log" 2>&1
}
report_target() {  # target, exit status of its run
  if [[ $2 -ne 0 ]]; then
    tail -40 "$build/fuzz-$1.log" >&2
    failed+=("$1")
  fi
  echo "fuzz: $1: $(grep -E '^stat::number_of_executed_units' "$build/fuzz-$1.log" | awk '{print $2}') inputs in ${seconds}s"
}
if [[ "${PSOAS_FUZZ_PARALLEL:-0}" == 1 ]]; then
  echo "fuzz: ${targets[*]} side by side for ${seconds}s (logs: $build/fuzz-TARGET.log)"
  pids=()
  for target in "${targets[@]}"; do run_target "$target" & pids+=($!); done
  for i in "${!targets[@]}"; do
    status=0; wait "${pids[$i]}" || status=$?
    report_target "${targets[$i]}" "$status"
  done
else
  for target in "${targets[@]}"; do
    echo "fuzz: $target for ${seconds}s"
    status=0; run_target "$target" || status=$?
    report_target "$target" "$status"
  done
fi

if [[ ${#failed[@]} -gt 0 ]]; then
  echo "error: fuzz targets found crashes: ${failed[*]} (inputs in $build/crashes/)" >&2
  exit 1
fi
echo "fuzz: no crashes in ${targets[*]}"
