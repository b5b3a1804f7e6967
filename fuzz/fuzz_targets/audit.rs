//! The SEO and readability audit (`copydesk audit`) of any Markdown or HTML page: no panic,
//! linear time, scores in range, and every output it has (text report, JSON) well formed.
#![no_main]

use copydesk::audit::{self, Page};
use copydesk::lang::Lang;
use copydesk_fuzz::{engine, timed};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // First byte: bit 0 picks the reader (Markdown or HTML), bit 1 the language; the first
    // line of the rest is the keyphrase, the remainder the page.
    let Some((&b, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let (keyphrase, page_text) = text.split_once('\n').unwrap_or(("", &text));
    let len = page_text.len();
    let mut page = timed("audit::Page", len, || {
        if b & 1 == 0 {
            Page::from_markdown(page_text)
        } else {
            Page::from_html(page_text)
        }
    });
    page.keyphrase = keyphrase.to_string();
    let lang = if b & 2 == 0 { Lang::Fr } else { Lang::En };
    let report = timed("audit", len, || audit::audit(&page, engine().pack(lang)));
    assert!(report.seo_score <= 100, "seo score {}", report.seo_score);
    assert!(
        [30, 60, 90].contains(&report.readability_score),
        "readability score {}",
        report.readability_score
    );
    for c in &report.checks {
        assert!(
            c.score.is_none_or(|s| s <= 9),
            "{} scored {:?} on the 0–9 scale",
            c.id,
            c.score
        );
        assert!(!c.value.is_nan(), "{} measured NaN", c.id);
    }
    let txt = timed("audit text", len, || report.to_text());
    assert!(!txt.is_empty());
    let json = timed("audit json", len, || serde_json::to_string(&report));
    assert!(json.is_ok_and(|j| serde_json::from_str::<serde_json::Value>(&j).is_ok()));
});
