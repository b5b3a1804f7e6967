//! Stage 6, `render`: Markdown, HTML (with meta tags and schema.org JSON-LD) and JSON.
//! Renderers only read the [`Article`]; they decide nothing.

use serde_json::{Value, json};

use crate::audit::{self, Audit, Rating};
use crate::compose::{Article, ArticleImage, BlockKind, Origin};
use crate::lang::Lang;

/// How the renderers are set: a full HTML document or a fragment, the source link, the site's
/// base URL. Consuming `with_*` setters; [`crate::Options`] carries one for the CLI.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RenderOptions {
    /// HTML as the `<article>` element only (with its JSON-LD), no `<html>`/`<head>`.
    pub fragment: bool,
    /// The original article's address, linked as the source (only `http(s)://`).
    pub source_url: Option<String>,
    /// The site's base URL; the canonical link is this plus `/` and the slug.
    pub base_url: Option<String>,
}

impl RenderOptions {
    /// HTML as a fragment.
    #[must_use]
    pub fn with_fragment(mut self, fragment: bool) -> Self {
        self.fragment = fragment;
        self
    }
    /// Sets the source link.
    #[must_use]
    pub fn with_source_url(mut self, url: Option<String>) -> Self {
        self.source_url = url;
        self
    }
    /// Sets the base URL.
    #[must_use]
    pub fn with_base_url(mut self, url: Option<String>) -> Self {
        self.base_url = url;
        self
    }

    /// The source link when one is given and it is an `http(s)://` address.
    #[must_use]
    pub fn source(&self) -> Option<&str> {
        self.source_url
            .as_deref()
            .map(str::trim)
            .filter(|u| is_web_url(u) && !u.chars().any(char::is_whitespace))
    }

    /// The canonical address of an article: the base URL (when it is `http(s)://`) joined
    /// to the slug, else the site-relative path `/slug`.
    ///
    /// ```
    /// use copydesk::render::RenderOptions;
    /// let o = RenderOptions::default();
    /// assert_eq!(o.canonical("la-piscine"), "/la-piscine");
    /// let o = o.with_base_url(Some("https://example.org/news/".into()));
    /// assert_eq!(o.canonical("la-piscine"), "https://example.org/news/la-piscine");
    /// ```
    #[must_use]
    pub fn canonical(&self, slug: &str) -> String {
        match self
            .base_url
            .as_deref()
            .map(str::trim)
            .filter(|u| is_web_url(u))
        {
            Some(base) => format!("{}/{slug}", base.trim_end_matches('/')),
            None => format!("/{slug}"),
        }
    }
}

fn is_web_url(u: &str) -> bool {
    let l = u.to_ascii_lowercase();
    (l.starts_with("https://") || l.starts_with("http://")) && u.len() > 8
}

/// The host of a URL (`https://www.example.org/a` → `www.example.org`).
fn host(url: &str) -> &str {
    url.split("://")
        .nth(1)
        .unwrap_or(url)
        .split(['/', '?', '#'])
        .next()
        .unwrap_or(url)
}

/// The words that introduce the source link.
fn source_label(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "Source\u{a0}:",
        Lang::En => "Source:",
    }
}

/// The rule that made a block, when it was generated.
fn origin_rule(origin: &Origin) -> Option<&str> {
    match origin {
        Origin::Source { .. } => None,
        Origin::Generated { rule, .. } | Origin::Context { rule, .. } => Some(rule),
    }
}

/// The images that follow a block: after source paragraph `p` come the images placed after
/// `p + 1` paragraphs.
fn images_after<'a>(
    article: &'a Article,
    origin: &Origin,
) -> impl Iterator<Item = &'a ArticleImage> {
    let after = match origin {
        Origin::Source { paragraph } => Some(paragraph + 1),
        Origin::Generated { .. } | Origin::Context { .. } => None,
    };
    article
        .images
        .iter()
        .filter(move |img| Some(img.after_paragraph) == after)
}

/// The address a list item links to: item `i` of a context list that cites one item a line
/// ("À lire aussi").
fn item_link(origin: &Origin, items: usize, i: usize) -> Option<&str> {
    match origin {
        Origin::Context { refs, .. } if refs.len() == items => refs.get(i)?.url.as_deref(),
        _ => None,
    }
}

/// Escapes a URL for a Markdown link destination.
fn md_url(src: &str) -> String {
    src.replace(' ', "%20")
        .replace('(', "%28")
        .replace(')', "%29")
        .replace('<', "%3C")
        .replace('>', "%3E")
}

