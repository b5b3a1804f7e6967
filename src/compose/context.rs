//! Context blocks from related earlier coverage (see [`crate::context`]): "Contexte" (facts
//! restated from a related item, dated with the item's own date) and "À lire aussi" (the
//! related items: title, date, link). They come after the article's own blocks, one item a
//! section, only while the word target is not met.
//!
//! Every context block has origin `{"kind": "context", "rule", "ref": [{"id", "url"?, "shared"}]}`
//! and is checked by the fact guard against the article *and the text of the items it cites*.

use crate::hash::{HashSet, HashSetExt};
use std::cell::Cell;

use serde::Serialize;

use super::{
    Block, BlockKind, Composer, Ground, Origin, Section, article_names, dangling_reference, fill,
    fit_phrase, iso_date, norm_sentence, suspect_agreement, trim_sentence,
};
use crate::analyze::{Analysis, DateKind};
use crate::context::{ContextQuery, ItemKind, RelatedItem, stems_of};
use crate::lang::{Lang, LanguagePack};
use crate::text::{Document, count_words};

/// At most this many sentences restated from one item.
const MAX_SENTENCES: usize = 6;
/// At most this many words in one context section (a section stays under 300 words).
const MAX_SECTION_WORDS: usize = 260;
/// At most this many items in "À lire aussi".
const MAX_READ_ALSO: usize = 5;

/// Which related item a context block cites (the contract's `origin.ref`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContextRef {
    /// The item's id in its source.
    pub id: String,
    /// The item's address, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The article's keyphrases and entities the item shares.
    pub shared: Vec<String>,
}

impl ContextRef {
    fn of(item: &RelatedItem) -> Self {
        Self {
            id: item.id.clone(),
            url: item.url.clone(),
            shared: item.shared.clone(),
        }
    }
}

/// The article's date as `YYYY-MM-DD`, from a dateline at the start of its first two
/// paragraphs (`22 mai 2012. - …`), when there is one.
pub(crate) fn article_date(
    doc: &Document,
    analysis: &Analysis,
    pack: &LanguagePack,
) -> Option<String> {
    analysis
        .dates
        .iter()
        .filter(|d| d.kind == DateKind::Day)
        .find(|d| {
            doc.paragraphs
                .iter()
                .take(2)
                .any(|p| d.span.start >= p.span.start && d.span.start <= p.span.start + 3)
        })
        .and_then(|d| iso_date(&d.text, pack))
}

/// The retrieval query of an article: its top keyphrases (weight: score relative to the
/// best) and entities (weight 1, or ½ when mentioned once), its date and title.
pub(crate) fn query(
    doc: &Document,
    analysis: &Analysis,
    title: Option<&str>,
    pack: &LanguagePack,
) -> ContextQuery {
    let best = analysis
        .keyphrases
        .first()
        .map_or(1.0, |k| k.score.max(f64::EPSILON));
    let kps = analysis.keyphrases.iter().take(15).map(|k| {
        (
            k.text.as_str(),
            (k.score / best).clamp(0.05, 1.0),
            k.is_name,
        )
    });
    let ents = analysis.entities.iter().take(10).map(|e| {
        (
            e.text.as_str(),
            if e.mentions >= 2 { 1.0 } else { 0.5 },
            true,
        )
    });
    let mut q = ContextQuery::new(
        pack,
        ents.chain(kps),
        article_date(doc, analysis, pack),
        title.map(String::from),
    );
    // Central entities (rule context.pack-central): the three most mentioned, if mentioned
    // twice, and those the title names.
    let title_lower = title.map(str::to_lowercase).unwrap_or_default();
    for (k, e) in analysis.entities.iter().enumerate() {
        let in_title = !title_lower.is_empty()
            && std::iter::once(&e.text)
                .chain(&e.variants)
                .any(|v| super::contains_phrase(&title_lower, &v.to_lowercase()));
        if (k < 3 && e.mentions >= 2) || in_title {
            q.central.extend(
                std::iter::once(&e.text)
                    .chain(&e.variants)
                    .map(|v| v.to_lowercase()),
            );
        }
    }
    q
}

/// An item ready to be restated: its document, names and ground.
struct Prepared<'i> {
    item: &'i RelatedItem,
    doc: Document,
    names: HashSet<String>,
    ground: Ground,
    /// The item's date as the language writes it (`22 mai 2012`).
    date: Option<String>,
}

/// The related items of one article and how far the context makers have got.
pub(super) struct ContextPlan<'i> {
    items: Vec<Prepared<'i>>,
    next: Cell<usize>,
    emitted: Cell<bool>,
}

