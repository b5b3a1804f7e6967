//! The `copydesk` command line: a thin layer over the library (contract v1).

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use copydesk::context::ContextSource;
use copydesk::lang::{HeadlineCase, Lang};
use copydesk::{Engine, Input, Options, audit, render};
use serde_json::{Value, json};

/// The sample brief shipped with copydesk (own text), used by `rewrite --sample`.
const SAMPLE_BRIEF: &str = include_str!("../examples/brief-sample-fr.txt");

#[derive(Parser)]
#[command(
    name = "copydesk",
    version,
    about = "Offline, rule-based copy desk: article + brief → SEO-ready article"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Rewrite an article from a brief: title, meta, slug, sections, grounded blocks.
    Rewrite {
        /// A file path; absent or '-' means stdin.
        input: Option<PathBuf>,
        /// Use the sample brief shipped with copydesk instead of INPUT.
        #[arg(long, conflicts_with = "input")]
        sample: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Markdown)]
        format: Format,
        /// Exit with status 3 when the word target cannot be met.
        #[arg(long)]
        strict: bool,
        /// With --format html: the article element only, no <html>/<head> (for a CMS body).
        #[arg(long)]
        html_fragment: bool,
        /// The address of the original article, linked as the source in HTML and Markdown.
        #[arg(long, value_name = "URL")]
        source_url: Option<String>,
        /// The site's base URL for the canonical link and Open Graph URL (default: a
        /// site-relative path from the slug).
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        #[command(flatten)]
        opts: RewriteOpts,
        /// Write the output to FILE instead of stdout.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Show the analysis: paragraphs, sentences, keyphrases, entities, figures, sections.
    Analyze {
        /// A file path; absent or '-' means stdin.
        input: Option<PathBuf>,
        /// Output format (only json).
        #[arg(long, value_enum, default_value_t = AnalyzeFormat::Json)]
        format: AnalyzeFormat,
        #[command(flatten)]
        opts: RewriteOpts,
    },
    /// The SEO and readability audit of an existing article (Markdown or HTML), with a
    /// traffic light for each check (the checks the Yoast plugin documents).
    Audit {
        /// A file path; absent or '-' means stdin.
        input: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = AuditFormat::Text)]
        format: AuditFormat,
        /// The focus keyphrase (default: the page's meta keywords, else extracted).
        #[arg(long, value_name = "TEXT")]
        keyphrase: Option<String>,
        /// The SEO title (default: the page's <title>, else its leading H1).
        #[arg(long, value_name = "TEXT")]
        title: Option<String>,
        /// The meta description (default: the page's meta description).
        #[arg(long, value_name = "TEXT")]
        meta: Option<String>,
        /// The URL slug (default: from the page's canonical link).
        #[arg(long, value_name = "SLUG")]
        slug: Option<String>,
        /// Language: fr, en or auto (default: the page's lang, else detected).
        #[arg(long, value_name = "fr|en|auto")]
        lang: Option<String>,
        /// Input format: markdown or html (default: detected from the content).
        #[arg(long, value_name = "markdown|html")]
        input_format: Option<String>,
        /// Largest input accepted, in bytes.
        #[arg(long, value_name = "BYTES", default_value_t = copydesk::DEFAULT_MAX_INPUT_BYTES)]
        max_input_bytes: usize,
    },
    /// JSON Lines in (one article a line: {"id","title","paragraphs"} or {"id","brief"}),
    /// JSON Lines out, same order; a failing line gives {"id","error"}.
    Batch {
        /// A file path; absent or '-' means stdin.
        input: Option<PathBuf>,
        /// Worker threads (default: all cores). Output order and bytes do not depend on it.
        #[arg(long, short = 'j', value_name = "N")]
        jobs: Option<usize>,
        #[command(flatten)]
        opts: RewriteOpts,
    },
    /// Archive indexes for `--archive`.
    Archive {
        #[command(subcommand)]
        action: ArchiveAction,
    },
}

#[derive(Subcommand)]
enum ArchiveAction {
    /// Build an on-disk index (tantivy) of a JSON Lines archive
    /// ({"id","title","date","url"?,"paragraphs"}) for `--archive INDEX_DIR`.
    Build {
        /// The JSON Lines archive; '-' means stdin.
        archive: PathBuf,
        /// The index directory to create (it must not exist or be empty).
        #[arg(short, long, value_name = "INDEX_DIR")]
        output: PathBuf,
    },
}