/// The wire-format name of `rewrite --format json`.
pub const ARTICLE_SCHEMA: &str = "copydesk.article/1";

/// Escapes text for CommonMark so that input can never become markup.
fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '#' | '+' | '-' | '=' if i == 0 => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    // "1. " at the start of a block would open an ordered list.
    if let Some(p) = out.find(". ") {
        if p > 0 && out[..p].chars().all(|c| c.is_ascii_digit()) {
            out.insert(p, '\\');
        }
    }
    out
}

/// Renders the article as CommonMark: the H1, then each section (heading as `##`), paragraphs
/// and bulleted lists.
#[must_use]
pub fn markdown(article: &Article) -> String {
    markdown_with(article, &RenderOptions::default())
}

/// [`markdown`], with the source link when the options give one.
#[must_use]
pub fn markdown_with(article: &Article, options: &RenderOptions) -> String {
    let mut out = format!("# {}\n", md_escape(&article.h1));
    for img in article.images.iter().filter(|i| i.after_paragraph == 0) {
        out.push_str(&md_image(img));
    }
    for section in &article.sections {
        if let Some(h) = &section.heading {
            out.push_str(&format!("\n## {}\n", md_escape(h)));
        }
        for block in &section.blocks {
            out.push('\n');
            match block.kind {
                BlockKind::Paragraph => {
                    out.push_str(&md_escape(&block.text));
                    out.push('\n');
                }
                BlockKind::List => {
                    let n = block.text.lines().count();
                    for (i, item) in block.text.lines().enumerate() {
                        out.push_str("- ");
                        match item_link(&block.origin, n, i) {
                            Some(url) => {
                                out.push_str(&format!("[{}]({})", md_escape(item), md_url(url)))
                            }
                            None => out.push_str(&md_escape(item)),
                        }
                        out.push('\n');
                    }
                }
                BlockKind::Faq => {
                    for (i, qa) in block.qa.iter().enumerate() {
                        if i > 0 {
                            out.push('\n');
                        }
                        out.push_str(&format!(
                            "**{}**\n\n{}\n",
                            md_escape(&qa.question),
                            md_escape(&qa.answer)
                        ));
                    }
                }
            }
            for img in images_after(article, &block.origin) {
                out.push_str(&md_image(img));
            }
        }
    }
    if let Some(url) = options.source() {
        out.push_str(&format!(
            "\n{} [{}]({})\n",
            source_label(article.language),
            md_escape(host(url)),
            md_url(url)
        ));
    }
    out
}

fn md_image(img: &ArticleImage) -> String {
    let mut s = format!("\n![{}]({})\n", md_escape(&img.alt), md_url(&img.src));
    if let Some(c) = &img.caption {
        s.push_str(&format!("\n*{}*\n", md_escape(c)));
    }
    s
}

fn html_image(img: &ArticleImage) -> String {
    let caption = img
        .caption
        .as_ref()
        .map(|c| format!("<figcaption>{}</figcaption>", html_escape(c)))
        .unwrap_or_default();
    format!(
        "<figure><img src=\"{}\" alt=\"{}\">{caption}</figure>\n",
        html_escape(&img.src),
        html_escape(&img.alt)
    )
}

/// Escapes text for HTML element content and attribute values.
#[must_use]
pub fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Cuts a headline to at most `max` characters at a word boundary, with an ellipsis.
///
/// ```
/// # use copydesk::render::cut_headline;
/// assert_eq!(cut_headline("Un titre court", 110), "Un titre court");
/// let long = "mot ".repeat(40);
/// let cut = cut_headline(&long, 110);
/// assert!(cut.chars().count() <= 110 && cut.ends_with("mot…"));
/// ```
#[must_use]
pub fn cut_headline(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_string();
    }
    let room: String = text.chars().take(max.saturating_sub(1)).collect();
    let cut = match room.rfind(char::is_whitespace) {
        Some(p) if p > room.len() / 2 => &room[..p],
        _ => room.as_str(),
    };
    format!(
        "{}…",
        cut.trim_end_matches(|c: char| c.is_whitespace() || ",;:–-".contains(c))
    )
}

