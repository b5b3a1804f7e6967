//! Stage 3, `analyze`: keyphrases (noun-phrase candidates grouped by stem, shown in their most
//! frequent surface form), the focus keyphrase, named entities, figures, dates and quotes — all
//! with spans into the [`Document`].
//!
//! # Keyphrase design
//! An editor tags a story with its topics (`coalition`, `abolition de la censure`), its places
//! and people (`Grèce`, `Antonis Samaras`), its category (the title's kicker, `Chômage :`) and,
//! when the title states one, its key number (`75 000`, `2012`). The extractor follows that:
//!
//! 1. **Tokens.** A content word is not a stopword, a common verb, a participle after an
//!    auxiliary, an infinitive after a preposition, an adverb in `-ment`, a weekday or month, or
//!    a piece of a web address (`com` in `zappos.com`). Rule `keyphrase.verb_cue`: a lower-case
//!    word never seen after a determiner in the article reads as a verb when it takes an object
//!    (`abolit la censure`, `supprimer 8 000 emplois`) or has a plural verb ending
//!    (`contrôlent`); such finite verbs are not content words at all, so they end every phrase
//!    (and every phrase that later stages build from these facts). One with a participle
//!    ending only (`baptisée`) is demoted, since participles also serve as adjectives
//!    (`emplois menacés`).
//! 2. **Candidates.** Every one- to three-word run of content words, `X de Y` phrases
//!    (`forum mondial de la langue française`), taken from the text and from the title.
//!    Rule `keyphrase.whole_names`: a name (a run of capitalised words with its particles and a
//!    closing number, `Human Rights Watch`, `Falcon 9`) is kept only whole — a candidate that
//!    cuts one is dropped, and a part of a name counts only where it is itself a whole name
//!    somewhere (`Samaras` alone). Rule `keyphrase.title_figures`: the title's years and
//!    figures are candidates too.
//! 3. **Grouping.** Candidates group by their sequence of Snowball stems (`centrale solaire` =
//!    `centrales solaires`; a possessive `’s` is dropped first) and show their most frequent
//!    form; a surname alone joins the full name (`Turing` → `Alan Turing`). In a title-case
//!    title (`Kidder Praises Adams Casting`) only words the text writes as names keep their
//!    capital (rule `keyphrase.title_case`).
//! 4. **Score.** A product of: frequency (`1 + ln tf`); the title (×2.2, more in its main
//!    clause; its kicker ×1.6, rule `keyphrase.kicker`); the lede and the first two paragraphs
//!    (a title phrase counts as lede); spread; earliness; specificity against the background
//!    frequencies of `data/<lang>/wordfreq.txt` (from the `wordfreq` package, CC BY-SA 4.0:
//!    `1.3` for rare words down to `0.25` for the most common); a bonus for names; a length
//!    factor (two-word phrases seen twice or more are favoured, long phrases seen once are
//!    not); lone adjectives and verbs demoted, and a phrase holding a finite verb or a verb
//!    right after a name (`Morsi élu`) strongly so.
//! 5. **Selection.** Best first, dropping a phrase whose occurrences mostly sit inside a kept
//!    longer one (`Falcon` inside `Falcon 9`) or straddle a kept one (rule
//!    `keyphrase.crossing`: `historique maritime` across `Site historique` and
//!    `maritime de la Pointe-au-Père`).
//! 6. **Focus.** Among the ten best, a 1–4-word phrase that starts with a letter, in the first
//!    two paragraphs, favouring the phrase that opens the title or its main clause and
//!    specific words — the phrase a reader would search for.
//! 7. **Per language.** The weights of steps 2–4 come from the pack
//!    ([`KeyphraseWeights`], `data/<lang>/keyphrases.txt`). French ranks by the topic weights
//!    ([`KeyphraseWeights::topic`]) described above. English news is tagged mostly with single
//!    words, ordinary ones and the words of names included, so the English pack counts each
//!    word of a name on its own (rule `keyphrase.name_parts`: `Buble` as well as
//!    `Michael Buble`; a surname then no longer joins the full name), weighs longer phrases
//!    ×0.4, takes the square root of the specificity factor, and keeps names, lone verbs and
//!    adjectives at par (a phrase that reads as a clause stays demoted). The focus is then
//!    chosen among the phrases as the topic weights rank and select them (each phrase's
//!    [`Keyphrase::topic_score`]); a whole name stands for its words (their mentions and place
//!    in the title count for it), and a word of a name is never the focus when the whole name
//!    is a candidate: the focus opens the title, where the whole name reads better.
//!
//! Measured with `evaluate keyphrases` (stemmed exact match, see the README): French Wikinews
//! dev F1@5 0.383, F1@10 0.424 (TF-IDF 0.358 at 10); English (500N-KPCrowd dev) P@5 0.530,
//! P@10 0.507, F1@10 0.162 (TF-IDF 0.550 / 0.491 / 0.156).
//!
//! # Entities, figures, dates, quotes
//! Entities are capitalised runs with their particles (`Front de Libération Nationale`), an
//! institution's whole name (`Conseil de sécurité de l’ONU`, rule `entity.institution`;
//! `ministère azerbaïdjanais de la Défense`, rule `entity.ministry`), spelling variants merged
//! (one edit apart on long names: `Haut-Karabakh`/`Haut-Karabagh`; slash pairs:
//! `Stepanakert/Khankendi`), typed from cues (person: `M.`, `président`; place: `à`,
//! `ville de`, `sud du`; organisation: `Conseil`, an acronym, `l’agence de presse X`).
//! Figures keep quantifier, number and unit (`au moins 200 personnes`). Dates are days, years,
//! decades and weekdays; rule `date.anchor` resolves them to ISO dates from the article's
//! dateline when there is one. Quotes carry their speaker when the reporting names one. Each
//! has a byte span and a `[start, end)` character span into the document text.
// Indexing is in bounds by construction: token, sentence and paragraph indices come from the
// `Document` this stage reads (`Document::build` makes every sentence's token range and every
// span lie inside its vectors and text), the per-token tables (`infos`, `analysis.tokens`) are
// built one entry a document token, and window indices (`w[0]`, `w[1]`, `i - 1`, `end - 1`) are
// guarded by the loop bounds beside them. Checked by the `analyze` and `rewrite` fuzz targets.
#![allow(clippy::indexing_slicing)]

use crate::hash::{HashMap, HashMapExt, HashSet, HashSetExt};
use std::collections::BTreeSet;
use std::collections::hash_map::Entry;
use std::sync::Arc;

use serde::Serialize;

use crate::lang::{KeyphraseWeights, LanguagePack};
use crate::text::{Document, Span, TokenKind, count_words};

/// The least specificity a phrase of the title gets (see [`LanguagePack::specificity`]).
const TITLE_SPECIFICITY_FLOOR: f64 = 0.8;

/// How much more the title's kicker weighs (rule `keyphrase.kicker`).
const KICKER_WEIGHT: f64 = 1.6;

/// Whether a phrase of the title counts as in the lede.
const TITLE_IS_LEDE: bool = true;

/// How many keyphrases the analysis keeps.
pub const MAX_KEYPHRASES: usize = 40;

/// Rule `keyphrase.focus-density`: the share of an article's words, in percent, above which a
/// common word is a poor focus keyphrase (Yoast's keyphrase density turns red above 3 %).
pub const FOCUS_MAX_DENSITY: f64 = 3.0;

/// Rule `keyphrase.focus-density`: the specificity below which a word is common enough
/// (`équipe`, `saison`) for its repeats to say it is generic rather than the story's topic
/// (`volcanoes`, repeated too, is specific).
pub const FOCUS_GENERIC_SPECIFICITY: f64 = 0.5;

/// A lowercased word or a stem, shared by every token that has it: one allocation per
/// distinct word of a document instead of two per token (see [`TokenInfo`]). Reads as a `str`
/// (`as_str`, deref, `== "de"`); `to_string()` gives an owned copy. One pointer wide (the
/// text's length sits with the text), so that a [`TokenInfo`] takes 24 bytes, not 40.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Word(Arc<Box<str>>);

impl Word {
    /// A word holding `text`.
    fn new(text: impl Into<Box<str>>) -> Self {
        Word(Arc::new(text.into()))
    }

    /// The text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Word {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::borrow::Borrow<str> for Word {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<str> for Word {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Word {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::fmt::Debug for Word {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for Word {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One combination of a word's forms (its lowercased text and stem, shared by all the
/// word's combinations) and a token's flags, shared by every token with the same word and
/// the same flags (a handful of combinations per word).
#[derive(Debug)]
struct TokenFacts {
    lower: Word,
    stem: Word,
    /// The flags: [`CONTENT`], [`CAPITALIZED`], [`SENTENCE_START`].
    flags: u8,
}

/// [`TokenFacts::flags`]: a content word.
const CONTENT: u8 = 1;
/// [`TokenFacts::flags`]: starts with an upper-case letter.
const CAPITALIZED: u8 = 2;
/// [`TokenFacts::flags`]: first word of its sentence.
const SENTENCE_START: u8 = 4;

/// Per-token facts used by every later stage: 8 bytes, one shared pointer to the facts of
/// its word with its flags (there are few distinct combinations), one for each token of the
/// document.
#[derive(Debug, Clone)]
pub struct TokenInfo {
    /// The token's forms and flags (see the methods).
    facts: Arc<TokenFacts>,
}

impl TokenInfo {
    /// The token lowercased (shared between the tokens of the same word).
    #[must_use]
    pub fn lower(&self) -> &Word {
        &self.facts.lower
    }

    /// The Snowball stem of [`TokenInfo::lower`] (shared likewise); a token that is not a
    /// word is its own stem.
    #[must_use]
    pub fn stem(&self) -> &Word {
        &self.facts.stem
    }

    /// A content word: may start or end a keyphrase.
    #[must_use]
    pub fn content(&self) -> bool {
        self.facts.flags & CONTENT != 0
    }

    /// Starts with an upper-case letter.
    #[must_use]
    pub fn capitalized(&self) -> bool {
        self.facts.flags & CAPITALIZED != 0
    }

