//! Context sources: the newsroom's own earlier coverage, found by the article's keyphrases and
//! entities, for the grounded "Contexte" and "À lire aussi" blocks of `compose`.
//!
//! [`ContextSource`] is the seam: an embedding crate plugs in its own store; [`Archive`] is
//! the built-in one, an in-memory inverted index over Snowball stems (the language pack's own
//! stemmer) of a JSON Lines file of earlier articles (`{"id","title","date","url"?,"paragraphs"}`).
//!
//! Retrieval rules (rule ids `context.*`):
//! - `context.shared-terms`: an item is related only when it shares at least two of the
//!   article's keyphrases or entities ([`MIN_SHARED`]), two that are not one inside the other
//!   (`Karabakh` and `Haut-Karabakh` count once). A term is shared when every content stem of it
//!   occurs in the item.
//! - `context.earlier`: when the article's date and the item's date are both known, only items
//!   dated strictly before the article are returned.
//! - `context.common-in-archive`: a term found in more than a tenth of a large archive is
//!   not used ([`MAX_DF_DIVISOR`]).
//! - `context.score`: items are ranked by the sum, over shared terms, of the term's weight
//!   times its inverse document frequency, best first; ties by archive order.
//!
//! Example: an article on `Haut-Karabakh` and `Azerbaïdjan` dated 2023-09-20 gets an archive
//! item of 2020-11-10 that names both; an item of 2023-10-01, or one naming only `Azerbaïdjan`,
//! is not returned.

#[cfg(feature = "tantivy")]
mod index;

#[cfg(feature = "tantivy")]
pub use index::{BuildStats, TantivyArchive};

use crate::hash::{HashMap, HashMapExt, HashSet, HashSetExt};
use std::sync::OnceLock;

use serde::Deserialize;

use crate::error::{Error, ErrorKind};
use crate::lang::{Lang, LanguagePack};

/// The fewest keyphrases or entities an item must share with the article.
pub const MIN_SHARED: usize = 2;

/// Rule `context.common-in-archive`: a term found in more than one item in
/// `MAX_DF_DIVISOR` of the archive (and in more than [`MIN_DF_CAP`] items) is not used —
/// in that archive it says nothing about relatedness, and its long list of items would cost
/// most of the query time. Example: with 100,000 items, a term in 12,000 of them is skipped.
pub const MAX_DF_DIVISOR: usize = 10;

/// The smallest document-frequency cap: a small archive never loses a term to
/// `context.common-in-archive`.
pub const MIN_DF_CAP: usize = 100;

/// The least specificity ([`LanguagePack::specificity`]) of a term's rarest word for the term
/// to count in retrieval: about Zipf 4.4, rarer than everyday words.
pub const MIN_SPECIFICITY: f64 = 0.75;

/// One of the article's keyphrases or entities, as a retrieval term.
#[derive(Debug, Clone, PartialEq)]
pub struct QueryTerm {
    /// The term as the article writes it (`Haut-Karabakh`).
    pub text: String,
    /// Its content stems, lowercase (`["haut", "karabakh"]`); for a name, its lowercase words
    /// unstemmed (a name is matched as written: `Port` does not match `portant`).
    pub stems: Vec<String>,
    /// Whether it is a name, matched on whole words rather than stems.
    pub name: bool,
    /// Its weight (keyphrase score, or 1 for an entity).
    pub weight: f64,
}

/// What a context source is asked: the article's terms, language and date.
#[derive(Debug, Clone)]
pub struct ContextQuery {
    /// The article's language.
    pub lang: Lang,
    /// The article's date as `YYYY-MM-DD`, when known.
    pub date: Option<String>,
    /// The article's title, when given (an item with the same title is the article itself).
    pub title: Option<String>,
    /// Keyphrases and entities, best first, with no two of the same stems.
    pub terms: Vec<QueryTerm>,
    /// The most items to return.
    pub limit: usize,
    /// The entities central to the article (lowercase, with their variants): those a context
    /// pack note may be about.
    pub central: Vec<String>,
}

