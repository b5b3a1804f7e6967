//! An archive in a [tantivy](https://crates.io/crates/tantivy) index: on disk (built once with
//! `copydesk archive build`, opened in milliseconds) or in RAM.
//!
//! The index holds, for each item, its lowercase words (`words`, for names), its content stems
//! in French and in English (`stems_fr`, `stems_en`: each language pack's own Snowball stemmer
//! and stopwords, the very stems [`Archive`](super::Archive) indexes), its archive order and
//! day as fast fields, and the item itself as stored JSON. Queries read the posting lists
//! directly and go through the same retrieval code as the in-memory archive
//! ([`super::retrieve`]), so both backends return the same items in the same order.

use std::borrow::Cow;
use std::io::BufRead;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use tantivy::schema::{
    FAST, Field, IndexRecordOption, STORED, Schema, TextFieldIndexing, TextOptions, Value,
};
use tantivy::{
    DocAddress, DocSet, Index, IndexWriter, InvertedIndexReader, ReloadPolicy, Searcher,
    TERMINATED, TantivyDocument, Term,
};

use super::{ContextQuery, ContextSource, Item, Postings, RelatedItem, day_number, raw_words};
use crate::error::{Error, ErrorKind};
use crate::lang::{Lang, LanguagePack};

/// Memory the index writer may use before it writes a segment.
const WRITER_BUDGET: usize = 200_000_000;

fn index_error(what: &str, e: &impl std::fmt::Display) -> Error {
    Error::new(
        ErrorKind::InvalidInput,
        format!("archive index: {what}: {e}"),
    )
}

/// The index's fields.
#[derive(Debug, Clone, Copy)]
struct Fields {
    words: Field,
    stems_fr: Field,
    stems_en: Field,
    order: Field,
    day: Field,
    item: Field,
}

impl Fields {
    fn schema() -> (Schema, Self) {
        let mut b = Schema::builder();
        // Words and stems are computed by copydesk and joined with spaces: the index only
        // splits them back (tantivy's `whitespace` tokenizer), so it holds exactly our terms.
        let tokens = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("whitespace")
                .set_index_option(IndexRecordOption::Basic),
        );
        let fields = Self {
            words: b.add_text_field("words", tokens.clone()),
            stems_fr: b.add_text_field("stems_fr", tokens.clone()),
            stems_en: b.add_text_field("stems_en", tokens),
            order: b.add_u64_field("order", FAST),
            day: b.add_u64_field("day", FAST),
            item: b.add_text_field("item", STORED),
        };
        (b.build(), fields)
    }

    /// The fields of an opened index, when it is a copydesk archive index.
    fn of(schema: &Schema) -> Option<Self> {
        let f = |name: &str| schema.get_field(name).ok();
        Some(Self {
            words: f("words")?,
            stems_fr: f("stems_fr")?,
            stems_en: f("stems_en")?,
            order: f("order")?,
            day: f("day")?,
            item: f("item")?,
        })
    }

    fn stems(self, lang: Lang) -> Field {
        match lang {
            Lang::Fr => self.stems_fr,
            Lang::En => self.stems_en,
        }
    }
}

/// One segment's readers: the posting lists of the three term fields, and each document's
/// archive order.
struct Segment {
    words: Arc<InvertedIndexReader>,
    stems_fr: Arc<InvertedIndexReader>,
    stems_en: Arc<InvertedIndexReader>,
    order: Vec<u32>,
}

