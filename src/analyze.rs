//! Stage 3, `analyze`: keyphrases (noun-phrase candidates grouped by stem, shown in their most
//! frequent surface form), the focus keyphrase, named entities, figures and dates — all with
//! spans into the [`Document`].
//!
//! # Keyphrase design
//! Candidates are runs of content words (not stopwords, not common verbs, not a participle after
//! an auxiliary, not an adverb in `-ment`), taken as n-grams of one to three words, plus
//! `X de Y` phrases (`conseil de sécurité`). Candidates are grouped by their sequence of Snowball
//! stems. A group's score multiplies: frequency (`1 + ln tf`), presence in the title and in the
//! lede, spread over the text, earliness, a bonus for names (capitalised mid-sentence), and a
//! length factor that favours two-word phrases seen more than once. A phrase whose every
//! occurrence sits inside one longer kept phrase is dropped.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use serde::Serialize;

use crate::lang::LanguagePack;
use crate::text::{Document, Span, TokenKind, count_words};

/// How much more a phrase of the given title weighs: readers and annotators take a story's
/// topics from its title first.
const TITLE_WEIGHT: f64 = 1.2;

/// The least specificity a phrase of the title gets (see [`LanguagePack::specificity`]).
const TITLE_SPECIFICITY_FLOOR: f64 = 0.8;

/// How many keyphrases the analysis keeps.
pub const MAX_KEYPHRASES: usize = 40;

/// A lowercased word or a stem, shared by every token that has it: one allocation per
/// distinct word of a document instead of two per token (see [`TokenInfo`]). Reads as a `str`
/// (`as_str`, deref, `== "de"`); `to_string()` gives an owned copy.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Word(Arc<str>);

impl Word {
    /// The text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Word {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for Word {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for Word {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Word {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl std::fmt::Debug for Word {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&*self.0, f)
    }
}

impl std::fmt::Display for Word {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Per-token facts used by every later stage.
#[derive(Debug, Clone)]
pub struct TokenInfo {
    /// The token lowercased (shared between the tokens of the same word).
    pub lower: Word,
    /// The Snowball stem of `lower` (shared likewise).
    pub stem: Word,
    /// A content word: may start or end a keyphrase.
    pub content: bool,
    /// Starts with an upper-case letter.
    pub capitalized: bool,
    /// First word of its sentence.
    pub sentence_start: bool,
}

/// A keyphrase: a stem group shown in its most frequent surface form.
#[derive(Debug, Clone, Serialize)]
pub struct Keyphrase {
    /// The surface form.
    pub text: String,
    /// The score (higher is better).
    pub score: f64,
    /// The stem key (stems joined by spaces).
    #[serde(skip)]
    pub key: String,
    /// How many content words.
    #[serde(skip)]
    pub words: usize,
    /// Every occurrence, as spans in the document text.
    #[serde(skip)]
    pub occurrences: Vec<Span>,
    /// The sentences it occurs in (sorted, with repeats removed).
    #[serde(skip)]
    pub sentences: Vec<usize>,
    /// Whether it occurs in the given title.
    #[serde(skip)]
    pub in_title: bool,
    /// Whether all its words are names (capitalised mid-sentence).
    #[serde(skip)]
    pub is_name: bool,
    /// How specific its words are against the background frequencies (mean, no title floor).
    #[serde(skip)]
    pub specificity: f64,
}

/// What kind of entity a name is, from cues in its context.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person (`M. X`, `le président X`, two capitalised words).
    Person,
    /// A place (`à X`, `ville de X`).
    Place,
    /// An organisation (`ministère`, `Conseil`, an acronym).
    Organisation,
    /// No cue decides.
    Other,
}

/// A named entity with its variants merged.
#[derive(Debug, Clone, Serialize)]
pub struct Entity {
    /// The most frequent form.
    pub text: String,
    /// Its kind.
    pub kind: EntityKind,
    /// Other spellings merged into it (`Haut-Karabagh`).
    pub variants: Vec<String>,
    /// How many mentions.
    pub mentions: usize,
    /// Mention spans.
    #[serde(skip)]
    pub spans: Vec<Span>,
}

/// A figure: a number with what it counts.
#[derive(Debug, Clone, Serialize)]
pub struct Figure {
    /// The number as written (`6 700`).
    pub value: String,
    /// The unit or what it counts (`personnes`), when a noun follows.
    pub unit: Option<String>,
    /// The phrase: quantifier, number and unit (`au moins 200 personnes`).
    pub phrase: String,
    /// The sentence it is in.
    pub sentence: usize,
    /// The span of the phrase.
    #[serde(skip)]
    pub span: Span,
}

/// What kind of date expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DateKind {
    /// A year (`1994`).
    Year,
    /// A day with a month (`22 mai 2012`).
    Day,
    /// A weekday (`mardi`), relative to the article date.
    Weekday,
    /// A decade (`années 1990`).
    Decade,
}

/// A date expression.
#[derive(Debug, Clone, Serialize)]
pub struct DateRef {
    /// As written.
    pub text: String,
    /// Its kind.
    pub kind: DateKind,
    /// The sentence it is in.
    pub sentence: usize,
    /// Its span.
    #[serde(skip)]
    pub span: Span,
}

/// A quotation and who said it.
#[derive(Debug, Clone, Serialize)]
pub struct Quote {
    /// The quoted words, without the guillemets.
    pub text: String,
    /// Who said it, as the article names them (an entity, or the subject of the reporting
    /// verb), when the article says.
    pub speaker: Option<String>,
    /// The sentence it is in.
    pub sentence: usize,
    /// The span of the quotation, guillemets included.
    #[serde(skip)]
    pub span: Span,
}

/// Everything the analysis found.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// Facts per token, parallel to [`Document::tokens`].
    pub tokens: Vec<TokenInfo>,
    /// Keyphrases, best first.
    pub keyphrases: Vec<Keyphrase>,
    /// The index of the focus keyphrase in `keyphrases`, if any.
    pub focus: Option<usize>,
    /// Named entities, most mentioned first.
    pub entities: Vec<Entity>,
    /// Figures in reading order.
    pub figures: Vec<Figure>,
    /// Dates in reading order.
    pub dates: Vec<DateRef>,
    /// Quotations in reading order, with their speaker when the article names one.
    pub quotes: Vec<Quote>,
}

impl Analysis {
    /// The focus keyphrase, if any.
    #[must_use]
    pub fn focus_keyphrase(&self) -> Option<&Keyphrase> {
        self.focus.and_then(|i| self.keyphrases.get(i))
    }
}

