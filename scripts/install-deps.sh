#!/usr/bin/env bash
# Installs every Debian 12 package Lectern needs to build, test and run.
# Usage: scripts/install-deps.sh        (as root, or with sudo available)
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config git clang-format
  # the GIFT fuzzer (libFuzzer comes with clang's runtime libraries)
  clang libclang-rt-14-dev
  # core libraries
  libxapian-dev libgit2-dev libcmark-gfm-dev libcmark-gfm-extensions-dev
  libopencv-core-dev libopencv-imgproc-dev libopencv-imgcodecs-dev libopencv-videoio-dev libopencv-dev
  libyaml-cpp-dev nlohmann-json3-dev libvalijson-dev libsodium-dev libsqlite3-dev zlib1g-dev
  libzstd-dev libtomlplusplus-dev libcurl4-openssl-dev libjemalloc-dev
  # front ends
  libwxgtk3.2-dev libwxgtk-media3.2-dev libgstreamer1.0-dev libcpp-httplib-dev libcli11-dev gettext
  # lesson playback in the app (wxMediaCtrl's GStreamer backend: MP4, H.264, AAC, X video)
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-libav gstreamer1.0-x
  # tests and benchmarks
  libgtest-dev libgmock-dev git-lfs lighttpd sqlite3 ripgrep ffmpeg xvfb xauth imagemagick poppler-utils
  time
)

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update
"${sudo_cmd[@]}" apt-get install -y --no-install-recommends "${packages[@]}"
