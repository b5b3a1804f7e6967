#!/usr/bin/env python3
"""Validates copydesk's HTML over a dev set: html-validate and the JSON-LD.

For every article of a JSON Lines set ({"id", "title", "paragraphs"}), the script writes an
evaluate-style brief (template a), then runs

  copydesk rewrite --format html BRIEF          (the full HTML5 document)
  copydesk rewrite --format html --html-fragment --source-url https://example.org/source BRIEF
  copydesk rewrite --format preview BRIEF       (the editor's preview page)
  copydesk rewrite --format json BRIEF          (to know the article's date)

and the same (document and preview) for the project's own briefs (examples/, tests/fixtures/)
at --min-words 5000, so that every block kind, the FAQ included, is rendered; and checks:
  * html-validate 9 (tools/html-validate, `html-validate:recommended`) reports no error on any of
    the three HTML files;
  * every <script type="application/ld+json"> parses as JSON; the document has one NewsArticle
    with @context https://schema.org, headline (1–110 characters), description, inLanguage,
    keywords (non-empty list), articleSection (list), wordCount, mainEntityOfPage, and
    datePublished exactly when the article has a `date_published` (and equal to it); an FAQPage,
    when there is one, has Questions each with a name and an acceptedAnswer text;
  * no input text closes the script element early: the raw script text holds no `<`.

Usage (from the repository root, after `cargo build --release` and
`npm ci --prefix tools/html-validate`):
  scripts/html-check.py [--set ../shared/data/wikinews-fr-dev.jsonl] [--lang fr|en] [--limit N]
                        [--keep DIR]
Exit status 0 when every check passes, 1 otherwise.
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
if not os.path.isdir(SHARED):
    SHARED = "/work/shared"
BIN = os.environ.get("COPYDESK_BIN", os.path.join(ROOT, "target", "release", "copydesk"))
HV_DIR = os.path.join(ROOT, "tools", "html-validate")
HV = os.path.join(HV_DIR, "node_modules", ".bin", "html-validate")

BRIEF = {
    "fr": "Customize this title in french{title}\n\nMake this article seo compatible,Let there be "
          "subheadings for the article, be in french, create at least 700 words\n\n{body}\n",
    "en": "Customize this title in english{title}\n\nMake this article seo compatible,Let there be "
          "subheadings for the article, be in english, create at least 700 words\n\n{body}\n",
}
LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def rewrite(args, brief):
    p = subprocess.run([BIN, "rewrite", *args, brief], capture_output=True, text=True, timeout=60)
    if p.returncode != 0:
        raise RuntimeError(f"copydesk rewrite {' '.join(args)} exited {p.returncode}: {p.stderr.strip()}")
    return p.stdout


def check_ld(html, article):
    problems = []
    scripts = LD.findall(html)
    values = []
    for s in scripts:
        if "<" in s:
            problems.append("a '<' inside a JSON-LD script")
        try:
            values.append(json.loads(s))
        except json.JSONDecodeError as e:
            problems.append(f"JSON-LD does not parse: {e}")
    news = [v for v in values if v.get("@type") == "NewsArticle"]
    if len(news) != 1:
        problems.append(f"{len(news)} NewsArticle values")
        return problems
    n = news[0]
    if n.get("@context") != "https://schema.org":
        problems.append("NewsArticle @context")
    h = n.get("headline", "")
    if not isinstance(h, str) or not 1 <= len(h) <= 110:
        problems.append(f"headline length {len(h) if isinstance(h, str) else h!r}")
    for key, typ in (("description", str), ("inLanguage", str), ("keywords", list),
                     ("articleSection", list), ("wordCount", int), ("mainEntityOfPage", dict)):
        if not isinstance(n.get(key), typ):
            problems.append(f"NewsArticle {key} missing or not a {typ.__name__}")
    if isinstance(n.get("keywords"), list) and not n["keywords"]:
        problems.append("NewsArticle keywords empty")
    date = article.get("date_published")
    if date and n.get("datePublished") != date:
        problems.append(f"datePublished {n.get('datePublished')!r} != {date!r}")
    if not date and "datePublished" in n:
        problems.append("datePublished without a known date")
    for faq in (v for v in values if v.get("@type") == "FAQPage"):
        qs = faq.get("mainEntity") or []
        if not qs or not all(q.get("@type") == "Question" and q.get("name")
                             and (q.get("acceptedAnswer") or {}).get("text") for q in qs):
            problems.append("FAQPage without well-formed Questions")
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", default=None)
    ap.add_argument("--lang", default="fr", choices=["fr", "en"])
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--keep", default=None, help="write the HTML files here instead of a temporary folder")
    args = ap.parse_args()
    if not os.path.exists(BIN):
        sys.exit(f"{BIN} missing: run cargo build --release")
    if not os.path.exists(HV):
        sys.exit(f"{HV} missing: run npm ci --prefix tools/html-validate")
    path = args.set or os.path.join(SHARED, "data",
                                    "wikinews-fr-dev.jsonl" if args.lang == "fr" else "news-en-dev.jsonl")
    items = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    if args.limit:
        items = items[: args.limit]
    out = args.keep or tempfile.mkdtemp(prefix="copydesk-html-")
    os.makedirs(out, exist_ok=True)
    failures = 0
    ld_ok = 0
    faqs = 0
    dated = 0
    for it in items:
        i = str(it.get("id"))
        brief = os.path.join(out, f"{i}.brief.txt")
        with open(brief, "w", encoding="utf-8") as f:
            f.write(BRIEF[args.lang].format(title=it.get("title", ""), body="\n\n".join(it["paragraphs"])))
        try:
            art = json.loads(rewrite(["--format", "json"], brief))
            doc = rewrite(["--format", "html"], brief)
            frag = rewrite(["--format", "html", "--html-fragment", "--source-url",
                            "https://example.org/source?id=1&x=<y>"], brief)
            prev = rewrite(["--format", "preview"], brief)
        except RuntimeError as e:
            print(f"{i}: {e}")
            failures += 1
            continue
        for name, text in (("doc", doc), ("fragment", frag), ("preview", prev)):
            with open(os.path.join(out, f"{i}.{name}.html"), "w", encoding="utf-8") as f:
                f.write(text)
        problems = check_ld(doc, art) + [f"fragment: {p}" for p in check_ld(frag, art)]
        if problems:
            failures += 1
            print(f"{i}: " + "; ".join(problems))
        else:
            ld_ok += 1
        faqs += '"FAQPage"' in doc
        dated += bool(art.get("date_published"))
    # The project's own briefs with a word target no article reaches, so that every block
    # (the FAQ, hence the FAQPage JSON-LD, included) is rendered and validated too.
    own = sorted(glob.glob(os.path.join(ROOT, "examples", "brief-*.txt"))
                 + glob.glob(os.path.join(ROOT, "tests", "fixtures", "*.txt")))
    own_faqs = 0
    for b in own:
        name = "own-" + os.path.splitext(os.path.basename(b))[0]
        try:
            art = json.loads(rewrite(["--format", "json", "--min-words", "5000"], b))
            doc = rewrite(["--format", "html", "--min-words", "5000"], b)
            prev = rewrite(["--format", "preview", "--min-words", "5000"], b)
        except RuntimeError as e:
            print(f"{name}: {e}")
            failures += 1
            continue
        for kind, text in (("doc", doc), ("preview", prev)):
            with open(os.path.join(out, f"{name}.{kind}.html"), "w", encoding="utf-8") as f:
                f.write(text)
        problems = check_ld(doc, art)
        if problems:
            failures += 1
            print(f"{name}: " + "; ".join(problems))
        own_faqs += '"FAQPage"' in doc
    files = sorted(glob.glob(os.path.join(out, "*.html")))
    p = subprocess.run([HV, "--config", os.path.join(HV_DIR, ".htmlvalidate.json"), "--formatter", "json", *files],
                       capture_output=True, text=True, cwd=HV_DIR)
    try:
        report = json.loads(p.stdout or "[]")
    except json.JSONDecodeError:
        print(p.stdout[-2000:], p.stderr[-2000:])
        return 1
    errors = [(r["filePath"], m) for r in report for m in r["messages"] if m.get("severity") == 2]
    warnings = [(r["filePath"], m) for r in report for m in r["messages"] if m.get("severity") == 1]
    bad_files = {f for f, _ in errors}
    for f, m in errors[:30]:
        print(f"{os.path.basename(f)}:{m.get('line')}:{m.get('column')} {m.get('ruleId')}: {m.get('message')}")
    print(f"set {os.path.basename(path)} ({args.lang}): {len(items)} articles, {len(files)} HTML files "
          f"(dev articles: document, fragment, preview; own briefs: document, preview)")
    print(f"html-validate 9 (recommended): {len(files) - len(bad_files)}/{len(files)} files without error; "
          f"{len(errors)} errors, {len(warnings)} warnings")
    print(f"JSON-LD: {ld_ok}/{len(items)} articles parse with the required NewsArticle properties "
          f"({dated} with datePublished, {faqs} with FAQPage)")
    print(f"own briefs at --min-words 5000: {len(own)} (document and preview each), {own_faqs} with FAQPage")
    if not args.keep:
        for f in glob.glob(os.path.join(out, "*")):
            os.remove(f)
        os.rmdir(out)
    return 1 if failures or errors else 0


if __name__ == "__main__":
    sys.exit(main())
