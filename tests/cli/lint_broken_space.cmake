# Runs `lectern lint` on a space with known mistakes: it must exit 1 and print each one with
# file, line and column.
execute_process(COMMAND "${LECTERN}" lint "${FIXTURE}"
                RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT code EQUAL 1)
  message(FATAL_ERROR "expected exit code 1, got ${code}\n${out}${err}")
endif()
foreach(expected
    "procedures/vpn.md:8:12: review_by must be a date like 2026-12-31"
    "paths/new-agent.yaml:12:14: path item 'ghost'"
    "scripts/refund.md:12:3: choice 'Has nothing' leads to '#search'")
  string(FIND "${out}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "missing from lint output: ${expected}\n--- output ---\n${out}${err}")
  endif()
endforeach()
string(FIND "${err}" "3 errors" at)
if(at EQUAL -1)
  message(FATAL_ERROR "expected the summary '3 errors' on stderr, got: ${err}")
endif()
