#!/usr/bin/env bash
# Installs, with apt-get, whatever Debian 12 packages Psoas Atlas needs to build, run and test.
# Idempotent: when everything is present it only checks and prints nothing.
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config
  libglfw3-dev libglm-dev libimgui-dev libassimp-dev libstb-dev libpng-dev
  libtomlplusplus-dev nlohmann-json3-dev libcli11-dev libmeshoptimizer-dev libfontconfig-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  fonts-dejavu-core ffmpeg
  xvfb xauth libgl1-mesa-dri
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "install-deps: installing ${missing[*]}"
sudo=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "error: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
