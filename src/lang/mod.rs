//! Language packs: the data under `data/<lang>/` (embedded with `include_str!`) plus one
//! small grammar module per language for what data cannot express.
//!
//! Adding a language means adding a folder of data and a [`Grammar`] implementation;
//! the pipeline stages only talk to [`LanguagePack`].

pub mod en;
pub mod fr;

use crate::hash::{HashMap, HashMapExt, HashSet, HashSetExt};
use std::collections::BTreeSet;
use std::sync::OnceLock;

use regex::{Regex, RegexBuilder};
use serde::Serialize;

use crate::error::{Error, ErrorKind};

/// A language copydesk has a pack for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// French.
    Fr,
    /// English.
    En,
}

impl Lang {
    /// Every language with a pack, French first.
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// The ISO 639-1 code (`"fr"`, `"en"`).
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// Parses an ISO 639-1 code or an English or French language name.
    ///
    /// ```
    /// use copydesk::lang::Lang;
    /// assert_eq!(Lang::parse("français"), Some(Lang::Fr));
    /// assert_eq!(Lang::parse("EN"), Some(Lang::En));
    /// assert_eq!(Lang::parse("de"), None);
    /// ```
    #[must_use]
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_lowercase().as_str() {
            "fr" | "fra" | "fre" | "french" | "français" | "francais" => Some(Lang::Fr),
            "en" | "eng" | "english" | "anglais" => Some(Lang::En),
            _ => None,
        }
    }
}

/// How headlines (title, H1, subheadings) are capitalised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HeadlineCase {
    /// Only the first word and names start with a capital (the default; always in French).
    #[default]
    Sentence,
    /// Every major word starts with a capital ([`Grammar::title_case`]; English only).
    Title,
}

impl HeadlineCase {
    /// Parses `sentence` or `title`.
    ///
    /// ```
    /// use copydesk::lang::HeadlineCase;
    /// assert_eq!(HeadlineCase::parse("Title"), Some(HeadlineCase::Title));
    /// assert_eq!(HeadlineCase::parse("upper"), None);
    /// ```
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_lowercase().as_str() {
            "sentence" => Some(Self::Sentence),
            "title" => Some(Self::Title),
            _ => None,
        }
    }
}

/// The grammatical gender of a noun.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    /// Masculine (`le`, `du`, `au`).
    Masculine,
    /// Feminine (`la`, `de la`, `à la`).
    Feminine,
    /// Either, by meaning (`élève`).
    Either,
}

/// How the article writes a noun phrase: what a generated text must do to agree with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NounUse {
    /// With a definite article of this gender and number (`le Haut-Karabakh`, `la région`).
    Definite {
        /// The gender, when known (`l’` hides it).
        gender: Option<Gender>,
        /// Plural (`les`, `des`, `aux`).
        plural: bool,
    },
    /// Without an article, like a city (`de Montbrac`, `à Paris`).
    Bare,
}

/// A scrape-noise rule: a whole-paragraph pattern and the reason reported when it matches.
///
/// Compiling the patterns as written is most of an engine's start-up: a bounded repeat such
/// as `.{0,200}` compiles into 200 copies of a Unicode automaton. So a pack screens a
/// paragraph with [`NoiseRules`] first (every rule's pattern with its counted repeats left
/// open, in one automaton) and a rule compiles its exact pattern only the first time the
/// screen lets a paragraph through to it (most paragraphs are not noise).
#[derive(Debug)]
pub struct NoiseRule {
    /// Why a paragraph matching this rule is removed (`ad-marker`, `source-trailer`, …).
    pub reason: String,
    /// The pattern, anchored to the whole trimmed paragraph (`^(?:…)$`), matched
    /// case-insensitively.
    pub pattern: String,
    /// `pattern` compiled, the first time it is asked.
    exact: OnceLock<Option<Regex>>,
}

impl NoiseRule {
    /// Whether the whole trimmed `paragraph` matches the rule's pattern.
    ///
    /// ```
    /// # let fr = copydesk::lang::LanguagePack::load(copydesk::lang::Lang::Fr).unwrap();
    /// let rule = fr.noise.iter().find(|r| r.reason == "read-also-teaser").unwrap();
    /// assert!(rule.is_match("Lire aussi : un autre article"));
    /// assert!(!rule.is_match("Il faut lire aussi les notes de bas de page."));
    /// ```
    #[must_use]
    pub fn is_match(&self, paragraph: &str) -> bool {
        self.exact
            .get_or_init(|| regex(&self.pattern, "noise.txt").ok())
            .as_ref()
            .is_some_and(|re| re.is_match(paragraph))
    }
}

/// A pack's scrape-noise rules (`data/<lang>/noise.txt`, in file order) and their joint
/// *screen*: all the rules' patterns with their counted repeats left open (`.{0,200}` →
/// `.{0,}`: a superset of what each exact pattern matches), compiled as one multi-pattern
/// automaton that reports which rules' screens a paragraph passes. One build instead of one a
/// rule (each build has a fixed cost), and one pass over a paragraph instead of one a rule.
/// Derefs to the rules.
///
/// ```
/// # let fr = copydesk::lang::LanguagePack::load(copydesk::lang::Lang::Fr).unwrap();
/// assert_eq!(fr.noise.reason("Lire aussi : un autre article"), Some("read-also-teaser"));
/// assert_eq!(fr.noise.reason("Il faut lire aussi les notes de bas de page."), None);
/// ```
pub struct NoiseRules {
    rules: Vec<NoiseRule>,
    /// Pattern `k` is rule `k`'s screen, run forward only by a lazy DFA (a meta regex would
    /// also compile a reverse automaton, which a yes-or-no screen never runs); `MatchKind::All`,
    /// so that an overlapping search reports every rule whose screen matches.
    screen: regex_automata::hybrid::dfa::DFA,
    /// The lazy DFA's caches, one for each thread screening at the same time.
    caches: regex_automata::util::pool::Pool<regex_automata::hybrid::dfa::Cache, CacheFn>,
}

/// Makes a cache for [`NoiseRules::screen`].
type CacheFn = Box<dyn Fn() -> regex_automata::hybrid::dfa::Cache + Send + Sync>;

impl std::fmt::Debug for NoiseRules {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NoiseRules")
            .field("rules", &self.rules)
            .finish_non_exhaustive()
    }
}

impl NoiseRules {
    /// Parses `(reason, pattern)` rules (noise.txt regexes, anchored here) and compiles their
    /// joint screen.
    fn new<'a>(rules: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Self, Error> {
        use regex_automata::{hybrid::dfa::DFA, nfa::thompson};
        let bad = |e: &dyn std::fmt::Display| {
            Error::new(
                ErrorKind::Internal,
                format!("bad pattern in noise.txt: {e}"),
            )
        };
        let mut parsed = Vec::new();
        let mut screens = Vec::new();
        for (reason, pattern) in rules {
            let pattern = format!("^(?:{pattern})$");
            let hir = regex_syntax::ParserBuilder::new()
                .case_insensitive(true)
                .build()
                .parse(&pattern)
                .map_err(|e| bad(&e))?;
            screens.push(open_repeats(hir));
            parsed.push(NoiseRule {
                reason: reason.to_string(),
                pattern,
                exact: OnceLock::new(),
            });
        }
        // Built from the parsed patterns themselves (case folding already applied), not from
        // printed and parsed again copies; no capture groups (the screen reports no spans).
        let nfa = thompson::Compiler::new()
            .configure(thompson::Config::new().which_captures(thompson::WhichCaptures::None))
            .build_many_from_hir(&screens)
            .map_err(|e| bad(&e))?;
        let screen = DFA::builder()
            .configure(DFA::config().match_kind(regex_automata::MatchKind::All))
            .build_from_nfa(nfa)
            .map_err(|e| bad(&e))?;
        let for_caches = screen.clone();
        let make: CacheFn = Box::new(move || for_caches.create_cache());
        Ok(Self {
            rules: parsed,
            screen,
            caches: regex_automata::util::pool::Pool::new(make),
        })
    }

    /// The reason of the first rule (in file order) whose pattern the whole trimmed
    /// `paragraph` matches, if any: the screen names the candidates in one pass, and only
    /// they are tried exactly.
    #[must_use]
    pub fn reason(&self, paragraph: &str) -> Option<&str> {
        let candidates = self.screened(paragraph);
        candidates
            .iter()
            .filter_map(|k| self.rules.get(k.as_usize()))
            .find(|rule| rule.is_match(paragraph))
            .map(|rule| rule.reason.as_str())
    }

    /// The rules whose screen `paragraph` passes; every rule if the lazy DFA cannot answer
    /// (it gives up only on a quit byte or too many cache clears, neither configured here;
    /// the rules' exact patterns decide either way).
    fn screened(&self, paragraph: &str) -> regex_automata::PatternSet {
        let mut set = regex_automata::PatternSet::new(self.rules.len());
        let input = regex_automata::Input::new(paragraph).anchored(regex_automata::Anchored::Yes);
        let mut cache = self.caches.get();
        if self
            .screen
            .try_which_overlapping_matches(&mut cache, &input, &mut set)
            .is_err()
        {
            for id in (0..self.rules.len()).filter_map(|k| regex_automata::PatternID::new(k).ok()) {
                let _ = set.try_insert(id);
            }
        }
        set
    }
}

impl<'a> IntoIterator for &'a NoiseRules {
    type Item = &'a NoiseRule;
    type IntoIter = std::slice::Iter<'a, NoiseRule>;

    fn into_iter(self) -> Self::IntoIter {
        self.rules.iter()
    }
}

impl std::ops::Deref for NoiseRules {
    type Target = [NoiseRule];

    fn deref(&self) -> &[NoiseRule] {
        &self.rules
    }
}

/// `hir` with every counted repeat left open (`x{0,200}` → `x{0,}`, `x{4}` → `x{4,}`) and
/// every look-around but the paragraph anchors dropped (`\b`): a pattern that matches
/// everything `hir` matches, and compiles into a small automaton a lazy DFA runs.
/// `?` (at most one) is kept as it is: it costs nothing.
fn open_repeats(hir: regex_syntax::hir::Hir) -> regex_syntax::hir::Hir {
    use regex_syntax::hir::{Hir, HirKind, Look, Repetition};
    // Taken apart by value: the parsed pattern is not needed afterwards, so no node is copied.
    match hir.into_kind() {
        HirKind::Repetition(r) => Hir::repetition(Repetition {
            min: r.min,
            max: r.max.filter(|&m| m <= 1),
            greedy: r.greedy,
            sub: Box::new(open_repeats(*r.sub)),
        }),
        // The screen reports no groups (it is compiled without capture states).
        HirKind::Capture(c) => open_repeats(*c.sub),
        HirKind::Concat(subs) => Hir::concat(subs.into_iter().map(open_repeats).collect()),
        HirKind::Alternation(subs) => {
            Hir::alternation(subs.into_iter().map(open_repeats).collect())
        }
        // A word boundary dropped only widens the screen, and keeps it a DFA: the lazy DFA
        // gives up on a Unicode `\b` before a non-ASCII letter, and one such rule would send
        // the whole joint screen to the slow PikeVM. The paragraph anchors stay.
        HirKind::Look(look) if !matches!(look, Look::Start | Look::End) => Hir::empty(),
        HirKind::Look(look) => Hir::look(look),
        HirKind::Empty => Hir::empty(),
        HirKind::Literal(lit) => Hir::literal(lit.0),
        HirKind::Class(class) => Hir::class(class),
    }
}