fn is_participle(lower: &str) -> bool {
    [
        "é", "ée", "és", "ées", "i", "ie", "is", "ies", "u", "ue", "us", "ues", "it", "ite", "its",
        "te", "ert", "erte", "ed",
    ]
    .iter()
    .any(|s| lower.ends_with(s))
}

/// Rule `keyphrase.conjugated`: imperfect, conditional and future endings mark a verb
/// (`inaugurait`, `cesseraient`, `cessera`), the nouns in `-ait` excepted (`portrait`, `fait`).
fn is_conjugated(lower: &str) -> bool {
    let n = lower.chars().count();
    if n < 5 {
        return false;
    }
    if lower.ends_with("aient") || lower.ends_with("eront") || lower.ends_with("erait") {
        return true;
    }
    if lower.ends_with("era") && !lower.ends_with("méra") && !lower.ends_with("péra") {
        return true;
    }
    lower.ends_with("ait")
        && !["trait", "fait", "lait", "hait"]
            .iter()
            .any(|e| lower.ends_with(e))
}

/// Whether token `i` opens the text after a dateline (`2012. – Environ`): a dash right after a
/// period starts the story, like a new sentence.
fn after_dateline(doc: &Document, i: usize) -> bool {
    i >= 2
        && matches!(doc.token_text(&doc.tokens[i - 1]), "-" | "–" | "—")
        && doc.token_text(&doc.tokens[i - 2]) == "."
}

/// Computes per-token facts.
fn token_infos(doc: &Document, pack: &LanguagePack) -> Vec<TokenInfo> {
    let mut infos = Vec::with_capacity(doc.tokens.len());
    // Each distinct token text (and kind: only words are stemmed) is lowercased and stemmed
    // once; its (lower, stem) pair is shared by every such token.
    let mut words: HashMap<(&str, bool), (Word, Word)> = HashMap::new();
    for sentence in &doc.sentences {
        let mut after_aux = false;
        for (k, t) in doc.tokens[sentence.tokens.clone()].iter().enumerate() {
            let text = doc.token_text(t);
            let is_word = t.kind == TokenKind::Word;
            let (lower, stem) = words
                .entry((text, is_word))
                .or_insert_with(|| {
                    let lower = text.to_lowercase();
                    let stem: Word = if is_word {
                        Word(pack.stem(&lower).into())
                    } else {
                        Word(lower.as_str().into())
                    };
                    (Word(lower.into()), stem)
                })
                .clone();
            let l = lower.as_str();
            let capitalized = text.chars().next().is_some_and(char::is_uppercase);
            let letters = l.chars().filter(|c| c.is_alphabetic()).count();
            let stop = pack.is_stopword(l) || pack.verbs.contains(l);
            let prev_lower = (k > 0)
                .then(|| infos.last().map(|x: &TokenInfo| x.lower.as_str()))
                .flatten()
                .unwrap_or("");
            let infinitive = !capitalized
                && l.ends_with("er")
                && l.chars().count() > 4
                && matches!(
                    prev_lower,
                    "de" | "d’" | "d'" | "à" | "pour" | "sans" | "pas" | "se" | "s’" | "to"
                );
            let calendar = pack.weekdays.contains_key(l) || pack.months.contains_key(l);
            let conjugated = !capitalized && is_conjugated(l);
            let verbish = (after_aux && is_participle(l) && !capitalized)
                || infinitive
                || calendar
                || conjugated;
            let content = match t.kind {
                TokenKind::Word => {
                    let adverb = l.ends_with("ment") && !capitalized && letters > 6;
                    let inversion = l.contains("-t-");
                    let acronym = letters >= 2
                        && text
                            .chars()
                            .filter(|c| c.is_alphabetic())
                            .all(char::is_uppercase);
                    (letters >= 3 || acronym) && !(stop || verbish || adverb || inversion)
                }
                _ => false,
            };
            after_aux = t.kind == TokenKind::Word
                && (pack.words.auxiliaries.contains(l) || pack.verbs.contains(l));
            infos.push(TokenInfo {
                lower,
                stem,
                content,
                capitalized,
                sentence_start: k == 0
                    || doc.tokens[sentence.tokens.start..sentence.tokens.start + k]
                        .iter()
                        .all(|t| t.kind == TokenKind::Punct)
                    || after_dateline(doc, sentence.tokens.start + k),
            });
        }
    }
    infos
}

/// Whether a capitalised word is a name in this document: seen capitalised mid-sentence, or
/// never seen in lower case.
fn name_words(doc: &Document, infos: &[TokenInfo]) -> HashSet<String> {
    let mut mid_caps = HashSet::new();
    let mut lower_seen = HashSet::new();
    for (t, info) in doc.tokens.iter().zip(infos) {
        if t.kind != TokenKind::Word {
            continue;
        }
        if info.capitalized && !info.sentence_start {
            mid_caps.insert(info.lower.to_string());
        } else if !info.capitalized {
            lower_seen.insert(info.lower.to_string());
        }
    }
    mid_caps.retain(|w| !lower_seen.contains(w));
    mid_caps
}

struct Candidate {
    tokens: Vec<usize>,
    sentence: usize,
}

fn candidates(doc: &Document, infos: &[TokenInfo]) -> Vec<Candidate> {
    let connectors = |i: usize| -> usize {
        // "de", "d’", "du", "des", "de la", "de l’": returns how many tokens the connector spans.
        let l = infos.get(i).map_or("", |x| x.lower.as_str());
        let next = infos.get(i + 1).map_or("", |x| x.lower.as_str());
        match l {
            "de" if next == "la" || next == "l’" || next == "l'" => 2,
            "de" | "d’" | "d'" | "du" | "des" => 1,
            _ => 0,
        }
    };
    let mut out = Vec::new();
    for (si, sentence) in doc.sentences.iter().enumerate() {
        let range = sentence.tokens.clone();
        let mut i = range.start;
        let mut runs: Vec<(usize, usize)> = Vec::new();
        while i < range.end {
            if !infos[i].content {
                i += 1;
                continue;
            }
            let start = i;
            while i < range.end
                && (infos[i].content
                    || (doc.tokens[i].kind == TokenKind::Number
                        && i > start
                        && infos[i - 1].capitalized))
            {
                i += 1;
            }
            runs.push((start, i));
        }
        for &(a, b) in &runs {
            for n in 1..=3 {
                for (s, info) in infos
                    .iter()
                    .enumerate()
                    .take(b.saturating_sub(n - 1))
                    .skip(a)
                {
                    if s + n <= b && info.content {
                        out.push(Candidate {
                            tokens: (s..s + n).collect(),
                            sentence: si,
                        });
                    }
                }
            }
        }
        // X de Y: the last one or two words of a run, a connector, the first one or two words
        // of the next (`forum mondial de la langue française`).
        for w in runs.windows(2) {
            let ((a_start, a_end), (b_start, b_end)) = (w[0], w[1]);
            let gap = connectors(a_end);
            if gap > 0 && a_end + gap == b_start {
                for left in 1..=2.min(a_end - a_start) {
                    for n in 1..=2.min(b_end - b_start) {
                        let mut toks: Vec<usize> = (a_end - left..a_end).collect();
                        toks.extend(a_end..a_end + gap);
                        toks.extend(b_start..b_start + n);
                        out.push(Candidate {
                            tokens: toks,
                            sentence: si,
                        });
                    }
                }
            }
        }
    }
    out
}

