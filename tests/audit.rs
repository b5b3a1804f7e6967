//! Integration tests for `copydesk audit`, the HTML options and `--format preview`: the real
//! binary on the project's own fixtures.

mod common;

use common::{rewrite_json, run};
use serde_json::Value;

const SAMPLE: &str = "examples/brief-sample-fr.txt";
const ARTICLE_MD: &str = "tests/fixtures/article-fr.md";
const ARTICLE_HTML: &str = "tests/fixtures/article-fr.html";

fn stdout(args: &[&str], stdin: &[u8]) -> String {
    let out = run(args, stdin);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn audit_json(args: &[&str], stdin: &[u8]) -> Value {
    let mut all = vec!["audit", "--format", "json"];
    all.extend_from_slice(args);
    serde_json::from_str(&stdout(&all, stdin)).expect("audit JSON")
}

fn ratings(v: &Value) -> Vec<(String, Value)> {
    v["checks"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|c| {
            (
                c["id"].as_str().unwrap_or("").to_string(),
                c["rating"].clone(),
            )
        })
        .collect()
}

#[test]
fn audit_rates_every_check_of_a_markdown_article() {
    let v = audit_json(&[ARTICLE_MD, "--keyphrase", "médiathèque"], b"");
    assert_eq!(v["schema"], "copydesk.audit/1");
    assert_eq!(v["language"], "fr");
    let r = ratings(&v);
    assert!(r.len() >= 20, "{r:?}");
    let mut ids: Vec<&str> = r.iter().map(|(id, _)| id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), r.len(), "check ids are unique");
    for (id, rating) in &r {
        assert!(
            rating.is_null() || ["good", "ok", "bad"].contains(&rating.as_str().unwrap_or("")),
            "{id}: {rating}"
        );
    }
    // The title is the leading H1, which starts with the keyphrase after its article.
    assert_eq!(v["title"], "La médiathèque de Sorlanges ouvre le dimanche");
    let title = r.iter().find(|(id, _)| id == "keyphrase-in-title");
    assert_eq!(title.map(|t| t.1.clone()), Some(Value::from("good")));
    // The fixture's image is counted; its raw <script> is not text.
    let images = v["checks"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|c| c["id"] == "images");
    assert_eq!(images.map(|c| c["value"].clone()), Some(Value::from(1.0)));
}

#[test]
fn audit_reads_the_head_of_copydesk_html() {
    let (json, _) = rewrite_json(SAMPLE, &[]);
    let html = stdout(&["rewrite", "--sample", "--format", "html"], b"");
    let v = audit_json(&["-"], html.as_bytes());
    assert_eq!(v["title"], json["title"]);
    assert_eq!(v["meta_description"], json["meta_description"]);
    assert_eq!(v["slug"], json["slug"]);
    assert_eq!(v["keyphrase"], json["focus_keyphrase"]);
    // The same article audited from its Markdown with the same fields gets the same ratings.
    let md = json["markdown"].as_str().unwrap_or_default();
    let from_md = audit_json(
        &[
            "-",
            "--title",
            json["title"].as_str().unwrap_or_default(),
            "--meta",
            json["meta_description"].as_str().unwrap_or_default(),
            "--slug",
            json["slug"].as_str().unwrap_or_default(),
            "--keyphrase",
            json["focus_keyphrase"].as_str().unwrap_or_default(),
        ],
        md.as_bytes(),
    );
    assert_eq!(ratings(&v), ratings(&from_md));
}

#[test]
fn audit_of_an_html_page_leaves_out_navigation_and_scripts() {
    let v = audit_json(&[ARTICLE_HTML, "--keyphrase", "médiathèque"], b"");
    let text = std::fs::read_to_string(ARTICLE_HTML).expect("fixture");
    assert!(text.contains("<script") || text.contains("<nav"));
    assert!(v["word_count"].as_u64().unwrap_or(0) > 20);
    let plain = stdout(&["audit", ARTICLE_HTML, "--keyphrase", "médiathèque"], b"");
    assert!(plain.starts_with("audit (fr) keyphrase \"médiathèque\""));
}

#[test]
fn audit_without_text_is_a_usage_error() {
    let out = run(
        &["audit", "-"],
        b"<html><body><nav>menu</nav></body></html>",
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("copydesk: error:") && err.lines().count() == 1,
        "{err}"
    );
    let out = run(&["audit", "-", "--lang", "xx"], b"# T\n\nUn texte.");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn html_fragment_and_source_link() {
    let frag = stdout(
        &[
            "rewrite",
            "--sample",
            "--format",
            "html",
            "--html-fragment",
            "--source-url",
            "https://exemple.fr/article?id=3&v=<2>",
        ],
        b"",
    );
    assert!(frag.starts_with("<article>"));
    assert!(!frag.contains("<html") && !frag.contains("<head"));
    assert!(frag.contains("application/ld+json"));
    assert!(frag.contains("href=\"https://exemple.fr/article?id=3&amp;v=&lt;2&gt;\""));
    let doc = stdout(&["rewrite", "--sample", "--format", "html"], b"");
    assert!(doc.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
    for needle in [
        "<title>",
        "<meta name=\"description\"",
        "<link rel=\"canonical\" href=\"/",
        "<meta property=\"og:title\"",
        "\"@type\":\"NewsArticle\"",
    ] {
        assert!(doc.contains(needle), "{needle}");
    }
}

#[test]
fn preview_is_one_self_contained_page() {
    let page = stdout(&["rewrite", "--sample", "--format", "preview"], b"");
    assert!(page.starts_with("<!DOCTYPE html>"));
    for id in ["snippet", "outline", "article", "audit"] {
        assert!(page.contains(&format!("id=\"{id}\"")), "{id}");
    }
    // Generated text is shaded and names its rule; nothing is fetched from the network.
    assert!(page.contains("class=\"gen\" title=\"fr."));
    assert!(!page.contains("<script") && !page.contains("<link") && !page.contains("url("));
    assert!(!page.contains("src=\"http"));
}

#[test]
fn an_html_page_gives_its_own_address_as_the_source() {
    let page = std::fs::read_to_string(ARTICLE_HTML)
        .expect("fixture")
        .replacen(
            "<head>",
            "<head><link rel=\"canonical\" href=\"https://exemple.fr/sorlanges/mediatheque\">",
            1,
        );
    let html = stdout(&["rewrite", "--format", "html", "-"], page.as_bytes());
    assert!(html.contains(
        "<p class=\"source\">Source\u{a0}: <a href=\"https://exemple.fr/sorlanges/mediatheque\">exemple.fr</a></p>"
    ));
    assert!(html.contains("\"isBasedOn\":\"https://exemple.fr/sorlanges/mediatheque\""));
    // A plain-text brief gives none.
    let plain = stdout(&["rewrite", "--sample", "--format", "html"], b"");
    assert!(!plain.contains("class=\"source\""));
}
