# Makes a git working tree of the sample content with two lessons, for the GUI test of the
# lesson window: a recording made with ffmpeg (three screens, changing at 3 s and 6 s)
# imported with `lectern lesson import`, a transcript with words only one step has, and a
# second lesson whose video is a Git LFS pointer (never downloaded). The first lesson is on
# the onboarding path. Its origin names the
# space "northwind" of a server, so completions are signed into that space's ledger.
# -DSOURCE=content folder, -DDEST=folder to create (removed first), -DGIT=git,
# -DLECTERN=the lectern CLI, -DFFMPEG=ffmpeg

file(REMOVE_RECURSE "${DEST}" "${DEST}.video")
file(COPY "${SOURCE}/" DESTINATION "${DEST}")
file(MAKE_DIRECTORY "${DEST}.video")
set(git_id -c user.name=Kadri\ Tamm -c user.email=kadri@example.org -c init.defaultBranch=main
           -c commit.gpgsign=false)

function(run)
  execute_process(COMMAND ${ARGN} WORKING_DIRECTORY "${DEST}" RESULT_VARIABLE rc
                  OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed: ${ARGN}\n${out}")
  endif()
endfunction()

set(video "${DEST}.video/refund.mp4")
run(${FFMPEG} -hide_banner -loglevel error -y -f lavfi -i color=c=0xf4f4f4:s=640x360:r=15:d=9
    -f lavfi -i sine=f=330:d=9
    -vf "drawbox=x=0:y=0:w=640:h=30:c=0x2f4f8f:t=fill,drawbox=x=60:y=60:w=420:h=240:c=0x3060a0:t=fill:enable='gte(t,3)',drawbox=x=200:y=120:w=380:h=200:c=0xe0a030:t=fill:enable='gte(t,6)'"
    -c:v libx264 -pix_fmt yuv420p -c:a aac -shortest "${video}")
run(${LECTERN} lesson import "${video}" --into lessons/refund-in-crm --space "${DEST}"
    --title "Refund in the CRM")
run(${LECTERN} lesson import "${video}" --into lessons/offline-refund --space "${DEST}"
    --title "Refund, offline copy")

function(add_transcript slug text)
  file(APPEND "${DEST}/lessons/${slug}/lesson.md" "${text}")
endfunction()
add_transcript(refund-in-crm "
[0:00] Open the customer's account from the search box.

[0:04] The refund form opens: check the amount.

[0:07] Press Refund; the quokka in the corner confirms it.
")
add_transcript(offline-refund "
[0:04] The wombat form opens.
")
# The first lesson on the onboarding path, so that its completion counts there.
file(APPEND "${DEST}/paths/new-agent.yaml" "  - title: Lessons
    items:
      - ref: refund-in-crm
        due_days: 7
")
# The second lesson's video as a clone has it before `git lfs pull`: a pointer.
file(SHA256 "${video}" oid)
file(SIZE "${video}" size)
file(WRITE "${DEST}/lessons/offline-refund/video.mp4"
     "version https://git-lfs.github.com/spec/v1\noid sha256:${oid}\nsize ${size}\n")

run(${GIT} init -q)
run(${GIT} ${git_id} add -A)
run(${GIT} ${git_id} commit -q -m "Sample content with two lessons")
run(${GIT} remote add origin http://127.0.0.1:9/northwind/content.git)