#[derive(Args, Clone)]
struct RewriteOpts {
    /// Output language: fr, en or auto (default: what the brief says, else detected).
    #[arg(long, value_name = "fr|en|auto")]
    lang: Option<String>,
    /// Word target (default: what the brief says, else 700).
    #[arg(long, value_name = "N")]
    min_words: Option<usize>,
    /// The title to customise (overrides the brief's).
    #[arg(long, value_name = "TEXT")]
    title: Option<String>,
    /// The focus keyphrase (overrides the extracted one).
    #[arg(long, value_name = "TEXT")]
    keyphrase: Option<String>,
    /// Input format: text, markdown or html (default: detected from the content).
    #[arg(long, value_name = "text|markdown|html")]
    input_format: Option<String>,
    /// Headline case of the title, H1 and subheadings: sentence or title (title case applies
    /// to English only; French stays in sentence case).
    #[arg(long, value_name = "sentence|title")]
    headline_case: Option<String>,
    /// An archive of earlier articles: a JSON Lines file ({"id","title","date","url"?,
    /// "paragraphs"}) or an index directory built by `copydesk archive build`. Related items
    /// feed the "Contexte" and "À lire aussi" blocks.
    #[arg(long, value_name = "PATH")]
    archive: Option<PathBuf>,
    /// A context pack, JSON ([{"entity","aliases","text","source"}]) or TOML ([[notes]] tables
    /// with the same fields; a .toml file): background notes on the entities central to the
    /// article.
    #[arg(long, value_name = "PATH")]
    pack: Option<PathBuf>,
    /// Largest input accepted, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = copydesk::DEFAULT_MAX_INPUT_BYTES)]
    max_input_bytes: usize,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Markdown,
    Html,
    Json,
    /// One self-contained HTML page for an editor: search snippet, outline, the article with
    /// generated text shaded (rule id on hover), the audit table.
    Preview,
}

#[derive(Clone, Copy, ValueEnum)]
enum AuditFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum AnalyzeFormat {
    Json,
}

/// A usage or input error: exit status 2 with one line on stderr.
struct Fail(String);

impl RewriteOpts {
    fn options(&self) -> Result<Options, Fail> {
        let lang = match self.lang.as_deref().map(str::trim) {
            None | Some("auto" | "") => None,
            Some(l) => Some(
                Lang::parse(l)
                    .ok_or_else(|| Fail(format!("unknown language '{l}': use fr, en or auto")))?,
            ),
        };
        let input_format = match self.input_format.as_deref().map(str::trim) {
            None | Some("auto" | "") => None,
            Some(f) => Some(copydesk::markup::InputFormat::parse(f).ok_or_else(|| {
                Fail(format!(
                    "unknown input format '{f}': use text, markdown or html"
                ))
            })?),
        };
        let headline_case = match self.headline_case.as_deref() {
            None => HeadlineCase::default(),
            Some(c) => HeadlineCase::parse(c).ok_or_else(|| {
                Fail(format!(
                    "unknown headline case '{c}': use sentence or title"
                ))
            })?,
        };
        let mut options = Options::default();
        let mut sources: Vec<std::sync::Arc<dyn copydesk::context::ContextSource>> = Vec::new();
        if let Some(path) = &self.archive {
            sources.push(open_archive(path)?);
        }
        if let Some(path) = &self.pack {
            let text = std::fs::read_to_string(path)
                .map_err(|e| Fail(format!("cannot read context pack {}: {e}", path.display())))?;
            let toml = path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
            let pack = if toml {
                copydesk::context::Pack::from_toml(&text)
            } else {
                copydesk::context::Pack::from_json(&text)
            }
            .map_err(|e| Fail(format!("{}: {e}", path.display())))?;
            sources.push(std::sync::Arc::new(pack));
        }
        match sources.len() {
            0 => {}
            1 => {
                if let Some(s) = sources.pop() {
                    options = options.with_context_source(s);
                }
            }
            _ => {
                options = options
                    .with_context_source(std::sync::Arc::new(copydesk::context::Sources(sources)));
            }
        }
        Ok(options
            .with_headline_case(headline_case)
            .with_input_format(input_format)
            .with_lang(lang)
            .with_min_words(self.min_words)
            .with_title(self.title.clone())
            .with_keyphrase(self.keyphrase.clone())
            .with_max_input_bytes(self.max_input_bytes))
    }
}

