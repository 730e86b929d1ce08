# tests/check_layers_selftest.cmake — proves each rule of check_layers.cmake catches what it is for (ctest:
# layer_rules_selftest). For every rule it writes a tiny source tree with one planted violation into WORK_DIR, runs
# the check on it and expects a failure naming "<file>:<line>: [<rule>]"; a clean tree (including the look-alikes
# each rule must let pass: comments, strings, shared scene files, glm::, eng::gl::) must pass.
# Use: cmake -DCHECK=<path>/check_layers.cmake -DWORK_DIR=<scratch dir> -P check_layers_selftest.cmake
cmake_minimum_required(VERSION 3.25)

# A clean tree: one file per layer, with things that look like violations but are not.
set(clean_sim_cpp "#include \"sim/world.h\"\n#include <vector>\n// #include <GL/gl.h> in a comment is fine\n")
set(clean_engine_cpp "#include \"engine/gfx/renderer.h\"\n#include <glm/glm.hpp>\n")
set(clean_gfx_cpp "#include \"engine/gfx/gl.h\"\n#include <glad/gl.h>\nvoid f() { glClear(0); }\n")
set(clean_scene_cpp "#include \"scenes/pit/pit_ground.h\"\n#include \"scenes/site.h\"\n#include \"engine/noise.h\"\n")
set(clean_shared_scene_cpp "#include \"scenes/pit/pit_scene.h\"\n#include \"scenes/smelter/smelter_scene.h\"\n")
set(clean_app_cpp "#include \"engine/window.h\"\n// glfwGetMouseButton(w, 0) in a comment\n/* glClear(0);\n   glfwPollEvents(); */\nconst char* s = \"glClear(x)\";\nvoid g() { eng::gl::load(nullptr); glm::vec3 v = glm::normalize(v); window.glfwHandle(); }\n")

function(write_tree dir)
  file(REMOVE_RECURSE "${dir}")
  file(WRITE "${dir}/sim/world.cpp" "${clean_sim_cpp}")
  file(WRITE "${dir}/engine/camera.cpp" "${clean_engine_cpp}")
  file(WRITE "${dir}/engine/gfx/gl.cpp" "${clean_gfx_cpp}")
  file(WRITE "${dir}/scenes/pit/pit_ground.cpp" "${clean_scene_cpp}")
  file(WRITE "${dir}/scenes/scene.cpp" "${clean_shared_scene_cpp}")
  file(WRITE "${dir}/app/main.cpp" "${clean_app_cpp}")
  file(WRITE "${dir}/tools/modelgen/main.cpp" "#include \"engine/mesh_data.h\"\n")
endfunction()

function(run_check dir rc_out log_out)
  execute_process(COMMAND ${CMAKE_COMMAND} -DROOT=${dir} -P ${CHECK} RESULT_VARIABLE rc OUTPUT_VARIABLE out
                  ERROR_VARIABLE err)
  set(${rc_out} "${rc}" PARENT_SCOPE)
  set(${log_out} "${out}${err}" PARENT_SCOPE)
endfunction()

set(failures "")
write_tree("${WORK_DIR}/clean")
run_check("${WORK_DIR}/clean" rc log)
if(NOT rc EQUAL 0)
  list(APPEND failures "the clean tree fails the check:\n${log}")
endif()

# rule | file (relative) | planted line, appended to the clean file so its line number is known (no semicolons:
# the table is a CMake list)
set(plants
  "sim-pure|sim/world.cpp|#include <GLFW/glfw3.h>"
  "sim-pure|sim/world.cpp|#include \"engine/paths.h\""
  "engine-generic|engine/camera.cpp|#include \"sim/world.h\""
  "engine-generic|engine/camera.cpp|#  include \"scenes/scene.h\""
  "gl-only-in-gfx|engine/camera.cpp|#include <glad/gl.h>"
  "gl-only-in-gfx|engine/camera.cpp|#include \"engine/gfx/gl.h\""
  "gl-only-in-gfx|scenes/pit/pit_ground.cpp|#include <GL/gl.h>"
  "scene-isolation|scenes/pit/pit_ground.cpp|#include \"scenes/landscape/landscape_scene.h\""
  "app-no-gl|app/main.cpp|#include <GLFW/glfw3.h>"
  "app-no-gl|app/main.cpp|#include \"engine/gfx/gl.h\""
  "app-no-gl-calls|app/main.cpp|void h() { if (glfwGetMouseButton(w, 0)) glClear(0) }"
  "app-no-gl-calls|app/main.cpp|  glViewport (0, 0, 1, 1)  // a call with a comment after it")
set(i 0)
foreach(p IN LISTS plants)
  math(EXPR i "${i} + 1")
  string(REPLACE "|" ";" parts "${p}")
  list(GET parts 0 rule)
  list(GET parts 1 rel)
  list(GET parts 2 planted)
  set(dir "${WORK_DIR}/plant${i}")
  write_tree("${dir}")
  file(READ "${dir}/${rel}" before)
  string(REGEX MATCHALL "\n" nl "${before}")
  list(LENGTH nl lineno)
  math(EXPR lineno "${lineno} + 1")
  file(APPEND "${dir}/${rel}" "${planted}\n")
  run_check("${dir}" rc log)
  if(rc EQUAL 0)
    list(APPEND failures "[${rule}] not caught: ${rel}: ${planted}")
  elseif(NOT log MATCHES "${rel}:${lineno}: \\[${rule}\\]")
    list(APPEND failures "[${rule}] caught without naming ${rel}:${lineno} and the rule:\n${log}")
  endif()
endforeach()

if(failures)
  string(REPLACE ";" "\n" text "${failures}")
  message(NOTICE "${text}")
  message(FATAL_ERROR "check_layers.cmake self-test failed")
endif()
message(STATUS "every layer rule catches its planted violation (${i} plants) and passes the clean tree")