impl ContextQuery {
    /// A query from the article's keyphrases and entities (surface form, weight, whether it
    /// is a name), stemmed with `pack`'s stemmer (names: lowercased only).
    ///
    /// Rule `context.specific-terms`: a term whose rarest word is still common (specificity
    /// under [`MIN_SPECIFICITY`]: `France`, `heures`, `millions`) is left out — sharing it says
    /// nothing about relatedness — and a term's weight is multiplied by that specificity.
    /// Terms with no content word, and repeats, are left out too.
    #[must_use]
    pub fn new<'a>(
        pack: &LanguagePack,
        terms: impl IntoIterator<Item = (&'a str, f64, bool)>,
        date: Option<String>,
        title: Option<String>,
    ) -> Self {
        let mut out: Vec<QueryTerm> = Vec::new();
        let mut keys: HashSet<Vec<String>> = HashSet::new();
        for (text, weight, name) in terms {
            let words = words_of(text, pack);
            let specificity = words
                .iter()
                .map(|w| pack.specificity(w))
                .fold(0.0, f64::max);
            if specificity < MIN_SPECIFICITY {
                continue;
            }
            let mut stems = if name {
                words
            } else {
                words.iter().map(|w| pack.stem(w).into_owned()).collect()
            };
            stems.sort();
            stems.dedup();
            if stems.is_empty() || !keys.insert(stems.clone()) {
                continue;
            }
            out.push(QueryTerm {
                text: text.to_string(),
                stems,
                name,
                weight: weight * specificity,
            });
        }
        Self {
            lang: pack.lang,
            date,
            title,
            terms: out,
            limit: 8,
            central: Vec::new(),
        }
    }
}

/// An earlier article related to the one being rewritten.
#[derive(Debug, Clone, PartialEq)]
pub struct RelatedItem {
    /// Its id in the source.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its date as `YYYY-MM-DD` (or as the source gives it), when known.
    pub date: Option<String>,
    /// Its address (site-relative or absolute), when known.
    pub url: Option<String>,
    /// Its paragraphs.
    pub paragraphs: Vec<String>,
    /// Its relatedness score (higher is closer).
    pub score: f64,
    /// The article's keyphrases and entities it shares, as the article writes them.
    pub shared: Vec<String>,
    /// What it is: an earlier article, or a background note of a context pack.
    pub kind: ItemKind,
}

/// What a related item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ItemKind {
    /// An earlier article (listed in "À lire aussi", dated when known).
    #[default]
    Article,
    /// A curated background note about an entity (never listed in "À lire aussi").
    Note,
}

/// A store of earlier coverage that `compose` can draw context from.
///
/// Implementations must be deterministic (same query, same items in the same order) and
/// return only items that share at least [`MIN_SHARED`] terms with the query and, when both
/// dates are known, are dated strictly before it — or, for a background note
/// ([`ItemKind::Note`]), that are about one of the query's `central` entities.
pub trait ContextSource: Send + Sync {
    /// The items related to the query, best first, at most `query.limit`.
    fn related(&self, query: &ContextQuery, pack: &LanguagePack) -> Vec<RelatedItem>;
}

/// One line of an archive file.
#[derive(Debug, Clone, Deserialize)]
struct ArchiveLine {
    id: serde_json::Value,
    #[serde(default)]
    title: String,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    paragraphs: Vec<String>,
}

/// An archive item as stored (and, in an index, as its stored JSON).
#[derive(Debug, Clone, serde::Serialize, Deserialize)]
pub(crate) struct Item {
    id: String,
    title: String,
    date: Option<String>,
    url: Option<String>,
    paragraphs: Vec<String>,
}

/// The inverted index of one language: stem → sorted item numbers, and lowercase word →
/// sorted item numbers (for names).
#[derive(Debug, Default)]
struct Index {
    postings: HashMap<String, Vec<u32>>,
    words: HashMap<String, Vec<u32>>,
}

/// An in-memory archive of earlier articles, indexed per language on first use.
#[derive(Debug, Default)]
pub struct Archive {
    items: Vec<Item>,
    fr: OnceLock<Index>,
    en: OnceLock<Index>,
}

/// The lowercase content stems of a text: words split at anything that is not a letter or a
/// digit (elisions and hyphens included), stopwords and bare numbers left out.
pub(crate) fn stems_of(text: &str, pack: &LanguagePack) -> Vec<String> {
    words_of(text, pack)
        .into_iter()
        .map(|w| pack.stem(&w).into_owned())
        .collect()
}

