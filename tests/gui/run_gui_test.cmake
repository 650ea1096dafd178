# Runs one GUI test scenario of lectern-desktop under Xvfb with fresh settings.
# -DAPP, -DXVFB_RUN, -DSCENARIO, -DSPACE, -DWORK_DIR, optional -DLANGUAGE (pl), -DGIT (then the
# space is a git copy of SPACE with a history, made by make_git_space.cmake), -DNO_SPACE=ON (no
# --space: the app starts as on a first start), -DSAMPLE=ON (--sample: the bundled content
# through its git copy, signable offline), -DEXPECT_CONFIG=regex;regex (lines the settings
# file must hold after the run), -DLESSON_SPACE=ON with -DLECTERN and -DFFMPEG (the space is a
# git copy of SPACE with lessons, made by make_lesson_space.cmake; -DLESSON_GIT=git),
# -DGATED_QUIZ_SPACE=git (the space is a git copy of SPACE whose security quiz gates the VPN
# procedure, made by make_gated_quiz_space.cmake), -DLARGE_SPACE=N (the space is a copy of SPACE
# with N generated procedures, made by make_large_space.cmake)

set(shots "${WORK_DIR}/screenshots/${SCENARIO}")
set(config "${WORK_DIR}/${SCENARIO}.settings")
file(REMOVE_RECURSE "${shots}")
file(REMOVE "${config}")
if(DEFINED ENV{LECTERN_INDEX_DIR})
  file(REMOVE_RECURSE "$ENV{LECTERN_INDEX_DIR}")  # every run indexes from scratch
endif()
file(MAKE_DIRECTORY "${shots}")
# A home of its own per scenario: keys, client settings and synced spaces never touch the
# user's, and every run starts with none.
set(home "${WORK_DIR}/home/${SCENARIO}")
file(REMOVE_RECURSE "${home}")
file(MAKE_DIRECTORY "${home}/data" "${home}/config")
set(ENV{XDG_DATA_HOME} "${home}/data")
set(ENV{XDG_CONFIG_HOME} "${home}/config")
# The scenario's space made from SPACE by one of the make_*_space.cmake scripts (given its
# extra -D arguments); SPACE then names the copy.
function(make_space what script)
  set(made_space "${WORK_DIR}/spaces/${SCENARIO}")
  execute_process(COMMAND ${CMAKE_COMMAND} -DSOURCE=${SPACE} -DDEST=${made_space} ${ARGN}
                          -P "${CMAKE_CURRENT_LIST_DIR}/${script}"
                  RESULT_VARIABLE made)
  if(NOT made EQUAL 0)
    message(FATAL_ERROR "could not make the ${what} space for ${SCENARIO}")
  endif()
  set(SPACE "${made_space}" PARENT_SCOPE)
endfunction()

if(GIT)
  make_space(git make_git_space.cmake -DGIT=${GIT})
endif()
if(GATED_QUIZ_SPACE)
  make_space("gated quiz" make_gated_quiz_space.cmake -DGIT=${GATED_QUIZ_SPACE})
endif()
if(LARGE_SPACE)
  make_space(large make_large_space.cmake -DCOUNT=${LARGE_SPACE})
endif()
if(LESSON_SPACE)
  make_space(lesson make_lesson_space.cmake -DGIT=${LESSON_GIT} -DLECTERN=${LECTERN}
             -DFFMPEG=${FFMPEG})
  set(ENV{LECTERN_CLI_FOR_TESTS} "${LECTERN}")  # lint and redact, run by the scenario
endif()
set(language_option)
if(LANGUAGE)
  set(language_option --lang "${LANGUAGE}")
endif()

set(space_option --space "${SPACE}")
if(NO_SPACE)
  set(space_option)
elseif(SAMPLE)
  set(space_option --sample)
endif()
execute_process(
  COMMAND "${XVFB_RUN}" -a -s "-screen 0 1280x800x24"
          "${APP}" ${space_option} --config "${config}" --gui-test "${SCENARIO}" --screenshots "${shots}" ${language_option}
  RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "GUI test ${SCENARIO} failed (exit ${result}); screenshots so far in ${shots}")
endif()
message(STATUS "Screenshots: ${shots}")
foreach(expected IN LISTS EXPECT_CONFIG)
  file(READ "${config}" saved)
  if(NOT saved MATCHES "${expected}")
    message(FATAL_ERROR "the settings file ${config} lacks ${expected}:\n${saved}")
  endif()
endforeach()
