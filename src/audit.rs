//! Stage 7, `audit`: measures an article the way an SEO plugin does — keyphrase placement and
//! density, title width, meta description, text, section, paragraph and sentence length,
//! transition words, passive voice, sentence beginnings, reading ease — and rates each check
//! with a traffic light (good, ok, bad).
//!
//! The checks follow the rules the Yoast SEO plugin documents on its public help pages (the
//! assessment names are given in [`Check::yoast`]); the word lists (`data/<lang>/transitions.txt`,
//! `data/<lang>/audit.txt`) and the width table (`data/title-widths.txt`) are our own. Each
//! check carries a score on Yoast's 0–9 scale: above 7 is good, 5–7 ok, 4 or below bad.
//!
//! The audit reads a [`Page`]: built from a composed [`Article`] ([`Page::from_article`]),
//! from Markdown ([`Page::from_markdown`]) or from HTML ([`Page::from_html`]).
//!
//! ```
//! use copydesk::audit::{self, Page, Rating};
//! use copydesk::lang::{Lang, LanguagePack};
//! let pack = LanguagePack::load(Lang::Fr)?;
//! let md = "# La piscine rouvre\n\n## La piscine de Montbrac rouvre\n\nLa piscine de Montbrac rouvre samedi. Les travaux ont coûté 2 millions d’euros.\n";
//! let page = Page::from_markdown(md).with_keyphrase("piscine");
//! let report = audit::audit(&page, &pack);
//! assert_eq!(report.check("keyphrase-in-introduction").map(|c| c.rating), Some(Some(Rating::Good)));
//! assert!(audit::title_width_px("La piscine rouvre") > 100.0);
//! # Ok::<(), copydesk::Error>(())
//! ```
// Indexing is in bounds by construction: block, sentence and word indices come from the
// `Page` this module builds (its own splits of the same text), and window indices are guarded
// by the length checks beside them. Checked by the audit property tests (any Markdown or HTML).
#![allow(clippy::indexing_slicing)]

use crate::hash::{HashMap, HashMapExt, HashSet};
use std::sync::OnceLock;

use serde::Serialize;

use crate::compose::{Article, BlockKind};
use crate::lang::{Lang, LanguagePack};
use crate::text::{TokenKind, count_words, split_sentences, tokenize_into};

// ---------------------------------------------------------------------------------------------
// Title width
// ---------------------------------------------------------------------------------------------

/// The advance-width table (`data/title-widths.txt`, from Liberation Sans, Arial's metrics).
const WIDTHS: &str = include_str!("../data/title-widths.txt");

/// The font size a search result sets its title in, in px.
pub const TITLE_FONT_PX: f32 = 20.0;

/// The widest title a search result shows whole, in px (Yoast's title-width limit).
pub const TITLE_MAX_PX: f32 = 600.0;

struct WidthTable {
    upm: f32,
    widths: HashMap<char, u16>,
    fallback: u16,
}

fn width_table() -> &'static WidthTable {
    static TABLE: OnceLock<WidthTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut upm = 2048.0;
        let mut widths = HashMap::new();
        for line in WIDTHS.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut parts = line.split_whitespace();
            let (Some(a), Some(b)) = (parts.next(), parts.next()) else {
                continue;
            };
            if a == "upm" {
                upm = b.parse().unwrap_or(2048.0);
            } else if let (Ok(cp), Ok(w)) = (u32::from_str_radix(a, 16), b.parse::<u16>()) {
                if let Some(c) = char::from_u32(cp) {
                    widths.insert(c, w);
                }
            }
        }
        // A character the table lacks is counted as wide as an 'o' (a mid-width letter).
        let fallback = widths.get(&'o').copied().unwrap_or(1139);
        WidthTable {
            upm,
            widths,
            fallback,
        }
    })
}

/// Width of a single character in Arial at `px` pixels.
fn char_width(c: char, px: f32) -> f32 {
    let t = width_table();
    let units = t.widths.get(&c).copied().unwrap_or_else(|| {
        // Accented letters the table lacks take their base letter's width.
        deunicode::deunicode_char(c)
            .and_then(|s| s.chars().next())
            .and_then(|b| t.widths.get(&b).copied())
            .unwrap_or(t.fallback)
    });
    f32::from(units) * px / t.upm
}

/// The width of a title in pixels as a search result sets it: Arial at 20 px, the sum of
/// the characters' advance widths (no kerning), as Yoast's title-width check measures.
///
/// Widths come from `data/title-widths.txt` (Liberation Sans Regular, which has Arial's
/// advance widths; regenerate with `scripts/gen-title-widths.py`).
///
/// ```
/// use copydesk::audit::title_width_px;
/// assert_eq!(title_width_px(""), 0.0);
/// // 'W' is wider than 'i'.
/// assert!(title_width_px("WWW") > title_width_px("iii"));
/// // Arial's 'a' is 1139/2048 em: 11.12 px at 20 px.
/// assert!((title_width_px("a") - 11.123).abs() < 0.01);
/// ```
#[must_use]
pub fn title_width_px(title: &str) -> f32 {
    text_width_px(title, TITLE_FONT_PX)
}

/// The width of a text in Arial at `px` pixels (see [`title_width_px`]).
#[must_use]
pub fn text_width_px(text: &str, px: f32) -> f32 {
    text.chars().map(|c| char_width(c, px)).sum()
}

/// Cuts `text` so that it fits in `max_px` at `px` pixels, at a word boundary, with an
/// ellipsis — as a search result truncates a long title or description.
///
/// ```
/// use copydesk::audit::truncate_to_width;
/// assert_eq!(truncate_to_width("court", 20.0, 600.0), "court");
/// let long = "mot ".repeat(100);
/// let cut = truncate_to_width(&long, 20.0, 600.0);
/// assert!(cut.ends_with('…') && cut.len() < long.len());
/// ```
#[must_use]
pub fn truncate_to_width(text: &str, px: f32, max_px: f32) -> String {
    if text_width_px(text, px) <= max_px {
        return text.to_string();
    }
    let room = max_px - char_width('…', px);
    let mut width = 0.0;
    let mut end = 0;
    let mut last_space = None;
    for (i, c) in text.char_indices() {
        width += char_width(c, px);
        if width > room {
            break;
        }
        if c.is_whitespace() {
            last_space = Some(i);
        }
        end = i + c.len_utf8();
    }
    let cut = last_space.filter(|&s| s > end / 2).unwrap_or(end);
    format!("{}…", text[..cut].trim_end())
}

// ---------------------------------------------------------------------------------------------
// The page being audited
// ---------------------------------------------------------------------------------------------

/// What a body block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PageBlockKind {
    /// A heading of the given level (2–6 in the body; a leading H1 is the page headline).
    Heading(u8),
    /// A paragraph.
    Paragraph,
    /// A list item.
    ListItem,
}

/// One block of the body, in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PageBlock {
    /// Its kind.
    pub kind: PageBlockKind,
    /// Its plain text.
    pub text: String,
}

/// A link in the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PageLink {
    /// The target.
    pub href: String,
    /// The anchor text.
    pub text: String,
    /// Whether it carries `rel="nofollow"`.
    pub nofollow: bool,
}

/// What the audit reads: the snippet fields and the body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Page {
    /// The SEO title (the `<title>`).
    pub title: String,
    /// The on-page headline (a leading H1, kept out of the body).
    pub h1: Option<String>,
    /// The meta description.
    pub meta_description: String,
    /// The URL slug.
    pub slug: String,
    /// The focus keyphrase.
    pub keyphrase: String,
    /// The body, in reading order.
    pub blocks: Vec<PageBlock>,
    /// Alt texts of the body's images.
    pub images: Vec<String>,
    /// The body's links.
    pub links: Vec<PageLink>,
    /// The language when the page says it (`<html lang>`).
    pub lang: Option<Lang>,
    /// The page's own address when it gives one (`<link rel="canonical">`, else
    /// `<meta property="og:url">`): links to its host are internal.
    pub url: Option<String>,
}

impl Page {
    /// Sets the SEO title.
    #[must_use]
    pub fn with_title(mut self, title: impl Into<String>) -> Self {
        self.title = title.into();
        self
    }
    /// Sets the meta description.
    #[must_use]
    pub fn with_meta_description(mut self, meta: impl Into<String>) -> Self {
        self.meta_description = meta.into();
        self
    }
    /// Sets the slug.
    #[must_use]
    pub fn with_slug(mut self, slug: impl Into<String>) -> Self {
        self.slug = slug.into();
        self
    }
    /// Sets the focus keyphrase.
    #[must_use]
    pub fn with_keyphrase(mut self, keyphrase: impl Into<String>) -> Self {
        self.keyphrase = keyphrase.into();
        self
    }

