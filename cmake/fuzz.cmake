# libFuzzer targets for every parser of user files (tests/fuzz/, scripts/fuzz, docs/hardening.md). Clang only: GCC has
# no libFuzzer. With ALMALYK_FUZZ every library of ours is compiled with -fsanitize=fuzzer-no-link (coverage that the
# fuzzers steer by; cmake/warnings.cmake), so one build folder (build-asan, scripts/sanitize) serves the sanitized tests
# and the fuzzers.
option(ALMALYK_FUZZ "Build the libFuzzer targets of tests/fuzz (clang only, with ALMALYK_SANITIZE; scripts/fuzz)" OFF)
if(ALMALYK_FUZZ AND NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "ALMALYK_FUZZ needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++ "
                      "-DCMAKE_C_COMPILER=clang, or use ./scripts/sanitize")
endif()

# almalyk_add_fuzzer(<name> LIBS <lib>... SEEDS <path>... [DICT <file>] [MAX_LEN <bytes>])
# Builds fuzz_<name> from tests/fuzz/fuzz_<name>.cpp (it defines LLVMFuzzerTestOneInput). SEEDS are files or folders of
# the source tree (assets/scenarios, tests/fuzz/seeds/cli.txt ...) that scripts/fuzz copies into a fresh working corpus;
# DICT is a libFuzzer dictionary, MAX_LEN the longest input tried.
# Each target is also a ctest test (fuzz_<name>_seeds) that runs it once over its seeds and its regression inputs
# (tests/fuzz/regressions/<name>/, the inputs of fixed crashes), so the sanitized test run replays them.
function(almalyk_add_fuzzer name)
  cmake_parse_arguments(F "" "DICT;MAX_LEN" "LIBS;SEEDS" ${ARGN})
  if(NOT F_MAX_LEN)
    set(F_MAX_LEN 4096)
  endif()
  set(exe fuzz_${name})
  add_executable(${exe} ${CMAKE_CURRENT_SOURCE_DIR}/${exe}.cpp)
  target_link_libraries(${exe} PRIVATE ${F_LIBS})
  almalyk_setup_target(${exe})
  target_compile_options(${exe} PRIVATE -fsanitize=fuzzer)
  target_compile_definitions(${exe} PRIVATE ALMALYK_SOURCE_DIR="${PROJECT_SOURCE_DIR}")   # fixtures read once
  target_link_options(${exe} PRIVATE -fsanitize=fuzzer)
  set(seeds "")
  foreach(s IN LISTS F_SEEDS)
    list(APPEND seeds ${PROJECT_SOURCE_DIR}/${s})
  endforeach()
  set(dict "")
  if(F_DICT)
    set(dict ${CMAKE_CURRENT_SOURCE_DIR}/${F_DICT})
  endif()
  # One line per target for scripts/fuzz: name, executable, max_len, dictionary, seeds ('|'-separated: a ';' would
  # split the line as a CMake list).
  string(JOIN "|" seedList ${seeds})
  set_property(GLOBAL APPEND PROPERTY ALMALYK_FUZZ_LINES
               "${name}\t$<TARGET_FILE:${exe}>\t${F_MAX_LEN}\t${dict}\t${seedList}")
  set(regress ${CMAKE_CURRENT_SOURCE_DIR}/regressions/${name})
  add_test(NAME ${exe}_seeds COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:${exe}> "-DSEEDS=${seedList}|${regress}"
           -DWORK=${CMAKE_CURRENT_BINARY_DIR}/replay/${name} -P ${CMAKE_CURRENT_SOURCE_DIR}/seeds.cmake)
endfunction()

# Writes <build>/fuzz/targets.tsv (scripts/fuzz reads it); called once at the end of tests/fuzz/CMakeLists.txt.
function(almalyk_write_fuzz_targets)
  get_property(lines GLOBAL PROPERTY ALMALYK_FUZZ_LINES)
  string(JOIN "\n" text ${lines})
  file(GENERATE OUTPUT ${PROJECT_BINARY_DIR}/fuzz/targets.tsv CONTENT "${text}\n")
endfunction()
