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

criterion_group!(benches, bench);
criterion_main!(benches);