    /// First word of its sentence.
    #[must_use]
    pub fn sentence_start(&self) -> bool {
        self.facts.flags & SENTENCE_START != 0
    }
}

/// A word's [`TokenFacts`], one slot per value of the flags.
type FlagVariants = [Option<Arc<TokenFacts>>; 8];

/// Packs the three flags of a [`TokenFacts`].
fn flags_of(content: bool, capitalized: bool, sentence_start: bool) -> u8 {
    (u8::from(content) * CONTENT)
        | (u8::from(capitalized) * CAPITALIZED)
        | (u8::from(sentence_start) * SENTENCE_START)
}

/// Changes the flags of some tokens: `change` gives a token's new flags, or `None` to leave
/// it. Tokens given the same word and flags share one [`TokenFacts`] again.
fn reflag(infos: &mut [TokenInfo], change: impl Fn(&TokenInfo) -> Option<u8>) {
    // keyed by the word's shared lowercased text (one per word) and the new flags
    let mut shared: HashMap<(*const Box<str>, u8), Arc<TokenFacts>> = HashMap::new();
    for x in infos {
        let Some(flags) = change(x).filter(|&f| f != x.facts.flags) else {
            continue;
        };
        let old = &x.facts;
        let facts = shared
            .entry((Arc::as_ptr(&old.lower.0), flags))
            .or_insert_with(|| {
                Arc::new(TokenFacts {
                    lower: old.lower.clone(),
                    stem: old.stem.clone(),
                    flags,
                })
            })
            .clone();
        x.facts = facts;
    }
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
    /// The score before the pack's preference for one-word phrases
    /// ([`crate::lang::KeyphraseWeights::phrase_weight`]): the focus keyphrase is chosen by it.
    #[serde(skip)]
    pub topic_score: f64,
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
    /// Mention spans (bytes of the document text).
    #[serde(skip)]
    pub spans: Vec<Span>,
    /// Mention spans as `[start, end)` characters of the document text.
    #[serde(rename = "spans")]
    pub at: Vec<CharSpan>,
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
    /// The span as `[start, end)` characters of the document text.
    #[serde(rename = "span")]
    pub at: CharSpan,
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
    /// The calendar date it stands for, ISO 8601 (`2012-06-21`), when the text or the
    /// article's dateline says (a weekday is anchored to the dateline).
    pub date: Option<String>,
    /// Its span.
    #[serde(skip)]
    pub span: Span,
    /// The span as `[start, end)` characters of the document text.
    #[serde(rename = "span")]
    pub at: CharSpan,
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
    /// The span as `[start, end)` characters of the document text.
    #[serde(rename = "span")]
    pub at: CharSpan,
}

/// A span as `[start, end)` character (Unicode scalar value) offsets into the document text
/// that `analyze` reports; serialised as a two-number array.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct CharSpan(pub usize, pub usize);

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

/// A past-participle ending of the first group (`baptisée`, `dévoilés`, `married`), a plural
/// verb ending (`contrôlent`, `connaîtront`; adverbs in `-ment` aside) or an infinitive ending on
/// a long word (`contrôler`): with no determiner ever before the word, it reads as a verb.
fn verb_ending(lower: &str) -> bool {
    ["é", "ée", "és", "ées", "ed"]
        .iter()
        .any(|e| lower.ends_with(e))
        || plural_verb_ending(lower)
        // an infinitive (`contrôler`)
        || ((lower.ends_with("er") || lower.ends_with("ir")) && lower.chars().count() > 6)
}

/// A plural verb ending (`contrôlent`, `connaîtront`), adverbs in `-ment` aside.
fn plural_verb_ending(lower: &str) -> bool {
    (lower.ends_with("ent") || lower.ends_with("ont"))
        && !lower.ends_with("ment")
        && lower.chars().count() > 5
}

/// Rule `keyphrase.verb_cue`: which lower-case words of an article read as verbs. A word that
/// never follows a determiner (never `la censure`, `l’annonce`) is a verb when it takes an object
/// — a determiner or a number right after it (`abolit la censure`, `supprimer 8 000 emplois`) —
/// or has a verb ending ([`verb_ending`]: `baptisée`, `contrôlent`).
struct VerbCues {
    /// Words never seen after a determiner.
    no_determiner: HashSet<String>,
    /// Of those, the words seen before a determiner or a number.
    with_object: HashSet<String>,
}

impl VerbCues {
    fn collect<'a>(
        docs: impl Iterator<Item = (&'a Document, &'a [TokenInfo])>,
        pack: &LanguagePack,
    ) -> Self {
        let mut after_det: HashSet<String> = HashSet::new();
        let mut seen: HashSet<String> = HashSet::new();
        let mut with_object: HashSet<String> = HashSet::new();
        let det = |x: &TokenInfo| {
            pack.words.determiners.contains(x.lower().as_str())
                || x.lower().ends_with('’')
                || x.lower().ends_with('\'')
        };
        for (doc, infos) in docs {
            for sentence in &doc.sentences {
                let r = sentence.tokens.clone();
                for k in r.clone() {
                    let x = &infos[k];
                    if doc.tokens[k].kind != TokenKind::Word
                        || !x.content()
                        || (x.capitalized() && !x.sentence_start())
                    {
                        continue;
                    }
                    seen.insert(x.lower().to_string());
                    if k > r.start && det(&infos[k - 1]) {
                        after_det.insert(x.lower().to_string());
                    }
                    if k + 1 < r.end
                        && (doc.tokens[k + 1].kind == TokenKind::Number
                            || pack
                                .words
                                .determiners
                                .contains(infos[k + 1].lower().as_str()))
                    {
                        with_object.insert(x.lower().to_string());
                    }
                }
            }
        }
        seen.retain(|w| !after_det.contains(w));
        with_object.retain(|w| seen.contains(w));
        VerbCues {
            no_determiner: seen,
            with_object,
        }
    }

    /// The word reads as a verb.
    fn is_verb(&self, w: &str) -> bool {
        self.no_determiner.contains(w) && (self.with_object.contains(w) || verb_ending(w))
    }

    /// The word reads as a finite verb: it takes an object or has a plural verb ending
    /// (`contrôlent`), never an adjective's use.
    fn is_finite(&self, w: &str) -> bool {
        self.no_determiner.contains(w) && (self.with_object.contains(w) || plural_verb_ending(w))
    }

    /// The word reads as a verb that takes an object.
    fn takes_object(&self, w: &str) -> bool {
        self.with_object.contains(w)
    }
}

