#!/usr/bin/env bash
# The browser tier as CTest runs it (label `browser`): build the page (scripts/build-web.sh; a
# no-op when it is up to date), then open it in headless chromium with one of the tests here.
# Usage: run.sh TEST.js OUTPUT_DIR [ARGUMENTS…]   (TEST.js: first_frame.test.js, files.test.js)
set -euo pipefail
cd "$(dirname "$0")/../.."
script=$1
shift
scripts/build-web.sh
exec node "tests/browser/$script" build-web/dist/psoas-atlas.html "$@"