fn surface(doc: &Document, toks: &[usize]) -> Span {
    let first = toks.first().map_or(0, |&i| doc.tokens[i].span.start);
    let last = toks.last().map_or(0, |&i| doc.tokens[i].span.end);
    first..last
}

/// A keyphrase group while it is being collected.
struct Group {
    forms: HashMap<String, usize>,
    first_form_at: HashMap<String, usize>,
    occurrences: Vec<Span>,
    sentences: Vec<usize>,
    words: usize,
    is_name: bool,
    /// Occurrences in the given title.
    title_hits: usize,
    /// Content-word stems, for the specificity factor and name merging.
    lowers: Vec<String>,
    /// One-word occurrences right after a content word (`armée française`): adjective-like.
    after_noun: usize,
    /// One-word occurrences right after a determiner (`la crise`): noun-like.
    after_determiner: usize,
}

impl Group {
    fn new(words: usize, is_name: bool, lowers: Vec<String>) -> Self {
        Group {
            forms: HashMap::new(),
            first_form_at: HashMap::new(),
            occurrences: Vec::new(),
            sentences: Vec::new(),
            words,
            is_name,
            title_hits: 0,
            lowers,
            after_noun: 0,
            after_determiner: 0,
        }
    }

    fn add_form(&mut self, form: String) {
        let at = self.forms.len();
        *self.forms.entry(form.clone()).or_insert(0) += 1;
        self.first_form_at.entry(form).or_insert(at);
    }
}