/// An archive of earlier articles in a tantivy index, a [`ContextSource`] that returns what
/// [`Archive`](super::Archive) returns for the same articles.
///
/// ```
/// use copydesk::context::{Archive, ContextQuery, ContextSource, TantivyArchive};
/// use copydesk::lang::{Lang, LanguagePack};
/// let lines = concat!(
///     r#"{"id":"1","title":"Le port de Montbrac","date":"2021-03-02","paragraphs":["Les dockers de Montbrac ont voté la grève."]}"#,
///     "\n",
///     r#"{"id":"2","title":"Vendanges","date":"2021-09-20","paragraphs":["Les vendanges commencent."]}"#,
/// );
/// let pack = LanguagePack::load(Lang::Fr)?;
/// let query = ContextQuery::new(&pack, [("Montbrac", 1.0, true), ("dockers", 1.0, false)], None, None);
/// let index = TantivyArchive::from_jsonl(lines)?;
/// let plain = Archive::from_jsonl(lines)?;
/// assert_eq!(index.related(&query, &pack), plain.related(&query, &pack));
/// assert_eq!(index.related(&query, &pack)[0].id, "1");
/// # Ok::<(), copydesk::Error>(())
/// ```
pub struct TantivyArchive {
    searcher: Searcher,
    fields: Fields,
    segments: Vec<Segment>,
    /// Archive order → the document's address.
    addresses: Vec<DocAddress>,
    /// Archive order → day (`YYYYMMDD`, 0 when unknown).
    days: Vec<u32>,
}

impl std::fmt::Debug for TantivyArchive {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TantivyArchive")
            .field("items", &self.addresses.len())
            .finish_non_exhaustive()
    }
}

/// How many items an index build wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BuildStats {
    /// Items indexed.
    pub items: usize,
}

impl TantivyArchive {
    /// Builds an on-disk index in `dir` (created; it must not exist or be empty) from JSON Lines
    /// read from `lines`, one article a line as for [`Archive::from_jsonl`](super::Archive::from_jsonl).
    ///
    /// On an error, the directory is left as it was (absent, or empty).
    ///
    /// # Errors
    /// An [`ErrorKind::InvalidInput`] error naming the first line that is not an article
    /// object, or saying why the directory cannot hold the index.
    pub fn build(lines: impl BufRead, dir: &Path) -> Result<BuildStats, Error> {
        if dir.is_file() {
            return Err(index_error(
                &dir.display().to_string(),
                &"is a file; give a directory",
            ));
        }
        let existed = dir.exists();
        std::fs::create_dir_all(dir)
            .map_err(|e| index_error(&format!("cannot create {}", dir.display()), &e))?;
        let not_empty = std::fs::read_dir(dir)
            .map_err(|e| index_error(&format!("cannot read {}", dir.display()), &e))?
            .next()
            .is_some();
        if not_empty {
            return Err(index_error(
                &dir.display().to_string(),
                &"the directory is not empty; remove it or give a new one",
            ));
        }
        let (schema, fields) = Fields::schema();
        let built = Index::create_in_dir(dir, schema)
            .map_err(|e| index_error("create", &e))
            .and_then(|index| fill(&index, fields, lines));
        if built.is_err() {
            // Leave no half-built index behind: the directory was new or empty.
            let _ = std::fs::remove_dir_all(dir);
            if existed {
                let _ = std::fs::create_dir(dir);
            }
        }
        built
    }

    /// Opens an index built by [`TantivyArchive::build`] (`copydesk archive build`).
    ///
    /// # Errors
    /// An [`ErrorKind::InvalidInput`] error when `dir` holds no copydesk archive index.
    pub fn open(dir: &Path) -> Result<Self, Error> {
        let index = Index::open_in_dir(dir)
            .map_err(|e| index_error(&format!("cannot open {}", dir.display()), &e))?;
        Self::from_index(&index)
    }

    /// Indexes JSON Lines text in RAM.
    ///
    /// # Errors
    /// An [`ErrorKind::InvalidInput`] error naming the first line that is not an article object.
    pub fn from_jsonl(text: &str) -> Result<Self, Error> {
        let (schema, fields) = Fields::schema();
        let index = Index::create_in_ram(schema);
        fill(&index, fields, text.as_bytes())?;
        Self::from_index(&index)
    }

    /// How many items the archive holds.
    #[must_use]
    pub fn len(&self) -> usize {
        self.addresses.len()
    }

