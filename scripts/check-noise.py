#!/usr/bin/env python3
"""Check data/{fr,en}/noise.txt.

Each non-comment line is `reason-id<TAB>regex`. The crate anchors every regex
as ^(?:regex)$ and compiles it case-insensitively with the Rust `regex` crate;
Python's `re` is close enough for the syntax we use (no lookaround, no
backreferences, no \\p{..} classes), so this script:

  * checks the file format and the reason ids,
  * compiles every regex (fullmatch + IGNORECASE),
  * checks that each example boilerplate line is matched, and by the expected
    reason id (the first matching pattern, in file order),
  * checks that real news sentences are matched by no pattern.

Usage: python3 scripts/check-noise.py      (exit status 0 = all good)
"""
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REASONS = {
    "ad-marker", "source-trailer", "share-line", "follow-line",
    "newsletter-line", "read-also-teaser", "photo-credit", "cookie-notice",
    "comment-line",
}
# Syntax the Rust regex crate rejects or reads differently.
FORBIDDEN = [r"(?=", r"(?!", r"(?<=", r"(?<!", r"(?P=", r"\p{", r"\P{"]
BACKREF = re.compile(r"\\[1-9]")

POSITIVE = {
    "fr": [
        ("PUBLICITÉ", "ad-marker"),
        ("Publicité", "ad-marker"),
        ("Pub", "ad-marker"),
        ("[Publicité]", "ad-marker"),
        ("Contenu sponsorisé", "ad-marker"),
        ("La suite après cette publicité", "ad-marker"),
        ("Source link -57", "source-trailer"),
        ("Source link", "source-trailer"),
        ("Source : AFP", "source-trailer"),
        ("Avec AFP", "source-trailer"),
        ("(avec AFP et Reuters)", "source-trailer"),
        ("© 2024 Le Journal. Tous droits réservés.", "source-trailer"),
        ("Partager sur Facebook", "share-line"),
        ("Partager sur Twitter", "share-line"),
        ("Partager", "share-line"),
        ("Partager cet article", "share-line"),
        ("Partagez l’article", "share-line"),
        ("Facebook Twitter LinkedIn E-mail", "share-line"),
        ("Copier le lien", "share-line"),
        ("Suivez-nous sur Twitter", "follow-line"),
        ("Retrouvez-nous sur Facebook et Instagram", "follow-line"),
        ("Suivez toute l'actualité de Paris sur Google Actualités", "follow-line"),
        ("Abonnez-vous à notre newsletter", "newsletter-line"),
        ("Abonnez-vous", "newsletter-line"),
        ("Inscrivez-vous à la newsletter quotidienne de la rédaction", "newsletter-line"),
        ("Newsletter", "newsletter-line"),
        ("Je m'abonne", "newsletter-line"),
        ("Lire aussi : Le titre d’un autre article", "read-also-teaser"),
        ("À lire aussi : …", "read-also-teaser"),
        ("À lire aussi : Les retraites au cœur du débat", "read-also-teaser"),
        ("LIRE AUSSI - Le gouvernement annonce un plan", "read-also-teaser"),
        ("LIRE AUSSI >> Les chiffres clés", "read-also-teaser"),
        ("Lire aussi", "read-also-teaser"),
        ("Voir aussi : notre dossier", "read-also-teaser"),
        ("Sur le même sujet", "read-also-teaser"),
        ("Lire la suite", "read-also-teaser"),
        ("Photo : Jean Dupont / AFP", "photo-credit"),
        ("© AFP", "photo-credit"),
        ("©AFP / Ludovic Marin", "photo-credit"),
        ("Crédit photo : Jean Dupont", "photo-credit"),
        ("Crédits : Reuters", "photo-credit"),
        ("Photo d'illustration", "photo-credit"),
        ("JEAN DUPONT / AFP", "photo-credit"),
        ("Ce site utilise des cookies pour améliorer votre expérience.", "cookie-notice"),
        ("Nous utilisons des cookies pour vous offrir la meilleure expérience.", "cookie-notice"),
        ("Gérer les cookies", "cookie-notice"),
        ("En poursuivant votre navigation sur ce site, vous acceptez l'utilisation de cookies.", "cookie-notice"),
        ("Politique de cookies", "cookie-notice"),
        ("Réagir", "comment-line"),
        ("Réagir à cet article", "comment-line"),
        ("Commentaires (12)", "comment-line"),
        ("12 commentaires", "comment-line"),
        ("Voir les 34 commentaires", "comment-line"),
        ("Laisser un commentaire", "comment-line"),
    ],
    "en": [
        ("Advertisement", "ad-marker"),
        ("ADVERTISEMENT", "ad-marker"),
        ("Ad", "ad-marker"),
        ("Sponsored content", "ad-marker"),
        ("Story continues below advertisement", "ad-marker"),
        ("Skip Advertisement", "ad-marker"),
        ("Source link", "source-trailer"),
        ("Source link -12", "source-trailer"),
        ("(Reporting by Jane Doe; Editing by John Smith)", "source-trailer"),
        ("— Associated Press", "source-trailer"),
        ("Copyright 2024 The Associated Press. All rights reserved.", "source-trailer"),
        ("Share on Facebook", "share-line"),
        ("Share this", "share-line"),
        ("Share this article", "share-line"),
        ("Share", "share-line"),
        ("Share:", "share-line"),
        ("Facebook Twitter Email", "share-line"),
        ("Copy link", "share-line"),
        ("Follow us on Twitter", "follow-line"),
        ("Follow us", "follow-line"),
        ("Follow Jane Doe on X: @janedoe", "follow-line"),
        ("Sign up for our newsletter", "newsletter-line"),
        ("Sign up to our daily newsletter to get the news in your inbox.", "newsletter-line"),
        ("Subscribe", "newsletter-line"),
        ("Newsletter", "newsletter-line"),
        ("Read more: Why prices keep rising", "read-also-teaser"),
        ("Read more: …", "read-also-teaser"),
        ("Related: Stocks fall on rate fears", "read-also-teaser"),
        ("Read More", "read-also-teaser"),
        ("Also read | Election results", "read-also-teaser"),
        ("Related stories", "read-also-teaser"),
        ("Continue reading", "read-also-teaser"),
        ("Photo: Jane Doe / Reuters", "photo-credit"),
        ("(AP Photo/Evan Vucci)", "photo-credit"),
        ("(AP Photo/Evan Vucci, File)", "photo-credit"),
        ("(Photo by John Doe/Getty Images)", "photo-credit"),
        ("Image source, Getty Images", "photo-credit"),
        ("© Reuters", "photo-credit"),
        ("Jane Doe/Getty Images", "photo-credit"),
        ("Getty Images", "photo-credit"),
        ("We use cookies to improve your experience on our site.", "cookie-notice"),
        ("This website uses cookies.", "cookie-notice"),
        ("We use cookies", "cookie-notice"),
        ("By continuing to browse this site, you agree to our use of cookies.", "cookie-notice"),
        ("Accept all cookies", "cookie-notice"),
        ("Cookie settings", "cookie-notice"),
        ("Comments", "comment-line"),
        ("Comments (42)", "comment-line"),
        ("42 comments", "comment-line"),
        ("View all comments", "comment-line"),
        ("Join the conversation", "comment-line"),
    ],
}