/// The stem key, surface form, content-word count, name flag and content words of a candidate.
fn describe(
    doc: &Document,
    infos: &[TokenInfo],
    names: &HashSet<String>,
    c: &Candidate,
) -> (String, String, usize, bool, Vec<String>) {
    let key = c
        .tokens
        .iter()
        .map(|&i| infos[i].stem.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let mut form = doc.slice(&surface(doc, &c.tokens)).to_string();
    let first = c.tokens[0];
    let compound_name = doc
        .token_text(&doc.tokens[first])
        .split('-')
        .skip(1)
        .any(|p| p.starts_with(char::is_uppercase));
    if infos[first].sentence_start
        && infos[first].capitalized
        && !names.contains(infos[first].lower.as_str())
        && !compound_name
    {
        form = lowercase_initial(&form);
    }
    let content: Vec<usize> = c
        .tokens
        .iter()
        .copied()
        .filter(|&i| infos[i].content)
        .collect();
    let is_name = content.iter().all(|&i| {
        names.contains(infos[i].lower.as_str())
            || (infos[i].capitalized && !infos[i].sentence_start)
    });
    let lowers = content
        .iter()
        .map(|&i| infos[i].lower.to_string())
        .collect();
    (key, form, content.len(), is_name, lowers)
}

/// Runs the analysis. `title` is the given title (it counts for keyphrase scoring).
#[must_use]
pub fn analyze(doc: &Document, title: Option<&str>, pack: &LanguagePack) -> Analysis {
    let infos = token_infos(doc, pack);
    let mut names = name_words(doc, &infos);
    let title_doc = title.map(|t| Document::build(&[t], pack));
    let title_infos = title_doc
        .as_ref()
        .map(|td| token_infos(td, pack))
        .unwrap_or_default();
    // Capitalised words inside the title (not its first word) are names too.
    if let Some(td) = &title_doc {
        for (t, x) in td.tokens.iter().zip(&title_infos) {
            if t.kind == TokenKind::Word
                && x.capitalized
                && !x.sentence_start
                && !pack.is_stopword(&x.lower)
            {
                names.insert(x.lower.to_string());
            }
        }
    }
    let title_main = title_main_clause(&title_infos, pack);
    let n_sent = doc.sentences.len().max(1);
    let lede_sentences = doc.paragraphs.first().map_or(0..0, |p| p.sentences.clone());
    let intro_sentences = doc.paragraphs.get(1).map_or(lede_sentences.clone(), |p| {
        lede_sentences.start..p.sentences.end
    });

    let mut groups: HashMap<String, Group> = HashMap::new();
    let mut order: Vec<String> = Vec::new();
    for c in candidates(doc, &infos) {
        let (key, form, words, is_name, lowers) = describe(doc, &infos, &names, &c);
        let g = groups.entry(key.clone()).or_insert_with(|| {
            order.push(key.clone());
            Group::new(words, is_name, lowers)
        });
        g.add_form(form);
        if let [only] = c.tokens.as_slice() {
            let sentence_start = doc.sentences[c.sentence].tokens.start;
            if *only > sentence_start {
                let prev = &infos[only - 1];
                if prev.content {
                    g.after_noun += 1;
                } else if pack.words.determiners.contains(prev.lower.as_str())
                    || prev.lower.ends_with('’')
                    || prev.lower.ends_with('\'')
                {
                    g.after_determiner += 1;
                }
            }
        }
        g.occurrences.push(surface(doc, &c.tokens));
        if g.sentences.last() != Some(&c.sentence) {
            g.sentences.push(c.sentence);
        }
        g.is_name &= is_name;
    }
    // The title's own candidates: a topic the title names counts even if the text does not
    // repeat it (`Grèce : …`).
    if let Some(td) = &title_doc {
        for c in candidates(td, &title_infos) {
            let (key, form, words, is_name, lowers) = describe(td, &title_infos, &names, &c);
            let g = groups.entry(key.clone()).or_insert_with(|| {
                order.push(key.clone());
                Group::new(words, is_name, lowers)
            });
            if g.occurrences.is_empty() {
                g.add_form(form);
            }
            g.title_hits += 1;
        }
    }
    merge_surnames(&mut groups, &mut order);

    let mut phrases: Vec<Keyphrase> = Vec::new();
    for key in order {
        let Some(g) = groups.remove(&key) else {
            continue;
        };
        let tf = g.occurrences.len() + g.title_hits;
        let in_title = g.title_hits > 0;
        let in_main = title_main.contains(&format!(" {key} "));
        let first = if in_title {
            0
        } else {
            g.sentences.first().copied().unwrap_or(0)
        };
        let last = g.sentences.last().copied().unwrap_or(0);
        let spread =
            last.saturating_sub(g.sentences.first().copied().unwrap_or(0)) as f64 / n_sent as f64;
        let in_lede = g.sentences.iter().any(|s| lede_sentences.contains(s));
        let in_intro = g.sentences.iter().any(|s| intro_sentences.contains(s));
        let raw_specificity = if g.lowers.is_empty() {
            1.0
        } else {
            g.lowers.iter().map(|w| pack.specificity(w)).sum::<f64>() / g.lowers.len() as f64
        };
        let specificity = if g.lowers.is_empty() {
            1.0
        } else {
            let mean = raw_specificity;
            // The title is the author's own choice of terms: common words there still count.
            if in_title {
                mean.max(TITLE_SPECIFICITY_FLOOR)
            } else {
                mean
            }
        };
        let mut score = (1.0 + (tf as f64).ln())
            * (1.0
                + TITLE_WEIGHT * f64::from(u8::from(in_title))
                + 0.4 * f64::from(u8::from(in_main)))
            * (1.0 + 0.3 * f64::from(u8::from(in_lede)) + 0.2 * f64::from(u8::from(in_intro)))
            * (1.0 + 0.5 * spread)
            * (1.5 - first as f64 / n_sent as f64)
            * specificity;
        if g.is_name {
            score *= 1.2;
        }
        score *= match (g.words, tf) {
            (1, _) => 1.0,
            (2, 1) => 0.75,
            (2, _) => 1.25,
            (_, 1) => 0.55,
            _ => 1.1,
        };
        // Rule `keyphrase.adjective`: a lone lower-case word found after nouns more than after
        // determiners is an adjective (`afghanes`, `financière`), not a topic.
        if g.words == 1 && !g.is_name && g.after_noun > g.after_determiner {
            score *= 0.5;
        }
        // Seen once, outside the title and the lede: a detail, not a topic.
        if tf == 1 && !in_title && !in_lede {
            score *= 0.7;
        }
        let text = g
            .forms
            .iter()
            .max_by(|a, b| {
                a.1.cmp(b.1)
                    .then_with(|| g.first_form_at[b.0].cmp(&g.first_form_at[a.0]))
            })
            .map(|(f, _)| f.clone())
            .unwrap_or_default();
        phrases.push(Keyphrase {
            text,
            score,
            key,
            words: g.words,
            occurrences: g.occurrences,
            sentences: g.sentences,
            in_title,
            is_name: g.is_name,
            specificity: raw_specificity,
        });
    }
    phrases.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.key.cmp(&b.key)));
    // Drop a phrase whose occurrences mostly sit inside one better-ranked longer phrase
    // (`Falcon` inside `Falcon 9`).
    let mut kept: Vec<Keyphrase> = Vec::new();
    for p in phrases {
        if kept.len() >= MAX_KEYPHRASES {
            break;
        }
        let inside = kept.iter().any(|k| {
            if k.words <= p.words || p.occurrences.is_empty() {
                return false;
            }
            let within = p
                .occurrences
                .iter()
                .filter(|o| covered(&k.occurrences, o))
                .count();
            within * 2 >= p.occurrences.len()
        });
        if !inside {
            kept.push(p);
        }
    }
    let title_leads = title_leads(&title_infos, pack);
    let focus = choose_focus(&kept, &intro_sentences, &title_main, &title_leads);
    let entities = entities(doc, &infos, &names, pack);
    let (figures, dates) = figures_and_dates(doc, &infos, pack);
    let quotes = quotes(doc, &entities, pack);
    Analysis {
        tokens: infos,
        keyphrases: kept,
        focus,
        entities,
        figures,
        dates,
        quotes,
    }
}

/// Rule `analysis.quotes`: each « … » quotation of three words or more, and its speaker, read
/// from the reporting around it: `« … », a déclaré X` / `« … » a-t-il dit` (the closest name
/// before), `selon X`, `X a déclaré : « … »` / `X a déclaré que « … »`. A speaker is always a
/// span of the article: the entity named there, or the noun phrase that is the subject.
fn quotes(doc: &Document, entities: &[Entity], pack: &LanguagePack) -> Vec<Quote> {
    let mut out = Vec::new();
    // entity mentions by position, to name the speaker
    // only people and organisations speak
    let mut mentions: Vec<(usize, usize, &str, bool)> = entities
        .iter()
        .filter(|e| matches!(e.kind, EntityKind::Person | EntityKind::Organisation))
        .flat_map(|e| {
            let person = e.kind == EntityKind::Person;
            e.spans
                .iter()
                .map(move |s| (s.start, s.end, e.text.as_str(), person))
        })
        .collect();
    mentions.sort_unstable();
    // the last person named before a position (an inverted pronoun points back to them)
    let last_person_before = |pos: usize| {
        mentions
            .iter()
            .take_while(|(s, _, _, _)| *s < pos)
            .filter(|(_, _, _, person)| *person)
            .last()
            .map(|(_, _, t, _)| (*t).to_string())
    };
    let verbs = &pack.words.attribution_verbs;
    for (si, sentence) in doc.sentences.iter().enumerate() {
        let text = doc.slice(&sentence.span);
        let base = sentence.span.start;
        let mut from = 0;
        while let Some(open) = text[from..].find('«').map(|p| from + p) {
            let Some(close) = text[open..].find('»').map(|p| open + p) else {
                break;
            };
            let inner =
                text[open + '«'.len_utf8()..close].trim_matches(|c: char| c.is_whitespace());
            from = close + '»'.len_utf8();
            if count_words(inner) < 3 {
                continue; // a quoted term (« réintégration »), not a statement
            }
            let after = text[from..].to_lowercase();
            let before = text[..open].to_lowercase();
            let head_after: String = after.chars().take(40).collect();
            let inverted = ["-t-il", "-t-elle", "-t-ils", "-t-elles", "-il ", "-elle "]
                .iter()
                .any(|p| head_after.contains(p));
            let reported_after = verbs.iter().any(|v| head_after.contains(v.as_str()));
            let reported_before = verbs.iter().any(|v| before.contains(v.as_str()));
            let named_in = |range: std::ops::Range<usize>| {
                mentions
                    .iter()
                    .filter(|(s, e, _, _)| *s >= base + range.start && *e <= base + range.end)
                    .map(|(_, _, t, _)| (*t).to_string())
                    .collect::<Vec<_>>()
            };
            let speaker = if inverted {
                // `« … » a-t-elle déclaré`: the pronoun points back to the last person named
                last_person_before(base + open)
            } else if let Some(p) = after.find("selon ") {
                named_in(from + p..text.len()).into_iter().next()
            } else if reported_after {
                // `« … », a déclaré X` names X after the quotation
                named_in(from..text.len()).into_iter().next()
            } else if reported_before {
                // `X a déclaré : « … »`
                // (only a name in the same sentence: no speaker beats a wrong one)
                named_in(0..open).into_iter().next_back()
            } else {
                None
            };
            out.push(Quote {
                text: inner.to_string(),
                speaker,
                sentence: si,
                span: base + open..base + from,
            });
        }
    }
    out
}