    /// Whether the archive holds no item.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.addresses.is_empty()
    }

    fn from_index(index: &Index) -> Result<Self, Error> {
        let fields = Fields::of(&index.schema()).ok_or_else(|| {
            index_error(
                "not a copydesk archive index",
                &"build one with `copydesk archive build ARCHIVE.jsonl -o DIR`",
            )
        })?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| index_error("open a reader", &e))?;
        let searcher = reader.searcher();
        let mut segments = Vec::new();
        let mut addresses: Vec<Option<DocAddress>> = Vec::new();
        let mut days: Vec<u32> = Vec::new();
        for (ord, seg) in searcher.segment_readers().iter().enumerate() {
            let ord = u32::try_from(ord).map_err(|e| index_error("segments", &e))?;
            let inv = |f: Field| {
                seg.inverted_index(f)
                    .map_err(|e| index_error("postings", &e))
            };
            let order_col = seg
                .fast_fields()
                .u64("order")
                .map_err(|e| index_error("order", &e))?;
            let day_col = seg
                .fast_fields()
                .u64("day")
                .map_err(|e| index_error("day", &e))?;
            let mut order = Vec::with_capacity(seg.max_doc() as usize);
            for doc in 0..seg.max_doc() {
                let n = order_col
                    .first(doc)
                    .and_then(|n| u32::try_from(n).ok())
                    .ok_or_else(|| index_error("order", &format!("document {doc} has none")))?;
                let k = n as usize;
                if addresses.len() <= k {
                    addresses.resize(k + 1, None);
                    days.resize(k + 1, 0);
                }
                if let (Some(a), Some(d)) = (addresses.get_mut(k), days.get_mut(k)) {
                    *a = Some(DocAddress::new(ord, doc));
                    *d = day_col
                        .first(doc)
                        .and_then(|d| u32::try_from(d).ok())
                        .unwrap_or(0);
                }
                order.push(n);
            }
            segments.push(Segment {
                words: inv(fields.words)?,
                stems_fr: inv(fields.stems_fr)?,
                stems_en: inv(fields.stems_en)?,
                order,
            });
        }
        let addresses = addresses
            .into_iter()
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| index_error("order", &"items are missing"))?;
        Ok(Self {
            searcher,
            fields,
            segments,
            addresses,
            days,
        })
    }
}

/// The French and English packs, loaded once a process (every index stems in both).
fn packs() -> Result<&'static (LanguagePack, LanguagePack), Error> {
    static PACKS: OnceLock<Result<(LanguagePack, LanguagePack), Error>> = OnceLock::new();
    PACKS
        .get_or_init(|| Ok((LanguagePack::load(Lang::Fr)?, LanguagePack::load(Lang::En)?)))
        .as_ref()
        .map_err(Clone::clone)
}

/// Adds every line of `lines` to `index` in archive order, commits, and merges the segments
/// into one.
fn fill(index: &Index, fields: Fields, lines: impl BufRead) -> Result<BuildStats, Error> {
    let (fr, en) = packs()?;
    let mut writer: IndexWriter<TantivyDocument> = index
        .writer_with_num_threads(1, WRITER_BUDGET)
        .map_err(|e| index_error("writer", &e))?;
    let mut n: u64 = 0;
    for (k, line) in lines.lines().enumerate() {
        let line = line.map_err(|e| index_error(&format!("line {}", k + 1), &e))?;
        let Some(item) = super::parse_line(k, &line)? else {
            continue;
        };
        let mut words = String::new();
        let mut stems_fr = String::new();
        let mut stems_en = String::new();
        let texts =
            std::iter::once(item.title.as_str()).chain(item.paragraphs.iter().map(String::as_str));
        for t in texts {
            for w in raw_words(t) {
                for (pack, out) in [(fr, &mut stems_fr), (en, &mut stems_en)] {
                    if !pack.is_stopword(&w) {
                        out.push_str(&pack.stem(&w));
                        out.push(' ');
                    }
                }
                words.push_str(&w);
                words.push(' ');
            }
        }
        let json = serde_json::to_string(&item).map_err(|e| index_error("item", &e))?;
        let mut doc = TantivyDocument::new();
        doc.add_text(fields.words, words);
        doc.add_text(fields.stems_fr, stems_fr);
        doc.add_text(fields.stems_en, stems_en);
        doc.add_u64(fields.order, n);
        doc.add_u64(
            fields.day,
            item.date
                .as_deref()
                .and_then(day_number)
                .map_or(0, u64::from),
        );
        doc.add_text(fields.item, json);
        writer
            .add_document(doc)
            .map_err(|e| index_error("add", &e))?;
        n += 1;
    }
    writer.commit().map_err(|e| index_error("commit", &e))?;
    let ids = index
        .searchable_segment_ids()
        .map_err(|e| index_error("segments", &e))?;
    if ids.len() > 1 {
        writer
            .merge(&ids)
            .wait()
            .map_err(|e| index_error("merge", &e))?;
    }
    writer
        .wait_merging_threads()
        .map_err(|e| index_error("merge", &e))?;
    Ok(BuildStats {
        items: usize::try_from(n).unwrap_or(usize::MAX),
    })
}

