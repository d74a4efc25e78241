#!/usr/bin/env bash
# Runs clang-tidy (the checks in .clang-tidy: today, cognitive complexity above 25) over every
# source file in src/, using build/compile_commands.json. Prints each function over the limit as
# file:line:col and exits 1 if there is any; exits 2 if it cannot run at all.
#   scripts/lint.sh [BUILD_DIR]   (default: build; configured by ./test or cmake -S . -B build)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}

tidy=$(command -v clang-tidy-14 || command -v clang-tidy || true)
if [[ -z "$tidy" ]]; then
  echo "error: clang-tidy is not installed (sudo apt-get install clang-tidy)" >&2
  exit 2
fi
if [[ ! -f "$build/compile_commands.json" ]]; then
  echo "error: $build/compile_commands.json: missing; configure first: cmake -S . -B $build -G Ninja" >&2
  exit 2
fi
# Sources the build compiles whose code is ours (the embedded shaders are generated).
mapfile -t files < <(git ls-files 'src/*.cpp')
[[ ${#files[@]} -gt 0 ]] || { echo "error: no sources found under src/" >&2; exit 2; }

log=$(mktemp)
trap 'rm -f "$log"' EXIT
# clang-tidy reads GCC's flags from the database; --quiet drops its "N warnings generated" chatter.
status=0
printf '%s\n' "${files[@]}" |
  xargs -P "$(nproc 2>/dev/null || echo 2)" -n 4 "$tidy" -p "$build" --quiet >"$log" 2>/dev/null || status=$?
violations=$(grep -E '^[^ ].*:[0-9]+:[0-9]+: (error|warning): .*\[readability-function-cognitive-complexity' "$log" |
  sed -E 's/ \[readability-function-cognitive-complexity.*//' | sort -u || true)
if [[ -n "$violations" ]]; then
  echo "$violations"
  echo "lint: $(echo "$violations" | wc -l) function(s) over the cognitive-complexity limit (.clang-tidy)" >&2
  exit 1
fi
if [[ $status -ne 0 ]]; then
  # clang-tidy failed for another reason (a file it could not parse): show why.
  grep -E 'error:' "$log" | head -20 >&2 || true
  echo "error: clang-tidy failed (exit $status)" >&2
  exit 2
fi
echo "lint: ${#files[@]} files, no function over the cognitive-complexity limit"
