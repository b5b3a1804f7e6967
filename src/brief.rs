//! Stage 1, `brief`: reads a free-form brief (instructions, a title, the article) or a
//! structured article, and cleans scrape noise, recording every removal with its reason.
//!
//! Instruction lines are recognised wherever they stand, in English or French, even when
//! glued to the title (`Customize this title in frenchLes autorités…`). Everything that is
//! not an instruction, a title or noise is the article; its words are never changed here.

use std::borrow::Cow;

use serde::Serialize;

use crate::lang::{Lang, LanguagePack};
use crate::markup::{BlockKind, Extracted, Image};
use crate::text::count_words;

/// A subheading the source already had, before paragraph `before` of the brief.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceHeading {
    /// The paragraph (index into [`Brief::paragraphs`]) it stands before.
    pub before: usize,
    /// Its text.
    pub text: String,
}

/// Something taken out of the input, with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Removal {
    /// The removed text, as it was in the input.
    pub text: String,
    /// Why it was removed (`ad-marker`, `source-trailer`, `instruction`, …).
    pub reason: String,
}

/// What the brief asks for, and the article it carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Brief<'a> {
    /// The title to customise, when the brief gives one.
    pub title: Option<Cow<'a, str>>,
    /// The word target, when the brief gives one.
    pub target_words: Option<usize>,
    /// The language the brief asks for, when it says.
    pub language: Option<Lang>,
    /// A language the brief asks for that copydesk has no pack for (`be in german`), as
    /// written, when it says.
    pub other_language: Option<String>,
    /// Whether the brief asks for subheadings (by name).
    pub wants_subheadings: bool,
    /// The instruction lines, as written.
    pub instructions: Vec<&'a str>,
    /// The article's paragraphs, noise removed, words untouched.
    pub paragraphs: Vec<Cow<'a, str>>,
    /// What was removed as noise, in input order.
    pub removed: Vec<Removal>,
    /// Subheadings the source had (HTML or Markdown input).
    pub headings: Vec<SourceHeading>,
    /// Images the source had, with `after_paragraphs` counted in [`Brief::paragraphs`].
    pub images: Vec<Image>,
}

impl<'a> Brief<'a> {
    /// A brief from a structured article (title and paragraphs given apart); noise is still
    /// removed from the paragraphs.
    #[must_use]
    pub fn structured(
        title: Option<&'a str>,
        paragraphs: &'a [String],
        packs: &[LanguagePack],
    ) -> Self {
        let mut brief = Brief {
            title: title
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(Cow::Borrowed),
            target_words: None,
            language: None,
            other_language: None,
            wants_subheadings: true,
            instructions: Vec::new(),
            paragraphs: Vec::new(),
            removed: Vec::new(),
            headings: Vec::new(),
            images: Vec::new(),
        };
        for p in paragraphs {
            let p = p.trim();
            if p.is_empty() {
                continue;
            }
            if let Some(reason) = noise_reason(p, packs) {
                brief.removed.push(Removal {
                    text: p.to_string(),
                    reason,
                });
            } else {
                brief.paragraphs.push(Cow::Borrowed(p));
            }
        }
        brief
    }
}