/// Rule `block.context.date`: an ISO date written the language's way (`2012-05-22` →
/// `22 mai 2012`, `May 22, 2012`); the month name is the pack's longest name for it.
fn write_date(iso: &str, pack: &LanguagePack, env: &minijinja::Environment<'_>) -> Option<String> {
    let d = iso.get(..10)?;
    let year: u32 = d.get(..4)?.parse().ok()?;
    let month: u32 = d.get(5..7)?.parse().ok()?;
    let day: u32 = d.get(8..10)?.parse().ok()?;
    let name = pack
        .months
        .iter()
        .filter(|(n, m)| **m == month && !n.ends_with('.'))
        .map(|(n, _)| n.as_str())
        .max_by(|a, b| a.len().cmp(&b.len()).then_with(|| b.cmp(a)))?;
    let name = if pack.lang == Lang::En {
        pack.grammar.capitalize_first(name)
    } else {
        name.to_string()
    };
    fill(
        env,
        pack,
        "block.context.date",
        minijinja::context! { day, month => name, year },
    )
}

impl<'i> ContextPlan<'i> {
    /// Prepares the items: sentences, names and ground of each.
    pub(super) fn new(
        items: &'i [RelatedItem],
        pack: &LanguagePack,
        env: &minijinja::Environment<'_>,
    ) -> Self {
        let items = items
            .iter()
            .map(|item| {
                let doc = Document::build(&item.paragraphs, pack);
                let analysis = crate::analyze::analyze(&doc, Some(&item.title), pack);
                let names = article_names(&doc, &analysis, pack);
                let date = item.date.as_deref().and_then(|d| write_date(d, pack, env));
                let ground = Ground::new(
                    std::iter::once(item.title.as_str())
                        .chain(std::iter::once(doc.text.as_str()))
                        .chain(date.as_deref()),
                );
                Prepared {
                    item,
                    doc,
                    names,
                    ground,
                    date,
                }
            })
            .collect();
        Self {
            items,
            next: Cell::new(0),
            emitted: Cell::new(false),
        }
    }

    /// How many related items there are.
    pub(super) fn len(&self) -> usize {
        self.items.len()
    }

    /// The grounds of the items a section's context blocks cite (empty for other sections).
    pub(super) fn grounds_for(&self, section: &Section) -> Vec<&Ground> {
        let mut out = Vec::new();
        for b in &section.blocks {
            if let Origin::Context { refs, .. } = &b.origin {
                for r in refs {
                    if let Some(p) = self.items.iter().find(|p| p.item.id == r.id) {
                        out.push(&p.ground);
                    }
                }
            }
        }
        out
    }

    /// Rule `block.context` ("Contexte"): the next related item that still has something to
    /// say, as a section of up to six of its sentences, each trimmed by the key points'
    /// trimming rules (or, when no rule trims it, restated as the item wrote it: it is not the
    /// article's text); those that hold a shared term come first, in the item's order. The
    /// first is dated with the item's own date when it has one. The first context section is
    /// headed "Contexte", the next ones by their item's title.
    ///
    /// Example: item of 2012-05-22 `22 mai 2012. - La capsule, qui pèse 4 tonnes, a été
    /// lancée depuis Cap Canaveral.` → `Le 22 mai 2012, la capsule a été lancée depuis Cap
    /// Canaveral.`
    pub(super) fn next_section(
        &self,
        composer: &Composer<'_>,
        seen: &mut HashSet<String>,
    ) -> Option<Section> {
        while let Some(p) = self.items.get(self.next.get()) {
            self.next.set(self.next.get() + 1);
            if let Some(s) = section_of(p, composer, seen, !self.emitted.get()) {
                self.emitted.set(true);
                return Some(s);
            }
        }
        None
    }

    /// Rule `block.read-also` ("À lire aussi"): the related items, best first (at most five),
    /// each as its title and date, linked to its address.
    ///
    /// Example: `Lancement réussi pour Space X Dragon (22 mai 2012)` → `/articles/43971`.
    pub(super) fn read_also(&self, composer: &Composer<'_>) -> Option<Section> {
        let pack = composer.pack;
        let mut items = Vec::new();
        let mut refs = Vec::new();
        for p in self
            .items
            .iter()
            .filter(|p| p.item.kind == ItemKind::Article)
            .take(MAX_READ_ALSO)
        {
            let title = pack
                .grammar
                .typography(p.item.title.trim().trim_end_matches(['.', ' ']));
            if title.is_empty() {
                continue;
            }
            let text = fill(
                composer.env,
                pack,
                "block.read-also.item",
                minijinja::context! { title, date => p.date },
            )?;
            items.push(text);
            refs.push(ContextRef::of(p.item));
        }
        if items.is_empty() {
            return None;
        }
        let rule = format!("{}.block.read-also", pack.lang.code());
        Some(Section {
            heading: Some(pack.template("block.read-also.heading").ok()?.to_string()),
            heading_rule: Some(format!("{rule}.heading")),
            blocks: vec![Block {
                kind: BlockKind::List,
                text: items.join("\n"),
                items,
                qa: Vec::new(),
                origin: Origin::Context { rule, refs },
                restated: Vec::new(),
            }],
        })
    }
}

