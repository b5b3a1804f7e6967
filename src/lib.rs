//! # copydesk
//!
//! The copy desk's job on a news article, offline and by rule: from an article and a brief
//! ("customise this title in French, make it SEO compatible, add subheadings, at least 700
//! words") copydesk returns a publishable article — a customised title, a meta description, a
//! slug and a focus keyphrase, the text grouped into topical sections under generated
//! subheadings, and blocks grounded in the article's own facts until the word target is met —
//! as Markdown, HTML (with schema.org JSON-LD) and JSON.
//!
//! Principles: nothing is invented (every number and name in generated text comes from the
//! sources; a shortfall is reported, never padded), nothing is lost (every source sentence is
//! in the output; removed noise is listed with its reason), same input same bytes, no network,
//! no panics.
//!
//! ```
//! use copydesk::{Engine, Input, Options};
//!
//! let engine = Engine::new()?;
//! let brief = "Customize this title in frenchLa mairie rouvre la piscine alors que les travaux s’achèvent\n\n\
//!     Make this article seo compatible, be in french, create at least 120 words\n\n\
//!     La piscine municipale de Montbrac rouvre samedi après huit mois de travaux.\n\n\
//!     PUBLICITÉ\n\n\
//!     Les travaux de la piscine ont coûté 2 millions d’euros, a précisé la mairie de Montbrac.";
//! let out = engine.rewrite(Input::Brief(brief), &Options::default())?;
//! assert_eq!(out.article.language.code(), "fr");
//! assert!(out.article.title.chars().count() <= 60);
//! assert!(out.article.removed.iter().any(|r| r.reason == "ad-marker"));
//! # Ok::<(), copydesk::Error>(())
//! ```
//!
//! The pipeline, one module a stage, data flowing one way:
//! [`brief`] → [`text`] → [`analyze`] → [`outline`] → [`compose`] → [`render`].

#![forbid(unsafe_code)]
#![deny(missing_docs)]
// No panic that input can reach: library code never unwraps, expects or panics (tests may).
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
// Slicing and indexing are checked too; the modules that index spans they produced
// themselves say so in a module-level `allow` with the reason the indices are in bounds.
#![warn(clippy::indexing_slicing)]
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

pub mod analyze;
pub mod audit;
pub mod brief;
pub mod compose;
pub mod context;
mod error;
pub mod hash;
pub mod lang;
pub mod markup;
pub mod outline;
pub mod render;
pub mod text;

use serde_json::{Value, json};

pub use error::{Error, ErrorKind};

use crate::analyze::Analysis;
use crate::brief::Brief;
use crate::compose::{Article, ComposeInput, Composer};
use crate::hash::HashSetExt;
pub use crate::lang::HeadlineCase;
use crate::lang::{Lang, LanguagePack};
use crate::outline::Outline;
use crate::text::Document;

/// The default word target when neither the brief nor the options give one.
pub const DEFAULT_TARGET_WORDS: usize = 700;
/// The default largest input, in bytes.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 10 * 1024 * 1024;

/// What to rewrite: a free-form brief, or an article given as title and paragraphs.
#[derive(Debug, Clone, Copy)]
pub enum Input<'a> {
    /// A brief as it comes: instructions, title and article mixed, or a bare article.
    Brief(&'a str),
    /// A structured article (as in a JSON Lines archive).
    Article {
        /// The title, if any.
        title: Option<&'a str>,
        /// The paragraphs.
        paragraphs: &'a [String],
    },
}

/// Options that override what the brief says. Consuming `with_*` setters.
#[derive(Debug, Clone)]
pub struct Options {
    lang: Option<Lang>,
    min_words: Option<usize>,
    title: Option<String>,
    keyphrase: Option<String>,
    max_input_bytes: usize,
    input_format: Option<markup::InputFormat>,
    headline_case: HeadlineCase,
    render: render::RenderOptions,
    context: Option<ContextHandle>,
}

/// A shared [`context::ContextSource`], as [`Options`] holds it.
#[derive(Clone)]
struct ContextHandle(std::sync::Arc<dyn context::ContextSource>);

impl std::fmt::Debug for ContextHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ContextSource")
    }
}

impl Default for Options {
    fn default() -> Self {
        Self {
            lang: None,
            min_words: None,
            title: None,
            keyphrase: None,
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
            input_format: None,
            headline_case: HeadlineCase::Sentence,
            render: render::RenderOptions::default(),
            context: None,
        }
    }
}

impl Options {
    /// Forces the output language (otherwise: what the brief says, else detected).
    #[must_use]
    pub fn with_lang(mut self, lang: Option<Lang>) -> Self {
        self.lang = lang;
        self
    }
    /// Sets the word target (otherwise: what the brief says, else 700).
    #[must_use]
    pub fn with_min_words(mut self, n: Option<usize>) -> Self {
        self.min_words = n;
        self
    }
    /// Sets the title to customise (overrides the brief's).
    #[must_use]
    pub fn with_title(mut self, title: Option<String>) -> Self {
        self.title = title;
        self
    }
    /// HTML output as a fragment (the `<article>` element only) instead of a full HTML5
    /// document — for pasting into a CMS body. See [`render::RenderOptions`].
    #[must_use]
    pub fn with_html_fragment(mut self, fragment: bool) -> Self {
        self.render.fragment = fragment;
        self
    }
    /// The address of the original article: rendered as the source link (HTML and Markdown).
    /// Only `http(s)://` addresses are used.
    #[must_use]
    pub fn with_source_url(mut self, url: Option<String>) -> Self {
        self.render.source_url = url;
        self
    }
    /// The site's base URL (`https://example.org/news`): the canonical link and `og:url` are
    /// this plus the slug; without it they are the site-relative path `/slug`.
    #[must_use]
    pub fn with_base_url(mut self, url: Option<String>) -> Self {
        self.render.base_url = url;
        self
    }
    /// How the renderers are set (fragment, source link, base URL).
    #[must_use]
    pub fn render_options(&self) -> render::RenderOptions {
        self.render.clone()
    }
    /// Sets the focus keyphrase (overrides the extracted one).
    #[must_use]
    pub fn with_keyphrase(mut self, keyphrase: Option<String>) -> Self {
        self.keyphrase = keyphrase;
        self
    }
    /// Sets the input format of a brief (otherwise detected from the content).
    #[must_use]
    pub fn with_input_format(mut self, format: Option<markup::InputFormat>) -> Self {
        self.input_format = format;
        self
    }
    /// Sets the case of headlines (title, H1, subheadings): sentence case (the default) or
    /// title case. Title case applies to languages whose typography uses it (English, rule
    /// `en.headline.title-case`); French headlines stay in sentence case.
    #[must_use]
    pub fn with_headline_case(mut self, case: HeadlineCase) -> Self {
        self.headline_case = case;
        self
    }
    /// Sets a source of related earlier coverage (an [`context::Archive`], or an embedding
    /// crate's own store): its items feed the "Contexte" and "À lire aussi" blocks while the
    /// word target is not met.
    #[must_use]
    pub fn with_context_source(
        mut self,
        source: std::sync::Arc<dyn context::ContextSource>,
    ) -> Self {
        self.context = Some(ContextHandle(source));
        self
    }
    /// Sets the largest input accepted, in bytes.
    #[must_use]
    pub fn with_max_input_bytes(mut self, n: usize) -> Self {
        self.max_input_bytes = n;
        self
    }
}