/// Whether a word ends like a past participle (`piétinées`, `dite`, `morte`, `peinte`,
/// `faite`). A noun in `-ète`, `-ote` or `-ute` (`exoplanète`, `note`, `chute`) does not.
fn is_participle(lower: &str) -> bool {
    [
        "é", "ée", "és", "ées", "i", "ie", "is", "ies", "u", "ue", "us", "ues", "it", "ite", "its",
        "rte", "aite", "inte", "ert", "erte", "ed",
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

/// Rule `keyphrase.possessive`: `vodafone’s` is `vodafone`.
fn strip_possessive(lower: &str) -> &str {
    lower
        .strip_suffix("’s")
        .or_else(|| lower.strip_suffix("'s"))
        .filter(|b| !b.is_empty())
        .unwrap_or(lower)
}

/// Rule `keyphrase.domain_part`: a word glued after a period that is glued to a word
/// (`com` in `zappos.com`, `A` in `L.A`) is a piece of an address or an abbreviation.
fn domain_part(doc: &Document, i: usize) -> bool {
    i >= 2 && {
        let (dot, word, prev) = (&doc.tokens[i - 1], &doc.tokens[i], &doc.tokens[i - 2]);
        doc.token_text(dot) == "."
            && dot.end() == word.start()
            && prev.end() == dot.start()
            && prev.kind == TokenKind::Word
    }
}

/// Computes per-token facts.
fn token_infos(doc: &Document, pack: &LanguagePack) -> Vec<TokenInfo> {
    let mut infos = Vec::with_capacity(doc.tokens.len());
    // Each distinct token text (and kind: only words are stemmed) is lowercased and stemmed
    // once; its (lower, stem) pair is shared by every such token.
    // Each (word, flags) combination is one shared `TokenFacts`, held beside the forms.
    let mut words: HashMap<(&str, bool), (Word, Word, FlagVariants)> = HashMap::new();
    for sentence in &doc.sentences {
        let mut after_aux = false;
        // whether every token of the sentence before this one is punctuation
        let mut only_punct_before = true;
        for (k, t) in doc.tokens[sentence.tokens.clone()].iter().enumerate() {
            let text = doc.token_text(t);
            let is_word = t.kind == TokenKind::Word;
            let (lower, stem, variants) = words.entry((text, is_word)).or_insert_with(|| {
                let lower = text.to_lowercase();
                let stem = is_word.then(|| Word::new(pack.stem(strip_possessive(&lower))));
                let lower = Word::new(lower);
                // a token that is not a word is its own stem: the same shared text
                let stem = stem.unwrap_or_else(|| lower.clone());
                (lower, stem, Default::default())
            });
            let l = lower.as_str();
            let capitalized = text.chars().next().is_some_and(char::is_uppercase);
            let letters = l.chars().filter(|c| c.is_alphabetic()).count();
            // Rule `keyphrase.possessive`: a function word or a verb before `’s` is a
            // contraction (`she’s`, `that’s`: `she is`), not a possessive.
            let bare = strip_possessive(l);
            let stop = pack.is_stopword(l)
                || pack.verbs.contains(l)
                || (bare.len() < l.len() && (pack.is_stopword(bare) || pack.verbs.contains(bare)));
            let prev_lower = (k > 0)
                .then(|| infos.last().map(|x: &TokenInfo| x.lower().as_str()))
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
                    (letters >= 3 || acronym)
                        && !(stop
                            || verbish
                            || adverb
                            || inversion
                            || domain_part(doc, sentence.tokens.start + k))
                }
                _ => false,
            };
            after_aux = t.kind == TokenKind::Word
                && (pack.words.auxiliaries.contains(l) || pack.verbs.contains(l));
            let sentence_start =
                k == 0 || only_punct_before || after_dateline(doc, sentence.tokens.start + k);
            let flags = flags_of(content, capitalized, sentence_start);
            let new_facts = || {
                Arc::new(TokenFacts {
                    lower: lower.clone(),
                    stem: stem.clone(),
                    flags,
                })
            };
            let facts = variants
                .get_mut(usize::from(flags))
                .map_or_else(new_facts, |v| v.get_or_insert_with(new_facts).clone());
            infos.push(TokenInfo { facts });
            only_punct_before &= t.kind == TokenKind::Punct;
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
        if info.capitalized() && !info.sentence_start() {
            mid_caps.insert(info.lower().to_string());
        } else if !info.capitalized() {
            lower_seen.insert(info.lower().to_string());
        }
    }
    mid_caps.retain(|w| !lower_seen.contains(w));
    mid_caps
}

/// A keyphrase candidate: a contiguous range of tokens (a range, not a vector of indices: a
/// long text has millions of candidates, and one allocation each was the analysis' largest
/// memory holder).
struct Candidate {
    tokens: std::ops::Range<usize>,
    sentence: usize,
}

/// Whether token `k` is a word of a name: a capitalised content word, mid-sentence or known as
/// a name in this document.
fn is_name_token(doc: &Document, infos: &[TokenInfo], names: &HashSet<String>, k: usize) -> bool {
    doc.tokens[k].kind == TokenKind::Word
        && infos[k].content()
        && infos[k].capitalized()
        && (!infos[k].sentence_start() || names.contains(infos[k].lower().as_str()))
}

/// Rule `keyphrase.name_runs`: the maximal runs of name words in each sentence, with the
/// particles between them (`Front de Libération Nationale`, `Bank of America`) and a number
/// right after a name word (`Falcon 9`, `France 24`), as token ranges. A run is one name:
/// `Human Rights Watch` is a keyphrase, `Human Rights` and `Rights Watch` are not.
fn name_runs(
    doc: &Document,
    infos: &[TokenInfo],
    names: &HashSet<String>,
    heads: &BTreeSet<String>,
) -> Vec<std::ops::Range<usize>> {
    let mut runs = Vec::new();
    for sentence in &doc.sentences {
        let r = sentence.tokens.clone();
        let mut i = r.start;
        while i < r.end {
            if !is_name_token(doc, infos, names, i) {
                i += 1;
                continue;
            }
            // Rule `keyphrase.name-head`: a geographic or urban common noun right before a
            // name is part of it (`mont Maudit`, `pont Mathilde`, `place Tahrir`): the name
            // alone (`Maudit`) is no place ([name-heads] in the pack's grammar.txt).
            let start = if i > r.start
                && doc.tokens[i - 1].kind == TokenKind::Word
                && !infos[i - 1].capitalized()
                && heads.contains(infos[i - 1].lower().as_str())
            {
                i - 1
            } else {
                i
            };
            let mut end = i + 1;
            loop {
                if end < r.end && is_name_token(doc, infos, names, end) {
                    end += 1;
                    continue;
                }
                if end < r.end && doc.tokens[end].kind == TokenKind::Number {
                    // a number closes the name (`France 2 Gilles Jacquier` is two names)
                    end += 1;
                    break;
                }
                let gap = match infos.get(end).map_or("", |x| x.lower().as_str()) {
                    "de" if matches!(
                        infos.get(end + 1).map(|x| x.lower().as_str()),
                        Some("la" | "l’" | "l'")
                    ) =>
                    {
                        2
                    }
                    "de" | "d’" | "d'" | "du" | "des" | "of" => 1,
                    _ => 0,
                };
                if gap > 0 && end + gap < r.end && is_name_token(doc, infos, names, end + gap) {
                    end += gap + 1;
                    continue;
                }
                break;
            }
            runs.push(start..end);
            i = end;
        }
    }
    runs
}

/// Whether a lower-case verb follows a name or a number inside the candidate `toks`
/// (`Mohamed Morsi élu`, `BAC 2012 dévoilés`).
fn verb_after_name(
    doc: &Document,
    infos: &[TokenInfo],
    names: &HashSet<String>,
    verbs: &VerbCues,
    toks: std::ops::Range<usize>,
) -> bool {
    (toks.start..toks.end.saturating_sub(1)).any(|a| {
        let b = a + 1;
        let named = doc.tokens[a].kind == TokenKind::Number || is_name_token(doc, infos, names, a);
        named && !infos[b].capitalized() && verbs.is_verb(infos[b].lower())
    })
}

/// The stem key of a token range.
fn stem_key(infos: &[TokenInfo], toks: impl Iterator<Item = usize> + Clone) -> String {
    // the same text as the stems collected and joined by spaces, written into one string of
    // the right size (no list of the stems)
    let len = toks
        .clone()
        .map(|i| infos[i].stem().len() + 1)
        .sum::<usize>()
        .saturating_sub(1);
    let mut key = String::with_capacity(len);
    for (n, i) in toks.enumerate() {
        if n > 0 {
            key.push(' ');
        }
        key.push_str(infos[i].stem());
    }
    key
}

/// Rule `keyphrase.whole_names`: a candidate may hold a name only whole. One that cuts a name
/// run (`Polonaise Agnieszka` from `Polonaise Agnieszka Radwanska`, `Assassinat de Antoine`) is
/// dropped; a part of a name (`Rights Watch`) counts only where that part is itself a whole name
/// somewhere (`run_keys`), so that `Samaras` alone still counts. Names of more than three words
/// become candidates whole (`Front de Libération Nationale`). Rule `keyphrase.name_parts`: with
/// `name_parts` (a pack setting, [`crate::lang::KeyphraseWeights`]), every single word of a name
/// counts too (`Buble` inside `Michael Buble`).
///
/// The candidates are generated, filtered and handed to `each` one sentence at a time, in
/// reading order (so that a group's occurrences and sentences stay sorted): only one sentence's
/// candidates are held at once, not the whole text's (on a 1 MB text those vectors and the set
/// of kept spans were the analysis' largest memory holders). A name run can only equal a
/// candidate of the sentence it starts in, so the set of kept spans is per sentence too.
fn respect_names(
    doc: &Document,
    infos: &[TokenInfo],
    runs: &[std::ops::Range<usize>],
    run_keys: &HashSet<String>,
    name_parts: bool,
    mut each: impl FnMut(Candidate),
) {
    let run_sentence = |r: &std::ops::Range<usize>| {
        doc.sentences
            .partition_point(|x| x.tokens.end <= r.start)
            .min(doc.sentences.len().saturating_sub(1))
    };
    let mut cands: Vec<Candidate> = Vec::new();
    let mut out: Vec<Candidate> = Vec::new();
    let mut seen: HashSet<(usize, usize)> = HashSet::new();
    let mut next_run = 0;
    for si in 0..doc.sentences.len() {
        cands.clear();
        seen.clear();
        candidates(doc, infos, si, &mut cands);
        for c in cands.drain(..) {
            if c.tokens.is_empty() {
                continue;
            }
            let (s, e) = (c.tokens.start, c.tokens.end);
            // the runs are sorted and disjoint: only those that end after `s` and start before `e`
            let from = runs.partition_point(|r| r.end <= s);
            let ok = runs[from..].iter().take_while(|r| r.start < e).all(|r| {
                let whole = s <= r.start && r.end <= e;
                let inside = r.start <= s && e <= r.end;
                whole
                    || (inside
                        && ((name_parts && e - s == 1)
                            || run_keys.contains(&stem_key(infos, s..e))))
            });
            if ok {
                seen.insert((s, e));
                out.push(c);
            }
        }
        // the runs that start in this sentence (runs are sorted, so their sentences are too)
        while let Some(r) = runs.get(next_run) {
            let sentence = run_sentence(r);
            if sentence > si {
                break;
            }
            next_run += 1;
            if r.len() >= 2 && r.len() <= 6 && !seen.contains(&(r.start, r.end)) {
                out.push(Candidate {
                    tokens: r.clone(),
                    sentence,
                });
            }
        }
        // reading order
        out.sort_by_key(|c| (c.sentence, c.tokens.start));
        for c in out.drain(..) {
            each(c);
        }
    }
    // (runs without any sentence: none in practice, kept for completeness)
    for r in runs.get(next_run..).unwrap_or_default() {
        if r.len() >= 2 && r.len() <= 6 {
            each(Candidate {
                tokens: r.clone(),
                sentence: run_sentence(r),
            });
        }
    }
}

/// Appends to `out` the candidates of sentence `si`, in the order they are generated.
fn candidates(doc: &Document, infos: &[TokenInfo], si: usize, out: &mut Vec<Candidate>) {
    let connectors = |i: usize| -> usize {
        // "de", "d’", "du", "des", "de la", "de l’": returns how many tokens the connector spans.
        let l = infos.get(i).map_or("", |x| x.lower().as_str());
        let next = infos.get(i + 1).map_or("", |x| x.lower().as_str());
        match l {
            "de" if next == "la" || next == "l’" || next == "l'" => 2,
            "de" | "d’" | "d'" | "du" | "des" => 1,
            _ => 0,
        }
    };
    if let Some(sentence) = doc.sentences.get(si) {
        let range = sentence.tokens.clone();
        let mut i = range.start;
        let mut runs: Vec<(usize, usize)> = Vec::new();
        while i < range.end {
            if !infos[i].content() {
                i += 1;
                continue;
            }
            let start = i;
            while i < range.end
                && (infos[i].content()
                    || (doc.tokens[i].kind == TokenKind::Number
                        && i > start
                        && infos[i - 1].capitalized()))
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
                    if s + n <= b && info.content() {
                        out.push(Candidate {
                            tokens: s..s + n,
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
                        // the left words, the connector and the right words are contiguous
                        // (`a_end + gap == b_start`)
                        out.push(Candidate {
                            tokens: a_end - left..b_start + n,
                            sentence: si,
                        });
                    }
                }
            }
        }
    }
}

fn surface(doc: &Document, toks: &std::ops::Range<usize>) -> Span {
    if toks.is_empty() {
        return 0..0;
    }
    let first = doc.tokens.get(toks.start).map_or(0, |t| t.start());
    let last = doc.tokens.get(toks.end - 1).map_or(0, |t| t.end());
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
    /// Some occurrence has a verb right after a name (`Morsi élu`, `Obama raille`).
    verb_after_name: bool,
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
            verb_after_name: false,
        }
    }

    fn add_form(&mut self, form: String) {
        // (`forms` and `first_form_at` hold the same forms: a known one is only counted)
        if let Some(n) = self.forms.get_mut(&form) {
            *n += 1;
            return;
        }
        self.first_form_at.insert(form.clone(), self.forms.len());
        self.forms.insert(form, 1);
    }
}

/// The stem key, surface form, content-word tokens and name flag of a candidate (the content
/// words' lowercase, which only a new group keeps, is [`content_lowers`]).
fn describe(
    doc: &Document,
    infos: &[TokenInfo],
    names: &HashSet<String>,
    c: &Candidate,
    possessive: bool,
) -> (String, String, Vec<usize>, bool) {
    let key = stem_key(infos, c.tokens.clone());
    let mut form = doc.slice(&surface(doc, &c.tokens)).to_string();
    if possessive && c.tokens.len() == 1 {
        // `Wood’s` is shown as `Wood` (rule `keyphrase.possessive`); in a language with no
        // `’s` possessive it is part of the name (`l’agence Moody’s`)
        let kept = form
            .strip_suffix("’s")
            .or_else(|| form.strip_suffix("'s"))
            .filter(|b| !b.is_empty())
            .map(str::len);
        if let Some(n) = kept {
            form.truncate(n);
        }
    }
    let first = c.tokens.start;
    let compound_name = doc
        .token_text(&doc.tokens[first])
        .split('-')
        .skip(1)
        .any(|p| p.starts_with(char::is_uppercase));
    if infos[first].sentence_start()
        && infos[first].capitalized()
        && !names.contains(strip_possessive(infos[first].lower().as_str()))
        && !compound_name
    {
        form = lowercase_initial(&form);
    }
    let content: Vec<usize> = c.tokens.clone().filter(|&i| infos[i].content()).collect();
    let is_name = content.iter().all(|&i| {
        names.contains(infos[i].lower().as_str())
            || (infos[i].capitalized() && !infos[i].sentence_start())
    });
    (key, form, content, is_name)
}

/// The lowercase of a candidate's content-word tokens (as [`describe`] gives them).
fn content_lowers(infos: &[TokenInfo], content: &[usize]) -> Vec<String> {
    content
        .iter()
        .map(|&i| infos[i].lower().to_string())
        .collect()
}