    /// The page of a composed article: its title, meta, slug, keyphrase, headings, blocks
    /// (an FAQ gives its questions and answers as paragraphs) and images.
    #[must_use]
    pub fn from_article(article: &Article) -> Self {
        let mut blocks = Vec::new();
        for section in &article.sections {
            if let Some(h) = &section.heading {
                blocks.push(PageBlock {
                    kind: PageBlockKind::Heading(2),
                    text: h.clone(),
                });
            }
            for block in &section.blocks {
                match block.kind {
                    BlockKind::Paragraph => blocks.push(PageBlock {
                        kind: PageBlockKind::Paragraph,
                        text: block.text.clone(),
                    }),
                    BlockKind::List => blocks.extend(block.text.lines().map(|l| PageBlock {
                        kind: PageBlockKind::ListItem,
                        text: l.to_string(),
                    })),
                    BlockKind::Faq => {
                        for qa in &block.qa {
                            for t in [&qa.question, &qa.answer] {
                                blocks.push(PageBlock {
                                    kind: PageBlockKind::Paragraph,
                                    text: t.clone(),
                                });
                            }
                        }
                    }
                }
            }
        }
        Page {
            title: article.title.clone(),
            h1: Some(article.h1.clone()),
            meta_description: article.meta_description.clone(),
            slug: article.slug.clone(),
            keyphrase: article.focus_keyphrase.clone(),
            blocks,
            images: article.images.iter().map(|i| i.alt.clone()).collect(),
            links: Vec::new(),
            lang: Some(article.language),
            url: None,
        }
    }

    /// Reads a Markdown article (CommonMark): a leading `# H1` is the headline and, unless a
    /// title is set, the title; headings, paragraphs, list items, images and links make the
    /// body. Raw HTML is ignored.
    #[must_use]
    pub fn from_markdown(input: &str) -> Self {
        use pulldown_cmark::{Event, Parser, Tag, TagEnd};
        let mut page = Page::default();
        let mut text = String::new();
        let mut kind: Option<PageBlockKind> = None;
        let mut item_depth = 0usize;
        let mut image: Option<String> = None;
        let mut link: Option<(String, String)> = None;
        let flush = |page: &mut Page, kind: PageBlockKind, text: &mut String| {
            let t = collapse(text);
            text.clear();
            if !t.is_empty() {
                page.blocks.push(PageBlock { kind, text: t });
            }
        };
        for event in Parser::new(input) {
            match event {
                Event::Start(Tag::Heading { level, .. }) => {
                    text.clear();
                    kind = Some(PageBlockKind::Heading(level as u8));
                }
                Event::Start(Tag::Paragraph) if item_depth == 0 => {
                    text.clear();
                    kind = Some(PageBlockKind::Paragraph);
                }
                Event::Start(Tag::Item) => {
                    if item_depth > 0 {
                        if let Some(k) = kind {
                            flush(&mut page, k, &mut text);
                        }
                    }
                    item_depth += 1;
                    text.clear();
                    kind = Some(PageBlockKind::ListItem);
                }
                Event::End(TagEnd::Heading(_) | TagEnd::Item) => {
                    if let Some(k) = kind.take() {
                        flush(&mut page, k, &mut text);
                    }
                    if matches!(event, Event::End(TagEnd::Item)) {
                        item_depth = item_depth.saturating_sub(1);
                        if item_depth > 0 {
                            kind = Some(PageBlockKind::ListItem);
                        }
                    }
                }
                Event::End(TagEnd::Paragraph) if item_depth == 0 => {
                    if let Some(k) = kind.take() {
                        flush(&mut page, k, &mut text);
                    }
                }
                Event::Start(Tag::Image { .. }) => image = Some(String::new()),
                Event::End(TagEnd::Image) => {
                    if let Some(alt) = image.take() {
                        page.images.push(collapse(&alt));
                    }
                }
                Event::Start(Tag::Link { dest_url, .. }) => {
                    link = Some((dest_url.to_string(), String::new()));
                }
                Event::End(TagEnd::Link) => {
                    if let Some((href, t)) = link.take() {
                        page.links.push(PageLink {
                            href,
                            text: collapse(&t),
                            nofollow: false,
                        });
                    }
                }
                Event::Text(ref t) | Event::Code(ref t) => {
                    if let Some(alt) = image.as_mut() {
                        alt.push_str(t);
                    } else {
                        text.push_str(t);
                        if let Some((_, lt)) = link.as_mut() {
                            lt.push_str(t);
                        } else if matches!(event, Event::Text(_)) {
                            page.links.extend(autolinks(t));
                        }
                    }
                }
                Event::SoftBreak | Event::HardBreak => text.push(' '),
                _ => {}
            }
        }
        page.take_leading_h1();
        page
    }

    /// Reads an HTML page or fragment with a real HTML parser (scraper/html5ever): `<title>`,
    /// `<meta name="description">`, the slug from `<link rel="canonical">`, the keyphrase
    /// from `<meta name="keywords">` (its first entry), `<html lang>`; the body from the
    /// `<article>` (else `<main>`, else `<body>`), leaving out scripts, styles, navigation,
    /// forms and asides.
    #[must_use]
    pub fn from_html(input: &str) -> Self {
        use scraper::{ElementRef, Html};
        let doc = Html::parse_document(input);
        let root = doc.root_element();
        let mut page = Page::default();
        let mut og_url = None;
        for e in root.descendent_elements() {
            let v = e.value();
            match v.name() {
                "title" if page.title.is_empty() => {
                    page.title = collapse(&e.text().collect::<String>());
                }
                "meta" => {
                    let content = v.attr("content").unwrap_or("");
                    match v.attr("name").map(str::to_ascii_lowercase).as_deref() {
                        Some("description") if page.meta_description.is_empty() => {
                            page.meta_description = collapse(content);
                        }
                        Some("keywords") if page.keyphrase.is_empty() => {
                            page.keyphrase =
                                collapse(content.split(',').next().unwrap_or_default());
                        }
                        _ => {}
                    }
                    if v.attr("property") == Some("og:url") && !content.trim().is_empty() {
                        og_url = Some(content.trim().to_string());
                    }
                }
                "link"
                    if page.slug.is_empty()
                        && v.attr("rel")
                            .is_some_and(|r| r.eq_ignore_ascii_case("canonical")) =>
                {
                    let href = v.attr("href").unwrap_or("").trim();
                    page.slug = slug_of(href);
                    page.url = Some(href.to_string()).filter(|h| !h.is_empty());
                }
                "html" => page.lang = v.attr("lang").and_then(Lang::parse),
                _ => {}
            }
        }
        if page.url.is_none() {
            page.url = og_url;
        }
        let main = crate::markup::article_root(&doc);

        fn walk(el: ElementRef<'_>, page: &mut Page) {
            for child in el.children() {
                let Some(c) = ElementRef::wrap(child) else {
                    continue;
                };
                let name = c.value().name();
                let kind = match name {
                    "script" | "style" | "nav" | "noscript" | "template" | "form" | "aside"
                    | "header" | "footer" | "button" | "svg" => continue,
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                        Some(PageBlockKind::Heading(name[1..].parse::<u8>().unwrap_or(2)))
                    }
                    "p" => Some(PageBlockKind::Paragraph),
                    "li" if !c
                        .descendent_elements()
                        .skip(1)
                        .any(|d| matches!(d.value().name(), "p" | "ul" | "ol" | "li" | "div")) =>
                    {
                        Some(PageBlockKind::ListItem)
                    }
                    "img" => {
                        page.images
                            .push(collapse(c.value().attr("alt").unwrap_or_default()));
                        None
                    }
                    "a" => {
                        if let Some(href) = c.value().attr("href") {
                            page.links.push(PageLink {
                                href: href.to_string(),
                                text: collapse(&c.text().collect::<String>()),
                                nofollow: c.value().attr("rel").is_some_and(|r| {
                                    r.split_whitespace()
                                        .any(|w| w.eq_ignore_ascii_case("nofollow"))
                                }),
                            });
                        }
                        for img in c
                            .descendent_elements()
                            .filter(|d| d.value().name() == "img")
                        {
                            page.images
                                .push(collapse(img.value().attr("alt").unwrap_or_default()));
                        }
                        None
                    }
                    _ => {
                        walk(c, page);
                        None
                    }
                };
                if let Some(kind) = kind {
                    let t = collapse(&c.text().collect::<String>());
                    if !t.is_empty() {
                        page.blocks.push(PageBlock { kind, text: t });
                    }
                    for d in c.descendent_elements() {
                        match d.value().name() {
                            "img" => page
                                .images
                                .push(collapse(d.value().attr("alt").unwrap_or_default())),
                            "a" => {
                                if let Some(href) = d.value().attr("href") {
                                    page.links.push(PageLink {
                                        href: href.to_string(),
                                        text: collapse(&d.text().collect::<String>()),
                                        nofollow: d.value().attr("rel").is_some_and(|r| {
                                            r.split_whitespace()
                                                .any(|w| w.eq_ignore_ascii_case("nofollow"))
                                        }),
                                    });
                                }
                            }
                            _ => {}
                        }
                    }
                }
            }
        }
        walk(main, &mut page);
        page.take_leading_h1();
        page
    }

    /// A leading H1 is the headline: out of the body, and the title when none is set.
    fn take_leading_h1(&mut self) {
        if let Some(PageBlock {
            kind: PageBlockKind::Heading(1),
            ..
        }) = self.blocks.first()
        {
            let h1 = self.blocks.remove(0).text;
            if self.title.is_empty() {
                self.title.clone_from(&h1);
            }
            self.h1 = Some(h1);
        }
    }

    /// The body text: every block, one a line.
    #[must_use]
    pub fn body_text(&self) -> String {
        self.blocks
            .iter()
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Bare web addresses in Markdown text (`www.example.org`, `https://example.org/a`), which
/// GitHub-flavoured Markdown makes links (its "autolink literal" extension; Yoast reads
/// Markdown that way).
fn autolinks(text: &str) -> Vec<PageLink> {
    text.split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '<' | '>' | '"'))
        .map(|w| w.trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '’']))
        .filter(|w| {
            let l = w.to_ascii_lowercase();
            (l.starts_with("http://") || l.starts_with("https://") || l.starts_with("www."))
                && w.len() > 8
                && w[4..].contains('.')
        })
        .map(|w| PageLink {
            href: if w.to_ascii_lowercase().starts_with("www.") {
                format!("http://{w}")
            } else {
                w.to_string()
            },
            text: w.to_string(),
            nofollow: false,
        })
        .collect()
}

