# Makes a copy of the sample content with COUNT more procedures (titled "Generated procedure
# NNNN, <word>"), for the GUI test of a library group too large to be listed at once.
# -DSOURCE=content folder, -DDEST=folder to create (removed first), -DCOUNT=number

file(REMOVE_RECURSE "${DEST}")
file(COPY "${SOURCE}/" DESTINATION "${DEST}")
set(words account balance boiler battery letter meter router invoice address service)
math(EXPR last "${COUNT} - 1")
foreach(n RANGE ${last})
  math(EXPR pick "${n} % 10")
  list(GET words ${pick} word)
  string(LENGTH "${n}" digits)
  math(EXPR zeros "4 - ${digits}")
  string(REPEAT "0" ${zeros} padded)
  string(APPEND padded "${n}")
  file(WRITE "${DEST}/procedures/generated-${padded}.md"
"---
id: generated-${padded}
type: procedure
title: Generated procedure ${padded}, ${word}
lang: en
owner: kadri.tamm
updated: 2026-10-20
review_by: 2027-04-30
signoff: optional
summary: A generated procedure about the ${word}.
---

## Steps

1. Check the ${word}.
")
endforeach()
