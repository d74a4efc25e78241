# Sanitizer and fuzzing builds. Included from the top-level CMakeLists.txt before any target is
# defined, so add_compile_options/add_link_options reach every target in the tree: our four
# layers, the tests, and third_party (glad, the ImGui backends) alike. A mix of instrumented and
# uninstrumented code in one binary hides bugs (ASan cannot see a bad write done by code it did not
# instrument) and can give false container-overflow reports.
#
#   PSOAS_SANITIZE=ON  AddressSanitizer (+ LeakSanitizer) and UndefinedBehaviorSanitizer, with
#                      undefined behaviour fatal, so a test that trips UBSan fails (scripts/sanitize.sh).
#   PSOAS_FUZZ=ON      libFuzzer targets in tests/fuzz/ (clang only; scripts/fuzz.sh). The fuzz
#                      targets add -fsanitize=fuzzer themselves; the rest of the tree gets
#                      -fsanitize=fuzzer-no-link so libFuzzer sees coverage in our parsers.

option(PSOAS_SANITIZE "Build everything with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(PSOAS_FUZZ "Build the libFuzzer targets in tests/fuzz (needs clang)" OFF)

if(PSOAS_SANITIZE OR PSOAS_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang|GNU")
    message(FATAL_ERROR "PSOAS_SANITIZE/PSOAS_FUZZ need GCC or Clang (compiler: ${CMAKE_CXX_COMPILER_ID})")
  endif()
  set(PSOAS_SANITIZER_FLAGS -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_compile_options(${PSOAS_SANITIZER_FLAGS})
  add_link_options(${PSOAS_SANITIZER_FLAGS})
endif()

if(PSOAS_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "PSOAS_FUZZ needs clang (libFuzzer): configure with "
                        "-DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()

# Dear ImGui 1.86's own GL loader wrote one pointer past its table; third_party/CMakeLists.txt
# now builds the OpenGL 3 backend on glad instead, so every source is sanitized.
