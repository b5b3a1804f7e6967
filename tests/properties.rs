//! Property tests for the principles, over generated French-like articles: lossless, grounded,
//! deterministic, honest word counts, input inert in every output (HTML, Markdown, JSON-LD,
//! templates), noise cleaning idempotent, no panic on any input.
//!
//! The default run uses 64 cases a property; `PROPTEST_CASES=10000 cargo test --release --test
//! properties` is the long run.

mod common;

use copydesk::brief;
use copydesk::text::count_words;
use copydesk::{Engine, Input, Options, render};
use proptest::prelude::*;

const NOUNS: &[&str] = &[
    "conseil",
    "rivière",
    "digue",
    "budget",
    "école",
    "usine",
    "port",
    "grève",
    "mairie",
    "route",
    "crue",
    "ministre",
    "habitants",
    "élus",
];
const NAMES: &[&str] = &[
    "Montbrac",
    "Val-de-Sorne",
    "Claire Ombrel",
    "Cordemont",
    "Agence de l’eau",
    "Jean Roux",
];
const VERBS: &[&str] = &[
    "a voté",
    "a fermé",
    "ont bloqué",
    "a annoncé",
    "a rouvert",
    "ont évacué",
    "a financé",
];

fn sentence() -> impl Strategy<Value = String> {
    (
        prop::sample::select(NAMES),
        prop::sample::select(VERBS),
        prop::sample::select(NOUNS),
        0u32..3000,
        prop::sample::select(&["mardi", "jeudi", "en 2021", "hier", "depuis 2019"][..]),
        any::<bool>(),
    )
        .prop_map(|(name, verb, noun, n, when, quote)| {
            if quote {
                format!("« Le {noun} restera ouvert », a déclaré {name} {when}.")
            } else {
                format!("{name} {verb} {n} {noun}s {when}, selon la préfecture.")
            }
        })
}

fn article() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(
        prop::collection::vec(sentence(), 1..4).prop_map(|s| s.join(" ")),
        1..12,
    )
}

/// Scraper noise lines, one per kind the packs remove (ad marker, source trailer, share,
/// follow, newsletter, read-also teaser).
const NOISE: &[&str] = &[
    "PUBLICITÉ",
    "Source link - 42",
    "Partager sur Facebook",
    "Suivez-nous sur Instagram",
    "Inscrivez-vous à notre newsletter",
    "Lire aussi : la crue de la Sorne",
    "ADVERTISEMENT",
];

/// Hostile input fragments: script, event handler, `javascript:` URL, iframe, style, and
/// template syntax.
const INJECT: &[&str] = &[
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "</script><b>gras</b>",
    "<a href=\"javascript:alert(1)\">lien</a>",
    "[lien](javascript:alert(1))",
    "<iframe src=\"https://exemple.fr\"></iframe>",
    "<style>body{display:none}</style>",
    "{{ 7*7 }}",
    "{% for x in range(3) %}x{% endfor %}",
    "<!-- commentaire -->",
];

fn engine() -> &'static Engine {
    static ENGINE: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();
    ENGINE.get_or_init(|| Engine::new().expect("engine"))
}