/// Where the language of the output came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LanguageSource {
    /// [`Options::with_lang`] (the CLI's `--lang`).
    Option,
    /// The brief asked for it (`be in french`).
    Brief,
    /// Detected from the article text.
    Detection,
}

/// Language detection of the article text (never the brief's instruction lines): whatlang's
/// trigram detector, first over every language it knows (to tell an unsupported language),
/// then restricted to the languages copydesk has a pack for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Detection {
    /// The supported language the article is written in; `None` when it is reliably in
    /// another language (see [`Detection::other`]).
    pub lang: Option<Lang>,
    /// The language whatlang found among all it knows, as an ISO 639-3 code (`"eng"`,
    /// `"fra"`, `"deu"`), when it found one.
    pub detected: Option<&'static str>,
    /// The English name of [`Detection::detected`] (`"German"`).
    pub detected_name: Option<&'static str>,
    /// whatlang's confidence in [`Detection::lang`] (0–1; for an unsupported language, in
    /// [`Detection::detected`]).
    pub confidence: f64,
    /// Whether the verdict can be acted on: enough words (at least
    /// [`DETECTION_MIN_WORDS`]) and a confident detector. Only a reliable detection can
    /// refuse an input.
    pub reliable: bool,
    /// How many words of the article were read.
    pub words: usize,
}

/// Fewest article words for a detection to be reliable; shorter texts are never refused.
pub const DETECTION_MIN_WORDS: usize = 20;
/// Lowest confidence for a reliable detection between the supported languages.
pub const DETECTION_MIN_CONFIDENCE: f64 = 0.5;
/// Largest share of the article's words that may be stopwords of the best supported language
/// for the text to count as written in an unsupported one (French or English prose has
/// 35–55 %; German or Spanish prose far fewer English or French ones).
pub const UNSUPPORTED_MAX_STOPWORD_SHARE: f64 = 0.25;
/// Largest share of the article's lower-case words that the best supported pack's lexicon
/// (its stopwords and the 25,000 most frequent words of `data/<lang>/wordfreq.txt`) may hold
/// for the text to count as written in an unsupported language. French and English news
/// prose has 93–98 % of its lower-case words in its own pack's lexicon; Spanish, Catalan,
/// Italian, Portuguese or German prose about 35–55 % (shared words and loanwords). A short
/// French text with few function words (`Montbrac a voté mardi, selon la préfecture.`)
/// therefore stays French even when whatlang's trigrams call it Catalan.
pub const UNSUPPORTED_MAX_LEXICON_SHARE: f64 = 0.75;
/// Bytes of article text the detector reads (from the start).
const DETECTION_SAMPLE_BYTES: usize = 8_000;

impl Detection {
    /// The language the article is reliably written in when it has no pack: `(code, name)`.
    #[must_use]
    pub fn other(&self) -> Option<(&'static str, &'static str)> {
        match self.lang {
            None => Some((
                self.detected.unwrap_or("und"),
                self.detected_name.unwrap_or("unknown"),
            )),
            Some(_) => None,
        }
    }

    /// The JSON report: `{"language", "confidence", "reliable", "detected", "detected_name",
    /// "words", "source"}`.
    #[must_use]
    pub fn json(&self, source: LanguageSource) -> Value {
        json!({
            "language": self.lang.map(Lang::code),
            "confidence": (self.confidence * 1000.0).round() / 1000.0,
            "reliable": self.reliable,
            "detected": self.detected,
            "detected_name": self.detected_name,
            "words": self.words,
            "source": source,
        })
    }
}

/// Everything a rewrite produces: the article and the stage values behind it.
#[derive(Debug, Clone)]
pub struct Rewrite {
    /// The composed article.
    pub article: Article,
    /// The document model.
    pub document: Document,
    /// The analysis.
    pub analysis: Analysis,
    /// The outline.
    pub outline: Outline,
    /// The language detection of the article text.
    pub detection: Detection,
    /// Where the output language came from.
    pub language_source: LanguageSource,
}

impl Rewrite {
    /// The article as the `copydesk.article/1` JSON value ([`render::json_value`]) plus the
    /// `detection` object ([`Detection::json`]).
    #[must_use]
    pub fn json_value(&self) -> Value {
        let mut v = render::json_value(&self.article);
        if let Some(obj) = v.as_object_mut() {
            obj.insert(
                "detection".into(),
                self.detection.json(self.language_source),
            );
        }
        v
    }

    /// [`Rewrite::json_value`] as pretty JSON text.
    #[must_use]
    pub fn json(&self) -> String {
        serde_json::to_string_pretty(&self.json_value()).unwrap_or_else(|_| "{}".into())
    }
}

/// The engine: language packs and templates parsed once, then shared (`Send + Sync`).
pub struct Engine {
    packs: Vec<LanguagePack>,
    env: minijinja::Environment<'static>,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("packs", &self.packs)
            .finish_non_exhaustive()
    }
}