/// The host of an absolute URL, lowercase (`https://Example.org/a` → `example.org`).
fn url_host(url: &str) -> Option<String> {
    let rest = url.split_once("//")?.1;
    let host = rest.split(['/', '?', '#']).next()?.to_ascii_lowercase();
    (!host.is_empty()).then_some(host)
}

/// The slug of a URL or path: its last non-empty path segment, without query or fragment.
fn slug_of(href: &str) -> String {
    let path = href.split(['?', '#']).next().unwrap_or_default();
    path.rsplit('/')
        .find(|s| !s.is_empty() && !s.contains(':'))
        .unwrap_or_default()
        .trim_end_matches(".html")
        .to_string()
}

/// Collapses runs of HTML white space (space, tab, line breaks, form feed) to one space and
/// trims; no-break spaces are text and stay.
fn collapse(s: &str) -> String {
    s.split([' ', '\t', '\n', '\r', '\x0c'])
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

// ---------------------------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------------------------

/// A traffic-light rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Rating {
    /// Red.
    Bad,
    /// Orange.
    Ok,
    /// Green.
    Good,
}

impl Rating {
    /// The rating of a score on the 0–9 scale: above 7 good, 5–7 ok, 4 or below bad.
    #[must_use]
    pub fn of_score(score: i32) -> Rating {
        if score > 7 {
            Rating::Good
        } else if score >= 5 {
            Rating::Ok
        } else {
            Rating::Bad
        }
    }

    /// `good`, `ok` or `bad`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Rating::Good => "good",
            Rating::Ok => "ok",
            Rating::Bad => "bad",
        }
    }
}

/// Which score a check feeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Group {
    /// Search: keyphrase, title, meta, slug, length, images, links.
    Seo,
    /// Readability: sections, paragraphs, sentences, transitions, passive, reading ease.
    Readability,
}

/// One check's result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Check {
    /// Its id (`keyphrase-in-title`); the rule id is `audit.<id>`.
    pub id: &'static str,
    /// The Yoast assessment it follows, when there is one (`keyphraseInSEOTitle`).
    pub yoast: Option<&'static str>,
    /// SEO or readability.
    pub group: Group,
    /// The score on the 0–9 scale (`None` when the check does not apply).
    pub score: Option<i32>,
    /// The traffic light (`None` when the check does not apply).
    pub rating: Option<Rating>,
    /// The measured value (a share in %, a count, a width in px…).
    pub value: f64,
    /// What was found, in English.
    pub message: String,
}

/// The audit of one page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Audit {
    /// The language the text was read in.
    pub language: Lang,
    /// The keyphrase audited.
    pub keyphrase: String,
    /// Words in the body (the contract's rule).
    pub word_count: usize,
    /// Sentences in the body.
    pub sentence_count: usize,
    /// The SEO score: 100 × the sum of the scores ÷ (9 × the checks that apply), clamped at 0.
    pub seo_score: u32,
    /// The readability score: 90, 60 or 30 by penalty points (3 a bad check, 2 an ok one:
    /// ≤ 4 → 90, 5–6 → 60, more → 30).
    pub readability_score: u32,
    /// Every check, SEO first.
    pub checks: Vec<Check>,
}

impl Audit {
    /// The check with this id.
    #[must_use]
    pub fn check(&self, id: &str) -> Option<&Check> {
        self.checks.iter().find(|c| c.id == id)
    }

    /// The report as plain text: one line a check.
    #[must_use]
    pub fn to_text(&self) -> String {
        let mut out = format!(
            "audit ({}) keyphrase \"{}\": SEO {}/100, readability {}/100, {} words, {} sentences\n",
            self.language.code(),
            self.keyphrase,
            self.seo_score,
            self.readability_score,
            self.word_count,
            self.sentence_count
        );
        for c in &self.checks {
            out.push_str(&format!(
                "{:<5} {:<26} {}\n",
                c.rating.map_or("n/a", Rating::as_str),
                c.id,
                c.message
            ));
        }
        out
    }
}

/// The JSON wire name of `copydesk audit --format json`.
pub const AUDIT_SCHEMA: &str = "copydesk.audit/1";

// ---------------------------------------------------------------------------------------------
// Language lists
// ---------------------------------------------------------------------------------------------

/// The audit's word lists for one language, parsed once.
struct Lists {
    /// Connectors as token sequences.
    transitions: Vec<Vec<String>>,
    be_forms: HashSet<String>,
    between: HashSet<String>,
    participles: HashSet<String>,
    not_passive: HashSet<String>,
    beginning_skips: HashSet<String>,
}

fn transitions_source(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => include_str!("../data/fr/transitions.txt"),
        Lang::En => include_str!("../data/en/transitions.txt"),
    }
}

fn audit_source(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => include_str!("../data/fr/audit.txt"),
        Lang::En => include_str!("../data/en/audit.txt"),
    }
}

fn lists(pack: &LanguagePack) -> &'static Lists {
    static FR: OnceLock<Lists> = OnceLock::new();
    static EN: OnceLock<Lists> = OnceLock::new();
    let cell = match pack.lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    };
    cell.get_or_init(|| {
        let transitions = transitions_source(pack.lang)
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| {
                words(l, pack)
                    .into_iter()
                    .map(|w| w.text)
                    .collect::<Vec<_>>()
            })
            .filter(|w| !w.is_empty())
            .collect();
        let mut sections: HashMap<&str, HashSet<String>> = HashMap::new();
        let mut current = "";
        for line in audit_source(pack.lang).lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                current = name;
                continue;
            }
            sections
                .entry(current)
                .or_default()
                .insert(line.replace('\'', "’"));
        }
        let mut take = |k: &str| sections.remove(k).unwrap_or_default();
        Lists {
            transitions,
            be_forms: take("be-forms"),
            between: take("between"),
            participles: take("participles"),
            not_passive: take("not-passive"),
            beginning_skips: take("beginning-skips"),
        }
    })
}