impl Brief<'static> {
    /// A brief from HTML or Markdown blocks: the title block is the title, existing
    /// subheadings are kept for the outline, paragraphs go through instruction and noise
    /// detection like the lines of a text brief, images are kept with their position.
    #[must_use]
    pub fn from_markup(extracted: Extracted, packs: &[LanguagePack]) -> Self {
        let mut brief = Brief {
            title: None,
            target_words: None,
            language: None,
            other_language: None,
            wants_subheadings: true,
            instructions: Vec::new(),
            paragraphs: Vec::new(),
            removed: extracted.removed,
            headings: Vec::new(),
            images: Vec::new(),
        };
        let mut pending: Option<String> = None;
        let mut kept_after: Vec<usize> = vec![0];
        for block in extracted.blocks {
            match block.kind {
                BlockKind::Title if brief.title.is_none() => {
                    brief.title = Some(Cow::Owned(block.text))
                }
                BlockKind::Title | BlockKind::Heading => {
                    if let Some(old) = pending.replace(block.text) {
                        brief.removed.push(Removal {
                            text: old,
                            reason: "heading-without-text".into(),
                        });
                    }
                }
                BlockKind::Paragraph => {
                    let cues = read_cues(&block.text, packs);
                    if is_instruction(&block.text, &cues) {
                        brief.target_words = brief.target_words.or(cues.target);
                        brief.language = brief.language.or(cues.lang);
                        brief.other_language = brief.other_language.take().or(cues.other_lang);
                        brief.removed.push(Removal {
                            text: block.text,
                            reason: "instruction".into(),
                        });
                    } else if let Some(reason) = noise_reason(&block.text, packs) {
                        brief.removed.push(Removal {
                            text: block.text,
                            reason,
                        });
                    } else {
                        if let Some(text) = pending.take() {
                            brief.headings.push(SourceHeading {
                                before: brief.paragraphs.len(),
                                text,
                            });
                        }
                        brief.paragraphs.push(Cow::Owned(block.text));
                    }
                    kept_after.push(brief.paragraphs.len());
                }
            }
        }
        if let Some(old) = pending {
            brief.removed.push(Removal {
                text: old,
                reason: "heading-without-text".into(),
            });
        }
        brief.images = extracted
            .images
            .into_iter()
            .map(|mut img| {
                img.after_paragraphs = kept_after
                    .get(img.after_paragraphs)
                    .copied()
                    .unwrap_or(brief.paragraphs.len());
                img
            })
            .collect();
        brief
    }
}

/// Why a whole paragraph is noise, if it is (`None` for article text).
#[must_use]
pub fn noise_reason(paragraph: &str, packs: &[LanguagePack]) -> Option<String> {
    let p = paragraph.trim();
    if p.chars().count() > 300 {
        return None;
    }
    // One screening pass a pack (most paragraphs are not noise); only the rules the screen
    // names are tried exactly, in order, to name the reason of a line that is.
    packs
        .iter()
        .find_map(|pack| pack.noise.reason(p))
        .map(str::to_string)
}

/// Whether a line ends with sentence punctuation (so it cannot be a bare title). A closing
/// quote or bracket counts only after a sentence end (`… avenir »` is a title, `… fini. »`
/// is not).
fn has_final_punctuation(line: &str) -> bool {
    let t = line.trim_end();
    let Some(last) = t.chars().next_back() else {
        return false;
    };
    if matches!(last, '»' | '”' | '"' | ')') {
        let inner = t[..t.len() - last.len_utf8()].trim_end_matches([' ', '\u{a0}', '\u{202f}']);
        return inner
            .chars()
            .next_back()
            .is_some_and(|c| matches!(c, '.' | '!' | '?' | '…'));
    }
    matches!(last, '.' | '!' | '?' | '…' | ':' | ';' | ',')
}

/// The instruction cues that a line holds, across every pack.
struct LineCues {
    imperative: bool,
    cue_hits: usize,
    target: Option<usize>,
    lang: Option<Lang>,
    other_lang: Option<String>,
    subheadings: bool,
}

fn read_cues(line: &str, packs: &[LanguagePack]) -> LineCues {
    let mut cues = LineCues {
        imperative: false,
        cue_hits: 0,
        target: None,
        lang: None,
        other_lang: None,
        subheadings: false,
    };
    for pack in packs {
        let b = &pack.brief;
        cues.imperative |= b.imperative.iter().any(|r| r.is_match(line));
        cues.cue_hits += b.cues.iter().filter(|r| r.is_match(line)).count();
        cues.subheadings |= b.subheadings.iter().any(|r| r.is_match(line));
        if cues.target.is_none() {
            cues.target = b
                .target
                .iter()
                .filter_map(|r| r.captures(line))
                .filter_map(|c| c.get(1))
                .filter_map(|m| parse_number(m.as_str()))
                .next();
        }
        if cues.lang.is_none() {
            cues.lang = b
                .lang
                .iter()
                .find(|(_, r)| r.is_match(line))
                .map(|(l, _)| *l);
        }
        if cues.other_lang.is_none() {
            cues.other_lang = b
                .other_lang
                .iter()
                .filter_map(|r| r.captures(line))
                .find_map(|c| c.get(1).map(|m| m.as_str().to_string()));
        }
    }
    cues
}

fn parse_number(s: &str) -> Option<usize> {
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    if digits.is_empty() || digits.len() > 12 {
        return None;
    }
    digits.parse().ok()
}

