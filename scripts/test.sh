#!/usr/bin/env bash
# Installs the Debian packages, builds Lectern with AddressSanitizer and
# UndefinedBehaviorSanitizer, and runs every test through ctest.
# LECTERN_SKIP_INSTALL=1 skips the package installation (for repeated local runs).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${LECTERN_SKIP_INSTALL:-0}" != 1 ]; then
  scripts/install-deps.sh
fi

jobs=$(nproc)
cmake --preset debug
cmake --build --preset debug --parallel "$jobs"
# Tests that start servers or windows run in their own environment; nothing leaves loopback.
ctest --preset debug --parallel "$jobs"
