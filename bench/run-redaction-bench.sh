#!/bin/bash
# Redaction benchmark: `lectern lesson redact` (Release build) against ffmpeg's own
# crop+boxblur+overlay pipeline with the same encoder settings (libx264 -preset veryfast
# -crf 20, yuv420p, audio copied), on the same generated screen recording, in the same run,
# alternating, REPS times each. Prints the medians and the ratio (goal: Lectern within 1.1x of
# ffmpeg) as a table for docs/benchmarks.md.
#
# Usage: bench/run-redaction-bench.sh [--minutes M] [--width W] [--height H] [--reps N]
# Environment: BUILD_DIR (default build/bench), WORK_DIR (default build/bench-work/redaction;
# the recording is generated once and reused), JOBS (default 2), TIMEOUT (seconds per run,
# default 900: the benchmark is bounded).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$ROOT/build/bench}"
WORK_DIR="${WORK_DIR:-$ROOT/build/bench-work/redaction}"
JOBS="${JOBS:-2}"
TIMEOUT="${TIMEOUT:-900}"
MINUTES=2 WIDTH=1920 HEIGHT=1080 REPS=3
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) MINUTES="$2"; shift 2 ;;
    --width) WIDTH="$2"; shift 2 ;;
    --height) HEIGHT="$2"; shift 2 ;;
    --reps) REPS="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DLECTERN_BUILD_BENCH=ON \
      -DLECTERN_BUILD_TESTS=OFF -DLECTERN_BUILD_DESKTOP=OFF -DLECTERN_BUILD_SERVER=OFF >/dev/null
ninja -C "$BUILD_DIR" -j"$JOBS" lectern >/dev/null
LECTERN="$BUILD_DIR/client/cli/lectern"

mkdir -p "$WORK_DIR"
seconds=$(awk "BEGIN { print $MINUTES * 60 }")
recording="$WORK_DIR/recording-${MINUTES}min-${WIDTH}x${HEIGHT}.mp4"
if [ ! -s "$recording" ]; then
  # A CRM-like screen: a header, pages replacing each other every 10 s, a form with fields
  # (what gets redacted), a moving pointer; AAC audio.
  echo "making $recording..." >&2
  ffmpeg -hide_banner -loglevel error -y \
    -f lavfi -i "color=c=0xf4f4f4:s=${WIDTH}x${HEIGHT}:r=30:d=$seconds" \
    -f lavfi -i "color=c=black:s=16x24:r=30:d=$seconds" \
    -f lavfi -i "sine=f=330:d=$seconds" \
    -filter_complex "[0]drawbox=x=0:y=0:w=iw:h=ih/24:c=0x2f4f8f:t=fill,drawbox=x=iw/10:y=ih/6:w=iw*2/3:h=ih*2/3:c=0xd8e0f0:t=fill:enable='lt(mod(t,20),10)',drawbox=x=iw/5:y=ih/4:w=iw/2:h=ih/2:c=0xf0e0c8:t=fill:enable='gte(mod(t,20),10)',drawbox=x=iw/8:y=ih/5:w=iw/4:h=ih/10:c=white:t=fill,drawgrid=w=iw/16:h=ih/12:t=1:c=0x808080@0.5[bg];[bg][1]overlay=x='W/2+W*2/5*sin(t*0.9)':y='H/2+H*2/5*cos(t*0.7)':shortest=1[v]" \
    -map "[v]" -map 2:a -c:a aac -c:v libx264 -preset ultrafast -g 300 -pix_fmt yuv420p \
    -t "$seconds" "$recording"
fi

# The region: a quarter of the width, a tenth of the height (a customer's name and card
# number), blurred for the whole video.
rx=$((WIDTH / 8)) ry=$((HEIGHT / 5)) rw=$((WIDTH / 4)) rh=$((HEIGHT / 10))
space="$WORK_DIR/space"
rm -rf "$space" && mkdir -p "$space"
printf 'title: Redaction bench\nlanguages: [en]\n' > "$space/lectern.yaml"
"$LECTERN" lesson import "$recording" --into lessons/bench --space "$space" >/dev/null
lesson_md="$space/lessons/bench/lesson.md"
# The region goes under `redact` in the front matter (before its closing ---).
awk -v box="[$rx, $ry, $rw, $rh]" 'BEGIN { n = 0 } /^---$/ { n++; if (n == 2) { print "redact:"; print "  - box: " box; print "    style: blur" } } { print }' \
  "$lesson_md" > "$lesson_md.new" && mv "$lesson_md.new" "$lesson_md"

