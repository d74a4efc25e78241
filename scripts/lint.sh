#!/usr/bin/env bash
# Runs clang-tidy (the checks in .clang-tidy: today, cognitive complexity above 25) over every
# source file in src/, using build/compile_commands.json. Prints each function over the limit as
# file:line:col and exits 1 if there is any; exits 2 if it cannot run at all. Installs clang-tidy
# (Debian 12: clang-tidy 14) with apt-get when it is missing. CI runs it after ./test, whose build/
# it reuses: about 2 minutes on two cores (clang-tidy parses every file again; nothing is compiled).
#   scripts/lint.sh [BUILD_DIR]   (default: build; configured by ./test or cmake -S . -B build)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}

find_tidy() { command -v clang-tidy-14 || command -v clang-tidy || true; }
tidy=$(find_tidy)
if [[ -z "$tidy" ]]; then
  # Not in install-deps.sh: neither building nor running the program needs it. CI's fresh clone
  # runs as root; elsewhere sudo asks once.
  echo "lint: installing clang-tidy"
  sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
  if ! { $sudo apt-get update -qq &&
         DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends clang-tidy >/dev/null; }; then
    echo "error: clang-tidy is not installed and apt-get could not install it (apt-get install clang-tidy)" >&2
    exit 2
  fi
  tidy=$(find_tidy)
  [[ -n "$tidy" ]] || { echo "error: clang-tidy installed but not found on PATH" >&2; exit 2; }
fi
if [[ ! -f "$build/compile_commands.json" ]]; then
  echo "error: $build/compile_commands.json: missing; configure first: cmake -S . -B $build -G Ninja" >&2
  exit 2
fi
# Sources the build compiles whose code is ours (the embedded shaders are generated).
# The sources this build compiles: the browser-only files (app/platform_browser.cpp,
# ui/font_fallback_bundled.cpp) are in build-web's database, not in this one.
mapfile -t files < <(git ls-files 'src/*.cpp' | while read -r f; do
  grep -qF "/$f\"" "$build/compile_commands.json" && echo "$f"; done)
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