/// A part of a pack built from its embedded data file the first time it is read, then kept:
/// most runs read one language's tables only (a French batch never looks up an English word
/// frequency), and a batch of structured articles never reads a brief cue. It derefs to the
/// built value, so `pack.zipf.get(w)` reads as it would on the value itself.
///
/// The build is a function of embedded data only, so every run builds the same value
/// (determinism); it cannot fail (a data defect is caught by the tests that build every
/// shipped file, `lazy_parts_build_from_every_shipped_file`).
///
/// ```
/// # let en = copydesk::lang::LanguagePack::load(copydesk::lang::Lang::En).unwrap();
/// assert!(en.zipf.get("the").is_some_and(|&z| z > 70));
/// ```
pub struct Lazy<T> {
    src: &'static str,
    build: fn(&'static str) -> T,
    value: OnceLock<T>,
}

impl<T> Lazy<T> {
    fn new(src: &'static str, build: fn(&'static str) -> T) -> Self {
        Self {
            src,
            build,
            value: OnceLock::new(),
        }
    }
}

impl<T> std::ops::Deref for Lazy<T> {
    type Target = T;

    fn deref(&self) -> &T {
        self.value.get_or_init(|| (self.build)(self.src))
    }
}

impl<T: std::fmt::Debug> std::fmt::Debug for Lazy<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.value.get() {
            Some(v) => v.fmt(f),
            None => f.write_str("Lazy(not built yet)"),
        }
    }
}

/// The sentence-boundary rules that differ between languages (rule family `text.sbd`).
///
/// The default is the French behaviour; [`Grammar::sentence_rules`] gives a language's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentenceRules {
    /// `?` or `!` before a lower-case word continues the sentence even without a closing
    /// quote (French incise: `Non ! a-t-il dit`). When false, only a closing quote makes an
    /// incise (`“Stop!” she said`), and `what now? we go` is two sentences.
    pub lowercase_continues_after_question: bool,
    /// The fewest letters a plain, undotted word needs for its period to end a sentence
    /// before a lower-case word (`one. i think`: 3 letters).
    pub min_letters_before_lowercase: usize,
    /// Abbreviations match as written: `Card.` (Cardinal) is not `card.`, `No.` is not
    /// `no.`. An entry written in lower case still matches its capitalised form (`Approx.`)
    /// and an all-capitals word matches any entry (`MR.`). When false, case is ignored.
    pub case_sensitive_abbreviations: bool,
    /// Before a capitalised word, a weak abbreviation or a dotted acronym (`U.S.`, `Inc.`,
    /// `Jr.`) ends the sentence only when that word is a function word (`the U.S. Senate`
    /// stays whole; `in the U.S. The` splits). When false, it always ends it.
    pub weak_ends_only_before_function_word: bool,
}

impl Default for SentenceRules {
    fn default() -> Self {
        Self {
            lowercase_continues_after_question: true,
            min_letters_before_lowercase: 4,
            case_sensitive_abbreviations: false,
            weak_ends_only_before_function_word: false,
        }
    }
}

/// Brief cues of one language: how its instruction lines look.
#[derive(Debug, Default)]
pub struct BriefCues {
    /// A line that starts like an instruction.
    pub imperative: Vec<Regex>,
    /// An instruction to customise the title, possibly with the title glued after it.
    pub title_instruction: Vec<Regex>,
    /// A `Title: …` line.
    pub title_line: Vec<Regex>,
    /// Words that make a line an instruction.
    pub cues: Vec<Regex>,
    /// The word target, in capture group 1.
    pub target: Vec<Regex>,
    /// Language requests.
    pub lang: Vec<(Lang, Regex)>,
    /// Requests for a language with no pack, its name in capture group 1 (`be in german`).
    pub other_lang: Vec<Regex>,
    /// A request for subheadings.
    pub subheadings: Vec<Regex>,
}

/// A word class read from a data file, for rules that only ask whether a word belongs to it:
/// lowercase entries, sorted once at load time (by length, then bytes), looked up by binary
/// search without allocating (the compose rules ask in their inner loops). Ordering by length
/// first makes most steps of the search an integer comparison: bytes are compared only
/// between words of the same length.
///
/// ```
/// # let fr = copydesk::lang::LanguagePack::load(copydesk::lang::Lang::Fr).unwrap();
/// assert!(fr.words.reference_openers.contains("elle"));
/// assert!(!fr.words.reference_openers.contains("maire"));
/// ```
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct WordSet(Box<[Box<str>]>);

impl WordSet {
    /// The set of the given entries (sorted, duplicates dropped).
    #[must_use]
    pub fn new<I: IntoIterator<Item = S>, S: Into<Box<str>>>(entries: I) -> Self {
        let mut v: Vec<Box<str>> = entries.into_iter().map(Into::into).collect();
        v.sort_unstable_by(|a, b| Self::order(a, b));
        v.dedup();
        Self(v.into_boxed_slice())
    }

    /// Whether `word` (compared as given: pass it lowercased) is in the set.
    #[must_use]
    pub fn contains(&self, word: &str) -> bool {
        self.0.binary_search_by(|e| Self::order(e, word)).is_ok()
    }

    /// The set's order: by length, then by bytes.
    fn order(a: &str, b: &str) -> std::cmp::Ordering {
        a.len().cmp(&b.len()).then_with(|| a.cmp(b))
    }

    /// Whether `text` opens on an entry as a whole word: the entry followed by a space, or an
    /// entry that ends on an apostrophe (`puisqu’`) followed by anything. `text` is compared
    /// as given (pass it lowercased).
    ///
    /// ```
    /// # let fr = copydesk::lang::LanguagePack::load(copydesk::lang::Lang::Fr).unwrap();
    /// let c = &fr.words.causal_openers;
    /// assert!(c.opens("parce que le pont") && c.opens("puisqu’il pleut"));
    /// assert!(!c.opens("cargo") && !c.opens("car"));
    /// ```
    #[must_use]
    pub fn opens(&self, text: &str) -> bool {
        self.0.iter().any(|e| {
            text.starts_with(&**e) && (e.ends_with(['’', '\'']) || text[e.len()..].starts_with(' '))
        })
    }

    /// Whether the set is empty (a language with no such words).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many entries the set holds.
    #[must_use]
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The entries, shortest first (then in byte order).
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|e| &**e)
    }
}

