# ALMALYK_SANITIZE (scripts/sanitize, docs/hardening.md): AddressSanitizer (with LeakSanitizer) and UBSan, float-cast
# overflow included (GCC leaves it out of "undefined"), and no recovery: a UB report ends the process with an error, so
# the test that ran into it fails instead of printing a line nobody reads.
set(ALMALYK_SANITIZER_FLAGS -fsanitize=address,undefined,float-cast-overflow
    -fno-sanitize-recover=undefined,float-cast-overflow)

# almalyk_setup_target(<target>): our warning flags (-Werror with ALMALYK_WERROR), sanitizers and determinism flags
# for code we own. Third-party code (glad, the ImGui backends) does not get them.
function(almalyk_setup_target target)
  target_compile_options(${target} PRIVATE -Wall -Wextra)
  if(ALMALYK_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  # A translated string used as a printf format (ImGui::Text(eng::tr("..."))) would misread a '%' a translator typed.
  # Debian's ImGui 1.86 marks its printf-like functions for clang only (IM_FMTARGS), so the clang build (scripts/sanitize,
  # .ci/run) is where that is caught, always as an error.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    target_compile_options(${target} PRIVATE -Werror=format-security)
  endif()
  # Bit-identical floating point across builds: no fused multiply-add contraction (as Box2D v3 does).
  target_compile_options(${target} PRIVATE -ffp-contract=off)
  if(ALMALYK_SANITIZE)
    target_compile_options(${target} PRIVATE ${ALMALYK_SANITIZER_FLAGS} -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE ${ALMALYK_SANITIZER_FLAGS})
  endif()
  if(ALMALYK_FUZZ)
    # Coverage for libFuzzer in every library it drives (cmake/fuzz.cmake); the fuzz targets add -fsanitize=fuzzer.
    target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link)
  endif()
endfunction()

# almalyk_allow_gcc12_restrict(<source>...): GCC 12 at -O2/-O3 reports a false -Wrestrict inside libstdc++ when it
# inlines std::string's operator+ / assign of a literal ("__builtin_memcpy ... accessing 9223372036854775810 or more
# bytes ... may overlap"; GCC bug 105329, a GCC 12 regression). It fires in a few of our files only; they are listed where
# they are built (app/, tests/) and get -Wno-restrict for themselves, so every other file keeps the warning.
function(almalyk_allow_gcc12_restrict)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 12
     AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    set_source_files_properties(${ARGN} DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR} PROPERTIES COMPILE_OPTIONS -Wno-restrict)
  endif()
endfunction()

include(${CMAKE_CURRENT_LIST_DIR}/fuzz.cmake)