/// Makes a JSON text safe inside a `<script>` element: `<`, `>` and `&` written as JSON
/// escapes, so that input can never close the element (`</script>`) or open a comment.
fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// The schema.org `NewsArticle` value: headline (the H1, at most 110 characters), description,
/// language, keywords, articleSection (the subheadings), wordCount, datePublished when the
/// article gives its date, the canonical address, images and the source (`isBasedOn`).
#[must_use]
pub fn news_article(article: &Article, options: &RenderOptions) -> Value {
    let canonical = options.canonical(&article.slug);
    let mut ld = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": cut_headline(&article.h1, 110),
        "name": article.title,
        "description": article.meta_description,
        "inLanguage": article.language.code(),
        "keywords": article.keyphrases.iter().take(10).map(|k| k.text.clone()).collect::<Vec<_>>(),
        "articleSection": article.sections.iter().filter_map(|s| s.heading.clone()).collect::<Vec<_>>(),
        "wordCount": article.word_count,
        "mainEntityOfPage": {"@type": "WebPage", "@id": canonical},
        "url": canonical,
    });
    if let Some(obj) = ld.as_object_mut() {
        if let Some(date) = &article.date_published {
            obj.insert("datePublished".into(), Value::String(date.clone()));
        }
        let images: Vec<Value> = article
            .images
            .iter()
            .map(|i| Value::String(i.src.clone()))
            .collect();
        if !images.is_empty() {
            obj.insert("image".into(), Value::Array(images));
        }
        if let Some(src) = options.source() {
            obj.insert("isBasedOn".into(), Value::String(src.to_string()));
        }
    }
    ld
}

/// The schema.org `FAQPage` value of the article's FAQ blocks, when it has any: each question
/// with the article's own answer.
#[must_use]
pub fn faq_page(article: &Article) -> Option<Value> {
    let entities: Vec<Value> = article
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter(|b| b.kind == BlockKind::Faq)
        .flat_map(|b| &b.qa)
        .map(|qa| {
            json!({
                "@type": "Question",
                "name": qa.question,
                "acceptedAnswer": {"@type": "Answer", "text": qa.answer},
            })
        })
        .collect();
    (!entities.is_empty()).then(|| {
        json!({
            "@context": "https://schema.org",
            "@type": "FAQPage",
            "inLanguage": article.language.code(),
            "mainEntity": entities,
        })
    })
}

/// The schema.org `NewsArticle` JSON-LD, safe to embed in a `<script>` element.
#[must_use]
pub fn json_ld(article: &Article) -> String {
    let v = news_article(article, &RenderOptions::default());
    script_safe(&serde_json::to_string(&v).unwrap_or_else(|_| "{}".into()))
}

/// The `<script type="application/ld+json">` elements: `NewsArticle`, then `FAQPage` when
/// the article has an FAQ.
fn ld_scripts(article: &Article, options: &RenderOptions) -> String {
    let mut out = String::new();
    let mut values = vec![news_article(article, options)];
    values.extend(faq_page(article));
    for v in values {
        out.push_str("<script type=\"application/ld+json\">");
        out.push_str(&script_safe(
            &serde_json::to_string(&v).unwrap_or_else(|_| "{}".into()),
        ));
        out.push_str("</script>\n");
    }
    out
}

/// The Open Graph locale of a language.
fn og_locale(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "fr_FR",
        Lang::En => "en_US",
    }
}

/// The elements [`html`] writes itself (`!DOCTYPE` included): any other tag in its output
/// came from input. Tests and the fuzz targets check the HTML against it.
pub const OWN_ELEMENTS: &[&str] = &[
    "!DOCTYPE",
    "html",
    "head",
    "meta",
    "title",
    "link",
    "script",
    "body",
    "article",
    "h1",
    "h2",
    "section",
    "p",
    "ul",
    "li",
    "div",
    "strong",
    "figure",
    "img",
    "figcaption",
    "dl",
    "dt",
    "dd",
    "a",
];

/// Renders the article as a full HTML5 document with `<title>`, meta description, canonical
/// path, Open Graph basics and JSON-LD. Everything from the input is escaped.
#[must_use]
pub fn html(article: &Article) -> String {
    html_with(article, &RenderOptions::default())
}

