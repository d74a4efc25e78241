# Motion tests (poses, skeleton, muscle paths, breathing, measurement); included from tests/CMakeLists.txt.
target_sources(cpu_tests PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/cpu/motion/body_orientation_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/cpu/motion/breathing_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/cpu/motion/helper_thread_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/cpu/motion/hip_reference_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/cpu/motion/inline_pose_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/cpu/motion/joint_coordinates_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/cpu/motion/joint_drag_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/cpu/motion/looping_motion_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/cpu/motion/measure_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/cpu/motion/muscle_deformer_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/cpu/motion/muscle_path_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/cpu/motion/pose_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/cpu/motion/pose_writer_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/cpu/motion/skeleton_test.cpp)
# The bone penetration survey measures depth with the model generator's closest-point distance.
if(PSOAS_HAVE_MODELGEN)
  target_sources(cpu_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/cpu/motion/bone_penetration_test.cpp)
  target_link_libraries(cpu_tests PRIVATE modelgen_lib)
endif()
