# Motion: poses, breathing and muscle paths (core layer: GLM and toml++ only, no GL, no ImGui).
# Included from src/CMakeLists.txt, so CMAKE_CURRENT_SOURCE_DIR is src/.
target_sources(psoas_core PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/core/motion/breathing.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/core/motion/helper_thread.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/core/motion/column_skin.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/core/motion/hip_reference.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/core/motion/joint_coordinates.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/core/motion/looping_motion.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/core/motion/measure.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/core/motion/muscle_deformer.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/core/motion/muscle_path.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/core/motion/pose.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/core/motion/pose_file.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/core/motion/pose_transition.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/core/motion/pose_writer.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/core/motion/skeleton.cpp)
# The deformer's per-vertex loop (bendSegment) runs four vertices at a time only when the compiler
# may assume that a square root sets no errno and that a float compare raises no trap: neither
# changes any value computed.
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  set_source_files_properties(${CMAKE_CURRENT_SOURCE_DIR}/core/motion/muscle_deformer.cpp PROPERTIES COMPILE_OPTIONS "-fno-math-errno;-fno-trapping-math")
endif()
# The helper thread that bends half the muscles (helper_thread.cpp); the browser page has none.
if(NOT EMSCRIPTEN)
  find_package(Threads REQUIRED)
  target_link_libraries(psoas_core PRIVATE Threads::Threads)
endif()
