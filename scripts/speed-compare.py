#!/usr/bin/env python3
"""Times `copydesk batch` and YAKE on the same texts, in the same run, and prints MB/s for both.

Usage (from the repository root, after `cargo build --release`):

    scripts/speed-compare.py [--set FILE.jsonl] [--lang fr|en] [--runs 5] [--repeat 1]
                             [--jobs 1,2] [--bin target/release/copydesk] [--yake-python PY]

* The texts are the items of a JSON Lines set shaped like ../shared/data/*.jsonl
  ({"id", "title", "paragraphs", ...}). They are read here and written to a temporary file as
  {"id", "title", "paragraphs"} lines (`--repeat K` writes the set K times, with new ids, so
  that the engine's start-up weighs less); nothing of the set is kept.
* Input size = the UTF-8 bytes of every title and paragraph, in MB (10^6 bytes): the same
  measure as `../shared/tools/evaluate/evaluate speed`.
* copydesk: the wall time of the whole `copydesk batch FILE --jobs N` process (start-up
  included), median of --runs, for each N of --jobs. Also the CPU time (user + sys) of the
  child, which the other users of a shared machine disturb less than the wall time.
* YAKE (pip package `yake`): `yake.KeywordExtractor(lan=LANG, n=3, top=20)` on each text (title
  and paragraphs joined by blank lines), one warm-up call, then --runs passes with a fresh
  extractor each; median wall time. It runs in the Python that has `yake` (--yake-python, or the
  environment variable YAKE_PYTHON, or ~/.cache/copydesk-eval/venv/bin/python, or this Python).
  Without YAKE the script says so and prints copydesk's numbers only.

The machine's CPU count and load average are printed with the numbers: on a shared machine
read the ratios, and run the script more than once.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SETS = {
    "fr": ROOT.parent / "shared" / "data" / "wikinews-fr-dev.jsonl",
    "en": ROOT.parent / "shared" / "data" / "news-en-dev.jsonl",
}

YAKE_TIMER = r"""
import json, sys, time, statistics
import yake
lang, runs, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
texts = json.load(open(path, encoding="utf-8"))
yake.KeywordExtractor(lan=lang, n=3, top=20).extract_keywords(texts[0])
walls, cpus = [], []
for _ in range(runs):
    kw = yake.KeywordExtractor(lan=lang, n=3, top=20)
    t, c = time.perf_counter(), time.process_time()
    for text in texts:
        kw.extract_keywords(text)
    walls.append(time.perf_counter() - t)
    cpus.append(time.process_time() - c)