impl Engine {
    /// Builds the engine: loads every embedded language pack and its templates.
    ///
    /// # Errors
    /// [`ErrorKind::Internal`] if embedded data is defective (a build bug, never input).
    pub fn new() -> Result<Self, Error> {
        // Each pack compiles its patterns on its own thread (most of the start-up time is
        // regex compilation); the packs are kept in `Lang::ALL` order whatever finishes first.
        let packs = std::thread::scope(|scope| {
            let handles: Vec<_> = Lang::ALL
                .iter()
                .map(|&l| scope.spawn(move || LanguagePack::load(l)))
                .collect();
            handles
                .into_iter()
                .zip(Lang::ALL)
                .map(|(h, l)| {
                    h.join().unwrap_or_else(|_| {
                        Err(Error::new(
                            ErrorKind::Internal,
                            format!("loading the {} pack failed", l.code()),
                        ))
                    })
                })
                .collect::<Result<Vec<_>, _>>()
        })?;
        let mut env = minijinja::Environment::new();
        env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
        for pack in &packs {
            for (key, src) in &pack.templates {
                env.add_template_owned(format!("{}.{key}", pack.lang.code()), src.clone())
                    .map_err(|e| Error::new(ErrorKind::Internal, format!("template {key}: {e}")))?;
            }
        }
        compose::add_filters(&mut env, &packs);
        Ok(Self { packs, env })
    }

    /// The pack of a language.
    #[must_use]
    // `Engine::new` loads one pack per `Lang::ALL` or fails, so `packs[0]` exists.
    #[allow(clippy::indexing_slicing)]
    pub fn pack(&self, lang: Lang) -> &LanguagePack {
        self.packs
            .iter()
            .find(|p| p.lang == lang)
            .unwrap_or(&self.packs[0])
    }

    /// Every loaded language pack (what [`brief::parse`] takes).
    #[must_use]
    pub fn packs(&self) -> &[LanguagePack] {
        &self.packs
    }

