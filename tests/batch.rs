//! `copydesk batch` through the real binary: order, error records, determinism across thread
//! counts, and the same bytes as `rewrite` for each line.

mod common;

use common::run;
use serde_json::{Value, json};

/// Own test articles (invented places and people), one JSON object a line.
fn articles() -> Vec<Value> {
    let towns = ["Montbrac", "Sorlanges", "Vérane-le-Haut", "Castelvieil"];
    let works = [
        ("la piscine municipale", "piscine"),
        ("la médiathèque", "médiathèque"),
        ("le gymnase", "gymnase"),
        ("la passerelle", "passerelle"),
    ];
    let mut out = Vec::new();
    for (i, town) in towns.iter().enumerate() {
        for (j, (what, short)) in works.iter().enumerate() {
            let months = 3 + i + j;
            let cost = 1 + (i * 7 + j * 3) % 9;
            out.push(json!({
                "id": format!("{i}-{j}"),
                "title": format!("{town} rouvre {what} après {months} mois de travaux"),
                "paragraphs": [
                    format!("{town} rouvre samedi {what} après {months} mois de travaux, a annoncé la mairie."),
                    format!("Le chantier de la {short} a coûté {cost} millions d’euros, financés pour moitié par la région."),
                    format!("« Les habitants attendaient ce jour depuis longtemps », a déclaré le maire de {town}, Paul Aubert."),
                    "PUBLICITÉ".to_string(),
                    format!("Les horaires d’ouverture de la {short} seront élargis le dimanche dès le mois prochain."),
                ],
            }));
        }
    }
    out
}

fn jsonl(items: &[Value]) -> String {
    items.iter().map(|v| format!("{v}\n")).collect()
}

fn records(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("every output line is JSON"))
        .collect()
}

#[test]
fn batch_output_has_one_record_a_line_in_input_order() {
    let items = articles();
    let out = run(&["batch", "--jobs", "2"], jsonl(&items).as_bytes());
    assert_eq!(out.status.code(), Some(0));
    let recs = records(&out.stdout);
    assert_eq!(recs.len(), items.len());
    for (item, rec) in items.iter().zip(&recs) {
        assert_eq!(rec["id"], item["id"]);
        assert_eq!(rec["schema"], "copydesk.article/1");
        assert!(rec.get("error").is_none(), "{rec}");
    }
}

#[test]
fn batch_bytes_do_not_depend_on_the_number_of_threads() {
    let input = jsonl(&articles());
    let one = run(&["batch", "--jobs", "1"], input.as_bytes());
    let two = run(&["batch", "--jobs", "2"], input.as_bytes());
    let four = run(&["batch", "-j", "4"], input.as_bytes());
    assert_eq!(one.status.code(), Some(0));
    assert!(!one.stdout.is_empty());
    assert_eq!(one.stdout, two.stdout);
    assert_eq!(one.stdout, four.stdout);
}

#[test]
fn batch_record_is_the_rewrite_of_the_same_brief() {
    let brief = "Montbrac rouvre sa piscine\n\nLa piscine municipale de Montbrac rouvre samedi après huit mois de travaux.\n\nLes travaux ont coûté 2 millions d’euros, a précisé la mairie de Montbrac.";
    let line = format!("{}\n", json!({"id": 7, "brief": brief}));
    let batch = records(&run(&["batch", "--min-words", "150"], line.as_bytes()).stdout);
    let single = run(
        &["rewrite", "--format", "json", "--min-words", "150"],
        brief.as_bytes(),
    );
    assert_eq!(single.status.code(), Some(0));
    let mut single: Value = serde_json::from_slice(&single.stdout).expect("json");
    single["id"] = json!(7);
    assert_eq!(batch.len(), 1);
    assert_eq!(batch[0], single);
}

#[test]
fn bad_lines_give_error_records_and_the_run_goes_on() {
    let items = articles();
    let mut input = String::new();
    input.push_str(&format!("{}\n", items[0]));
    input.push_str("{not json\n");
    input.push('\n'); // blank lines are skipped
    input.push_str(&format!("{}\n", json!({"id": "no-text", "title": "Rien"})));
    input.push_str(&format!(
        "{}\n",
        json!({"id": "empty", "paragraphs": ["PUBLICITÉ"]})
    ));
    let mut bytes = input.into_bytes();
    bytes.extend_from_slice(b"{\"id\": \"latin1\", \"brief\": \"caf\xe9\"}\n");
    bytes.extend_from_slice(format!("{}", items[1]).as_bytes()); // no final newline
    let out = run(&["batch"], &bytes);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let recs = records(&out.stdout);
    assert_eq!(recs.len(), 6);
    assert_eq!(recs[0]["id"], items[0]["id"]);
    assert!(recs[0].get("error").is_none());
    for (rec, line) in recs[1..5].iter().zip([2, 4, 5, 6]) {
        assert!(
            rec["error"].as_str().is_some_and(|e| !e.is_empty()),
            "{rec}"
        );
        assert_eq!(rec["line"], line, "{rec}");
    }
    assert_eq!(recs[2]["id"], "no-text");
    assert_eq!(recs[3]["id"], "empty");
    assert_eq!(recs[5]["id"], items[1]["id"]);
    assert!(recs[5].get("error").is_none());
}

#[test]
fn batch_reads_a_file_and_draws_no_progress_bar_off_a_terminal() {
    let dir = std::env::temp_dir().join(format!("copydesk-batch-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("in.jsonl");
    std::fs::write(&path, jsonl(&articles()[..3])).expect("write");
    let out = run(&["batch", path.to_str().expect("utf-8 path")], b"");
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(records(&out.stdout).len(), 3);
    // stderr is a pipe here: no progress bar, no escape sequences
    assert!(
        !out.stderr.contains(&0x1b),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_missing_batch_file_is_a_usage_error() {
    let out = run(&["batch", "/nonexistent/copydesk/in.jsonl"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot open"));
}