/// Renders the article as a full HTML5 document or, with [`RenderOptions::fragment`], as the
/// `<article>` element alone (its JSON-LD inside it). Everything from the input is escaped.
#[must_use]
pub fn html_with(article: &Article, options: &RenderOptions) -> String {
    let e = html_escape;
    let body = html_article(article, options, false);
    if options.fragment {
        return body;
    }
    let canonical = options.canonical(&article.slug);
    let mut head = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<meta name=\"description\" content=\"{meta}\">\n\
         <meta name=\"keywords\" content=\"{keywords}\">\n<link rel=\"canonical\" href=\"{canonical}\">\n\
         <meta property=\"og:type\" content=\"article\">\n<meta property=\"og:title\" content=\"{title}\">\n\
         <meta property=\"og:description\" content=\"{meta}\">\n<meta property=\"og:locale\" content=\"{locale}\">\n",
        lang = article.language.code(),
        title = e(&article.title),
        meta = e(&article.meta_description),
        keywords = e(&keywords(article)),
        canonical = e(&canonical),
        locale = og_locale(article.language),
    );
    if is_web_url(&canonical) {
        head.push_str(&format!(
            "<meta property=\"og:url\" content=\"{}\">\n",
            e(&canonical)
        ));
    }
    if let Some(img) = article.images.iter().find(|i| is_web_url(&i.src)) {
        head.push_str(&format!(
            "<meta property=\"og:image\" content=\"{}\">\n",
            e(&img.src)
        ));
    }
    if let Some(date) = &article.date_published {
        head.push_str(&format!(
            "<meta property=\"article:published_time\" content=\"{}\">\n",
            e(date)
        ));
    }
    // The page is the head with the body appended, sized once: no second growing copy of a
    // long body.
    let (open, close) = ("</head>\n<body>\n", "</body>\n</html>\n");
    head.reserve_exact(open.len() + body.len() + close.len());
    head.push_str(open);
    head.push_str(&body);
    head.push_str(close);
    head
}

/// The keywords meta: the focus keyphrase first, then the other keyphrases (up to ten).
fn keywords(article: &Article) -> String {
    let mut out = vec![article.focus_keyphrase.clone()];
    for k in article.keyphrases.iter().take(10) {
        if !out.iter().any(|o| o.eq_ignore_ascii_case(&k.text)) {
            out.push(k.text.clone());
        }
    }
    out.retain(|k| !k.trim().is_empty());
    out.join(", ")
}

/// The `<article>` element. With `annotate`, generated blocks and headings carry their rule
/// (class `gen` and a `title` attribute), for the preview.
fn html_article(article: &Article, options: &RenderOptions, annotate: bool) -> String {
    let e = html_escape;
    let mut out = String::from("<article>\n");
    if !annotate {
        out.push_str(&ld_scripts(article, options));
    }
    out.push_str(&format!("<h1>{}</h1>\n", e(&article.h1)));
    for img in article.images.iter().filter(|i| i.after_paragraph == 0) {
        out.push_str(&html_image(img));
    }
    for section in &article.sections {
        out.push_str("<section>\n");
        if let Some(h) = &section.heading {
            match (&section.heading_rule, annotate) {
                (Some(rule), true) => out.push_str(&format!(
                    "<h2 class=\"gen\" title=\"{}\">{}</h2>\n",
                    e(rule),
                    e(h)
                )),
                _ => out.push_str(&format!("<h2>{}</h2>\n", e(h))),
            }
        }
        for block in &section.blocks {
            let rule = origin_rule(&block.origin).filter(|_| annotate);
            // context text (archive, packs) is shaded apart from generated text
            let class = if matches!(block.origin, Origin::Context { .. }) {
                "ctx"
            } else {
                "gen"
            };
            let attrs = rule
                .map(|r| format!(" class=\"{class}\" title=\"{}\"", e(r)))
                .unwrap_or_default();
            match block.kind {
                BlockKind::Paragraph => {
                    out.push_str(&format!("<p{attrs}>{}</p>\n", e(&block.text)));
                }
                BlockKind::List => {
                    out.push_str(&format!("<ul{attrs}>\n"));
                    let n = block.text.lines().count();
                    for (i, item) in block.text.lines().enumerate() {
                        match item_link(&block.origin, n, i) {
                            Some(url) => out.push_str(&format!(
                                "<li><a href=\"{}\">{}</a></li>\n",
                                e(url),
                                e(item)
                            )),
                            None => out.push_str(&format!("<li>{}</li>\n", e(item))),
                        }
                    }
                    out.push_str("</ul>\n");
                }
                BlockKind::Faq => {
                    let class = if rule.is_some() { "faq gen" } else { "faq" };
                    out.push_str(&format!("<dl class=\"{class}\">\n"));
                    for qa in &block.qa {
                        let title = if annotate {
                            format!(" title=\"{}\"", e(&qa.rule))
                        } else {
                            String::new()
                        };
                        out.push_str(&format!(
                            "<dt{title}>{}</dt>\n<dd>{}</dd>\n",
                            e(&qa.question),
                            e(&qa.answer)
                        ));
                    }
                    out.push_str("</dl>\n");
                }
            }
            for img in images_after(article, &block.origin) {
                out.push_str(&html_image(img));
            }
        }
        out.push_str("</section>\n");
    }
    if let Some(url) = options.source() {
        out.push_str(&format!(
            "<p class=\"source\">{} <a href=\"{}\">{}</a></p>\n",
            source_label(article.language),
            e(url),
            e(host(url))
        ));
    }
    out.push_str("</article>\n");
    out
}

