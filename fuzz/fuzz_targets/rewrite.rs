//! The whole pipeline and every output format (Markdown, HTML with JSON-LD, JSON): no panic,
//! linear time, and nothing from the input can open a script element in the HTML.
#![no_main]

use copydesk::{Input, render};
use copydesk_fuzz::{engine, split, timed};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (opts, text) = split(data);
    let len = text.len();
    let Ok(rw) = timed("rewrite", len, || {
        engine().rewrite(Input::Brief(&text), &opts)
    }) else {
        return;
    };
    let md = timed("render::markdown", len, || render::markdown(&rw.article));
    let html = timed("render::html", len, || render::html(&rw.article));
    let json = timed("render::json", len, || rw.json());
    // The renderer writes only its JSON-LD script elements (NewsArticle, FAQPage); input
    // never adds one nor closes one.
    let scripts = html.matches("<script").count();
    assert_eq!(
        scripts,
        html.matches("<script type=\"application/ld+json\">").count(),
        "a script element from input"
    );
    assert_eq!(
        html.matches("</script").count(),
        scripts,
        "input closed the JSON-LD script"
    );
    // Every `<` in the HTML opens one of the renderer's own elements: input text is escaped,
    // so no `<iframe`, `<img onerror=…>` or `<a href="javascript:…">` can come from it.
    for (i, _) in html.match_indices('<') {
        let name: String = html[i + 1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '/' || *c == '!')
            .collect();
        assert!(
            render::OWN_ELEMENTS.contains(&name.trim_start_matches('/')),
            "foreign tag <{name} in the HTML"
        );
    }
    assert!(!md.is_empty());
    assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok());
});