blur=$((rh / 6)); [ "$blur" -lt 5 ] && blur=5
LOAD_BEFORE="$(cut -d" " -f1-3 /proc/loadavg)"  # 1, 5 and 15 minutes, as uptime says
now() { date +%s.%N; }
# CPU seconds (user + system) of a command and every process it waited for: on a machine
# shared with other work, the figure that load does not move much.
cpu_file="$WORK_DIR/cpu-seconds"
cpu() { /usr/bin/time -f "%U %S" -o "$cpu_file" "$@"; }
cpu_of_last() { awk '{ print $1 + $2 }' "$cpu_file"; }
lectern_times=() ffmpeg_times=() lectern_cpu=() ffmpeg_cpu=()
for rep in $(seq 1 "$REPS"); do
  # Alternate which one runs first, so neither always meets a warmer cache.
  for tool in $( [ $((rep % 2)) -eq 1 ] && echo "lectern ffmpeg" || echo "ffmpeg lectern" ); do
    t0=$(now)
    if [ "$tool" = lectern ]; then
      cpu timeout "$TIMEOUT" "$LECTERN" lesson redact lessons/bench --original "$recording" \
        --space "$space" >/dev/null
      lectern_times+=("$(awk "BEGIN { print $(now) - $t0 }")")
      lectern_cpu+=("$(cpu_of_last)")
    else
      cpu timeout "$TIMEOUT" ffmpeg -hide_banner -loglevel error -y -i "$recording" -filter_complex \
        "[0:v]crop=$rw:$rh:$rx:$ry,boxblur=$blur:3[b];[0:v][b]overlay=$rx:$ry[v]" \
        -map "[v]" -map "0:a?" -c:v libx264 -preset veryfast -crf 20 -pix_fmt yuv420p \
        -c:a copy -movflags +faststart "$WORK_DIR/redacted-ffmpeg.mp4"
      ffmpeg_times+=("$(awk "BEGIN { print $(now) - $t0 }")")
      ffmpeg_cpu+=("$(cpu_of_last)")
    fi
    echo "run $rep $tool: $( [ "$tool" = lectern ] && echo "${lectern_times[-1]}" || echo "${ffmpeg_times[-1]}" ) s" >&2
  done
done

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
lm=$(median "${lectern_times[@]}") fm=$(median "${ffmpeg_times[@]}")
lc=$(median "${lectern_cpu[@]}") fc=$(median "${ffmpeg_cpu[@]}")
audio=$(ffprobe -v error -select_streams a -show_entries stream=codec_name -of csv=p=0 \
        "$space/lessons/bench/video.mp4" || true)
echo
echo "Recording: $MINUTES min ${WIDTH}x${HEIGHT} 30 fps, AAC; region ${rw}x${rh} at $rx,$ry, blurred throughout; $REPS runs each, alternating; load average before: $LOAD_BEFORE, after: $(cut -d" " -f1-3 /proc/loadavg)"
echo
echo "| redaction | runs (s) | median (s) | × real time | CPU s, runs | CPU s, median |"
echo "|---|---|---:|---:|---|---:|"
printf '| `lectern lesson redact` (ffmpeg decodes to YUV 4:2:0, Lectern hides the regions, ffmpeg libx264 encodes, audio muxed: %s) | %s | %.1f | %.1f× | %s | %.1f |\n' \
  "${audio:-none}" "$(printf '%.1f ' "${lectern_times[@]}")" "$lm" "$(awk "BEGIN { print $seconds / $lm }")" \
  "$(printf '%.1f ' "${lectern_cpu[@]}")" "$lc"
printf '| ffmpeg crop+boxblur+overlay, same encoder settings | %s | %.1f | %.1f× | %s | %.1f |\n' \
  "$(printf '%.1f ' "${ffmpeg_times[@]}")" "$fm" "$(awk "BEGIN { print $seconds / $fm }")" \
  "$(printf '%.1f ' "${ffmpeg_cpu[@]}")" "$fc"
echo
printf 'Lectern / ffmpeg: %.2f× in time (goal ≤ 1.10×), %.2f× in CPU seconds\n' \
  "$(awk "BEGIN { print $lm / $fm }")" "$(awk "BEGIN { print $lc / $fc }")"