/// The first word of `s` in lowercase when it is not a name: a stopword, or a word the item
/// itself writes in lowercase (`La capsule` → `la capsule`; `SpaceX a…` stays).
fn lower_first(s: &str, p: &Prepared<'_>, pack: &LanguagePack) -> String {
    let Some(first) = s.split_whitespace().next() else {
        return s.to_string();
    };
    let core = first.trim_matches(|c: char| !c.is_alphanumeric());
    let lower = core.to_lowercase();
    let word_part = lower.split(['’', '\'']).next().unwrap_or(&lower);
    let acronym = core.chars().filter(|c| c.is_uppercase()).count() > 1;
    let written_lower = p
        .doc
        .text
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w == lower);
    if acronym
        || p.names.contains(&lower)
        || !(pack.is_stopword(&lower) || pack.is_stopword(word_part) || written_lower)
    {
        return s.to_string();
    }
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_lowercase().chain(chars).collect::<String>()
    })
}

/// Rule `block.context.unsafe-words`: a sentence of an earlier article that says when by
/// the day it was written (`hier`, `aujourd’hui`, `ce matin`), or that opens on a connector
/// leaning on the sentence before (`Mais`, `Déjà`), is not restated out of its context. The
/// words are the pack's (`data/<lang>/templates.txt`); a phrase matches on word boundaries.
///
/// Example: `Un lycéen a été agressé hier soir.` is not restated; `Un lycéen a été agressé
/// dans un train.` is.
fn out_of_its_time(text: &str, unsafe_words: &[String]) -> bool {
    let lower: String = text
        .to_lowercase()
        .replace('\'', "’")
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '’' {
                c
            } else {
                ' '
            }
        })
        .collect();
    let lower = format!(
        " {} ",
        lower.split_whitespace().collect::<Vec<_>>().join(" ")
    );
    unsafe_words.iter().any(|w| {
        w.strip_prefix('^').map_or_else(
            || lower.contains(&format!(" {w} ")),
            |opener| lower.starts_with(&format!(" {opener} ")),
        )
    })
}

