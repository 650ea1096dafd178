# `lectern quiz take` driven by a file of answer lines, the way scripts drive it.
# -DLECTERN= -DSPACE= -DQUIZ= -DSEED= -DANSWERS="line;line;..." -DEXPECT_CODE= -DEXPECT="regex;regex"
# -DWORK= (a scratch folder) [-DFD=1: answers through --answers-fd 3 instead of stdin]
string(REPLACE ";" "\n" answer_text "${ANSWERS}")
file(MAKE_DIRECTORY "${WORK}")
set(answers_file "${WORK}/answers.txt")
file(WRITE "${answers_file}" "${answer_text}\n")
if(FD)
  execute_process(COMMAND sh -c "exec 3<\"$3\"; exec \"$0\" quiz take \"$1\" --space \"$2\" --seed \"$4\" --answers-fd 3 </dev/null"
                          "${LECTERN}" "${QUIZ}" "${SPACE}" "${answers_file}" "${SEED}"
                  RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
else()
  execute_process(COMMAND "${LECTERN}" quiz take "${QUIZ}" --space "${SPACE}" --seed "${SEED}"
                  INPUT_FILE "${answers_file}"
                  RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
endif()
if(NOT code EQUAL EXPECT_CODE)
  message(FATAL_ERROR "expected exit code ${EXPECT_CODE}, got ${code}\n${out}${err}")
endif()
foreach(pattern IN LISTS EXPECT)
  if(NOT out MATCHES "${pattern}")
    message(FATAL_ERROR "output does not match '${pattern}':\n${out}${err}")
  endif()
endforeach()