# Real news sentences/paragraphs: no pattern may match them.
NEGATIVE = {
    "fr": [
        "Le Conseil a partagé ses conclusions sur Facebook mardi.",
        "La publicité télévisée a reculé de 4 % en 2023.",
        "Il faut lire aussi les rapports précédents, a-t-il ajouté.",
        "Partager les richesses reste la priorité du gouvernement, selon le ministre.",
        "Publicité mensongère : l'enseigne condamnée à 2 millions d'euros d'amende.",
        "Suivez le guide, a lancé le maire aux visiteurs venus nombreux.",
        "Abonnez-vous à la vie, chantait-il dans les années 1980.",
        "Les commentaires du ministre ont suscité la polémique.",
        "Réagir vite est essentiel en cas d'incendie, rappellent les pompiers.",
        "La photo de Jean Dupont a fait le tour des réseaux sociaux.",
        "Les cookies tiers seront bientôt bloqués par Chrome, annonce Google.",
        "Selon l'AFP, le bilan s'élève à douze morts.",
        "Le ministre a déclaré : « Nous ne reculerons pas. »",
        "Source de tensions, la réforme a été adoptée de justesse.",
        "Voir le Louvre reste le rêve de nombreux touristes.",
        "Lire est devenu un luxe pour beaucoup d'élèves, selon l'étude.",
        "Pub, bar et restaurant : le village a retrouvé un commerce.",
        "Image de marque : la SNCF lance une campagne publicitaire de 10 millions d'euros.",
        "Sur le même sujet, le gouvernement n'a pas souhaité réagir.",
        "Politique des transports : le plan vélo relancé.",
        "Annonce du plan climat : les ONG déçues.",
        "L'AFP et Reuters ont confirmé l'information.",
        "Nous utilisons des cookies maison, explique le boulanger.",
        "Tous droits réservés : la bataille du droit d'auteur se durcit.",
    ],
    "en": [
        "The company said advertisement revenue fell.",
        "Advertising revenue fell 4% in the third quarter, the company said.",
        "Share prices fell sharply on Monday after the announcement.",
        "Shares of the company rose 3% in early trading.",
        "Follow-up talks are scheduled for next week in Geneva.",
        "Reporting by the BBC showed that the plan had been delayed.",
        "Read the room, she told reporters on Tuesday.",
        "Related companies were also fined by the regulator.",
        "Photos of the crash spread quickly on social media.",
        "Pictures, documents and letters were found in the house.",
        "We use cookies as a bargaining chip, the baker joked.",
        "Comments by the minister sparked outrage in parliament.",
        "Subscribers to the service will pay $5 more per month.",
        "Sign language interpreters were present at the briefing.",
        "Sources said the deal could be announced as early as Friday.",
        "Newsletters and pamphlets were distributed to voters across the state.",
        "Reuters reported that the talks had stalled.",
        "The AP reported the results shortly after midnight.",
        "Like us, they were surprised by the verdict.",
        "Images from the scene showed heavy damage to the building.",
    ],
}


