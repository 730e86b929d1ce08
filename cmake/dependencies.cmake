# Every dependency comes from a Debian package (scripts/deps installs them). Nothing third-party is committed.
find_package(PkgConfig REQUIRED)
pkg_check_modules(IMGUI REQUIRED IMPORTED_TARGET imgui)
pkg_check_modules(STB REQUIRED IMPORTED_TARGET stb)
# Languages (engine/i18n, engine/fonts, engine/bidi): gettext catalogs through Boost.Locale, fonts found by
# fontconfig and rasterized by the FreeType builder inside Debian's libimgui.a (which therefore needs FreeType at
# link time), Arabic shaped and reordered by FriBidi.
find_package(Boost REQUIRED COMPONENTS locale)
pkg_check_modules(FONTCONFIG REQUIRED IMPORTED_TARGET fontconfig)
pkg_check_modules(FREETYPE REQUIRED IMPORTED_TARGET freetype2)
pkg_check_modules(FRIBIDI REQUIRED IMPORTED_TARGET fribidi)
find_package(glfw3 REQUIRED)
find_package(glm REQUIRED)
find_package(assimp REQUIRED)
find_package(nlohmann_json REQUIRED)
find_package(CLI11 REQUIRED)
find_package(doctest REQUIRED)
find_package(OpenGL REQUIRED)
find_package(Threads REQUIRED)
# Trainee records (app/records): SQLite 3.
find_package(SQLite3 REQUIRED)

# GLAD 2: generated at configure time into the build tree (--reproducible keeps it off the network).
find_program(GLAD_EXECUTABLE glad REQUIRED)
set(GLAD_DIR ${CMAKE_BINARY_DIR}/glad)
if(NOT EXISTS ${GLAD_DIR}/src/gl.c)
  execute_process(COMMAND ${GLAD_EXECUTABLE} --api gl:core=3.3 --out-path ${GLAD_DIR} --reproducible --quiet c
                  RESULT_VARIABLE glad_rc)
  if(NOT glad_rc EQUAL 0 OR NOT EXISTS ${GLAD_DIR}/src/gl.c)
    message(FATAL_ERROR "glad failed to generate the OpenGL loader into ${GLAD_DIR} (exit ${glad_rc})")
  endif()
endif()
add_library(glad STATIC ${GLAD_DIR}/src/gl.c)
target_include_directories(glad SYSTEM PUBLIC ${GLAD_DIR}/include)

# Dear ImGui 1.86 backends, compiled from the Debian package's examples.
set(IMGUI_BACKENDS_DIR /usr/share/doc/libimgui-dev/examples/backends)
add_library(imgui_backends STATIC ${IMGUI_BACKENDS_DIR}/imgui_impl_glfw.cpp ${IMGUI_BACKENDS_DIR}/imgui_impl_opengl3.cpp)
target_include_directories(imgui_backends SYSTEM PUBLIC /usr/include/imgui/backends)
target_link_libraries(imgui_backends PUBLIC PkgConfig::IMGUI glfw OpenGL::GL ${CMAKE_DL_LIBS})
