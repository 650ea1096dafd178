#!/usr/bin/env bash
# Runs the GIFT parser's libFuzzer target for a long time (default one hour), keeping what it
# finds in build/fuzz-corpus/gift so later runs start from there.
# Usage: scripts/fuzz.sh [SECONDS] [extra libFuzzer options, e.g. -jobs=2 -workers=2]
# A crash leaves crash-<sha1> in the current folder; replay it with
#   build/debug/tests/fuzz/lectern-gift-fuzzer crash-<sha1>
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-3600}
shift || true

cmake --preset debug >/dev/null
cmake --build --preset debug --target gift_fuzzer
corpus=build/fuzz-corpus/gift
mkdir -p "$corpus"
exec build/debug/tests/fuzz/lectern-gift-fuzzer -max_total_time="$seconds" -timeout=5 \
  -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 -dict=tests/fuzz/gift.dict "$@" \
  "$corpus" content/quizzes tests/resources/quiz-space/quizzes tests/resources/gift
