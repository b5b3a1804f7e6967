#!/usr/bin/env bash
# A stand-in copydesk binary for `evaluate --bin` that checks the two archive backends agree.
#
# Every call with `--archive FILE.jsonl` is run twice: once as given (the in-memory index of the
# JSON Lines file) and once with `--archive DIR`, an index built from the same file by
# `copydesk archive build` (cached per file content). The index run's output is what the
# evaluate tool sees; a call whose two outputs (stdout and exit status) differ is appended
# to $CHECK_LOG. Calls without --archive pass straight through.
#
#   cargo build --release
#   CHECK_LOG=/tmp/backends.log ../shared/tools/evaluate/evaluate rewrite --archive-self \
#       --bin scripts/index-backend-check.sh
#   cat /tmp/backends.log    # no line: every article's output is the same on both backends
set -uo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bin="${COPYDESK_REAL_BIN:-$here/target/release/copydesk}"
log="${CHECK_LOG:-/tmp/copydesk-backends.log}"
cache="${INDEX_CACHE:-${TMPDIR:-/tmp}/copydesk-index-cache}"

args=("$@")
file=""
for ((i = 0; i < ${#args[@]}; i++)); do
  if [[ "${args[$i]}" == "--archive" && $((i + 1)) -lt ${#args[@]} ]]; then
    file="${args[$((i + 1))]}"
    pos=$((i + 1))
  fi
done
if [[ -z "$file" || ! -f "$file" ]]; then
  exec "$bin" "$@"
fi

mkdir -p "$cache"
key="$(sha256sum "$file" | cut -c1-32)"
dir="$cache/$key"
if [[ ! -d "$dir" ]]; then
  tmp="$(mktemp -d "$cache/build.XXXXXX")"
  rmdir "$tmp"
  "$bin" archive build "$file" -o "$tmp" 2>/dev/null && mv -T "$tmp" "$dir" 2>/dev/null || rm -rf "$tmp"
fi

out_file="$(mktemp)"
out_index="$(mktemp)"
trap 'rm -f "$out_file" "$out_index"' EXIT
# evaluate gives the brief as a file argument: stdin is not read.
"$bin" "$@" < /dev/null > "$out_file" 2>/dev/null
status_file=$?
args[$pos]="$dir"
"$bin" "${args[@]}" < /dev/null > "$out_index"
status_index=$?
if [[ $status_file -ne $status_index ]] || ! cmp -s "$out_file" "$out_index"; then
  echo "differ: status $status_file vs $status_index: $*" >> "$log"
fi
cat "$out_index"
exit $status_index