/// The CSS of the preview page (inline: the page needs no network).
const PREVIEW_CSS: &str = "body{font-family:Arial,Helvetica,sans-serif;margin:0;background:#f4f4f1;color:#202124}\
main{max-width:960px;margin:0 auto;padding:16px 24px}\
h1.preview{font-size:20px;color:#5f6368;font-weight:normal;margin:8px 0 16px}\
.panel{background:#fff;border:1px solid #dadce0;border-radius:8px;padding:16px 20px;margin:0 0 16px}\
.panel>h2{font-size:14px;text-transform:uppercase;letter-spacing:.05em;color:#5f6368;margin:0 0 12px}\
.serp{max-width:600px}.serp .url{font-size:14px;color:#202124;margin:0}\
.serp .t{font-size:20px;line-height:1.3;color:#1a0dab;margin:4px 0;white-space:nowrap}\
.serp .d{font-size:14px;line-height:1.58;color:#4d5156;margin:0}.serp .date{color:#70757a}\
.fields dt{font-weight:bold;font-size:13px;color:#5f6368}.fields dd{margin:0 0 8px}\
.outline li{margin:2px 0}.doc{font-family:Georgia,serif;font-size:17px;line-height:1.55}\
.doc h1{font-size:30px}.doc h2{font-size:22px;margin-top:28px}\
.doc dt{font-weight:bold;margin-top:6px}.doc dd{margin:2px 0 6px 24px}\
.gen{background:#fff4c2;border-left:4px solid #f2b200;padding:2px 6px;cursor:help}\
.ctx{background:#e1efff;border-left:4px solid #3b82f6;padding:2px 6px;cursor:help}\
.legend span{display:inline-block;padding:2px 8px;margin-right:8px;font-size:13px}\
.src{background:#fff;border:1px solid #dadce0}\
table{border-collapse:collapse;width:100%;font-size:14px}th,td{border-bottom:1px solid #e8eaed;padding:6px 8px;text-align:left;vertical-align:top}\
td:nth-child(2){white-space:nowrap}.dot{display:inline-block;width:12px;height:12px;border-radius:50%;margin-right:6px;vertical-align:-1px}\
.good .dot{background:#1e8e3e}.ok .dot{background:#f29900}.bad .dot{background:#d93025}.na .dot{background:#bdc1c6}\
.scores{font-size:15px}";