impl Segment {
    fn field(&self, name: bool, lang: Lang) -> &InvertedIndexReader {
        match (name, lang) {
            (true, _) => &self.words,
            (false, Lang::Fr) => &self.stems_fr,
            (false, Lang::En) => &self.stems_en,
        }
    }
}

impl Postings for TantivyArchive {
    fn len(&self) -> usize {
        self.addresses.len()
    }

    fn matching(
        &self,
        keys: &[String],
        name: bool,
        pack: &LanguagePack,
        max_df: usize,
    ) -> Option<(usize, Vec<u32>)> {
        let field = if name {
            self.fields.words
        } else {
            self.fields.stems(pack.lang)
        };
        let terms: Vec<Term> = keys
            .iter()
            .map(|k| Term::from_field_text(field, k))
            .collect();
        // Document frequency of each key over the segments; the rarest decides.
        let mut dfs = vec![0usize; terms.len()];
        for seg in &self.segments {
            let inv = seg.field(name, pack.lang);
            for (df, term) in dfs.iter_mut().zip(&terms) {
                *df += inv.doc_freq(term).ok()? as usize;
            }
        }
        let (rarest, &df) = dfs.iter().enumerate().min_by_key(|(_, d)| **d)?;
        if df == 0 || df > max_df {
            return None;
        }
        let mut out = Vec::new();
        for seg in &self.segments {
            let inv = seg.field(name, pack.lang);
            let mut lists = Vec::with_capacity(terms.len());
            for (i, term) in terms.iter().enumerate() {
                match inv.read_postings(term, IndexRecordOption::Basic).ok()? {
                    Some(p) if i == rarest => lists.insert(0, p),
                    Some(p) => lists.push(p),
                    None => {
                        lists.clear();
                        break;
                    }
                }
            }
            let Some((lead, others)) = lists.split_first_mut() else {
                continue;
            };
            let mut doc = lead.doc();
            while doc != TERMINATED {
                let all = others.iter_mut().all(|p| {
                    if p.doc() < doc {
                        p.seek(doc);
                    }
                    p.doc() == doc
                });
                if all && let Some(&n) = seg.order.get(doc as usize) {
                    out.push(n);
                }
                doc = lead.advance();
            }
        }
        Some((df, out))
    }

    fn day(&self, n: u32) -> Option<u32> {
        self.days.get(n as usize).copied().filter(|&d| d != 0)
    }

    fn item(&self, n: u32) -> Option<Cow<'_, Item>> {
        let address = *self.addresses.get(n as usize)?;
        let doc: TantivyDocument = self.searcher.doc(address).ok()?;
        let json = doc.get_first(self.fields.item)?.as_str()?.to_owned();
        serde_json::from_str(&json).ok().map(Cow::Owned)
    }
}

impl ContextSource for TantivyArchive {
    /// The related items, by the rules of [`super::Archive`]. An index that cannot be read
    /// (a file removed under it) gives fewer items, never a panic.
    fn related(&self, query: &ContextQuery, pack: &LanguagePack) -> Vec<RelatedItem> {
        super::retrieve(self, query, pack)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::Archive;

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
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
        /// Skewed towards small numbers: a few words in most items, most words rare.
        fn skewed(&mut self, n: usize) -> usize {
            let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
            ((u * u * u) * n as f64) as usize
        }
    }