/// The stem keys that open the title: its kicker (`Grèce` in `Grèce : le gouvernement…`)
/// and the first one to four content words of the clause after it (after a determiner).
fn title_leads(ti: &[TokenInfo], pack: &LanguagePack) -> Vec<String> {
    let mut leads = Vec::new();
    let mut start = 0;
    if let Some(colon) = ti.iter().position(|x| x.lower == ":") {
        let kicker: Vec<&str> = ti[..colon]
            .iter()
            .filter(|x| x.content)
            .map(|x| x.stem.as_str())
            .collect();
        if !kicker.is_empty() {
            leads.push(kicker.join(" "));
        }
        start = colon + 1;
    }
    let rest = &ti[start.min(ti.len())..];
    let skip = usize::from(rest.first().is_some_and(|x| {
        pack.words.determiners.contains(x.lower.as_str()) || x.lower.ends_with('’')
    }));
    let opening: Vec<&str> = rest
        .iter()
        .skip(skip)
        .take_while(|x| x.content)
        .take(4)
        .map(|x| x.stem.as_str())
        .collect();
    for n in 1..=opening.len() {
        leads.push(opening[..n].join(" "));
    }
    leads
}

/// Whether `o` lies inside one of `spans` (sorted by start, as occurrences are): the last span
/// that starts at or before `o` is the one to test — a binary search, not a scan.
fn covered(spans: &[Span], o: &Span) -> bool {
    let i = spans.partition_point(|s| s.start <= o.start);
    i > 0 && spans.get(i - 1).is_some_and(|s| o.end <= s.end)
}