proptest! {
    #![proptest_config(ProptestConfig {
        // 64 cases by default; PROPTEST_CASES=10000 for the long run.
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(64),
        ..ProptestConfig::default()
    })]

    #[test]
    fn lossless_grounded_and_honest(paragraphs in article()) {
        let out = engine().rewrite(Input::Article { title: Some("Montbrac vote son budget"), paragraphs: &paragraphs }, &Options::default());
        let rw = out.expect("a rewrite");
        let v = render::json_value(&rw.article);
        let body = common::norm(&common::body(&v));
        for p in &paragraphs {
            for s in common::naive_sentences(p) {
                prop_assert!(body.contains(&common::norm(&s)), "lost: {}", s);
            }
        }
        let input = format!("Montbrac vote son budget\n{}", paragraphs.join("\n"));
        for g in common::generated(&v) {
            let bad = common::ungrounded(&g, &input);
            prop_assert!(bad.is_empty(), "ungrounded {:?} in {}", bad, g);
        }
        let recount = count_words(&common::body(&v));
        prop_assert_eq!(rw.article.word_count, recount);
        prop_assert_eq!(rw.article.target_met, recount >= rw.article.target_words);
    }

    #[test]
    fn deterministic(paragraphs in article()) {
        let a = engine().rewrite(Input::Article { title: None, paragraphs: &paragraphs }, &Options::default()).expect("rewrite");
        let b = engine().rewrite(Input::Article { title: None, paragraphs: &paragraphs }, &Options::default()).expect("rewrite");
        prop_assert_eq!(render::json(&a.article), render::json(&b.article));
    }

    #[test]
    fn html_escapes_input(paragraphs in article(), inject in prop::sample::select(&["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "</script><b>", "{{ 7*7 }}"][..])) {
        let mut paragraphs = paragraphs;
        paragraphs.push(format!("Le maire a écrit {inject} dans son message."));
        let rw = engine().rewrite(Input::Article { title: Some(inject), paragraphs: &paragraphs }, &Options::default()).expect("rewrite");
        let html = render::html(&rw.article);
        prop_assert!(!html.contains("<script>alert"), "raw script in html");
        prop_assert!(!html.contains("<img"), "raw img in html");
        // Only the JSON-LD scripts (NewsArticle, and FAQPage with an FAQ) open and close, and
        // no input text stands inside one as markup.
        let opened = html.matches("<script type=\"application/ld+json\">").count();
        prop_assert!((1..=2).contains(&opened), "{} JSON-LD scripts", opened);
        prop_assert_eq!(html.matches("</script>").count(), opened, "only the JSON-LD scripts close");
        prop_assert_eq!(html.matches("<script").count(), opened, "no other script");
        if inject.starts_with("{{") {
            // Input is never parsed as a template: the braces come through as text.
            prop_assert!(render::json(&rw.article).contains("{{ 7*7 }}"), "template syntax was evaluated");
        }
    }

    #[test]
    fn input_is_inert_in_every_output(
        paragraphs in article(),
        inject in prop::sample::select(INJECT),
        at in 0usize..12,
        in_title in any::<bool>(),
    ) {
        let mut paragraphs = paragraphs;
        let at = at.min(paragraphs.len());
        paragraphs.insert(at, format!("Le maire a écrit {inject} dans son message."));
        let title = if in_title { format!("Montbrac {inject}") } else { "Montbrac vote".into() };
        let rw = engine()
            .rewrite(Input::Article { title: Some(&title), paragraphs: &paragraphs }, &Options::default())
            .expect("rewrite");
        // HTML: every tag is the renderer's own; script elements are only the JSON-LD; no
        // `javascript:` in an attribute.
        let html = render::html(&rw.article);
        for t in common::tags(&html) {
            prop_assert!(common::OWN_TAGS.contains(&t.as_str()), "foreign tag <{}", t);
        }
        // our JSON-LD only: NewsArticle, and FAQPage when there is an FAQ
        let scripts = html.matches("<script").count();
        prop_assert!(scripts >= 1);
        prop_assert_eq!(scripts, html.matches("<script type=\"application/ld+json\">").count());
        prop_assert_eq!(html.matches("</script>").count(), scripts);
        prop_assert!(!html.contains("=\"javascript:"), "javascript: URL in an attribute");
        // JSON-LD: no `<` at all, so nothing can close the script element.
        let ld = render::json_ld(&rw.article);
        prop_assert!(!ld.contains('<') && !ld.contains('>'), "raw angle bracket in JSON-LD");
        // Markdown, as a CommonMark parser reads it: no raw HTML, no link or image outside
        // the renderer's own http(s) images.
        let md = render::markdown(&rw.article);
        for event in pulldown_cmark::Parser::new(&md) {
            use pulldown_cmark::{Event, Tag};
            match event {
                Event::Html(h) | Event::InlineHtml(h) => prop_assert!(false, "raw HTML in markdown: {}", h),
                Event::Start(Tag::Link { dest_url, .. }) => prop_assert!(false, "link in markdown: {}", dest_url),
                Event::Start(Tag::Image { dest_url, .. }) => {
                    prop_assert!(dest_url.starts_with("http"), "image source {}", dest_url)
                }
                _ => {}
            }
        }
        // Templates: input is data, never a template; the braces come through verbatim.
        if inject.contains("{{") || inject.contains("{%") {
            let json = render::json(&rw.article);
            let escaped = serde_json::to_string(inject).expect("a JSON string");
            prop_assert!(json.contains(escaped.trim_matches('"')), "template syntax was evaluated");
        }
    }

    #[test]
    fn noise_cleaning_is_idempotent(
        paragraphs in article(),
        noise in prop::collection::vec((prop::sample::select(NOISE), 0usize..12), 0..5),
    ) {
        let packs = engine().packs();
        let mut lines = paragraphs.clone();
        for (n, at) in &noise {
            let at = (*at).min(lines.len());
            lines.insert(at, (*n).to_string());
        }
        let once = brief::Brief::structured(None, &lines, packs);
        let kept: Vec<String> = once.paragraphs.iter().map(|p| p.to_string()).collect();
        // every noise line is removed, every article paragraph kept
        prop_assert_eq!(&kept, &paragraphs);
        prop_assert_eq!(once.removed.len(), noise.len());
        // cleaning the cleaned text again removes nothing and changes nothing
        let twice = brief::Brief::structured(None, &kept, packs);
        prop_assert!(twice.removed.is_empty(), "removed on the second pass: {:?}", twice.removed);
        let again: Vec<String> = twice.paragraphs.iter().map(|p| p.to_string()).collect();
        prop_assert_eq!(again, kept.clone());
        // the same through the free-form brief parser
        let text = kept.join("\n\n");
        let parsed = brief::parse(&text, packs);
        prop_assert!(parsed.removed.is_empty(), "parse removed {:?}", parsed.removed);
    }

    #[test]
    fn word_count_is_the_text(paragraphs in article()) {
        // The reported count is the count of the body text (headings and paragraphs), and the
        // body holds at least the source's words.
        let rw = engine()
            .rewrite(Input::Article { title: None, paragraphs: &paragraphs }, &Options::default())
            .expect("rewrite");
        let v = render::json_value(&rw.article);
        let body = common::body(&v);
        prop_assert_eq!(rw.article.word_count, count_words(&body));
        prop_assert_eq!(&v["word_count"], &serde_json::json!(rw.article.word_count));
        prop_assert!(rw.article.word_count >= count_words(&paragraphs.join("\n")));
        let ld = render::json_ld(&rw.article);
        let word_count_in_ld = format!("\"wordCount\":{}", rw.article.word_count);
        prop_assert!(ld.contains(&word_count_in_ld), "JSON-LD word count differs");
    }

    #[test]
    fn never_panics_on_any_text(s in "\\PC{0,400}") {
        // Any text gets a result or a typed error, never a panic.
        let _ = engine().rewrite(Input::Brief(&s), &Options::default());
        let _ = engine().analyze(Input::Brief(&s), &Options::default());
    }

    #[test]
    fn sentence_spans_cover_the_text(s in "[a-zA-Zé’'«»\\[\\] .,;:!?…()\\-0-9\u{a0}\u{202f}\n]{0,300}") {
        let pack = engine().pack(copydesk::lang::Lang::Fr);
        let spans = copydesk::text::split_sentences(&s, pack);
        let mut last = 0;
        let mut covered = String::new();
        for sp in &spans {
            prop_assert!(sp.start >= last && sp.start < sp.end && sp.end <= s.len(), "bad span {:?} after {}", sp, last);
            last = sp.end;
            covered.push_str(&s[sp.clone()]);
        }
        let squeeze = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        prop_assert_eq!(squeeze(&covered), squeeze(&s));
    }

    #[test]
    fn never_panics_on_punctuation_soup(s in "[a-zA-Zé’'«» .,;:!?…()\\-0-9\u{a0}\u{202f}\n]{0,300}") {
        let _ = engine().rewrite(Input::Brief(&s), &Options::default());
    }
}