    /// Words with inflected forms, names, stopwords and digits, in French and English.
    const REAL: &[&str] = &[
        "séisme",
        "séismes",
        "sismologues",
        "Montbrac",
        "montbrac",
        "piscine",
        "piscines",
        "bassin",
        "olympique",
        "Haut-Karabakh",
        "Karabakh",
        "Azerbaïdjan",
        "l’Arménie",
        "réfugiés",
        "réfugié",
        "dockers",
        "grève",
        "grèves",
        "port",
        "portant",
        "Port",
        "vendanges",
        "élection",
        "élections",
        "election",
        "elections",
        "voters",
        "voted",
        "harbour",
        "strike",
        "strikes",
        "le",
        "la",
        "des",
        "the",
        "of",
        "and",
        "2021",
        "12",
        "kippa",
        "Lyon",
        "Bakou",
        "conseil",
        "municipal",
        "mairie",
        "travaux",
        "rénovation",
        "club",
        "natation",
        "Saint-Aubert",
    ];

    /// Word `n` of the test vocabulary: the real words first, then pseudo-words (rare, so
    /// specific), some capitalised (names), some with a plural `s`.
    fn word(n: usize) -> String {
        if let Some(w) = REAL.get(n) {
            return (*w).to_string();
        }
        const SYL: [&str; 12] = [
            "ba", "ro", "ti", "lu", "men", "sar", "do", "vel", "qui", "né", "gor", "ste",
        ];
        let mut w = String::new();
        let mut k = n + 12;
        while k > 0 {
            w.push_str(SYL[k % 12]);
            k /= 12;
        }
        match n % 7 {
            0 => format!("{}{}", w[..1].to_uppercase(), &w[1..]),
            1 => format!("{w}s"),
            _ => w,
        }
    }

    const VOCABULARY: usize = 2500;

    /// Items as lists of words, and their JSON Lines text.
    fn archive_text(rng: &mut Rng, items: usize) -> (String, Vec<Vec<String>>) {
        let mut out = String::new();
        let mut all = Vec::new();
        for i in 0..items {
            let mut item_words = Vec::new();
            let mut words = |rng: &mut Rng, k: usize| {
                let w: Vec<String> = (0..k).map(|_| word(rng.skewed(VOCABULARY))).collect();
                item_words.extend(w.iter().cloned());
                w.join(" ")
            };
            let date = match rng.below(5) {
                0 => serde_json::Value::Null,
                1 => serde_json::json!("mai 2020"),
                _ => serde_json::json!(format!(
                    "20{:02}-{:02}-{:02}",
                    18 + rng.below(6),
                    1 + rng.below(12),
                    1 + rng.below(28)
                )),
            };
            let title = words(rng, 4);
            let paragraphs: Vec<String> = (0..1 + rng.below(3))
                .map(|_| format!("{}.", words(rng, 12)))
                .collect();
            let line = serde_json::json!({
                "id": if i % 7 == 0 { serde_json::json!(i) } else { serde_json::json!(format!("a{i}")) },
                "title": title,
                "date": date,
                "url": if i % 3 == 0 { serde_json::json!(format!("/a/{i}")) } else { serde_json::json!("javascript:x") },
                "paragraphs": paragraphs,
            });
            out.push_str(&line.to_string());
            out.push('\n');
            if i % 50 == 0 {
                out.push('\n');
            }
            all.push(item_words);
        }
        (out, all)
    }

