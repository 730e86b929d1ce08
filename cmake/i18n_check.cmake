# cmake -DROOT=<source tree> -DWORK=<scratch dir> -DJSON_TOOL=<almalyk_json_msgids> -P cmake/i18n_check.cmake
# The catalogs test: a fresh extraction of the real sources and data files, then for every po/*.po
#   msgcmp: every msgid extracted is in the catalog and translated (an empty or fuzzy msgstr counts as missing);
#   msgfmt --check: printf-style conversions kept (c-format), plural forms and the header well formed.
# Placeholders in tour captions ({mine.ore_t_h:0}) and glyph coverage are checked by tests/engine/test_i18n.cpp.
find_program(MSGCMP msgcmp REQUIRED)
find_program(MSGFMT msgfmt REQUIRED)
execute_process(COMMAND ${CMAKE_COMMAND} -DROOT=${ROOT} -DOUT=${WORK}/fresh.pot -DJSON_TOOL=${JSON_TOOL}
                -P ${CMAKE_CURRENT_LIST_DIR}/i18n_extract.cmake RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "extraction failed")
endif()
file(GLOB catalogs ${ROOT}/po/*.po)
set(failed "")
foreach(po ${catalogs})
  execute_process(COMMAND ${MSGCMP} ${po} ${WORK}/fresh.pot RESULT_VARIABLE rc1 ERROR_VARIABLE err1)
  execute_process(COMMAND ${MSGFMT} --check --output-file=/dev/null ${po} RESULT_VARIABLE rc2 ERROR_VARIABLE err2)
  if(NOT rc1 EQUAL 0 OR NOT rc2 EQUAL 0)
    list(APPEND failed ${po})
    message("${err1}${err2}")
  endif()
endforeach()
if(failed)
  message(FATAL_ERROR "catalogs out of date or inconsistent: ${failed}\n"
          "Update them: cmake --build <build> --target po_update, translate the new entries (empty msgstr), rerun.")
endif()
message(STATUS "catalogs: ${catalogs} complete against ${WORK}/fresh.pot")
