#!/bin/sh
# Prints typeset-report.html to typeset-report.pdf with Chromium (Debian's `chromium`), the
# fixture the PDF reader's tests read. Chromium writes different bytes from one version to
# the next, so the tests read the committed PDF; after remaking it, run
# tests/test_extract_documents.py and commit both files together.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
"${CHROMIUM:-chromium}" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --no-pdf-header-footer \
    --print-to-pdf="$here/typeset-report.pdf" "file://$here/typeset-report.html"
