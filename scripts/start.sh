#!/usr/bin/env bash
# Installs the Debian packages, builds a release of Lectern and starts it on the bundled
# sample content: the desktop app when there is a display, else a tour of the command line
# (lint the space, search it the way an agent types, show the refund call script).
# LECTERN_SKIP_INSTALL=1 skips the package installation.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${LECTERN_SKIP_INSTALL:-0}" != 1 ]; then
  scripts/install-deps.sh
fi

cmake --preset release
cmake --build --preset release --parallel "$(nproc)"

lectern=build/release/client/cli/lectern
desktop=build/release/client/desktop/lectern-desktop

echo
echo "== lectern lint content"
"$lectern" lint content

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -x "$desktop" ]; then
  echo
  echo "== lectern-desktop --sample  (the bundled sample content, offline; Ctrl+K or / to search, F1 for every key)"
  exec "$desktop" --sample
fi

echo
echo "(no display: showing the command line instead of the desktop app)"
echo
echo "== lectern index --space content"
"$lectern" index --space content
echo
echo "== lectern search --space content money back"
"$lectern" search --space content money back
echo
echo "== lectern search --space content zwrot lang:pl"
"$lectern" search --space content zwrot lang:pl
echo
echo "== lectern show refund-request --space content"
"$lectern" show refund-request --space content
