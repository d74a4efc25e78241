#!/usr/bin/env bash
# Builds Psoas Atlas for the browser (WebAssembly + WebGL 2) from the same sources as the desktop,
# with Debian's Emscripten, into build-web/dist/:
#   index.html, psoas-atlas.js, psoas-atlas.wasm, psoas-atlas.data   a folder any web server can host
#   psoas-atlas.html                                                 one file with everything inside,
#                                                                    that opens from file:// offline
# The libraries Debian ships only for the desktop are built once into ~/.cache/psoas-atlas
# (scripts/web-deps.sh). Usage: scripts/build-web.sh [JOBS]   (default 2)
set -euo pipefail
cd "$(dirname "$0")/.."

jobs=${1:-2}
# Debian's Emscripten optimiser finds Debian's node-acorn only here.
export NODE_PATH=/usr/share/nodejs
scripts/install-deps.sh --web  # Emscripten and Debian's library sources; prints nothing when present
command -v emcmake >/dev/null || { echo "error: emcmake not found: run scripts/install-deps.sh --web (Debian's emscripten)" >&2; exit 1; }

prefix=$(scripts/web-deps.sh "$jobs" | tail -1)
build=build-web/cmake
dist=build-web/dist
log=build-web/configure.log
mkdir -p build-web
if ! emcmake cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DPSOAS_BUILD_TESTS=OFF \
  -DPSOAS_WEB_PREFIX="$prefix" >"$log" 2>&1; then
  cat "$log" >&2
  echo "error: CMake configuration of the browser build failed (log above, also in $log)" >&2
  exit 1
fi
cmake --build "$build" -j"$jobs" --target psoas-atlas psoas-atlas-single |
  { grep -v -e '^ninja: no work to do' || true; }
[[ ${PIPESTATUS[0]} -eq 0 ]] || { echo "error: the browser build failed (messages above)" >&2; exit 1; }

# The pages: web/shell.html with the script referenced (the folder) or inside it (the one file).
rm -rf "$dist.partial"
mkdir -p "$dist.partial"
cp "$build/psoas-atlas.js" "$build/psoas-atlas.wasm" "$build/psoas-atlas.data" "$dist.partial/"
node - web/shell.html "$build/psoas-atlas-single.js" "$dist.partial" <<'EOF'
const fs = require('fs');
const [shellFile, singleJs, out] = process.argv.slice(2);
const shell = fs.readFileSync(shellFile, 'utf8');
const marker = '<!--PSOAS_SCRIPT-->';
if (!shell.includes(marker)) throw new Error(`${shellFile}: no ${marker} line`);
fs.writeFileSync(`${out}/index.html`, shell.replace(marker, '<script src="psoas-atlas.js"></script>'));
// Inside an HTML script element only "</script" can end it early; "<\/script" means the same to JS.
const script = fs.readFileSync(singleJs, 'utf8').replace(/<\/script/gi, '<\\/script');
fs.writeFileSync(`${out}/psoas-atlas.html`, shell.replace(marker, () => `<script>\n${script}\n</script>`));
EOF
rm -rf "$dist"
mv "$dist.partial" "$dist"
echo "build-web: $dist/psoas-atlas.html (one file, opens offline) and $dist/index.html (host the folder)"
