//! Helpers shared by the integration tests: run the real binary, and check the principles with
//! rules written independently of the library (so a library bug cannot hide itself).
#![allow(dead_code)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

/// Runs the real `copydesk` binary with `args`, feeding `stdin`.
pub fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the copydesk binary starts");
    if let Some(mut input) = child.stdin.take() {
        // A closed pipe is fine: some commands do not read stdin.
        let _ = input.write_all(stdin);
    }
    child.wait_with_output().expect("copydesk finishes")
}

/// Runs `rewrite --format json` on a fixture file and parses the result.
pub fn rewrite_json(path: &str, extra: &[&str]) -> (Value, Output) {
    let mut args = vec!["rewrite", "--format", "json", path];
    args.extend_from_slice(extra);
    let out = run(&args, b"");
    assert_eq!(
        out.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    (v, out)
}

/// Typography-insensitive form of a text: ’ → ', quotes neutral, spaces collapsed, no space
/// before high punctuation or around quotes, ... → …
pub fn norm(s: &str) -> String {
    let s = s
        .replace("...", "…")
        .replace(['’', '‘'], "'")
        .replace(['«', '»', '“', '”', '"'], "\"");
    let collapsed = s.split_whitespace().collect::<Vec<_>>().join(" ");
    // a dash between spaces is the same in any of its forms (` - `, ` – `, ` — `)
    let collapsed = collapsed.replace(" – ", " - ").replace(" — ", " - ");
    collapsed
        .replace(" \"", "\"")
        .replace("\" ", "\"")
        .replace(" :", ":")
        .replace(" ;", ";")
        .replace(" !", "!")
        .replace(" ?", "?")
}

/// A naive sentence split (after . ! ? … and a space and an upper-case letter), enough to find
/// source sentences in the output.
pub fn naive_sentences(paragraph: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = paragraph.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        cur.push(c);
        if matches!(c, '.' | '!' | '?' | '…')
            && chars.get(i + 1).is_some_and(|n| n.is_whitespace())
            && chars.get(i + 2).is_some_and(|n| n.is_uppercase())
            && !cur.ends_with("M.")
            && !cur.ends_with("Mme.")
        {
            out.push(cur.trim().to_string());
            cur.clear();
        }
    }
    if !cur.trim().is_empty() {
        out.push(cur.trim().to_string());
    }
    out
}

/// The body text: every block's text, in order.
pub fn body(v: &Value) -> String {
    v["sections"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|s| s["blocks"].as_array().into_iter().flatten())
        .filter_map(|b| b["text"].as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every piece of generated text: title, h1, meta, headings and non-source blocks.
pub fn generated(v: &Value) -> Vec<String> {
    let mut out: Vec<String> = ["title", "h1", "meta_description"]
        .iter()
        .filter_map(|k| v[*k].as_str().map(str::to_string))
        .collect();
    for s in v["sections"].as_array().into_iter().flatten() {
        if let Some(h) = s["heading"].as_str() {
            out.push(h.to_string());
        }
        for b in s["blocks"].as_array().into_iter().flatten() {
            if b["origin"]["kind"] != "source" {
                out.extend(b["text"].as_str().map(str::to_string));
            }
        }
    }
    out
}

/// Numbers as digit strings with group separators removed.
pub fn numbers(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_digit() {
            cur.push(c);
        } else if !cur.is_empty()
            && (c.is_whitespace()
                && chars.get(i + 1).is_some_and(char::is_ascii_digit)
                && chars.get(i + 4).is_none_or(|d| !d.is_ascii_digit())
                && chars[i + 1..].iter().take(3).all(char::is_ascii_digit)
                || (c == ',' || c == '.') && chars.get(i + 1).is_some_and(char::is_ascii_digit))
        {
            if c == ',' || c == '.' {
                cur.push(',');
            }
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Words of a text, lower case, elisions and hyphen parts split off.
pub fn words(s: &str) -> std::collections::HashSet<String> {
    let mut out = std::collections::HashSet::new();
    for w in s.split(|c: char| c.is_whitespace()) {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        let w = w.rsplit(['’', '\'']).next().unwrap_or("").to_string();
        for part in w.split(['-', '/']) {
            out.insert(part.to_string());
        }
        out.insert(w);
    }
    out
}

/// The numbers and capitalised words of `generated` that `input` does not hold (the first word
/// of a line or sentence and the word after `:` or `«` are exempt).
pub fn ungrounded(generated: &str, input: &str) -> Vec<String> {
    let in_numbers: std::collections::HashSet<String> = numbers(input).into_iter().collect();
    let in_words = words(input);
    let mut bad: Vec<String> = numbers(generated)
        .into_iter()
        .filter(|n| !in_numbers.contains(n))
        .collect();
    for line in generated.lines() {
        let mut exempt = true;
        for w in line.split_whitespace() {
            let core = w.trim_matches(|c: char| !c.is_alphanumeric());
            let after_elision = core.rsplit(['’', '\'']).next().unwrap_or(core);
            if !exempt && after_elision.chars().next().is_some_and(char::is_uppercase) {
                let key = after_elision.to_lowercase();
                if !in_words.contains(&key) && !key.split('-').all(|p| in_words.contains(p)) {
                    bad.push(core.to_string());
                }
            }
            if core.chars().any(char::is_alphanumeric) {
                exempt = false;
            }
            if w.ends_with(['.', ':', '«', '!', '?']) || w == ":" || w == "«" {
                exempt = true;
            }
        }
    }
    bad
}

/// The elements `render::html` writes itself: any other tag in the HTML came from input.
#[allow(unused_imports)] // not every test crate that includes this module checks HTML
pub use copydesk::render::OWN_ELEMENTS as OWN_TAGS;

/// The tag names opened or closed in `html`, in order.
pub fn tags(html: &str) -> Vec<String> {
    html.match_indices('<')
        .map(|(i, _)| {
            let rest = &html[i + 1..];
            rest.strip_prefix('/')
                .unwrap_or(rest)
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
                .collect::<String>()
        })
        .collect()
}