/// A line is an instruction when it starts like one and holds a cue, or holds two cues one of
/// which is a word target; and it is short.
fn is_instruction(line: &str, cues: &LineCues) -> bool {
    if count_words(line) > 80 {
        return false;
    }
    (cues.imperative && (cues.cue_hits >= 1 || cues.target.is_some()))
        || (cues.cue_hits >= 2 && cues.target.is_some())
}

/// Parses a free-form brief.
///
/// ```
/// # let packs = [copydesk::lang::LanguagePack::load(copydesk::lang::Lang::Fr).unwrap(),
/// #              copydesk::lang::LanguagePack::load(copydesk::lang::Lang::En).unwrap()];
/// use copydesk::brief::parse;
/// let b = parse("Customize this title in frenchUn titre\n\nMake this article seo compatible, be in french, create at least 700 words\n\nLe texte.\n\nPUBLICITÉ", &packs);
/// assert_eq!(b.title.as_deref(), Some("Un titre"));
/// assert_eq!(b.target_words, Some(700));
/// assert_eq!(b.paragraphs, ["Le texte."]);
/// assert!(b.removed.iter().any(|r| r.text == "PUBLICITÉ" && r.reason == "ad-marker"));
/// ```
#[must_use]
pub fn parse<'a>(input: &'a str, packs: &[LanguagePack]) -> Brief<'a> {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    let mut brief = Brief {
        title: None,
        target_words: None,
        language: None,
        other_language: None,
        wants_subheadings: false,
        instructions: Vec::new(),
        paragraphs: Vec::new(),
        removed: Vec::new(),
        headings: Vec::new(),
        images: Vec::new(),
    };
    let mut title_pending = false;
    let mut prev_article_line = false; // the previous line was article text in the same block
    let mut seen_article = false;
    let mut first_content_line = true;
    let lines: Vec<&str> = input.lines().collect();
    for (n, raw) in lines.iter().enumerate() {
        let line = raw.trim();
        if line.is_empty() {
            prev_article_line = false;
            continue;
        }
        let is_first = std::mem::replace(&mut first_content_line, false);
        // An instruction to customise the title, with the title glued or after a colon.
        if let Some(m) = packs
            .iter()
            .flat_map(|p| p.brief.title_instruction.iter())
            .find_map(|r| r.find(line))
        {
            let instruction = &line[..m.end()];
            let rest = line[m.end()..]
                .trim_start_matches([':', ' ', '\u{a0}', '-', '–', '—'])
                .trim();
            let cues = read_cues(instruction, packs);
            brief.language = brief.language.or(cues.lang);
            brief.other_language = brief.other_language.take().or(cues.other_lang);
            brief.instructions.push(instruction);
            brief.removed.push(Removal {
                text: instruction.to_string(),
                reason: "instruction".into(),
            });
            if rest.is_empty() {
                title_pending = true;
            } else if let Some(more) = split_glued_instruction(rest, packs) {
                // "…title in frenchLes autorités…" never carries instructions after the title,
                // but a title line could still hold a trailing instruction: keep it apart.
                brief.title = Some(Cow::Borrowed(more.0));
            } else {
                brief.title = Some(Cow::Borrowed(rest));
            }
            prev_article_line = false;
            continue;
        }
        // "Titre : …" / "Title: …"
        if let Some(m) = packs
            .iter()
            .flat_map(|p| p.brief.title_line.iter())
            .find_map(|r| r.find(line))
        {
            let rest = line[m.end()..].trim();
            if !rest.is_empty() && brief.title.is_none() {
                brief.title = Some(Cow::Borrowed(rest));
                brief.removed.push(Removal {
                    text: line[..m.end()].trim().to_string(),
                    reason: "instruction".into(),
                });
                prev_article_line = false;
                continue;
            }
        }
        let cues = read_cues(line, packs);
        if is_instruction(line, &cues) {
            brief.instructions.push(line);
            brief.target_words = brief.target_words.or(cues.target);
            brief.language = brief.language.or(cues.lang);
            brief.other_language = brief.other_language.take().or(cues.other_lang);
            brief.wants_subheadings |= cues.subheadings;
            brief.removed.push(Removal {
                text: line.to_string(),
                reason: "instruction".into(),
            });
            prev_article_line = false;
            continue;
        }
        if let Some(reason) = noise_reason(line, packs) {
            brief.removed.push(Removal {
                text: line.to_string(),
                reason,
            });
            prev_article_line = false;
            continue;
        }
        // A title: the line after a bare "Customize this title", or a first line with no final
        // punctuation followed by more text.
        let more_text_follows = lines.iter().skip(n + 1).any(|l| !l.trim().is_empty());
        let wrapped_next = lines
            .get(n + 1)
            .is_some_and(|l| l.trim().chars().next().is_some_and(char::is_lowercase));
        let title_shaped = !has_final_punctuation(line) && count_words(line) <= 30 && !wrapped_next;
        if brief.title.is_none()
            && title_shaped
            && more_text_follows
            && (title_pending || (is_first && !seen_article))
        {
            brief.title = Some(Cow::Borrowed(line));
            title_pending = false;
            prev_article_line = false;
            continue;
        }
        // Article text. A hard-wrapped line continues the previous paragraph.
        let continues = prev_article_line
            && brief
                .paragraphs
                .last()
                .is_some_and(|p| !has_final_punctuation(p))
            && line.chars().next().is_some_and(char::is_lowercase);
        if continues {
            if let Some(last) = brief.paragraphs.last_mut() {
                let joined = format!("{} {}", last.trim_end(), line);
                *last = Cow::Owned(joined);
            }
        } else {
            brief.paragraphs.push(Cow::Borrowed(line));
        }
        seen_article = true;
        prev_article_line = true;
    }
    if brief.instructions.is_empty() {
        brief.wants_subheadings = true;
    }
    brief
}