    /// Queries whose terms are drawn mostly from one item's words (so that they find items),
    /// some from the whole vocabulary; a third undated, a tenth titled like an item.
    fn queries(
        rng: &mut Rng,
        pack: &LanguagePack,
        items: &[Vec<String>],
        titles: &[String],
    ) -> Vec<ContextQuery> {
        (0..120)
            .map(|q| {
                let source = items.get(rng.below(items.len().max(1)));
                let pick = |rng: &mut Rng| match source {
                    Some(ws) if !ws.is_empty() && rng.below(4) != 0 => {
                        ws[rng.below(ws.len())].clone()
                    }
                    _ => word(rng.skewed(VOCABULARY)),
                };
                let terms: Vec<(String, f64, bool)> = (0..2 + rng.below(8))
                    .map(|k| {
                        let a = pick(rng);
                        let text = if k % 3 == 2 {
                            format!("{a} {}", pick(rng))
                        } else {
                            a
                        };
                        let name = text.chars().next().is_some_and(char::is_uppercase);
                        (text, 1.0 / (1.0 + k as f64), name)
                    })
                    .collect();
                let date = (q % 3 != 0).then(|| format!("20{:02}-06-15", 18 + rng.below(6)));
                let title = (q % 10 == 0)
                    .then(|| titles.get(rng.below(titles.len().max(1))).cloned())
                    .flatten();
                let mut query = ContextQuery::new(
                    pack,
                    terms.iter().map(|(t, w, n)| (t.as_str(), *w, *n)),
                    date,
                    title,
                );
                query.limit = 1 + rng.below(12);
                query
            })
            .collect()
    }

    /// The same queries on the in-memory archive, the RAM index and the on-disk index give the
    /// same items in the same order (ids, scores, shared terms, dates, links).
    #[test]
    fn both_backends_give_the_same_items_for_the_same_queries() {
        let mut rng = Rng(11);
        // Over 1,000 items, so that `context.common-in-archive` skips the commonest words.
        let (text, words) = archive_text(&mut rng, 1500);
        let plain = Archive::from_jsonl(&text).expect("archive");
        let ram = TantivyArchive::from_jsonl(&text).expect("RAM index");
        let dir = std::env::temp_dir().join(format!("copydesk-index-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let stats = TantivyArchive::build(text.as_bytes(), &dir).expect("build");
        assert_eq!(stats.items, plain.len());
        let disk = TantivyArchive::open(&dir).expect("open");
        assert_eq!(disk.len(), plain.len());
        let titles: Vec<String> = text
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v["title"].as_str().map(String::from))
            .collect();
        let (mut found, mut later_left_out) = (0, 0);
        for lang in [Lang::Fr, Lang::En] {
            let pack = LanguagePack::load(lang).expect("pack");
            for q in queries(&mut rng, &pack, &words, &titles) {
                let want = plain.related(&q, &pack);
                assert_eq!(ram.related(&q, &pack), want, "{q:?}");
                assert_eq!(disk.related(&q, &pack), want, "{q:?}");
                found += want.len();
                if q.date.is_some() {
                    let undated = ContextQuery {
                        date: None,
                        ..q.clone()
                    };
                    let all = plain.related(&undated, &pack);
                    assert_eq!(disk.related(&undated, &pack), all, "{undated:?}");
                    later_left_out += usize::from(all.len() > want.len());
                }
            }
        }
        // The queries exercise retrieval: many find items, and the date rule leaves some out.
        assert!(found > 100, "{found}");
        assert!(later_left_out > 5, "{later_left_out}");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn an_index_is_never_built_over_files() {
        let dir = std::env::temp_dir().join(format!("copydesk-index-full-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("dir");
        std::fs::write(dir.join("notes.txt"), "keep me").expect("write");
        let err = TantivyArchive::build(&b"{\"id\":1}\n"[..], &dir).expect_err("not empty");
        assert!(err.to_string().contains("not empty"), "{err}");
        assert!(dir.join("notes.txt").exists());
        let err = TantivyArchive::open(&dir).expect_err("no index");
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        let _ = std::fs::remove_dir_all(&dir);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]
        /// Any small archive and query: the RAM index returns what the in-memory archive does.
        #[test]
        fn the_ram_index_agrees_with_the_archive(seed in 0u64..u64::MAX, items in 1usize..60) {
            let mut rng = Rng(seed);
            let (text, words) = archive_text(&mut rng, items);
            let plain = Archive::from_jsonl(&text).expect("archive");
            let ram = TantivyArchive::from_jsonl(&text).expect("RAM index");
            let pack = &packs().expect("packs").0;
            for q in queries(&mut rng, pack, &words, &[]).into_iter().take(20) {
                proptest::prop_assert_eq!(ram.related(&q, pack), plain.related(&q, pack));
            }
        }
    }
}
