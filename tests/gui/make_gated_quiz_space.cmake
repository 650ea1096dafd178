# Makes a git working tree of the sample content in which the security quiz gates the VPN
# procedure (gates_signoff: true), for the GUI test of quizzes recorded in the app. Its origin
# names the space "northwind" of a server (never reached), so attempts and sign-offs are signed
# into that space's ledger on this machine and wait there for a sync.
# -DSOURCE=content folder, -DDEST=folder to create (removed first), -DGIT=git

file(REMOVE_RECURSE "${DEST}")
file(COPY "${SOURCE}/" DESTINATION "${DEST}")
set(git_id -c user.name=Kadri\ Tamm -c user.email=kadri@example.org -c init.defaultBranch=main
           -c commit.gpgsign=false)

function(run)
  execute_process(COMMAND ${ARGN} WORKING_DIRECTORY "${DEST}" RESULT_VARIABLE rc
                  OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed: ${ARGN}\n${out}")
  endif()
endfunction()

set(quiz "${DEST}/quizzes/security-basics.gift")
file(READ "${quiz}" text)
string(REPLACE "tests: vpn-security\n" "tests: vpn-security\ngates_signoff: true\n" text "${text}")
file(WRITE "${quiz}" "${text}")

run(${GIT} init -q)
run(${GIT} ${git_id} add -A)
run(${GIT} ${git_id} commit -q -m "The security quiz gates the VPN procedure")
run(${GIT} remote add origin http://127.0.0.1:9/northwind/content.git)