/// The preview page: one self-contained HTML document (inline CSS, no script, no network)
/// for an editor — the search-result snippet (title cut at 600 px of Arial 20 px, the URL,
/// the meta description cut at 920 px of Arial 14 px, as a search engine shows them), the
/// snippet fields with their rules, the heading outline, the article with generated text
/// shaded and its rule id on hover (`title` attribute), and the audit table.
#[must_use]
pub fn preview(article: &Article, report: &Audit, options: &RenderOptions) -> String {
    let e = html_escape;
    let canonical = options.canonical(&article.slug);
    let shown_url = if is_web_url(&canonical) {
        let rest = canonical.split("://").nth(1).unwrap_or(&canonical);
        rest.split('/')
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" › ")
    } else {
        format!("… › {}", article.slug)
    };
    let title = audit::truncate_to_width(&article.title, audit::TITLE_FONT_PX, audit::TITLE_MAX_PX);
    let meta = audit::truncate_to_width(&article.meta_description, 14.0, 920.0);
    let date = article
        .date
        .as_ref()
        .map(|d| format!("<span class=\"date\">{} — </span>", e(d)))
        .unwrap_or_default();
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Preview: {t}</title>\n<style>{PREVIEW_CSS}</style>\n</head>\n<body>\n<main>\n\
         <h1 class=\"preview\">copydesk preview · SEO {seo}/100 · readability {read}/100 · {words} words</h1>\n\
         <section class=\"panel\" id=\"snippet\">\n<h2>Search result</h2>\n<div class=\"serp\">\n\
         <p class=\"url\">{url}</p>\n<p class=\"t\">{title}</p>\n<p class=\"d\">{date}{meta}</p>\n</div>\n</section>\n",
        lang = article.language.code(),
        seo = report.seo_score,
        read = report.readability_score,
        words = article.word_count,
        t = e(&article.title),
        url = e(&shown_url),
        title = e(&title),
        meta = e(&meta),
    );
    out.push_str(&format!(
        "<section class=\"panel\" id=\"fields\">\n<h2>Snippet fields</h2>\n<dl class=\"fields\">\n\
         <dt>Title ({chars} characters, {px:.0} px)</dt><dd class=\"gen\" title=\"{tr}\">{t}</dd>\n\
         <dt>Meta description ({mchars} characters)</dt><dd class=\"gen\" title=\"{mr}\">{m}</dd>\n\
         <dt>Slug</dt><dd>{slug}</dd>\n<dt>Canonical</dt><dd>{canon}</dd>\n\
         <dt>Focus keyphrase</dt><dd>{kp}</dd>\n</dl>\n</section>\n",
        chars = article.title.chars().count(),
        px = audit::title_width_px(&article.title),
        tr = e(&article.title_rule),
        t = e(&article.title),
        mchars = article.meta_description.chars().count(),
        mr = e(&article.meta_rule),
        m = e(&article.meta_description),
        slug = e(&article.slug),
        canon = e(&canonical),
        kp = e(&article.focus_keyphrase),
    ));
    out.push_str(
        "<section class=\"panel\" id=\"outline\">\n<h2>Outline</h2>\n<ol class=\"outline\">\n",
    );
    out.push_str(&format!("<li>H1 {}</li>\n", e(&article.h1)));
    for s in &article.sections {
        if let Some(h) = &s.heading {
            out.push_str(&format!(
                "<li>H2 {} <small>({} words{})</small></li>\n",
                e(h),
                s.blocks
                    .iter()
                    .map(|b| crate::text::count_words(&b.text))
                    .sum::<usize>(),
                s.heading_rule
                    .as_ref()
                    .map(|r| format!(", {}", e(r)))
                    .unwrap_or_default()
            ));
        }
    }
    out.push_str("</ol>\n</section>\n");
    out.push_str(
        "<section class=\"panel\" id=\"article\">\n<h2>Article</h2>\n<p class=\"legend\">\
         <span class=\"src\">article text</span><span class=\"gen\">generated (rule on hover)</span>\
         <span class=\"ctx\">context</span></p>\n<div class=\"doc\">\n",
    );
    out.push_str(&html_article(article, options, true));
    out.push_str("</div>\n</section>\n");
    out.push_str(&format!(
        "<section class=\"panel\" id=\"audit\">\n<h2>Audit</h2>\n<p class=\"scores\">SEO {}/100 · readability {}/100 · {} words · {} sentences · keyphrase “{}”</p>\n\
         <table>\n<thead><tr><th>check</th><th>rating</th><th>value</th><th>finding</th></tr></thead>\n<tbody>\n",
        report.seo_score,
        report.readability_score,
        report.word_count,
        report.sentence_count,
        e(&report.keyphrase)
    ));
    for c in &report.checks {
        let r = c.rating.map_or("na", Rating::as_str);
        out.push_str(&format!(
            "<tr class=\"{r}\"><td>{id}</td><td><span class=\"dot\"></span>{label}</td><td>{v}</td><td>{m}</td></tr>\n",
            id = e(c.id),
            label = if r == "na" { "n/a" } else { r },
            v = c.value,
            m = e(&c.message),
        ));
    }
    out.push_str("</tbody>\n</table>\n</section>\n</main>\n</body>\n</html>\n");
    out
}

/// The article as the contract's JSON object (`copydesk.article/1`), with `markdown` and `html`.
#[must_use]
pub fn json_value(article: &Article) -> Value {
    json_value_with(article, &RenderOptions::default())
}

/// [`json_value`] with render options (the `markdown` and `html` fields follow them).
#[must_use]
pub fn json_value_with(article: &Article, options: &RenderOptions) -> Value {
    // The two renderings are built (a long Markdown trimmed to its length) before the
    // article's value tree: a long article's value tree is then never alive beside their
    // growing buffers.
    let mut markdown = markdown_with(article, options);
    if markdown.capacity() - markdown.len() > 1 << 16 {
        markdown.shrink_to_fit();
    }
    let html = html_with(article, options);
    let mut v = serde_json::to_value(article).unwrap_or(Value::Null);
    if let Some(obj) = v.as_object_mut() {
        obj.insert("schema".into(), Value::String(ARTICLE_SCHEMA.into()));
        obj.insert("markdown".into(), Value::String(markdown));
        obj.insert("html".into(), Value::String(html));
    }
    v
}

