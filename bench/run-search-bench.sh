#!/bin/bash
# Builds the search benchmark (Release) and runs it at 1k, 10k and 50k documents, then writes
# the search section of docs/benchmarks.md.
# Usage: bench/run-search-bench.sh [--parts index] [--rounds N] [SIZES...]
#   --parts index   indexing and re-indexing only (no queries); prints the rows and leaves
#                   docs/benchmarks.md as it is: for iterating on indexing, e.g. 10000 first.
#   --rounds N      re-index rounds per case (default 5; the median is reported).
# Environment: BUILD_DIR (default build/bench), WORK_DIR (default build/bench-work; corpora
# are generated once and reused), JOBS (default 2).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$ROOT/build/bench}"
WORK_DIR="${WORK_DIR:-$ROOT/build/bench-work}"
JOBS="${JOBS:-2}"
PARTS=all
ROUNDS=5
SIZES=()
while [ $# -gt 0 ]; do
  case "$1" in
    --parts) PARTS="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) SIZES+=("$1"); shift ;;
  esac
done
case "$PARTS" in all|index) ;; *) echo "--parts is all or index" >&2; exit 2 ;; esac
[ ${#SIZES[@]} -eq 0 ] && SIZES=(1000 10000 50000)

cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DLECTERN_BUILD_BENCH=ON \
      -DLECTERN_BUILD_TESTS=OFF -DLECTERN_BUILD_DESKTOP=OFF -DLECTERN_BUILD_SERVER=OFF >/dev/null
ninja -C "$BUILD_DIR" -j"$JOBS" lectern_search_bench
mkdir -p "$WORK_DIR"
LOAD_START=$(cut -d' ' -f1 /proc/loadavg)
ROWS="$WORK_DIR/rows.txt"
: > "$ROWS"
for n in "${SIZES[@]}"; do
  "$BUILD_DIR/bench/lectern_search_bench" --docs "$n" --work "$WORK_DIR" --queries 1000 --rg-queries 50 \
      --rows "$ROWS" --parts "$PARTS" --rounds "$ROUNDS"
done
LOAD_END=$(cut -d' ' -f1 /proc/loadavg)
if [ "$PARTS" != all ]; then
  sed 's/^INDEX//' "$ROWS"
  exit 0
fi

query_rows=$(grep -v '^INDEX|' "$ROWS")
index_rows=$(grep '^INDEX|' "$ROWS" | sed 's/^INDEX//')
SECTION="$WORK_DIR/search-section.md"
cat > "$SECTION" <<MD
<!-- search-bench:begin (written by bench/run-search-bench.sh; edit the script, not this) -->
## Search

Reproduce with \`bench/run-search-bench.sh\` (Release build; corpora under build/bench-work are
generated once from the word lists in bench/corpus_generator.cpp and reused). Machine: $(nproc)
cores of $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date +%Y-%m-%d); load average
(1 minute) $LOAD_START at the start and $LOAD_END at the end. Both engines of a row run in the same
process one after the other, so on a busy machine compare the ratios rather than the times.

Each corpus holds N procedures and call scripts (half English, the rest Polish, Norwegian,
Estonian and Russian; about 350 words each in 3–6 sections). 1,000 queries per engine, the way
agents type: 40% are every prefix of one or two words typed a letter at a time ("r", "re",
"ref"…), the rest one or two whole words and typos. Every engine answers the same queries on the
same documents: any of the words, the last one a prefix, top 10, best first. Latencies in ms,
caches warm (each engine runs the queries once before the timed run).

- **Lectern**: \`search::Searcher\` with everything on: stems in all five languages, bounded
  prefix expansion, spelling check, synonyms, filters, snippets for the 10 results.
- **bare Xapian**: Xapian's QueryParser on the same database, English stemmer, the same
  expansion bound, top 10 with their stored data; no snippets, spelling or synonyms.
- **FTS5**: SQLite FTS5 (unicode61, remove_diacritics, prefix indexes 1–3), bm25 with the title
  weighted 10, \`snippet()\` for the 10 results.
- **ripgrep**: \`rg -l -i -F -e WORD…\` over the files, 50 of the queries (it has no ranking).

| docs | Lectern p50 | Lectern p99 | bare Xapian p50 | bare Xapian p99 | FTS5 p50 | FTS5 p99 | rg p50 | rg p99 | Lectern/FTS5 p99 | Lectern/bare p99 | rg/Lectern p50 |
|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
$query_rows

Indexing. *full* is \`lectern index --rebuild\`: reading and checking the files (front matter,
schema) plus indexing; *index part* leaves out the reading and checking, which is shared with any
engine, and is what compares with FTS5's insert of the same documents' text (after the same
Markdown-to-text step); rates are the medians of three rebuilds by each engine, taking turns
(FTS5 into a new file each time). Re-indexing 10 changed documents: *after sync* is a commit
diffed against the indexed one (the agent's clone); *with work tree* also scans the work tree for
uncommitted edits (what \`git status\` finds, a trainer's checkout), and each of its rounds
indexes the 10 documents of the round before as committed plus 10 edited ones. Median of
$ROUNDS rounds, in ms.

| docs | full (docs/s) | index part (docs/s) | FTS5 (docs/s) | index part/FTS5 | re-index 10, after sync (ms) | re-index 10, with work tree (ms) |
|---:|---:|---:|---:|---:|---:|---:|
$index_rows
<!-- search-bench:end -->
MD

DOC="$ROOT/docs/benchmarks.md"
if [ ! -f "$DOC" ]; then
  printf '# Benchmarks\n\n' > "$DOC"
fi
python3 - "$DOC" "$SECTION" <<'PY'
import re, sys
doc, section = open(sys.argv[1]).read(), open(sys.argv[2]).read()
pattern = re.compile(r'<!-- search-bench:begin.*?<!-- search-bench:end -->\n', re.S)
doc = pattern.sub(lambda m: section, doc) if pattern.search(doc) else doc.rstrip('\n') + '\n\n' + section
open(sys.argv[1], 'w').write(doc)
PY
echo "wrote the search section of $DOC"
