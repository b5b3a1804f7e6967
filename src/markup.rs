//! Stage 1 helper, `markup`: article HTML (as a CMS or a scraper exports it) and Markdown,
//! turned into typed blocks before the brief stage reads them.
//!
//! Kept: the title (`<h1>` or `# …`), paragraphs, existing subheadings, list items, block
//! quotes, images with their alt text and caption. Dropped and listed with a reason:
//! navigation, scripts, styles, embeds, forms, and containers whose class or id says ad,
//! share widget, newsletter, cookie notice, comments or related links.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use scraper::{ElementRef, Html, Node};

use crate::brief::Removal;

/// The format of an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// Plain text: a brief, or an article with paragraphs separated by lines.
    Text,
    /// Markdown (CommonMark).
    Markdown,
    /// HTML, a full page or a fragment.
    Html,
}

impl InputFormat {
    /// Parses `text`, `markdown`/`md` or `html`.
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_lowercase().as_str() {
            "text" | "txt" | "plain" => Some(Self::Text),
            "markdown" | "md" => Some(Self::Markdown),
            "html" | "htm" => Some(Self::Html),
            _ => None,
        }
    }

    /// Detects the format from the content: HTML when it starts like a page or holds block
    /// tags; Markdown when a line is an ATX heading or an image, or links use `[text](url)`;
    /// otherwise text.
    ///
    /// ```
    /// use copydesk::markup::InputFormat;
    /// assert_eq!(InputFormat::detect("<p>Bonjour.</p><p>Oui.</p>"), InputFormat::Html);
    /// assert_eq!(InputFormat::detect("# Titre\n\nUn paragraphe."), InputFormat::Markdown);
    /// assert_eq!(InputFormat::detect("Un titre\n\nUn paragraphe."), InputFormat::Text);
    /// ```
    #[must_use]
    pub fn detect(input: &str) -> Self {
        let head = input
            .trim_start()
            .get(..200)
            .unwrap_or(input.trim_start())
            .to_lowercase();
        if head.starts_with("<!doctype") || head.starts_with("<html") {
            return Self::Html;
        }
        let lower = input.to_lowercase();
        let tags = [
            "<p>", "<p ", "</p>", "<div", "<article", "<h1", "<h2", "<li>", "<br",
        ]
        .iter()
        .filter(|t| lower.contains(*t))
        .count();
        if tags >= 2 {
            return Self::Html;
        }
        let md_lines = input
            .lines()
            .filter(|l| {
                let t = l.trim_start();
                let hashes = t.chars().take_while(|&c| c == '#').count();
                ((1..=6).contains(&hashes) && t[hashes..].starts_with(' ')) || t.starts_with("![")
            })
            .count();
        if md_lines >= 1 || (input.contains("](http") && input.contains('[')) {
            return Self::Markdown;
        }
        Self::Text
    }
}

/// What a kept block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// The article's title (`<h1>`, `# …`).
    Title,
    /// An existing subheading (`<h2>`–`<h6>`, `## …`).
    Heading,
    /// A paragraph, list item or quoted paragraph.
    Paragraph,
}

/// A kept block of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkupBlock {
    /// What it is.
    pub kind: BlockKind,
    /// Its text, white space collapsed.
    pub text: String,
}

/// An image of the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    /// Its address (only `http(s)://` or a site-relative path is kept).
    pub src: String,
    /// Its alternative text.
    pub alt: String,
    /// Its caption, when it has one.
    pub caption: Option<String>,
    /// How many paragraph blocks come before it.
    pub after_paragraphs: usize,
}

/// The result of reading markup.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extracted {
    /// The kept blocks, in reading order.
    pub blocks: Vec<MarkupBlock>,
    /// The images.
    pub images: Vec<Image>,
    /// What was dropped, with the reason.
    pub removed: Vec<Removal>,
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether an image address is safe to keep (never `javascript:`, `data:` …).
#[must_use]
pub fn safe_src(src: &str) -> bool {
    let s = src.trim().to_lowercase();
    s.starts_with("https://")
        || s.starts_with("http://")
        || (s.starts_with('/') && !s.starts_with("//"))
        || (!s.contains(':') && !s.is_empty() && !s.starts_with("//"))
}

fn clip(s: &str) -> String {
    let c = collapse(s);
    if c.chars().count() > 200 {
        format!("{}…", c.chars().take(200).collect::<String>())
    } else {
        c
    }
}