    /// A composer for one language, on the engine's templates (for running the compose stage
    /// on its own, as the benches do).
    #[must_use]
    pub fn composer(&self, lang: Lang) -> Composer<'_> {
        Composer::new(self.pack(lang), &self.env)
    }

    /// Detects the language of an article's paragraphs (see [`Detection`]).
    ///
    /// ```
    /// let engine = copydesk::Engine::new()?;
    /// let d = engine.detect(&["Der Gemeinderat hat am Montag den Haushalt der Stadt für das \
    ///     kommende Jahr beschlossen, nachdem die Opposition lange über die Schulen gestritten hatte."]);
    /// assert_eq!(d.lang, None);
    /// assert_eq!(d.other().map(|o| o.0), Some("deu"));
    /// # Ok::<(), copydesk::Error>(())
    /// ```
    #[must_use]
    pub fn detect<S: AsRef<str>>(&self, paragraphs: &[S]) -> Detection {
        let mut sample = String::new();
        for p in paragraphs {
            if sample.len() >= DETECTION_SAMPLE_BYTES {
                break;
            }
            if !sample.is_empty() {
                sample.push('\n');
            }
            sample.push_str(p.as_ref());
        }
        if sample.len() > DETECTION_SAMPLE_BYTES {
            let mut cut = DETECTION_SAMPLE_BYTES;
            while !sample.is_char_boundary(cut) {
                cut -= 1;
            }
            sample.truncate(cut);
        }
        let words = text::count_words(&sample);
        let (stop_lang, stop_share) = self.stopword_vote(&sample);
        let (any, supported) = whatlang_detect_both(&sample);
        let detected = any.as_ref().map(|i| i.lang().code());
        let detected_name = any.as_ref().map(|i| i.lang().eng_name());
        // Another language: whatlang is sure of it, and the supported languages' function
        // words are scarce (names and loanwords do not make a text English or French).
        if let Some(info) = &any {
            let other = Lang::ALL.iter().all(|&l| whatlang_lang(l) != info.lang());
            if other
                && info.is_reliable()
                && words >= DETECTION_MIN_WORDS
                && stop_share < UNSUPPORTED_MAX_STOPWORD_SHARE
                && self.lexicon_share(&sample) < UNSUPPORTED_MAX_LEXICON_SHARE
            {
                return Detection {
                    lang: None,
                    detected,
                    detected_name,
                    confidence: info.confidence(),
                    reliable: true,
                    words,
                };
            }
        }
        let trigram = supported.as_ref().and_then(|info| {
            Lang::ALL
                .into_iter()
                .find(|&l| whatlang_lang(l) == info.lang())
                .map(|l| (l, info.confidence()))
        });
        // On a short text trigrams are noise (`Je suis Chris ?`): the function words decide
        // when there are any. On a longer one whatlang decides.
        let long = words >= DETECTION_MIN_WORDS;
        let (lang, confidence) = match (trigram, stop_lang) {
            (Some((l, c)), _) if long => (l, c),
            (_, Some(l)) => (l, stop_share),
            // Too short to tell and no function word: the first pack, as documented.
            (_, None) => (Lang::ALL[0], 0.0),
        };
        Detection {
            lang: Some(lang),
            detected,
            detected_name,
            confidence,
            reliable: long && confidence >= DETECTION_MIN_CONFIDENCE && stop_lang == Some(lang),
            words,
        }
    }

    /// Which pack's stopwords cover the text best (`None` when no word is a stopword), and
    /// the share of the text's words they make.
    fn stopword_vote(&self, text: &str) -> (Option<Lang>, f64) {
        let mut hits = vec![0usize; self.packs.len()];
        let mut seen = 0usize;
        for w in text.split(|c: char| !c.is_alphabetic() && c != '’' && c != '\'') {
            if w.is_empty() {
                continue;
            }
            // most words are already lower-case ASCII: read them in place, allocate for the rest
            let lower: std::borrow::Cow<'_, str> =
                if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
                    std::borrow::Cow::Borrowed(w)
                } else {
                    std::borrow::Cow::Owned(w.to_lowercase())
                };
            let last = lower.split(['’', '\'']).next_back().unwrap_or(&lower);
            for (k, pack) in self.packs.iter().enumerate() {
                if pack.stopwords.contains(last) {
                    if let Some(h) = hits.get_mut(k) {
                        *h += 1;
                    }
                }
            }
            seen += 1;
        }
        let best = hits
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(&a.0)))
            .filter(|(_, n)| **n > 0);
        match best {
            Some((k, &n)) => (
                self.packs.get(k).map(|p| p.lang),
                n as f64 / seen.max(1) as f64,
            ),
            None => (None, 0.0),
        }
    }

    /// The largest share, over the packs, of the text's lower-case words (capitalised words
    /// are names or sentence starts, and prove nothing) that the pack's lexicon holds: its
    /// stopwords and its background frequency table. `1.0` for a text with no such word.
    fn lexicon_share(&self, text: &str) -> f64 {
        let words: Vec<String> = text
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
            .map(str::to_lowercase)
            .collect();
        if words.is_empty() {
            return 1.0;
        }
        self.packs
            .iter()
            .map(|p| {
                let known = words
                    .iter()
                    .filter(|w| p.stopwords.contains(w.as_str()) || p.zipf.contains_key(*w))
                    .count();
                known as f64 / words.len() as f64
            })
            .fold(0.0, f64::max)
    }

    fn check_input(&self, input: &Input<'_>, options: &Options) -> Result<(), Error> {
        let size = match input {
            Input::Brief(s) => s.len(),
            Input::Article { title, paragraphs } => {
                title.map_or(0, str::len) + paragraphs.iter().map(String::len).sum::<usize>()
            }
        };
        // Token offsets are 32-bit (see `text::Token`): past a quarter of that, whatever the
        // configured limit, typography could grow the text beyond what a document indexes.
        if size > text::MAX_TEXT_BYTES / 4 {
            return Err(Error::new(
                ErrorKind::InputTooLarge,
                format!(
                    "input is {size} bytes, over the {} bytes a document can hold: split it",
                    text::MAX_TEXT_BYTES / 4
                ),
            ));
        }
        if size > options.max_input_bytes {
            return Err(Error::new(
                ErrorKind::InputTooLarge,
                format!(
                    "input is {size} bytes, over the limit of {} bytes: split it or raise the limit",
                    options.max_input_bytes
                ),
            ));
        }
        if let Input::Brief(s) = input {
            if s.contains('\0') {
                return Err(Error::new(
                    ErrorKind::InvalidInput,
                    "input holds NUL bytes: give plain UTF-8 text, not binary data",
                ));
            }
        }
        Ok(())
    }

    fn prepare<'a>(
        &self,
        input: Input<'a>,
        options: &'a Options,
    ) -> Result<(Brief<'a>, Lang, Detection, LanguageSource), Error> {
        self.check_input(&input, options)?;
        let mut brief = match input {
            Input::Brief(s) => match options
                .input_format
                .unwrap_or_else(|| markup::InputFormat::detect(s))
            {
                markup::InputFormat::Text => brief::parse(s, &self.packs),
                markup::InputFormat::Html => Brief::from_markup(markup::html(s), &self.packs),
                markup::InputFormat::Markdown => {
                    Brief::from_markup(markup::markdown(s), &self.packs)
                }
            },
            Input::Article { title, paragraphs } => {
                Brief::structured(title, paragraphs, &self.packs)
            }
        };
        if let Some(t) = &options.title {
            brief.title = Some(std::borrow::Cow::Owned(t.clone()));
        }
        if brief.paragraphs.iter().all(|p| text::count_words(p) == 0) {
            return Err(Error::new(
                ErrorKind::EmptyInput,
                "no article text in the input: give the article after the instructions",
            ));
        }
        let detection = self.detect(&brief.paragraphs);
        let (requested, source) = match (options.lang, brief.language) {
            (Some(l), _) => (Some(l), LanguageSource::Option),
            (None, Some(l)) => (Some(l), LanguageSource::Brief),
            (None, None) => (None, LanguageSource::Detection),
        };
        let asked = |l: Lang| match source {
            LanguageSource::Option => format!("--lang {} was given", l.code()),
            _ => format!("the brief asks for {}", language_name(l)),
        };
        if let Some((code, name)) = detection.other() {
            let supported = Lang::ALL
                .iter()
                .map(|&l| format!("{} ({})", language_name(l), l.code()))
                .collect::<Vec<_>>()
                .join(" and ");
            let head = match requested {
                Some(l) => format!("{} but the article is in {name}", asked(l)),
                None => format!("the article is in {name}"),
            };
            return Err(Error::new(
                ErrorKind::UnsupportedLanguage,
                format!(
                    "{head} ({code}, confidence {:.2}): copydesk writes only {supported}, and translation is out of scope",
                    detection.confidence
                ),
            ));
        }
        let detected = detection.lang.unwrap_or(Lang::Fr);
        if let (None, Some(other)) = (requested, &brief.other_language) {
            let mut name = other.to_lowercase();
            if let Some(first) = name.get(..1) {
                name = first.to_uppercase() + name.get(1..).unwrap_or("");
            }
            return Err(Error::new(
                ErrorKind::UnsupportedLanguage,
                format!(
                    "the brief asks for {name} but the article is in {}: copydesk writes only French (fr) and English (en) in the article's own language, and translation is out of scope",
                    language_name(detected)
                ),
            ));
        }
        let lang = requested.unwrap_or(detected);
        if detected != lang && detection.reliable {
            return Err(Error::new(
                ErrorKind::LanguageMismatch,
                format!(
                    "{} but the article is in {} (confidence {:.2}): translation is out of scope; give an article in {} or ask for {}",
                    asked(lang),
                    language_name(detected),
                    detection.confidence,
                    language_name(lang),
                    language_name(detected),
                ),
            ));
        }
        Ok((brief, lang, detection, source))
    }

    /// The stages both `rewrite` and `analyze` run: brief, document, analysis and outline,
    /// with the source's own headings and images placed on the document.
    fn stages(&self, input: Input<'_>, options: &Options) -> Result<Staged, Error> {
        self.stages_owned(input, None, options)
    }

    /// [`Engine::stages`] on an input whose text the engine may own: with `owned`, `input` is
    /// ignored and the brief is parsed from `owned`, which is freed as soon as the document
    /// is built (the later stages read only the document and the brief's owned parts), so a
    /// long input is not held through analysis and composition.
    fn stages_owned(
        &self,
        input: Input<'_>,
        owned: Option<String>,
        options: &Options,
    ) -> Result<Staged, Error> {
        let input = owned.as_deref().map_or(input, Input::Brief);
        let (mut brief, lang, detection, language_source) = self.prepare(input, options)?;
        let pack = self.pack(lang);
        let document = Document::build(&brief.paragraphs, pack);
        let (source_headings, images) = source_structure(&brief, &document);
        let title = brief.title.take().map(std::borrow::Cow::into_owned);
        let target_words = brief.target_words;
        let removed = std::mem::take(&mut brief.removed);
        drop(brief);
        drop(owned);
        let analysis = analyze::analyze(&document, title.as_deref(), pack);
        let forced: Vec<usize> = source_headings.iter().map(|h| h.0).collect();
        let outline = outline::outline_with(&document, &analysis, &forced);
        Ok(Staged {
            title,
            target_words,
            removed,
            lang,
            detection,
            language_source,
            document,
            analysis,
            outline,
            source_headings,
            images,
        })
    }

    /// Runs the whole pipeline on an input.
    ///
    /// # Errors
    /// An [`Error`] for input with no article text, input over the size limit, binary input, or
    /// an article in another language than the one asked for.
    pub fn rewrite(&self, input: Input<'_>, options: &Options) -> Result<Rewrite, Error> {
        self.finish(self.stages(input, options)?, options)
    }

    /// [`Engine::rewrite`] on a brief the engine takes over (as [`Input::Brief`]): the text
    /// is freed as soon as the document is built, which lowers the peak memory on a long
    /// input by its size (the CLI's `rewrite` reads its input this way).
    ///
    /// # Errors
    /// As [`Engine::rewrite`].
    pub fn rewrite_owned(&self, brief: String, options: &Options) -> Result<Rewrite, Error> {
        self.finish(
            self.stages_owned(Input::Brief(""), Some(brief), options)?,
            options,
        )
    }

    /// The steps of [`Engine::rewrite`] after the outline: related context, composition and
    /// headline case.
    fn finish(&self, st: Staged, options: &Options) -> Result<Rewrite, Error> {
        let pack = self.pack(st.lang);
        let target_words = options
            .min_words
            .or(st.target_words)
            .unwrap_or(DEFAULT_TARGET_WORDS);
        let related = options.context.as_ref().map_or_else(Vec::new, |c| {
            let query =
                compose::context_query(&st.document, &st.analysis, st.title.as_deref(), pack);
            c.0.related(&query, pack)
        });
        let mut article = Composer::new(pack, &self.env).compose(
            &st.document,
            &st.analysis,
            &st.outline,
            ComposeInput {
                title: st.title.as_deref(),
                keyphrase: options.keyphrase.as_deref(),
                target_words,
                removed: st.removed,
                source_headings: st.source_headings,
                images: st.images,
                context: &related,
            },
        );
        apply_headline_case(
            &mut article,
            options.headline_case,
            &st.document,
            &st.analysis,
            pack,
        );
        Ok(Rewrite {
            article,
            document: st.document,
            analysis: st.analysis,
            outline: st.outline,
            detection: st.detection,
            language_source: st.language_source,
        })
    }

    /// Runs the stages up to the outline and reports them as the `copydesk.analysis/1` JSON value.
    ///
    /// # Errors
    /// As [`Engine::rewrite`].
    pub fn analyze(&self, input: Input<'_>, options: &Options) -> Result<Value, Error> {
        let Staged {
            title,
            target_words,
            removed,
            lang,
            detection,
            language_source,
            document: doc,
            analysis,
            outline,
            ..
        } = self.stages(input, options)?;
        let paragraphs: Vec<Value> = doc
            .paragraphs
            .iter()
            .enumerate()
            .map(|(i, p)| {
                json!({
                    "text": doc.paragraph_source_text(i),
                    "sentences": p.sentences.clone().map(|s| doc.sentence_source_text(s)).collect::<Vec<_>>(),
                    "source": p.source,
                })
            })
            .collect();
        Ok(json!({
            "schema": "copydesk.analysis/1",
            "language": lang.code(),
            "detection": detection.json(language_source),
            "title": title.as_deref(),
            "target_words": target_words,
            "paragraphs": paragraphs,
            // the normalised text that the entity, figure, date and quote spans index
            "text": doc.text,
            "keyphrases": analysis.keyphrases.iter().take(20).map(|k| json!({"text": k.text, "score": (k.score * 1000.0).round() / 1000.0})).collect::<Vec<_>>(),
            "focus_keyphrase": analysis.focus_keyphrase().map(|k| k.text.clone()),
            "entities": analysis.entities,
            "figures": analysis.figures,
            "dates": analysis.dates,
            "quotes": analysis.quotes,
            "sections": outline.paragraph_groups(),
            "removed": removed,
        }))
    }
}

