#!/usr/bin/env bash
# The browser tier as CTest runs it (label `browser`): build the page (scripts/build-web.sh; a
# no-op when it is up to date), then open it in headless chromium and compare it with the desktop.
# Usage: run.sh OUTPUT_DIR [DESKTOP_EXECUTABLE]
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/build-web.sh
exec node tests/browser/first_frame.test.js build-web/dist/psoas-atlas.html "$@"
