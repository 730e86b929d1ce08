# cmake -DROOT=<source tree> -DOUT=<file.pot> -DJSON_TOOL=<almalyk_json_msgids> -P cmake/i18n_extract.cmake
# The template of every translatable string: xgettext over the sources of the layers that put words on screen
# (app/, scenes/, engine/; sim/ returns keys, never words) with the keywords of engine/i18n.h, merged by msgcat
# with the data files' strings (tour titles and captions, training briefings, objectives and hints: tools/json_msgids). The catalogs test (cmake/i18n.cmake)
# runs this on the real sources, so a string wrapped in tr() but missing from a catalog fails the build's tests.
foreach(v ROOT OUT JSON_TOOL)
  if(NOT ${v})
    message(FATAL_ERROR "i18n_extract.cmake: -D${v}= is required")
  endif()
endforeach()
find_program(XGETTEXT xgettext REQUIRED)
find_program(MSGCAT msgcat REQUIRED)
get_filename_component(out_dir ${OUT} DIRECTORY)
file(MAKE_DIRECTORY ${out_dir})
file(GLOB_RECURSE sources RELATIVE ${ROOT} ${ROOT}/app/*.cpp ${ROOT}/app/*.h ${ROOT}/scenes/*.cpp ${ROOT}/scenes/*.h
     ${ROOT}/engine/*.cpp ${ROOT}/engine/*.h)
list(SORT sources)
list(JOIN sources "\n" listing)
file(WRITE ${OUT}.files "${listing}\n")
execute_process(
  COMMAND ${XGETTEXT} --from-code=UTF-8 --language=C++ --keyword --keyword=tr --keyword=trc:1c,2 --keyword=trn:1,2
          --keyword=trcn:1c,2,3 --keyword=trpn:1,2 --keyword=trp --keyword=trpc:1c,2 --keyword=N_ --keyword=NC_:1c,2 --add-comments=TRANSLATORS:
          --package-name=almalyk --msgid-bugs-address=https://agmk.uz --sort-by-file --no-wrap
          --files-from=${OUT}.files --output=${OUT}.src
  WORKING_DIRECTORY ${ROOT} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "xgettext failed (exit ${rc})")
endif()
file(GLOB tours RELATIVE ${ROOT} ${ROOT}/assets/tours/*.json)
list(SORT tours)
file(GLOB training RELATIVE ${ROOT} ${ROOT}/assets/scenarios/training/*.json)
list(SORT training)
list(APPEND tours ${training})
execute_process(COMMAND ${JSON_TOOL} ${OUT}.json ${tours} WORKING_DIRECTORY ${ROOT} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "almalyk_json_msgids failed (exit ${rc})")
endif()
execute_process(COMMAND ${MSGCAT} --use-first --no-wrap --output-file=${OUT} ${OUT}.src ${OUT}.json RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "msgcat failed (exit ${rc})")
endif()
file(REMOVE ${OUT}.files ${OUT}.src ${OUT}.json)