/// Writes the title, the H1 and every subheading in the asked case by the pack's rules
/// ([`lang::Grammar::title_case`], [`lang::Grammar::sentence_case`]), and names the rule
/// beside the composer's. Sentence case keeps as names the words the article itself
/// capitalises inside a sentence and lowers the ones it writes in lower case.
fn apply_headline_case(
    article: &mut Article,
    case: HeadlineCase,
    doc: &Document,
    analysis: &Analysis,
    pack: &LanguagePack,
) {
    let grammar = &pack.grammar;
    let (names, lower_words) = word_cases(doc, &analysis.tokens, pack);
    // A name when the article capitalises it inside a sentence; a common word when it
    // writes it (or a word of the same stem: `seized`) in lower case, or a function word; else unknown (`Washington` in a
    // headline the article never repeats): sentence case then leaves the headline alone.
    let is_name = |w: &str| {
        let lower = w.to_lowercase();
        if names.contains(&lower) {
            Some(true)
        } else if lower_words.contains(pack.stem(&lower).as_ref()) || pack.is_stopword(&lower) {
            Some(false)
        } else {
            None
        }
    };
    let rule = format!(
        "{}.headline.{}-case",
        pack.lang.code(),
        match case {
            HeadlineCase::Title => "title",
            HeadlineCase::Sentence => "sentence",
        }
    );
    let apply = |t: &str| match case {
        HeadlineCase::Title => grammar.title_case(t),
        HeadlineCase::Sentence => grammar.sentence_case(t, &is_name),
    };
    let cased = apply(&article.title);
    if cased != article.title {
        article.title = cased;
        article.title_rule = format!("{} + {rule}", article.title_rule);
    }
    article.h1 = apply(&article.h1);
    for section in &mut article.sections {
        let Some(heading) = &section.heading else {
            continue;
        };
        let cased = apply(heading);
        if &cased != heading {
            section.heading = Some(cased);
            section.heading_rule = Some(match &section.heading_rule {
                Some(r) => format!("{r} + {rule}"),
                None => rule.clone(),
            });
        }
    }
}