fn section_of(
    p: &Prepared<'_>,
    composer: &Composer<'_>,
    seen: &mut HashSet<String>,
    first_section: bool,
) -> Option<Section> {
    let pack = composer.pack;
    let doc = &p.doc;
    let shared: HashSet<String> = p
        .item
        .shared
        .iter()
        .flat_map(|t| stems_of(t, pack))
        .collect();
    let is_name = |w: &str| {
        let core = w.trim_matches(|c: char| !c.is_alphanumeric());
        p.names.contains(&core.to_lowercase())
            || !core.contains(' ')
                && core.split('-').count() > 1
                && core.chars().next().is_some_and(char::is_uppercase)
    };
    // Sentences holding a shared term first, then the others; each group in reading order.
    let mut order: Vec<(bool, usize)> = (0..doc.sentences.len())
        .map(|s| {
            let holds = stems_of(doc.sentence_text(s), pack)
                .iter()
                .any(|st| shared.contains(st));
            (!holds, s)
        })
        .collect();
    order.sort();
    let unsafe_words = pack
        .template("block.context.unsafe-words")
        .map(|t| {
            t.split('|')
                .map(|w| w.trim().to_lowercase())
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    let mut picked: Vec<(usize, String)> = Vec::new();
    let mut words = 0;
    let mut local: HashSet<String> = HashSet::new();
    for (_, s) in order {
        if picked.len() >= MAX_SENTENCES {
            break;
        }
        let original = doc.sentence_text(s).trim();
        if seen.contains(&norm_sentence(original)) {
            continue;
        }
        let text = match trim_sentence(original, pack, composer.env, &is_name) {
            Some(t) => t,
            // Nothing to trim: the item's sentence as written, unless it holds a quotation
            // (its speaker may have been cut) or a suspect agreement.
            None if !suspect_agreement(original)
                && !original.contains(['«', '»', '“', '”', '"'])
                && original.ends_with(['.', '!', '?']) =>
            {
                pack.grammar
                    .typography(super::strip_dateline(original, pack))
            }
            None => continue,
        };
        let n = count_words(&text);
        if !(6..=40).contains(&n)
            || dangling_reference(&text, pack)
            || out_of_its_time(&text, &unsafe_words)
            || words + n > MAX_SECTION_WORDS
            || seen.contains(&norm_sentence(&text))
            || !local.insert(norm_sentence(&text))
        {
            continue;
        }
        words += n;
        picked.push((s, text));
    }
    if picked.is_empty() {
        return None;
    }
    picked.sort_by_key(|x| x.0);
    // Rule block.context.dated: the first sentence carries the item's own date.
    if let (Some(date), Some(first)) = (&p.date, picked.first_mut()) {
        let text = lower_first(&first.1, p, pack);
        if let Some(dated) = fill(
            composer.env,
            pack,
            "block.context.dated",
            minijinja::context! { date, text },
        ) {
            first.1 = dated;
        }
    }
    for (_, t) in &picked {
        seen.insert(norm_sentence(t));
    }
    let rule = format!("{}.block.context", pack.lang.code());
    let heading = if first_section {
        pack.template("block.context.heading").ok()?.to_string()
    } else {
        let title = pack
            .grammar
            .typography(p.item.title.trim().trim_end_matches(['.', ' ']));
        if count_words(&title) <= 12 {
            title
        } else {
            fit_phrase(&title, 80, 3, pack)?
        }
    };
    let text = picked
        .into_iter()
        .map(|x| x.1)
        .collect::<Vec<_>>()
        .join(" ");
    Some(Section {
        heading: Some(heading),
        heading_rule: Some(format!("{rule}.heading")),
        blocks: vec![Block {
            kind: BlockKind::Paragraph,
            text,
            items: Vec::new(),
            qa: Vec::new(),
            origin: Origin::Context {
                rule,
                refs: vec![ContextRef::of(p.item)],
            },
            restated: Vec::new(),
        }],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compose::{Article, ComposeInput};

    fn pack(lang: Lang) -> LanguagePack {
        LanguagePack::load(lang).expect("pack")
    }

    fn env(pack: &LanguagePack) -> minijinja::Environment<'static> {
        let mut env = minijinja::Environment::new();
        for (k, v) in &pack.templates {
            env.add_template_owned(format!("{}.{k}", pack.lang.code()), v.clone())
                .expect("template");
        }
        super::super::add_filters(&mut env, std::slice::from_ref(pack));
        env
    }

    const ARTICLE: [&str; 2] = [
        "La mairie de Montbrac a rouvert samedi la piscine municipale après huit mois de travaux sur le bassin olympique.",
        "Les nageurs du club de Montbrac ont repris l’entraînement dans le bassin olympique rénové.",
    ];

    fn item(id: &str, date: Option<&str>) -> RelatedItem {
        RelatedItem {
            id: id.into(),
            title: "La piscine de Montbrac ferme pour travaux".into(),
            date: date.map(String::from),
            url: Some(format!("/archives/{id}")),
            paragraphs: vec![
                "La piscine municipale de Montbrac fermera ses portes pour huit mois, a annoncé la mairie de Montbrac lors du conseil municipal.".into(),
                "Le bassin olympique, construit en 1974, doit être entièrement rénové pour 3 millions d’euros.".into(),
                "Hier, les nageurs du club ont protesté devant la mairie.".into(),
            ],
            score: 1.0,
            shared: vec!["Montbrac".into(), "bassin olympique".into()],
            kind: ItemKind::Article,
        }
    }

    fn compose(items: &[RelatedItem], target: usize) -> Article {
        let p = pack(Lang::Fr);
        let e = env(&p);
        let doc = Document::build(&ARTICLE, &p);
        let a = crate::analyze::analyze(&doc, None, &p);
        let o = crate::outline::outline(&doc, &a);
        Composer::new(&p, &e).compose(
            &doc,
            &a,
            &o,
            ComposeInput {
                title: None,
                keyphrase: None,
                target_words: target,
                removed: Vec::new(),
                source_headings: Vec::new(),
                images: Vec::new(),
                context: items,
            },
        )
    }

    fn context_blocks(a: &Article) -> Vec<&Block> {
        a.sections
            .iter()
            .flat_map(|s| &s.blocks)
            .filter(|b| matches!(b.origin, Origin::Context { .. }))
            .collect()
    }

    #[test]
    fn context_restates_the_cited_item_with_its_date_and_links_it() {
        let items = [item("a1", Some("2012-05-22"))];
        let art = compose(&items, 2000);
        let blocks = context_blocks(&art);
        let para = blocks
            .iter()
            .find(|b| b.kind == BlockKind::Paragraph)
            .expect("a Contexte paragraph");
        assert!(
            para.text.starts_with("Le 22\u{a0}mai 2012, ")
                || para.text.starts_with("Le 22 mai 2012, "),
            "{}",
            para.text
        );
        // Grounded in the item: its number comes from the item, never from elsewhere.
        assert!(
            para.text.contains("1974")
                || para.text.contains("3\u{a0}millions")
                || para.text.contains("huit mois"),
            "{}",
            para.text
        );
        // A sentence tied to the day it was written is not restated.
        assert!(!para.text.contains("Hier"), "{}", para.text);
        let Origin::Context { rule, refs } = &para.origin else {
            unreachable!()
        };
        assert_eq!(rule, "fr.block.context");
        assert_eq!(refs[0].id, "a1");
        let list = blocks
            .iter()
            .find(|b| b.kind == BlockKind::List)
            .expect("an À lire aussi list");
        assert!(
            list.text
                .contains("La piscine de Montbrac ferme pour travaux"),
            "{}",
            list.text
        );
        let art_md = crate::render::markdown(&art);
        assert!(art_md.contains("](/archives/a1)"), "{art_md}");
    }

    #[test]
    fn no_context_once_the_target_is_met_and_no_date_without_one() {
        let items = [item("a1", None)];
        assert!(context_blocks(&compose(&items, 10)).is_empty());
        let art = compose(&items, 2000);
        let blocks = context_blocks(&art);
        assert!(!blocks.is_empty());
        assert!(
            blocks.iter().all(|b| !b.text.starts_with("Le ")),
            "{blocks:?}"
        );
    }

    #[test]
    fn the_fact_guard_rejects_what_the_cited_item_does_not_hold() {
        let p = pack(Lang::Fr);
        let e = env(&p);
        let items = [item("a1", Some("2012-05-22"))];
        let plan = ContextPlan::new(&items, &p, &e);
        let article = Ground::new(ARTICLE);
        let section = Section {
            heading: Some("Contexte".into()),
            heading_rule: None,
            blocks: vec![Block {
                kind: BlockKind::Paragraph,
                text: "La piscine a coûté 3 millions d’euros en 1974 selon Dupont.".into(),
                items: Vec::new(),
                qa: Vec::new(),
                origin: Origin::Context {
                    rule: "fr.block.context".into(),
                    refs: vec![ContextRef::of(&items[0])],
                },
                restated: Vec::new(),
            }],
        };
        let cited = plan.grounds_for(&section);
        let bad = article.ungrounded_in(&section.blocks[0].text, &cited);
        assert_eq!(bad, ["Dupont"]);
        // Without the item, its numbers are not grounded either.
        assert!(
            article
                .ungrounded(&section.blocks[0].text)
                .contains(&"1974".to_string())
        );
    }

    #[test]
    fn dates_are_written_the_language_way() {
        let fr = pack(Lang::Fr);
        let e = env(&fr);
        assert_eq!(
            write_date("2012-05-22", &fr, &e)
                .as_deref()
                .map(|d| d.replace('\u{a0}', " ")),
            Some("22 mai 2012".into())
        );
        assert_eq!(
            write_date("2012-06-01T10:00:00Z", &fr, &e)
                .as_deref()
                .map(|d| d.replace('\u{a0}', " ")),
            Some("1er juin 2012".into())
        );
        assert_eq!(write_date("mai 2012", &fr, &e), None);
        let en = pack(Lang::En);
        let e = env(&en);
        assert_eq!(
            write_date("2012-05-22", &en, &e).as_deref(),
            Some("May 22, 2012")
        );
    }

    #[test]
    fn sentences_out_of_their_time_are_recognised() {
        let p = pack(Lang::Fr);
        let words: Vec<String> = p
            .template("block.context.unsafe-words")
            .expect("list")
            .split('|')
            .map(|w| w.trim().to_lowercase())
            .collect();
        assert!(out_of_its_time(
            "Un lycéen a été agressé hier soir.",
            &words
        ));
        assert!(out_of_its_time(
            "Mais ne rapporteront que 3 milliards.",
            &words
        ));
        assert!(out_of_its_time("Il l’a dit l’an dernier.", &words));
        assert!(!out_of_its_time(
            "Un lycéen a été agressé dans un train.",
            &words
        ));
        assert!(
            !out_of_its_time("Le maire a répondu.", &words),
            "mais only as an opener"
        );
    }
}