// ---------------------------------------------------------------------------------------------
// Words and sentences
// ---------------------------------------------------------------------------------------------

/// A word as the audit matches it: lowercase, apostrophe `’`.
#[derive(Debug, Clone)]
struct Word {
    text: String,
    /// An elided function word (`l’`, `qu’`).
    elision: bool,
}

/// The words of a text, from the crate's tokenizer (words, numbers and elisions, lowercase).
fn words(text: &str, pack: &LanguagePack) -> Vec<Word> {
    let mut toks = Vec::new();
    tokenize_into(text, 0..text.len(), 0, pack, &mut toks);
    toks.iter()
        .filter(|t| t.kind != TokenKind::Punct)
        .map(|t| Word {
            text: text[t.span()].to_lowercase().replace('\'', "’"),
            elision: t.kind == TokenKind::Elision,
        })
        .collect()
}

/// The words a keyphrase is matched on: words split at hyphens, elisions dropped.
fn match_words(text: &str, pack: &LanguagePack) -> Vec<String> {
    words(text, pack)
        .into_iter()
        .filter(|w| !w.elision)
        .flat_map(|w| {
            w.text
                .split('-')
                .filter(|p| !p.is_empty())
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

fn is_function_word(w: &str, pack: &LanguagePack) -> bool {
    w.chars().count() < 2 || pack.stopwords.contains(w) || pack.words.determiners.contains(w)
}

/// The keyphrase's content words (function words dropped, unless nothing else is left).
fn content_words(keyphrase: &str, pack: &LanguagePack) -> Vec<String> {
    let all = match_words(keyphrase, pack);
    let content: Vec<String> = all
        .iter()
        .filter(|w| !is_function_word(w, pack))
        .cloned()
        .collect();
    if content.is_empty() { all } else { content }
}

/// How many times the keyphrase occurs in a sentence: every content word must be there, in
/// any order; the count is the fewest occurrences of one of them.
fn occurrences(sentence_words: &[String], content: &[String]) -> usize {
    content
        .iter()
        .map(|k| sentence_words.iter().filter(|w| *w == k).count())
        .min()
        .unwrap_or(0)
}

/// A sentence of the body (headings and list items included) with the block it stands in.
struct Sent {
    text: String,
    words: usize,
    block: usize,
}

fn sentences(page: &Page, pack: &LanguagePack) -> Vec<Sent> {
    let mut out = Vec::new();
    // Headings count as sentences, as Yoast's text analysis reads them.
    for (i, b) in page.blocks.iter().enumerate() {
        for span in split_sentences(&b.text, pack) {
            let t = b.text[span].trim();
            let n = count_words(t);
            if n > 0 {
                out.push(Sent {
                    text: t.to_string(),
                    words: n,
                    block: i,
                });
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Syllables and reading ease
// ---------------------------------------------------------------------------------------------

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'e'
            | 'i'
            | 'o'
            | 'u'
            | 'y'
            | 'à'
            | 'â'
            | 'ä'
            | 'é'
            | 'è'
            | 'ê'
            | 'ë'
            | 'î'
            | 'ï'
            | 'ô'
            | 'ö'
            | 'ù'
            | 'û'
            | 'ü'
            | 'œ'
            | 'æ'
    )
}

/// Syllables of a French word (rule `audit.syllables-fr`): the groups of written vowels, less
/// a final mute `e`/`es` after a consonant, and a mute third-person `-ent` after a
/// consonant when the word is a verb form the pack recognises by its ending. At least one.
///
/// `maison` → 2, `école` → 3 (é-co-l(e)), `rues` → 1, `ils parlent` → `parlent` 2 by
/// the vowel count (the mute `-ent` is kept: the written form cannot tell *parlent* from
/// *moment*), `oiseau` → 2 (oi-seau).
#[must_use]
pub fn syllables_fr(word: &str) -> usize {
    let w: Vec<char> = word
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    let mut groups = 0;
    let mut prev = false;
    for &c in &w {
        let v = is_vowel(c);
        if v && !prev {
            groups += 1;
        }
        prev = v;
    }
    // A final mute e (or es) after a consonant: rue, rues, école, grandes.
    let n = w.len();
    let mute = match w.as_slice() {
        [.., c, 'e'] | [.., c, 'e', 's'] => !is_vowel(*c),
        _ => false,
    };
    if mute && groups > 1 && n > 2 {
        groups -= 1;
    }
    groups.max(1)
}

/// Syllables of an English word (rule `audit.syllables-en`): vowel groups, less a final
/// silent `e` (but not `-le`), at least one. `reading` → 2, `make` → 1, `table` → 2.
#[must_use]
pub fn syllables_en(word: &str) -> usize {
    let w: Vec<char> = word
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    let mut groups: usize = 0;
    let mut prev = false;
    for &c in &w {
        let v = matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
        if v && !prev {
            groups += 1;
        }
        prev = v;
    }
    if let [.., a, b, 'e'] = w.as_slice() {
        if !matches!(b, 'a' | 'e' | 'i' | 'o' | 'u' | 'y') && (*b != 'l' || is_vowel(*a)) {
            groups = groups.saturating_sub(1);
        }
    }
    groups.max(1)
}

/// Flesch reading ease: French by Kandel & Moles (207 − 1.015 × words/sentence − 73.6 ×
/// syllables/word), English by Flesch (206.835 − 1.015 × words/sentence − 84.6 ×
/// syllables/word).
#[must_use]
pub fn flesch(lang: Lang, words: usize, sentences: usize, syllables: usize) -> f64 {
    if words == 0 || sentences == 0 {
        return 0.0;
    }
    let wps = words as f64 / sentences as f64;
    let spw = syllables as f64 / words as f64;
    match lang {
        Lang::Fr => 207.0 - 1.015 * wps - 73.6 * spw,
        Lang::En => 206.835 - 1.015 * wps - 84.6 * spw,
    }
}

// ---------------------------------------------------------------------------------------------
// The checks
// ---------------------------------------------------------------------------------------------

fn check(
    id: &'static str,
    yoast: Option<&'static str>,
    group: Group,
    score: Option<i32>,
    value: f64,
    message: String,
) -> Check {
    Check {
        id,
        yoast,
        group,
        score,
        rating: score.map(Rating::of_score),
        value,
        message,
    }
}

/// Audits a page in the language of `pack`: every check, with its traffic light.
#[must_use]
pub fn audit(page: &Page, pack: &LanguagePack) -> Audit {
    let lists = lists(pack);
    let content = if page.keyphrase.trim().is_empty() {
        Vec::new()
    } else {
        content_words(&page.keyphrase, pack)
    };
    let has_kp = !content.is_empty();
    let body = page.body_text();
    let word_count = count_words(&body);
    let sents = sentences(page, pack);
    let sent_words: Vec<Vec<String>> = sents.iter().map(|s| match_words(&s.text, pack)).collect();
    let mut checks = Vec::new();
    let seo = Group::Seo;
    let read = Group::Readability;

    // keyphrase-length: 1–4 content words good, 5–8 ok, more bad (Yoast keyphraseLength).
    let l = content.len();
    checks.push(check(
        "keyphrase-length",
        Some("keyphraseLength"),
        seo,
        Some(match l {
            0 => -999,
            1..=4 => 9,
            5..=8 => 6,
            _ => 3,
        }),
        l as f64,
        if l == 0 {
            "no focus keyphrase: give one (--keyphrase)".into()
        } else {
            format!("the keyphrase has {l} content words (1–4 is best)")
        },
    ));

    // keyphrase-in-title: at the start good; anywhere, or all words in any order, ok.
    let (score, msg) = if !has_kp {
        (2, "no keyphrase to look for".to_string())
    } else {
        let all_kp = match_words(&page.keyphrase, pack);
        let tw = match_words(&page.title, pack);
        let skip =
            |v: &[String]| -> usize { v.iter().take_while(|w| is_function_word(w, pack)).count() };
        let kp_core = &all_kp[skip(&all_kp)..];
        let t_core = &tw[skip(&tw)..];
        let exact_at = |hay: &[String], needle: &[String]| {
            !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
        };
        if !kp_core.is_empty() && t_core.starts_with(kp_core) {
            (9, "the title starts with the keyphrase".to_string())
        } else if exact_at(&tw, kp_core) {
            (
                6,
                "the keyphrase is in the title, not at its start".to_string(),
            )
        } else if content.iter().all(|k| tw.contains(k)) {
            (
                6,
                "the keyphrase words are in the title, not as one phrase".to_string(),
            )
        } else {
            (2, "the keyphrase is not in the title".to_string())
        }
    };
    checks.push(check(
        "keyphrase-in-title",
        Some("keyphraseInSEOTitle"),
        seo,
        Some(score),
        f64::from(score),
        msg,
    ));

    // keyphrase-in-introduction: the first paragraph.
    let first_par = page
        .blocks
        .iter()
        .position(|b| b.kind == PageBlockKind::Paragraph);
    let (score, msg) = match first_par {
        _ if !has_kp => (3, "no keyphrase to look for".to_string()),
        None => (3, "there is no first paragraph".to_string()),
        Some(p) => {
            let in_one = sents
                .iter()
                .zip(&sent_words)
                .any(|(s, w)| s.block == p && occurrences(w, &content) > 0);
            let pw = match_words(&page.blocks[p].text, pack);
            if in_one {
                (9, "the first paragraph holds the keyphrase".to_string())
            } else if content.iter().all(|k| pw.contains(k)) {
                (
                    6,
                    "the keyphrase words are in the first paragraph, not in one sentence".into(),
                )
            } else {
                (3, "the first paragraph lacks the keyphrase".to_string())
            }
        }
    };
    checks.push(check(
        "keyphrase-in-introduction",
        Some("introductionKeyword"),
        seo,
        Some(score),
        f64::from(score),
        msg,
    ));

    // keyphrase-in-meta: once or twice.
    let meta_count: usize = split_sentences(&page.meta_description, pack)
        .into_iter()
        .map(|s| occurrences(&match_words(&page.meta_description[s], pack), &content))
        .sum();
    checks.push(check(
        "keyphrase-in-meta",
        Some("metaDescriptionKeyword"),
        seo,
        Some(if has_kp && (1..=2).contains(&meta_count) {
            9
        } else {
            3
        }),
        meta_count as f64,
        format!(
            "the keyphrase is {meta_count} time{} in the meta description (1–2 is best)",
            if meta_count == 1 { "" } else { "s" }
        ),
    ));

    // meta-length: 121–156 characters good.
    let meta_len = page.meta_description.chars().count();
    checks.push(check(
        "meta-length",
        Some("metaDescriptionLength"),
        seo,
        Some(match meta_len {
            0 => 1,
            121..=156 => 9,
            _ => 6,
        }),
        meta_len as f64,
        format!("the meta description has {meta_len} characters (121–156 is best)"),
    ));

    // keyphrase-in-slug.
    let slug_words: Vec<String> = page
        .slug
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let ascii_kp: Vec<String> = content
        .iter()
        .map(|w| {
            deunicode::deunicode(w)
                .to_lowercase()
                .replace(|c: char| !c.is_ascii_alphanumeric(), "")
        })
        .collect();
    let found = ascii_kp.iter().filter(|k| slug_words.contains(k)).count();
    let slug_score = if !has_kp || slug_words.is_empty() {
        3
    } else if ascii_kp.len() <= 2 {
        if found == ascii_kp.len() { 9 } else { 6 }
    } else if found * 2 > ascii_kp.len() {
        9
    } else {
        6
    };
    checks.push(check(
        "keyphrase-in-slug",
        Some("slugKeyword"),
        seo,
        Some(slug_score),
        found as f64,
        format!(
            "{found} of {} keyphrase words in the slug \"{}\"",
            ascii_kp.len(),
            page.slug
        ),
    ));

    // keyphrase-in-subheadings: 30–75 % of the H2/H3.
    let subheads: Vec<&PageBlock> = page
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, PageBlockKind::Heading(2 | 3)))
        .collect();
    let with_kp = subheads
        .iter()
        .filter(|h| {
            let w = match_words(&h.text, pack);
            has_kp && content.iter().all(|k| w.contains(k))
        })
        .count();
    let n = subheads.len();
    let share = if n == 0 {
        0.0
    } else {
        100.0 * with_kp as f64 / n as f64
    };
    let (score, msg) = if n == 0 {
        if word_count < 300 {
            (9, "no subheadings; fine for a short text".to_string())
        } else {
            (2, "no subheadings".to_string())
        }
    } else {
        let lo = (n * 3).div_ceil(10);
        let hi = n * 3 / 4;
        let ok = (n == 1 && with_kp == 1) || (with_kp >= lo.max(1) && with_kp <= hi);
        (
            if ok { 9 } else { 3 },
            format!("{with_kp} of {n} subheadings hold the keyphrase (30–75 % is best)"),
        )
    };
    checks.push(check(
        "keyphrase-in-subheadings",
        Some("subheadingsKeyword"),
        seo,
        Some(score),
        round1(share),
        msg,
    ));

    // keyphrase-density: 0.5–3 %, weighted for longer keyphrases.
    let count: usize = sent_words.iter().map(|w| occurrences(w, &content)).sum();
    let density = if word_count == 0 {
        0.0
    } else {
        100.0 * count as f64 / word_count as f64
    };
    let weighted = density * (0.7 + l as f64 / 3.0);
    let score = if !has_kp || word_count == 0 {
        -50
    } else if word_count < 100 {
        let max = if word_count <= 50 { 1 } else { 2 };
        if (1..=max).contains(&count) { 9 } else { 4 }
    } else if count <= 1 || weighted < 0.5 {
        4
    } else if weighted <= 3.0 {
        9
    } else if weighted <= 4.0 {
        -10
    } else {
        -50
    };
    checks.push(check(
        "keyphrase-density",
        Some("keyphraseDensity"),
        seo,
        Some(score),
        (density * 100.0).round() / 100.0,
        format!(
            "the keyphrase occurs {count} times in {word_count} words: {density:.2} % (0.5–3 % is best)"
        ),
    ));

    // text-length: 300 words or more.
    checks.push(check(
        "text-length",
        Some("textLength"),
        seo,
        Some(match word_count {
            300.. => 9,
            250..=299 => 6,
            200..=249 => 3,
            100..=199 => -10,
            _ => -20,
        }),
        word_count as f64,
        format!("{word_count} words (300 or more is best)"),
    ));

    // title-width: up to 600 px.
    let width = title_width_px(&page.title);
    checks.push(check(
        "title-width",
        Some("titleWidth"),
        seo,
        Some(if page.title.trim().is_empty() {
            1
        } else if width <= TITLE_MAX_PX {
            9
        } else {
            3
        }),
        f64::from((width * 10.0).round() / 10.0),
        format!("the title is {width:.0} px wide in Arial 20 px (600 at most)"),
    ));

    // images and the keyphrase in their alt text.
    let n_img = page.images.len();
    checks.push(check(
        "images",
        Some("images"),
        seo,
        Some(if n_img > 0 { 9 } else { 3 }),
        n_img as f64,
        format!("{n_img} images"),
    ));
    let alt_kp = page
        .images
        .iter()
        .filter(|a| {
            let w = match_words(a, pack);
            has_kp && content.iter().all(|k| w.contains(k))
        })
        .count();
    let img_score = if n_img == 0 || !has_kp {
        3
    } else if (n_img < 5 && alt_kp >= 1)
        || (n_img == 5 && (2..=4).contains(&alt_kp))
        || (n_img > 5 && alt_kp * 10 >= n_img * 3 && alt_kp * 4 <= n_img * 3)
    {
        9
    } else {
        6
    };
    checks.push(check(
        "image-keyphrase",
        Some("imageKeyphrase"),
        seo,
        Some(img_score),
        alt_kp as f64,
        format!("{alt_kp} of {n_img} image alt texts hold the keyphrase"),
    ));

    // links: internal and outbound.
    // An absolute link is outbound unless it goes to the page's own host.
    let own_host = page.url.as_deref().and_then(url_host);
    let is_outbound = |h: &str| {
        let l = h.to_ascii_lowercase();
        (l.starts_with("http://") || l.starts_with("https://") || l.starts_with("//"))
            && (own_host.is_none() || url_host(h) != own_host)
    };
    let real: Vec<&PageLink> = page
        .links
        .iter()
        .filter(|l| !l.href.starts_with('#') && !l.href.starts_with("mailto:"))
        .collect();
    for (id, yoast, outbound) in [
        ("outbound-links", "externalLinks", true),
        ("internal-links", "internalLinks", false),
    ] {
        let these: Vec<&&PageLink> = real
            .iter()
            .filter(|l| is_outbound(&l.href) == outbound)
            .collect();
        let nofollow = these.iter().filter(|l| l.nofollow).count();
        let score = if these.is_empty() {
            3
        } else if nofollow == these.len() {
            7
        } else if nofollow > 0 {
            8
        } else {
            9
        };
        checks.push(check(
            id,
            Some(yoast),
            seo,
            Some(score),
            these.len() as f64,
            format!(
                "{} {} links",
                these.len(),
                if outbound { "outbound" } else { "internal" }
            ),
        ));
    }
    let competing = real
        .iter()
        .filter(|l| {
            let w = match_words(&l.text, pack);
            has_kp && content.iter().all(|k| w.contains(k))
        })
        .count();
    checks.push(check(
        "competing-links",
        Some("textCompetingLinks"),
        seo,
        Some(if competing > 0 { 2 } else { 8 }),
        competing as f64,
        format!("{competing} links have the keyphrase as anchor text"),
    ));
    let h1s = page
        .blocks
        .iter()
        .filter(|b| b.kind == PageBlockKind::Heading(1))
        .count();
    checks.push(check(
        "single-h1",
        Some("singleH1"),
        seo,
        Some(if h1s > 0 { 1 } else { 8 }),
        h1s as f64,
        format!("{h1s} H1 headings in the body besides the headline"),
    ));

    // ----- readability -----

    // section-length: at most 300 words between subheadings (for texts over 300 words).
    let mut sections: Vec<usize> = vec![0];
    let mut headed = false;
    for b in &page.blocks {
        if matches!(b.kind, PageBlockKind::Heading(_)) {
            sections.push(0);
            headed = true;
        } else if let Some(last) = sections.last_mut() {
            *last += count_words(&b.text);
        }
    }
    let longest = sections.iter().skip(1).copied().max().unwrap_or(0);
    let intro = sections.first().copied().unwrap_or(0);
    let (score, value, msg) = if word_count <= 300 {
        (
            Some(9),
            longest.max(intro) as f64,
            "the text is short enough to need no more subheadings".to_string(),
        )
    } else if !headed {
        (
            Some(2),
            word_count as f64,
            "no subheadings in a text over 300 words".into(),
        )
    } else {
        let worst = longest.max(intro);
        let score = match worst {
            0..=300 => 9,
            301..=350 => 6,
            _ => 3,
        };
        (
            Some(score),
            worst as f64,
            format!("the longest section has {worst} words (300 at most)"),
        )
    };
    checks.push(check(
        "section-length",
        Some("subheadingsTooLong"),
        read,
        score,
        value,
        msg,
    ));

    // paragraph-length: at most 150 words.
    let longest_par = page
        .blocks
        .iter()
        .filter(|b| b.kind == PageBlockKind::Paragraph)
        .map(|b| count_words(&b.text))
        .max()
        .unwrap_or(0);
    checks.push(check(
        "paragraph-length",
        Some("textParagraphTooLong"),
        read,
        Some(match longest_par {
            0..=150 => 9,
            151..=200 => 6,
            _ => 3,
        }),
        longest_par as f64,
        format!("the longest paragraph has {longest_par} words (150 at most)"),
    ));

    // sentence-length: at most 25 % of sentences over 20 words.
    let n_sent = sents.len();
    let long = sents.iter().filter(|s| s.words > 20).count();
    let long_share = percent(long, n_sent);
    checks.push(check(
        "sentence-length",
        Some("textSentenceLength"),
        read,
        Some(if n_sent == 0 || long_share <= 25.0 {
            9
        } else if long_share <= 30.0 {
            6
        } else {
            3
        }),
        round1(long_share),
        format!(
            "{long} of {n_sent} sentences have over 20 words: {long_share:.1} % (25 % at most)"
        ),
    ));

    // transition-words: at least 30 % of sentences.
    let with_transition = sents
        .iter()
        .filter(|s| has_transition(&s.text, &lists.transitions, pack))
        .count();
    let tr_share = percent(with_transition, n_sent);
    checks.push(check(
        "transition-words",
        Some("textTransitionWords"),
        read,
        Some(if word_count < 200 || tr_share >= 30.0 {
            9
        } else if tr_share >= 20.0 {
            6
        } else {
            3
        }),
        round1(tr_share),
        format!(
            "{with_transition} of {n_sent} sentences hold a transition word: {tr_share:.1} % (30 % or more)"
        ),
    ));

    // passive-voice: at most 10 % of sentences.
    let passive = sents
        .iter()
        .filter(|s| is_passive(&s.text, lists, pack))
        .count();
    let passive_share = percent(passive, n_sent);
    checks.push(check(
        "passive-voice",
        Some("passiveVoice"),
        read,
        Some(if passive_share <= 10.0 {
            9
        } else if passive_share <= 15.0 {
            6
        } else {
            3
        }),
        round1(passive_share),
        format!("{passive} of {n_sent} sentences are passive: {passive_share:.1} % (10 % at most)"),
    ));

    // sentence-beginnings: no three consecutive sentences opening with the same word.
    let openers: Vec<String> = sents.iter().map(|s| opener(&s.text, lists, pack)).collect();
    let mut run = 1;
    let mut worst_run = usize::from(!openers.is_empty());
    let mut worst_word = String::new();
    for pair in openers.windows(2) {
        if !pair[0].is_empty() && pair[0] == pair[1] {
            run += 1;
            if run > worst_run {
                worst_run = run;
                worst_word.clone_from(&pair[1]);
            }
        } else {
            run = 1;
        }
    }
    checks.push(check(
        "sentence-beginnings",
        Some("sentenceBeginnings"),
        read,
        Some(if worst_run >= 3 { 3 } else { 9 }),
        worst_run as f64,
        if worst_run >= 3 {
            format!("{worst_run} consecutive sentences open with \"{worst_word}\"")
        } else {
            "no three consecutive sentences open with the same word".into()
        },
    ));

    // flesch-reading-ease: Kandel–Moles for French; 60 or more good, 50–60 ok.
    let (mut syl, mut nw) = (0, 0);
    for s in &sents {
        for w in words(&s.text, pack) {
            if w.text.chars().any(char::is_alphabetic) {
                nw += 1;
                syl += match pack.lang {
                    Lang::Fr => syllables_fr(&w.text),
                    Lang::En => syllables_en(&w.text),
                };
            } else if w.text.chars().any(char::is_numeric) {
                nw += 1;
                syl += 1;
            }
        }
    }
    let fre = flesch(pack.lang, nw, n_sent, syl);
    checks.push(check(
        "flesch-reading-ease",
        None,
        read,
        (n_sent > 0).then_some(if fre >= 60.0 {
            9
        } else if fre >= 50.0 {
            6
        } else {
            3
        }),
        round1(fre),
        format!(
            "reading ease {fre:.1} ({}; 60 or more is best)",
            flesch_band(fre)
        ),
    ));

    let seo_sum: i32 = checks
        .iter()
        .filter(|c| c.group == Group::Seo)
        .filter_map(|c| c.score)
        .sum();
    let seo_n = checks
        .iter()
        .filter(|c| c.group == Group::Seo && c.score.is_some())
        .count();
    let seo_score = if seo_n == 0 {
        0
    } else {
        (100.0 * f64::from(seo_sum) / (9.0 * seo_n as f64))
            .round()
            .max(0.0) as u32
    };
    let penalty: u32 = checks
        .iter()
        .filter(|c| c.group == Group::Readability && c.yoast.is_some())
        .map(|c| match c.rating {
            Some(Rating::Bad) => 3,
            Some(Rating::Ok) => 2,
            _ => 0,
        })
        .sum();
    let readability_score = match penalty {
        0..=4 => 90,
        5..=6 => 60,
        _ => 30,
    };
    Audit {
        language: pack.lang,
        keyphrase: page.keyphrase.clone(),
        word_count,
        sentence_count: n_sent,
        seo_score,
        readability_score,
        checks,
    }
}

/// Audits a composed article (see [`Page::from_article`]).
#[must_use]
pub fn audit_article(article: &Article, pack: &LanguagePack) -> Audit {
    audit(&Page::from_article(article), pack)
}

fn percent(n: usize, of: usize) -> f64 {
    if of == 0 {
        0.0
    } else {
        100.0 * n as f64 / of as f64
    }
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// The band of a reading-ease score.
#[must_use]
pub fn flesch_band(score: f64) -> &'static str {
    match score {
        s if s >= 90.0 => "very easy",
        s if s >= 80.0 => "easy",
        s if s >= 70.0 => "fairly easy",
        s if s >= 60.0 => "okay",
        s if s >= 50.0 => "fairly difficult",
        s if s >= 30.0 => "difficult",
        _ => "very difficult",
    }
}

/// Whether a sentence holds one of the connectors, as a run of whole words (rule
/// `audit.transition-words`).
fn has_transition(sentence: &str, transitions: &[Vec<String>], pack: &LanguagePack) -> bool {
    let w: Vec<String> = words(sentence, pack).into_iter().map(|w| w.text).collect();
    transitions
        .iter()
        .any(|t| w.windows(t.len()).any(|win| win == t.as_slice()))
}

/// A French participle without its agreement (`partis` → `parti`, `évacuées` → `évacué`).
fn base_form(w: &str, lang: Lang) -> &str {
    match lang {
        Lang::Fr => w
            .strip_suffix("es")
            .or_else(|| w.strip_suffix('e'))
            .or_else(|| w.strip_suffix('s'))
            .unwrap_or(w),
        Lang::En => w,
    }
}

/// Whether a participle form (any agreement) is known: `-é(e)(s)` or listed irregular.
fn is_participle(w: &str, lists: &Lists, lang: Lang) -> bool {
    if lists.not_passive.contains(w) {
        return false;
    }
    match lang {
        Lang::Fr => {
            let base = base_form(w, lang);
            if lists.not_passive.contains(base) || lists.be_forms.contains(w) {
                return false;
            }
            (base.ends_with('é') && base.chars().count() > 2)
                || lists.participles.contains(w)
                || lists.participles.contains(base)
        }
        Lang::En => (w.ends_with("ed") && w.chars().count() > 3) || lists.participles.contains(w),
    }
}

/// Whether a sentence is in the passive (rule `audit.passive-voice`): a form of *être*
/// (*be*) followed, in the same clause, by a past participle — `-é`, `-ée`, `-és`, `-ées`
/// or an irregular one from `data/<lang>/audit.txt` — in lower case. The clause ends at
/// punctuation or at a clause opener of the pack (`qui`, `que`, `et`…), and the audit looks
/// at most six words ahead. A reflexive (*s’est déclaré*) and the compound past of motion
/// verbs (*est arrivé*) are not passive.
///
/// `Le pont a été construit en 1990.` and `Les participants sont en majorité issus de la
/// société civile.` are passive; `Il est arrivé hier.` is not.
fn is_passive(sentence: &str, lists: &Lists, pack: &LanguagePack) -> bool {
    let mut toks = Vec::new();
    tokenize_into(sentence, 0..sentence.len(), 0, pack, &mut toks);
    let w: Vec<(String, bool, bool)> = toks
        .iter()
        .map(|t| {
            let raw = &sentence[t.span()];
            (
                raw.to_lowercase().replace('\'', "’"),
                t.kind == TokenKind::Punct,
                raw.chars().next().is_some_and(char::is_lowercase),
            )
        })
        .collect();
    let breaks = [
        "qui", "que", "qu’", "et", "ou", "mais", "car", "dont", "où", "lorsque", "quand", "si",
        "and", "or", "but", "which", "who", "that", "when", "while",
    ];
    for (i, (aux, _, _)) in w.iter().enumerate() {
        if !lists.be_forms.contains(aux) {
            continue;
        }
        if pack.lang == Lang::Fr
            && i > 0
            && matches!(w[i - 1].0.as_str(), "s’" | "se" | "m’" | "t’")
        {
            continue;
        }
        let mut j = i + 1;
        while j < w.len() && lists.between.contains(&w[j].0) {
            j += 1;
        }
        // The compound past of a motion verb (il est arrivé …, ils sont partis) is active.
        if w.get(j)
            .is_some_and(|(t, _, _)| lists.not_passive.contains(base_form(t, pack.lang)))
        {
            continue;
        }
        for (k, (t, punct, lower)) in w.iter().enumerate().skip(j).take(6) {
            // In French a determiner opens a noun predicate (c’est un crime), a preposition a
            // complement (difficile à …): the participle would belong elsewhere. English
            // participles stand after a determiner too (was the most commonly diagnosed).
            if *punct
                || breaks.contains(&t.as_str())
                || lists.be_forms.contains(t)
                || (pack.lang == Lang::Fr && pack.words.determiners.contains(t))
                || (pack.words.prepositions.contains(t) && t != "en")
            {
                break;
            }
            // After « en » a word is not a participle (en fait, en effet; en + gerund).
            let after_en = pack.lang == Lang::Fr && k > 0 && w[k - 1].0 == "en";
            if *lower && !after_en && is_participle(t, lists, pack.lang) {
                return true;
            }
        }
    }
    false
}

/// The word a sentence opens with, or its first two words after an article, a number word
/// or a demonstrative (rule `audit.sentence-beginnings`).
fn opener(sentence: &str, lists: &Lists, pack: &LanguagePack) -> String {
    let w: Vec<String> = words(sentence, pack)
        .into_iter()
        .map(|w| w.text)
        .filter(|t| t.chars().any(char::is_alphanumeric))
        .collect();
    match w.as_slice() {
        [] => String::new(),
        [a, b, ..] if lists.beginning_skips.contains(a) => format!("{a} {b}"),
        [a, ..] => a.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fr() -> &'static LanguagePack {
        static PACK: OnceLock<LanguagePack> = OnceLock::new();
        PACK.get_or_init(|| LanguagePack::load(Lang::Fr).unwrap_or_else(|e| panic!("pack: {e}")))
    }

    fn page(md: &str, kp: &str) -> Page {
        Page::from_markdown(md).with_keyphrase(kp)
    }

    fn rating(a: &Audit, id: &str) -> Option<Rating> {
        a.check(id).and_then(|c| c.rating)
    }

    #[test]
    fn width_table_reads_arial_metrics() {
        // Liberation Sans: 'a' 1139, 'W' 1933, ' ' 569 units of 2048.
        assert!((title_width_px("a") - 1139.0 * 20.0 / 2048.0).abs() < 1e-3);
        assert!((title_width_px("W a") - (1933.0 + 569.0 + 1139.0) * 20.0 / 2048.0).abs() < 1e-3);
        // An accented letter missing from the table takes its base letter's width.
        assert!((title_width_px("ǎ") - title_width_px("a")).abs() < 1e-3);
    }

    #[test]
    fn truncation_keeps_within_width() {
        let t = "Le conseil municipal de Montbrac vote le budget de la piscine et des écoles pour l’année prochaine";
        let cut = truncate_to_width(t, 20.0, 600.0);
        assert!(title_width_px(&cut) <= 600.0, "{cut}");
        assert!(cut.ends_with('…'));
    }

    #[test]
    fn markdown_page_reads_structure() {
        let p = Page::from_markdown(
            "# Titre\n\nUn paragraphe.\n\n## Sous-titre\n\n- un\n- deux\n\n![alt du chat](/chat.png)\n\n[lien](https://exemple.org)\n",
        );
        assert_eq!(p.h1.as_deref(), Some("Titre"));
        assert_eq!(p.title, "Titre");
        let kinds: Vec<PageBlockKind> = p.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                PageBlockKind::Paragraph,
                PageBlockKind::Heading(2),
                PageBlockKind::ListItem,
                PageBlockKind::ListItem,
                PageBlockKind::Paragraph
            ]
        );
        assert_eq!(p.images, ["alt du chat"]);
        assert_eq!(p.links.len(), 1);
        // A bare address is a link, as GitHub-flavoured Markdown reads it.
        let p = Page::from_markdown("Voir www.exemple.org. Ou https://exemple.fr/a, ou rien.");
        let hrefs: Vec<&str> = p.links.iter().map(|l| l.href.as_str()).collect();
        assert_eq!(hrefs, ["http://www.exemple.org", "https://exemple.fr/a"]);
    }

    #[test]
    fn html_page_reads_head_and_body() {
        let p = Page::from_html(
            "<!DOCTYPE html><html lang=\"fr\"><head><title>Le titre SEO</title>\
             <meta name=\"description\" content=\"La méta.\">\
             <meta name=\"keywords\" content=\"piscine, Montbrac\">\
             <link rel=\"canonical\" href=\"/la-piscine-rouvre\"></head>\
             <body><nav><p>Menu</p></nav><article><h1>Le titre</h1><p>Un <a href=\"/x\" rel=\"nofollow\">lien</a>.</p>\
             <script>var x = '<p>non</p>';</script><h2>Suite</h2><ul><li>Point</li></ul></article></body></html>",
        );
        assert_eq!(p.title, "Le titre SEO");
        assert_eq!(p.meta_description, "La méta.");
        assert_eq!(p.keyphrase, "piscine");
        assert_eq!(p.slug, "la-piscine-rouvre");
        assert_eq!(p.url.as_deref(), Some("/la-piscine-rouvre"));
        assert_eq!(p.lang, Some(Lang::Fr));
        assert_eq!(p.h1.as_deref(), Some("Le titre"));
        let texts: Vec<&str> = p.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Un lien.", "Suite", "Point"]);
        assert!(p.links[0].nofollow);
    }

    #[test]
    fn links_to_the_page_host_are_internal() {
        let p = Page::from_html(
            "<html><head><meta property=\"og:url\" content=\"https://journal.exemple.fr/a\"></head>\
             <body><p>Voir <a href=\"https://journal.exemple.fr/b\">b</a> et \
             <a href=\"https://autre.exemple.org/c\">c</a>.</p></body></html>",
        );
        assert_eq!(p.url.as_deref(), Some("https://journal.exemple.fr/a"));
        let a = audit(&p.with_keyphrase("voir"), fr());
        assert_eq!(a.check("internal-links").map(|c| c.value), Some(1.0));
        assert_eq!(a.check("outbound-links").map(|c| c.value), Some(1.0));
    }

    #[test]
    fn keyphrase_in_title_at_start_elsewhere_or_missing() {
        let pack = fr();
        let body = "La piscine de Montbrac rouvre samedi.";
        let a = audit(&page(body, "piscine").with_title("La piscine rouvre"), pack);
        assert_eq!(rating(&a, "keyphrase-in-title"), Some(Rating::Good));
        let a = audit(
            &page(body, "piscine").with_title("Montbrac : la piscine rouvre"),
            pack,
        );
        assert_eq!(rating(&a, "keyphrase-in-title"), Some(Rating::Ok));
        let a = audit(&page(body, "piscine").with_title("Montbrac rouvre"), pack);
        assert_eq!(rating(&a, "keyphrase-in-title"), Some(Rating::Bad));
    }

    #[test]
    fn introduction_one_sentence_or_spread() {
        let pack = fr();
        let a = audit(
            &page(
                "La piscine municipale rouvre. Elle a coûté cher.",
                "piscine municipale",
            ),
            pack,
        );
        assert_eq!(rating(&a, "keyphrase-in-introduction"), Some(Rating::Good));
        let a = audit(
            &page(
                "La piscine rouvre. Le bassin municipal aussi.",
                "piscine municipal",
            ),
            pack,
        );
        assert_eq!(rating(&a, "keyphrase-in-introduction"), Some(Rating::Ok));
    }

    #[test]
    fn density_counts_words_of_the_keyphrase_in_one_sentence() {
        let pack = fr();
        let s = "La piscine de Montbrac rouvre samedi après des travaux. ";
        let filler = "Les habitants attendaient ce moment depuis longtemps et le disent. ";
        let md = format!("{}{}", s.repeat(3), filler.repeat(20));
        let a = audit(&page(&md, "piscine"), pack);
        let c = a.check("keyphrase-density").map(|c| c.value);
        let expected = 100.0 * 3.0 / a.word_count as f64;
        assert!(c.is_some_and(|v| (v - expected).abs() < 0.01), "{c:?}");
    }

    #[test]
    fn passive_voice_french() {
        let pack = fr();
        let l = lists(pack);
        assert!(is_passive("Le pont a été construit en 1990.", l, pack));
        assert!(is_passive(
            "Les victimes ont été évacuées vers l’hôpital.",
            l,
            pack
        ));
        assert!(is_passive("La loi n’est pas encore votée.", l, pack));
        assert!(!is_passive("Il est arrivé hier soir.", l, pack));
        assert!(!is_passive("Le ministre s’est déclaré satisfait.", l, pack));
        assert!(!is_passive("La ville est calme.", l, pack));
        assert!(is_passive(
            "Les participants sont en majorité issus de la société civile.",
            l,
            pack
        ));
        assert!(!is_passive(
            "Il ne veut pas être en fait un élu godillot.",
            l,
            pack
        ));
        // A participle in another clause does not count.
        assert!(!is_passive(
            "Le maire est là et les élus ont voté.",
            l,
            pack
        ));
    }

    #[test]
    fn transitions_match_whole_words() {
        let pack = fr();
        let l = lists(pack);
        assert!(has_transition(
            "Par ailleurs, la mairie a voté.",
            &l.transitions,
            pack
        ));
        assert!(has_transition(
            "Il pleut, mais la fête continue.",
            &l.transitions,
            pack
        ));
        // "mais" inside "jamais" is not a connector, "or" inside "ordre" neither.
        assert!(!has_transition(
            "Il ne vient jamais dans cet ordre.",
            &l.transitions,
            pack
        ));
    }

    #[test]
    fn three_sentences_with_the_same_opening() {
        let pack = fr();
        let md = "Le maire parle. Le maire vote. Le maire part. Puis il revient.";
        let a = audit(&page(md, "maire"), pack);
        assert_eq!(rating(&a, "sentence-beginnings"), Some(Rating::Bad));
        let md = "Le maire parle. Le conseil vote. Le maire part.";
        let a = audit(&page(md, "maire"), pack);
        assert_eq!(rating(&a, "sentence-beginnings"), Some(Rating::Good));
    }

    #[test]
    fn french_syllables() {
        assert_eq!(syllables_fr("maison"), 2);
        assert_eq!(syllables_fr("école"), 2);
        assert_eq!(syllables_fr("rues"), 1);
        assert_eq!(syllables_fr("oiseau"), 2);
        assert_eq!(syllables_fr("le"), 1);
        assert_eq!(syllables_fr("municipalité"), 6);
        assert_eq!(syllables_en("table"), 2);
        assert_eq!(syllables_en("make"), 1);
    }

    #[test]
    fn kandel_moles() {
        // 10 words, 1 sentence, 15 syllables: 207 − 10.15 − 110.4.
        assert!((flesch(Lang::Fr, 10, 1, 15) - 86.45).abs() < 1e-9);
        assert!(flesch(Lang::Fr, 0, 0, 0).abs() < f64::EPSILON);
    }

    #[test]
    fn subheading_share_and_section_length() {
        let pack = fr();
        let para = "La piscine de Montbrac est un équipement apprécié des habitants du quartier. "
            .repeat(10);
        let md = format!(
            "## La piscine rouvre\n\n{para}\n\n## Le budget\n\n{para}\n\n## Les horaires\n\n{para}\n"
        );
        let a = audit(&page(&md, "piscine"), pack);
        assert_eq!(rating(&a, "keyphrase-in-subheadings"), Some(Rating::Good));
        assert_eq!(rating(&a, "section-length"), Some(Rating::Good));
        assert_eq!(rating(&a, "text-length"), Some(Rating::Good));
    }

    #[test]
    fn empty_page_does_not_panic() {
        let pack = fr();
        let a = audit(&Page::default(), pack);
        assert_eq!(a.word_count, 0);
        assert_eq!(rating(&a, "keyphrase-length"), Some(Rating::Bad));
        assert_eq!(rating(&a, "title-width"), Some(Rating::Bad));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

        /// Any text, read as Markdown or as HTML, is audited without a panic, and the ratings
        /// follow the scores.
        #[test]
        fn audit_never_panics(text in "(\\PC|[\n<>#*\\[\\]()/!’-]){0,300}", kp in "\\PC{0,20}") {
            let pack = fr();
            for page in [Page::from_markdown(&text), Page::from_html(&text)] {
                let a = audit(&page.with_keyphrase(kp.clone()).with_slug(kp.clone()), pack);
                for c in &a.checks {
                    proptest::prop_assert_eq!(c.rating, c.score.map(Rating::of_score));
                }
            }
        }

        /// A cut title always fits the width it was cut to.
        #[test]
        fn truncated_titles_fit(text in "\\PC{0,200}") {
            let cut = truncate_to_width(&text, TITLE_FONT_PX, TITLE_MAX_PX);
            proptest::prop_assert!(title_width_px(&cut) <= TITLE_MAX_PX + 0.01);
        }
    }
}
