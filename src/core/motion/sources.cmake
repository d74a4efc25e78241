# Motion: poses, breathing and muscle paths (core layer: GLM and toml++ only, no GL, no ImGui).
# Included from src/CMakeLists.txt, so CMAKE_CURRENT_SOURCE_DIR is src/.
target_sources(psoas_core PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/core/motion/breathing.cpp
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