/// The words (lowercase, without a possessive `’s`) the document writes with a capital
/// inside a sentence (its names), and the stems of those it writes in lower case. `infos`
/// are the analysis's facts per token (parallel to `doc.tokens`): a word without a hyphen
/// takes the lowercase and the stem the analysis already computed for it (the stem of the
/// same lowercase word without its `’s`) instead of lowercasing and stemming it again.
fn word_cases(
    doc: &Document,
    infos: &[analyze::TokenInfo],
    pack: &LanguagePack,
) -> (hash::HashSet<String>, hash::HashSet<String>) {
    let mut names = hash::HashSet::new();
    let mut lower_words = hash::HashSet::new();
    // the lower-case words already stemmed (a word is stemmed once, not once a use)
    let mut stemmed = hash::HashSet::new();
    for s in &doc.sentences {
        let words = doc
            .tokens
            .get(s.tokens.clone())
            .unwrap_or_default()
            .iter()
            .zip(s.tokens.clone())
            .filter(|(t, _)| t.kind == text::TokenKind::Word);
        for (k, (t, i)) in words.enumerate() {
            let w = doc.token_text(t);
            let analysed = (!w.contains('-')).then(|| infos.get(i)).flatten();
            for part in w.split('-') {
                let lowercase = part.starts_with(char::is_lowercase);
                if !(lowercase || k > 0 && part.starts_with(char::is_uppercase)) {
                    continue;
                }
                // the analysis's lowercase of the whole word when the part is the word
                let owned;
                let low = match analysed {
                    Some(info) => info.lower().as_str(),
                    None => {
                        owned = part.to_lowercase();
                        &owned
                    }
                };
                let lower = low
                    .strip_suffix("’s")
                    .or_else(|| low.strip_suffix("'s"))
                    .unwrap_or(low);
                if lowercase {
                    if !stemmed.contains(lower) {
                        lower_words.insert(analysed.map_or_else(
                            || pack.stem(lower).into_owned(),
                            |info| info.stem().as_str().to_owned(),
                        ));
                        stemmed.insert(lower.to_owned());
                    }
                } else if !names.contains(lower) {
                    names.insert(lower.to_owned());
                }
            }
        }
    }
    (names, lower_words)
}

/// The English name of a supported language, for messages.
fn language_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "French",
        Lang::En => "English",
    }
}

/// whatlang's detection of `text` over every language it knows and over the supported
/// languages only, exactly as `whatlang::detect(text)` and
/// `whatlang::Detector::with_allowlist(supported).detect(text)` return them, from one pass of
/// whatlang's combined (alphabet + trigram) scorer instead of two.
///
/// Each language's combined score does not depend on the allowlist (whatlang scores every
/// allowed language alone, then sorts), so the supported languages' verdict is the best two
/// of them in the all-language ranking, with whatlang's confidence formula applied to their
/// scores. The rare inputs where that reading could differ (a script other than a
/// multi-language one, two supported languages tied, a score that is not a number) take the
/// two public calls instead.
///
/// ```text
/// "Le conseil municipal a voté le budget …" -> (Some(fra, 1.0), Some(fra, 1.0))
/// ```
fn whatlang_detect_both(text: &str) -> (Option<whatlang::Info>, Option<whatlang::Info>) {
    use whatlang::dev::RawLangInfo;
    let raw = whatlang::dev::raw_detect(text);
    if let (Some(RawLangInfo::MultiScript(combined)), Some(&(script, _))) =
        (&raw.lang_info, raw.script_info.counters.first())
    {
        let count = combined.trigram_raw_outcome.trigrams_count;
        let best_two = |mut scores: std::slice::Iter<'_, (whatlang::Lang, f64)>| {
            scores.next().map(|&(lang, first)| {
                let confidence = scores.next().map_or(1.0, |&(_, second)| {
                    whatlang_confidence(first, second, count)
                });
                whatlang::Info::new(script, lang, confidence)
            })
        };
        let ours: Vec<(whatlang::Lang, f64)> = combined
            .scores
            .iter()
            .copied()
            .filter(|&(l, _)| Lang::ALL.iter().any(|&ours| whatlang_lang(ours) == l))
            .collect();
        let tied = ours.windows(2).any(|w| match w {
            [(_, a), (_, b)] => a == b,
            _ => false,
        });
        if !tied && ours.iter().all(|(_, s)| !s.is_nan()) {
            return (best_two(combined.scores.iter()), best_two(ours.iter()));
        }
    }
    let any = whatlang::detect(text);
    let supported =
        whatlang::Detector::with_allowlist(Lang::ALL.iter().map(|&l| whatlang_lang(l)).collect())
            .detect(text);
    (any, supported)
}

/// whatlang 0.18's confidence that the best-scoring language is right, given the best and
/// second scores (0–1) and the number of trigrams read (the formula of its
/// `calculate_confidence`, which it does not export): 0 for a zero best score, the best score
/// when the second is zero, otherwise the relative lead over `3 / count + 0.015`, capped at 1.
/// Example: `whatlang_confidence(0.6, 0.5, 300)` is 1 (a 20 % lead over a 2.5 % threshold).
fn whatlang_confidence(best: f64, second: f64, count: usize) -> f64 {
    if best == 0.0 {
        return 0.0;
    }
    if second == 0.0 {
        return best;
    }
    let confident_rate = (3.0 / count as f64) + 0.015;
    let rate = (best - second) / second;
    if rate > confident_rate {
        1.0
    } else {
        rate / confident_rate
    }
}

/// whatlang's name of a supported language.
fn whatlang_lang(lang: Lang) -> whatlang::Lang {
    match lang {
        Lang::Fr => whatlang::Lang::Fra,
        Lang::En => whatlang::Lang::Eng,
    }
}

// Checked in every build, not only under `cargo test`: one engine is shared by the threads of
// `copydesk batch` (`&Engine` across rayon workers), and a rewrite may be sent between them.
const _: fn() = || {
    fn shared<T: Send + Sync>() {}
    shared::<Engine>();
    shared::<Rewrite>();
    shared::<Options>();
};

/// The values of the stages up to the outline (see [`Engine::stages`]).
struct Staged {
    /// The brief's title (or the one given in the options).
    title: Option<String>,
    /// The brief's word target.
    target_words: Option<usize>,
    /// What the brief removed as noise.
    removed: Vec<brief::Removal>,
    lang: Lang,
    detection: Detection,
    language_source: LanguageSource,
    document: Document,
    analysis: Analysis,
    outline: Outline,
    source_headings: Vec<(usize, String)>,
    images: Vec<compose::ArticleImage>,
}