/// The lowercase content words of a text, unstemmed.
fn words_of(text: &str, pack: &LanguagePack) -> Vec<String> {
    raw_words(text).filter(|w| !pack.is_stopword(w)).collect()
}

/// The lowercase words of a text, stopwords included: runs of letters and digits of more
/// than one character that are not bare numbers.
pub(crate) fn raw_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
        .map(str::to_lowercase)
        .filter(|w| w.chars().count() > 1)
}

fn push_item(map: &mut HashMap<String, Vec<u32>>, key: String, n: u32) {
    let list = map.entry(key).or_default();
    if list.last() != Some(&n) {
        list.push(n);
    }
}

/// The `YYYY-MM-DD` prefix of a date, when it has one, as the number `YYYYMMDD` (so that
/// dates compare as numbers).
pub(crate) fn day_number(date: &str) -> Option<u32> {
    let d = date.get(..10)?;
    let b = d.as_bytes();
    if b.get(4) != Some(&b'-')
        || b.get(7) != Some(&b'-')
        || d.chars().filter(char::is_ascii_digit).count() != 8
    {
        return None;
    }
    d.chars()
        .filter(char::is_ascii_digit)
        .try_fold(0u32, |acc, c| Some(acc * 10 + c.to_digit(10)?))
}

/// Whether an address can be linked to: `http(s)://` or site-relative (`/articles/1`), with
/// no white space (a `javascript:` address is dropped).
fn safe_url(u: &str) -> bool {
    let lower = u.to_ascii_lowercase();
    !u.is_empty()
        && !u.chars().any(char::is_whitespace)
        && (lower.starts_with("https://")
            || lower.starts_with("http://")
            || (u.starts_with('/') && !u.starts_with("//")))
}

fn id_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Line `n` (from 0) of a JSON Lines archive as an item; `None` for a blank line.
pub(crate) fn parse_line(n: usize, line: &str) -> Result<Option<Item>, Error> {
    if line.trim().is_empty() {
        return Ok(None);
    }
    let l: ArchiveLine = serde_json::from_str(line).map_err(|e| {
        Error::new(
            ErrorKind::InvalidInput,
            format!(
                "archive line {}: {e}; expected {{\"id\",\"title\",\"date\",\"url\"?,\"paragraphs\"}}",
                n + 1
            ),
        )
    })?;
    Ok(Some(Item {
        id: id_text(&l.id),
        title: l.title,
        date: l.date.filter(|d| !d.trim().is_empty()),
        url: l.url.filter(|u| safe_url(u)),
        paragraphs: l.paragraphs,
    }))
}

impl Archive {
    /// Reads an archive from JSON Lines text, one article a line; blank lines are skipped.
    ///
    /// # Errors
    /// An [`ErrorKind::InvalidInput`] error naming the first line that is not an article object.
    pub fn from_jsonl(text: &str) -> Result<Self, Error> {
        let mut items = Vec::new();
        for (n, line) in text.lines().enumerate() {
            if let Some(item) = parse_line(n, line)? {
                items.push(item);
            }
        }
        Ok(Self {
            items,
            ..Self::default()
        })
    }

    /// How many items the archive holds.
    #[must_use]
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether the archive holds no item.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Builds the index for `pack`'s language now (otherwise built on the first query).
    pub fn prepare(&self, pack: &LanguagePack) {
        let _ = self.index(pack);
    }

    fn index(&self, pack: &LanguagePack) -> &Index {
        let cell = match pack.lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        };
        cell.get_or_init(|| {
            let mut postings: HashMap<String, Vec<u32>> = HashMap::new();
            let mut words: HashMap<String, Vec<u32>> = HashMap::new();
            for (n, item) in self.items.iter().enumerate() {
                let Ok(n) = u32::try_from(n) else { break };
                let texts = std::iter::once(item.title.as_str())
                    .chain(item.paragraphs.iter().map(String::as_str));
                for t in texts {
                    for w in words_of(t, pack) {
                        push_item(&mut postings, pack.stem(&w).into_owned(), n);
                        push_item(&mut words, w, n);
                    }
                }
            }
            Index { postings, words }
        })
    }
}

