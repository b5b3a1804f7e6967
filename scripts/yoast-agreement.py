#!/usr/bin/env python3
"""How often `copydesk audit` rates a check as Yoast does.

For every article of a dev set (JSON Lines {"id", "title", "paragraphs"}), this script writes an
evaluate-style brief (template a: "Customize this title in <lang>…, create at least 700 words"),
runs `copydesk rewrite --format json` on it, then scores the rewritten article twice with the same
fields — the Markdown body, the focus keyphrase, the SEO title, the meta description, the slug:

  * `../shared/tools/yoast/yoast-score` (Yoast SEO's content analysis, yoastseo 3.6.0), as
    `evaluate rewrite --yoast` does: {text: markdown, format: markdown, keyphrase, title,
    description, slug, locale};
  * `copydesk audit --format json --keyphrase … --title … --meta … --slug … --lang …` on the
    same Markdown.

It reports, for each Yoast assessment that the audit also rates, the share of articles on which the
two ratings (good / ok / bad) agree, and the total over all (article, assessment) pairs. Yoast's
silent results (score 0, "feedback") and the audit's "n/a" agree with each other; a pair where only
one side rates counts as a disagreement. Flesch reading ease is not a Yoast assessment (3.6.0 shows
it as an insight): its value and band are compared separately.

Usage (from the repository root, after `cargo build --release`):
  scripts/yoast-agreement.py [--set ../shared/data/wikinews-fr-dev.jsonl] [--lang fr|en]
                             [--limit N] [--jobs 2] [--report FILE] [--show-disagreements]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
if not os.path.isdir(SHARED):
    SHARED = "/work/shared"
YOAST = os.path.join(SHARED, "tools", "yoast", "yoast-score")
BIN = os.environ.get("COPYDESK_BIN", os.path.join(ROOT, "target", "release", "copydesk"))

BRIEF = {
    "fr": "Customize this title in french{title}\n\nMake this article seo compatible,Let there be "
          "subheadings for the article, be in french, create at least 700 words\n\n{body}\n",
    "en": "Customize this title in english{title}\n\nMake this article seo compatible,Let there be "
          "subheadings for the article, be in english, create at least 700 words\n\n{body}\n",
}
LOCALE = {"fr": "fr_FR", "en": "en_US"}


def run(cmd, stdin=None):
    p = subprocess.run(cmd, input=stdin, capture_output=True, text=True, timeout=120)
    if p.returncode != 0:
        raise RuntimeError(f"{cmd[0]} exited {p.returncode}: {p.stderr.strip()[-300:]}")
    return p.stdout


def flesch_band(s):
    for lim, name in ((90, "very easy"), (80, "easy"), (70, "fairly easy"), (60, "okay"),
                      (50, "fairly difficult"), (30, "difficult")):
        if s >= lim:
            return name
    return "very difficult"


def one(item, lang):
    brief = BRIEF[lang].format(title=item.get("title", ""), body="\n\n".join(item["paragraphs"]))
    with tempfile.TemporaryDirectory() as tmp:
        bpath = os.path.join(tmp, "brief.txt")
        with open(bpath, "w", encoding="utf-8") as f:
            f.write(brief)
        art = json.loads(run([BIN, "rewrite", "--format", "json", bpath]))
        mpath = os.path.join(tmp, "article.md")
        with open(mpath, "w", encoding="utf-8") as f:
            f.write(art["markdown"])
        yin = json.dumps({"text": art["markdown"], "format": "markdown",
                          "keyphrase": art["focus_keyphrase"], "title": art["title"],
                          "description": art["meta_description"], "slug": art["slug"],
                          "locale": LOCALE[lang]})
        yoast = json.loads(run([YOAST, "--compact"], stdin=yin))
        mine = json.loads(run([BIN, "audit", "--format", "json", "--lang", lang,
                               "--keyphrase", art["focus_keyphrase"], "--title", art["title"],
                               "--meta", art["meta_description"], "--slug", art["slug"], mpath]))
    ratings_y = {}
    for group in ("seo", "readability"):
        for a in yoast[group]["assessments"]:
            r = a["rating"]
            ratings_y[a["id"]] = r if r in ("good", "ok", "bad") else None
    ratings_m = {c["yoast"]: c["rating"] for c in mine["checks"] if c.get("yoast")}
    mine_flesch = next((c["value"] for c in mine["checks"] if c["id"] == "flesch-reading-ease"), None)
    return {
        "id": item.get("id"),
        "yoast": ratings_y,
        "audit": ratings_m,
        "flesch": {"yoast": yoast["insights"].get("fleschReadingEase", {}).get("score"),
                   "audit": mine_flesch},
        "insights": yoast["insights"],
        "audit_checks": {c["id"]: c["value"] for c in mine["checks"]},
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", default=None)
    ap.add_argument("--lang", default="fr", choices=["fr", "en"])
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--report", default=None)
    ap.add_argument("--show-disagreements", action="store_true")
    args = ap.parse_args()
    path = args.set or os.path.join(SHARED, "data",
                                    "wikinews-fr-dev.jsonl" if args.lang == "fr" else "news-en-dev.jsonl")
    items = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    if args.limit:
        items = items[: args.limit]
    if not os.path.exists(BIN):
        sys.exit(f"{BIN} missing: run cargo build --release")

    def safe(item):
        try:
            return one(item, args.lang)
        except Exception as e:  # one failing article is reported, the run goes on
            return {"id": item.get("id"), "error": str(e)}

    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as ex:
        rows = list(ex.map(safe, items))
    errors = [r for r in rows if "error" in r]
    rows = [r for r in rows if "error" not in r]

    per = {}
    for r in rows:
        for aid in sorted(set(r["yoast"]) & set(r["audit"])):
            y, m = r["yoast"][aid], r["audit"][aid]
            ok = y == m
            d = per.setdefault(aid, {"agree": 0, "total": 0, "confusions": {}})
            d["total"] += 1
            d["agree"] += ok
            if not ok:
                key = f"yoast {y} / audit {m}"
                d["confusions"].setdefault(key, []).append(r["id"])
    agree = sum(d["agree"] for d in per.values())
    total = sum(d["total"] for d in per.values())
    print(f"set {os.path.basename(path)} ({args.lang}): {len(rows)} articles, {len(errors)} errors")
    print(f"{'assessment':<24} {'agree':>7} {'share':>7}  disagreements")
    for aid, d in sorted(per.items()):
        conf = "; ".join(f"{k}: {len(v)}" for k, v in sorted(d["confusions"].items()))
        print(f"{aid:<24} {d['agree']:>3}/{d['total']:<3} {100 * d['agree'] / d['total']:6.1f} %  {conf}")
    print(f"{'ALL (article, assessment)':<24} {agree}/{total} = {100 * agree / max(total, 1):.1f} %")
    fl = [r["flesch"] for r in rows if r["flesch"]["yoast"] is not None and r["flesch"]["audit"] is not None]
    if fl:
        diffs = sorted(abs(f["yoast"] - f["audit"]) for f in fl)
        bands = sum(flesch_band(f["yoast"]) == flesch_band(f["audit"]) for f in fl)
        print(f"flesch reading ease (insight, not a Yoast assessment): median |Δ| {diffs[len(diffs) // 2]:.1f}, "
              f"max |Δ| {diffs[-1]:.1f}, same band {bands}/{len(fl)}")
    for e in errors:
        print(f"error {e['id']}: {e['error']}", file=sys.stderr)
    if args.show_disagreements:
        for aid, d in sorted(per.items()):
            for k, ids in d["confusions"].items():
                print(f"  {aid} {k}: {', '.join(map(str, ids[:8]))}")
    if args.report:
        with open(args.report, "w", encoding="utf-8") as f:
            json.dump({"set": path, "lang": args.lang, "articles": len(rows), "errors": errors,
                       "agreement": {"agree": agree, "total": total},
                       "per_assessment": per, "rows": rows}, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
