# Translations (docs/languages.md): po/<code>.po compiled by `msgfmt --check` at build time into
# <build>/share/almalyk/locale/<code>/LC_MESSAGES/almalyk.mo — the same layout as the install prefix, so
# engine/paths.h finds them beside the build's executables (<exe>/../share/almalyk/...) and in an install.
#   --target pot        re-extracts po/almalyk.pot from the sources and the tours (cmake/i18n_extract.cmake)
#   --target po_update  pot, then msgmerge into every po/*.po (new strings arrive untranslated); po/en.po anew
# The `catalogs` test (tests/CMakeLists.txt) fails while any catalog misses or leaves empty an extracted string.
find_program(MSGFMT_EXECUTABLE msgfmt REQUIRED)
find_program(MSGMERGE_EXECUTABLE msgmerge REQUIRED)
find_program(MSGINIT_EXECUTABLE msginit REQUIRED)

file(GLOB ALMALYK_PO_FILES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/po/*.po)
set(ALMALYK_LOCALE_DIR ${PROJECT_BINARY_DIR}/share/almalyk/locale)
set(ALMALYK_MO_FILES "")
foreach(po ${ALMALYK_PO_FILES})
  get_filename_component(lang ${po} NAME_WE)
  set(mo ${ALMALYK_LOCALE_DIR}/${lang}/LC_MESSAGES/almalyk.mo)
  add_custom_command(OUTPUT ${mo}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${ALMALYK_LOCALE_DIR}/${lang}/LC_MESSAGES
    COMMAND ${MSGFMT_EXECUTABLE} --check --output-file=${mo} ${po}
    DEPENDS ${po} COMMENT "msgfmt po/${lang}.po" VERBATIM)
  list(APPEND ALMALYK_MO_FILES ${mo})
endforeach()
add_custom_target(almalyk_catalogs ALL DEPENDS ${ALMALYK_MO_FILES})

# The install layout engine/paths.h searches: <prefix>/share/almalyk/locale/<code>/LC_MESSAGES/almalyk.mo.
install(DIRECTORY ${ALMALYK_LOCALE_DIR}/ DESTINATION share/almalyk/locale)

add_custom_target(pot
  COMMAND ${CMAKE_COMMAND} -DROOT=${PROJECT_SOURCE_DIR} -DOUT=${PROJECT_SOURCE_DIR}/po/almalyk.pot
          -DJSON_TOOL=$<TARGET_FILE:almalyk_json_msgids> -P ${PROJECT_SOURCE_DIR}/cmake/i18n_extract.cmake
  DEPENDS almalyk_json_msgids COMMENT "Extracting po/almalyk.pot" VERBATIM)
set(po_update_commands "")
foreach(po ${ALMALYK_PO_FILES})
  get_filename_component(lang ${po} NAME_WE)
  if(lang STREQUAL "en")
    # English is the source: msginit copies each msgid (and msgid_plural) into its msgstr.
    list(APPEND po_update_commands COMMAND ${MSGINIT_EXECUTABLE} --no-translator --no-wrap --locale=en
         --input=${PROJECT_SOURCE_DIR}/po/almalyk.pot --output-file=${po})
  else()
    list(APPEND po_update_commands COMMAND ${MSGMERGE_EXECUTABLE} --quiet --update --backup=none --no-fuzzy-matching
         --no-wrap --lang=${lang} ${po} ${PROJECT_SOURCE_DIR}/po/almalyk.pot)
  endif()
endforeach()
add_custom_target(po_update ${po_update_commands} DEPENDS pot COMMENT "Merging po/almalyk.pot into po/*.po" VERBATIM)
