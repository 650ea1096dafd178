# Runs one GUI test scenario of lectern-desktop under Xvfb with fresh settings.
# -DAPP, -DXVFB_RUN, -DSCENARIO, -DSPACE, -DWORK_DIR, optional -DLANGUAGE (pl)

set(shots "${WORK_DIR}/screenshots/${SCENARIO}")
set(config "${WORK_DIR}/${SCENARIO}.settings")
file(REMOVE_RECURSE "${shots}")
file(REMOVE "${config}")
if(DEFINED ENV{LECTERN_INDEX_DIR})
  file(REMOVE_RECURSE "$ENV{LECTERN_INDEX_DIR}")  # every run indexes from scratch
endif()
file(MAKE_DIRECTORY "${shots}")
set(language_option)
if(LANGUAGE)
  set(language_option --lang "${LANGUAGE}")
endif()

execute_process(
  COMMAND "${XVFB_RUN}" -a -s "-screen 0 1280x800x24"
          "${APP}" --space "${SPACE}" --config "${config}" --gui-test "${SCENARIO}" --screenshots "${shots}" ${language_option}
  RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "GUI test ${SCENARIO} failed (exit ${result}); screenshots so far in ${shots}")
endif()
message(STATUS "Screenshots: ${shots}")
