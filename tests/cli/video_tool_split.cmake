# lectern hands lesson video work to lectern-video: only lectern-video loads OpenCV, and a
# lectern without it says what is missing instead of failing obscurely.
# -DLECTERN=<lectern> -DVIDEO_TOOL=<lectern-video> -DWORK=<scratch folder>
execute_process(COMMAND ldd "${LECTERN}" OUTPUT_VARIABLE lectern_libs RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "ldd ${LECTERN} failed")
endif()
if(lectern_libs MATCHES "opencv")
  message(FATAL_ERROR "lectern loads OpenCV at every start:\n${lectern_libs}")
endif()
execute_process(COMMAND ldd "${VIDEO_TOOL}" OUTPUT_VARIABLE tool_libs)
if(NOT tool_libs MATCHES "opencv_videoio")
  message(FATAL_ERROR "lectern-video does not link OpenCV's videoio:\n${tool_libs}")
endif()

# The options are checked by lectern itself, before any hand-over.
execute_process(COMMAND "${LECTERN}" lesson steps RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 2 OR NOT err MATCHES "VIDEO is required")
  message(FATAL_ERROR "lectern lesson steps without a video: exit ${rc}, said: ${err}")
endif()

# A lectern copied alone into a folder: no lectern-video next to it.
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
file(COPY "${LECTERN}" DESTINATION "${WORK}")
get_filename_component(name "${LECTERN}" NAME)
execute_process(COMMAND "${WORK}/${name}" lesson steps "${WORK}/recording.mp4"
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 2 OR NOT err MATCHES "lectern-video, which is missing" OR NOT err MATCHES "${WORK}")
  message(FATAL_ERROR "lectern without lectern-video: exit ${rc}, said: ${err}")
endif()