/// When a title glued to an instruction is itself followed by another instruction on the same
/// line, returns the title part. (Rare; kept conservative: only a `. ` split.)
fn split_glued_instruction<'a>(
    rest: &'a str,
    packs: &[LanguagePack],
) -> Option<(&'a str, &'a str)> {
    let (head, tail) = rest.split_once(". ")?;
    let cues = read_cues(tail, packs);
    is_instruction(tail, &cues).then_some((head, tail))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn packs() -> Vec<LanguagePack> {
        Lang::ALL
            .iter()
            .map(|&l| LanguagePack::load(l).expect("pack"))
            .collect()
    }

    #[test]
    fn glued_english_brief_is_read() {
        let packs = packs();
        let input = "Customize this title in frenchLa ville vote son budget alors que la dette grimpe\n\n\
            Make this story seo ready,Let each part get subheadings of its own, be in french, deliver at least 700 words\n\n\
            Le conseil municipal a voté mardi.\n\nPUBLICITÉ\n\nLe maire a salué le vote.\n\nSource link -57";
        let b = parse(input, &packs);
        assert_eq!(
            b.title.as_deref(),
            Some("La ville vote son budget alors que la dette grimpe")
        );
        assert_eq!(b.target_words, Some(700));
        assert_eq!(b.language, Some(Lang::Fr));
        assert!(b.wants_subheadings);
        assert_eq!(
            b.paragraphs,
            [
                "Le conseil municipal a voté mardi.",
                "Le maire a salué le vote."
            ]
        );
        let reasons: Vec<&str> = b.removed.iter().map(|r| r.reason.as_str()).collect();
        assert!(reasons.contains(&"ad-marker"), "{reasons:?}");
        assert!(reasons.contains(&"source-trailer"), "{reasons:?}");
    }

    #[test]
    fn french_instructions_and_title_line() {
        let packs = packs();
        let input = "Rédige une version optimisée pour le SEO de cet article, en français, avec des intertitres, d’au moins 800 mots.\n\
            Titre : Le port reste bloqué\n\nLes dockers ont voté la grève.";
        let b = parse(input, &packs);
        assert_eq!(b.title.as_deref(), Some("Le port reste bloqué"));
        assert_eq!(b.target_words, Some(800));
        assert_eq!(b.language, Some(Lang::Fr));
        assert!(b.wants_subheadings);
        assert_eq!(b.paragraphs, ["Les dockers ont voté la grève."]);
    }

    #[test]
    fn title_first_then_instruction() {
        let packs = packs();
        let input = "Le port reste bloqué\n\nRewrite this news article for SEO in French with subheadings; minimum 600 words.\n\nLes dockers ont voté la grève.";
        let b = parse(input, &packs);
        assert_eq!(b.title.as_deref(), Some("Le port reste bloqué"));
        assert_eq!(b.target_words, Some(600));
        assert_eq!(b.language, Some(Lang::Fr));
    }

    #[test]
    fn bare_article_is_all_text() {
        let packs = packs();
        let input =
            "14 mars 2025. - La mairie a ouvert un gymnase.\n\nLes habitants sont venus nombreux.";
        let b = parse(input, &packs);
        assert_eq!(b.title, None);
        assert_eq!(b.target_words, None);
        assert!(b.instructions.is_empty());
        assert_eq!(b.paragraphs.len(), 2);
    }

    #[test]
    fn a_single_line_without_punctuation_is_text_not_title() {
        let packs = packs();
        let b = parse("Je suis Chris", &packs);
        assert_eq!(b.title, None);
        assert_eq!(b.paragraphs, ["Je suis Chris"]);
    }

    #[test]
    fn wrapped_lines_are_joined() {
        let packs = packs();
        let b = parse(
            "Le conseil a voté\nle budget mardi.\nIl sera publié.",
            &packs,
        );
        // The first line has no final punctuation but the text goes on in lower case on the
        // next line: it is a wrapped paragraph, not a title.
        assert_eq!(b.title, None);
        assert_eq!(
            b.paragraphs,
            ["Le conseil a voté le budget mardi.", "Il sera publié."]
        );
    }

    #[test]
    fn article_sentences_are_not_taken_for_instructions() {
        let packs = packs();
        for s in [
            "Le ministre veut créer un fonds de 700 millions pour les communes.",
            "Make no mistake: the council voted 7 to 2 on Tuesday.",
            "Il a écrit cet article en 2019, en français et en anglais.",
        ] {
            let cues = read_cues(s, &packs);
            assert!(!is_instruction(s, &cues), "{s}");
        }
    }

    #[test]
    fn noise_lines_are_recognised_with_their_reason() {
        let packs = packs();
        for (line, reason) in [
            ("PUBLICITÉ", "ad-marker"),
            ("Publicité", "ad-marker"),
            ("Source link -12", "source-trailer"),
            ("Partager sur Facebook", "share-line"),
            ("Partager sur X", "share-line"),
            (
                "Lire aussi : La digue de Montbrac a cédé",
                "read-also-teaser",
            ),
            ("À lire aussi - Le budget de la ville", "read-also-teaser"),
            ("Suivez-nous sur Instagram", "follow-line"),
            ("Abonnez-vous à notre newsletter", "newsletter-line"),
            ("Photo : Jean Roux / Le Courrier", "photo-credit"),
            ("Crédit photo : Mairie de Montbrac", "photo-credit"),
            (
                "Ce site utilise des cookies pour améliorer votre expérience.",
                "cookie-notice",
            ),
            ("Advertisement", "ad-marker"),
            ("Read more: The council votes", "read-also-teaser"),
        ] {
            assert_eq!(
                noise_reason(line, &packs).as_deref(),
                Some(reason),
                "{line}"
            );
        }
    }

    #[test]
    fn real_sentences_are_never_noise() {
        let packs = packs();
        for line in [
            "La publicité télévisée a reculé de 4 % en 2023.",
            "Il faut lire aussi les rapports précédents, a-t-il ajouté.",
            "Le conseil a partagé ses conclusions sur Facebook mardi.",
            "Les élus ont suivi l’avis de la commission.",
            "Source de conflits, le projet divise la commune depuis deux ans.",
            "The company said advertisement revenue fell.",
        ] {
            assert_eq!(noise_reason(line, &packs), None, "{line}");
        }
    }

    #[test]
    fn a_title_may_end_on_a_closing_guillemet() {
        assert!(!has_final_punctuation(
            "Pour le maire, le tram est une « priorité »"
        ));
        assert!(has_final_punctuation("Il a dit : « C’est fini. »"));
        assert!(has_final_punctuation("Le conseil a voté."));
        let packs = packs();
        let b = parse(
            "Le tram est une « priorité »\n\nLe conseil a voté le projet mardi.",
            &packs,
        );
        assert_eq!(b.title.as_deref(), Some("Le tram est une « priorité »"));
    }
}