/// What the retrieval rules need from an index, so that every backend ([`Archive`], and
/// `TantivyArchive` with the `tantivy` feature) applies the same rules with the same code.
pub(crate) trait Postings {
    /// How many items the archive holds.
    fn len(&self) -> usize;
    /// The items (archive order numbers) that hold every one of `keys` — stems in `pack`'s
    /// language, or lowercase whole words when `name` — with the document frequency of the
    /// rarest key; `None` when a key is in no item or that frequency is over `max_df`.
    fn matching(
        &self,
        keys: &[String],
        name: bool,
        pack: &LanguagePack,
        max_df: usize,
    ) -> Option<(usize, Vec<u32>)>;
    /// Item `n`'s day (`YYYYMMDD`), when its date is an ISO one.
    fn day(&self, n: u32) -> Option<u32>;
    /// Item `n`.
    fn item(&self, n: u32) -> Option<std::borrow::Cow<'_, Item>>;
}

impl Postings for Archive {
    fn len(&self) -> usize {
        self.items.len()
    }

    fn matching(
        &self,
        keys: &[String],
        name: bool,
        pack: &LanguagePack,
        max_df: usize,
    ) -> Option<(usize, Vec<u32>)> {
        let index = self.index(pack);
        let map = if name { &index.words } else { &index.postings };
        let lists: Vec<&Vec<u32>> = keys.iter().map(|k| map.get(k)).collect::<Option<_>>()?;
        let shortest = lists.iter().min_by_key(|l| l.len()).copied()?;
        if shortest.len() > max_df {
            return None;
        }
        let items = shortest
            .iter()
            .copied()
            .filter(|item| lists.iter().all(|l| l.binary_search(item).is_ok()))
            .collect();
        Some((shortest.len(), items))
    }

    fn day(&self, n: u32) -> Option<u32> {
        self.items
            .get(n as usize)
            .and_then(|i| i.date.as_deref())
            .and_then(day_number)
    }

    fn item(&self, n: u32) -> Option<std::borrow::Cow<'_, Item>> {
        self.items.get(n as usize).map(std::borrow::Cow::Borrowed)
    }
}

impl ContextSource for Archive {
    fn related(&self, query: &ContextQuery, pack: &LanguagePack) -> Vec<RelatedItem> {
        retrieve(self, query, pack)
    }
}

/// The retrieval rules (`context.shared-terms`, `context.earlier`, `context.common-in-archive`,
/// `context.score`) over any index.
pub(crate) fn retrieve<P: Postings + ?Sized>(
    index: &P,
    query: &ContextQuery,
    pack: &LanguagePack,
) -> Vec<RelatedItem> {
    let len = index.len();
    let n_items = len.max(1) as f64;
    let article_day = query.date.as_deref().and_then(day_number);
    let title = query.title.as_deref().map(str::to_lowercase);
    // Dense accumulators (one slot an item, a bit a term): a posting costs an add and an
    // or, whatever the archive size; only the touched items are visited afterwards.
    // context.common-in-archive
    let max_df = (len / MAX_DF_DIVISOR).max(MIN_DF_CAP);
    let mut scores = vec![0.0f64; len];
    let mut masks = vec![0u64; len];
    let mut touched: Vec<u32> = Vec::new();
    for (t, term) in query.terms.iter().enumerate().take(64) {
        let Some((df, items)) = index.matching(&term.stems, term.name, pack, max_df) else {
            continue;
        };
        if df == 0 {
            continue;
        }
        let idf = (1.0 + n_items / df as f64).ln();
        let gain = term.weight * idf;
        let bit = 1u64 << t;
        for item in items {
            let k = item as usize;
            if let (Some(m), Some(sc)) = (masks.get_mut(k), scores.get_mut(k)) {
                if *m == 0 {
                    touched.push(item);
                }
                *m |= bit;
                *sc += gain;
            }
        }
    }
    let mut ranked: Vec<(f64, u32, Vec<usize>)> = touched
        .into_iter()
        .filter_map(|item| {
            let k = item as usize;
            let mask = masks.get(k).copied()?;
            if (mask.count_ones() as usize) < MIN_SHARED {
                return None;
            }
            let matched: Vec<usize> = (0..64).filter(|b| mask & (1u64 << b) != 0).collect();
            independent_pairs(&matched, &query.terms)
                .then(|| (scores.get(k).copied().unwrap_or(0.0), item, matched))
        })
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    let mut out = Vec::new();
    for (score, n, matched) in ranked {
        if out.len() >= query.limit {
            break;
        }
        // context.earlier
        if let (Some(a), Some(d)) = (article_day, index.day(n))
            && d >= a
        {
            continue;
        }
        let Some(item) = index.item(n) else {
            continue;
        };
        if title
            .as_deref()
            .is_some_and(|t| item.title.trim().to_lowercase() == t.trim())
        {
            continue;
        }
        let item = item.into_owned();
        out.push(RelatedItem {
            id: item.id,
            title: item.title,
            date: item.date,
            url: item.url,
            paragraphs: item.paragraphs,
            score: (score * 1000.0).round() / 1000.0,
            shared: matched
                .iter()
                .filter_map(|&t| query.terms.get(t).map(|q| q.text.clone()))
                .collect(),
            kind: ItemKind::Article,
        });
    }
    out
}

