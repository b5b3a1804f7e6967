//! Criterion bench of context retrieval on a synthetic archive of 100,000 articles generated
//! deterministically here (pseudo-words drawn with a skewed distribution, so a few words are in
//! most articles and most are rare, as in news), with queries of 25 terms built like an
//! article's (keyphrases and names), on each backend: the in-memory `Archive` (what a JSON
//! Lines `--archive` uses), and, with the `tantivy` feature, `TantivyArchive` in RAM and on
//! disk (what `copydesk archive build` writes). The one-off costs (reading and indexing the
//! archive, opening the on-disk index) are timed once and printed on stderr.
//!
//! `cargo bench --bench context` (building the archives and indexes takes a minute or two
//! before the measurements; the bar is 5 ms a query).
#![allow(missing_docs)] // criterion_group! generates an undocumented function

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};

use copydesk::context::{Archive, ContextQuery, ContextSource};
use copydesk::lang::{Lang, LanguagePack};

const ARTICLES: usize = 100_000;
const VOCABULARY: usize = 60_000;
const WORDS_PER_ARTICLE: usize = 180;

/// A small deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    /// A word number, skewed towards small numbers (frequent words).
    fn word(&mut self) -> usize {
        ((self.unit().powi(3)) * VOCABULARY as f64) as usize
    }
}

/// Pseudo-word `n`: syllables, so the stemmer has real work, with a plural now and then.
fn word(n: usize) -> String {
    const SYL: [&str; 16] = [
        "ba", "ro", "ti", "lu", "men", "sar", "do", "vel", "qui", "né", "pa", "gor", "li", "mu",
        "ste", "ran",
    ];
    let mut w = String::new();
    let mut k = n + 16;
    while k > 0 {
        w.push_str(SYL[k % 16]);
        k /= 16;
    }
    w
}

fn archive_jsonl() -> String {
    let mut rng = Rng(7);
    let mut out = String::with_capacity(ARTICLES * WORDS_PER_ARTICLE * 8);
    for i in 0..ARTICLES {
        let mut sentence = Vec::new();
        let mut paragraphs = Vec::new();
        for k in 0..WORDS_PER_ARTICLE {
            sentence.push(word(rng.word()));
            if k % 12 == 11 {
                sentence.push("le".into());
                paragraphs.push(format!("Le {}.", sentence.join(" ")));
                sentence.clear();
            }
        }
        let line = serde_json::json!({
            "id": i.to_string(),
            "title": (0..8).map(|_| word(rng.word())).collect::<Vec<_>>().join(" "),
            "date": format!("20{:02}-{:02}-{:02}", 10 + i % 14, 1 + i % 12, 1 + i % 28),
            "url": format!("/articles/{i}"),
            "paragraphs": paragraphs,
        });
        out.push_str(&line.to_string());
        out.push('\n');
    }
    out
}

fn queries(pack: &LanguagePack) -> Vec<ContextQuery> {
    let mut rng = Rng(99);
    (0..64)
        .map(|_| {
            let terms: Vec<(String, f64, bool)> = (0..25)
                .map(|k| {
                    let text = if k % 3 == 0 {
                        format!("{} {}", word(rng.word()), word(rng.word()))
                    } else {
                        word(rng.word())
                    };
                    (text, 1.0 / (1.0 + k as f64), k % 5 == 0)
                })
                .collect();
            ContextQuery::new(
                pack,
                terms.iter().map(|(t, w, n)| (t.as_str(), *w, *n)),
                Some("2022-06-15".into()),
                None,
            )
        })
        .collect()
}

fn retrieval(c: &mut Criterion) {
    let pack = LanguagePack::load(Lang::Fr).expect("the French pack loads");
    let text = archive_jsonl();
    let t = Instant::now();
    let archive = Archive::from_jsonl(&text).expect("the synthetic archive parses");
    archive.prepare(&pack);
    eprintln!(
        "context: Archive::from_jsonl + prepare, 100k articles: {:.2} s",
        t.elapsed().as_secs_f64()
    );
    let qs = queries(&pack);
    #[cfg_attr(not(feature = "tantivy"), allow(unused_mut))]
    let mut sources: Vec<(&str, Box<dyn ContextSource>)> = vec![("archive", Box::new(archive))];
    // The on-disk index's directory (with the `tantivy` feature), removed after the measurements.
    let dir = std::env::temp_dir().join(format!("copydesk-bench-index-{}", std::process::id()));
    #[cfg(feature = "tantivy")]
    {
        use copydesk::context::TantivyArchive;
        let t = Instant::now();
        let ram = TantivyArchive::from_jsonl(&text).expect("RAM index");
        eprintln!(
            "context: TantivyArchive::from_jsonl (RAM), 100k articles: {:.2} s",
            t.elapsed().as_secs_f64()
        );
        sources.push(("tantivy-ram", Box::new(ram)));
        let _ = std::fs::remove_dir_all(&dir);
        let t = Instant::now();
        TantivyArchive::build(text.as_bytes(), &dir).expect("index build");
        eprintln!(
            "context: TantivyArchive::build (disk), 100k articles: {:.2} s",
            t.elapsed().as_secs_f64()
        );
        let t = Instant::now();
        let disk = TantivyArchive::open(&dir).expect("index open");
        eprintln!(
            "context: TantivyArchive::open, 100k articles: {:.3} s",
            t.elapsed().as_secs_f64()
        );
        sources.push(("tantivy-disk", Box::new(disk)));
    }
    let mut g = c.benchmark_group("context");
    g.measurement_time(Duration::from_secs(10));
    g.sample_size(20);
    for (name, source) in &sources {
        let mut i = 0;
        g.bench_function(format!("related/100k-articles/{name}"), |b| {
            b.iter(|| {
                i = (i + 1) % qs.len();
                black_box(source.related(black_box(&qs[i]), &pack))
            });
        });
    }
    g.finish();
    drop(sources);
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, retrieval);
criterion_main!(benches);
