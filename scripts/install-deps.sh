#!/usr/bin/env bash
# Installs, with apt-get, whatever Debian 12 packages Psoas Atlas needs to build, run and test.
# Idempotent: when everything is present it only checks and prints nothing. Otherwise it says one
# line per phase (package lists, download with its size and progress, install), so a newcomer on a
# slow link knows it is working. Needs root, or sudo for an ordinary user.
#   scripts/install-deps.sh          the desktop program: build, run, CPU and GL tests
#   scripts/install-deps.sh --web    also the browser build and its tests (Emscripten, chromium,
#                                    Debian's sources of the libraries, the tests' driver):
#                                    scripts/build-web.sh and ./test's browser tier ask for it
set -euo pipefail
web=0
[[ "${1:-}" == "--web" ]] && web=1

packages=(
  cmake ninja-build g++ pkg-config ccache
  libglfw3-dev libglm-dev libimgui-dev libassimp-dev libstb-dev libpng-dev
  libtomlplusplus-dev nlohmann-json3-dev libcli11-dev libmeshoptimizer-dev libfontconfig-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  # The interface's typeface: regular and bold (core), italic and bold italic for lesson text (extra).
  fonts-dejavu-core fonts-dejavu-extra
  ffmpeg
  xvfb xauth libgl1-mesa-dri
)
if [[ $web -eq 1 ]]; then
  # The browser build (scripts/build-web.sh) and its tests (tests/browser/): Debian's Emscripten,
  # dpkg-dev to unpack Debian's Assimp and zlib sources, Assimp's system stb and utf8cpp headers,
  # and the headless chromium the tests drive. A teacher who only runs the desktop viewer is
  # spared them (several hundred MB).
  packages+=(emscripten dpkg-dev libutfcpp-dev chromium)
  # npm installs the tests' one driver (tests/browser/package-lock.json). Debian's npm is wanted
  # unless a node.js that brings its own npm (and refuses Debian's) is installed already.
  command -v npm >/dev/null || packages+=(npm)
fi

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
# Debian's source packages of Assimp and zlib (the browser build compiles them for WebAssembly)
# need a deb-src entry for bookworm main. It copies the URI and key of the deb entry apt already
# has, so it adds no new place to download from.
source_list=/etc/apt/sources.list.d/psoas-atlas-source.sources
need_source=0
[[ $web -eq 0 || -f $source_list ]] || need_source=1

say() { echo "install-deps: $*"; }

# The browser tests' driver, pinned with its integrity hash; playwright-core downloads no browser.
install_driver() {
  [[ $web -eq 1 ]] || return 0
  local dir=tests/browser want have
  want=$(node -p "require('./$dir/package-lock.json').packages['node_modules/playwright-core'].version")
  have=$(node -p "try { require('./$dir/node_modules/playwright-core/package.json').version } catch (e) { '' }")
  [[ "$want" == "$have" ]] && return 0
  say "installing the browser tests' driver (npm ci in $dir: playwright-core $want)"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
}
cd "$(dirname "$0")/.."

if [[ ${#missing[@]} -eq 0 && $need_source -eq 0 ]]; then
  install_driver
  exit 0
fi

sudo=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || {
    echo "error: installing ${missing[*]:-a deb-src entry} needs root: run ./run or ./test once as root, or install sudo" >&2
    exit 1
  }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
start=$SECONDS
if [[ $need_source -eq 1 ]]; then
  # The deb entry for bookworm main: its URI, and where apt read it (a .sources stanza or a line).
  read -r uri entry < <(apt-get indextargets --format '$(REPO_URI) $(SOURCESENTRY) $(RELEASE) $(COMPONENT) $(TARGET_OF)' |
    awk '$3 == "bookworm" && $4 == "main" && $5 == "deb" { print $1, $2; exit }')
  [[ -n "${uri:-}" ]] || {
    echo "error: apt has no deb entry for bookworm main to copy into a deb-src entry (apt-get indextargets)" >&2
    exit 1
  }
  file=${entry%:*} index=${entry##*:} signed=""
  if [[ $file == *.sources ]]; then
    signed=$(awk -v n="$index" 'BEGIN { RS = "" } NR == n' "$file" | sed -n 's/^Signed-By:[[:space:]]*\(.*\)$/\1/Ip' | head -1)
  else
    signed=$(sed -n "${index}p" "$file" | sed -n 's/.*signed-by=\([^] ]*\).*/\1/p')
  fi
  say "adding a deb-src entry for bookworm main ($source_list)"
  { echo "# Added by Psoas Atlas (scripts/install-deps.sh): Debian's Assimp and zlib sources for the browser build."
    echo "Types: deb-src"
    echo "URIs: $uri"
    echo "Suites: bookworm"
    echo "Components: main"
    [[ -z "$signed" ]] || echo "Signed-By: $signed"
  } | $sudo tee "$source_list.partial" >/dev/null
  $sudo mv "$source_list.partial" "$source_list"
fi
[[ ${#missing[@]} -gt 0 ]] || missing=()
say "${#missing[@]} packages missing${missing[*]:+: ${missing[*]}}"
say "updating the package lists (apt-get update)"
$sudo apt-get update -qq
if [[ ${#missing[@]} -eq 0 ]]; then
  install_driver
  say "done in $((SECONDS - start)) s"
  exit 0
fi

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
install_driver
say "done in $((SECONDS - start)) s"
