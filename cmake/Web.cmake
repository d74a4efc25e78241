# The browser build's dependencies (included by the top CMakeLists.txt when building with
# Emscripten; scripts/build-web.sh configures it). Each gets the target name the desktop's
# find_package gives, so src/CMakeLists.txt is the same for both:
# - Assimp, libpng, zlib, Dear ImGui and meshoptimizer compiled for WebAssembly from Debian's
#   source packages by scripts/web-deps.sh into PSOAS_WEB_PREFIX;
# - header-only GLM, toml++, nlohmann-json, CLI11 and stb from their Debian -dev packages, each through a folder of
#   its own (a link to /usr/include/NAME), never through all of /usr/include;
# - GLFW and OpenGL ES 3.0 (WebGL 2) from Emscripten itself; glad replaced, and GLFW's header
#   completed, by cmake/web/include.

set(PSOAS_WEB_PREFIX "" CACHE PATH "Libraries built by scripts/web-deps.sh")
if(NOT EXISTS "${PSOAS_WEB_PREFIX}/lib/libassimp.a")
  message(FATAL_ERROR "PSOAS_WEB_PREFIX (${PSOAS_WEB_PREFIX}) has no libassimp.a: build with scripts/build-web.sh")
endif()

# Header-only packages, one folder each.
set(PSOAS_WEB_HEADERS ${CMAKE_BINARY_DIR}/system-headers)
foreach(name glm toml++ CLI stb nlohmann)
  file(MAKE_DIRECTORY ${PSOAS_WEB_HEADERS}/${name})
  file(CREATE_LINK /usr/include/${name} ${PSOAS_WEB_HEADERS}/${name}/${name} SYMBOLIC)
endforeach()

set(PSOAS_WEB_FLAGS -fexceptions)  # Assimp reports bad files by throwing; without it they abort
add_compile_options(${PSOAS_WEB_FLAGS})
add_link_options(${PSOAS_WEB_FLAGS})

add_library(glm::glm INTERFACE IMPORTED)
target_include_directories(glm::glm SYSTEM INTERFACE ${PSOAS_WEB_HEADERS}/glm)
# The desktop finds nlohmann-json3-dev (core/gltf_check.cpp) on the compiler's default path.
include_directories(SYSTEM ${PSOAS_WEB_HEADERS}/nlohmann)
add_library(PkgConfig::TOMLPP INTERFACE IMPORTED)
target_include_directories(PkgConfig::TOMLPP SYSTEM INTERFACE ${PSOAS_WEB_HEADERS}/toml++)
set(CLI11_INCLUDE_DIR ${PSOAS_WEB_HEADERS}/CLI)
set(STB_INCLUDE_DIR ${PSOAS_WEB_HEADERS}/stb)

add_library(ZLIB::ZLIB STATIC IMPORTED)
set_target_properties(ZLIB::ZLIB PROPERTIES IMPORTED_LOCATION ${PSOAS_WEB_PREFIX}/lib/libz.a)
add_library(PNG::PNG STATIC IMPORTED)
set_target_properties(PNG::PNG PROPERTIES IMPORTED_LOCATION ${PSOAS_WEB_PREFIX}/lib/libpng16.a
  INTERFACE_INCLUDE_DIRECTORIES ${PSOAS_WEB_PREFIX}/include INTERFACE_LINK_LIBRARIES ZLIB::ZLIB)
add_library(assimp::assimp STATIC IMPORTED)
set_target_properties(assimp::assimp PROPERTIES IMPORTED_LOCATION ${PSOAS_WEB_PREFIX}/lib/libassimp.a
  INTERFACE_INCLUDE_DIRECTORIES ${PSOAS_WEB_PREFIX}/include
  INTERFACE_LINK_LIBRARIES "${PSOAS_WEB_PREFIX}/lib/libminizip.a;ZLIB::ZLIB")
add_library(meshoptimizer::meshoptimizer STATIC IMPORTED)
set_target_properties(meshoptimizer::meshoptimizer PROPERTIES
  IMPORTED_LOCATION ${PSOAS_WEB_PREFIX}/lib/libmeshoptimizer.a
  INTERFACE_INCLUDE_DIRECTORIES ${PSOAS_WEB_PREFIX}/include)

