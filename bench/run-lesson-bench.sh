#!/bin/bash
# Builds the lesson benchmark (Release) and runs it on a generated 10-minute 1080p30 screen
# recording: Lectern's step detection against ffmpeg's scene filter, and Lectern's redaction
# against ffmpeg's crop+boxblur+overlay, in the same run. Prints the figures for
# docs/benchmarks.md. Usage: bench/run-lesson-bench.sh [--minutes M] [--width W] [--height H]
# Environment: BUILD_DIR (default build/bench), WORK_DIR (default build/bench-work/lesson; the
# recording is generated once and reused), JOBS (default 2).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$ROOT/build/bench}"
WORK_DIR="${WORK_DIR:-$ROOT/build/bench-work/lesson}"
JOBS="${JOBS:-2}"

cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DLECTERN_BUILD_BENCH=ON \
      -DLECTERN_BUILD_TESTS=OFF -DLECTERN_BUILD_DESKTOP=OFF -DLECTERN_BUILD_SERVER=OFF >/dev/null
ninja -C "$BUILD_DIR" -j"$JOBS" lectern_lesson_bench
mkdir -p "$WORK_DIR"
"$BUILD_DIR/bench/lectern_lesson_bench" --work "$WORK_DIR" "$@"