/// `--archive PATH`: a directory is an index built by `copydesk archive build`; a file is
/// JSON Lines, indexed in memory at start.
fn open_archive(path: &std::path::Path) -> Result<std::sync::Arc<dyn ContextSource>, Fail> {
    if path.is_dir() {
        #[cfg(feature = "tantivy")]
        {
            let index = copydesk::context::TantivyArchive::open(path)
                .map_err(|e| Fail(format!("archive {}: {e}", path.display())))?;
            return Ok(std::sync::Arc::new(index));
        }
        #[cfg(not(feature = "tantivy"))]
        return Err(Fail(format!(
            "archive {}: an index directory needs copydesk built with the `tantivy` feature; give the JSON Lines file instead",
            path.display()
        )));
    }
    let text = std::fs::read_to_string(path)
        .map_err(|e| Fail(format!("cannot read archive {}: {e}", path.display())))?;
    let archive = copydesk::context::Archive::from_jsonl(&text)
        .map_err(|e| Fail(format!("archive {}: {e}", path.display())))?;
    Ok(std::sync::Arc::new(archive))
}

/// `copydesk archive build ARCHIVE -o INDEX_DIR`.
fn archive_build(archive: &std::path::Path, output: &std::path::Path) -> Result<(), Fail> {
    #[cfg(feature = "tantivy")]
    {
        let stats = if archive.as_os_str() == "-" {
            copydesk::context::TantivyArchive::build(std::io::stdin().lock(), output)
        } else {
            let file = std::fs::File::open(archive)
                .map_err(|e| Fail(format!("cannot read archive {}: {e}", archive.display())))?;
            copydesk::context::TantivyArchive::build(std::io::BufReader::new(file), output)
        }
        .map_err(|e| Fail(format!("{}: {e}", archive.display())))?;
        eprintln!(
            "copydesk: indexed {} articles into {}",
            stats.items,
            output.display()
        );
        Ok(())
    }
    #[cfg(not(feature = "tantivy"))]
    {
        let _ = (archive, output);
        Err(Fail(
            "archive build needs copydesk built with the `tantivy` feature".into(),
        ))
    }
}

fn read_input(path: Option<&PathBuf>, limit: usize) -> Result<String, Fail> {
    let mut bytes = Vec::new();
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    let res = match path {
        None => std::io::stdin().lock().take(cap).read_to_end(&mut bytes),
        Some(p) if p.as_os_str() == "-" => {
            std::io::stdin().lock().take(cap).read_to_end(&mut bytes)
        }
        Some(p) => {
            let file = std::fs::File::open(p)
                .map_err(|e| Fail(format!("cannot open {}: {e}", p.display())))?;
            // The buffer is sized to the file once (a 10 MB file no longer takes 16 MB by
            // doubling); past the limit, one byte more is enough to refuse it.
            let size = file.metadata().map_or(0, |m| m.len()).min(cap);
            bytes.reserve_exact(usize::try_from(size).unwrap_or(0));
            file.take(cap).read_to_end(&mut bytes)
        }
    };
    res.map_err(|e| Fail(format!("cannot read input: {e}")))?;
    if bytes.len() > limit {
        return Err(Fail(format!(
            "input is over the limit of {limit} bytes: split it or pass --max-input-bytes"
        )));
    }
    String::from_utf8(bytes).map_err(|e| {
        Fail(format!(
            "input is not valid UTF-8 (byte {}): convert it to UTF-8 first",
            e.utf8_error().valid_up_to()
        ))
    })
}

fn write_output(path: Option<&PathBuf>, text: &str) -> Result<(), Fail> {
    match path {
        Some(p) => {
            std::fs::write(p, text).map_err(|e| Fail(format!("cannot write {}: {e}", p.display())))
        }
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())
                .and_then(|()| out.flush())
                .map_err(|e| Fail(format!("cannot write output: {e}")))
        }
    }
}

/// Writes `value` as pretty JSON and a final newline to `path`, or to stdout, streamed through
/// a buffer: the same bytes as `serde_json::to_string_pretty(value) + "\n"`.
fn write_json(path: Option<&PathBuf>, value: &Value) -> Result<(), Fail> {
    fn stream(out: impl Write, value: &Value) -> std::io::Result<()> {
        let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
        serde_json::to_writer_pretty(&mut out, value).map_err(std::io::Error::from)?;
        out.write_all(b"\n")?;
        out.flush()
    }
    match path {
        Some(p) => std::fs::File::create(p)
            .and_then(|f| stream(f, value))
            .map_err(|e| Fail(format!("cannot write {}: {e}", p.display()))),
        None => stream(std::io::stdout().lock(), value)
            .map_err(|e| Fail(format!("cannot write output: {e}"))),
    }
}