/// Why an element is dropped, from its tag.
fn dropped_tag(name: &str) -> Option<&'static str> {
    Some(match name {
        "nav" | "menu" => "navigation",
        "header" => "page-header",
        "footer" => "page-footer",
        "aside" => "aside",
        "script" | "noscript" => "script",
        "style" | "link" | "meta" => "style",
        "iframe" | "embed" | "object" | "video" | "audio" | "canvas" | "svg" => "embed",
        "form" | "button" | "input" | "select" | "textarea" => "form",
        "template" => "template",
        _ => return None,
    })
}

/// Why an element is dropped, from its class and id.
fn dropped_class(el: &scraper::node::Element) -> Option<&'static str> {
    let mut names: Vec<String> = el.classes().map(str::to_lowercase).collect();
    if let Some(id) = el.id() {
        names.push(id.to_lowercase());
    }
    if let Some(role) = el.attr("role") {
        if matches!(
            role,
            "navigation" | "banner" | "contentinfo" | "complementary"
        ) {
            return Some("navigation");
        }
    }
    let has = |words: &[&str]| {
        names
            .iter()
            .any(|n| n.split(['-', '_', ' ']).any(|part| words.contains(&part)))
    };
    if has(&[
        "ad",
        "ads",
        "advert",
        "advertisement",
        "pub",
        "publicite",
        "sponsor",
        "sponsored",
        "promo",
        "banner",
        "dfp",
        "taboola",
        "outbrain",
    ]) {
        Some("ad-block")
    } else if has(&[
        "share", "sharing", "social", "partage", "addthis", "sharebar",
    ]) {
        Some("share-widget")
    } else if has(&["newsletter", "subscribe", "abonnement", "signup"]) {
        Some("newsletter-line")
    } else if has(&["cookie", "cookies", "consent", "gdpr", "rgpd"]) {
        Some("cookie-notice")
    } else if has(&["comment", "comments", "commentaires", "disqus"]) {
        Some("comment-line")
    } else if has(&[
        "related",
        "readmore",
        "lire",
        "recommended",
        "outbrain",
        "breadcrumb",
        "breadcrumbs",
        "menu",
        "sidebar",
        "navbar",
        "nav",
    ]) {
        Some("navigation")
    } else {
        None
    }
}

struct HtmlWalker {
    out: Extracted,
    inline: String,
    paragraphs: usize,
}

impl HtmlWalker {
    fn flush(&mut self) {
        let t = collapse(&self.inline);
        self.inline.clear();
        if !t.is_empty() {
            self.push(BlockKind::Paragraph, t);
        }
    }

    fn push(&mut self, kind: BlockKind, text: String) {
        if text.is_empty() {
            return;
        }
        if kind == BlockKind::Paragraph {
            self.paragraphs += 1;
        }
        self.out.blocks.push(MarkupBlock { kind, text });
    }

    fn image(&mut self, el: &ElementRef<'_>, caption: Option<String>) {
        let src = el.value().attr("src").unwrap_or("").trim().to_string();
        let alt = collapse(el.value().attr("alt").unwrap_or(""));
        if safe_src(&src) {
            self.out.images.push(Image {
                src,
                alt,
                caption,
                after_paragraphs: self.paragraphs,
            });
        } else {
            self.out.removed.push(Removal {
                text: clip(&src),
                reason: "unsafe-url".into(),
            });
        }
    }

    /// The text of an element walked on its own (inline runs and nested blocks joined); what
    /// it drops is listed with the rest.
    fn inner_text(&mut self, el: ElementRef<'_>) -> String {
        let mut inner = HtmlWalker {
            out: Extracted::default(),
            inline: String::new(),
            paragraphs: 0,
        };
        inner.walk(el);
        self.out.removed.extend(inner.out.removed);
        let mut text = inner.inline;
        for b in inner.out.blocks {
            text.push(' ');
            text.push_str(&b.text);
        }
        text
    }

