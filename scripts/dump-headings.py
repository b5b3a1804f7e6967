#!/usr/bin/env python3
"""Dumps every generated subheading and key-figure line of a set, one a line, for reading.

Usage (from the repository root, after `cargo build --release`):

    scripts/dump-headings.py [--set FILE.jsonl] [--lang fr|en] [--bin target/release/copydesk]
                             [--min-words 700] [--topical]

Runs `copydesk batch` once over the set (items shaped like ../shared/data/*.jsonl) and prints
tab-separated lines: the item id, the rule (`fr.heading.noun-phrase`, … or `FIG` for a line of
the key-figures block), the text, and `T` for a topical subheading (its section holds source
text) or `G` for a block heading. A summary of heading rules goes to stderr. Nothing of the set
is written anywhere.
"""
import argparse
import collections
import json
import subprocess
import sys


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", default="../shared/data/wikinews-fr-dev.jsonl")
    ap.add_argument("--lang", default=None)
    ap.add_argument("--bin", default="target/release/copydesk")
    ap.add_argument("--min-words", default="700")
    ap.add_argument("--topical", action="store_true", help="only topical subheadings")
    args = ap.parse_args()
    cmd = [args.bin, "batch", args.set, "--min-words", args.min_words, "--jobs", "1"]
    if args.lang:
        cmd += ["--lang", args.lang]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    rules = collections.Counter()
    for line in out.splitlines():
        r = json.loads(line)
        if "error" in r:
            print(f"{r.get('id')}\tERROR\t{r['error']}\t")
            continue
        for s in r["sections"]:
            if s["heading"] is None:
                continue
            topical = any(b["origin"]["kind"] == "source" for b in s["blocks"])
            if topical or not args.topical:
                rules[s.get("heading_rule")] += 1
                print(f"{r['id']}\t{s.get('heading_rule')}\t{s['heading']}\t{'T' if topical else 'G'}")
            if args.topical:
                continue
            for b in s["blocks"]:
                if str(b["origin"].get("rule", "")).endswith("block.key-figures"):
                    for item in b["text"].splitlines():
                        print(f"{r['id']}\tFIG\t{item}\t")
    for rule, n in rules.most_common():
        print(f"{n:5} {rule}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
