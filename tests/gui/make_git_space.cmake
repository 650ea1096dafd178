# Makes a git working tree of the sample content with a history, for the GUI tests of the
# History view: a first commit, then a second that changes words of the VPN procedure.
# -DSOURCE=content folder, -DDEST=folder to create (removed first), -DGIT=git

file(REMOVE_RECURSE "${DEST}")
file(COPY "${SOURCE}/" DESTINATION "${DEST}")
set(git_env ${CMAKE_COMMAND} -E env GIT_AUTHOR_DATE=2026-10-01T09:00:00+02:00
            GIT_COMMITTER_DATE=2026-10-01T09:00:00+02:00)
set(git_id -c user.name=Kadri\ Tamm -c user.email=kadri@example.org -c init.defaultBranch=main
           -c commit.gpgsign=false)

function(run)
  execute_process(COMMAND ${ARGN} WORKING_DIRECTORY "${DEST}" RESULT_VARIABLE rc OUTPUT_QUIET)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed: ${ARGN}")
  endif()
endfunction()

run(${GIT} init -q)
run(${GIT} ${git_id} add -A)
run(${git_env} ${GIT} ${git_id} commit -q -m "VPN and workstation security, first version")

set(vpn "${DEST}/procedures/vpn-security.md")
file(READ "${vpn}" text)
string(REPLACE "security line within 1 hour" "security line within 15 minutes" text "${text}")
string(REPLACE "at least 5 working days" "at least 10 working days" text "${text}")
file(WRITE "${vpn}" "${text}")
run(${CMAKE_COMMAND} -E env GIT_AUTHOR_DATE=2026-10-20T14:30:00+02:00
    GIT_COMMITTER_DATE=2026-10-20T14:30:00+02:00
    ${GIT} ${git_id} commit -q -a -m "Report MFA prompts within 15 minutes, approval 10 days ahead")

file(READ "${vpn}" text)
string(REPLACE "with an Ethernet cable" "with a network cable" text "${text}")
file(WRITE "${vpn}" "${text}")
run(${CMAKE_COMMAND} -E env GIT_AUTHOR_DATE=2026-10-21T08:15:00+02:00
    GIT_COMMITTER_DATE=2026-10-21T08:15:00+02:00
    ${GIT} ${git_id} commit -q -a -m "Say network cable" -m "Lectern-Change: minor")
