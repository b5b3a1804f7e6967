//! Criterion bench of `rewrite` on the shipped sample brief, end to end and per stage.
#![allow(missing_docs)] // criterion_group! generates an undocumented function

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

use copydesk::lang::Lang;
use copydesk::{Engine, Input, Options};

const SAMPLE: &str = include_str!("../examples/brief-sample-fr.txt");

fn bench(c: &mut Criterion) {
    let engine = Engine::new().expect("engine");
    let options = Options::default();
    let mut g = c.benchmark_group("sample-fr");
    g.throughput(Throughput::Bytes(SAMPLE.len() as u64));
    g.bench_function("rewrite", |b| {
        b.iter(|| {
            engine
                .rewrite(Input::Brief(black_box(SAMPLE)), &options)
                .expect("rewrite")
        });
    });
    let pack = engine.pack(Lang::Fr);
    let packs = [
        copydesk::lang::LanguagePack::load(Lang::Fr).expect("fr"),
        copydesk::lang::LanguagePack::load(Lang::En).expect("en"),
    ];
    g.bench_function("brief+text", |b| {
        b.iter(|| {
            let brief = copydesk::brief::parse(black_box(SAMPLE), &packs);
            copydesk::text::Document::build(&brief.paragraphs, pack)
        });
    });
    g.bench_function("render-json", |b| {
        let rw = engine
            .rewrite(Input::Brief(SAMPLE), &options)
            .expect("rewrite");
        b.iter(|| copydesk::render::json(black_box(&rw.article)));
    });
    g.finish();
}

/// About 1 MB of French text: the sample's article paragraphs, repeated.
fn corpus() -> String {
    let paragraphs: Vec<&str> = SAMPLE
        .split("\n\n")
        .filter(|p| copydesk::text::count_words(p) > 12)
        .collect();
    let mut out = String::new();
    while out.len() < 1_000_000 {
        for p in &paragraphs {
            out.push_str(p);
            out.push_str("\n\n");
        }
    }
    out
}

fn bench_text(c: &mut Criterion) {
    let engine = Engine::new().expect("engine");
    let pack = engine.pack(Lang::Fr);
    let text = corpus();
    let mut g = c.benchmark_group("text-1MB");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(20);
    g.bench_function("split+tokenize", |b| {
        b.iter(|| {
            let mut tokens = Vec::new();
            let mut n = 0;
            for p in black_box(&text).split("\n\n") {
                for s in copydesk::text::split_sentences(p, pack) {
                    copydesk::text::tokenize_into(p, s, 0, pack, &mut tokens);
                    n += 1;
                }
            }
            (n, tokens.len())
        });
    });
    g.bench_function("document", |b| {
        let paragraphs: Vec<&str> = text.split("\n\n").collect();
        b.iter(|| copydesk::text::Document::build(black_box(&paragraphs), pack));
    });
    g.finish();
}

criterion_group!(benches, bench, bench_text);
criterion_main!(benches);