# stb's image reader (the desktop links Debian's libstb): its implementation, compiled once.
add_library(psoas_web_stb STATIC ${PROJECT_SOURCE_DIR}/cmake/web/stb_image.c)
target_include_directories(psoas_web_stb SYSTEM PRIVATE ${STB_INCLUDE_DIR})
set(STB_LIBRARY psoas_web_stb)

# GLFW 3 on a canvas and WebGL 2 (OpenGL ES 3.0), both Emscripten's.
add_library(glfw INTERFACE)
target_include_directories(glfw SYSTEM INTERFACE ${PROJECT_SOURCE_DIR}/cmake/web/include)  # GLFW 3.3 additions
target_link_options(glfw INTERFACE -sUSE_GLFW=3 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2)
add_library(glad INTERFACE)
target_include_directories(glad SYSTEM INTERFACE ${PROJECT_SOURCE_DIR}/cmake/web/include)

# Dear ImGui 1.86 (libimgui-dev's version) and its GLFW and OpenGL 3 backends, from Debian's source.
set(PSOAS_WEB_IMGUI ${PSOAS_WEB_PREFIX}/share/imgui)
add_library(imgui_backends STATIC
  ${PSOAS_WEB_IMGUI}/backends/imgui_impl_glfw.cpp
  ${PSOAS_WEB_IMGUI}/backends/imgui_impl_opengl3.cpp)
target_include_directories(imgui_backends SYSTEM PUBLIC ${PSOAS_WEB_IMGUI} ${PSOAS_WEB_IMGUI}/backends)
target_link_libraries(imgui_backends PUBLIC ${PSOAS_WEB_PREFIX}/lib/libimgui.a glfw)

# The fonts the interface uses, at the paths the desktop finds them (src/ui/fonts.cpp), and the
# data folder (models, lessons) at a path of its own in the page's file system.
set(DEJAVU_SANS_TTF /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf)
set(PSOAS_DATA_DIR /psoas-atlas)
set(PSOAS_PLATFORM_SOURCE app/platform_browser.cpp)
set(PSOAS_FONT_FALLBACK_SOURCE ui/font_fallback_bundled.cpp)

# The page's files: models and lessons at PSOAS_DATA_DIR, the four DejaVu Sans faces at their
# Debian paths. `@` maps a build-machine path to the page's path.
set(PSOAS_WEB_FILES
  ${PROJECT_SOURCE_DIR}/models@${PSOAS_DATA_DIR}/models
  ${PROJECT_SOURCE_DIR}/lessons@${PSOAS_DATA_DIR}/lessons)
foreach(face DejaVuSans DejaVuSans-Bold DejaVuSans-Oblique DejaVuSans-BoldOblique)
  list(APPEND PSOAS_WEB_FILES /usr/share/fonts/truetype/dejavu/${face}.ttf@/usr/share/fonts/truetype/dejavu/${face}.ttf)
endforeach()
# -lidbfs.js: the teacher's settings and lessons kept in the browser's IndexedDB (web/shell.html).
set(PSOAS_WEB_LINK_OPTIONS -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=128MB -sFORCE_FILESYSTEM=1 -sEXIT_RUNTIME=0
    -sENVIRONMENT=web "-sEXPORTED_RUNTIME_METHODS=['callMain']" -lidbfs.js)
# Two pages from the same objects: psoas-atlas.js + .wasm + .data for a web server, and
# psoas-atlas-single.js with the WebAssembly and every file inside it, for one HTML file that
# opens from file:// (a browser fetches nothing from file://).
function(psoas_web_page target form)
  target_link_options(${target} PRIVATE ${PSOAS_WEB_LINK_OPTIONS})
  foreach(file ${PSOAS_WEB_FILES})
    if(form STREQUAL "single")
      target_link_options(${target} PRIVATE "SHELL:--embed-file ${file}")
    else()
      target_link_options(${target} PRIVATE "SHELL:--preload-file ${file}")
    endif()
  endforeach()
  if(form STREQUAL "single")
    target_link_options(${target} PRIVATE -sSINGLE_FILE=1)
  endif()
  set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS ${PROJECT_SOURCE_DIR}/models/atlas.toml)
endfunction()