/// Runs the analysis. `title` is the given title (it counts for keyphrase scoring).
#[must_use]
pub fn analyze(doc: &Document, title: Option<&str>, pack: &LanguagePack) -> Analysis {
    let mut infos = token_infos(doc, pack);
    let mut names = name_words(doc, &infos);
    let title_doc = title.map(|t| Document::build(&[t], pack));
    let mut title_infos = title_doc
        .as_ref()
        .map(|td| token_infos(td, pack))
        .unwrap_or_default();
    // Rule `keyphrase.title_case`: in a title-case title (`Kidder Praises Adams Casting`) a
    // capital says nothing: only the words the text itself writes as names stay capitalised.
    if title_doc
        .as_ref()
        .is_some_and(|td| title_case(td, &title_infos, pack))
    {
        reflag(&mut title_infos, |x| {
            (x.capitalized() && !names.contains(strip_possessive(x.lower().as_str())))
                .then(|| x.facts.flags & CONTENT)
        });
    }
    // Capitalised words inside the title (not its first word) are names too.
    if let Some(td) = &title_doc {
        for (t, x) in td.tokens.iter().zip(&title_infos) {
            if t.kind == TokenKind::Word
                && x.capitalized()
                && !x.sentence_start()
                && !pack.is_stopword(x.lower())
            {
                names.insert(x.lower().to_string());
            }
        }
    }
    let title_main = title_main_clause(&title_infos, pack);
    let n_sent = doc.sentences.len().max(1);
    let lede_sentences = doc.paragraphs.first().map_or(0..0, |p| p.sentences.clone());
    let intro_sentences = doc.paragraphs.get(1).map_or(lede_sentences.clone(), |p| {
        lede_sentences.start..p.sentences.end
    });

    let title_leads = title_leads(&title_infos, pack);
    let kicker = title_kicker(&title_infos);
    let verbs = VerbCues::collect(
        [
            Some((doc, infos.as_slice())),
            title_doc.as_ref().map(|td| (td, title_infos.as_slice())),
        ]
        .into_iter()
        .flatten(),
        pack,
    );
    // A finite verb (`conditionne l’indemnisation`, `contrôlent`) ends every phrase, here and
    // in the stages that read these facts.
    let finite = |x: &TokenInfo| {
        (x.content() && !x.capitalized() && verbs.is_finite(x.lower()))
            .then(|| x.facts.flags & !CONTENT)
    };
    reflag(&mut infos, finite);
    reflag(&mut title_infos, finite);
    let heads = &pack.words.name_heads;
    let runs = name_runs(doc, &infos, &names, heads);
    let title_runs = title_doc
        .as_ref()
        .map(|td| name_runs(td, &title_infos, &names, heads))
        .unwrap_or_default();
    let run_keys: HashSet<String> = runs
        .iter()
        .map(|r| stem_key(&infos, r.clone()))
        .chain(title_runs.iter().map(|r| stem_key(&title_infos, r.clone())))
        .collect();
    let mut groups: HashMap<String, Group> = HashMap::new();
    let mut order: Vec<String> = Vec::new();
    let weights = &pack.keyphrase_weights;
    let topic = KeyphraseWeights::topic();
    respect_names(doc, &infos, &runs, &run_keys, weights.name_parts, |c| {
        let (key, form, content, is_name) = describe(doc, &infos, &names, &c, weights.possessive);
        let g = match groups.entry(key) {
            Entry::Occupied(e) => e.into_mut(),
            Entry::Vacant(e) => {
                order.push(e.key().clone());
                e.insert(Group::new(
                    content.len(),
                    is_name,
                    content_lowers(&infos, &content),
                ))
            }
        };
        g.add_form(form);
        g.verb_after_name |= verb_after_name(doc, &infos, &names, &verbs, c.tokens.clone());
        if c.tokens.len() == 1 {
            let only = c.tokens.start;
            let sentence_start = doc.sentences[c.sentence].tokens.start;
            if only > sentence_start {
                let prev = &infos[only - 1];
                if prev.content() {
                    g.after_noun += 1;
                } else if pack.words.determiners.contains(prev.lower().as_str())
                    || prev.lower().ends_with('’')
                    || prev.lower().ends_with('\'')
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
    });
    // The title's own candidates: a topic the title names counts even if the text does not
    // repeat it (`Grèce : …`).
    if let Some(td) = &title_doc {
        let mut title_cands = Vec::new();
        respect_names(
            td,
            &title_infos,
            &title_runs,
            &run_keys,
            weights.name_parts,
            |c| title_cands.push(c),
        );
        title_cands.extend(title_figures(td, &title_infos, pack));
        for c in title_cands {
            let (key, form, content, is_name) =
                describe(td, &title_infos, &names, &c, weights.possessive);
            let g = match groups.entry(key) {
                Entry::Occupied(e) => e.into_mut(),
                Entry::Vacant(e) => {
                    order.push(e.key().clone());
                    e.insert(Group::new(
                        content.len(),
                        is_name,
                        content_lowers(&title_infos, &content),
                    ))
                }
            };
            if g.occurrences.is_empty() {
                g.add_form(form);
            }
            g.verb_after_name |=
                verb_after_name(td, &title_infos, &names, &verbs, c.tokens.clone());
            g.title_hits += 1;
        }
    }
    // With name parts, a surname's group already holds every mention of it (inside the full
    // name too): merging it into the full name would count those twice.
    if !weights.name_parts {
        merge_surnames(&mut groups, &mut order);
    }

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
        let in_lede =
            g.sentences.iter().any(|s| lede_sentences.contains(s)) || (TITLE_IS_LEDE && in_title);
        let in_intro = g.sentences.iter().any(|s| intro_sentences.contains(s));
        let raw_specificity = if g.lowers.is_empty() {
            1.0
        } else {
            g.lowers.iter().map(|w| pack.specificity(w)).sum::<f64>() / g.lowers.len() as f64
        };
        // The score under a set of weights: the pack's for the ranking, the topic weights for
        // the focus keyphrase (see [`KeyphraseWeights::topic`]).
        let rank = |w: &KeyphraseWeights| -> f64 {
            let specificity = if g.lowers.is_empty() {
                1.0
            } else {
                let mean = raw_specificity;
                // The title is the author's own choice of terms: common words there still count.
                let floored = if in_title {
                    mean.max(TITLE_SPECIFICITY_FLOOR)
                } else {
                    mean
                };
                #[allow(clippy::float_cmp)] // 1.0 is written in the data: the factor as is
                if w.specificity_exponent == 1.0 {
                    floored
                } else {
                    floored.powf(w.specificity_exponent)
                }
            };
            let mut score = (1.0 + (tf as f64).ln())
                * (1.0
                    + w.title_weight * f64::from(u8::from(in_title))
                    + 0.4 * f64::from(u8::from(in_main)))
                * (1.0 + 0.3 * f64::from(u8::from(in_lede)) + 0.2 * f64::from(u8::from(in_intro)))
                * (1.0 + 0.5 * spread)
                * (1.5 - first as f64 / n_sent as f64)
                * specificity;
            if g.is_name {
                score *= w.name_weight;
            }
            // Rule `keyphrase.kicker`: the title's kicker (`Chômage` in `Chômage : le nombre…`)
            // is the desk's own category for the story.
            if kicker.as_deref() == Some(key.as_str()) {
                score *= KICKER_WEIGHT;
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
                score *= w.adjective_factor;
            }
            // Rule `keyphrase.verb_cue`: a lower-case word read as a verb (see [`VerbCues`]) is
            // not a topic, nor is a phrase that starts with one or ends on one that takes an
            // object.
            if !g.is_name {
                let first = g.lowers.first().map_or("", String::as_str);
                let last = g.lowers.last().map_or("", String::as_str);
                if g.words == 1 && verbs.is_verb(first) {
                    score *= w.verb_factor;
                } else if g.words > 1
                    && (verbs.is_verb(first)
                        || verbs.takes_object(last)
                        || g.lowers.iter().any(|w| verbs.is_finite(w))
                        || g.verb_after_name)
                {
                    // `baptisé Télétel`, `vote provoque`, `citoyens appellent`, `Morsi élu`: a
                    // clause, not a name for a topic
                    score *= w.clause_factor;
                }
            }
            // Seen once, outside the title and the lede: a detail, not a topic.
            if tf == 1 && !in_title && !in_lede {
                score *= 0.7;
            }
            // The pack's preference between single words and longer phrases (English news is
            // tagged mostly with single words).
            if g.words > 1 {
                score *= w.phrase_weight;
            }
            score
        };
        let score = rank(weights);
        let topic_score = rank(&topic);
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
            topic_score,
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
    let doc_words = doc
        .tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .count();
    let focus_of = |list: &[Keyphrase]| {
        choose_focus(
            list,
            (weights.focus_pool, weights.name_parts),
            (&lede_sentences, &intro_sentences),
            &title_main,
            &title_leads,
            (&pack.words, doc_words),
        )
    };
    // Drop a phrase whose occurrences mostly sit inside one better-ranked longer phrase
    // (`Falcon` inside `Falcon 9`).
    let (mut kept, focus) = if *weights == topic {
        let kept = select_keyphrases(phrases);
        let focus = focus_of(&kept);
        (kept, focus)
    } else {
        // The focus comes from the phrases as the topic weights rank and select them (a whole
        // name, `crude oil` rather than `crude`), and is kept among the keyphrases even when
        // the pack's ranking puts it past [`MAX_KEYPHRASES`].
        let mut by_topic = phrases.clone();
        by_topic.sort_by(|a, b| {
            b.topic_score
                .total_cmp(&a.topic_score)
                .then_with(|| a.key.cmp(&b.key))
        });
        let topic_kept = select_keyphrases(by_topic);
        let chosen = focus_of(&topic_kept).and_then(|i| topic_kept.get(i));
        let mut kept = select_keyphrases(phrases);
        let focus = chosen.map(|f| {
            kept.iter().position(|k| k.key == f.key).unwrap_or_else(|| {
                kept.push(f.clone());
                kept.len() - 1
            })
        });
        (kept, focus)
    };
    let mut entities = entities(doc, &infos, &names, pack);
    let (mut figures, mut dates) = figures_and_dates(doc, &infos, pack);
    anchor_dates(doc, &mut dates, pack);
    let mut quotes = quotes(doc, &entities, pack);
    locate(
        &doc.text,
        &mut entities,
        &mut figures,
        &mut dates,
        &mut quotes,
    );
    // The lists grew by doubling and live through every later stage: give back the slack
    // (up to half of each on a long text).
    give_back(&mut figures);
    give_back(&mut dates);
    for k in &mut kept {
        give_back(&mut k.occurrences);
        give_back(&mut k.sentences);
    }
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

/// Gives back a vector's unused capacity when it is over 4 KiB (a long text's lists); a
/// short article's lists keep theirs, not worth a reallocation each.
fn give_back<T>(v: &mut Vec<T>) {
    if (v.capacity() - v.len()).saturating_mul(std::mem::size_of::<T>()) > 1 << 12 {
        v.shrink_to_fit();
    }
}

/// Fills the character spans of every entity mention, figure, date and quote from their byte
/// spans, in one pass over the text.
fn locate(
    text: &str,
    entities: &mut [Entity],
    figures: &mut [Figure],
    dates: &mut [DateRef],
    quotes: &mut [Quote],
) {
    // The byte offsets asked about, sorted, and for each the number of character boundaries
    // (the text's end included) before it: one sweep over the text, no table of its size.
    let mut offsets: Vec<usize> = entities
        .iter()
        .flat_map(|e| e.spans.iter())
        .chain(figures.iter().map(|f| &f.span))
        .chain(dates.iter().map(|d| &d.span))
        .chain(quotes.iter().map(|q| &q.span))
        .flat_map(|s| [s.start, s.end])
        .collect();
    offsets.sort_unstable();
    offsets.dedup();
    let mut boundaries = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .peekable();
    let mut below = 0;
    let counts: Vec<usize> = offsets
        .iter()
        .map(|&x| {
            while boundaries.next_if(|&b| b < x).is_some() {
                below += 1;
            }
            below
        })
        .collect();
    let char_at = |x: usize| {
        counts
            .get(offsets.partition_point(|&o| o < x))
            .copied()
            .unwrap_or(below)
    };
    let at = |s: &Span| CharSpan(char_at(s.start), char_at(s.end));
    for e in entities.iter_mut() {
        e.at = e.spans.iter().map(at).collect();
    }
    for f in figures.iter_mut() {
        f.at = at(&f.span);
    }
    for d in dates.iter_mut() {
        d.at = at(&d.span);
    }
    for q in quotes.iter_mut() {
        q.at = at(&q.span);
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day count since 1970-01-01 (the inverse of [`days_from_civil`]).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = u32::try_from(doy - (153 * mp + 2) / 5 + 1).unwrap_or(1);
    let m = u32::try_from(if mp < 10 { mp + 3 } else { mp - 9 }).unwrap_or(1);
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

/// The ISO weekday (Monday = 1) of a day count since 1970-01-01 (a Thursday).
fn iso_weekday(days: i64) -> u32 {
    u32::try_from((days + 3).rem_euclid(7) + 1).unwrap_or(1)
}

/// The day, month and year a `Day` date expression writes (`22 mai 2012`, `1er août`), if any.
fn day_parts(text: &str, pack: &LanguagePack) -> Option<(u32, u32, Option<i64>)> {
    let mut words = text.split_whitespace();
    let day: u32 = words
        .next()?
        .trim_end_matches(|c: char| c.is_alphabetic())
        .parse()
        .ok()?;
    let month = *pack.months.get(&words.next()?.to_lowercase())?;
    let year = words.next().and_then(|y| y.parse().ok());
    ((1..=31).contains(&day)).then_some((day, month, year))
}

/// Rule `date.anchor`: the article's date is the dated day that opens it (a dateline,
/// `22 mai 2012. – …`). Each day written with its year gets its ISO date; a day without a year
/// takes the article's year; a weekday (`jeudi`) is the last such day on or before the article
/// date, as news reports tell what happened. With no dateline, only full dates are resolved.
fn anchor_dates(doc: &Document, dates: &mut [DateRef], pack: &LanguagePack) {
    let opening = doc.tokens.first().map_or(0, |t| t.start());
    let article = dates
        .first()
        .filter(|d| d.kind == DateKind::Day && d.span.start == opening)
        .and_then(|d| day_parts(doc.slice(&d.span), pack))
        .and_then(|(day, month, year)| Some(days_from_civil(year?, month, day)));
    let iso = |days: i64| {
        let (y, m, d) = civil_from_days(days);
        format!("{y:04}-{m:02}-{d:02}")
    };
    for d in dates.iter_mut() {
        d.date = match d.kind {
            DateKind::Day => day_parts(doc.slice(&d.span), pack).and_then(|(day, month, year)| {
                let year = year.or_else(|| article.map(|a| civil_from_days(a).0))?;
                Some(iso(days_from_civil(year, month, day)))
            }),
            DateKind::Weekday => article.and_then(|a| {
                let wd = *pack.weekdays.get(&doc.slice(&d.span).to_lowercase())?;
                let back = (i64::from(iso_weekday(a)) - i64::from(wd)).rem_euclid(7);
                Some(iso(a - back))
            }),
            DateKind::Year | DateKind::Decade => None,
        };
    }
}

/// Rule `keyphrase.title_figures`: the figures and years the title states (`75 000`,
/// `50 ans`, `2012`) are keyphrases: the desk chose them as the story's key numbers.
fn title_figures(td: &Document, ti: &[TokenInfo], pack: &LanguagePack) -> Vec<Candidate> {
    let (figures, dates) = figures_and_dates(td, ti, pack);
    let spans = figures.into_iter().map(|f| f.span).chain(
        dates
            .into_iter()
            .filter(|d| d.kind == DateKind::Year)
            .map(|d| d.span),
    );
    spans
        .filter_map(|span| {
            // the tokens inside a span are contiguous (tokens are in order and disjoint)
            let inside = |t: &crate::text::Token| t.start() >= span.start && t.end() <= span.end;
            let first = td.tokens.iter().position(inside)?;
            let last = td.tokens.iter().rposition(inside)?;
            Some(Candidate {
                tokens: first..last + 1,
                sentence: 0,
            })
        })
        .collect()
}

/// Keeps the keyphrases from `phrases` (sorted best first), at most [`MAX_KEYPHRASES`], by the
/// `inside` and `crossing` rules.
fn select_keyphrases(phrases: Vec<Keyphrase>) -> Vec<Keyphrase> {
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
        // Rule `keyphrase.crossing`: a phrase that mostly straddles a better-ranked one
        // (`historique maritime` across `Site historique` … `maritime de la Pointe-au-Père`)
        // is a cut through two topics, not a third.
        let crossing = p.words > 1
            && !p.occurrences.is_empty()
            && p.occurrences
                .iter()
                .filter(|o| {
                    kept.iter()
                        .any(|k| k.words > 1 && crosses(&k.occurrences, o))
                })
                .count()
                * 2
                >= p.occurrences.len();
        if !inside && !crossing {
            kept.push(p);
        }
    }
    kept
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
    // (the mentions are sorted by start: the ones before `pos` are a prefix, searched from its
    // end, not scanned from the document's start for every quote)
    let last_person_before = |pos: usize| {
        mentions[..mentions.partition_point(|(s, _, _, _)| *s < pos)]
            .iter()
            .rev()
            .find(|(_, _, _, person)| *person)
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
            // the mentions inside `range` of this sentence: those from its start on (a
            // mention ends after it starts, so none starting past its end can be inside)
            let named_in = |range: std::ops::Range<usize>| {
                let (lo, hi) = (base + range.start, base + range.end);
                mentions[mentions.partition_point(|(s, _, _, _)| *s < lo)..]
                    .iter()
                    .take_while(|(s, _, _, _)| *s <= hi)
                    .filter(|(s, e, _, _)| *s >= lo && *e <= hi)
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
                at: CharSpan::default(),
                text: inner.to_string(),
                speaker,
                sentence: si,
                span: base + open..base + from,
            });
        }
    }
    out
}

/// The stem key of the title's kicker, the content words before its colon (`Chômage` in
/// `Chômage : le nombre d’emplois…`), if it has one of at most three words.
fn title_kicker(ti: &[TokenInfo]) -> Option<String> {
    let colon = ti.iter().position(|x| x.lower() == ":")?;
    let words: Vec<&str> = ti[..colon]
        .iter()
        .filter(|x| x.content())
        .map(|x| x.stem().as_str())
        .collect();
    (!words.is_empty() && words.len() <= 3 && words.len() == colon).then(|| words.join(" "))
}

/// The stem keys that open the title: its kicker (`Grèce` in `Grèce : le gouvernement…`)
/// and the first one to four content words of the clause after it (after a determiner).
fn title_leads(ti: &[TokenInfo], pack: &LanguagePack) -> Vec<String> {
    let mut leads = Vec::new();
    let mut start = 0;
    if let Some(colon) = ti.iter().position(|x| x.lower() == ":") {
        let kicker: Vec<&str> = ti[..colon]
            .iter()
            .filter(|x| x.content())
            .map(|x| x.stem().as_str())
            .collect();
        if !kicker.is_empty() {
            leads.push(kicker.join(" "));
        }
        start = colon + 1;
    }
    let rest = &ti[start.min(ti.len())..];
    let skip = usize::from(rest.first().is_some_and(|x| {
        pack.words.determiners.contains(x.lower().as_str()) || x.lower().ends_with('’')
    }));
    let opening: Vec<&str> = rest
        .iter()
        .skip(skip)
        .take_while(|x| x.content())
        .take(4)
        .map(|x| x.stem().as_str())
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

/// Whether `o` overlaps one of `spans` (sorted by start) without either containing the other.
fn crosses(spans: &[Span], o: &Span) -> bool {
    let i = spans.partition_point(|s| s.start < o.end);
    spans[..i].iter().rev().take(4).any(|s| {
        s.end > o.start
            && !(s.start <= o.start && o.end <= s.end)
            && !(o.start <= s.start && s.end <= o.end)
    })
}

/// The stems of the title's main clause, padded with spaces: before the first subordinator,
/// the kicker included (`Grèce : le gouvernement formé alors que…` → `grec le gouvern form`).
fn title_main_clause(ti: &[TokenInfo], pack: &LanguagePack) -> String {
    let mut main_end = ti.len();
    for k in 1..ti.len() {
        let joined = ti[k..]
            .iter()
            .take(3)
            .map(|y| y.lower().as_str())
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
    let main: Vec<&str> = ti[..main_end].iter().map(|x| x.stem().as_str()).collect();
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

/// The focus keyphrase: 1–4 words, from the `pool` best by [`Keyphrase::topic_score`], favouring the title's main clause and
/// presence in the lede (the first paragraph, where SEO plugins look for it), then in the
/// introduction (first two paragraphs).
///
/// Rule `keyphrase.focus-quantity`: a phrase that opens on a quantity noun (`milliards
/// d’euros`, `millions de dollars`: `quantity-nouns` in `data/<lang>/grammar.txt`) is a figure
/// with its number cut off, and one that opens on a number written in words (`neuf`, `neuf
/// personnes`: `number-words`) is a figure; neither is ever the focus. Rule `keyphrase.focus-density`: a common word or
/// phrase (not a name; specificity under [`FOCUS_GENERIC_SPECIFICITY`]) that makes more than
/// [`FOCUS_MAX_DENSITY`] % of the article's words (`équipe` nine times in 240 words) keeps half
/// its score: a word the article repeats that
/// often is generic, and SEO plugins read the repeats of a focus as keyword stuffing.
fn choose_focus(
    kps: &[Keyphrase],
    (pool, name_parts): (usize, bool),
    (lede, intro): (&std::ops::Range<usize>, &std::ops::Range<usize>),
    title_main: &str,
    title_leads: &[String],
    (words, doc_words): (&crate::lang::WordClasses, usize),
) -> Option<usize> {
    // `k` mostly sits inside the longer `n` (`crude` inside `crude oil`)
    let inside = |k: &Keyphrase, n: &Keyphrase| {
        n.words > k.words
            && !k.occurrences.is_empty()
            && k.occurrences
                .iter()
                .filter(|o| covered(&n.occurrences, o))
                .count()
                * 2
                >= k.occurrences.len()
    };
    // `k` is a word of the name `n`: its surname (`Kowalczyk` of `Marta Kowalczyk`, as rule
    // `keyphrase.surname` reads it), or a word mostly seen inside it (`Marta`)
    let part_of = |k: &Keyphrase, n: &Keyphrase| {
        k.words == 1
            && k.is_name
            && n.is_name
            && n.words > 1
            && (n.key.ends_with(&format!(" {}", k.key)) || inside(k, n))
    };
    // Each phrase's topic score (before the pack's one-word preference). With name parts, a
    // whole name stands for the mentions of its words (`Lopilato` alone counts for
    // `Luisana Lopilato`), as a surname joins the full name under the topic weights.
    // What each phrase stands for: itself, and for a whole name, its words too (their
    // mentions, sentences and place in the title count for it).
    let stands_for: Vec<Vec<&Keyphrase>> = kps
        .iter()
        .map(|n| {
            let mut all = vec![n];
            if name_parts && n.is_name && n.words > 1 {
                all.extend(kps.iter().filter(|k| part_of(k, n)));
            }
            all
        })
        .collect();
    let topic: Vec<f64> = stands_for
        .iter()
        .map(|all| all.iter().map(|k| k.topic_score).fold(f64::MIN, f64::max))
        .collect();
    // With name parts, the ranking keeps phrases the topic reading drops: a phrase mostly
    // inside a longer one with a better topic score (`crude` in `crude oil`), and a word of a
    // name inside the whole name (`Lopilato`): the reader searches for the longer one.
    let nested = |i: usize| {
        name_parts
            && kps
                .iter()
                .enumerate()
                .any(|(j, n)| part_of(&kps[i], n) || (inside(&kps[i], n) && topic[j] >= topic[i]))
    };
    // the best `pool` phrases by their topic score
    let mut ranked: Vec<(usize, &Keyphrase)> = kps
        .iter()
        .enumerate()
        .filter(|&(i, _)| !nested(i))
        .collect();
    ranked.sort_by(|a, b| topic[b.0].total_cmp(&topic[a.0]).then(a.0.cmp(&b.0)));
    ranked
        .into_iter()
        .take(pool)
        .filter(|(_, k)| (1..=4).contains(&k.words) && k.text.chars().count() <= 40)
        // a reader searches for words, not for `2012` or `50 ans`
        .filter(|(_, k)| k.text.chars().next().is_some_and(char::is_alphabetic))
        // rule `keyphrase.focus-quantity`: not `milliards d’euros`, nor a number written in
        // words (`neuf`, `neuf personnes`: a figure, which the reader does not search for)
        .filter(|(_, k)| {
            k.text.split_whitespace().next().is_none_or(|w| {
                let w = w.to_lowercase();
                !words.quantity_nouns.contains(&w)
                    // (`neufs morts`: the source's slip is the same number)
                    && (k.is_name
                        || !(words.number_words.contains(&w)
                            || w
                                .strip_suffix('s')
                                .is_some_and(|b| words.number_words.contains(b))))
            })
        })
        // a focus is a noun phrase: a lower-case phrase ending on a participle is not
        // (`mortes piétinées`)
        .filter(|(_, k)| {
            let last = k.text.split_whitespace().next_back().unwrap_or("");
            k.is_name
                // a place name closes it (`mont Maudit`: `maudit` is a participle, `Maudit`
                // a name after its head, keyphrase.name-head)
                || (last.starts_with(char::is_uppercase)
                    && k.text
                        .split_whitespace()
                        .next()
                        .is_some_and(|w| words.name_heads.contains(&w.to_lowercase())))
                || !is_participle(&last.to_lowercase())
                || k.words == 1 && last.chars().count() <= 5
        })
        .map(|(i, k)| {
            let all = &stands_for[i];
            let in_lede = all
                .iter()
                .any(|k| k.sentences.iter().any(|s| lede.contains(s)));
            let in_intro = all
                .iter()
                .any(|k| k.sentences.iter().any(|s| intro.contains(s)));
            let main = all
                .iter()
                .any(|k| title_main.contains(&format!(" {} ", k.key)));
            // A phrase that opens the title's main clause, or is its kicker, lets the title
            // stay close to the original with the keyphrase first.
            let lead = all.iter().any(|k| title_leads.contains(&k.key));
            // A reader searches for the specific term: a generic word of the title (`projet`,
            // `équipe`) is a poor focus even when it scores well as a keyphrase.
            // rule `keyphrase.focus-density`
            let dense = !k.is_name
                && k.specificity < FOCUS_GENERIC_SPECIFICITY
                && !k.text.starts_with(char::is_uppercase)
                && doc_words > 0
                && k.occurrences.len() as f64 * 100.0 > FOCUS_MAX_DENSITY * doc_words as f64;
            let s = topic[i]
                * k.specificity.sqrt()
                * if dense { 0.5 } else { 1.0 }
                * if lead { 1.5 } else { 1.0 }
                * if main {
                    1.6
                } else if k.in_title {
                    1.2
                } else {
                    1.0
                }
                * if in_lede {
                    1.3
                } else if in_intro {
                    0.7
                } else {
                    0.4
                };
            (i, s)
        })
        .max_by(|a, b| a.1.total_cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
        .map(|(i, _)| i)
}

/// Whether a title capitalises its words (three or more longer words, at least four in five of
/// them capitalised), as English title case does.
fn title_case(td: &Document, ti: &[TokenInfo], pack: &LanguagePack) -> bool {
    let words: Vec<&TokenInfo> = td
        .tokens
        .iter()
        .zip(ti)
        .filter(|(t, x)| {
            t.kind == TokenKind::Word
                && x.lower().chars().count() >= 4
                && !pack.is_stopword(x.lower())
        })
        .map(|(_, x)| x)
        .collect();
    let caps = words.iter().filter(|x| x.capitalized()).count();
    words.len() >= 3 && caps * 5 >= words.len() * 4
}

/// Lowercases the first letter of a sentence-initial phrase, unless its first word is
/// written in capitals (`CIUDAD JUAREZ`, `MYLEENE`).
fn lowercase_initial(s: &str) -> String {
    let shouting = s.split_whitespace().next().is_some_and(|w| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && w.chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
    });
    if shouting {
        return s.to_string();
    }
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

/// Rule `entity.institution`: a name headed by an institution word (`Conseil`, `Cour`) runs
/// on over particles and lower-case words up to its last content word or name
/// (`Conseil de sécurité de l’ONU`, `Cour pénale internationale`), six tokens at most.
fn institution_end(
    doc: &Document,
    infos: &[TokenInfo],
    limit: usize,
    end: usize,
    is_name: &dyn Fn(usize) -> bool,
) -> usize {
    let mut last = end;
    let mut k = end;
    while k < limit && k < end + 6 {
        let x = &infos[k];
        let particle = matches!(
            x.lower().as_str(),
            "de" | "d’" | "d'" | "du" | "des" | "la" | "l’" | "l'" | "of" | "the"
        );
        let word = doc.tokens[k].kind == TokenKind::Word && (x.content() || is_name(k));
        if word {
            last = k + 1;
        } else if !particle {
            break;
        }
        k += 1;
    }
    last
}

/// Rule `entity.ministry`: `ministère azerbaïdjanais de la Défense` is one organisation: a
/// name after `de la`/`de l’`/`du`/`des` that follows `ministère` and at most two lower-case
/// words starts at `ministère`.
fn ministry_head(infos: &[TokenInfo], sentence_start: usize, start: usize) -> Option<usize> {
    let mut k = start;
    // the particles right before the name
    while k > sentence_start
        && matches!(
            infos[k - 1].lower().as_str(),
            "de" | "d’" | "d'" | "du" | "des" | "la" | "l’" | "l'"
        )
    {
        k -= 1;
    }
    if k == start {
        return None;
    }
    for _ in 0..3 {
        if k == sentence_start {
            return None;
        }
        k -= 1;
        let x = &infos[k];
        if matches!(x.lower().as_str(), "ministère" | "ministry") {
            return Some(k);
        }
        if !x.content() || x.capitalized() {
            return None;
        }
    }
    None
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
        "in", "city", "village", "sud", "nord", "ouest", "centre",
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
    // a word shortly before a name that says it is an organisation
    // (`l’agence de presse russe Interfax`)
    const ORG_CUES: &[&str] = &[
        "agence",
        "quotidien",
        "journal",
        "chaîne",
        "groupe",
        "entreprise",
        "syndicat",
        "ong",
        "association",
        "compagnie",
        "constructeur",
        "agency",
        "newspaper",
        "group",
        "firm",
        "union",
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
                    && infos[k].capitalized()
                    && (!infos[k].sentence_start() || names.contains(infos[k].lower().as_str()))
                    && !pack.is_stopword(infos[k].lower())
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
                let l = infos.get(end).map_or("", |x| x.lower().as_str());
                let gap = match l {
                    "de" if matches!(
                        infos.get(end + 1).map(|x| x.lower().as_str()),
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
            let mut start = start;
            let institution = ORG_WORDS.contains(&infos[start].lower().as_str());
            if institution {
                end = institution_end(doc, infos, r.end, end, &ok);
            } else if let Some(head) = ministry_head(infos, r.start, start) {
                start = head;
            }
            let span = doc.tokens[start].start()..doc.tokens[end - 1].end();
            // A name is whole words: it starts and ends at a word edge (white space, or
            // punctuation that opens or closes a word), never inside `E«K«E`. Generated text
            // then only ever repeats whole source words.
            if !at_word_edges(&doc.text, &span) {
                i = end;
                continue;
            }
            let text = doc.slice(&span).to_string();
            let prev = if start > r.start {
                infos[start - 1].lower().as_str()
            } else {
                ""
            };
            let prev2 = if start > r.start + 1 {
                infos[start - 2].lower().as_str()
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
            let org_cue = (start.saturating_sub(4).max(r.start)..start)
                .any(|k| ORG_CUES.contains(&infos[k].lower().as_str()));
            let kind = if PERSON_CUES.contains(&prev) || PERSON_CUES.contains(&prev2) {
                EntityKind::Person
            } else if ORG_WORDS.contains(&lower_first.as_str()) || acronym || org_cue {
                EntityKind::Organisation
            } else if PLACE_CUES.contains(&prev)
                || (matches!(
                    prev,
                    "de" | "du" | "des" | "le" | "la" | "les" | "l’" | "l'"
                ) && PLACE_CUES.contains(&prev2))
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
                forms.push(HashMap::from_iter([(raw.text.clone(), 1)]));
                by_form.insert(lower.clone(), out.len());
                by_prefix
                    .entry(lower.chars().take(2).collect())
                    .or_default()
                    .push(out.len());
                out.push(Entity {
                    at: Vec::new(),
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
            let lower = infos[i].lower().as_str();
            if t.kind == TokenKind::Word && pack.weekdays.contains_key(lower) {
                dates.push(DateRef {
                    at: CharSpan::default(),
                    date: None,
                    text: doc.token_text(t).to_string(),
                    kind: DateKind::Weekday,
                    sentence: si,
                    span: t.span(),
                });
                i += 1;
                continue;
            }
            if t.kind != TokenKind::Number {
                i += 1;
                continue;
            }
            // `s12 500`, `ressen40 000`: a digit group after a word that ends in digits (one
            // space, no-break or not, between) continues a number the fact guard reads whole
            // (`12 500`); it is no figure of its own
            let continues = i > r.start
                && doc
                    .text
                    .get(doc.tokens[i - 1].end()..t.start())
                    .is_some_and(|gap| gap.chars().count() == 1 && gap.trim().is_empty())
                && doc
                    .token_text(&doc.tokens[i - 1])
                    .ends_with(|c: char| c.is_ascii_digit());
            if continues {
                i += 1;
                continue;
            }
            let text = doc.token_text(t);
            let digits: String = text.chars().filter(char::is_ascii_digit).collect();
            let prev = if i > r.start {
                infos[i - 1].lower().as_str()
            } else {
                ""
            };
            let next = infos
                .get(i + 1)
                .filter(|_| i + 1 < r.end)
                .map_or("", |x| x.lower().as_str());
            let next2 = infos
                .get(i + 2)
                .filter(|_| i + 2 < r.end)
                .map_or("", |x| x.lower().as_str());
            // 22 mai 2012
            if pack.months.contains_key(next) && digits.len() <= 2 {
                let mut end = i + 2;
                if next2.len() == 4 && next2.chars().all(|c| c.is_ascii_digit()) {
                    end = i + 3;
                }
                let span = t.start()..doc.tokens[end - 1].end();
                dates.push(DateRef {
                    at: CharSpan::default(),
                    date: None,
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
                    && infos[i + 1].content()
                    && !pack.words.prepositions.contains(next)
                    && !infos[i + 1].capitalized();
                if decade
                    || pack.words.year_cues.contains(prev)
                    || pack.months.contains_key(prev)
                    || !next_is_unit
                {
                    dates.push(DateRef {
                        at: CharSpan::default(),
                        date: None,
                        text: text.to_string(),
                        kind: if decade {
                            DateKind::Decade
                        } else {
                            DateKind::Year
                        },
                        sentence: si,
                        span: t.span(),
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
                    let words: Vec<&str> = (i - qn..i).map(|k| infos[k].lower().as_str()).collect();
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
                } else if matches!(next, "autres" | "other" | "others")
                    && i + 2 < r.end
                    && doc.tokens[i + 2].kind == TokenKind::Word
                    && infos[i + 2].content()
                {
                    // Rule `figure.others`: `400 autres blessées` counts the wounded
                    unit = Some(doc.token_text(&doc.tokens[i + 2]).to_string());
                    end_tok = i + 3;
                } else if nt.kind == TokenKind::Word
                    && !pack.words.prepositions.contains(next)
                    && !pack.is_stopword(next)
                    // a word with digits glued to it is no unit (`mètr12` in `1,40 mètr12 500e`,
                    // text from a broken scrape: the fact guard reads `12 500` whole)
                    && !ntext.chars().any(|c| c.is_ascii_digit())
                {
                    unit = Some(ntext.to_string());
                    end_tok = i + 2;
                    // millions d’euros
                    if matches!(
                        next,
                        "millions" | "milliards" | "million" | "milliard" | "millier" | "milliers"
                    ) && i + 3 < r.end
                        && matches!(infos[i + 2].lower().as_str(), "d’" | "d'" | "de")
                    {
                        unit = Some(
                            doc.slice(&(nt.start()..doc.tokens[i + 3].end()))
                                .to_string(),
                        );
                        end_tok = i + 4;
                    }
                }
            }
            let span = doc.tokens[start_tok].start()..doc.tokens[end_tok - 1].end();
            figures.push(Figure {
                at: CharSpan::default(),
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

    #[test]
    fn stem_key_is_the_stems_joined_by_spaces() {
        let pack = LanguagePack::load(Lang::Fr).expect("pack");
        let doc = Document::build(
            &["Les élus présentent le budget. L’État l’a annoncé : 6 700 emplois."],
            &pack,
        );
        let infos = token_infos(&doc, &pack);
        for start in 0..infos.len() {
            for end in start..=infos.len().min(start + 4) {
                let joined = (start..end)
                    .map(|i| infos[i].stem().as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                let key = stem_key(&infos, start..end);
                assert_eq!(key, joined, "{start}..{end}");
                assert_eq!(key.capacity(), key.len(), "{start}..{end}");
            }
        }
    }

    #[test]
    fn token_facts_are_shared_by_word_and_flags_and_reflagged() {
        let pack = LanguagePack::load(Lang::Fr).expect("pack");
        let doc = Document::build(
            &["Le maire présente le budget. Le budget progresse et le maire se tait."],
            &pack,
        );
        let infos = token_infos(&doc, &pack);
        assert_eq!(std::mem::size_of::<TokenInfo>(), 8);
        let at = |w: &str| {
            doc.tokens
                .iter()
                .enumerate()
                .filter(|(_, t)| doc.token_text(t) == w)
                .map(|(i, _)| i)
                .collect::<Vec<_>>()
        };
        // `budget` mid-sentence twice: the same facts; `Le` opening both sentences likewise.
        let budget = at("budget");
        assert_eq!(budget.len(), 2);
        let shared = |a: usize, b: usize| Arc::ptr_eq(&infos[a].facts, &infos[b].facts);
        assert!(shared(budget[0], budget[1]));
        assert!(infos[budget[0]].content());
        let le = at("Le");
        assert!(shared(le[0], le[1]));
        assert!(infos[le[0]].sentence_start() && infos[le[0]].capitalized());
        // `le` mid-sentence: another text (forms are shared per exact text), other flags.
        let lower = at("le");
        assert!(shared(lower[0], lower[1]));
        assert!(!Arc::ptr_eq(&infos[le[0]].facts, &infos[lower[0]].facts));
        assert_eq!(infos[le[0]].lower(), infos[lower[0]].lower());
        assert!(!infos[lower[0]].capitalized() && !infos[lower[0]].sentence_start());
        // Reflagging keeps the forms and shares the new combination again.
        let mut changed = infos.clone();
        reflag(&mut changed, |x| {
            (x.lower().as_str() == "budget").then(|| x.facts.flags & !CONTENT)
        });
        assert!(!changed[budget[0]].content());
        assert_eq!(changed[budget[0]].stem(), infos[budget[0]].stem());
        assert!(Arc::ptr_eq(
            &changed[budget[0]].facts,
            &changed[budget[1]].facts
        ));
        assert!(infos[budget[0]].content());
    }

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
    fn the_focus_is_no_quantity_and_no_over_repeated_common_word() {
        // rule keyphrase.focus-quantity: `milliards d’euros` is a figure cut from its number
        let (_, a) = run(
            &[
                "Le gouvernement devra trouver 3,1 milliards d’euros de recettes. Les impôts augmenteront de 3,1 milliards d’euros.",
                "Ces milliards d’euros manquent à l’appel, a dit la ministre. Les milliards d’euros viendront des grandes entreprises.",
            ],
            Some("Les impôts augmenteront de 3,1 milliards d’euros"),
        );
        let focus = a.focus_keyphrase().map(|k| k.text.as_str());
        assert!(
            focus.is_some_and(|f| !f.starts_with("milliards")),
            "{focus:?}"
        );
        // rule keyphrase.focus-density: `équipe` eight times in some sixty words is generic
        let (_, a) = run(
            &[
                "Les dirigeants du Avenir de Valmont ont fait le bilan de la première saison de l’équipe en ligue nationale. L’équipe a fini quatrième sur vingt.",
                "L’équipe a recruté trois joueurs cet été. L’équipe a gagné douze matchs et en a perdu dix. L’équipe veut progresser, selon son président. Le stade de l’équipe sera agrandi. L’équipe partira en tournée. Les supporteurs aiment l’équipe.",
            ],
            Some(
                "Football : la direction du Avenir de Valmont fait le bilan de la première année de l’équipe",
            ),
        );
        assert_eq!(
            a.focus_keyphrase().map(|k| k.text.as_str()),
            Some("Avenir de Valmont")
        );
    }

    #[test]
    fn a_place_keeps_its_head_and_a_number_word_is_no_focus() {
        // keyphrase.name-head: `mont Valdor` is one name, `Valdor` alone is not a keyphrase;
        // keyphrase.focus-quantity: `neuf` (a number in words, the title's first word) is
        // never the focus; a capitalised last word is a name, not a participle (`Maudit`)
        let (_, a) = run(
            &[
                "Neuf alpinistes sont morts dans une avalanche sur le mont Maudit, près de Chamonix.",
                "Le mont Maudit culmine à 4 465 mètres. Les secours ont fouillé le mont Maudit toute la nuit.",
            ],
            Some("Neuf morts dans une avalanche au mont Maudit"),
        );
        let texts: Vec<&str> = a.keyphrases.iter().map(|k| k.text.as_str()).collect();
        assert!(texts.contains(&"mont Maudit"), "{texts:?}");
        assert!(!texts.contains(&"Maudit"), "{texts:?}");
        let focus = a.focus_keyphrase().map(|k| k.text.as_str());
        assert_eq!(focus, Some("mont Maudit"), "{texts:?}");
        let (_, a) = run(
            &[
                "Neufs morts et neuf blessés : le bilan de la nuit est lourd, selon la préfecture.",
                "Neuf familles ont été relogées. La préfecture a ouvert une cellule d’écoute.",
            ],
            Some("Neufs morts dans la nuit"),
        );
        let focus = a.focus_keyphrase().map(|k| k.text.to_lowercase());
        assert!(
            focus.as_deref().is_some_and(|f| !f.starts_with("neuf")),
            "{focus:?}"
        );
    }

    #[test]
    fn participle_endings_are_not_nouns_in_te() {
        for p in ["piétinées", "dite", "morte", "peinte", "faite", "ouverte"] {
            assert!(is_participle(p), "{p}");
        }
        for n in ["exoplanète", "note", "chute", "comète"] {
            assert!(!is_participle(n), "{n}");
        }
    }

    #[test]
    fn a_french_name_keeps_its_s() {
        // French has no `’s` possessive: `Moody’s` is the agency's name
        let (_, a) = run(
            &[
                "L’agence Moody’s a abaissé la note de douze banques du Valdorien.",
                "Moody’s juge que les banques du Valdorien restent fragiles.",
            ],
            None,
        );
        let texts: Vec<&str> = a.keyphrases.iter().map(|k| k.text.as_str()).collect();
        assert!(texts.contains(&"Moody’s"), "{texts:?}");
        assert!(!texts.contains(&"Moody"), "{texts:?}");
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
    fn a_digit_group_after_a_word_is_no_figure() {
        // found by the rewrite fuzz target: the fact guard reads `12 500` and `40 000` whole
        let (_, a) = run(
            &["Les comptes s12 500 habitants et ressen40\u{a0}000 euros ont été publiés."],
            None,
        );
        let values: Vec<&str> = a.figures.iter().map(|f| f.value.as_str()).collect();
        assert!(
            !values.contains(&"500") && !values.contains(&"000"),
            "{values:?}"
        );
    }

    #[test]
    fn a_word_with_digits_is_no_unit() {
        // found by the rewrite fuzz target: `mètr12\u{a0}500e` made the unit `mètr12`, and the
        // key-figure label restated a `12` the fact guard reads as part of `12 500`
        let (_, a) = run(
            &["L’eau a atteint 1,40 mètr12\u{a0}500e dans certaines maisons du quartier."],
            None,
        );
        assert!(
            a.figures
                .iter()
                .all(|f| f.unit.as_deref().is_none_or(|u| !u.contains("12"))),
            "{:?}",
            a.figures
        );
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
        let (_, b) = run(
            &["Au moins 20 personnes ont été tuées et 40 autres blessés."],
            None,
        );
        let units: Vec<Option<&str>> = b.figures.iter().map(|f| f.unit.as_deref()).collect();
        assert_eq!(units, [Some("personnes"), Some("blessés")]);
        assert!(!phrases.iter().any(|p| p.contains("2020")), "{phrases:?}");
        let kinds: Vec<(DateKind, &str)> =
            a.dates.iter().map(|d| (d.kind, d.text.as_str())).collect();
        assert!(kinds.contains(&(DateKind::Year, "2020")), "{kinds:?}");
        assert!(kinds.contains(&(DateKind::Weekday, "mardi")), "{kinds:?}");
        assert!(kinds.contains(&(DateKind::Day, "22 mai 2012")), "{kinds:?}");
        assert!(kinds.contains(&(DateKind::Decade, "1990")), "{kinds:?}");
    }

    #[test]
    fn names_are_keyphrases_only_whole() {
        let (_, a) = run(
            &[
                "L’ONG Open Water Trust a publié mardi un rapport sur la pollution des rivières.",
                "Selon Open Water Trust, la pollution des rivières a doublé. Le rapport cite Paul Verlaine Durand.",
                "Open Water Trust demande un plan contre la pollution.",
            ],
            Some("Pollution : le rapport d’Open Water Trust"),
        );
        let texts: Vec<&str> = a.keyphrases.iter().map(|k| k.text.as_str()).collect();
        assert!(texts.contains(&"Open Water Trust"), "{texts:?}");
        for part in [
            "Open Water",
            "Water Trust",
            "Water",
            "Trust",
            "Paul Verlaine",
        ] {
            assert!(!texts.contains(&part), "{part} in {texts:?}");
        }
    }

    #[test]
    fn verbs_and_kickers_are_told_from_topics() {
        let (_, a) = run(
            &[
                "Le maire de Montbrac supprime la taxe sur les piscines. La taxe rapportait peu.",
                "Le conseil supprime aussi la redevance. Les habitants approuvent la mesure.",
            ],
            Some("Fiscalité : Montbrac supprime la taxe sur les piscines en 2024"),
        );
        let texts: Vec<&str> = a.keyphrases.iter().map(|k| k.text.as_str()).collect();
        let rank = |t: &str| texts.iter().position(|x| *x == t).unwrap_or(usize::MAX);
        assert!(rank("supprime") > rank("taxe"), "{texts:?}");
        assert!(rank("approuvent") > rank("piscines"), "{texts:?}");
        assert!(
            rank("fiscalité") < rank("redevance"),
            "the kicker is a topic: {texts:?}"
        );
        assert!(
            texts.contains(&"2024"),
            "a title year is a keyphrase: {texts:?}"
        );
        let focus = a.focus_keyphrase().map(|k| k.text.as_str());
        assert!(
            focus.is_some_and(|f| f.starts_with(char::is_alphabetic)),
            "{focus:?}"
        );
    }

    #[test]
    fn institutions_take_their_whole_name() {
        let (_, a) = run(
            &[
                "Le Conseil de sécurité de l’ONU se réunit jeudi. Le ministère valdien de la Santé a démenti, selon l’agence de presse Zorba.",
            ],
            None,
        );
        let find = |t: &str| a.entities.iter().find(|e| e.text == t).map(|e| e.kind);
        assert_eq!(
            find("Conseil de sécurité de l’ONU"),
            Some(EntityKind::Organisation)
        );
        assert_eq!(
            find("ministère valdien de la Santé"),
            Some(EntityKind::Organisation)
        );
        assert_eq!(find("Zorba"), Some(EntityKind::Organisation));
    }

    #[test]
    fn dates_are_anchored_to_the_dateline_and_spans_index_the_text() {
        let (doc, a) = run(
            &[
                "21 juin 2012. – Le maire a parlé jeudi. Le vote aura lieu le 3 juillet. « Nous voterons tous ensemble », a déclaré Paul Roux.",
            ],
            None,
        );
        let got: Vec<(&str, Option<&str>)> = a
            .dates
            .iter()
            .map(|d| (d.text.as_str(), d.date.as_deref()))
            .collect();
        // 21 June 2012 was a Thursday: `jeudi` is that day
        assert!(
            got.contains(&("21 juin 2012", Some("2012-06-21"))),
            "{got:?}"
        );
        assert!(got.contains(&("jeudi", Some("2012-06-21"))), "{got:?}");
        assert!(got.contains(&("3 juillet", Some("2012-07-03"))), "{got:?}");
        let chars: Vec<char> = doc.text.chars().collect();
        let at = |s: CharSpan| chars[s.0..s.1].iter().collect::<String>();
        for d in &a.dates {
            assert_eq!(at(d.at), d.text);
        }
        let q = a.quotes.first().expect("a quote");
        assert_eq!(q.speaker.as_deref(), Some("Paul Roux"));
        assert!(at(q.at).starts_with('«'));
        for e in &a.entities {
            for s in &e.at {
                assert!(e.text == at(*s) || e.variants.contains(&at(*s)));
            }
        }
    }

    #[test]
    fn token_facts_stay_small() {
        // one `TokenInfo` per token lives through every stage: a shared pointer to the word's
        // forms and three flags
        assert_eq!(std::mem::size_of::<Word>(), std::mem::size_of::<usize>());
        assert!(std::mem::size_of::<TokenInfo>() <= 16);
        let (doc, a) = run(&["Le maire a parlé. Le maire partira."], None);
        assert_eq!(a.tokens.len(), doc.tokens.len());
        // the same word shares one text; a mark that is not a word is its own stem
        let maire: Vec<&TokenInfo> = a.tokens.iter().filter(|x| x.lower() == "maire").collect();
        assert_eq!(maire.len(), 2);
        assert!(std::ptr::eq(
            maire[0].lower().as_str(),
            maire[1].lower().as_str()
        ));
        let dot = a
            .tokens
            .iter()
            .find(|x| x.lower() == ".")
            .expect("a period");
        assert_eq!(dot.stem(), dot.lower());
    }

    #[test]
    fn civil_dates_round_trip() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        for days in [-1000, 0, 15_512, 19_000, 60_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        // 2012-06-21 was a Thursday
        assert_eq!(iso_weekday(days_from_civil(2012, 6, 21)), 4);
    }

    #[test]
    fn possessives_and_addresses() {
        let pack = LanguagePack::load(Lang::En).expect("pack");
        let doc = Document::build(
            &["Vodafone’s shares rose as Vodafone bought a stake, says zappos.com today."],
            &pack,
        );
        let a = analyze(&doc, None, &pack);
        let texts: Vec<&str> = a.keyphrases.iter().map(|k| k.text.as_str()).collect();
        assert_eq!(
            texts
                .iter()
                .filter(|t| t.starts_with("Vodafone") && !t.contains(' '))
                .count(),
            1,
            "{texts:?}"
        );
        assert!(!texts.contains(&"com"), "{texts:?}");
        // a function word or a verb before `’s` is a contraction, not a possessive
        let doc = Document::build(
            &["She’s sure that’s the crane’s last season; she’s seen the crane rust."],
            &pack,
        );
        let a = analyze(&doc, None, &pack);
        let texts: Vec<&str> = a.keyphrases.iter().map(|k| k.text.as_str()).collect();
        assert!(texts.contains(&"crane"), "{texts:?}");
        for w in ["she", "She", "that"] {
            assert!(!texts.contains(&w), "{w}: {texts:?}");
        }
    }

    #[test]
    fn english_ranks_single_words_and_name_parts_but_focuses_on_the_whole_name() {
        // Rules `keyphrase.name_parts` and the English pack's weights (data/en/keyphrases.txt).
        let pack = LanguagePack::load(Lang::En).expect("pack");
        let text = [
            "Harbour pilot Marta Kowalczyk guided the grain carrier into the harbour at dawn. \
             Kowalczyk said the harbour channel had silted up over the winter. \
             Port engineers will dredge the harbour channel next month, Kowalczyk added. \
             The grain carrier left the harbour after unloading.",
        ];
        let doc = Document::build(&text, &pack);
        let a = analyze(
            &doc,
            Some("Pilot Marta Kowalczyk guides grain carrier"),
            &pack,
        );
        let texts: Vec<&str> = a.keyphrases.iter().map(|k| k.text.as_str()).collect();
        let rank = |t: &str| texts.iter().position(|x| *x == t);
        // a word of a name counts on its own, with every mention of the name
        let part = rank("Kowalczyk").expect("the surname is a keyphrase");
        let whole = rank("Marta Kowalczyk").expect("the whole name is a keyphrase");
        assert!(part < whole, "{texts:?}");
        // single words come before the phrases they make up
        let harbour = rank("harbour").expect("harbour");
        assert!(
            rank("harbour channel").is_none_or(|p| harbour < p),
            "{texts:?}"
        );
        // the focus is the whole name, not its part
        assert_eq!(
            a.focus_keyphrase().map(|k| k.text.as_str()),
            Some("Marta Kowalczyk"),
            "{texts:?}"
        );
        // the French pack keeps names whole: the surname joins the full name
        let fr = LanguagePack::load(Lang::Fr).expect("pack");
        let doc = Document::build(
            &["La pilote Marta Kowalczyk guide le cargo. Selon Kowalczyk, le chenal est envasé."],
            &fr,
        );
        let a = analyze(&doc, None, &fr);
        assert!(
            !a.keyphrases.iter().any(|k| k.text == "Kowalczyk"),
            "{:?}",
            a.keyphrases.iter().map(|k| &k.text).collect::<Vec<_>>()
        );
    }

    #[test]
    fn title_case_capitals_are_not_names() {
        let pack = LanguagePack::load(Lang::En).expect("pack");
        let doc = Document::build(
            &[
                "MAPLETON, Ohio - Mayor Jane Orbell praises the new library. Orbell said the library opens in May.",
            ],
            &pack,
        );
        let a = analyze(&doc, Some("Mapleton Mayor Praises New Library"), &pack);
        let texts: Vec<&str> = a.keyphrases.iter().map(|k| k.text.as_str()).collect();
        assert!(
            !texts.iter().any(|t| t.contains("Praises")),
            "title case is not a name: {texts:?}"
        );
        assert!(texts.contains(&"library"), "{texts:?}");
        assert!(
            texts.contains(&"MAPLETON"),
            "capitals stay capitals: {texts:?}"
        );
        assert_eq!(lowercase_initial("Le maire"), "le maire");
        assert_eq!(lowercase_initial("MYLEENE Klass"), "MYLEENE Klass");
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
    fn quote_speakers_come_from_the_quote_sentence_or_the_last_person_named() {
        let (_, a) = run(
            &[
                "Le maire Jean Roux a reçu la présidente Claire Ombrel mardi.",
                "« Le budget sera tenu sans faute », a déclaré Paul Vidal.",
                "Claire Ombrel approuve. « Nous ne céderons rien du tout », a-t-elle ajouté.",
                "« Rien ne sera décidé avant mars », a dit le conseil.",
            ],
            None,
        );
        let got: Vec<Option<&str>> = a.quotes.iter().map(|q| q.speaker.as_deref()).collect();
        // names in other sentences never speak for a quote read after its verb; a pronoun
        // points back to the last person named, however far before
        assert_eq!(got, [Some("Paul Vidal"), Some("Claire Ombrel"), None]);
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
