//! Stage 6, `render`: Markdown, HTML (with meta tags and schema.org JSON-LD) and JSON.
//! Renderers only read the [`Article`]; they decide nothing.

use serde_json::{Value, json};

use crate::compose::{Article, ArticleImage, BlockKind, Origin};

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

/// The schema.org `NewsArticle` JSON-LD, safe to embed in a `<script>` element.
#[must_use]
pub fn json_ld(article: &Article) -> String {
    let headline: String = article.h1.chars().take(110).collect();
    let mut ld = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": headline,
        "description": article.meta_description,
        "inLanguage": article.language.code(),
        "keywords": article.keyphrases.iter().take(10).map(|k| k.text.clone()).collect::<Vec<_>>(),
        "articleSection": article.sections.iter().filter_map(|s| s.heading.clone()).collect::<Vec<_>>(),
        "wordCount": article.word_count,
    });
    if let (Some(date), Some(obj)) = (&article.date_published, ld.as_object_mut()) {
        obj.insert("datePublished".into(), Value::String(date.clone()));
    }
    let s = serde_json::to_string(&ld).unwrap_or_else(|_| "{}".into());
    // Never let input close the script element or open a comment.
    s.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// Renders the article as a full HTML5 document with `<title>`, meta description, canonical
/// path, Open Graph basics and JSON-LD. Everything from the input is escaped.
#[must_use]
pub fn html(article: &Article) -> String {
    let e = html_escape;
    let mut out = String::new();
    out.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n\
         <meta name=\"description\" content=\"{}\">\n<link rel=\"canonical\" href=\"/{}\">\n\
         <meta property=\"og:type\" content=\"article\">\n<meta property=\"og:title\" content=\"{}\">\n\
         <meta property=\"og:description\" content=\"{}\">\n<meta name=\"keywords\" content=\"{}\">\n\
         <script type=\"application/ld+json\">{}</script>\n</head>\n<body>\n<article>\n<h1>{}</h1>\n",
        article.language.code(),
        e(&article.title),
        e(&article.meta_description),
        e(&article.slug),
        e(&article.title),
        e(&article.meta_description),
        e(&article.focus_keyphrase),
        json_ld(article),
        e(&article.h1),
    ));
    for img in article.images.iter().filter(|i| i.after_paragraph == 0) {
        out.push_str(&html_image(img));
    }
    for section in &article.sections {
        out.push_str("<section>\n");
        if let Some(h) = &section.heading {
            out.push_str(&format!("<h2>{}</h2>\n", e(h)));
        }
        for block in &section.blocks {
            match block.kind {
                BlockKind::Paragraph => out.push_str(&format!("<p>{}</p>\n", e(&block.text))),
                BlockKind::List => {
                    out.push_str("<ul>\n");
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
                    out.push_str("<div class=\"faq\">\n");
                    for qa in &block.qa {
                        out.push_str(&format!(
                            "<p><strong>{}</strong></p>\n<p>{}</p>\n",
                            e(&qa.question),
                            e(&qa.answer)
                        ));
                    }
                    out.push_str("</div>\n");
                }
            }
            for img in images_after(article, &block.origin) {
                out.push_str(&html_image(img));
            }
        }
        out.push_str("</section>\n");
    }
    out.push_str("</article>\n</body>\n</html>\n");
    out
}

/// The article as the contract's JSON object (`copydesk.article/1`), with `markdown` and `html`.
#[must_use]
pub fn json_value(article: &Article) -> Value {
    let mut v = serde_json::to_value(article).unwrap_or(Value::Null);
    if let Some(obj) = v.as_object_mut() {
        obj.insert("schema".into(), Value::String(ARTICLE_SCHEMA.into()));
        obj.insert("markdown".into(), Value::String(markdown(article)));
        obj.insert("html".into(), Value::String(html(article)));
    }
    v
}

/// The article as pretty JSON text.
#[must_use]
pub fn json(article: &Article) -> String {
    serde_json::to_string_pretty(&json_value(article)).unwrap_or_else(|_| "{}".into())
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

    #[test]
    fn html_escapes_everything() {
        assert_eq!(
            html_escape("<script>\"x\" & 'y'"),
            "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;"
        );
    }
}
