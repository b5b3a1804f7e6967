//! Context from an archive, through the real CLI: related earlier items only, grounded in the
//! item they cite, cited, dated and linked.

mod common;

use common::{rewrite_json, run};
use serde_json::Value;

const BRIEF: &str = "tests/fixtures/brief-context-fr.txt";
const ARCHIVE: &str = "tests/fixtures/archive-fr.jsonl";

fn archive() -> Vec<Value> {
    std::fs::read_to_string(ARCHIVE)
        .expect("fixture")
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect()
}

fn context_blocks(v: &Value) -> Vec<&Value> {
    v["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .flat_map(|s| s["blocks"].as_array().expect("blocks"))
        .filter(|b| b["origin"]["kind"] == "context")
        .collect()
}

/// Digit runs of a text, thin and no-break spaces inside numbers joined.
fn numbers(s: &str) -> Vec<String> {
    let s = s.replace(['\u{a0}', '\u{202f}'], "");
    s.split(|c: char| !c.is_ascii_digit())
        .filter(|n| !n.is_empty())
        .map(String::from)
        .collect()
}

#[test]
fn related_earlier_items_only_cited_and_grounded_in_them() {
    let (v, _) = rewrite_json(BRIEF, &["--archive", ARCHIVE]);
    let items = archive();
    let blocks = context_blocks(&v);
    assert!(!blocks.is_empty(), "context blocks expected: {v}");
    let brief = std::fs::read_to_string(BRIEF).expect("fixture");
    let mut cited = std::collections::HashSet::new();
    for b in &blocks {
        let refs = b["origin"]["ref"].as_array().expect("ref is a list");
        assert!(!refs.is_empty());
        let mut item_text = String::new();
        for r in refs {
            let item = items
                .iter()
                .find(|i| i["id"] == r["id"])
                .unwrap_or_else(|| panic!("ref {r} names no archive item"));
            cited.insert(item["id"].as_str().expect("id").to_string());
            assert!(r["shared"].as_array().expect("shared").len() >= 2, "{r}");
            item_text.push_str(&item.to_string());
        }
        // Every number of a context block is in the article or in the items it cites.
        for n in numbers(b["text"].as_str().expect("text")) {
            assert!(
                numbers(&item_text).contains(&n) || numbers(&brief).contains(&n),
                "{n} in {}",
                b["text"]
            );
        }
    }
    // mb-3 is dated after the article (12 June 2024); vx-1 shares nothing with it.
    assert!(!cited.contains("mb-3"), "{cited:?}");
    assert!(!cited.contains("vx-1"), "{cited:?}");
    assert!(cited.contains("mb-1"), "{cited:?}");
    let md = v["markdown"].as_str().expect("markdown");
    assert!(md.contains("](/archives/mb-1)"), "{md}");
    let html = v["html"].as_str().expect("html");
    assert!(html.contains("<a href=\"/archives/mb-1\">"), "{html}");
}

#[test]
fn context_adds_words_and_is_absent_without_an_archive() {
    let (with, _) = rewrite_json(BRIEF, &["--archive", ARCHIVE]);
    let (without, _) = rewrite_json(BRIEF, &[]);
    assert!(context_blocks(&without).is_empty());
    assert!(
        with["word_count"].as_u64() > without["word_count"].as_u64(),
        "{} vs {}",
        with["word_count"],
        without["word_count"]
    );
}

#[test]
fn a_bad_archive_is_a_usage_error() {
    let dir = std::env::temp_dir().join(format!("copydesk-ctx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let bad = dir.join("bad.jsonl");
    std::fs::write(&bad, "{\"id\": 1, \"title\": \"ok\"}\nnot json\n").expect("write");
    let out = run(
        &["rewrite", BRIEF, "--archive", bad.to_str().expect("path")],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 2"));
    let missing = run(
        &["rewrite", BRIEF, "--archive", "/nonexistent/archive.jsonl"],
        b"",
    );
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn batch_takes_the_archive_too() {
    let line = serde_json::json!({
        "id": "a",
        "title": "Montbrac : la piscine municipale rouvre",
        "paragraphs": [
            "12 juin 2024. – La piscine municipale de Montbrac a rouvert ses portes samedi après huit mois de travaux sur le bassin olympique.",
            "Les nageurs du club de natation de Montbrac ont repris l’entraînement dans le bassin olympique rénové."
        ]
    });
    let out = run(
        &["batch", "--archive", ARCHIVE],
        format!("{line}\n").as_bytes(),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("one JSON line");
    assert!(!context_blocks(&v).is_empty(), "{v}");
}

#[test]
fn a_pack_note_on_a_central_entity_is_restated_and_cited() {
    let (v, _) = rewrite_json(BRIEF, &["--pack", "tests/fixtures/pack-fr.json"]);
    let blocks = context_blocks(&v);
    let refs: Vec<&str> = blocks
        .iter()
        .flat_map(|b| b["origin"]["ref"].as_array().expect("ref"))
        .map(|r| r["id"].as_str().expect("id"))
        .collect();
    assert!(
        refs.contains(&"https://example.org/notes/montbrac"),
        "{refs:?}"
    );
    // The vineyard is not what the article is about.
    assert!(!refs.contains(&"notes-vignoble"), "{refs:?}");
    let text: String = blocks
        .iter()
        .map(|b| b["text"].as_str().expect("text"))
        .collect();
    assert!(
        text.contains("12 000") || text.contains("12\u{a0}000") || text.contains("12\u{202f}000"),
        "{text}"
    );
    // A note is not an earlier article: it is not listed in "À lire aussi".
    assert!(blocks.iter().all(|b| b["kind"] != "list"), "{blocks:?}");
}

#[test]
fn archive_and_pack_together() {
    let (v, _) = rewrite_json(
        BRIEF,
        &[
            "--archive",
            ARCHIVE,
            "--pack",
            "tests/fixtures/pack-fr.json",
        ],
    );
    let ids: Vec<&str> = context_blocks(&v)
        .iter()
        .flat_map(|b| b["origin"]["ref"].as_array().expect("ref"))
        .map(|r| r["id"].as_str().expect("id"))
        .collect();
    assert!(
        ids.contains(&"mb-1") && ids.contains(&"https://example.org/notes/montbrac"),
        "{ids:?}"
    );
}

/// A fresh temporary directory for one test.
fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("copydesk-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn an_index_built_by_archive_build_gives_the_same_article_as_the_file() {
    let dir = temp_dir("index");
    let index = dir.join("index");
    let index = index.to_str().expect("path");
    let out = run(&["archive", "build", ARCHIVE, "-o", index], b"");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("indexed 4 articles"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (from_file, _) = rewrite_json(BRIEF, &["--archive", ARCHIVE]);
    let (from_index, _) = rewrite_json(BRIEF, &["--archive", index]);
    assert!(!context_blocks(&from_index).is_empty(), "{from_index}");
    assert_eq!(from_file, from_index);
    // A second build into the same directory is refused: an index is never overwritten.
    let again = run(&["archive", "build", ARCHIVE, "-o", index], b"");
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("not empty"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_directory_that_is_no_index_and_a_bad_build_input_are_usage_errors() {
    let dir = temp_dir("noindex");
    let d = dir.to_str().expect("path");
    let out = run(&["rewrite", BRIEF, "--archive", d], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).starts_with("copydesk: error: archive"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bad = dir.join("bad.jsonl");
    std::fs::write(&bad, "{\"id\": 1, \"title\": \"ok\"}\nnot json\n").expect("write");
    let target = dir.join("out");
    let out = run(
        &[
            "archive",
            "build",
            bad.to_str().expect("path"),
            "-o",
            target.to_str().expect("path"),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 2"));
    // No half-built index is left behind.
    assert!(!target.exists());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_toml_pack_gives_what_the_same_json_pack_gives() {
    let (json, _) = rewrite_json(BRIEF, &["--pack", "tests/fixtures/pack-fr.json"]);
    let (toml, _) = rewrite_json(BRIEF, &["--pack", "tests/fixtures/pack-fr.toml"]);
    assert!(!context_blocks(&toml).is_empty(), "{toml}");
    assert_eq!(json, toml);
}

#[test]
fn a_bad_toml_pack_is_a_usage_error_naming_the_line() {
    let dir = temp_dir("badtoml");
    let bad = dir.join("pack.toml");
    std::fs::write(
        &bad,
        "[[notes]]\nentity = \"Montbrac\"\ntext = 12\nsource = \"x\"\n",
    )
    .expect("write");
    let out = run(
        &["rewrite", BRIEF, "--pack", bad.to_str().expect("path")],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 3"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}