/// The article as pretty JSON text.
#[must_use]
pub fn json(article: &Article) -> String {
    json_with(article, &RenderOptions::default())
}

/// [`json()`] with render options.
#[must_use]
pub fn json_with(article: &Article, options: &RenderOptions) -> String {
    serde_json::to_string_pretty(&json_value_with(article, options)).unwrap_or_else(|_| "{}".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escapes_markup() {
        assert_eq!(md_escape("# pas un titre"), "\\# pas un titre");
        assert_eq!(md_escape("a *b* <i>"), "a \\*b\\* \\<i\\>");
        assert_eq!(md_escape("2012. - La suite"), "2012\\. - La suite");
    }

    use crate::compose::{Block, QuestionAnswer, ScoredPhrase, Section};

    /// An article built by hand (own text): a lede, a section with a hostile heading, an FAQ.
    fn article() -> Article {
        let para = |text: &str, paragraph: usize| Block {
            kind: BlockKind::Paragraph,
            text: text.into(),
            items: Vec::new(),
            qa: Vec::new(),
            origin: Origin::Source { paragraph },
            restated: Vec::new(),
        };
        Article {
            language: Lang::Fr,
            title: "Montbrac : la piscine rouvre </script><script>alert(1)</script>".into(),
            title_rule: "fr.title.focus-clause".into(),
            h1: "La piscine de Montbrac rouvre samedi après huit mois de travaux, a annoncé la mairie, qui promet des horaires élargis pour l’été".into(),
            meta_description: "La piscine de Montbrac rouvre samedi « après huit mois » & des travaux.".into(),
            meta_rule: "fr.meta.lede".into(),
            slug: "piscine-montbrac-rouvre".into(),
            focus_keyphrase: "piscine".into(),
            keyphrases: vec![ScoredPhrase { text: "piscine".into(), score: 1.0 }],
            sections: vec![
                Section {
                    heading: None,
                    heading_rule: None,
                    blocks: vec![para("La piscine de Montbrac rouvre samedi.", 0)],
                },
                Section {
                    heading: Some("Questions </script> & réponses".into()),
                    heading_rule: Some("fr.faq.heading".into()),
                    blocks: vec![Block {
                        kind: BlockKind::Faq,
                        text: "Quand la piscine rouvre-t-elle ?\nSamedi.".into(),
                        items: Vec::new(),
                        qa: vec![
                            QuestionAnswer {
                                question: "Quand la piscine rouvre-t-elle ?".into(),
                                answer: "La piscine rouvre samedi.".into(),
                                rule: "fr.faq.when".into(),
                            },
                            QuestionAnswer {
                                question: "Combien ont coûté les travaux </script> ?".into(),
                                answer: "Les travaux ont coûté 2 millions d’euros.".into(),
                                rule: "fr.faq.figure".into(),
                            },
                        ],
                        origin: Origin::Generated {
                            rule: "fr.block.faq".into(),
                            sources: vec![0],
                        },
                        restated: Vec::new(),
                    }],
                },
            ],
            removed: Vec::new(),
            word_count: 30,
            target_words: 700,
            target_met: false,
            missing_words: 670,
            warnings: Vec::new(),
            date: Some("22 mai 2012".into()),
            date_published: Some("2012-05-22".into()),
            images: Vec::new(),
        }
    }

    fn ld_values(html: &str) -> Vec<Value> {
        html.split("<script type=\"application/ld+json\">")
            .skip(1)
            .filter_map(|s| s.split("</script>").next())
            .map(|s| serde_json::from_str(s).unwrap_or(Value::Null))
            .collect()
    }

    #[test]
    fn faq_page_json_ld_from_the_faq_block() {
        let a = article();
        let html = html(&a);
        let values = ld_values(&html);
        assert_eq!(values.len(), 2, "{html}");
        let faq = &values[1];
        assert_eq!(faq["@type"], "FAQPage");
        let q = faq["mainEntity"].as_array().map_or(0, Vec::len);
        assert_eq!(q, 2);
        assert_eq!(
            faq["mainEntity"][1]["name"],
            "Combien ont coûté les travaux </script> ?"
        );
        assert_eq!(
            faq["mainEntity"][0]["acceptedAnswer"]["text"],
            "La piscine rouvre samedi."
        );
        // The FAQ is a description list in the page, questions as terms.
        assert!(html.contains("<dt>Quand la piscine rouvre-t-elle ?</dt>"));
    }

    #[test]
    fn news_article_json_ld_properties_and_escaping() {
        let a = article();
        let html = html(&a);
        // Input can never close the script element: every script ends where we end it.
        for script in html.split("<script type=\"application/ld+json\">").skip(1) {
            let body = script.split("</script>").next().unwrap_or_default();
            assert!(!body.contains('<'), "{body}");
        }
        assert_eq!(html.matches("<script").count(), 2);
        let news = &ld_values(&html)[0];
        assert_eq!(news["@type"], "NewsArticle");
        let headline = news["headline"].as_str().unwrap_or_default();
        assert!(
            headline.chars().count() <= 110 && headline.ends_with('…'),
            "{headline}"
        );
        assert!(a.h1.starts_with(headline.trim_end_matches('…')));
        assert_eq!(news["datePublished"], "2012-05-22");
        assert_eq!(news["keywords"][0], "piscine");
        assert_eq!(news["articleSection"][0], "Questions </script> & réponses");
        assert!(html.contains("<link rel=\"canonical\" href=\"/piscine-montbrac-rouvre\">"));
        assert!(html.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>"));
        assert!(html.contains("content=\"La piscine de Montbrac rouvre samedi « après huit mois » &amp; des travaux.\""));
    }

    #[test]
    fn fragment_source_link_and_base_url() {
        let a = article();
        let o = RenderOptions::default()
            .with_fragment(true)
            .with_source_url(Some("https://exemple.fr/a?b=1&c=\"2\"".into()))
            .with_base_url(Some("https://journal.exemple.fr/".into()));
        let frag = html_with(&a, &o);
        assert!(frag.starts_with("<article>") && !frag.contains("<html"));
        assert!(
            frag.contains("href=\"https://exemple.fr/a?b=1&amp;c=&quot;2&quot;\">exemple.fr</a>")
        );
        assert_eq!(
            ld_values(&frag)[0]["mainEntityOfPage"]["@id"],
            "https://journal.exemple.fr/piscine-montbrac-rouvre"
        );
        // Only web addresses become links.
        let o = RenderOptions::default().with_source_url(Some("javascript:alert(1)".into()));
        assert!(!html_with(&a, &o).contains("javascript:"));
        assert!(!markdown_with(&a, &o).contains("javascript:"));
        let md = markdown_with(
            &a,
            &RenderOptions::default().with_source_url(Some("https://exemple.fr/x".into())),
        );
        assert!(
            md.ends_with("Source\u{a0}: [exemple.fr](https://exemple.fr/x)\n"),
            "{md}"
        );
    }

    #[test]
    fn preview_shades_generated_text_with_its_rule() {
        let a = article();
        let pack = crate::lang::LanguagePack::load(Lang::Fr).unwrap_or_else(|e| panic!("{e}"));
        let report = crate::audit::audit_article(&a, &pack);
        let page = preview(&a, &report, &RenderOptions::default());
        assert!(page.contains("<dl class=\"faq gen\">"));
        assert!(page.contains("<dt title=\"fr.faq.when\">"));
        assert!(page.contains("<h2 class=\"gen\" title=\"fr.faq.heading\">"));
        // One table row a check, no external resource.
        assert_eq!(page.matches("<tr class=").count(), report.checks.len());
        assert!(!page.contains("src=\"http") && !page.contains("<script"));
        // The search snippet's title fits in 600 px.
        let serp_title = page
            .split("<p class=\"t\">")
            .nth(1)
            .and_then(|s| s.split("</p>").next())
            .unwrap_or_default();
        assert!(!serp_title.is_empty());
        assert!(
            audit::title_width_px(&serp_title.replace("&lt;", "<").replace("&gt;", ">")) <= 600.0
        );
    }

    #[test]
    fn json_carries_both_renderings_and_the_page_wraps_the_fragment() {
        let a = article();
        let ro = RenderOptions::default();
        let v = json_value_with(&a, &ro);
        assert_eq!(
            v["markdown"].as_str(),
            Some(markdown_with(&a, &ro).as_str())
        );
        let page = html_with(&a, &ro);
        assert_eq!(v["html"].as_str(), Some(page.as_str()));
        let body = html_with(&a, &ro.clone().with_fragment(true));
        let tail = format!("</head>\n<body>\n{body}</body>\n</html>\n");
        assert!(page.starts_with("<!DOCTYPE html>\n"), "{page}");
        assert!(page.ends_with(&tail), "{page}");
        assert_eq!(page.matches("<body>").count(), 1);
    }

    #[test]
    fn html_escapes_everything() {
        assert_eq!(
            html_escape("<script>\"x\" & 'y'"),
            "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;"
        );
    }
}
