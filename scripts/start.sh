#!/usr/bin/env bash
# Installs the Debian packages, builds a release of Lectern and runs it on the bundled
# sample content: lint the space, list its documents, show the refund call script.
# LECTERN_SKIP_INSTALL=1 skips the package installation.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${LECTERN_SKIP_INSTALL:-0}" != 1 ]; then
  scripts/install-deps.sh
fi

cmake --preset release
cmake --build --preset release --parallel "$(nproc)"

lectern=build/release/client/cli/lectern
echo
echo "== lectern lint content"
"$lectern" lint content
echo
echo "== lectern list --space content"
"$lectern" list --space content
echo
echo "== lectern show refund-request --space content"
"$lectern" show refund-request --space content
