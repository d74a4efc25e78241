#!/usr/bin/env bash
# Installs, with apt-get, whatever Debian 12 packages Psoas Atlas needs to build, run and test.
# Idempotent: when everything is present it only checks and prints nothing. Otherwise it says one
# line per phase (package lists, download with its size and progress, install), so a newcomer on a
# slow link knows it is working. Needs root, or sudo for an ordinary user.
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config
  libglfw3-dev libglm-dev libimgui-dev libassimp-dev libstb-dev libpng-dev
  libtomlplusplus-dev nlohmann-json3-dev libcli11-dev libmeshoptimizer-dev libfontconfig-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  # The interface's typeface: regular and bold (core), italic and bold italic for lesson text (extra).
  fonts-dejavu-core fonts-dejavu-extra
  ffmpeg
  xvfb xauth libgl1-mesa-dri
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

say() { echo "install-deps: $*"; }
sudo=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || {
    echo "error: installing ${missing[*]} needs root: run ./run or ./test once as root, or install sudo" >&2
    exit 1
  }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
start=$SECONDS
say "missing ${#missing[@]} packages: ${missing[*]}"
say "updating the package lists (apt-get update)"
$sudo apt-get update -qq

# What the install will be: the packages apt would set up (with what they need), and the archives
# it must fetch for them, with their size (those already in apt's cache are not fetched again).
count=$($sudo apt-get install -s -qq --no-install-recommends "${missing[@]}" | grep -c '^Inst ' || true)
read -r fetch bytes < <($sudo apt-get install -qq --print-uris --no-install-recommends "${missing[@]}" |
  awk '{ n++; s += $3 } END { printf "%d %d\n", n, s }')
if [[ $fetch -gt 0 ]]; then
  say "downloading $fetch of $count packages (with what they need), $(( (bytes + 524288) / 1048576 )) MB"
else
  say "all $count packages (with what they need) are in apt's cache already; nothing to download"
fi
# apt's status lines ("dlstatus:N:PERCENT:...") become one line at every fifth of the way.
$sudo apt-get install -y -qq --no-install-recommends --download-only -o APT::Status-Fd=3 "${missing[@]}" 3>&1 >/dev/null |
  awk -F: '$1 == "dlstatus" { p = int($3 / 20) * 20; if (p > last && p < 100) { last = p; printf "install-deps: downloaded %d%%\n", p; fflush() } }'
say "installing (unpacking and configuring $count packages)"
# apt's own chatter (debconf's "delaying package configuration" and the like) is shown only when
# the install fails.
log=$(mktemp)
if ! $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$log" 2>&1; then
  cat "$log" >&2
  rm -f "$log"
  echo "error: apt-get could not install ${missing[*]} (its messages above)" >&2
  exit 1
fi
rm -f "$log"
say "done in $((SECONDS - start)) s"