/// The stems of the title's main clause, padded with spaces: before the first subordinator,
/// the kicker included (`Grèce : le gouvernement formé alors que…` → `grec le gouvern form`).
fn title_main_clause(ti: &[TokenInfo], pack: &LanguagePack) -> String {
    let mut main_end = ti.len();
    for k in 1..ti.len() {
        let joined = ti[k..]
            .iter()
            .take(3)
            .map(|y| y.lower.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let opens = pack.words.subordinators.iter().any(|s| {
            joined.starts_with(s.as_str())
                && (joined.len() == s.len() || joined[s.len()..].starts_with(' '))
        });
        if opens {
            main_end = k;
            break;
        }
    }
    let main: Vec<&str> = ti[..main_end].iter().map(|x| x.stem.as_str()).collect();
    format!(" {} ", main.join(" "))
}

/// Rule `keyphrase.surname`: a one-word name that is the last word of a longer name
/// (`Turing` after `Alan Turing`) is the same person; its mentions join the full name.
fn merge_surnames(groups: &mut HashMap<String, Group>, order: &mut Vec<String>) {
    // the multi-word names by their last word, most mentioned first (one pass, not a scan per
    // single name)
    let mut by_last: HashMap<String, (usize, String)> = HashMap::new();
    for key in order.iter() {
        let Some(g) = groups.get(key) else { continue };
        if g.is_name && g.words >= 2 && g.occurrences.len() + g.title_hits > 0 {
            if let Some(last) = g.lowers.last() {
                let mentions = g.occurrences.len();
                let entry = by_last
                    .entry(last.clone())
                    .or_insert((mentions, key.clone()));
                if mentions > entry.0 {
                    *entry = (mentions, key.clone());
                }
            }
        }
    }
    let singles: Vec<String> = order
        .iter()
        .filter(|k| groups.get(*k).is_some_and(|g| g.words == 1 && g.is_name))
        .cloned()
        .collect();
    let mut merged: HashSet<String> = HashSet::new();
    for single in singles {
        let Some(word) = groups.get(&single).and_then(|g| g.lowers.first().cloned()) else {
            continue;
        };
        let Some((_, full)) = by_last.get(&word).cloned() else {
            continue;
        };
        if full == single {
            continue;
        }
        let Some(g) = groups.remove(&single) else {
            continue;
        };
        if let Some(f) = groups.get_mut(&full) {
            f.occurrences.extend(g.occurrences);
            f.occurrences.sort_by_key(|o| o.start);
            f.sentences.extend(g.sentences);
            f.sentences.sort_unstable();
            f.sentences.dedup();
            f.title_hits += g.title_hits;
        }
        merged.insert(single);
    }
    if !merged.is_empty() {
        order.retain(|k| !merged.contains(k));
    }
}

/// The focus keyphrase: 1–4 words, from the ten best, favouring the title's main clause and
/// presence in the introduction (first two paragraphs).
fn choose_focus(
    kps: &[Keyphrase],
    intro: &std::ops::Range<usize>,
    title_main: &str,
    title_leads: &[String],
) -> Option<usize> {
    kps.iter()
        .enumerate()
        .take(10)
        .filter(|(_, k)| (1..=4).contains(&k.words) && k.text.chars().count() <= 40)
        // a focus is a noun phrase: a lower-case phrase ending on a participle is not
        // (`mortes piétinées`)
        .filter(|(_, k)| {
            let last = k.text.split_whitespace().next_back().unwrap_or("");
            k.is_name
                || !is_participle(&last.to_lowercase())
                || k.words == 1 && last.chars().count() <= 5
        })
        .map(|(i, k)| {
            let in_intro = k.sentences.iter().any(|s| intro.contains(s));
            let main = title_main.contains(&format!(" {} ", k.key));
            // A phrase that opens the title's main clause, or is its kicker, lets the title
            // stay close to the original with the keyphrase first.
            let lead = title_leads.contains(&k.key);
            // A reader searches for the specific term: a generic word of the title (`projet`,
            // `équipe`) is a poor focus even when it scores well as a keyphrase.
            let s = k.score
                * k.specificity.sqrt()
                * if lead { 1.5 } else { 1.0 }
                * if main {
                    1.6
                } else if k.in_title {
                    1.2
                } else {
                    1.0
                }
                * if in_intro { 1.3 } else { 0.6 };
            (i, s)
        })
        .max_by(|a, b| a.1.total_cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
        .map(|(i, _)| i)
}

fn lowercase_initial(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Whether `span` is whole words of `text`, the way the fact guard reads words: the white-space
/// delimited words it starts and ends in may add only punctuation around it (`« Jean Roux »,`)
/// or an elided article before it (`l’ONU`, `d’Avignon`) — never letters or digits
/// (`E«K«E`, `G(G`).
fn at_word_edges(text: &str, span: &Span) -> bool {
    let (Some(head), Some(tail)) = (text.get(..span.start), text.get(span.end..)) else {
        return false;
    };
    let lead = head.rsplit(char::is_whitespace).next().unwrap_or("");
    let trail = tail.split(char::is_whitespace).next().unwrap_or("");
    let elided = lead
        .strip_suffix(['’', '\''])
        .is_some_and(|p| p.chars().count() <= 7 && p.chars().all(char::is_alphabetic));
    let lead_ok = elided || !lead.chars().any(char::is_alphanumeric);
    let trail_ok = !trail.chars().any(char::is_alphanumeric);
    lead_ok && trail_ok
}

/// Levenshtein distance, bounded use only (short names).
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

fn entities(
    doc: &Document,
    infos: &[TokenInfo],
    names: &HashSet<String>,
    pack: &LanguagePack,
) -> Vec<Entity> {
    const PERSON_CUES: &[&str] = &[
        "m.",
        "mme",
        "mlle",
        "président",
        "présidente",
        "ministre",
        "médiateur",
        "médiatrice",
        "porte-parole",
        "maire",
        "directeur",
        "directrice",
        "mr.",
        "mrs.",
        "ms.",
        "president",
        "minister",
        "mayor",
        "capitaine",
        "général",
        "docteur",
        "dr",
    ];
    const PLACE_CUES: &[&str] = &[
        "à", "dans", "en", "au", "aux", "vers", "près", "ville", "région", "commune", "province",
        "in", "city", "village",
    ];
    const ORG_WORDS: &[&str] = &[
        "ministère",
        "agence",
        "conseil",
        "organisation",
        "union",
        "cour",
        "assemblée",
        "banque",
        "comité",
        "parti",
        "société",
        "commission",
        "ministry",
        "agency",
        "council",
        "committee",
        "party",
        "company",
        "nasa",
        "onu",
    ];
    struct Raw {
        text: String,
        kind: EntityKind,
        span: Span,
    }
    let mut raws: Vec<Raw> = Vec::new();
    for sentence in &doc.sentences {
        let r = sentence.tokens.clone();
        let mut i = r.start;
        while i < r.end {
            let ok = |k: usize| {
                doc.tokens[k].kind == TokenKind::Word
                    && infos[k].capitalized
                    && (!infos[k].sentence_start || names.contains(infos[k].lower.as_str()))
                    && !pack.is_stopword(&infos[k].lower)
            };
            if !ok(i) {
                i += 1;
                continue;
            }
            let start = i;
            let mut end = i + 1;
            loop {
                if end < r.end && ok(end) {
                    end += 1;
                    continue;
                }
                // particles between capitalised words: de, du, des, d’, de la, de l’
                let l = infos.get(end).map_or("", |x| x.lower.as_str());
                let gap = match l {
                    "de" if matches!(
                        infos.get(end + 1).map(|x| x.lower.as_str()),
                        Some("la" | "l’" | "l'")
                    ) =>
                    {
                        2
                    }
                    "de" | "d’" | "d'" | "du" | "des" | "of" => 1,
                    _ => 0,
                };
                if gap > 0 && end + gap < r.end && ok(end + gap) {
                    end += gap + 1;
                    continue;
                }
                break;
            }
            let span = doc.tokens[start].span.start..doc.tokens[end - 1].span.end;
            // A name is whole words: it starts and ends at a word edge (white space, or
            // punctuation that opens or closes a word), never inside `E«K«E`. Generated text
            // then only ever repeats whole source words.
            if !at_word_edges(&doc.text, &span) {
                i = end;
                continue;
            }
            let text = doc.slice(&span).to_string();
            let prev = if start > r.start {
                infos[start - 1].lower.as_str()
            } else {
                ""
            };
            let prev2 = if start > r.start + 1 {
                infos[start - 2].lower.as_str()
            } else {
                ""
            };
            let words: Vec<&str> = text.split_whitespace().collect();
            let lower_first = words.first().map(|w| w.to_lowercase()).unwrap_or_default();
            let acronym = text.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && text
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase);
            let kind = if PERSON_CUES.contains(&prev) || PERSON_CUES.contains(&prev2) {
                EntityKind::Person
            } else if ORG_WORDS.contains(&lower_first.as_str()) || acronym {
                EntityKind::Organisation
            } else if PLACE_CUES.contains(&prev)
                || (matches!(prev, "de" | "le" | "la" | "les" | "l’" | "l'")
                    && PLACE_CUES.contains(&prev2))
            {
                EntityKind::Place
            } else if words.len() == 2 && !text.contains('-') {
                EntityKind::Person
            } else {
                EntityKind::Other
            };
            raws.push(Raw { text, kind, span });
            i = end;
        }
    }
    // Merge spelling variants: same text, or one edit apart on long names.
    let mut out: Vec<Entity> = Vec::new();
    let mut forms: Vec<HashMap<String, usize>> = Vec::new();
    let mut by_form: HashMap<String, usize> = HashMap::new();
    let mut by_prefix: HashMap<String, Vec<usize>> = HashMap::new();
    for raw in raws {
        let lower = raw.text.to_lowercase();
        // exact forms through a map; the one-edit spelling variants only among the entities
        // that share the first two letters (a bounded list, not the whole set)
        let prefix: String = lower.chars().take(2).collect();
        let found = by_form.get(&lower).copied().or_else(|| {
            (lower.chars().count() >= 8)
                .then(|| by_prefix.get(&prefix))
                .flatten()
                .and_then(|ids| {
                    ids.iter().copied().find(|&k| {
                        let el = out[k].text.to_lowercase();
                        el.len().abs_diff(lower.len()) <= 2 && edit_distance(&el, &lower) <= 1
                    })
                })
        });
        match found {
            Some(k) => {
                let e = &mut out[k];
                e.mentions += 1;
                e.spans.push(raw.span);
                if e.kind == EntityKind::Other {
                    e.kind = raw.kind;
                }
                *forms[k].entry(raw.text.clone()).or_insert(0) += 1;
                if raw.text != e.text && !e.variants.contains(&raw.text) {
                    e.variants.push(raw.text);
                }
                by_form.insert(lower, k);
            }
            None => {
                forms.push(HashMap::from([(raw.text.clone(), 1)]));
                by_form.insert(lower.clone(), out.len());
                by_prefix
                    .entry(lower.chars().take(2).collect())
                    .or_default()
                    .push(out.len());
                out.push(Entity {
                    text: raw.text,
                    kind: raw.kind,
                    variants: Vec::new(),
                    mentions: 1,
                    spans: vec![raw.span],
                });
            }
        }
    }
    for (e, f) in out.iter_mut().zip(&forms) {
        if let Some((best, _)) = f
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
        {
            if *best != e.text {
                let old = std::mem::replace(&mut e.text, best.clone());
                e.variants.retain(|v| v != best);
                e.variants.push(old);
            }
        }
    }
    // Spelling variants inside one token (`Stepanakert/Khankendi`).
    for e in &mut out {
        if e.text.contains('/') && e.variants.is_empty() {
            e.variants = e.text.split('/').map(str::to_string).collect();
        }
    }
    out.sort_by(|a, b| {
        b.mentions
            .cmp(&a.mentions)
            .then_with(|| a.spans[0].start.cmp(&b.spans[0].start))
    });
    out
}

fn figures_and_dates(
    doc: &Document,
    infos: &[TokenInfo],
    pack: &LanguagePack,
) -> (Vec<Figure>, Vec<DateRef>) {
    let mut figures = Vec::new();
    let mut dates = Vec::new();
    for (si, sentence) in doc.sentences.iter().enumerate() {
        let r = sentence.tokens.clone();
        let mut i = r.start;
        while i < r.end {
            let t = &doc.tokens[i];
            let lower = infos[i].lower.as_str();
            if t.kind == TokenKind::Word && pack.weekdays.contains_key(lower) {
                dates.push(DateRef {
                    text: doc.token_text(t).to_string(),
                    kind: DateKind::Weekday,
                    sentence: si,
                    span: t.span.clone(),
                });
                i += 1;
                continue;
            }
            if t.kind != TokenKind::Number {
                i += 1;
                continue;
            }
            let text = doc.token_text(t);
            let digits: String = text.chars().filter(char::is_ascii_digit).collect();
            let prev = if i > r.start {
                infos[i - 1].lower.as_str()
            } else {
                ""
            };
            let next = infos
                .get(i + 1)
                .filter(|_| i + 1 < r.end)
                .map_or("", |x| x.lower.as_str());
            let next2 = infos
                .get(i + 2)
                .filter(|_| i + 2 < r.end)
                .map_or("", |x| x.lower.as_str());
            // 22 mai 2012
            if pack.months.contains_key(next) && digits.len() <= 2 {
                let mut end = i + 2;
                if next2.len() == 4 && next2.chars().all(|c| c.is_ascii_digit()) {
                    end = i + 3;
                }
                let span = t.span.start..doc.tokens[end - 1].span.end;
                dates.push(DateRef {
                    text: doc.slice(&span).to_string(),
                    kind: DateKind::Day,
                    sentence: si,
                    span,
                });
                i = end;
                continue;
            }
            let is_year_shape = digits.len() == 4
                && text.len() == 4
                && (1000..=2100).contains(&digits.parse::<u32>().unwrap_or(0));
            if is_year_shape {
                let decade = matches!(prev, "années" | "years") || text.ends_with('s');
                let next_is_unit = i + 1 < r.end
                    && doc.tokens[i + 1].kind == TokenKind::Word
                    && infos[i + 1].content
                    && !pack.words.prepositions.contains(next)
                    && !infos[i + 1].capitalized;
                if decade
                    || pack.words.year_cues.contains(prev)
                    || pack.months.contains_key(prev)
                    || !next_is_unit
                {
                    dates.push(DateRef {
                        text: text.to_string(),
                        kind: if decade {
                            DateKind::Decade
                        } else {
                            DateKind::Year
                        },
                        sentence: si,
                        span: t.span.clone(),
                    });
                    i += 1;
                    continue;
                }
            }
            // A figure: quantifier + number + unit.
            let mut start_tok = i;
            for q in &pack.words.quantifiers {
                let qn = q.split_whitespace().count();
                if i >= r.start + qn {
                    let words: Vec<&str> = (i - qn..i).map(|k| infos[k].lower.as_str()).collect();
                    let joined = words.join(" ").replace("d’", "de").replace("d'", "de");
                    let q_norm = q.replace("d’", "de").replace("d'", "de");
                    if joined == q_norm || (qn == 2 && format!("{} {}", words[0], words[1]) == *q) {
                        start_tok = start_tok.min(i - qn);
                    }
                }
            }
            let mut end_tok = i + 1;
            let mut unit = None;
            if i + 1 < r.end {
                let nt = &doc.tokens[i + 1];
                let ntext = doc.token_text(nt);
                if ntext == "%" || ntext == "€" || ntext == "$" {
                    unit = Some(ntext.to_string());
                    end_tok = i + 2;
                } else if nt.kind == TokenKind::Word
                    && !pack.words.prepositions.contains(next)
                    && !pack.is_stopword(next)
                {
                    unit = Some(ntext.to_string());
                    end_tok = i + 2;
                    // millions d’euros
                    if matches!(
                        next,
                        "millions" | "milliards" | "million" | "milliard" | "millier" | "milliers"
                    ) && i + 3 < r.end
                        && matches!(infos[i + 2].lower.as_str(), "d’" | "d'" | "de")
                    {
                        unit = Some(
                            doc.slice(&(nt.span.start..doc.tokens[i + 3].span.end))
                                .to_string(),
                        );
                        end_tok = i + 4;
                    }
                }
            }
            let span = doc.tokens[start_tok].span.start..doc.tokens[end_tok - 1].span.end;
            figures.push(Figure {
                value: text.to_string(),
                unit,
                phrase: doc.slice(&span).to_string(),
                sentence: si,
                span,
            });
            i = end_tok;
        }
    }
    (figures, dates)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::{Lang, LanguagePack};

    fn run(paragraphs: &[&str], title: Option<&str>) -> (Document, Analysis) {
        let pack = LanguagePack::load(Lang::Fr).expect("pack");
        let doc = Document::build(paragraphs, &pack);
        let a = analyze(&doc, title, &pack);
        (doc, a)
    }

    #[test]
    fn keyphrases_group_by_stem_and_skip_function_words() {
        let (_, a) = run(
            &[
                "La centrale solaire de Montbrac a été inaugurée mardi.",
                "Les centrales solaires du département produisent peu. La centrale solaire couvrira 2 000 foyers.",
                "Le maire de Montbrac a salué le projet.",
            ],
            Some("Montbrac inaugure sa centrale solaire"),
        );
        let texts: Vec<&str> = a.keyphrases.iter().map(|k| k.text.as_str()).collect();
        assert!(
            texts.iter().take(3).any(|t| *t == "centrale solaire"),
            "{texts:?}"
        );
        assert!(texts.contains(&"Montbrac"), "{texts:?}");
        assert!(
            !texts
                .iter()
                .any(|t| t.split_whitespace().any(|w| w == "a" || w == "été")),
            "{texts:?}"
        );
        assert!(
            !texts.iter().any(|t| t.contains("inaugurée")),
            "a participle after an auxiliary is a verb: {texts:?}"
        );
    }

    #[test]
    fn focus_prefers_the_title_main_clause() {
        let (_, a) = run(
            &[
                "Des discussions ont eu lieu à Paris après la décision de Lyon.",
                "Les élus de Montbrac ont voté. Montbrac attend la décision de Lyon. Lyon a refusé.",
                "Montbrac fera appel, a dit le maire.",
            ],
            Some("Montbrac fait appel alors que Lyon refuse"),
        );
        assert_eq!(
            a.focus_keyphrase().map(|k| k.text.as_str()),
            Some("Montbrac")
        );
    }

    #[test]
    fn entities_merge_variants_and_get_kinds() {
        let (_, a) = run(
            &[
                "Le président Jean Valmont a parlé à Montbrac-Ouest.",
                "M. Valmont a visité Montbrac-Ouest puis Montbrac-Oust, selon l’ONU.",
            ],
            None,
        );
        let m = a
            .entities
            .iter()
            .find(|e| e.text == "Montbrac-Ouest")
            .expect("entity");
        assert!(
            m.variants.contains(&"Montbrac-Oust".to_string()),
            "{:?}",
            m.variants
        );
        let p = a
            .entities
            .iter()
            .find(|e| e.text == "Jean Valmont")
            .expect("person");
        assert_eq!(p.kind, EntityKind::Person);
        let o = a.entities.iter().find(|e| e.text == "ONU").expect("org");
        assert_eq!(o.kind, EntityKind::Organisation);
    }

    #[test]
    fn figures_and_dates_are_told_apart() {
        let (_, a) = run(
            &[
                "Au moins 200 personnes sont mortes en 2020, et 2 000 soldats sont partis mardi. Le 22 mai 2012, tout a changé depuis les années 1990.",
            ],
            None,
        );
        let phrases: Vec<&str> = a.figures.iter().map(|f| f.phrase.as_str()).collect();
        assert!(phrases.contains(&"Au moins 200 personnes"), "{phrases:?}");
        assert!(
            phrases.iter().any(|p| p.contains("000 soldats")),
            "{phrases:?}"
        );
        assert!(!phrases.iter().any(|p| p.contains("2020")), "{phrases:?}");
        let kinds: Vec<(DateKind, &str)> =
            a.dates.iter().map(|d| (d.kind, d.text.as_str())).collect();
        assert!(kinds.contains(&(DateKind::Year, "2020")), "{kinds:?}");
        assert!(kinds.contains(&(DateKind::Weekday, "mardi")), "{kinds:?}");
        assert!(kinds.contains(&(DateKind::Day, "22 mai 2012")), "{kinds:?}");
        assert!(kinds.contains(&(DateKind::Decade, "1990")), "{kinds:?}");
    }

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("karabakh", "karabagh"), 1);
        assert_eq!(edit_distance("abc", "abc"), 0);
        assert_eq!(edit_distance("", "ab"), 2);
    }

    #[test]
    fn quotes_get_their_speakers() {
        let (_, a) = run(
            &[
                "« Nous rouvrirons la piscine en mars », a déclaré le maire Jean Roux.",
                "La présidente Claire Ombrel a visité le chantier. « Le budget sera tenu ! » a-t-elle assuré.",
                "Le ministère a indiqué qu’une décision serait prise « dans les meilleurs délais ».",
                "Il parle de « réintégration » mardi.",
            ],
            None,
        );
        let got: Vec<(Option<&str>, &str)> = a
            .quotes
            .iter()
            .map(|q| (q.speaker.as_deref(), q.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (Some("Jean Roux"), "Nous rouvrirons la piscine en mars"),
                (Some("Claire Ombrel"), "Le budget sera tenu\u{202f}!"),
                (None, "dans les meilleurs délais"),
            ]
        );
    }

    #[test]
    fn names_are_whole_words() {
        let t = "Il cite E«K«E, puis « Jean Roux » et l’ONU, G(G: fin.";
        let g = t.rfind("G:").unwrap_or(0);
        assert!(!at_word_edges(t, &(g..g + 1)));
        assert!(!at_word_edges(
            t,
            &(t.find('K').unwrap_or(0)..t.find('K').unwrap_or(0) + 1)
        ));
        let j = t.find("Jean Roux").unwrap_or(0);
        assert!(at_word_edges(t, &(j..j + "Jean Roux".len())));
        let o = t.find("ONU").unwrap_or(0);
        assert!(at_word_edges(t, &(o..o + 3)));
    }
}
