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

pub mod analyze;
pub mod audit;
pub mod brief;
pub mod compose;
mod error;
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
    render: render::RenderOptions,
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
            render: render::RenderOptions::default(),
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
    /// Sets the largest input accepted, in bytes.
    #[must_use]
    pub fn with_max_input_bytes(mut self, n: usize) -> Self {
        self.max_input_bytes = n;
        self
    }
}

/// Language detection: which pack's stopwords cover the text best, and how reliable that is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Detection {
    /// The detected language.
    pub lang: Lang,
    /// Share of stopword hits that belong to it (0–1); above 0.75 is reliable.
    pub confidence: f64,
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
    /// The language detection, when the language was not given.
    pub detection: Option<Detection>,
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
        let packs = Lang::ALL
            .iter()
            .map(|&l| LanguagePack::load(l))
            .collect::<Result<Vec<_>, _>>()?;
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
    pub fn pack(&self, lang: Lang) -> &LanguagePack {
        self.packs
            .iter()
            .find(|p| p.lang == lang)
            .unwrap_or(&self.packs[0])
    }

    /// Detects the language of a text from stopword coverage.
    #[must_use]
    pub fn detect<S: AsRef<str>>(&self, paragraphs: &[S]) -> Detection {
        let mut hits = vec![0usize; self.packs.len()];
        let mut seen = 0;
        'outer: for p in paragraphs {
            for w in p
                .as_ref()
                .split(|c: char| !c.is_alphabetic() && c != '’' && c != '\'')
            {
                if w.is_empty() {
                    continue;
                }
                let lower = w.to_lowercase();
                let lower = lower
                    .split(['’', '\''])
                    .next_back()
                    .unwrap_or(&lower)
                    .to_string();
                for (k, pack) in self.packs.iter().enumerate() {
                    if pack.stopwords.contains(&lower) {
                        hits[k] += 1;
                    }
                }
                seen += 1;
                if seen > 3000 {
                    break 'outer;
                }
            }
        }
        let total: usize = hits.iter().sum();
        let (best, &n) = hits
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(&a.0)))
            .unwrap_or((0, &0));
        Detection {
            lang: self.packs.get(best).map_or(Lang::Fr, |p| p.lang),
            confidence: if total == 0 {
                0.0
            } else {
                n as f64 / total as f64
            },
        }
    }

    fn check_input(&self, input: &Input<'_>, options: &Options) -> Result<(), Error> {
        let size = match input {
            Input::Brief(s) => s.len(),
            Input::Article { title, paragraphs } => {
                title.map_or(0, str::len) + paragraphs.iter().map(String::len).sum::<usize>()
            }
        };
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
    ) -> Result<(Brief<'a>, Lang, Option<Detection>), Error> {
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
        let lang = options.lang.or(brief.language).unwrap_or(detection.lang);
        if detection.lang != lang
            && detection.confidence > 0.8
            && text::count_words(&brief.paragraphs.join(" ")) >= 40
        {
            return Err(Error::new(
                ErrorKind::UnsupportedLanguage,
                format!(
                    "the brief asks for {} but the article is in {} (confidence {:.2}): translation is out of scope; give an article in {} or ask for {}",
                    lang.code(),
                    detection.lang.code(),
                    detection.confidence,
                    lang.code(),
                    detection.lang.code()
                ),
            ));
        }
        let detected = (options.lang.is_none() && brief.language.is_none()).then_some(detection);
        Ok((brief, lang, detected))
    }

    /// The stages both `rewrite` and `analyze` run: brief, document, analysis and outline,
    /// with the source's own headings and images placed on the document.
    fn stages<'a>(&self, input: Input<'a>, options: &'a Options) -> Result<Staged<'a>, Error> {
        let (brief, lang, detection) = self.prepare(input, options)?;
        let pack = self.pack(lang);
        let document = Document::build(&brief.paragraphs, pack);
        let analysis = analyze::analyze(&document, brief.title.as_deref(), pack);
        let (source_headings, images) = source_structure(&brief, &document);
        let forced: Vec<usize> = source_headings.iter().map(|h| h.0).collect();
        let outline = outline::outline_with(&document, &analysis, &forced);
        Ok(Staged {
            brief,
            lang,
            detection,
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
        let st = self.stages(input, options)?;
        let pack = self.pack(st.lang);
        let target_words = options
            .min_words
            .or(st.brief.target_words)
            .unwrap_or(DEFAULT_TARGET_WORDS);
        let article = Composer::new(pack, &self.env).compose(
            &st.document,
            &st.analysis,
            &st.outline,
            ComposeInput {
                title: st.brief.title.as_deref(),
                keyphrase: options.keyphrase.as_deref(),
                target_words,
                removed: st.brief.removed.clone(),
                source_headings: st.source_headings,
                images: st.images,
            },
        );
        Ok(Rewrite {
            article,
            document: st.document,
            analysis: st.analysis,
            outline: st.outline,
            detection: st.detection,
        })
    }

    /// Runs the stages up to the outline and reports them as the `copydesk.analysis/1` JSON value.
    ///
    /// # Errors
    /// As [`Engine::rewrite`].
    pub fn analyze(&self, input: Input<'_>, options: &Options) -> Result<Value, Error> {
        let Staged {
            brief,
            lang,
            detection,
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
            "detection": detection.map(|d| json!({"language": d.lang.code(), "confidence": (d.confidence * 1000.0).round() / 1000.0})),
            "title": brief.title.as_deref(),
            "target_words": brief.target_words,
            "paragraphs": paragraphs,
            "keyphrases": analysis.keyphrases.iter().take(20).map(|k| json!({"text": k.text, "score": (k.score * 1000.0).round() / 1000.0})).collect::<Vec<_>>(),
            "focus_keyphrase": analysis.focus_keyphrase().map(|k| k.text.clone()),
            "entities": analysis.entities,
            "figures": analysis.figures,
            "dates": analysis.dates,
            "quotes": analysis.quotes,
            "sections": outline.paragraph_groups(),
            "removed": brief.removed,
        }))
    }
}

/// The values of the stages up to the outline (see [`Engine::stages`]).
struct Staged<'a> {
    brief: Brief<'a>,
    lang: Lang,
    detection: Option<Detection>,
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
        let fr =
            engine.detect(&["Le conseil municipal a voté le budget de la ville pour les écoles."]);
        assert_eq!(fr.lang, Lang::Fr);
        let en = engine.detect(&["The council voted the budget of the city for the schools."]);
        assert_eq!(en.lang, Lang::En);
        assert!(en.confidence > 0.75);
    }
}