/// Word classes of a language (`data/<lang>/grammar.txt`). Sets are ordered so that any rule
/// that walks them does so in the same order on every run (determinism).
#[derive(Debug, Default)]
pub struct WordClasses {
    /// Determiners (`le`, `la`, `les`, `l’`, …).
    pub determiners: BTreeSet<String>,
    /// Elision prefixes (`l`, `d`, `qu`, …).
    pub elisions: BTreeSet<String>,
    /// Auxiliary verb forms.
    pub auxiliaries: BTreeSet<String>,
    /// Reporting verbs (`déclaré`, `said`).
    pub attribution_verbs: BTreeSet<String>,
    /// Words after which a title may stand before a name without a determiner (`said`, in
    /// `said council leader Rebecca Holloway`); empty for a language whose titles take one.
    pub bare_title_after: BTreeSet<String>,
    /// Entity kinds (`person`, `organisation`, `other`) whose role may be read from a title
    /// before the name with a determiner (`le président Ilham Aliyev`); empty means all.
    pub title_before_kinds: BTreeSet<String>,
    /// Words that introduce the source of a statement (`selon`, `d’après`, `according to`),
    /// lowercased: a noun phrase right after one names who says, not what the text is about.
    pub source_markers: Vec<String>,
    /// Nouns that count a quantity (`milliards`, `millions`, `billion`), lowercased: a phrase
    /// that opens on one is a figure with its number cut off (rule `keyphrase.focus-quantity`).
    pub quantity_nouns: BTreeSet<String>,
    /// Indefinite articles (`un`, `une`, `des`, `a`, `an`), lowercased: a headline drops one
    /// before its focus (rule `title.bare-focus`).
    pub indefinite_articles: BTreeSet<String>,
    /// Coordinating conjunctions (`et`, `ou`, `mais`, `and`, `or`), lowercased: a restated
    /// statement never opens on one (rule `restate.no-coordinator`).
    pub opening_coordinators: BTreeSet<String>,
    /// Common nouns that head a place name before it (`mont`, `pont`, `place`), lowercased
    /// (rule `keyphrase.name-head`: `mont Maudit` is one name).
    pub name_heads: BTreeSet<String>,
    /// Numbers written in words (`neuf`, `vingt`, `nine`), lowercased: never the focus
    /// (rule `keyphrase.focus-quantity`).
    pub number_words: BTreeSet<String>,
    /// Nouns that classify a name rather than describe a person or body (`type`, `modèle`):
    /// `l’appareil de type McDonnel Douglas` gives no role (rule `actors.noun-head`).
    pub name_classifiers: BTreeSet<String>,
    /// Words that join the two bounds of a numeric range (`à` in `de 8 000 à 10 000`): the
    /// upper bound is no key figure alone (rule `block.key-figures.range-bound`).
    pub range_links: BTreeSet<String>,
    /// Relative pronouns (`qui`, `dont`, `which`): a restatement or a timeline entry never
    /// opens on one (rules `restate.no-relative-opener`, `timeline.whole-clause`).
    pub relative_pronouns: BTreeSet<String>,
    /// Reflexive pronouns before a verb (`se`, `s’`): the word after one is a verb form
    /// (rule `verb.reflexive`: `se base`).
    pub reflexive_pronouns: BTreeSet<String>,
    /// Function words a title-case headline capitalises (`By`, `To`): one written so inside a
    /// text marks a glued headline (rule `restate.headline-glue`).
    pub headline_function_words: BTreeSet<String>,
    /// Prepositions that may open a verb's object (French partitive `de`, `du`, `des`): after a
    /// transitive verb they do not mean the object was cut off (rule `title.verb-object`).
    pub object_prepositions: BTreeSet<String>,
    /// Multi-word subordinators, lowercased, that open a clause.
    pub subordinators: Vec<String>,
    /// Subordinators that open a clause a trimmer may cut only after a comma (`, but`): without
    /// one they belong to an idiom (`cannot help but`, `nothing but`).
    pub comma_subordinators: BTreeSet<String>,
    /// Words that open a clause a trimmer may drop.
    pub clause_openers: BTreeSet<String>,
    /// Quantifiers that belong to a figure (`au moins`).
    pub quantifiers: Vec<String>,
    /// Prepositions and conjunctions a phrase must not end with.
    pub prepositions: BTreeSet<String>,
    /// Words before a 4-digit number that make it a year.
    pub year_cues: BTreeSet<String>,
    /// Words with an aspirated h (no elision).
    pub h_aspire: BTreeSet<String>,
    /// Endings that mark a conjugated verb or a participle (`-ait`, `-ed`).
    pub verb_endings: Vec<String>,
    /// Words (or word groups) a subheading or restated clause cannot end on: they ask for a
    /// complement (`… du point de vue`, `… 10 millions`).
    pub open_ends: Vec<String>,
    /// Words that open a circumstance, not a topic (`hier`, `ainsi`, `au`).
    pub adverbial_openers: BTreeSet<String>,
    /// Endings of adverbs (`-ment`, `-ly`).
    pub adverb_suffixes: Vec<String>,
    /// Nouns of time (`mois`, `semaine`): a verbless phrase headed by one is a time adverbial.
    pub time_nouns: BTreeSet<String>,
    /// Words besides determiners that open a noun phrase (`plusieurs`, `deux`).
    pub noun_openers: BTreeSet<String>,
    /// Words that open a comparison that needs its `que` (`autant`).
    pub open_comparatives: BTreeSet<String>,
    /// Comparatives that a `que` may close (`plus`, `moins`, `more`).
    pub comparatives: BTreeSet<String>,
    /// Tense forms of a reported clause (`avaient`, `would`).
    pub backshift: BTreeSet<String>,
    /// Endings of verb forms that, ending a heading, have lost their object (`-er`, `-ait`).
    pub open_verb_endings: Vec<String>,
    /// Infinitive endings (`-er`, `-ir`).
    pub infinitive_endings: Vec<String>,
    /// Forms of the auxiliary of transitive verbs (`a`, `avait`, `has`).
    pub avoir_forms: BTreeSet<String>,
    /// Verbs of opinion that take a clause (`estime`, `believes`): never the last word.
    pub opinion_verbs: BTreeSet<String>,
    /// Prepositions that tie a noun to its complement (`de`, `du`, `of`): a cut never falls
    /// right before one.
    pub complement_links: BTreeSet<String>,
    /// Endings of finite verb forms (`-ait`, `-ra`), for the key-figure verb check.
    pub finite_endings: Vec<String>,
    /// First- and second-person pronouns: a clause that opens on one speaks for someone the
    /// restated line no longer names (`nous`, `we`).
    pub speaker_pronouns: BTreeSet<String>,
    /// Words that make a clause dependent (`ayant`, `having`).
    pub dependent_markers: BTreeSet<String>,
    /// Imperfect auxiliaries of the pluperfect (`avaient`, `had`).
    pub pluperfect: BTreeSet<String>,
    /// Words that open a range closed by a conjunction (`entre`, `between`).
    pub range_openers: BTreeSet<String>,
    /// Subject pronouns and demonstratives (`il`, `cette`, `they`, `this`): a restated text
    /// that opens on one leans on context it no longer has (`compose::dangling_reference`).
    pub reference_openers: WordSet,
    /// Conjunctions of cause or opposition (`parce que`, `puisqu’`, `because`) that, opening a
    /// restated text, tie it to the sentence before (`compose::dangling_reference`; matched
    /// with [`WordSet::opens`]).
    pub causal_openers: WordSet,
    /// Auxiliary and copula forms (`sera`, `was`) that a consequence adverb may follow
    /// (`compose::consequence_adverb`).
    pub consequence_verbs: WordSet,
    /// Adverbs of consequence (`ainsi`, `thus`) after a consequence verb: the statement follows
    /// from the one before (`compose::consequence_adverb`).
    pub consequence_adverbs: WordSet,
    /// Pronouns and words that cannot open a noun-phrase subject of a FAQ question (`il`,
    /// `cela`, `they`; rules `faq.who`, `faq.what`).
    pub not_subject: WordSet,
    /// Verb forms that put a clause in the future or a hypothesis (`va`, `devrait`, `will`):
    /// a dated clause with one is no event (`compose::faq::future_like`).
    pub future_markers: WordSet,
    /// Endings of future and conditional forms (`-ra`, `-rait`), on words of more than four
    /// letters (`compose::faq::future_like`); empty in English.
    pub future_endings: Vec<String>,
    /// Endings of a past participle (`-é`, `-is`, `-ed`; `compose::faq::participle_like`).
    pub participle_endings: Vec<String>,
    /// Words that end like a participle but are none (`ici`, `depuis`;
    /// `compose::faq::participle_like`).
    pub not_participles: WordSet,
    /// Words after a date that make it part of a longer phrase (`dernier`, `last`;
    /// `Composer::dated_clause`, rule `block.timeline`).
    pub date_qualifiers: WordSet,
    /// The article or preposition before a day date the timeline drops (`le`, `on`).
    pub day_date_articles: WordSet,
    /// The preposition before a year the timeline drops (`en`, `in`).
    pub year_date_prepositions: WordSet,
    /// Words before a weekday the timeline drops (`ce`, `last`).
    pub weekday_date_articles: WordSet,
    /// Words before a weekday that make it part of a range (`entre`, `between`).
    pub date_range_words: WordSet,
    /// Prefixes of an elided word before a weekday that make it part of a range (`jusqu`).
    pub date_range_prefixes: Vec<String>,
    /// Words after a weekday that join it to another date (`et`, `and`).
    pub date_joiners: WordSet,
    /// Parts of the day that go with the date before them (`matin`, `morning`), in the order
    /// they are tried.
    pub day_parts: Vec<String>,
    /// Relative days (`hier`, `yesterday`): a dated clause with one contradicts its label.
    pub relative_days: WordSet,
    /// Prepositions that make a year part of a longer phrase (`depuis`).
    pub since_markers: Vec<String>,
    /// Words that, besides numbers, month and weekday names, make a clause nothing but a date
    /// (`le`, `er`, `dernier`, `the`; `compose::only_dates`).
    pub date_words: WordSet,
    /// Third-person subject pronouns (`il`, `they`): no source to front, no speaker to restate (rules `trim.attribution-front`, `trim.quote-speaker-front`).
    pub subject_pronouns: WordSet,
    /// Prepositions that open no droppable circumstance (`selon`; rule `trim.leading-adverbial`).
    pub non_circumstance_openers: WordSet,
    /// Subordinators of a leading clause the trimmer may drop (`alors que`; rule `trim.leading-subordinate`; matched with [`WordSet::opens`]).
    pub leading_subordinators: WordSet,
    /// Prepositions that date what follows (`pendant`): such an opener stays before a name (rule `trim.leading-adverbial`).
    pub time_prepositions: WordSet,
    /// Participles of an absolute clause (`ayant`, `n’étant`; rule `trim.leading-participial`).
    pub participial_openers: WordSet,
    /// Prepositions and conjunctions that open no droppable incise (`et`, `and`; rule `trim.prepositional-incise`).
    pub non_incise_openers: WordSet,
    /// The prepositions of a final purpose clause (`pour`; rule `trim.purpose`).
    pub purpose_prepositions: Vec<String>,
    /// Infinitive endings of the verb after a purpose preposition (`-er`; rule `trim.purpose`).
    pub purpose_infinitive_endings: Vec<String>,
    /// Words ending in `-ant` that are no present participle (`pendant`; rules `trim.participial-tail`, `trim.leading-participle`).
    pub ant_non_participles: WordSet,
    /// Words besides prepositions that open a final circumstance (`près`; rule `trim.prepositional-tail`).
    pub tail_openers: WordSet,
    /// Prepositions that open no droppable final circumstance (`de`; rule `trim.prepositional-tail`).
    pub non_tail_openers: WordSet,
    /// Clause openers the relative cut skips (`que`; rules `trim.relative`, `trim.participial`).
    pub non_cut_clause_openers: WordSet,
    /// Words that open an attribution (`selon`, `according to`): at the end after a comma (rule `trim.attribution-end`) or at the start of a quoting sentence (`compose::quote_attributed`); matched with [`WordSet::opens`].
    pub attribution_markers: WordSet,
    /// Auxiliaries before a reporting verb in a final attribution (`a`, `ont`; rule `trim.attribution-end`).
    pub attribution_auxiliaries: Vec<String>,
    /// Coordinators a cut may leave dangling at the end (`et`, `and`): dropped.
    pub coordinators: WordSet,
    /// Words besides subordinators and prepositions that open a clause no title is made of (`dont`, `suite`; `Composer::title`).
    pub title_link_openers: WordSet,
    /// Definite articles that may stand before the focus at the start of a title clause (`le`, `the`; `Composer::title`).
    pub focus_articles: WordSet,
    /// Words that open a relative or subordinate clause, where a meta description may be cut (`que`, `dont`; `compose::cut_meta_within`).
    pub meta_cut_openers: WordSet,
    /// Elided forms of [`Self::meta_cut_openers`], matched as prefixes (`qu’`).
    pub meta_cut_opener_prefixes: Vec<String>,
    /// Articles taken into a noun phrase found before its keyphrase (`la`, `the`; `compose::noun_phrase_at`).
    pub phrase_articles: WordSet,
    /// Prepositions that tie a noun phrase to its complement, taken into it (`de`, `of`; `compose::noun_phrase_at`).
    pub phrase_links: WordSet,
    /// Words that open an enumeration, not a figure’s own clause (`dont`, `including`; `compose::figure_clause`; matched with [`WordSet::opens`]).
    pub figure_cut_openers: WordSet,
    /// Segments a verbless figure clause does not take in (`dont`, `selon`; `compose::figure_clause`; matched with [`WordSet::opens`]).
    pub figure_skip_openers: WordSet,
    /// The conjunctions that close a range (`et`, `and`; `compose::range_open`).
    pub range_closers: WordSet,
    /// Words that open an attribution head a FAQ statement skips (`selon`, `according`; rules `faq.who`, `faq.what`).
    pub faq_source_openers: WordSet,
    /// The auxiliary of a past statement a FAQ question is made of (`a`, `ont`; rules `faq.who`, `faq.what`).
    pub present_perfect_auxiliaries: WordSet,
    /// Participles that make a passive or a modal after the auxiliary (`été`, `pu`; rules `faq.who`, `faq.what`).
    pub no_object_participles: WordSet,
    /// Lower-case particles inside a name (`de`; rule `faq.what`).
    pub name_particles: WordSet,
    /// Auxiliaries of a past tense (`avait`, `had`; rule `faq.when`).
    pub past_auxiliaries: WordSet,
    /// Words that, second after the verb, make a time phrase, not an object (`jour`; `compose::faq::object_of`).
    pub no_object_time_words: WordSet,
    /// Words between an article and a time word (`même`; `compose::faq::object_of`).
    pub time_word_modifiers: WordSet,
    /// Determiners that after a verb are mostly prepositions (`du`; `compose::faq::object_of`).
    pub object_non_determiners: WordSet,
    /// Words besides determiners that open an object (`plusieurs`; `compose::faq::object_of`).
    pub object_openers: WordSet,
    /// Conjunctions that end an object unless a noun phrase follows (`et`; `compose::faq::object_of`).
    pub object_joiners: WordSet,
    /// First-person words (`nous`, `me`): a restatement with one outside quotation marks has lost its speaker (rule `restate.first-person`).
    pub first_person_words: WordSet,
    /// Elided first-person pronouns, matched as word prefixes (`j’`; rule `restate.first-person`).
    pub first_person_prefixes: Vec<String>,
    /// The preposition of an opener that names whose view follows (`pour`; `compose::names_a_view`).
    pub view_prepositions: WordSet,
    /// Nouns besides time nouns that make such an opener a plain connector (`part`; `compose::names_a_view`).
    pub view_opener_nouns: WordSet,
    /// Prepositions of the addressee between a reporting verb and its speaker (`à`, `to`; rule `trim.quote-speaker-front`).
    pub addressee_prepositions: WordSet,
    /// Words that open a condition or an exception (`sans`, `unless`; `compose::conditional_incise`).
    pub condition_openers: WordSet,
    /// Multi-word openers of a condition (`en cas`; matched with [`WordSet::opens`]; `compose::conditional_incise`).
    pub condition_phrases: WordSet,
    /// Openers of a condition matched as plain prefixes (`à condition`; `compose::conditional_incise`).
    pub condition_prefixes: Vec<String>,
    /// Words that announce a comparison or an example (`tel`, `such`; `compose::conditional_incise`).
    pub comparison_words: WordSet,
    /// Complementisers (`que`, `that`; heading checks).
    pub complementizers: WordSet,
    /// Elided complementisers, matched as word prefixes (`qu’`; heading checks).
    pub complementizer_prefixes: Vec<String>,
    /// Words besides the coordinators that open no droppable subject incise (`pour`; rule `trim.subject-incise`).
    pub non_incise_leads: WordSet,
    /// Singular articles (`le`, `une`, `the`, `a`): a role opens on one (rule `block.actors`).
    pub singular_articles: WordSet,
    /// Words a title before a name never holds (`of`; rule `block.actors`).
    pub role_breakers: WordSet,
    /// Partitive articles that open a subject before a quantifier (`de`, `des`; rule `trim.subject-incise`).
    pub partitive_articles: WordSet,
    /// Plural adjectives that open a subject after a partitive article (`nombreux`; rule `trim.subject-incise`).
    pub partitive_adjectives: WordSet,
}

