#!/usr/bin/env bash
# Renders the preview of a brief (default: ../shared/examples/brief-karabakh-fr.txt) in headless
# Chromium with the network off, takes a screenshot and checks the page rendered:
#   * the PNG exists and is over 50 KB (a blank 1200×2000 page is a few KB);
#   * the DOM Chromium built (--dump-dom) holds the search snippet, the outline, the article
#     with shaded generated blocks naming their rule, and the audit table with one row a check.
# Usage: scripts/preview-check.sh [BRIEF] [OUT_DIR]    (after cargo build --release)
# Needs: Debian packages chromium (and chromium-driver); not run by CI.
set -euo pipefail
cd "$(dirname "$0")/.."
brief=${1:-../shared/examples/brief-karabakh-fr.txt}
[ -f "$brief" ] || brief=/work/shared/examples/brief-karabakh-fr.txt
out=${2:-$(mktemp -d)}
mkdir -p "$out"
bin=${COPYDESK_BIN:-target/release/copydesk}
chrome=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[ -n "$chrome" ] || { echo "chromium not found: apt-get install -y chromium chromium-driver" >&2; exit 2; }

page="$out/preview.html"
"$bin" rewrite --format preview "$brief" -o "$page" 2>/dev/null
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
       --disable-background-networking --disable-component-update --disable-sync
       --hide-scrollbars)
profile=$(mktemp -d)
"$chrome" "${flags[@]}" --user-data-dir="$profile" --screenshot="$out/preview.png" \
  --window-size=1200,2000 "file://$(realpath "$page")" >/dev/null 2>"$out/chromium.log" || true
"$chrome" "${flags[@]}" --user-data-dir="$profile" --dump-dom \
  "file://$(realpath "$page")" >"$out/dom.html" 2>>"$out/chromium.log" || true
rm -rf "$profile"

fail=0
check() { if eval "$2"; then echo "ok   $1"; else echo "FAIL $1"; fail=1; fi; }
size=$(stat -c %s "$out/preview.png" 2>/dev/null || echo 0)
check "screenshot $out/preview.png ($size bytes) over 50 KB" "[ $size -gt 50000 ]"
check "PNG signature" "head -c 8 '$out/preview.png' | od -An -c | grep -q 'P   N   G'"
checks=$(grep -c '<tr class=' "$page" || true)
rows=$(grep -c '<tr class=' "$out/dom.html" || true)
check "DOM: search snippet" "grep -q 'class=\"serp\"' '$out/dom.html'"
check "DOM: outline" "grep -q 'id=\"outline\"' '$out/dom.html'"
check "DOM: generated blocks with their rule ($(grep -o 'class="gen" title="[^"]*"' "$out/dom.html" | wc -l))" \
  "grep -q 'class=\"gen\" title=\"fr\.' '$out/dom.html'"
check "DOM: audit table, $rows rows for $checks checks" "[ $rows -gt 15 ] && [ $rows -eq $checks ]"
echo "files in $out"
exit $fail