def load(lang):
    path = ROOT / "data" / lang / "noise.txt"
    rules, errors = [], []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2:
            errors.append(f"{path}:{n}: expected reason-id<TAB>regex")
            continue
        rid, rx = parts
        if rid not in REASONS:
            errors.append(f"{path}:{n}: unknown reason id {rid!r}")
        if rx != rx.strip():
            errors.append(f"{path}:{n}: regex has leading/trailing whitespace")
        for bad in FORBIDDEN:
            if bad in rx:
                errors.append(f"{path}:{n}: {bad!r} is not supported by the Rust regex crate")
        if BACKREF.search(rx):
            errors.append(f"{path}:{n}: backreferences are not supported by the Rust regex crate")
        try:
            compiled = re.compile(r"^(?:" + rx + r")$", re.IGNORECASE)
        except re.error as e:
            errors.append(f"{path}:{n}: does not compile: {e}")
            continue
        rules.append((n, rid, compiled))
    return rules, errors


def first_match(rules, text):
    for n, rid, rx in rules:
        if rx.fullmatch(text.strip()):
            return n, rid
    return None


def main():
    failures = 0
    passed = 0
    for lang in ("fr", "en"):
        rules, errors = load(lang)
        for e in errors:
            print("FAIL", e)
        failures += len(errors)
        used = set()
        for text, want in POSITIVE[lang]:
            got = first_match(rules, text)
            if got is None:
                print(f"FAIL [{lang}] not matched (want {want}): {text!r}")
                failures += 1
            elif got[1] != want:
                print(f"FAIL [{lang}] {text!r} matched {got[1]} (line {got[0]}), want {want}")
                failures += 1
            else:
                used.add(got[0])
                passed += 1
        for text in NEGATIVE[lang]:
            hits = [(n, rid) for n, rid, rx in rules if rx.fullmatch(text.strip())]
            if hits:
                print(f"FAIL [{lang}] real sentence matched by {hits}: {text!r}")
                failures += 1
            else:
                passed += 1
        print(f"[{lang}] {len(rules)} patterns, {len(POSITIVE[lang])} boilerplate examples, "
              f"{len(NEGATIVE[lang])} real sentences")
    print(f"{passed} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
