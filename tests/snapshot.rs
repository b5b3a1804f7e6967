//! Snapshot of the sample brief's Markdown: invariants first, then the snapshot, so a reviewed
//! change of wording is visible in the diff and a broken invariant fails before it.

use copydesk::text::count_words;
use copydesk::{Engine, Input, Options, render};

#[test]
fn sample_markdown() {
    let brief = include_str!("../examples/brief-sample-fr.txt");
    let engine = Engine::new().expect("engine");
    let rw = engine
        .rewrite(Input::Brief(brief), &Options::default())
        .expect("rewrite");
    let md = render::markdown(&rw.article);
    // Invariants.
    assert!(md.starts_with("# "));
    assert!(rw.article.word_count >= 700 && rw.article.target_met);
    assert_eq!(
        rw.article.word_count,
        rw.article
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .map(|b| count_words(&b.text))
            .sum::<usize>()
    );
    for noise in ["PUBLICITÉ", "Source link", "Partager sur"] {
        assert!(!md.contains(noise));
    }
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with("## ")).collect();
    let unique: std::collections::HashSet<String> =
        headings.iter().map(|h| h.to_lowercase()).collect();
    assert_eq!(unique.len(), headings.len(), "duplicate headings");
    insta::assert_snapshot!(md);
}