/// How a language ranks keyphrases, from `data/<lang>/keyphrases.txt` (`key = value` lines).
/// French readers tag a story with a few noun phrases; English news is tagged mostly with
/// single words, the words of its names among them. See `analyze`, "Keyphrase design".
#[derive(Debug, Clone, PartialEq)]
pub struct KeyphraseWeights {
    /// Rule `keyphrase.name_parts` (`name-parts = yes`): each word of a name also counts as a
    /// one-word keyphrase (`Buble` as well as `Michael Buble`). Otherwise a name counts only
    /// whole, or where the part is itself a whole name somewhere (rule `keyphrase.whole_names`).
    pub name_parts: bool,
    /// `specificity-exponent`: the power the specificity factor is raised to (1 = as is,
    /// 0.5 = its square root: common words demoted only mildly).
    pub specificity_exponent: f64,
    /// `phrase-weight`: the factor on a phrase of two words or more in the ranking (1 =
    /// neutral; below 1, single words come first).
    pub phrase_weight: f64,
    /// `name-weight`: the factor on a phrase made only of names (1 = neutral).
    pub name_weight: f64,
    /// `title-weight`: how much more a phrase of the given title weighs (the score is
    /// multiplied by `1 + title-weight`).
    pub title_weight: f64,
    /// `verb-factor`: how much of its score a lone word that reads as a verb keeps (rule
    /// `keyphrase.verb_cue`).
    pub verb_factor: f64,
    /// `clause-factor`: how much of its score a phrase that reads as a clause keeps (it opens
    /// on a verb, holds a finite verb, or has a verb right after a name: `Morsi élu`; rule
    /// `keyphrase.verb_cue`).
    pub clause_factor: f64,
    /// `adjective-factor`: how much of its score a lone lower-case word used as an adjective
    /// keeps (rule `keyphrase.adjective`).
    pub adjective_factor: f64,
    /// `focus-pool`: how many of the best phrases, ranked without `phrase-weight`, the focus
    /// keyphrase is chosen from.
    pub focus_pool: usize,
    /// Rule `keyphrase.possessive` (`possessive = yes`): a one-word phrase ending on `’s` is
    /// shown without it (`Wood’s` → `Wood`). Without it, `’s` is part of the name
    /// (`Moody’s`).
    pub possessive: bool,
}

impl KeyphraseWeights {
    /// The weights of the desk's topic reading: names stay whole, phrases and single words
    /// compete on equal terms, verbs and adjectives are demoted. The focus keyphrase is
    /// chosen by them in every language (it opens the title: a noun phrase or a whole name);
    /// the French pack ranks by them too.
    #[must_use]
    pub fn topic() -> Self {
        Self {
            name_parts: false,
            specificity_exponent: 1.0,
            phrase_weight: 1.0,
            name_weight: 1.2,
            title_weight: 1.2,
            verb_factor: 0.35,
            clause_factor: 0.1225,
            adjective_factor: 0.5,
            focus_pool: 10,
            possessive: false,
        }
    }
}

impl Default for KeyphraseWeights {
    fn default() -> Self {
        Self::topic()
    }
}

/// Parses a `keyphrases.txt` file: `key = value` lines; an unknown key or a bad value is a
/// defect of the embedded data.
fn parse_keyphrase_weights(src: &str) -> Result<KeyphraseWeights, Error> {
    let bad = |line: &str| {
        Error::new(
            ErrorKind::Internal,
            format!("bad line in keyphrases.txt: {line}"),
        )
    };
    let mut w = KeyphraseWeights::default();
    for line in lines(src) {
        let (key, value) = line.split_once('=').ok_or_else(|| bad(line))?;
        let value = value.trim();
        let number = || {
            value
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite() && *v >= 0.0)
        };
        match key.trim() {
            "name-parts" => {
                w.name_parts = match value {
                    "yes" => true,
                    "no" => false,
                    _ => return Err(bad(line)),
                }
            }
            "possessive" => {
                w.possessive = match value {
                    "yes" => true,
                    "no" => false,
                    _ => return Err(bad(line)),
                }
            }
            "specificity-exponent" => w.specificity_exponent = number().ok_or_else(|| bad(line))?,
            "phrase-weight" => w.phrase_weight = number().ok_or_else(|| bad(line))?,
            "name-weight" => w.name_weight = number().ok_or_else(|| bad(line))?,
            "title-weight" => w.title_weight = number().ok_or_else(|| bad(line))?,
            "verb-factor" => w.verb_factor = number().ok_or_else(|| bad(line))?,
            "clause-factor" => w.clause_factor = number().ok_or_else(|| bad(line))?,
            "adjective-factor" => w.adjective_factor = number().ok_or_else(|| bad(line))?,
            "focus-pool" => {
                w.focus_pool = value
                    .parse()
                    .ok()
                    .filter(|&n| n > 0)
                    .ok_or_else(|| bad(line))?;
            }
            _ => return Err(bad(line)),
        }
    }
    Ok(w)
}

/// Everything copydesk knows about one language, parsed once per [`crate::Engine`].
pub struct LanguagePack {
    /// The language.
    pub lang: Lang,
    /// Stopwords (Snowball list plus the pack's extra function words), lowercase.
    pub stopwords: HashSet<String>,
    /// Common verb forms (auxiliary, modal, reporting) that are never keyphrases.
    pub verbs: HashSet<String>,
    /// Abbreviations that do not end a sentence, lowercase, with their final period.
    pub abbreviations: HashSet<String>,
    /// Abbreviations that often end a sentence too (`etc.`): no boundary only before a
    /// lower-case word.
    pub weak_abbreviations: HashSet<String>,
    /// [`Self::abbreviations`] as the data writes them (for case-sensitive matching).
    abbreviations_cased: HashSet<String>,
    /// [`Self::weak_abbreviations`] as the data writes them.
    weak_abbreviations_cased: HashSet<String>,
    /// The language's sentence-boundary rules.
    pub sentence_rules: SentenceRules,
    /// Scrape-noise rules.
    pub noise: NoiseRules,
    /// Brief instruction cues written in this language (compiled the first time a brief's
    /// line is read: structured articles never need them).
    pub brief: Lazy<BriefCues>,
    /// Word classes.
    pub words: WordClasses,
    /// Month names (lowercase) to month numbers.
    pub months: HashMap<String, u32>,
    /// Weekday names (lowercase) to ISO weekday numbers (1 = Monday).
    pub weekdays: HashMap<String, u32>,
    /// Generated-text templates by rule key.
    pub templates: HashMap<String, String>,
    /// Noun genders (`data/<lang>/genders.txt`, derived from hunspell-fr, MPL-2.0).
    pub genders: Lazy<HashMap<String, Gender>>,
    /// Verb readings of common words (`data/<lang>/verb-forms.txt`, derived from hunspell-fr,
    /// MPL-2.0): valency and mood, for the checks that a cut kept a verb's object.
    pub verb_forms: Lazy<HashMap<String, VerbForm>>,
    /// Background frequencies: Zipf frequency × 10 of the language's most frequent words
    /// (`data/<lang>/wordfreq.txt`, derived from `wordfreq`, CC BY-SA 4.0).
    pub zipf: Lazy<HashMap<String, u8>>,
    /// How the language ranks keyphrases (`data/<lang>/keyphrases.txt`).
    pub keyphrase_weights: KeyphraseWeights,
    /// The grammar module.
    pub grammar: Box<dyn Grammar>,
    stemmer: rust_stemmers::Stemmer,
    /// [`Self::stopwords`] and the determiners, auxiliaries and prepositions of
    /// [`Self::words`] in one set, made by [`LanguagePack::load`]: what
    /// [`LanguagePack::is_stopword`] reads (one lookup a word instead of four).
    function_words: HashSet<String>,
}

impl std::fmt::Debug for LanguagePack {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LanguagePack")
            .field("lang", &self.lang)
            .field("stopwords", &self.stopwords.len())
            .field("abbreviations", &self.abbreviations.len())
            .field("noise", &self.noise.len())
            .finish_non_exhaustive()
    }
}

/// The language-specific grammar that data files cannot express.
///
/// Every method is pure and deterministic.
pub trait Grammar: Send + Sync {
    /// Normalises typography of a text without changing its words
    /// (French: ’ apostrophe, « » with no-break spaces, no-break space before `: ; ! ?`, …).
    fn typography(&self, text: &str) -> String;

    /// Writes the first letter in upper case (sentence case for headings and list items).
    fn capitalize_first(&self, text: &str) -> String {
        let mut chars = text.chars();
        match chars.next() {
            Some(c) => c.to_uppercase().chain(chars).collect(),
            None => String::new(),
        }
    }