/// One background note of a context pack.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct PackNote {
    /// The entity it is about (`Haut-Karabakh`).
    pub entity: String,
    /// Other names of the entity (`Haut-Karabagh`, `Artsakh`).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The note: sentences, paragraphs separated by a blank line.
    pub text: String,
    /// Where it comes from (a URL or a reference): its id in the output's `origin.ref`.
    pub source: String,
}

/// A context pack: curated background notes per entity, from JSON (`[{"entity", "aliases",
/// "text", "source"}]`, or `{"notes": [...]}`).
///
/// Rule `context.pack-central`: a note is returned when its entity, or an alias, is central
/// to the article ([`ContextQuery::central`]: one of its three most mentioned entities,
/// mentioned at least twice, or one named in its title), compared case-insensitively.
#[derive(Debug, Clone, Default)]
pub struct Pack {
    notes: Vec<PackNote>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum PackFile {
    List(Vec<PackNote>),
    Notes { notes: Vec<PackNote> },
}

/// A context pack in TOML: an array of tables `[[notes]]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TomlPack {
    #[serde(default)]
    notes: Vec<PackNote>,
}

impl Pack {
    /// Reads a pack from TOML, one `[[notes]]` table a note, with the fields of the JSON form:
    ///
    /// ```
    /// let pack = copydesk::context::Pack::from_toml(r#"
    /// [[notes]]
    /// entity = "Montbrac"
    /// aliases = ["Ville de Montbrac"]
    /// text = """
    /// Montbrac compte 12 000 habitants.
    ///
    /// Son port date du XVIIe siècle."""
    /// source = "https://example.org/notes/montbrac"
    /// "#)?;
    /// assert_eq!(pack.len(), 1);
    /// # Ok::<(), copydesk::Error>(())
    /// ```
    ///
    /// # Errors
    /// An [`ErrorKind::InvalidInput`] error saying where the text is not a list of notes.
    pub fn from_toml(text: &str) -> Result<Self, Error> {
        let file: TomlPack = toml::from_str(text).map_err(|e| {
            let at = e
                .span()
                .map(|r| {
                    let line = text.get(..r.start).map_or(0, |t| t.lines().count().max(1));
                    format!(" (line {line})")
                })
                .unwrap_or_default();
            Error::new(
                ErrorKind::InvalidInput,
                format!(
                    "context pack{at}: {}; expected [[notes]] tables with entity, aliases, text, source",
                    e.message()
                ),
            )
        })?;
        Ok(Self { notes: file.notes })
    }

    /// How many notes the pack holds.
    #[must_use]
    pub fn len(&self) -> usize {
        self.notes.len()
    }

    /// Whether the pack holds no note.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.notes.is_empty()
    }

    /// Reads a pack from JSON.
    ///
    /// # Errors
    /// An [`ErrorKind::InvalidInput`] error when the text is not a list of notes.
    pub fn from_json(text: &str) -> Result<Self, Error> {
        let file: PackFile = serde_json::from_str(text).map_err(|e| {
            Error::new(
                ErrorKind::InvalidInput,
                format!(
                    "context pack: {e}; expected [{{\"entity\",\"aliases\",\"text\",\"source\"}}]"
                ),
            )
        })?;
        let notes = match file {
            PackFile::List(n) | PackFile::Notes { notes: n } => n,
        };
        Ok(Self { notes })
    }
}

