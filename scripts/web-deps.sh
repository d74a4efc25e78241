#!/usr/bin/env bash
# Builds the libraries the browser build links that Debian ships only for the desktop: zlib
# (static, with minizip from its contrib folder), Assimp (glTF 2, OBJ, STL and PLY importers only),
# Dear ImGui and meshoptimizer, all from Debian's own source packages (`apt-get source`, which needs
# the deb-src entry scripts/install-deps.sh adds), compiled with Debian's Emscripten.
#
# Everything lives outside the source tree, in $PSOAS_WEB_CACHE (default
# ~/.cache/psoas-atlas/web-deps/<recipe>): a second build finds the prefix ready and does nothing.
# Prints the prefix on stdout as its last line; progress goes to stderr.
# Usage: scripts/web-deps.sh [JOBS]
set -euo pipefail

jobs=${1:-2}
# Bump when this recipe changes, so an old cache is not mistaken for the new one.
recipe=assimp5.2.5-zlib1.2.13-png1.6.39-imgui1.86-meshopt0.18-r1
cache=${PSOAS_WEB_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/psoas-atlas/web-deps/$recipe}
prefix=$cache/prefix
say() { echo "web-deps: $*" >&2; }

if [[ -f $prefix/.complete ]]; then
  echo "$prefix"
  exit 0
fi

# Debian's Emscripten optimiser finds Debian's node-acorn only here.
export NODE_PATH=/usr/share/nodejs
command -v emcc >/dev/null || { echo "error: emcc not found: run scripts/install-deps.sh (Debian's emscripten)" >&2; exit 1; }
mkdir -p "$cache/src" "$prefix/include" "$prefix/lib"
start=$SECONDS

# Debian's sources, once: apt-get source unpacks them with Debian's patches applied.
fetch() {
  local package=$1 dir=$2
  [[ -d "$cache/src/$dir" ]] && return 0
  say "fetching Debian's source of $package (apt-get source)"
  (cd "$cache/src" && apt-get source -qq "$package" >"$cache/src/$package.log" 2>&1) || {
    cat "$cache/src/$package.log" >&2
    echo "error: apt-get source $package failed: is there a deb-src entry? (scripts/install-deps.sh adds one)" >&2
    exit 1
  }
}
fetch zlib zlib-1.2.13.dfsg
fetch assimp assimp-5.2.5~ds0
fetch imgui imgui-1.86+ds
fetch meshoptimizer meshoptimizer-0.18+dfsg
fetch libpng1.6 libpng1.6-1.6.39

# zlib: its own configure script (its CMake file names a Windows resource Debian removed).
if [[ ! -f $prefix/lib/libz.a ]]; then
  say "building zlib"
  (cd "$cache/src/zlib-1.2.13.dfsg" &&
    emconfigure ./configure --static --prefix="$prefix" >configure.log 2>&1 &&
    emmake make -j"$jobs" libz.a >make.log 2>&1 &&
    cp libz.a "$prefix/lib/" && cp zlib.h zconf.h "$prefix/include/")
fi

# libpng (the program writes its screenshots and slides with it), static, against that zlib: its
# library sources with the configuration libpng ships prebuilt (its configure cannot cross-compile).
if [[ ! -f $prefix/lib/libpng16.a ]]; then
  say "building libpng"
  src=$cache/src/libpng1.6-1.6.39
  mkdir -p "$cache/build/libpng"
  cp "$src/scripts/pnglibconf.h.prebuilt" "$src/pnglibconf.h"
  objects=()
  for f in png pngerror pngget pngmem pngpread pngread pngrio pngrtran pngrutil pngset pngtrans pngwio pngwrite \
    pngwtran pngwutil; do
    emcc -O2 -I"$src" -I"$prefix/include" -c "$src/$f.c" -o "$cache/build/libpng/$f.o"
    objects+=("$cache/build/libpng/$f.o")
  done
  emar rcs "$prefix/lib/libpng16.a" "${objects[@]}"
  cp "$src/png.h" "$src/pngconf.h" "$src/pnglibconf.h" "$prefix/include/"
fi

# minizip (Assimp opens zipped files through it): the two files of zlib's contrib it needs.
if [[ ! -f $prefix/lib/libminizip.a ]]; then
  say "building minizip"
  mini=$cache/src/zlib-1.2.13.dfsg/contrib/minizip
  mkdir -p "$cache/build/minizip" "$prefix/include/minizip"
  for f in ioapi unzip; do
    emcc -O2 -I"$prefix/include" -DIOAPI_NO_64 -c "$mini/$f.c" -o "$cache/build/minizip/$f.o"
  done
  emar rcs "$prefix/lib/libminizip.a" "$cache/build/minizip/ioapi.o" "$cache/build/minizip/unzip.o"
  cp "$mini/ioapi.h" "$mini/unzip.h" "$prefix/include/minizip/"
  mkdir -p "$prefix/lib/pkgconfig"
  printf '%s\n' "prefix=$prefix" 'Name: minizip' 'Description: zlib contrib minizip (WebAssembly)' 'Version: 1.2.13' \
    'Cflags: -I${prefix}/include/minizip' 'Libs: -L${prefix}/lib -lminizip -lz' >"$prefix/lib/pkgconfig/minizip.pc"
