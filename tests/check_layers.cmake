# tests/check_layers.cmake — the layer rules of ../shared/design.md as one table, checked over the source tree.
# Use: cmake -DROOT=<source dir> -P tests/check_layers.cmake   (ctest: layer_rules; tests/check_layers_selftest.cmake
# plants one violation per rule in a temporary copy and checks that each is caught).
# Each violation is reported as "<file>:<line>: [<rule>] <why>: <the line>"; the script fails when there is any.
# Rules look at source lines only (#include lines, and for app/ the code with comments and string literals removed),
# so an include or a call named in a comment is not a violation; nor are generated or third-party files (not scanned).
# Does NOT: follow includes transitively (a header that includes GL is the header's folder's business), or check tests/.
cmake_minimum_required(VERSION 3.25)
if(NOT ROOT)
  message(FATAL_ERROR "usage: cmake -DROOT=<source dir> -P check_layers.cmake")
endif()

# ---- The table. An include rule: name | folder it applies to | folder exempt within it ("-": none) | forbidden
# include (regex on the quoted/bracketed name) | why. The two rules that need more than a regex follow the table.
set(kGlHeaders "glad/|GL/|engine/gfx/gl\\.h")
set(rules
  "sim-pure|sim|-|glad/|GLFW/|imgui|backends/|assimp/|engine/|scenes/|app/|GL/|sim/ is plain C++: no graphics, UI, model or other-layer headers"
  "engine-generic|engine|-|sim/|scenes/|app/|engine/ is generic rendering: it never includes sim/, scenes/ or app/"
  "gl-only-in-gfx|engine|engine/gfx|${kGlHeaders}|only engine/gfx includes OpenGL headers"
  "gl-only-in-gfx|scenes|-|${kGlHeaders}|only engine/gfx includes OpenGL headers"
  "gl-only-in-gfx|sim|-|${kGlHeaders}|only engine/gfx includes OpenGL headers"
  "gl-only-in-gfx|tools|-|${kGlHeaders}|only engine/gfx includes OpenGL headers"
  "app-no-gl|app|-|${kGlHeaders}|GLFW/|app/ draws and reads input through engine/, never OpenGL or GLFW headers")
# scene-isolation: a file in scenes/<a>/ includes nothing from another scene folder scenes/<b>/ (files directly in
#   scenes/ are shared and fine).
# app-no-gl-calls: app/ code calls no gl*/glfw* function (comments and string literals ignored).
set(kGlCall "(^|[^A-Za-z0-9_:.>])(gl|glfw)[A-Z][A-Za-z0-9_]*[ \t]*\\(")

# ---- Reading files as numbered lines. CMake lists split at ';' and treat '[', ']' and '\' specially, so those are
# swapped for control characters before the text becomes a list of lines.
string(ASCII 1 kSemi)
string(ASCII 2 kOpen)
string(ASCII 3 kClose)
string(ASCII 4 kBack)
function(read_lines file out)
  file(READ "${file}" text)
  string(REPLACE "\\" "${kBack}" text "${text}")
  string(REPLACE ";" "${kSemi}" text "${text}")
  string(REPLACE "[" "${kOpen}" text "${text}")
  string(REPLACE "]" "${kClose}" text "${text}")
  string(REPLACE "\n" ";" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()
function(printable line out)
  string(REPLACE "${kBack}" "\\" line "${line}")
  string(REPLACE "${kSemi}" "\;" line "${line}")
  string(REPLACE "${kOpen}" "[" line "${line}")
  string(REPLACE "${kClose}" "]" line "${line}")
  string(STRIP "${line}" line)
  set(${out} "${line}" PARENT_SCOPE)
endfunction()

set(violations "")
set(nfiles 0)
macro(report file lineno rule why line)
  file(RELATIVE_PATH rel "${ROOT}" "${file}")
  printable("${line}" shown)
  list(APPEND violations "${rel}:${lineno}: [${rule}] ${why}: ${shown}")
endmacro()

foreach(layer sim engine scenes app tools)
  file(GLOB_RECURSE files "${ROOT}/${layer}/*.h" "${ROOT}/${layer}/*.hpp" "${ROOT}/${layer}/*.cpp" "${ROOT}/${layer}/*.c")
  list(SORT files)
  foreach(f ${files})
    math(EXPR nfiles "${nfiles} + 1")
    file(RELATIVE_PATH rel "${ROOT}" "${f}")
    # This file's scene folder, for scene-isolation ("" for files directly in scenes/ or outside it).
    set(sceneDir "")
    if(rel MATCHES "^scenes/([^/]+)/")
      set(sceneDir "${CMAKE_MATCH_1}")
    endif()
    read_lines("${f}" lines)
    set(n 0)
    set(inBlock FALSE)
    foreach(line IN LISTS lines)
      math(EXPR n "${n} + 1")
      if(line MATCHES "^[ \t]*#[ \t]*include[ \t]*[<\"]([^>\"]*)[>\"]")
        set(inc "${CMAKE_MATCH_1}")
        foreach(r IN LISTS rules)
          string(REPLACE "|" ";" parts "${r}")
          list(GET parts 0 name)
          list(GET parts 1 under)
          list(GET parts 2 except)
          list(POP_BACK parts why)
          list(SUBLIST parts 3 -1 forbidden)
          string(REPLACE ";" "|" forbidden "${forbidden}")
          if(rel MATCHES "^${under}/" AND (except STREQUAL "-" OR NOT rel MATCHES "^${except}/")
             AND inc MATCHES "^(${forbidden})")
            report("${f}" ${n} "${name}" "${why}" "${line}")
          endif()
        endforeach()
        if(sceneDir AND inc MATCHES "^scenes/([^/]+)/" AND NOT CMAKE_MATCH_1 STREQUAL sceneDir)
          report("${f}" ${n} "scene-isolation" "scenes/${sceneDir}/ includes another scene's folder (shared code goes directly in scenes/)" "${line}")
        endif()
      endif()
      if(layer STREQUAL "app")
        # Code only: block comments (tracked across lines), string literals, then line comments removed.
        set(code "${line}")
        if(inBlock)
          if(code MATCHES "\\*/(.*)$")
            set(code "${CMAKE_MATCH_1}")
            set(inBlock FALSE)
          else()
            set(code "")
          endif()
        endif()
        string(REGEX REPLACE "\"([^\"${kBack}]|${kBack}.)*\"" "\"\"" code "${code}")
        string(REGEX REPLACE "/\\*.*\\*/" " " code "${code}")
        string(REGEX REPLACE "//.*$" "" code "${code}")
        if(code MATCHES "/\\*")
          string(REGEX REPLACE "/\\*.*$" "" code "${code}")
          set(inBlock TRUE)
        endif()
        if(code MATCHES "${kGlCall}")
          report("${f}" ${n} "app-no-gl-calls" "app/ calls no gl*/glfw* function (use what engine/ offers)" "${line}")
        endif()
      endif()
    endforeach()
  endforeach()
endforeach()

if(nfiles EQUAL 0)
  message(FATAL_ERROR "no sources found under ${ROOT}/{sim,engine,scenes,app,tools}")
endif()
if(violations)
  list(LENGTH violations nv)
  string(REPLACE ";" "\n" text "${violations}")
  message(NOTICE "${text}")  # NOTICE prints lines as they are (FATAL_ERROR re-wraps them)
  message(FATAL_ERROR "${nv} layer rule violation(s) (../shared/design.md, \"Layers\")")
endif()
message(STATUS "layer rules hold over ${nfiles} files")