print(json.dumps({"wall": statistics.median(walls), "cpu": statistics.median(cpus)}))
"""


def load_set(path: Path) -> list[dict]:
    items = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            item = json.loads(line)
            paragraphs = [p for p in item.get("paragraphs", []) if isinstance(p, str)]
            if paragraphs:
                items.append(
                    {"id": item.get("id"), "title": item.get("title") or "", "paragraphs": paragraphs}
                )
    return items


def input_bytes(items: list[dict]) -> int:
    return sum(
        len(i["title"].encode("utf-8")) + sum(len(p.encode("utf-8")) for p in i["paragraphs"])
        for i in items
    )


def time_copydesk(binary: str, path: str, jobs: int, runs: int, n_items: int) -> dict:
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        with open(os.devnull, "wb") as devnull, tempfile.TemporaryFile() as out:
            proc = subprocess.run(
                [binary, "batch", path, "--jobs", str(jobs)], stdout=out, stderr=devnull
            )
            wall = time.perf_counter() - t
            out.seek(0)
            lines = out.read().count(b"\n")
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if proc.returncode != 0 or lines != n_items:
            sys.exit(f"copydesk batch failed: exit {proc.returncode}, {lines} lines for {n_items}")
        walls.append(wall)
        cpus.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
    return {"wall": statistics.median(walls), "cpu": statistics.median(cpus), "walls": walls}


def find_yake_python(given: str | None) -> str | None:
    candidates = [
        given,
        os.environ.get("YAKE_PYTHON"),
        str(Path.home() / ".cache" / "copydesk-eval" / "venv" / "bin" / "python"),
        str(ROOT.parent / "eval" / "baselines" / ".venv" / "bin" / "python"),
        sys.executable,
    ]
    for py in candidates:
        if py and Path(py).exists():
            ok = subprocess.run([py, "-c", "import yake"], capture_output=True).returncode == 0
            if ok:
                return py
    return None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", type=Path)
    ap.add_argument("--lang", default="fr", choices=["fr", "en"])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--jobs", default="1,2", help="comma-separated thread counts for copydesk")
    ap.add_argument("--bin", default=str(ROOT / "target" / "release" / "copydesk"))
    ap.add_argument("--yake-python")
    args = ap.parse_args()

    set_path = args.set or DEFAULT_SETS[args.lang]
    items = load_set(set_path)
    if not items:
        sys.exit(f"no articles in {set_path}")
    if not Path(args.bin).exists():
        sys.exit(f"{args.bin} is missing: run cargo build --release")
    batch_items = [
        dict(item, id=f"{item['id']}#{k}") for k in range(args.repeat) for item in items
    ]
    mb = input_bytes(batch_items) / 1e6
    print(f"set {set_path.name}: {len(items)} articles x {args.repeat} = {mb:.3f} MB")
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} (before)")

    with tempfile.TemporaryDirectory() as tmp:
        jsonl = Path(tmp) / "in.jsonl"
        jsonl.write_text(
            "".join(json.dumps(i, ensure_ascii=False) + "\n" for i in batch_items), encoding="utf-8"
        )
        results = {}
        for jobs in [int(j) for j in args.jobs.split(",") if j.strip()]:
            r = time_copydesk(args.bin, str(jsonl), jobs, args.runs, len(batch_items))
            results[jobs] = r
            print(
                f"copydesk batch --jobs {jobs}: {r['wall']:.3f} s wall (median of {args.runs}; "
                f"min {min(r['walls']):.3f}, max {max(r['walls']):.3f}), {mb / r['wall']:.2f} MB/s; "
                f"CPU {r['cpu']:.3f} s, {mb / r['cpu']:.2f} MB/s per CPU second"
            )
        if 1 in results and len(results) > 1:
            for jobs, r in results.items():
                if jobs != 1:
                    print(f"speed-up --jobs {jobs} vs --jobs 1: {results[1]['wall'] / r['wall']:.2f}x (wall)")

        py = find_yake_python(args.yake_python)
        if py is None:
            print("YAKE: not installed (pip install yake in a venv, then --yake-python PY): not timed")
            return
        texts = Path(tmp) / "texts.json"
        texts.write_text(
            json.dumps(["\n\n".join([i["title"], *i["paragraphs"]]) for i in batch_items], ensure_ascii=False),
            encoding="utf-8",
        )
        out = subprocess.run(
            [py, "-c", YAKE_TIMER, args.lang, str(args.runs), str(texts)],
            capture_output=True,
            text=True,
        )
        if out.returncode != 0:
            print(f"YAKE: failed ({out.stderr.strip().splitlines()[-1:]})")
            return
        yake = json.loads(out.stdout)
        yake_mbps = mb / yake["wall"]
        print(
            f"YAKE (n=3, top=20): {yake['wall']:.3f} s wall (median of {args.runs}), {yake_mbps:.3f} MB/s; "
            f"CPU {yake['cpu']:.3f} s, {mb / yake['cpu']:.3f} MB/s per CPU second"
        )
        for jobs, r in results.items():
            print(
                f"ratio copydesk --jobs {jobs} / YAKE: {(mb / r['wall']) / yake_mbps:.0f}x wall, "
                f"{yake['cpu'] / r['cpu']:.0f}x CPU time"
            )
        print(f"machine: load average {os.getloadavg()[0]:.2f} (after)")


if __name__ == "__main__":
    main()