fi

# Assimp's system headers (Debian's patches make it include them), each from its own folder.
mkdir -p "$cache/include"
ln -sfn /usr/include/stb "$cache/include/stb"

if [[ ! -f $prefix/lib/libassimp.a ]]; then
  say "building Assimp (glTF 2, OBJ, STL, PLY importers)"
  src=$cache/src/assimp-5.2.5~ds0
  # Debian's system-draco patch requires draco unconditionally; the browser build has none.
  sed -i '/^find_package(draco CONFIG REQUIRED)$/,+1d' "$src/code/CMakeLists.txt"
  flags="-fexceptions -I/usr/include/utf8cpp -I$cache/include"
  PKG_CONFIG_LIBDIR=$prefix/lib/pkgconfig emcmake cmake -S "$src" -B "$cache/build/assimp" -G Ninja \
    -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$prefix" \
    -DCMAKE_C_FLAGS="$flags" -DCMAKE_CXX_FLAGS="$flags" \
    -DBUILD_SHARED_LIBS=OFF -DASSIMP_BUILD_TESTS=OFF -DASSIMP_BUILD_ASSIMP_TOOLS=OFF -DASSIMP_BUILD_SAMPLES=OFF \
    -DASSIMP_NO_EXPORT=ON -DASSIMP_BUILD_ZLIB=OFF -DASSIMP_BUILD_DRACO=OFF -DASSIMP_WARNINGS_AS_ERRORS=OFF \
    -DASSIMP_INSTALL_PDB=OFF -DASSIMP_BUILD_ALL_IMPORTERS_BY_DEFAULT=OFF \
    -DASSIMP_BUILD_GLTF_IMPORTER=ON -DASSIMP_BUILD_OBJ_IMPORTER=ON -DASSIMP_BUILD_STL_IMPORTER=ON \
    -DASSIMP_BUILD_PLY_IMPORTER=ON \
    -DZLIB_INCLUDE_DIR="$prefix/include" -DZLIB_LIBRARY="$prefix/lib/libz.a" \
    >"$cache/build/assimp-configure.log" 2>&1 || { cat "$cache/build/assimp-configure.log" >&2; exit 1; }
  cmake --build "$cache/build/assimp" -j"$jobs" >"$cache/build/assimp-build.log" 2>&1 ||
    { tail -40 "$cache/build/assimp-build.log" >&2; exit 1; }
  cmake --install "$cache/build/assimp" >/dev/null
fi

# Dear ImGui 1.86: the same version as libimgui-dev, compiled from its Debian source.
if [[ ! -f $prefix/lib/libimgui.a ]]; then
  say "building Dear ImGui"
  src=$cache/src/imgui-1.86+ds
  mkdir -p "$cache/build/imgui"
  objects=()
  for f in imgui imgui_draw imgui_tables imgui_widgets; do
    em++ -O2 -c "$src/$f.cpp" -I"$src" -o "$cache/build/imgui/$f.o"
    objects+=("$cache/build/imgui/$f.o")
  done
  emar rcs "$prefix/lib/libimgui.a" "${objects[@]}"
fi
# Its headers and the two backends the viewer uses (compiled with the program: cmake/Web.cmake).
if [[ ! -f $prefix/share/imgui/backends/imgui_impl_opengl3.cpp ]]; then
  src=$cache/src/imgui-1.86+ds
  mkdir -p "$prefix/share/imgui/backends"
  cp "$src"/imgui.h "$src"/imconfig.h "$src"/imgui_internal.h "$src"/imstb_*.h "$prefix/share/imgui/"
  cp "$src"/backends/imgui_impl_glfw.* "$src"/backends/imgui_impl_opengl3* "$prefix/share/imgui/backends/"
fi

if [[ ! -f $prefix/lib/libmeshoptimizer.a ]]; then
  say "building meshoptimizer"
  src=$cache/src/meshoptimizer-0.18+dfsg/src
  mkdir -p "$cache/build/meshoptimizer"
  objects=()
  for f in "$src"/*.cpp; do
    o=$cache/build/meshoptimizer/$(basename "$f" .cpp).o
    em++ -O2 -c "$f" -o "$o"
    objects+=("$o")
  done
  emar rcs "$prefix/lib/libmeshoptimizer.a" "${objects[@]}"
  cp "$src/meshoptimizer.h" "$prefix/include/"
fi

touch "$prefix/.complete"
say "done in $((SECONDS - start)) s ($prefix)"
echo "$prefix"
