//! Criterion benches of copydesk: each stage (brief, text, analyze, outline, compose, render)
//! and end to end, on the shipped sample texts (`examples/`, `tests/fixtures/`) and on a
//! deterministic synthetic size series (10 KB … 10 MB, `support/synth.rs`).
//!
//! `cargo bench --bench rewrite` runs everything; a filter picks a group, e.g.
//! `cargo bench --bench rewrite -- article` or `-- size/rewrite`.
#![allow(missing_docs)] // criterion_group! generates an undocumented function

#[path = "support/synth.rs"]
mod synth;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

use copydesk::compose::ComposeInput;
use copydesk::lang::Lang;
use copydesk::{Engine, Input, Options, analyze, brief, outline, render, text};

const SAMPLE: &str = include_str!("../examples/brief-sample-fr.txt");

/// The shipped sample texts: the example brief and the test fixtures (read at run time, so the
/// bench does not depend on `tests/` being packaged).
fn samples() -> Vec<(String, String)> {
    let mut out = vec![("brief-sample-fr".to_string(), SAMPLE.to_string())];
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    for path in files {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        if name == "README.md" {
            continue;
        }
        if let Ok(text) = std::fs::read_to_string(&path) {
            out.push((name, text));
        }
    }
    out
}

/// Rewrite and render as `batch` does (the JSON record holds Markdown and HTML too).
fn end_to_end(engine: &Engine, text: &str, options: &Options) -> String {
    let rw = engine
        .rewrite(Input::Brief(text), options)
        .expect("rewrite");
    render::json(&rw.article)
}

/// End to end on every shipped sample.
fn bench_samples(c: &mut Criterion) {
    let engine = Engine::new().expect("engine");
    let options = Options::default();
    let mut g = c.benchmark_group("samples");
    for (name, text) in samples() {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("rewrite+json", &name), &text, |b, t| {
            b.iter(|| end_to_end(&engine, black_box(t), &options));
        });
    }
    g.finish();
}

/// Each stage on its own, on one text, in pipeline order; every stage gets the previous
/// stage's value computed once outside the timed loop.
fn bench_stages_of(c: &mut Criterion, group: &str, text: &str, sample_size: usize) {
    let engine = Engine::new().expect("engine");
    let options = Options::default();
    let pack = engine.pack(Lang::Fr);
    let mut g = c.benchmark_group(group);
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(sample_size);
    g.bench_function("engine-new", |b| b.iter(|| Engine::new().expect("engine")));
    g.bench_function("brief", |b| {
        b.iter(|| brief::parse(black_box(text), engine.packs()));
    });
    let br = brief::parse(text, engine.packs());
    g.bench_function("text", |b| {
        b.iter(|| text::Document::build(black_box(&br.paragraphs), pack));
    });
    let doc = text::Document::build(&br.paragraphs, pack);
    g.bench_function("analyze", |b| {
        b.iter(|| analyze::analyze(black_box(&doc), br.title.as_deref(), pack));
    });
    let analysis = analyze::analyze(&doc, br.title.as_deref(), pack);
    g.bench_function("outline", |b| {
        b.iter(|| outline::outline_with(black_box(&doc), &analysis, &[]));
    });
    let outline = outline::outline_with(&doc, &analysis, &[]);
    let composer = engine.composer(Lang::Fr);
    let input = || ComposeInput {
        title: br.title.as_deref(),
        keyphrase: None,
        target_words: br.target_words.unwrap_or(copydesk::DEFAULT_TARGET_WORDS),
        removed: br.removed.clone(),
        source_headings: Vec::new(),
        images: Vec::new(),
        context: &[],
    };
    g.bench_function("compose", |b| {
        b.iter(|| composer.compose(black_box(&doc), &analysis, &outline, input()));
    });
    let article = composer.compose(&doc, &analysis, &outline, input());
    g.bench_function("render-markdown", |b| {
        b.iter(|| render::markdown(black_box(&article)));
    });
    g.bench_function("render-html", |b| {
        b.iter(|| render::html(black_box(&article)));
    });
    g.bench_function("render-json", |b| {
        b.iter(|| render::json(black_box(&article)));
    });
    g.bench_function("end-to-end", |b| {
        b.iter(|| end_to_end(&engine, black_box(text), &options));
    });
    g.finish();
}

fn bench_stages(c: &mut Criterion) {
    bench_stages_of(c, "stages/sample-fr", SAMPLE, 50);
    // A typical news article: about 1.5 KB of text.
    bench_stages_of(c, "stages/article-1.5KB", &synth::brief(7, 1500), 100);
}

/// Per article in process: the median of `rewrite` + JSON over many ~1.5 KB articles.
fn bench_article(c: &mut Criterion) {
    let engine = Engine::new().expect("engine");
    let options = Options::default();
    let articles: Vec<String> = (1..=16).map(|seed| synth::brief(seed, 1500)).collect();
    let mut g = c.benchmark_group("article");
    let mut k = 0;
    g.throughput(Throughput::Bytes(
        (articles.iter().map(String::len).sum::<usize>() / articles.len()) as u64,
    ));
    g.bench_function("rewrite+json-1.5KB", |b| {
        b.iter(|| {
            k = (k + 1) % articles.len();
            end_to_end(&engine, black_box(&articles[k]), &options)
        });
    });
    g.finish();
}

/// The size series, end to end and for the text stage: time should grow linearly.
fn bench_sizes(c: &mut Criterion) {
    let engine = Engine::new().expect("engine");
    let options = Options::default();
    let pack = engine.pack(Lang::Fr);
    let mut g = c.benchmark_group("size");
    g.sample_size(10);
    g.warm_up_time(Duration::from_secs(1));
    for (label, bytes) in [
        ("10KB", 10_000),
        ("100KB", 100_000),
        ("1MB", 1_000_000),
        ("10MB", 10_000_000),
    ] {
        let text = synth::brief(42, bytes);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.measurement_time(Duration::from_secs(if bytes >= 10_000_000 {
            60
        } else {
            5
        }));
        g.bench_with_input(BenchmarkId::new("rewrite+json", label), &text, |b, t| {
            b.iter(|| end_to_end(&engine, black_box(t), &options));
        });
        g.bench_with_input(BenchmarkId::new("split+tokenize", label), &text, |b, t| {
            b.iter(|| {
                let mut tokens = Vec::new();
                let mut n = 0;
                for p in black_box(t).split("\n\n") {
                    for s in text::split_sentences(p, pack) {
                        text::tokenize_into(p, s, 0, pack, &mut tokens);
                        n += 1;
                    }
                }
                (n, tokens.len())
            });
        });
    }
    g.finish();
}

criterion_group!(
    benches,
    bench_samples,
    bench_stages,
    bench_article,
    bench_sizes
);
criterion_main!(benches);