    /// Writes the first letter in lower case unless the first word is a name or an acronym,
    /// so that a fragment can follow a colon (`Haut-Karabakh : les autorités…`).
    /// `is_name` says whether a word (as written) is a proper noun in this article.
    fn lowercase_first(&self, text: &str, is_name: &dyn Fn(&str) -> bool) -> String {
        let first_word: &str = text.split(|c: char| c.is_whitespace()).next().unwrap_or("");
        let core = first_word
            .split(['’', '\''])
            .next_back()
            .unwrap_or(first_word);
        let is_elided = core.len() < first_word.len();
        let all_caps = first_word.chars().filter(|c| c.is_alphabetic()).count() > 1
            && first_word
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase);
        // An elided article is lowered whatever follows (`L’ONG` → `l’ONG`).
        if is_elided {
            let mut chars = text.chars();
            return match chars.next() {
                Some(c) => c.to_lowercase().chain(chars).collect(),
                None => String::new(),
            };
        }
        if all_caps || is_name(first_word) {
            return text.to_string();
        }
        let mut chars = text.chars();
        match chars.next() {
            Some(c) => c.to_lowercase().chain(chars).collect(),
            None => String::new(),
        }
    }

    /// The separator between a kicker and the rest of a title or heading (`" : "` in French).
    fn kicker_separator(&self) -> &'static str;

    /// The sentence-boundary rules that differ from the default (French) ones.
    fn sentence_rules(&self) -> SentenceRules {
        SentenceRules::default()
    }

    /// Writes a headline (title, H1, subheading) in title case, when the language's
    /// typography uses it; the default (French: always sentence case) returns it unchanged.
    fn title_case(&self, text: &str) -> String {
        text.to_string()
    }

    /// Writes a title-case headline in sentence case; `is_name` tells a name (`Some(true)`)
    /// from a common word (`Some(false)`) or cannot tell (`None`). The default (French:
    /// headlines are written in sentence case) returns it unchanged.
    fn sentence_case(&self, text: &str, is_name: &dyn Fn(&str) -> Option<bool>) -> String {
        let _ = is_name;
        text.to_string()
    }

    /// Typography for generated text only, where the source's exact spelling does not bind
    /// (French: superscript ordinals `1ᵉʳ`, `42ᵉ`; a no-break space in `38 °C`, `19 h`).
    /// The default changes nothing.
    fn polish_generated(&self, text: &str) -> String {
        text.to_string()
    }

    /// The phrase after the preposition "of" as the language writes it: French contracts and
    /// elides (`de` + `le Haut-Karabakh` → `du Haut-Karabakh`, `de` + `Avignon` →
    /// `d’Avignon`); `phrase` is given without its article.
    fn of_phrase(&self, phrase: &str, use_: NounUse, pack: &LanguagePack) -> String;

    /// A sentence that opens on a demonstrative determiner and a noun, rewritten with the
    /// definite article (French `Cette exposition a…` → `L’exposition a…`; rule
    /// `restate.demonstrative`), or `None` when it does not open so or the swap would change
    /// its sense (a pronoun, a time: `Cette année`). The default (no such rule for the
    /// language yet) returns `None`.
    fn definite_for_demonstrative(&self, _text: &str, _pack: &LanguagePack) -> Option<String> {
        None
    }

    /// A reported statement taken out of its reporting clause, with the tense the reporting
    /// verb had shifted shifted back (French pluperfect to passé composé outside quotations:
    /// `X a déclaré que 200 personnes avaient été tuées` → `Selon X, 200 personnes ont été
    /// tuées`; rule `restate.unbackshift`), or `None` when nothing changes. The default (no
    /// rule for the language yet) returns `None`.
    fn unbackshift(&self, _statement: &str, _pack: &LanguagePack) -> Option<String> {
        None
    }

    /// Whether a lowercased text holds an inverted subject pronoun of an incise
    /// (`» a-t-elle déclaré`): it points back to a speaker the text does not name
    /// (`compose::dangling_reference`). The default (a language without inversion) says no.
    fn has_inverted_pronoun(&self, lower: &str) -> bool {
        let _ = lower;
        false
    }

    /// Whether a lowercased noun is written in the plural (English `designers`, not `boss` nor
    /// `campus`): a plural role describes several people, never the one named (rule
    /// `actors.one-person`). The default (a language whose roles show their number in the
    /// article before them, as French `les`) says no.
    fn plural_noun(&self, lower: &str) -> bool {
        let _ = lower;
        false
    }
}

/// Parses a `[section]`-style word list into its sections.
fn sections(src: &str) -> HashMap<String, Vec<String>> {
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    let mut current = String::new();
    for line in src.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = name.to_string();
            out.entry(current.clone()).or_default();
        } else {
            out.entry(current.clone())
                .or_default()
                .push(line.to_lowercase());
        }
    }
    out
}

/// The non-comment, non-empty lines of a data file.
fn lines(src: &str) -> impl Iterator<Item = &str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn regex(pattern: &str, what: &str) -> Result<Regex, Error> {
    RegexBuilder::new(pattern)
        .case_insensitive(true)
        .build()
        .map_err(|e| Error::new(ErrorKind::Internal, format!("bad pattern in {what}: {e}")))
}

fn parse_brief(src: &str) -> Result<BriefCues, Error> {
    let mut cues = BriefCues {
        imperative: Vec::new(),
        title_instruction: Vec::new(),
        title_line: Vec::new(),
        cues: Vec::new(),
        target: Vec::new(),
        lang: Vec::new(),
        other_lang: Vec::new(),
        subheadings: Vec::new(),
    };
    for line in lines(src) {
        let Some((kind, pattern)) = line.split_once('\t') else {
            continue;
        };
        let re = regex(pattern.trim(), "brief.txt")?;
        match kind {
            "imperative" => cues.imperative.push(re),
            "title-instruction" => cues.title_instruction.push(re),
            "title-line" => cues.title_line.push(re),
            "cue" => cues.cues.push(re),
            "target" => cues.target.push(re),
            "subheadings" => cues.subheadings.push(re),
            "lang-other" => cues.other_lang.push(re),
            other => {
                if let Some(lang) = other.strip_prefix("lang:").and_then(Lang::parse) {
                    cues.lang.push((lang, re));
                }
            }
        }
    }
    Ok(cues)
}

fn parse_noise(src: &str) -> Result<NoiseRules, Error> {
    NoiseRules::new(
        lines(src)
            .filter_map(|l| l.split_once('\t'))
            .map(|(reason, pattern)| (reason.trim(), pattern.trim())),
    )
}

fn parse_templates(src: &str) -> HashMap<String, String> {
    lines(src)
        .filter_map(|l| l.split_once(" = "))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

fn parse_calendar(src: &str) -> (HashMap<String, u32>, HashMap<String, u32>) {
    let mut months = HashMap::new();
    let mut weekdays = HashMap::new();
    for line in lines(src) {
        let mut parts = line.split('\t');
        let (Some(kind), Some(name), Some(num)) = (parts.next(), parts.next(), parts.next()) else {
            continue;
        };
        let Ok(num) = num.trim().parse::<u32>() else {
            continue;
        };
        let name = name.trim().to_lowercase();
        if kind.starts_with("month") {
            months.insert(name, num);
        } else if kind.starts_with("weekday") {
            weekdays.insert(name, num);
        }
    }
    (months, weekdays)
}

/// The `word<TAB>value` lines of a table whose value parses, sized once for all its lines
/// (the word-frequency table has 25,000: growing the map step by step rehashed it a dozen
/// times). Reads the lines as [`lines`] does (trimmed; blank and `#` lines skipped), but
/// splits on the bytes `\n` and `\t` directly: a char searcher set up for every short line
/// cost more than the line itself.
fn tab_map<V>(src: &str, parse: impl Fn(&str) -> Option<V>) -> HashMap<String, V> {
    let newlines = src.bytes().filter(|&b| b == b'\n').count();
    let mut map =
        HashMap::with_capacity(newlines + usize::from(!src.is_empty() && !src.ends_with('\n')));
    let mut rest = src;
    while !rest.is_empty() {
        // `\n` and `\t` are ASCII: the byte offsets found are char boundaries.
        let (line, next) = match rest.bytes().position(|b| b == b'\n') {
            Some(end) => (
                rest.get(..end).unwrap_or(""),
                rest.get(end + 1..).unwrap_or(""),
            ),
            None => (rest, ""),
        };
        rest = next;
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some(tab) = line.bytes().position(|b| b == b'\t') else {
            continue;
        };
        let (word, value) = (
            line.get(..tab).unwrap_or(""),
            line.get(tab + 1..).unwrap_or(""),
        );
        if let Some(v) = parse(value) {
            map.insert(word.to_string(), v);
        }
    }
    map
}

/// The noun genders of `genders.txt` (`m`, `f` or `e` after a tab).
fn parse_genders(src: &str) -> HashMap<String, Gender> {
    tab_map(src, |g| match g.trim() {
        "m" => Some(Gender::Masculine),
        "f" => Some(Gender::Feminine),
        "e" => Some(Gender::Either),
        _ => None,
    })
}

fn word_set(list: Option<&Vec<String>>) -> WordSet {
    WordSet::new(list.into_iter().flatten().map(String::as_str))
}

fn set(list: Option<&Vec<String>>) -> BTreeSet<String> {
    list.map(|l| l.iter().cloned().collect())
        .unwrap_or_default()
}

/// The verb readings of one word form (`data/<lang>/verb-forms.txt`): its verb's valency
/// (over all its readings) and its mood. `a exclu` needs an object only if *exclure* is never
/// intransitive; Dicollecte's valency is generous (*exclure* may be intransitive), so a
/// transitive-only verb ([`VerbForm::transitive_only`]) is a sure sign of a missing object.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct VerbForm(u16);

impl VerbForm {
    const FLAGS: &'static str = "itnPIRFAN";

    /// Parses the flags column (`tF`, `itPAN`); unknown letters are ignored.
    #[must_use]
    pub fn parse(flags: &str) -> Self {
        Self(flags.chars().fold(0, |acc, c| {
            Self::FLAGS
                .chars()
                .position(|f| f == c)
                .map_or(acc, |k| acc | (1 << k))
        }))
    }

    fn has(self, flag: char) -> bool {
        Self::FLAGS
            .chars()
            .position(|f| f == flag)
            .is_some_and(|k| self.0 & (1 << k) != 0)
    }

    /// The verb takes a direct object and is never intransitive (*inaugurer*, *remporter*).
    #[must_use]
    pub fn transitive_only(self) -> bool {
        self.has('t') && !self.has('i')
    }

    /// A past participle (`inauguré`).
    #[must_use]
    pub fn participle(self) -> bool {
        self.has('P')
    }

    /// An infinitive (`inaugurer`).
    #[must_use]
    pub fn infinitive(self) -> bool {
        self.has('I')
    }

    /// A finite form (`inaugure`, `remportait`).
    #[must_use]
    pub fn finite(self) -> bool {
        self.has('F')
    }

    /// The form is also a noun or an adjective (`annonce`, `exclu`).
    #[must_use]
    pub fn nominal(self) -> bool {
        self.has('N')
    }

    /// A finite form that is only a verb (`maintiennent`, `devront`; not `base`, `fait`,
    /// which are nouns too): a sure sign of a clause's verb.
    #[must_use]
    pub fn finite_verb(self) -> bool {
        self.finite() && !self.nominal()
    }
}

/// The raw data files of one pack.
struct PackData {
    stopwords: &'static [&'static str],
    verbs: &'static str,
    abbreviations: &'static [&'static str],
    noise: &'static str,
    brief: &'static str,
    grammar: &'static str,
    calendar: &'static str,
    templates: &'static str,
    wordfreq: &'static str,
    genders: &'static str,
    verb_forms: &'static str,
    keyphrases: &'static str,
}