    fn walk(&mut self, el: ElementRef<'_>) {
        for child in el.children() {
            match child.value() {
                Node::Text(t) => self.inline.push_str(t),
                Node::Element(e) => {
                    let Some(child_el) = ElementRef::wrap(child) else {
                        continue;
                    };
                    let name = e.name();
                    if let Some(reason) = dropped_tag(name).or_else(|| dropped_class(e)) {
                        let text = clip(&child_el.text().collect::<String>());
                        let text = if text.is_empty() {
                            format!("<{name}>")
                        } else {
                            text
                        };
                        self.out.removed.push(Removal {
                            text,
                            reason: reason.into(),
                        });
                        continue;
                    }
                    match name {
                        "p" | "li" | "dd" | "dt" | "pre" | "td" | "th" => {
                            self.flush();
                            // images inside a paragraph are kept apart
                            for img in child_el
                                .descendent_elements()
                                .filter(|d| d.value().name() == "img")
                            {
                                self.image(&img, None);
                            }
                            let text = self.inner_text(child_el);
                            self.push(BlockKind::Paragraph, collapse(&text));
                        }
                        "h1" => {
                            self.flush();
                            let kind = if self.out.blocks.iter().any(|b| b.kind == BlockKind::Title)
                            {
                                BlockKind::Heading
                            } else {
                                BlockKind::Title
                            };
                            self.push(kind, collapse(&child_el.text().collect::<String>()));
                        }
                        "h2" | "h3" | "h4" | "h5" | "h6" => {
                            self.flush();
                            self.push(
                                BlockKind::Heading,
                                collapse(&child_el.text().collect::<String>()),
                            );
                        }
                        "img" => {
                            self.flush();
                            self.image(&child_el, None);
                        }
                        "figure" => {
                            self.flush();
                            let caption = child_el
                                .descendent_elements()
                                .find(|d| d.value().name() == "figcaption")
                                .map(|c| collapse(&c.text().collect::<String>()))
                                .filter(|c| !c.is_empty());
                            for img in child_el
                                .descendent_elements()
                                .filter(|d| d.value().name() == "img")
                            {
                                self.image(&img, caption.clone());
                            }
                        }
                        "br" => self.inline.push(' '),
                        "title" | "head" => {}
                        "div" | "section" | "article" | "main" | "body" | "html" | "blockquote"
                        | "ul" | "ol" | "dl" | "table" | "tbody" | "thead" | "tr" | "center" => {
                            self.flush();
                            self.walk(child_el);
                            self.flush();
                        }
                        _ => {
                            // inline elements (a, em, strong, span, …): their text joins the run
                            let text = self.inner_text(child_el);
                            self.inline.push_str(&text);
                        }
                    }
                }
                _ => {}
            }
        }
    }
}

/// The element that holds a page's article: its `<article>`, else `<main>`, else `<body>`, else
/// the document itself (shared by the input reader and the audit).
pub(crate) fn article_root(doc: &Html) -> ElementRef<'_> {
    let root = doc.root_element();
    let pick = |name: &str| {
        root.descendent_elements()
            .find(|e| e.value().name() == name)
    };
    pick("article")
        .or_else(|| pick("main"))
        .or_else(|| pick("body"))
        .unwrap_or(root)
}

/// Reads article HTML: the `<article>` (else `<main>`, else `<body>`) is walked; the title is its
/// first `<h1>`, else the page `<title>`.
#[must_use]
pub fn html(input: &str) -> Extracted {
    let doc = Html::parse_document(input);
    let root = doc.root_element();
    let pick = |name: &str| {
        root.descendent_elements()
            .find(|e| e.value().name() == name)
    };
    let main = article_root(&doc);
    let mut w = HtmlWalker {
        out: Extracted::default(),
        inline: String::new(),
        paragraphs: 0,
    };
    // What stands outside the article element is listed as removed, by its main parts.
    if main.id() != root.id() {
        for e in root.descendent_elements() {
            let name = e.value().name();
            let outside = !main.descendent_elements().any(|d| d.id() == e.id())
                && !e.descendent_elements().any(|d| d.id() == main.id());
            if outside && dropped_tag(name).is_some() && !matches!(name, "meta" | "link" | "style")
            {
                let text = clip(&e.text().collect::<String>());
                if !text.is_empty() {
                    w.out.removed.push(Removal {
                        text,
                        reason: dropped_tag(name).unwrap_or("outside-article").into(),
                    });
                }
            }
        }
    }
    w.walk(main);
    w.flush();
    if !w.out.blocks.iter().any(|b| b.kind == BlockKind::Title) {
        if let Some(t) = pick("title")
            .map(|t| collapse(&t.text().collect::<String>()))
            .filter(|t| !t.is_empty())
        {
            w.out.blocks.insert(
                0,
                MarkupBlock {
                    kind: BlockKind::Title,
                    text: t,
                },
            );
        }
    }
    w.out
}

