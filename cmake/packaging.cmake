# The desktop integration and the Debian package (docs/install.md). Included last by the top-level CMakeLists.txt,
# after every install() rule, so the .deb holds exactly what `cmake --install` lays out:
#   bin/almalyk                                  the program
#   share/almalyk/{shaders,assets}/              its data (top-level CMakeLists.txt; translations: cmake/i18n.cmake)
#   share/applications/almalyk.desktop           the menu entry (packaging/almalyk.desktop)
#   share/icons/hicolor/scalable/apps/almalyk.svg  and .../{48x48,128x128,256x256}/apps/almalyk.png (built from it)
#   share/man/man1/almalyk.1.gz                  the manual page (packaging/almalyk.1)
#   share/doc/almalyk/copyright                  the notices of the code compiled into the program
# `cpack --config <build>/CPackConfig.cmake -B <build>` (scripts/package) writes <build>/almalyk_<version>_amd64.deb.
# A new data folder is one install(DIRECTORY ... DESTINATION share/almalyk/...) line anywhere in the tree; a new
# shared library is found by dpkg-shlibdeps from the linked executable, with nothing to add here. Only run-time
# packages the linker cannot see (data, plug-ins, programs we start) go in the lists below.

# --- icons: the SVG is the only source; the PNG sizes are rendered from it at build time -------------------------
find_program(RSVG_CONVERT_EXECUTABLE rsvg-convert)
if(NOT RSVG_CONVERT_EXECUTABLE)
  message(FATAL_ERROR "rsvg-convert not found: install the Debian package librsvg2-bin (scripts/deps does); it "
                      "renders packaging/almalyk.svg to the menu's PNG icons")
endif()
set(ALMALYK_ICON_SVG ${PROJECT_SOURCE_DIR}/packaging/almalyk.svg)
set(ALMALYK_ICON_SIZES 48 128 256)
set(ALMALYK_ICON_PNGS "")
foreach(size ${ALMALYK_ICON_SIZES})
  set(png ${PROJECT_BINARY_DIR}/packaging/icons/${size}x${size}/almalyk.png)
  add_custom_command(OUTPUT ${png}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/packaging/icons/${size}x${size}
    COMMAND ${RSVG_CONVERT_EXECUTABLE} --width=${size} --height=${size} --keep-aspect-ratio --output=${png}
            ${ALMALYK_ICON_SVG}
    DEPENDS ${ALMALYK_ICON_SVG} COMMENT "Rendering the ${size} px icon" VERBATIM)
  list(APPEND ALMALYK_ICON_PNGS ${png})
  install(FILES ${png} DESTINATION share/icons/hicolor/${size}x${size}/apps)
endforeach()
install(FILES ${ALMALYK_ICON_SVG} DESTINATION share/icons/hicolor/scalable/apps)

# --- the manual page: the version filled in, compressed as Debian policy wants (gzip -9n: no name or time stamp)
configure_file(${PROJECT_SOURCE_DIR}/packaging/almalyk.1 ${PROJECT_BINARY_DIR}/packaging/man/almalyk.1 @ONLY)
set(ALMALYK_MAN_GZ ${PROJECT_BINARY_DIR}/packaging/almalyk.1.gz)
add_custom_command(OUTPUT ${ALMALYK_MAN_GZ}
  COMMAND gzip -9nc ${PROJECT_BINARY_DIR}/packaging/man/almalyk.1 > ${ALMALYK_MAN_GZ}
  DEPENDS ${PROJECT_BINARY_DIR}/packaging/man/almalyk.1 COMMENT "Compressing the manual page")
add_custom_target(almalyk_packaging_files ALL DEPENDS ${ALMALYK_ICON_PNGS} ${ALMALYK_MAN_GZ})
# Whatever builds the program builds these too, so `cmake --install` works after `--target almalyk` (or test_render).
add_dependencies(almalyk almalyk_packaging_files)
install(FILES ${ALMALYK_MAN_GZ} DESTINATION share/man/man1)

install(FILES ${PROJECT_SOURCE_DIR}/packaging/almalyk.desktop DESTINATION share/applications)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/copyright DESTINATION share/doc/almalyk)

# --- the Debian package ---------------------------------------------------------------------------------------------
# Run-time packages dpkg-shlibdeps cannot see, because nothing links them: libGL.so.1 (GLAD's loader and GLFW dlopen
# it), Mesa's DRI drivers (libGL loads them; without them there is no software renderer either), the X extension
# libraries GLFW dlopens for monitors and video modes, cursors, raw mouse input and multi-head, and the UI's font
# (app/ui.cpp opens DejaVu Sans).
set(ALMALYK_DEB_DEPENDS libgl1 libgl1-mesa-dri libxrandr2 libxcursor1 libxi6 libxinerama1 fonts-dejavu-core)
# Wanted but not needed to run: ffmpeg for `almalyk video --out X.mp4` (PNG frames work without it) and the CJK
# font for Chinese, Japanese and Korean glyphs (boxes without it).
set(ALMALYK_DEB_RECOMMENDS ffmpeg fonts-noto-cjk)
# `shot`, `bench` and `video` need an X display: on a server, xvfb-run (xvfb, xauth) gives one.
set(ALMALYK_DEB_SUGGESTS xvfb xauth)

set(ALMALYK_DEB_MAINTAINER "Almalyk Explorer developers <almalyk-explorer@example.invalid>" CACHE STRING
    "The Maintainer field of the .deb: \"Name <address>\"")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME almalyk)
set(CPACK_PACKAGE_VENDOR "Almalyk Explorer developers")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT ${ALMALYK_DEB_MAINTAINER})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "3D visualization and live simulation of the Almalyk mining complex")
# The extended description, wrapped at 78 columns as Debian wants (CPack indents it and turns the empty line into " .").
string(CONCAT CPACK_PACKAGE_DESCRIPTION
  "Almalyk Explorer shows the chain of the Almalyk Mining and Metallurgical\n"
  "Complex (AMMC, Uzbekistan) from rock to hydrogen as real-time 3D scenes: the\n"
  "Kalmakyr open pit with its shovels and trucks, ore transport, the\n"
  "concentrator, the copper smelter and its slag, and hydrogen from photocatalyst\n"
  "panels made from that slag, beside steam methane reforming. One live,\n"
  "deterministic process simulation drives every scene, and the controls change\n"
  "it at once. For guided demonstrations (tours, a kiosk attract loop, video\n"
  "export), training and outreach.\n"
  "\n"
  "It also runs without a window: 'almalyk sim' simulates days or years of the\n"
  "complex and writes CSV and JSON, and 'almalyk shot' renders a scene to a PNG\n"
  "(under xvfb-run on a server).")
set(CPACK_STRIP_FILES ON)                           # Debian ships stripped executables
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)             # almalyk_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${ALMALYK_DEB_MAINTAINER})
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)              # dpkg-shlibdeps (dpkg-dev): libglfw3, libassimp5, libgl1, ...
list(JOIN ALMALYK_DEB_DEPENDS ", " CPACK_DEBIAN_PACKAGE_DEPENDS)   # merged with the shlibdeps list
list(JOIN ALMALYK_DEB_RECOMMENDS ", " CPACK_DEBIAN_PACKAGE_RECOMMENDS)
list(JOIN ALMALYK_DEB_SUGGESTS ", " CPACK_DEBIAN_PACKAGE_SUGGESTS)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