impl ContextSource for Pack {
    fn related(&self, query: &ContextQuery, _pack: &LanguagePack) -> Vec<RelatedItem> {
        self.notes
            .iter()
            .filter(|n| {
                std::iter::once(&n.entity)
                    .chain(&n.aliases)
                    .any(|name| query.central.contains(&name.trim().to_lowercase()))
            })
            .take(query.limit)
            .map(|n| RelatedItem {
                id: n.source.clone(),
                title: n.entity.clone(),
                date: None,
                url: safe_url(&n.source).then(|| n.source.clone()),
                paragraphs: n
                    .text
                    .split("\n\n")
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .map(String::from)
                    .collect(),
                score: 1.0,
                shared: vec![n.entity.clone()],
                kind: ItemKind::Note,
            })
            .collect()
    }
}

/// Several sources asked in turn (an archive, then a pack): their items, in that order,
/// with no id twice.
#[derive(Clone, Default)]
pub struct Sources(pub Vec<std::sync::Arc<dyn ContextSource>>);

impl ContextSource for Sources {
    fn related(&self, query: &ContextQuery, pack: &LanguagePack) -> Vec<RelatedItem> {
        let mut out: Vec<RelatedItem> = Vec::new();
        for s in &self.0 {
            for item in s.related(query, pack) {
                if !out.iter().any(|o| o.id == item.id) {
                    out.push(item);
                }
            }
        }
        out
    }
}