impl LanguagePack {
    /// Loads the embedded pack of a language. Errors only on a defect in the embedded data.
    ///
    /// # Errors
    /// [`ErrorKind::Internal`] when an embedded pattern does not compile.
    pub fn load(lang: Lang) -> Result<Self, Error> {
        let data = match lang {
            Lang::Fr => fr::DATA,
            Lang::En => en::DATA,
        };
        let mut stopwords = HashSet::new();
        for src in data.stopwords {
            stopwords.extend(lines(src).map(str::to_lowercase));
        }
        let s = sections(data.grammar);
        let not_abbreviations = set(s.get("not-abbreviations"));
        let mut abbreviations_cased = HashSet::new();
        let mut weak_abbreviations_cased = HashSet::new();
        for src in data.abbreviations {
            // Entries after "# may end a sentence" often do end one: they are weak.
            let mut parts = src.splitn(2, "\n# may end a sentence");
            let strong = parts.next().unwrap_or(src);
            if let Some(weak) = parts.next() {
                weak_abbreviations_cased.extend(lines(weak).map(str::to_string));
            }
            abbreviations_cased.extend(
                lines(strong)
                    .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
                    .filter(|l| !not_abbreviations.contains(&l.to_lowercase())),
            );
        }
        let lower = |set: &HashSet<String>| -> HashSet<String> {
            set.iter().map(|l| l.to_lowercase()).collect()
        };
        let weak_abbreviations = lower(&weak_abbreviations_cased);
        // A weak entry of the pack's own list overrides a generated strong one (CLDR's `U.S.`).
        abbreviations_cased.retain(|a| !weak_abbreviations.contains(&a.to_lowercase()));
        let abbreviations = lower(&abbreviations_cased);
        let words = WordClasses {
            determiners: set(s.get("determiners")),
            elisions: set(s.get("elisions")),
            auxiliaries: set(s.get("auxiliaries")),
            attribution_verbs: set(s.get("attribution-verbs")),
            bare_title_after: set(s.get("bare-title-after")),
            title_before_kinds: set(s.get("title-before-kinds")),
            source_markers: s.get("source-markers").cloned().unwrap_or_default(),
            quantity_nouns: set(s.get("quantity-nouns")),
            indefinite_articles: set(s.get("indefinite-articles")),
            opening_coordinators: set(s.get("opening-coordinators")),
            name_heads: set(s.get("name-heads")),
            number_words: set(s.get("number-words")),
            name_classifiers: set(s.get("name-classifiers")),
            range_links: set(s.get("range-links")),
            relative_pronouns: set(s.get("relative-pronouns")),
            reflexive_pronouns: set(s.get("reflexive-pronouns")),
            headline_function_words: set(s.get("headline-function-words")),
            object_prepositions: set(s.get("object-prepositions")),
            subordinators: s.get("subordinators").cloned().unwrap_or_default(),
            comma_subordinators: set(s.get("comma-subordinators")),
            clause_openers: set(s.get("clause-openers")),
            quantifiers: s.get("quantifiers").cloned().unwrap_or_default(),
            prepositions: set(s.get("prepositions")),
            year_cues: set(s.get("year-cues")),
            h_aspire: set(s.get("h-aspire")),
            verb_endings: s.get("verb-endings").cloned().unwrap_or_default(),
            open_ends: s.get("open-ends").cloned().unwrap_or_default(),
            adverbial_openers: set(s.get("adverbial-openers")),
            adverb_suffixes: s.get("adverb-suffixes").cloned().unwrap_or_default(),
            time_nouns: set(s.get("time-nouns")),
            noun_openers: set(s.get("noun-openers")),
            open_comparatives: set(s.get("open-comparatives")),
            comparatives: set(s.get("comparatives")),
            backshift: set(s.get("backshift")),
            open_verb_endings: s.get("open-verb-endings").cloned().unwrap_or_default(),
            avoir_forms: set(s.get("avoir-forms")),
            infinitive_endings: s.get("infinitive-endings").cloned().unwrap_or_default(),
            dependent_markers: set(s.get("dependent-markers")),
            complement_links: set(s.get("complement-links")),
            finite_endings: s.get("finite-endings").cloned().unwrap_or_default(),
            speaker_pronouns: set(s.get("speaker-pronouns")),
            opinion_verbs: set(s.get("opinion-verbs")),
            pluperfect: set(s.get("pluperfect")),
            range_openers: set(s.get("range-openers")),
            reference_openers: word_set(s.get("reference-openers")),
            causal_openers: word_set(s.get("causal-openers")),
            consequence_verbs: word_set(s.get("consequence-verbs")),
            consequence_adverbs: word_set(s.get("consequence-adverbs")),
            not_subject: word_set(s.get("not-subject")),
            future_markers: word_set(s.get("future-markers")),
            future_endings: s.get("future-endings").cloned().unwrap_or_default(),
            participle_endings: s.get("participle-endings").cloned().unwrap_or_default(),
            not_participles: word_set(s.get("not-participles")),
            date_qualifiers: word_set(s.get("date-qualifiers")),
            day_date_articles: word_set(s.get("day-date-articles")),
            year_date_prepositions: word_set(s.get("year-date-prepositions")),
            weekday_date_articles: word_set(s.get("weekday-date-articles")),
            date_range_words: word_set(s.get("date-range-words")),
            date_range_prefixes: s.get("date-range-prefixes").cloned().unwrap_or_default(),
            date_joiners: word_set(s.get("date-joiners")),
            day_parts: s.get("day-parts").cloned().unwrap_or_default(),
            relative_days: word_set(s.get("relative-days")),
            since_markers: s.get("since-markers").cloned().unwrap_or_default(),
            date_words: word_set(s.get("date-words")),
            subject_pronouns: word_set(s.get("subject-pronouns")),
            non_circumstance_openers: word_set(s.get("non-circumstance-openers")),
            leading_subordinators: word_set(s.get("leading-subordinators")),
            time_prepositions: word_set(s.get("time-prepositions")),
            participial_openers: word_set(s.get("participial-openers")),
            non_incise_openers: word_set(s.get("non-incise-openers")),
            purpose_prepositions: s.get("purpose-prepositions").cloned().unwrap_or_default(),
            purpose_infinitive_endings: s
                .get("purpose-infinitive-endings")
                .cloned()
                .unwrap_or_default(),
            ant_non_participles: word_set(s.get("ant-non-participles")),
            tail_openers: word_set(s.get("tail-openers")),
            non_tail_openers: word_set(s.get("non-tail-openers")),
            non_cut_clause_openers: word_set(s.get("non-cut-clause-openers")),
            attribution_markers: word_set(s.get("attribution-markers")),
            attribution_auxiliaries: s
                .get("attribution-auxiliaries")
                .cloned()
                .unwrap_or_default(),
            coordinators: word_set(s.get("coordinators")),
            title_link_openers: word_set(s.get("title-link-openers")),
            focus_articles: word_set(s.get("focus-articles")),
            meta_cut_openers: word_set(s.get("meta-cut-openers")),
            meta_cut_opener_prefixes: s
                .get("meta-cut-opener-prefixes")
                .cloned()
                .unwrap_or_default(),
            phrase_articles: word_set(s.get("phrase-articles")),
            phrase_links: word_set(s.get("phrase-links")),
            figure_cut_openers: word_set(s.get("figure-cut-openers")),
            figure_skip_openers: word_set(s.get("figure-skip-openers")),
            range_closers: word_set(s.get("range-closers")),
            partitive_articles: word_set(s.get("partitive-articles")),
            partitive_adjectives: word_set(s.get("partitive-adjectives")),
            non_incise_leads: word_set(s.get("non-incise-leads")),
            singular_articles: word_set(s.get("singular-articles")),
            role_breakers: word_set(s.get("role-breakers")),
            faq_source_openers: word_set(s.get("faq-source-openers")),
            present_perfect_auxiliaries: word_set(s.get("present-perfect-auxiliaries")),
            no_object_participles: word_set(s.get("no-object-participles")),
            name_particles: word_set(s.get("name-particles")),
            past_auxiliaries: word_set(s.get("past-auxiliaries")),
            no_object_time_words: word_set(s.get("no-object-time-words")),
            time_word_modifiers: word_set(s.get("time-word-modifiers")),
            object_non_determiners: word_set(s.get("object-non-determiners")),
            object_openers: word_set(s.get("object-openers")),
            object_joiners: word_set(s.get("object-joiners")),
            first_person_words: word_set(s.get("first-person-words")),
            first_person_prefixes: s.get("first-person-prefixes").cloned().unwrap_or_default(),
            view_prepositions: word_set(s.get("view-prepositions")),
            view_opener_nouns: word_set(s.get("view-opener-nouns")),
            addressee_prepositions: word_set(s.get("addressee-prepositions")),
            condition_openers: word_set(s.get("condition-openers")),
            condition_phrases: word_set(s.get("condition-phrases")),
            condition_prefixes: s.get("condition-prefixes").cloned().unwrap_or_default(),
            comparison_words: word_set(s.get("comparison-words")),
            complementizers: word_set(s.get("complementizers")),
            complementizer_prefixes: s
                .get("complementizer-prefixes")
                .cloned()
                .unwrap_or_default(),
        };
        let (months, weekdays) = parse_calendar(data.calendar);
        let grammar: Box<dyn Grammar> = match lang {
            Lang::Fr => Box::new(fr::French),
            Lang::En => Box::new(en::English),
        };
        let stemmer = rust_stemmers::Stemmer::create(match lang {
            Lang::Fr => rust_stemmers::Algorithm::French,
            Lang::En => rust_stemmers::Algorithm::English,
        });
        let function_words = stopwords
            .iter()
            .chain(&words.determiners)
            .chain(&words.auxiliaries)
            .chain(&words.prepositions)
            .cloned()
            .collect();
        Ok(Self {
            lang,
            stopwords,
            verbs: lines(data.verbs).map(str::to_lowercase).collect(),
            weak_abbreviations,
            abbreviations,
            abbreviations_cased,
            weak_abbreviations_cased,
            sentence_rules: grammar.sentence_rules(),
            noise: parse_noise(data.noise)?,
            brief: Lazy::new(data.brief, |src| parse_brief(src).unwrap_or_default()),
            words,
            months,
            weekdays,
            templates: parse_templates(data.templates),
            genders: Lazy::new(data.genders, parse_genders),
            verb_forms: Lazy::new(data.verb_forms, |src| {
                tab_map(src, |f| Some(VerbForm::parse(f)))
            }),
            zipf: Lazy::new(data.wordfreq, |src| tab_map(src, |z| z.trim().parse().ok())),
            keyphrase_weights: parse_keyphrase_weights(data.keyphrases)?,
            grammar,
            stemmer,
            function_words,
        })
    }

    /// Whether `word` (as written, with its final period: `Mr.`, `av. J.-C.`) is an
    /// abbreviation after which a period never ends a sentence.
    ///
    /// ```
    /// # let en = copydesk::lang::LanguagePack::load(copydesk::lang::Lang::En).unwrap();
    /// assert!(en.is_abbreviation("Mr.") && en.is_abbreviation("Approx."));
    /// assert!(en.is_abbreviation("Gen.") && !en.is_abbreviation("gen."));
    /// assert!(en.is_abbreviation("GEN."));
    /// ```
    #[must_use]
    pub fn is_abbreviation(&self, word: &str) -> bool {
        self.abbreviation_in(&self.abbreviations, &self.abbreviations_cased, word)
    }

    /// Whether `word` (as written, with its final period: `Inc.`, `etc.`) is a weak
    /// abbreviation: one that often closes a sentence too.
    #[must_use]
    pub fn is_weak_abbreviation(&self, word: &str) -> bool {
        self.abbreviation_in(
            &self.weak_abbreviations,
            &self.weak_abbreviations_cased,
            word,
        )
    }

