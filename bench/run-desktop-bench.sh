#!/bin/bash
# The desktop app's benchmark: a Release lectern-desktop on a generated space of N documents
# (default 50,000) under Xvfb, driven by its built-in "bench" scenario: process start to usable
# search (the space loaded and its index up to date), keystroke to results on screen while
# words are typed letter by letter, resident memory; then the library's biggest group opened
# with Right and moved through with Down and Page Up/Down, each key timed from its arrival in
# the window to its rows drawn with the window's thread free again, and the longest time that
# thread was away meanwhile (library_*). Prints the figures and the load average around each
# run.
# Usage: bench/run-desktop-bench.sh [DOCS]. Environment: BUILD_DIR (default
# build/bench-desktop), WORK_DIR (default build/bench-work; the space is made once), JOBS (2).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$ROOT/build/bench-desktop}"
WORK_DIR="${WORK_DIR:-$ROOT/build/bench-work}"
JOBS="${JOBS:-2}"
DOCS="${1:-50000}"

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DLECTERN_BUILD_BENCH=ON \
      -DLECTERN_BUILD_TESTS=OFF -DLECTERN_BUILD_DESKTOP=ON -DLECTERN_BUILD_SERVER=OFF \
      "${launcher[@]}" >/dev/null
ninja -C "$BUILD_DIR" -j"$JOBS" lectern-desktop lectern lectern_corpus_tool

space="$WORK_DIR/desktop-space-$DOCS"
index="$WORK_DIR/desktop-index-$DOCS"
mkdir -p "$WORK_DIR"
[ -f "$space/lectern.yaml" ] || "$BUILD_DIR/bench/lectern_corpus_tool" write "$space" "$DOCS"
# The index is made before the timed start, as after an agent's first sync.
start=$(date +%s.%N)
LECTERN_INDEX_DIR="$index" "$BUILD_DIR/client/cli/lectern" index --space "$space" >/dev/null
echo "index of $DOCS documents made in $(echo "$(date +%s.%N) - $start" | bc) s"

home="$WORK_DIR/desktop-home"
rm -rf "$home" && mkdir -p "$home/data" "$home/config"
# Three runs: the first warms the page cache (the figures are warm starts).
# The load average (1 minute) before and after each run goes with its figures: on a shared
# machine it decides the start and keystroke times.
for run in 1 2 3; do
  echo "run $run: load_before $(cut -d' ' -f1 /proc/loadavg)"
  XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" LECTERN_INDEX_DIR="$index" \
    xvfb-run -a -s "-screen 0 1280x800x24" \
    "$BUILD_DIR/client/desktop/lectern-desktop" --space "$space" --config "$home/settings.ini" \
    --gui-test bench 2>/dev/null | sed "s/^bench: /run $run: /"
  echo "run $run: load_after $(cut -d' ' -f1 /proc/loadavg)"
done