/// Whether the matched terms hold at least [`MIN_SHARED`] terms none of which is inside
/// another one's stems (rule `context.shared-terms`).
fn independent_pairs(matched: &[usize], terms: &[QueryTerm]) -> bool {
    if matched.len() < MIN_SHARED {
        return false;
    }
    let inside = |a: &QueryTerm, b: &QueryTerm| a.stems.iter().all(|s| b.stems.contains(s));
    // Terms not contained in any other matched term: each is a separate fact shared.
    let maximal = matched
        .iter()
        .filter_map(|&i| terms.get(i))
        .enumerate()
        .filter(|(k, a)| {
            !matched
                .iter()
                .filter_map(|&j| terms.get(j))
                .enumerate()
                .any(|(m, b)| m != *k && inside(a, b) && (a.stems != b.stems || m < *k))
        })
        .count();
    maximal >= MIN_SHARED
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pack() -> LanguagePack {
        LanguagePack::load(Lang::Fr).expect("pack")
    }

    fn archive() -> Archive {
        Archive::from_jsonl(concat!(
            r#"{"id":"a1","title":"Tensions au Haut-Karabakh","date":"2020-11-10","url":"/a/1","paragraphs":["L’Azerbaïdjan et l’Arménie se disputent le Haut-Karabakh."]}"#,
            "\n",
            r#"{"id":"a2","title":"Élections en Azerbaïdjan","date":"2021-01-05","paragraphs":["Le président de l’Azerbaïdjan a voté à Bakou."]}"#,
            "\n\n",
            r#"{"id":"a3","title":"Après l’offensive","date":"2023-10-01","paragraphs":["Le Haut-Karabakh a été repris par l’Azerbaïdjan."]}"#,
            "\n",
            r#"{"id":7,"title":"Sans date","paragraphs":["Les réfugiés du Haut-Karabakh arrivent en Arménie depuis l’Azerbaïdjan."]}"#,
        ))
        .expect("archive")
    }

    fn query(p: &LanguagePack, date: Option<&str>) -> ContextQuery {
        ContextQuery::new(
            p,
            [
                ("Haut-Karabakh", 1.0, true),
                ("Azerbaïdjan", 1.0, true),
                ("Karabakh", 0.5, true),
            ],
            date.map(String::from),
            None,
        )
    }

    #[test]
    fn related_items_share_two_terms_and_are_earlier() {
        let p = pack();
        let a = archive();
        let got = a.related(&query(&p, Some("2023-09-20")), &p);
        let mut ids: Vec<&str> = got.iter().map(|i| i.id.as_str()).collect();
        ids.sort_unstable();
        // a2 names only Azerbaïdjan; a3 is later than the article; "7" has no date.
        assert_eq!(ids, ["7", "a1"]);
        for i in &got {
            assert!(i.shared.len() >= MIN_SHARED, "{i:?}");
        }
        let undated = a.related(&query(&p, None), &p);
        assert_eq!(undated.len(), 3, "{undated:?}");
    }

    #[test]
    fn nested_terms_count_once() {
        let p = pack();
        let a = archive();
        let q = ContextQuery::new(
            &p,
            [("Haut-Karabakh", 1.0, true), ("Karabakh", 1.0, true)],
            None,
            None,
        );
        assert!(a.related(&q, &p).is_empty());
    }

    #[test]
    fn stems_match_inflected_forms() {
        let p = pack();
        let a = Archive::from_jsonl(
            r#"{"id":"x","title":"Des séismes","paragraphs":["Le séisme a été mesuré par des sismologues."]}"#,
        )
        .expect("archive");
        let q = ContextQuery::new(
            &p,
            [("séismes", 1.0, false), ("sismologues", 1.0, false)],
            None,
            None,
        );
        assert_eq!(a.related(&q, &p).len(), 1);
    }

    #[test]
    fn names_match_whole_words_and_common_terms_are_left_out() {
        let p = pack();
        let a = Archive::from_jsonl(
            r#"{"id":"x","title":"Une kippa","paragraphs":["Des jeunes portant la kippa à Lyon, en France."]}"#,
        )
        .expect("archive");
        let q = ContextQuery::new(
            &p,
            [
                ("Port", 1.0, true),
                ("kippa", 1.0, false),
                ("France", 1.0, true),
            ],
            None,
            None,
        );
        assert!(q.terms.iter().all(|t| t.text != "France"), "{q:?}");
        assert!(a.related(&q, &p).is_empty(), "Port is not portant");
    }

    #[test]
    fn terms_common_in_a_large_archive_are_not_used() {
        let p = pack();
        let mut lines = String::new();
        for i in 0..1000 {
            // "zorglub" is in every item; "kippa" and "Montbrac" only in the first.
            let extra = if i == 0 { " kippa Montbrac" } else { "" };
            lines.push_str(&format!(
                "{{\"id\":\"{i}\",\"title\":\"t\",\"paragraphs\":[\"zorglub{extra}\"]}}\n"
            ));
        }
        let a = Archive::from_jsonl(&lines).expect("archive");
        let q = |terms: [(&'static str, f64, bool); 2]| ContextQuery::new(&p, terms, None, None);
        assert!(
            a.related(&q([("zorglub", 1.0, false), ("kippa", 1.0, false)]), &p)
                .is_empty()
        );
        let got = a.related(&q([("Montbrac", 1.0, true), ("kippa", 1.0, false)]), &p);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].id, "0");
    }

    #[test]
    fn pack_notes_are_given_for_central_entities_only() {
        let p = pack();
        let pk = Pack::from_json(
            r#"[{"entity":"Montbrac","aliases":["Ville de Montbrac"],"text":"Montbrac compte 12 000 habitants.","source":"https://example.org/montbrac"},
                {"entity":"Val d’Ormes","text":"Un vignoble.","source":"notes"}]"#,
        )
        .expect("pack");
        let mut q = query(&p, None);
        q.central = vec!["montbrac".into()];
        let got = pk.related(&q, &p);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].kind, ItemKind::Note);
        assert_eq!(got[0].url.as_deref(), Some("https://example.org/montbrac"));
        q.central.clear();
        assert!(pk.related(&q, &p).is_empty());
        assert!(Pack::from_json("{\"entity\": 1}").is_err());
    }

    #[test]
    fn bad_lines_are_typed_errors() {
        let err = Archive::from_jsonl("{\"id\":1}\nnot json").expect_err("line 2 is bad");
        assert!(err.to_string().contains("line 2"), "{err}");
    }

    #[test]
    fn the_article_itself_is_not_related() {
        let p = pack();
        let a = archive();
        let mut q = query(&p, None);
        q.title = Some("Tensions au Haut-Karabakh".into());
        assert!(a.related(&q, &p).iter().all(|i| i.id != "a1"));
    }
}