    fn abbreviation_in(
        &self,
        lower: &HashSet<String>,
        cased: &HashSet<String>,
        word: &str,
    ) -> bool {
        if !self.sentence_rules.case_sensitive_abbreviations {
            return lower.contains(&word.to_lowercase());
        }
        if cased.contains(word) {
            return true;
        }
        // A lower-case entry capitalised at the start of a sentence (`Approx.`, `E.g.`).
        let mut chars = word.chars();
        let decapitalised: String = match chars.next() {
            Some(c) if c.is_uppercase() => c.to_lowercase().chain(chars).collect(),
            _ => return false,
        };
        if cased.contains(&decapitalised) {
            return true;
        }
        // A word in capitals (`MR.`, `INC.` in a shouted headline) matches any entry.
        !word.chars().any(char::is_lowercase) && lower.contains(&word.to_lowercase())
    }

    /// The Snowball stem of a lowercase word.
    #[must_use]
    pub fn stem<'a>(&self, word: &'a str) -> std::borrow::Cow<'a, str> {
        self.stemmer.stem(word)
    }

    /// Whether a lowercase word is a stopword or a function word: in [`Self::stopwords`]
    /// or among the determiners, auxiliaries or prepositions of [`Self::words`] as
    /// [`LanguagePack::load`] read them (one set made at load time; changing those fields
    /// afterwards does not change the answer).
    #[must_use]
    pub fn is_stopword(&self, word: &str) -> bool {
        self.function_words.contains(word)
    }

    /// The elided word `word` opens on, with its apostrophe (`’` or `'`), and the rest:
    /// `l’armée` → (`l’`, `armée`), `qu'il` → (`qu'`, `il`). The elided word is matched as
    /// written against the `[elisions]` section of `data/<lang>/grammar.txt` (lowercase, so
    /// `L’armée` gives `None`); a language without elisions (English) always answers `None`.
    ///
    /// ```
    /// # use copydesk::lang::{Lang, LanguagePack};
    /// let fr = LanguagePack::load(Lang::Fr).unwrap();
    /// assert_eq!(fr.elided_head("jusqu’ici"), Some(("jusqu’", "ici")));
    /// assert_eq!(fr.elided_head("aujourd’hui"), None);
    /// ```
    #[must_use]
    pub fn elided_head<'a>(&self, word: &'a str) -> Option<(&'a str, &'a str)> {
        let at = word.find(['’', '\''])?;
        let apostrophe = word[at..].chars().next()?.len_utf8();
        self.words
            .elisions
            .contains(&word[..at])
            .then(|| word.split_at(at + apostrophe))
    }

    /// The elided word `word` opens on, as written, when its typographic form (`’`) is in
    /// `class` (a word class of [`Self::words`]): with the determiners, `l’armée` and
    /// `l'armée` → `l’` / `l'`; with the prepositions, `d’Avignon` → `d’`. `None` for a word
    /// without an elided head ([`Self::elided_head`]) or one of another class.
    ///
    /// ```
    /// # use copydesk::lang::{Lang, LanguagePack};
    /// let fr = LanguagePack::load(Lang::Fr).unwrap();
    /// assert_eq!(fr.elided_in("l'ONG", &fr.words.determiners), Some("l'"));
    /// assert_eq!(fr.elided_in("qu’il", &fr.words.determiners), None);
    /// ```
    #[must_use]
    pub fn elided_in<'a>(&self, word: &'a str, class: &BTreeSet<String>) -> Option<&'a str> {
        let (head, _) = self.elided_head(word)?;
        let known = match head.strip_suffix('\'') {
            Some(bare) => class.contains(&format!("{bare}’")),
            None => class.contains(head),
        };
        known.then_some(head)
    }

    /// How specific a lowercase word is against the language's background frequencies:
    /// about 0.25 for the most common words, 1.3 for words outside the table (rarer than
    /// Zipf 3). `(7 − zipf) / 3.5`, clamped.
    ///
    /// ```
    /// # let pack = copydesk::lang::LanguagePack::load(copydesk::lang::Lang::Fr).unwrap();
    /// assert!(pack.specificity("personnes") < pack.specificity("fusée"));
    /// assert!(pack.specificity("fusée") < pack.specificity("karabakh"));
    /// ```
    #[must_use]
    pub fn specificity(&self, word: &str) -> f64 {
        let zipf = match self.zipf.get(word) {
            Some(&z) => f64::from(z) / 10.0,
            // the table writes the straight apostrophe (aujourd'hui)
            None => self
                .zipf
                .get(&word.replace('’', "'"))
                .map_or(2.0, |&z| f64::from(z) / 10.0),
        };
        ((7.0 - zipf) / 3.5).clamp(0.25, 1.3)
    }

    /// The template for a rule key, or an internal error naming the key.
    ///
    /// # Errors
    /// [`ErrorKind::Internal`] when the pack has no such template.
    pub fn template(&self, key: &str) -> Result<&str, Error> {
        self.templates.get(key).map(String::as_str).ok_or_else(|| {
            Error::new(
                ErrorKind::Internal,
                format!("language pack {} has no template {key}", self.lang.code()),
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packs_load_and_hold_data() {
        for lang in Lang::ALL {
            let pack = LanguagePack::load(lang).expect("embedded pack loads");
            assert!(pack.stopwords.len() > 100, "{lang:?} stopwords");
            assert!(!pack.noise.is_empty(), "{lang:?} noise");
            assert!(!pack.brief.target.is_empty(), "{lang:?} brief target");
            assert!(pack.months.len() >= 12, "{lang:?} months");
            assert!(pack.template("block.key-points.heading").is_ok());
        }
    }

    /// `is_stopword` (one set made at load) answers as the four sets it joins, for every
    /// word of those sets, every word of the pack's verb and frequency lists, and a few others.
    #[test]
    fn is_stopword_answers_as_the_four_sets() {
        for lang in Lang::ALL {
            let pack = LanguagePack::load(lang).expect("embedded pack loads");
            let four = |w: &str| {
                pack.stopwords.contains(w)
                    || pack.words.determiners.contains(w)
                    || pack.words.auxiliaries.contains(w)
                    || pack.words.prepositions.contains(w)
            };
            let words = pack
                .stopwords
                .iter()
                .chain(&pack.words.determiners)
                .chain(&pack.words.auxiliaries)
                .chain(&pack.words.prepositions)
                .chain(&pack.verbs)
                .chain(pack.zipf.keys())
                .map(String::as_str)
                .chain(["", "préfecture", "Le", "the ", "l’", "inondation"]);
            let (mut yes, mut no) = (0, 0);
            for w in words {
                assert_eq!(pack.is_stopword(w), four(w), "{lang:?} {w:?}");
                if four(w) { yes += 1 } else { no += 1 }
            }
            assert!(
                yes > 100 && no > 1000,
                "{lang:?}: {yes} function words, {no} others"
            );
        }
    }

    /// The parts built on first use cannot fail at that point: every shipped brief cue
    /// compiles (the lazy build would otherwise fall back to no cues), and every line of the
    /// shipped tables parses into its map.
    #[test]
    fn lazy_parts_build_from_every_shipped_file() {
        for lang in Lang::ALL {
            let data = match lang {
                Lang::Fr => fr::DATA,
                Lang::En => en::DATA,
            };
            let cues = parse_brief(data.brief).expect("every shipped brief cue compiles");
            let pack = LanguagePack::load(lang).expect("embedded pack loads");
            assert_eq!(pack.brief.target.len(), cues.target.len(), "{lang:?}");
            assert!(!pack.brief.imperative.is_empty(), "{lang:?} imperative");
            let words = |src: &str| {
                lines(src)
                    .filter_map(|l| l.split_once('\t'))
                    .map(|(w, _)| w)
                    .collect::<HashSet<_>>()
                    .len()
            };
            assert_eq!(pack.genders.len(), words(data.genders), "{lang:?} genders");
            assert_eq!(
                pack.verb_forms.len(),
                words(data.verb_forms),
                "{lang:?} verbs"
            );
            assert_eq!(pack.zipf.len(), words(data.wordfreq), "{lang:?} zipf");
            assert!(pack.zipf.len() > 10_000, "{lang:?} zipf");
        }
        let fr = LanguagePack::load(Lang::Fr).expect("embedded pack loads");
        assert!(fr.genders.len() > 1000 && fr.verb_forms.len() > 1000);
    }

    /// `tab_map` reads every shipped table, and a few odd inputs, as the plain reading with
    /// [`lines`] and `split_once` does.
    #[test]
    fn tab_map_reads_as_lines_does() {
        let plain = |src: &str| -> HashMap<String, String> {
            lines(src)
                .filter_map(|l| l.split_once('\t'))
                .map(|(w, v)| (w.to_string(), v.to_string()))
                .collect()
        };
        let mut sources = vec![
            "",
            "\n",
            "a\t1",
            "a\t1\r\n  # c\tx\n\n b\t2 \n\u{a0}é\t3\nno tab\na\t4",
            "x\t\ny\t\t5",
        ];
        for data in [fr::DATA, en::DATA] {
            sources.extend([data.wordfreq, data.genders, data.verb_forms]);
        }
        for src in sources {
            assert_eq!(
                tab_map(src, |v| Some(v.to_string())),
                plain(src),
                "{src:.40}"
            );
        }
    }

    /// Every shipped noise pattern compiles as written (the exact regex is built lazily, so
    /// a pattern over the size limit would otherwise only show as a rule that never matches).
    #[test]
    fn every_noise_pattern_compiles_exactly() {
        for lang in Lang::ALL {
            let pack = LanguagePack::load(lang).expect("embedded pack loads");
            for rule in &pack.noise {
                assert!(
                    regex(&rule.pattern, "noise.txt").is_ok(),
                    "{}",
                    rule.pattern
                );
            }
        }
    }

    #[test]
    fn open_repeats_widens_counted_repeats_only() {
        let rules = NoiseRules::new([("t", r"ab{2,3}c?d{0,2}(?:x|y){4}")]).expect("valid");
        let rule = &rules[0];
        for (text, screen, exact) in [
            ("abbcxyxy", true, true),
            ("abbbbbdddxyxyx", true, false),
            ("abxyxy", false, false),
            ("abbccxyxy", false, false),
            ("ABBBDXXYY", true, true),
        ] {
            assert_eq!(
                rules
                    .screened(text)
                    .contains(regex_automata::PatternID::must(0)),
                screen,
                "screen {text}"
            );
            assert_eq!(rules.reason(text).is_some(), exact, "reason {text}");
            assert_eq!(rule.is_match(text), exact, "exact {text}");
        }
    }

    /// The screen never refuses a paragraph the exact pattern accepts, and `is_match` is the
    /// exact pattern's answer: checked for every shipped rule on paragraphs cut from the rules'
    /// own shapes, padded to the lengths around their bounds.
    #[test]
    fn noise_screen_is_a_superset_and_is_match_is_exact() {
        let fillers = ["", "a", "x y", "Partager", "© AFP", "lire aussi : la suite"];
        for lang in Lang::ALL {
            let pack = LanguagePack::load(lang).expect("embedded pack loads");
            let mut texts: Vec<String> = Vec::new();
            for base in [
                "Lire aussi : ",
                "Read more: ",
                "Publicité",
                "Source : AFP",
                "© Photo AFP ",
                "Ce site utilise des cookies pour améliorer votre expérience ",
                "We use cookies to improve your experience ",
                "Suivez-nous sur ",
                "Abonnez-vous à notre newsletter ",
                "Sign up for our newsletter ",
                "Tous droits réservés",
                "Photo : ",
                "12 commentaires",
            ] {
                for filler in fillers {
                    for n in [
                        0, 1, 40, 59, 60, 61, 79, 80, 81, 100, 119, 120, 121, 150, 199, 200, 201,
                        260,
                    ] {
                        let pad: String = filler.chars().cycle().take(n).collect();
                        texts.push(format!("{base}{pad}"));
                        texts.push(format!("{pad}{base}"));
                        texts.push(format!("{base}{pad} site"));
                    }
                }
            }
            let exacts: Vec<Regex> = pack
                .noise
                .iter()
                .map(|rule| regex(&rule.pattern, "noise.txt").expect("compiles"))
                .collect();
            for t in &texts {
                let screened = pack.noise.screened(t);
                for (k, (rule, exact)) in pack.noise.iter().zip(&exacts).enumerate() {
                    let want = exact.is_match(t);
                    assert!(
                        !want || screened.contains(regex_automata::PatternID::must(k)),
                        "{} screen {t}",
                        rule.pattern
                    );
                    assert_eq!(rule.is_match(t), want, "{} on {t}", rule.pattern);
                }
                // The reason is the first rule's, in file order, that matches exactly.
                let first = pack.noise.iter().zip(&exacts).find(|(_, e)| e.is_match(t));
                assert_eq!(
                    pack.noise.reason(t),
                    first.map(|(r, _)| r.reason.as_str()),
                    "{t}"
                );
            }
        }
    }

    #[test]
    fn keyphrase_weights_are_parsed_and_checked() {
        let w = parse_keyphrase_weights(
            "# c\nname-parts = yes\nphrase-weight = 0.4\nfocus-pool = 12\n",
        )
        .expect("parses");
        assert!(w.name_parts);
        assert!((w.phrase_weight - 0.4).abs() < 1e-12);
        assert_eq!(w.focus_pool, 12);
        // unset keys keep the topic weights
        assert!((w.verb_factor - KeyphraseWeights::topic().verb_factor).abs() < 1e-12);
        for bad in [
            "nameparts = yes",
            "name-parts = maybe",
            "phrase-weight = -1",
            "phrase-weight = NaN",
            "focus-pool = 0",
            "phrase-weight 0.4",
        ] {
            assert!(parse_keyphrase_weights(bad).is_err(), "{bad}");
        }
        // French ranks by the topic weights; English by its own
        let fr = LanguagePack::load(Lang::Fr).expect("fr");
        let en = LanguagePack::load(Lang::En).expect("en");
        assert_eq!(fr.keyphrase_weights, KeyphraseWeights::topic());
        assert!(en.keyphrase_weights.name_parts && en.keyphrase_weights.phrase_weight < 1.0);
    }

    /// The word classes of the compose rules load from both packs; French, which every rule
    /// serves, has words in each, and English in each but the ones its grammar has no use for.
    #[test]
    fn compose_word_classes_are_loaded() {
        let fr = LanguagePack::load(Lang::Fr).expect("fr");
        let en = LanguagePack::load(Lang::En).expect("en");
        for (lang, w, empty_ok) in [
            (Lang::Fr, &fr.words, &[][..]),
            (
                Lang::En,
                &en.words,
                &[
                    "future-endings",
                    "not-participles",
                    "date-range-prefixes",
                    "since-markers",
                    "non-circumstance-openers",
                    "leading-subordinators",
                    "time-prepositions",
                    "participial-openers",
                    "purpose-prepositions",
                    "purpose-infinitive-endings",
                    "ant-non-participles",
                    "tail-openers",
                    "non-tail-openers",
                    "non-cut-clause-openers",
                    "attribution-auxiliaries",
                    "title-link-openers",
                    "meta-cut-openers",
                    "meta-cut-opener-prefixes",
                    "present-perfect-auxiliaries",
                    "no-object-participles",
                    "no-object-time-words",
                    "time-word-modifiers",
                    "object-non-determiners",
                    "object-openers",
                    "object-joiners",
                    "first-person-prefixes",
                    "view-prepositions",
                    "view-opener-nouns",
                    "condition-phrases",
                    "condition-prefixes",
                    "complementizer-prefixes",
                    "non-incise-leads",
                    "partitive-articles",
                    "partitive-adjectives",
                ][..],
            ),
        ] {
            let sets = [
                ("reference-openers", w.reference_openers.len()),
                ("causal-openers", w.causal_openers.len()),
                ("consequence-verbs", w.consequence_verbs.len()),
                ("consequence-adverbs", w.consequence_adverbs.len()),
                ("not-subject", w.not_subject.len()),
                ("future-markers", w.future_markers.len()),
                ("future-endings", w.future_endings.len()),
                ("participle-endings", w.participle_endings.len()),
                ("not-participles", w.not_participles.len()),
                ("date-qualifiers", w.date_qualifiers.len()),
                ("day-date-articles", w.day_date_articles.len()),
                ("year-date-prepositions", w.year_date_prepositions.len()),
                ("weekday-date-articles", w.weekday_date_articles.len()),
                ("date-range-words", w.date_range_words.len()),
                ("date-range-prefixes", w.date_range_prefixes.len()),
                ("date-joiners", w.date_joiners.len()),
                ("day-parts", w.day_parts.len()),
                ("relative-days", w.relative_days.len()),
                ("since-markers", w.since_markers.len()),
                ("date-words", w.date_words.len()),
                ("subject-pronouns", w.subject_pronouns.len()),
                ("non-circumstance-openers", w.non_circumstance_openers.len()),
                ("leading-subordinators", w.leading_subordinators.len()),
                ("time-prepositions", w.time_prepositions.len()),
                ("participial-openers", w.participial_openers.len()),
                ("non-incise-openers", w.non_incise_openers.len()),
                ("purpose-prepositions", w.purpose_prepositions.len()),
                (
                    "purpose-infinitive-endings",
                    w.purpose_infinitive_endings.len(),
                ),
                ("ant-non-participles", w.ant_non_participles.len()),
                ("tail-openers", w.tail_openers.len()),
                ("non-tail-openers", w.non_tail_openers.len()),
                ("non-cut-clause-openers", w.non_cut_clause_openers.len()),
                ("attribution-markers", w.attribution_markers.len()),
                ("attribution-auxiliaries", w.attribution_auxiliaries.len()),
                ("coordinators", w.coordinators.len()),
                ("title-link-openers", w.title_link_openers.len()),
                ("focus-articles", w.focus_articles.len()),
                ("meta-cut-openers", w.meta_cut_openers.len()),
                ("meta-cut-opener-prefixes", w.meta_cut_opener_prefixes.len()),
                ("phrase-articles", w.phrase_articles.len()),
                ("phrase-links", w.phrase_links.len()),
                ("figure-cut-openers", w.figure_cut_openers.len()),
                ("figure-skip-openers", w.figure_skip_openers.len()),
                ("range-closers", w.range_closers.len()),
                ("faq-source-openers", w.faq_source_openers.len()),
                (
                    "present-perfect-auxiliaries",
                    w.present_perfect_auxiliaries.len(),
                ),
                ("no-object-participles", w.no_object_participles.len()),
                ("name-particles", w.name_particles.len()),
                ("past-auxiliaries", w.past_auxiliaries.len()),
                ("no-object-time-words", w.no_object_time_words.len()),
                ("time-word-modifiers", w.time_word_modifiers.len()),
                ("object-non-determiners", w.object_non_determiners.len()),
                ("object-openers", w.object_openers.len()),
                ("object-joiners", w.object_joiners.len()),
                ("first-person-words", w.first_person_words.len()),
                ("first-person-prefixes", w.first_person_prefixes.len()),
                ("view-prepositions", w.view_prepositions.len()),
                ("view-opener-nouns", w.view_opener_nouns.len()),
                ("addressee-prepositions", w.addressee_prepositions.len()),
                ("condition-openers", w.condition_openers.len()),
                ("condition-phrases", w.condition_phrases.len()),
                ("condition-prefixes", w.condition_prefixes.len()),
                ("comparison-words", w.comparison_words.len()),
                ("complementizers", w.complementizers.len()),
                ("complementizer-prefixes", w.complementizer_prefixes.len()),
                ("non-incise-leads", w.non_incise_leads.len()),
                ("singular-articles", w.singular_articles.len()),
                ("role-breakers", w.role_breakers.len()),
                ("partitive-articles", w.partitive_articles.len()),
                ("partitive-adjectives", w.partitive_adjectives.len()),
            ];
            for (name, len) in sets {
                assert_eq!(
                    len == 0,
                    empty_ok.contains(&name),
                    "{lang:?} [{name}]: {len}"
                );
            }
        }
        assert!(fr.words.reference_openers.contains("cette"));
        assert!(en.words.reference_openers.contains("these"));
        assert!(fr.words.consequence_adverbs.contains("ainsi"));
        assert!(en.words.consequence_adverbs.contains("therefore"));
        // each language keeps its own words
        assert!(!fr.words.reference_openers.contains("they"));
        assert!(!en.words.reference_openers.contains("elle"));
    }

    /// The compose-rule sections (after the banner in `grammar.txt`) exist in every pack, so
    /// a language cannot silently miss one, and each opens with a comment saying what it is
    /// for.
    #[test]
    fn compose_sections_are_commented_and_in_every_pack() {
        const BANNER: &str = "# Word classes of the compose rules";
        let tail_sections = |src: &'static str| -> Vec<String> {
            let tail = src.split_once(BANNER).map_or("", |(_, t)| t);
            let lines: Vec<&str> = tail.lines().map(str::trim).collect();
            let mut names = Vec::new();
            for (i, line) in lines.iter().enumerate() {
                if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                    assert!(
                        lines.get(i + 1).is_some_and(|l| l.starts_with('#')),
                        "[{name}] has no comment line"
                    );
                    names.push(name.to_string());
                }
            }
            names.sort();
            names
        };
        let fr = tail_sections(fr::DATA.grammar);
        let en = tail_sections(en::DATA.grammar);
        assert!(fr.len() > 50, "{}", fr.len());
        assert_eq!(fr, en);
    }

    #[test]
    fn word_sets_look_up_and_open() {
        let set = WordSet::new(["donc", "car", "puisqu’", "parce que", "car"]);
        assert_eq!(set.len(), 4);
        assert!(set.contains("car") && set.contains("parce que") && !set.contains("ca"));
        assert!(set.opens("car il pleut") && set.opens("puisqu’il pleut"));
        assert!(set.opens("parce que rien") && !set.opens("parce qu’il"));
        assert!(!set.opens("carte") && !set.opens("car") && !set.opens("donc"));
        assert!(WordSet::default().is_empty() && !WordSet::default().opens("car x"));
    }

    #[test]
    fn sections_are_parsed() {
        let s = sections("# c\n[a]\nX\ny\n[b]\nz\n");
        assert_eq!(s["a"], vec!["x", "y"]);
        assert_eq!(s["b"], vec!["z"]);
    }

    #[test]
    fn lowercase_first_keeps_names_and_acronyms() {
        let g = fr::French;
        let never = |_: &str| false;
        let always = |_: &str| true;
        assert_eq!(g.lowercase_first("Les autorités", &never), "les autorités");
        assert_eq!(g.lowercase_first("ONU réunie", &never), "ONU réunie");
        assert_eq!(g.lowercase_first("Bakou gagne", &always), "Bakou gagne");
        assert_eq!(
            g.lowercase_first("L’Azerbaïdjan revendique", &always),
            "l’Azerbaïdjan revendique"
        );
    }
}