/// The source's own subheadings and images, placed on document paragraphs: a heading goes
/// before the first document paragraph of its brief paragraph, an image after the document
/// paragraphs that precede it.
fn source_structure(
    brief: &Brief<'_>,
    doc: &Document,
) -> (Vec<(usize, String)>, Vec<compose::ArticleImage>) {
    let first_of = |source: usize| doc.paragraphs.iter().position(|p| p.source >= source);
    let headings = brief
        .headings
        .iter()
        .filter_map(|h| first_of(h.before).map(|p| (p, h.text.clone())))
        .collect();
    let images = brief
        .images
        .iter()
        .map(|img| compose::ArticleImage {
            src: img.src.clone(),
            alt: img.alt.clone(),
            caption: img.caption.clone(),
            after_paragraph: doc
                .paragraphs
                .iter()
                .filter(|p| p.source < img.after_paragraphs)
                .count(),
        })
        .collect();
    (headings, images)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn engine_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Engine>();
    }

    #[test]
    fn word_cases_reuses_the_analysis_stems_without_changing_them() {
        // The analysis's stems (tokens without a hyphen) against the stemmer run on every
        // part (no analysis given): the same names and the same lower-case stems.
        let engine = Engine::new().expect("engine");
        for (lang, paragraphs) in [
            (
                Lang::Fr,
                vec![
                    "Les habitants de Saint-Martin ont manifesté mardi contre la fermeture \
                     de l’école, a-t-on appris auprès de la Préfecture.",
                    "La préfecture a promis des rencontres ; les manifestations continuent.",
                ],
            ),
            (
                Lang::En,
                vec![
                    "The mayor’s office seized the boats on Monday, and Smith's lawyers \
                     said the seizure of the well-known ferries was unlawful.",
                    "Officials seize boats every year, the Mayor said.",
                ],
            ),
        ] {
            let pack = engine.pack(lang);
            let document = Document::build(&paragraphs, pack);
            let analysis = analyze::analyze(&document, None, pack);
            let reused = word_cases(&document, &analysis.tokens, pack);
            let stemmed = word_cases(&document, &[], pack);
            assert!(!reused.0.is_empty() && !reused.1.is_empty(), "{lang:?}");
            assert_eq!(reused, stemmed, "{lang:?}");
        }
    }

    #[test]
    fn empty_input_is_a_typed_error() {
        let engine = Engine::new().expect("engine");
        for input in ["", "   \n\n ", "PUBLICITÉ\n\nSource link -12"] {
            let err = engine
                .rewrite(Input::Brief(input), &Options::default())
                .expect_err("error");
            assert_eq!(err.kind(), ErrorKind::EmptyInput, "{input:?}");
        }
    }

    #[test]
    fn an_owned_brief_gives_the_borrowed_brief_s_rewrite_and_errors() {
        let engine = Engine::new().expect("engine");
        let options = Options::default();
        for brief in [
            include_str!("../examples/brief-sample-fr.txt"),
            "<html><body><h1>Le budget voté</h1><p>Le conseil municipal a voté le budget \
             de 2025 hier soir, après trois heures de débat.</p><h2>Les écoles</h2><p>La \
             rénovation des écoles coûtera 4 millions d’euros, selon la maire.</p></body></html>",
        ] {
            let borrowed = engine
                .rewrite(Input::Brief(brief), &options)
                .expect("rewrite");
            let owned = engine
                .rewrite_owned(brief.to_string(), &options)
                .expect("rewrite_owned");
            assert_eq!(owned.json(), borrowed.json());
            assert_eq!(owned.document.text, borrowed.document.text);
        }
        let err = engine
            .rewrite_owned("   \n\n ".to_string(), &options)
            .expect_err("empty");
        assert_eq!(err.kind(), ErrorKind::EmptyInput);
    }

    #[test]
    fn oversized_and_binary_input_are_refused() {
        let engine = Engine::new().expect("engine");
        let err = engine
            .rewrite(
                Input::Brief("abc def."),
                &Options::default().with_max_input_bytes(3),
            )
            .expect_err("too large");
        assert_eq!(err.kind(), ErrorKind::InputTooLarge);
        let err = engine
            .rewrite(Input::Brief("a\0b"), &Options::default())
            .expect_err("binary");
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
    }

    #[test]
    fn detection_tells_french_from_english() {
        let engine = Engine::new().expect("engine");
        let fr = engine.detect(&[
            "Le conseil municipal a voté mardi soir le budget de la ville pour les écoles, \
             après un long débat sur le prix de la cantine et sur les travaux du gymnase.",
        ]);
        assert_eq!(fr.lang, Some(Lang::Fr));
        assert!(fr.reliable, "{fr:?}");
        let en = engine.detect(&[
            "The city council voted on Tuesday night for the budget of the schools, after a \
             long debate about the price of school meals and the repairs to the gym.",
        ]);
        assert_eq!(en.lang, Some(Lang::En));
        assert!(en.reliable && en.confidence > 0.5, "{en:?}");
        assert_eq!(en.detected, Some("eng"));
    }

    /// whatlang's verdicts over every language and over the supported ones: (language, confidence).
    type Verdicts = (Option<(whatlang::Lang, f64)>, Option<(whatlang::Lang, f64)>);

    /// whatlang's two public calls, the reference [`whatlang_detect_both`] must match.
    fn whatlang_two_calls(text: &str) -> Verdicts {
        let info = |i: whatlang::Info| (i.lang(), i.confidence());
        let any = whatlang::detect(text).map(info);
        let supported = whatlang::Detector::with_allowlist(
            Lang::ALL.iter().map(|&l| whatlang_lang(l)).collect(),
        )
        .detect(text)
        .map(info);
        (any, supported)
    }

    /// [`whatlang_detect_both`]'s verdicts.
    fn whatlang_one_pass(text: &str) -> Verdicts {
        let info = |i: whatlang::Info| (i.lang(), i.confidence());
        let (any, supported) = whatlang_detect_both(text);
        (any.map(info), supported.map(info))
    }

    #[test]
    fn one_whatlang_pass_gives_both_verdicts_of_two_calls() {
        for text in [
            "Le conseil municipal a voté mardi soir le budget de la ville pour les écoles.",
            "The city council voted on Tuesday night for the budget of the schools.",
            "El ayuntamiento aprobó el martes por la noche el presupuesto de la ciudad.",
            "Der Gemeinderat hat am Montag den Haushalt der Stadt beschlossen.",
            "Совет города утвердил бюджет в понедельник.",
            "市议会周一通过了预算。",
            "Qwx zzk",
            "a",
            "2024 — 12 %",
            "",
        ] {
            assert_eq!(whatlang_one_pass(text), whatlang_two_calls(text), "{text}");
        }
        // the Catalan-looking French sentence: `any` and `supported` disagree on the language
        let (any, supported) = whatlang_one_pass("Montbrac a voté mardi, selon la préfecture.");
        assert_ne!(any.map(|a| a.0), None);
        assert!(matches!(
            supported,
            Some((whatlang::Lang::Fra | whatlang::Lang::Eng, _))
        ));
    }

    proptest::proptest! {
        #[test]
        fn one_whatlang_pass_equals_two_calls_on_any_text(text in "[a-zA-Zàéèçœ’'., \\n0-9ДжЖ市]{0,200}") {
            proptest::prop_assert_eq!(whatlang_one_pass(&text), whatlang_two_calls(&text));
        }
    }

    #[test]
    fn short_texts_are_never_reliable_and_use_function_words() {
        let engine = Engine::new().expect("engine");
        let d = engine.detect(&["Je suis Chris (Christopher ?)."]);
        assert_eq!(d.lang, Some(Lang::Fr));
        assert!(!d.reliable);
        let d = engine.detect(&["What do you think? We can go."]);
        assert_eq!(d.lang, Some(Lang::En));
        assert!(!d.reliable);
    }

    #[test]
    fn unsupported_languages_are_told_apart() {
        let engine = Engine::new().expect("engine");
        let es = engine.detect(&[
            "El ayuntamiento aprobó el martes por la noche el presupuesto de la ciudad para \
             las escuelas, después de un largo debate sobre el precio del comedor escolar.",
        ]);
        assert_eq!(es.lang, None, "{es:?}");
        assert_eq!(es.other().map(|o| o.0), Some("spa"));
        // an English article quoting a German sentence stays English
        let mixed = engine.detect(&[
            "The mayor of the small town said on Monday that the new bridge would open in the \
             spring. “Wir sind sehr froh”, she told the local paper, which means that they are \
             very happy with the work of the builders and of the council.",
        ]);
        assert_eq!(mixed.lang, Some(Lang::En), "{mixed:?}");
        for (code, text) in [
            (
                "cat",
                "L’ajuntament va aprovar dimarts a la nit el pressupost de la ciutat per a les \
                 escoles, després d’un llarg debat sobre el preu del menjador escolar i les obres.",
            ),
            (
                "ita",
                "Il consiglio comunale ha approvato martedì sera il bilancio della città per le \
                 scuole, dopo un lungo dibattito sul prezzo della mensa scolastica e della palestra.",
            ),
        ] {
            let d = engine.detect(&[text]);
            assert_eq!(
                (d.lang, d.other().map(|o| o.0)),
                (None, Some(code)),
                "{d:?}"
            );
        }
    }

    #[test]
    fn a_short_french_text_with_few_function_words_stays_french() {
        // A text proptest generated (its slips included): whatlang's trigrams call it Catalan
        // with confidence 0.98; every lower-case word is French.
        let engine = Engine::new().expect("engine");
        let d = engine.detect(&[
            "Montbrac a annoncé 0 crues mardi, selon la préfecture.",
            "Montbrac a voté 0 conseils hier, selon la préfecture. « Le habitants restera \
             ouvert », a déclaré Cordemont mardi.",
        ]);
        assert_eq!(d.lang, Some(Lang::Fr), "{d:?}");
    }

    #[test]
    fn a_brief_asking_for_another_language_is_refused() {
        let engine = Engine::new().expect("engine");
        let article = "Make this article seo compatible, be in french, create at least 300 words\n\n\
            The city council voted on Tuesday night for the budget of the schools, after a long \
            debate about the price of school meals and the repairs to the gym.";
        let err = engine
            .rewrite(Input::Brief(article), &Options::default())
            .expect_err("mismatch");
        assert_eq!(err.kind(), ErrorKind::LanguageMismatch);
        assert!(err.to_string().contains("French") && err.to_string().contains("English"));
        // the same article with an English brief is fine
        let ok = article.replace("be in french", "be in english");
        let rw = engine
            .rewrite(Input::Brief(&ok), &Options::default())
            .expect("english");
        assert_eq!(rw.article.language, Lang::En);
        assert_eq!(rw.language_source, LanguageSource::Brief);
        assert!(rw.detection.reliable);
    }

    #[test]
    fn title_case_is_an_english_option() {
        let engine = Engine::new().expect("engine");
        let brief = "Title: the council votes the budget of the schools\n\n\
            The city council voted on Tuesday night for the budget of the schools, after a long \
            debate about the price of school meals and the repairs to the gym.\n\n\
            The mayor said the vote was a good day for the families of the town.";
        let opts = Options::default().with_headline_case(HeadlineCase::Title);
        let rw = engine.rewrite(Input::Brief(brief), &opts).expect("rewrite");
        assert_eq!(rw.article.h1, "The Council Votes the Budget of the Schools");
        assert_eq!(rw.article.title, lang::en::title_case(&rw.article.title));
        for s in &rw.article.sections {
            if let Some(h) = &s.heading {
                assert_eq!(h, &lang::en::title_case(h));
            }
        }
        // sentence case (the default): only the first word is capitalised
        let rw = engine
            .rewrite(Input::Brief(brief), &Options::default())
            .expect("rewrite");
        assert_eq!(rw.article.h1, "The council votes the budget of the schools");
        // French headlines stay in sentence case whatever the option says
        let fr = "Titre : le conseil vote le budget des écoles\n\n\
            Le conseil municipal a voté mardi soir le budget de la ville pour les écoles, après \
            un long débat sur le prix de la cantine et sur les travaux du gymnase.";
        let a = engine.rewrite(Input::Brief(fr), &opts).expect("fr");
        let b = engine
            .rewrite(Input::Brief(fr), &Options::default())
            .expect("fr");
        assert_eq!(a.article.title, b.article.title);
        assert_eq!(a.article.h1, b.article.h1);
    }
}