/// Reads Markdown (CommonMark): `# ` is the title, deeper headings are subheadings, paragraphs
/// and list items are paragraphs, images are kept; raw HTML is dropped and listed.
#[must_use]
pub fn markdown(input: &str) -> Extracted {
    let mut out = Extracted::default();
    let mut text = String::new();
    let mut paragraphs = 0usize;
    let mut in_image: Option<String> = None;
    let mut image_alt = String::new();
    let mut heading_level = 0usize;
    for event in Parser::new(input) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                text.clear();
                heading_level = level as usize;
            }
            Event::End(TagEnd::Heading(_)) => {
                let t = collapse(&text);
                let kind = if heading_level == 1
                    && !out.blocks.iter().any(|b| b.kind == BlockKind::Title)
                {
                    BlockKind::Title
                } else {
                    BlockKind::Heading
                };
                if !t.is_empty() {
                    out.blocks.push(MarkupBlock { kind, text: t });
                }
                text.clear();
                heading_level = 0;
            }
            Event::Start(Tag::Paragraph | Tag::Item) => text.clear(),
            Event::End(TagEnd::Paragraph | TagEnd::Item) => {
                let t = collapse(&text);
                if !t.is_empty() {
                    paragraphs += 1;
                    out.blocks.push(MarkupBlock {
                        kind: BlockKind::Paragraph,
                        text: t,
                    });
                }
                text.clear();
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                in_image = Some(dest_url.to_string());
                image_alt.clear();
            }
            Event::End(TagEnd::Image) => {
                if let Some(src) = in_image.take() {
                    if safe_src(&src) {
                        out.images.push(Image {
                            src,
                            alt: collapse(&image_alt),
                            caption: None,
                            after_paragraphs: paragraphs,
                        });
                    } else {
                        out.removed.push(Removal {
                            text: clip(&src),
                            reason: "unsafe-url".into(),
                        });
                    }
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if in_image.is_some() {
                    image_alt.push_str(&t);
                } else {
                    text.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::Html(h) | Event::InlineHtml(h) => {
                let t = clip(&h);
                if !t.is_empty() {
                    out.removed.push(Removal {
                        text: t,
                        reason: "raw-html".into(),
                    });
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html><head><title>Montbrac : la piscine rouvre</title>
<style>p { color: red }</style><script>track()</script></head>
<body><nav><a href="/">Accueil</a> <a href="/sport">Sport</a></nav>
<article><h1>La piscine de Montbrac rouvre samedi</h1>
<p>La piscine municipale rouvre <strong>samedi</strong> après huit mois de travaux.</p>
<div class="ad-slot">PUBLICITÉ Achetez maintenant</div>
<figure><img src="/img/piscine.jpg" alt="Le grand bassin"><figcaption>Le bassin rénové.</figcaption></figure>
<h2>Un chantier de 2 millions</h2>
<p>Les travaux ont coûté 2 millions d’euros.</p>
<ul class="share-buttons"><li>Facebook</li><li>Twitter</li></ul>
<img src="javascript:alert(1)" alt="x">
</article><footer>© Journal de Montbrac</footer></body></html>"#;

    #[test]
    fn html_keeps_the_article_and_lists_the_rest() {
        let x = html(PAGE);
        let texts: Vec<(BlockKind, &str)> =
            x.blocks.iter().map(|b| (b.kind, b.text.as_str())).collect();
        assert_eq!(
            texts,
            [
                (BlockKind::Title, "La piscine de Montbrac rouvre samedi"),
                (
                    BlockKind::Paragraph,
                    "La piscine municipale rouvre samedi après huit mois de travaux."
                ),
                (BlockKind::Heading, "Un chantier de 2 millions"),
                (
                    BlockKind::Paragraph,
                    "Les travaux ont coûté 2 millions d’euros."
                ),
            ]
        );
        assert_eq!(x.images.len(), 1);
        assert_eq!(x.images[0].caption.as_deref(), Some("Le bassin rénové."));
        assert_eq!(x.images[0].after_paragraphs, 1);
        let reasons: Vec<&str> = x.removed.iter().map(|r| r.reason.as_str()).collect();
        for r in [
            "ad-block",
            "share-widget",
            "unsafe-url",
            "navigation",
            "script",
            "page-footer",
        ] {
            assert!(reasons.contains(&r), "{r} missing from {reasons:?}");
        }
    }

    #[test]
    fn markdown_keeps_structure_and_drops_raw_html() {
        let md = "# La piscine rouvre\n\nLa piscine rouvre samedi.\n\n<div class=\"pub\">PUB</div>\n\n## Le chantier\n\n- Deux millions d’euros.\n- Huit mois.\n\n![Le bassin](/img/b.jpg)\n";
        let x = markdown(md);
        let kinds: Vec<BlockKind> = x.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Title,
                BlockKind::Paragraph,
                BlockKind::Heading,
                BlockKind::Paragraph,
                BlockKind::Paragraph
            ]
        );
        assert_eq!(x.images.len(), 1);
        assert_eq!(x.images[0].alt, "Le bassin");
        assert!(x.removed.iter().any(|r| r.reason == "raw-html"));
    }

    #[test]
    fn unsafe_addresses_are_refused() {
        assert!(safe_src("https://exemple.fr/a.jpg"));
        assert!(safe_src("/img/a.jpg"));
        assert!(!safe_src("javascript:alert(1)"));
        assert!(!safe_src("data:image/png;base64,AAA"));
        assert!(!safe_src("//evil.example/x.js"));
    }
}