fn run(cli: Cli) -> Result<ExitCode, Fail> {
    // The engine lives until the process exits: freeing its compiled patterns one by one
    // would only add time at exit (about 3 % of a batch run on the dev set, under callgrind).
    let engine = std::mem::ManuallyDrop::new(Engine::new().map_err(|e| Fail(e.to_string()))?);
    let engine: &Engine = &engine;
    match cli.command {
        Command::Rewrite {
            input,
            sample,
            format,
            strict,
            html_fragment,
            source_url,
            base_url,
            opts,
            output,
        } => {
            let text = if sample {
                SAMPLE_BRIEF.to_string()
            } else {
                read_input(input.as_ref(), opts.max_input_bytes)?
            };
            // An HTML page gives its own address (canonical link, else og:url): the source.
            let source_url = source_url.or_else(|| {
                let format = opts
                    .input_format
                    .as_deref()
                    .and_then(copydesk::markup::InputFormat::parse)
                    .unwrap_or_else(|| copydesk::markup::InputFormat::detect(&text));
                (format == copydesk::markup::InputFormat::Html)
                    .then(|| audit::Page::from_html(&text).url)
                    .flatten()
            });
            let options = opts
                .options()?
                .with_html_fragment(html_fragment)
                .with_source_url(source_url)
                .with_base_url(base_url);
            // The engine takes the input over and frees it once the document is built.
            let rw = engine
                .rewrite_owned(text, &options)
                .map_err(|e| Fail(e.to_string()))?;
            // Only the article and the detection are rendered: the stage values (document,
            // analysis with its per-token facts, outline) are freed before the output is
            // built, which lowers the peak memory on long inputs.
            let copydesk::Rewrite {
                article,
                document,
                analysis,
                outline,
                detection,
                language_source,
            } = rw;
            drop((document, analysis, outline));
            let a = &article;
            let ro = options.render_options();
            let rendered = match format {
                Format::Markdown => Some(render::markdown_with(a, &ro)),
                Format::Html => Some(render::html_with(a, &ro)),
                Format::Json => {
                    let mut v = render::json_value_with(a, &ro);
                    if let Some(obj) = v.as_object_mut() {
                        obj.insert("detection".into(), detection.json(language_source));
                    }
                    // The JSON text is written straight to its destination, not built as a
                    // second copy of the output in memory.
                    write_json(output.as_ref(), &v)?;
                    None
                }
                Format::Preview => {
                    let report = audit::audit(
                        &audit::Page::from_markdown(&render::markdown_with(a, &ro))
                            .with_title(&a.title)
                            .with_meta_description(&a.meta_description)
                            .with_slug(&a.slug)
                            .with_keyphrase(&a.focus_keyphrase),
                        engine.pack(a.language),
                    );
                    Some(render::preview(a, &report, &ro))
                }
            };
            if let Some(rendered) = rendered {
                write_output(output.as_ref(), &rendered)?;
            }
            for w in &a.warnings {
                eprintln!("copydesk: warning: {w}");
            }
            if strict && !a.target_met {
                return Ok(ExitCode::from(3));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Analyze {
            input,
            format: AnalyzeFormat::Json,
            opts,
        } => {
            let options = opts.options()?;
            let text = read_input(input.as_ref(), opts.max_input_bytes)?;
            let v = engine
                .analyze(Input::Brief(&text), &options)
                .map_err(|e| Fail(e.to_string()))?;
            write_output(
                None,
                &(serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"),
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Audit {
            input,
            format,
            keyphrase,
            title,
            meta,
            slug,
            lang,
            input_format,
            max_input_bytes,
        } => {
            let text = read_input(input.as_ref(), max_input_bytes)?;
            let lang =
                match lang.as_deref().map(str::trim) {
                    None | Some("auto" | "") => None,
                    Some(l) => Some(Lang::parse(l).ok_or_else(|| {
                        Fail(format!("unknown language '{l}': use fr, en or auto"))
                    })?),
                };
            let fmt = match input_format.as_deref().map(str::trim) {
                None | Some("auto" | "") => copydesk::markup::InputFormat::detect(&text),
                Some(f) => copydesk::markup::InputFormat::parse(f).ok_or_else(|| {
                    Fail(format!("unknown input format '{f}': use markdown or html"))
                })?,
            };
            let mut page = match fmt {
                copydesk::markup::InputFormat::Html => audit::Page::from_html(&text),
                _ => audit::Page::from_markdown(&text),
            };
            if page.blocks.is_empty() {
                return Err(Fail(
                    "no article text in the input: give an article in Markdown or HTML".into(),
                ));
            }
            if let Some(t) = title {
                page.title = t;
            }
            if let Some(m) = meta {
                page.meta_description = m;
            }
            if let Some(s) = slug {
                page.slug = s;
            }
            let paragraphs: Vec<String> = page.blocks.iter().map(|b| b.text.clone()).collect();
            let lang = lang
                .or(page.lang)
                .or_else(|| engine.detect(&paragraphs).lang)
                .ok_or_else(|| {
                    Fail("the article is in a language copydesk has no pack for (fr, en)".into())
                })?;
            match keyphrase {
                Some(k) => page.keyphrase = k,
                None if page.keyphrase.trim().is_empty() => {
                    let title = page.h1.clone().or_else(|| Some(page.title.clone()));
                    let v = engine
                        .analyze(
                            Input::Article {
                                title: title.as_deref().filter(|t| !t.is_empty()),
                                paragraphs: &paragraphs,
                            },
                            &Options::default().with_lang(Some(lang)),
                        )
                        .map_err(|e| Fail(e.to_string()))?;
                    page.keyphrase = v
                        .get("focus_keyphrase")
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .to_string();
                }
                None => {}
            }
            let report = audit::audit(&page, engine.pack(lang));
            let out = match format {
                AuditFormat::Text => report.to_text(),
                AuditFormat::Json => {
                    let mut v = serde_json::to_value(&report).unwrap_or(Value::Null);
                    if let Some(obj) = v.as_object_mut() {
                        obj.insert("schema".into(), Value::String(audit::AUDIT_SCHEMA.into()));
                        obj.insert("title".into(), Value::String(page.title.clone()));
                        obj.insert(
                            "meta_description".into(),
                            Value::String(page.meta_description.clone()),
                        );
                        obj.insert("slug".into(), Value::String(page.slug.clone()));
                    }
                    serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"
                }
            };
            write_output(None, &out)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Batch { input, jobs, opts } => {
            let options = opts.options()?;
            batch(engine, input.as_ref(), jobs, &options)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Archive {
            action: ArchiveAction::Build { archive, output },
        } => {
            archive_build(&archive, &output)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Lines read and rewritten at a time: enough to keep every core busy between two ordered
/// writes, few enough that memory stays bounded on an archive of any size.
const BATCH_CHUNK_LINES: usize = 512;
/// Bytes read at a time (whichever of the two limits comes first).
const BATCH_CHUNK_BYTES: usize = 16 << 20;

/// `copydesk batch`: JSON Lines in, one record a line out, in input order, on `jobs` threads.
/// The input is streamed in chunks; each chunk is rewritten in parallel and written in order.
fn batch(
    engine: &Engine,
    input: Option<&PathBuf>,
    jobs: Option<usize>,
    options: &Options,
) -> Result<(), Fail> {
    use rayon::prelude::*;
    use std::io::{BufRead, IsTerminal};

    let mut reader: Box<dyn BufRead> = match input {
        Some(p) if p.as_os_str() != "-" => Box::new(std::io::BufReader::new(
            std::fs::File::open(p)
                .map_err(|e| Fail(format!("cannot open {}: {e}", p.display())))?,
        )),
        _ => Box::new(std::io::stdin().lock()),
    };
    let total = input
        .filter(|p| p.as_os_str() != "-")
        .and_then(|p| std::fs::metadata(p).ok())
        .map(|m| m.len());
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.unwrap_or(0))
        .build()
        .map_err(|e| {
            Fail(format!(
                "cannot start {} worker threads: {e}",
                jobs.unwrap_or(0)
            ))
        })?;
    let progress = progress_bar(std::io::stderr().is_terminal(), total);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut line_no = 0usize;
    let mut done = false;
    while !done {
        // Read one chunk of lines (as bytes: a line that is not UTF-8 is one bad record).
        let mut chunk: Vec<(usize, Vec<u8>)> = Vec::new();
        let mut bytes = 0;
        while chunk.len() < BATCH_CHUNK_LINES && bytes < BATCH_CHUNK_BYTES {
            let mut line = Vec::new();
            let n = reader
                .read_until(b'\n', &mut line)
                .map_err(|e| Fail(format!("cannot read input: {e}")))?;
            if n == 0 {
                done = true;
                break;
            }
            line_no += 1;
            bytes += n;
            if line.iter().all(u8::is_ascii_whitespace) {
                progress.inc(n as u64);
                continue;
            }
            chunk.push((line_no, line));
        }
        let records: Vec<String> = pool.install(|| {
            chunk
                .par_iter()
                .map(|(no, line)| {
                    let record = match std::str::from_utf8(line) {
                        Ok(text) => batch_line(engine, text, options),
                        Err(e) => json!({"id": Value::Null, "error": format!(
                            "not valid UTF-8 (byte {}): convert the input to UTF-8 first",
                            e.valid_up_to()
                        )}),
                    };
                    progress.inc(line.len() as u64);
                    with_line_number(record, *no)
                })
                .collect()
        });
        for r in &records {
            writeln!(out, "{r}").map_err(|e| Fail(format!("cannot write output: {e}")))?;
        }
    }
    out.flush()
        .map_err(|e| Fail(format!("cannot write output: {e}")))?;
    progress.finish_and_clear();
    Ok(())
}

/// The batch progress bar on stderr (input bytes done), hidden unless stderr is a terminal.
fn progress_bar(terminal: bool, total: Option<u64>) -> indicatif::ProgressBar {
    if !terminal {
        return indicatif::ProgressBar::hidden();
    }
    let bar = total.map_or_else(
        indicatif::ProgressBar::no_length,
        indicatif::ProgressBar::new,
    );
    let template = if total.is_some() {
        "{spinner} {bytes}/{total_bytes} [{wide_bar}] {bytes_per_sec}, eta {eta}"
    } else {
        "{spinner} {bytes} {bytes_per_sec} {elapsed}"
    };
    if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
    bar
}

/// A record as one JSON line; an error record also names its input line (1-based).
fn with_line_number(mut record: Value, line: usize) -> String {
    if let Some(obj) = record.as_object_mut() {
        if obj.contains_key("error") {
            obj.insert("line".into(), json!(line));
        }
    }
    serde_json::to_string(&record).unwrap_or_default()
}

/// One batch record: the rewrite result with its id, or `{"id", "error"}`.
fn batch_line(engine: &Engine, line: &str, options: &Options) -> Value {
    let parsed: Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => return json!({"id": Value::Null, "error": format!("not a JSON object: {e}")}),
    };
    let id = parsed.get("id").cloned().unwrap_or(Value::Null);
    let result = if let Some(brief) = parsed.get("brief").and_then(Value::as_str) {
        engine.rewrite(Input::Brief(brief), options)
    } else if let Some(ps) = parsed.get("paragraphs").and_then(Value::as_array) {
        let paragraphs: Vec<String> = ps
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect();
        let title = parsed.get("title").and_then(Value::as_str);
        engine.rewrite(
            Input::Article {
                title,
                paragraphs: &paragraphs,
            },
            options,
        )
    } else {
        return json!({"id": id, "error": "a line needs \"brief\" or \"paragraphs\""});
    };
    match result {
        Ok(rw) => {
            let mut v = rw.json_value();
            if let Some(obj) = v.as_object_mut() {
                obj.insert("id".into(), id);
            }
            v
        }
        Err(e) => json!({"id": id, "error": e.to_string()}),
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // `--help`, `--version`, and a bare `copydesk`: clap's own text and exit code.
        Err(e)
            if !e.use_stderr()
                || e.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand =>
        {
            e.exit()
        }
        // A bad argument (`--min-words 99999999999999999999`): one line like every other error.
        Err(e) => {
            let text = e.to_string();
            let first = text.lines().next().unwrap_or("bad arguments");
            let first = first.strip_prefix("error: ").unwrap_or(first);
            eprintln!("copydesk: error: {first} (see copydesk --help)");
            return ExitCode::from(2);
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(Fail(msg)) => {
            eprintln!("copydesk: error: {msg}");
            ExitCode::from(2)
        }
    }
}
