//! Subheading and key-figure quality: the checks every generated subheading and every
//! key-figure line must pass, and the clause compressor that makes a subheading from a
//! sentence (rule `heading.lead-clause`).
//!
//! A subheading is what a copy editor would write over a section: a complete noun phrase or
//! a short clause naming the topic, never a cut fragment (`L’exposition présente les peintres
//! autant du point de vue`), a circumstance (`Depuis plusieurs mois`) or a bare date
//! (`14 et 15 juin`). A key-figure line is a clause with a subject and a verb that makes
//! sense alone. Each check is a rule with an id (`heading.check.*`,
//! `block.key-figures.check.*`); the word lists they read live in `data/<lang>/grammar.txt`.
// Word indices (`words[end]`, `words[i + 1]`) are bounded by the loops over the same word
// list. Checked by the `rewrite` fuzz target.
#![allow(clippy::indexing_slicing)]

use super::{
    char_len, clauses, dangling_reference, ends_with_spaced, has_verb, lowercase, maybe_verb,
    strip_dateline, words_of,
};
use crate::lang::LanguagePack;
use crate::text::count_words;
use std::borrow::Cow;

/// Why a candidate subheading was refused. Each variant is a rule; [`HeadingFault::id`] names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum HeadingFault {
    /// `heading.check.length`: fewer than 2 or more than 12 words, or over 70 characters.
    Length,
    /// `heading.check.unbalanced`: a `«` or `(` that is not closed.
    Unbalanced,
    /// `heading.check.reference`: opens on a pronoun or demonstrative that points outside
    /// (`Il a estimé…`, `Ces actes de destruction`).
    Reference,
    /// `heading.check.adverbial`: opens on a preposition, a conjunction or a sentence adverb:
    /// a circumstance, not a topic (`Depuis plusieurs mois`, `Malheureusement cette planète…`).
    Adverbial,
    /// `heading.check.of-name`: a contracted `de` before a name, a complement cut from its noun
    /// (`Du Val-de-Sernance`).
    OfName,
    /// `heading.check.no-head`: opens on neither a determiner, a number nor a name, so it
    /// is a participle or a bare noun (`Soulagée par la décrue`).
    NoHead,
    /// `heading.check.open-end`: ends on a function word, a bare number, or a word that asks
    /// for a complement (`… 12 millions`, `… suite`).
    OpenEnd,
    /// `heading.check.verb-end`: ends on a verb that has lost its object (`Le concert met`,
    /// `… vient d’annoncer`).
    VerbEnd,
    /// `heading.check.complement`: a complement clause, a participial clause, or a comparison
    /// cut before its end (`La spécialiste estime que ce type`, `… autant du point de vue`,
    /// `La ville n’ayant pas signé le traité`).
    OpenComplement,
    /// `heading.check.time-only`: only a date or a time span (`14 et 15 juin`,
    /// `Ces derniers mois`).
    TimeOnly,
    /// `heading.check.name-only`: only names: says who, not what (`Lucie Vasseur`).
    NameOnly,
    /// `heading.check.source-slip`: the source's misspelling, which a heading would put under
    /// our name: a capital without its accent (`L’Ohio est un Etat décisif`,
    /// `restate.unaccented-capital`) or another slip of `restate.source-slip`.
    SourceSlip,
}

impl HeadingFault {
    /// The rule id, without the language prefix.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(super) fn id(self) -> &'static str {
        match self {
            Self::Length => "heading.check.length",
            Self::Unbalanced => "heading.check.unbalanced",
            Self::Reference => "heading.check.reference",
            Self::Adverbial => "heading.check.adverbial",
            Self::OfName => "heading.check.of-name",
            Self::NoHead => "heading.check.no-head",
            Self::OpenEnd => "heading.check.open-end",
            Self::VerbEnd => "heading.check.verb-end",
            Self::OpenComplement => "heading.check.complement",
            Self::TimeOnly => "heading.check.time-only",
            Self::NameOnly => "heading.check.name-only",
            Self::SourceSlip => "heading.check.source-slip",
        }
    }
}

/// A word lowercased, without surrounding punctuation (apostrophes and hyphens kept);
/// borrowed when the word is lowercase already.
fn core(w: &str) -> Cow<'_, str> {
    lowercase(w.trim_matches(|c: char| !c.is_alphanumeric() && c != '’' && c != '\''))
}

/// The part of an elided word after its apostrophe (`l’exposition` → `exposition`), or the
/// word itself.
fn after_elision(w: &str) -> &str {
    w.rsplit(['’', '\'']).next().unwrap_or(w)
}

fn is_number(w: &str) -> bool {
    !w.is_empty()
        && w.chars().any(|c| c.is_ascii_digit())
        && w.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '\u{202f}' | '\u{a0}'))
}

fn is_acronym(w: &str) -> bool {
    let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() > 1 && letters.iter().all(|c| c.is_uppercase())
}

/// Whether a word opens a circumstance: a sentence adverb, a conjunction, or a preposition
/// that is not also a determiner (`des`, `du` open noun phrases too). A noun the lexicon knows
/// is no adverb for its ending (`lancement`, `gouvernement`, `moment`).
fn adverbial_word(
    lower: &str,
    written: &str,
    pack: &LanguagePack,
    is_name: &dyn Fn(&str) -> bool,
) -> bool {
    let w = &pack.words;
    w.adverbial_openers.contains(lower)
        || (w.prepositions.contains(lower) && !w.determiners.contains(lower))
        || (!is_name(written)
            && !pack.genders.contains_key(lower)
            && w.adverb_suffixes.iter().any(|s| {
                lower.ends_with(s.as_str()) && lower.chars().count() > s.chars().count() + 3
            }))
}

/// Rule `heading.check.*`: whether `text` reads as a subheading a copy editor would accept.
/// A kicker heading (`Focus : topic`) is judged on its topic for the opening rules.
///
/// ```text
/// "La capsule Dragon a rejoint la station"      → Ok
/// "Depuis plusieurs mois"                        → Err(Adverbial)
/// "Le réseau comptait encore 12 millions" → Err(OpenEnd)
/// ```
pub(super) fn check_heading(
    text: &str,
    pack: &LanguagePack,
    is_name: &dyn Fn(&str) -> bool,
) -> Result<(), HeadingFault> {
    let n = count_words(text);
    if !(2..=12).contains(&n) || char_len(text) > 70 {
        return Err(HeadingFault::Length);
    }
    if text.matches('«').count() != text.matches('»').count()
        || text.matches('(').count() != text.matches(')').count()
    {
        return Err(HeadingFault::Unbalanced);
    }
    let topic = kicker_topic(text);
    check_start(topic, pack, is_name)?;
    check_end(text, pack, is_name)?;
    let words: Vec<Cow<str>> = words_of(text).iter().map(|w| core(w)).collect();
    // `que` after a comparative closes it (`plus forte que prévu`); otherwise it opens a
    // complement clause. A comparative with no `que` after it is left open.
    let que_at = words.iter().position(|w| {
        pack.words.complementizers.contains(w)
            || pack
                .words
                .complementizer_prefixes
                .iter()
                .any(|p| w.starts_with(p.as_str()))
    });
    let comparative_at = words
        .iter()
        .position(|w| pack.words.comparatives.contains(&**w));
    let open_comparative = words
        .iter()
        .position(|w| pack.words.open_comparatives.contains(&**w))
        .is_some_and(|c| que_at.is_none_or(|q| q < c));
    // A complement clause is whole when it has its own verb after `que` (`La spécialiste
    // estime que ce type d’épisode pourrait revenir`).
    let complement_clause = que_at.is_some_and(|q| {
        comparative_at.is_none_or(|c| c > q)
            && !words[q + 1..]
                .iter()
                .any(|w| maybe_verb(after_elision(w), pack))
    });
    if complement_clause
        || open_comparative
        || words
            .iter()
            .any(|w| pack.words.dependent_markers.contains(after_elision(w)))
    {
        return Err(HeadingFault::OpenComplement);
    }
    if time_only(topic, pack) {
        return Err(HeadingFault::TimeOnly);
    }
    if name_only(topic, pack, is_name) {
        return Err(HeadingFault::NameOnly);
    }
    if super::unaccented_capital(text, pack) || super::source_slip(text, pack) {
        return Err(HeadingFault::SourceSlip);
    }
    Ok(())
}

/// The topic of a kicker heading (`Montbrac : la crue` → `la crue`, `Eastmere: the plan` →
/// `the plan`), or the whole heading.
fn kicker_topic(text: &str) -> &str {
    text.char_indices()
        .find(|&(i, c)| c == ':' && text[i + 1..].starts_with(char::is_whitespace))
        .map_or(text, |(i, _)| text[i + 1..].trim())
}

/// The opening rules: reference, adverbial, of-name, no-head.
fn check_start(
    topic: &str,
    pack: &LanguagePack,
    is_name: &dyn Fn(&str) -> bool,
) -> Result<(), HeadingFault> {
    let words = words_of(topic);
    let Some(&first) = words.first() else {
        return Err(HeadingFault::Length);
    };
    // A pronoun, also an elided object pronoun before an auxiliary (`La tablette l’a remplacé`).
    let object_pronoun = words.iter().any(|x| {
        let l = core(x);
        l.split_once(['’', '\'']).is_some_and(|(pre, rest)| {
            matches!(pre, "l" | "m" | "t") && pack.words.auxiliaries.contains(rest)
        })
    });
    if dangling_reference(topic, pack) || object_pronoun {
        return Err(HeadingFault::Reference);
    }
    let lower = core(first);
    let w = &pack.words;
    // An elided opener: `l’exposition`, `d’autres` open noun phrases; `qu’`, `s’` do not.
    if let Some((pre, rest)) = lower.split_once(['’', '\'']) {
        let pre = format!("{pre}’");
        let adverb = w.open_comparatives.contains(rest)
            || w.comparatives.contains(rest)
            || w.adverbial_openers.contains(rest);
        return if w.determiners.contains(&pre) || (w.prepositions.contains(&pre) && !adverb) {
            Ok(())
        } else {
            Err(HeadingFault::NoHead)
        };
    }
    if adverbial_word(&lower, first, pack, is_name) {
        return Err(HeadingFault::Adverbial);
    }
    // A determiner that is also a preposition (`des`, `du`), right before a name.
    if w.determiners.contains(&*lower)
        && w.prepositions.contains(&*lower)
        && words.get(1).is_some_and(|next| {
            next.chars().next().is_some_and(char::is_uppercase) && is_name(next)
        })
    {
        return Err(HeadingFault::OfName);
    }
    let head = w.determiners.contains(&*lower)
        || w.noun_openers.contains(&*lower)
        || words
            .get(..2)
            .is_some_and(|two| w.noun_openers.contains(&*core(&two.join(" "))))
        || is_number(&lower)
        || lower.chars().next().is_some_and(|c| c.is_ascii_digit())
        || is_acronym(first)
        || is_name(first);
    if head {
        Ok(())
    } else {
        Err(HeadingFault::NoHead)
    }
}

/// Whether a text ends on a word group of the pack's `[open-ends]` (`… suite`, `… 10
/// millions`, `… du point de vue`): it asks for a complement it no longer has (rule
/// `heading.check.open-end`; titles use it through `title.open-end`).
pub(super) fn ends_open(text: &str, pack: &LanguagePack) -> bool {
    let padded = format!(" {}", text.trim_end_matches(['.', ' ']).to_lowercase());
    pack.words
        .open_ends
        .iter()
        .any(|e| ends_with_spaced(&padded, e))
}

/// The closing rules: open-end, verb-end.
fn check_end(
    text: &str,
    pack: &LanguagePack,
    is_name: &dyn Fn(&str) -> bool,
) -> Result<(), HeadingFault> {
    let words = words_of(text);
    let Some(&last) = words.last() else {
        return Err(HeadingFault::Length);
    };
    if last.ends_with(['’', '\'', ',', ';', ':', '-']) {
        return Err(HeadingFault::OpenEnd);
    }
    let lower = core(last);
    if lower.is_empty() {
        // a symbol (`%`, `€`) closes its figure
        return Ok(());
    }
    let tail = after_elision(&lower);
    let w = &pack.words;
    if pack.is_stopword(&lower)
        || pack.is_stopword(tail)
        || w.prepositions.contains(&*lower)
        || w.determiners.contains(&*lower)
        || w.auxiliaries.contains(&*lower)
        || (is_number(&lower) && lower.chars().filter(char::is_ascii_digit).count() != 4)
    {
        return Err(HeadingFault::OpenEnd);
    }
    let padded = format!(" {}", text.to_lowercase());
    // (`ends_with_spaced`: the same test as `ends_with(&format!(" {e}"))`, no pattern built)
    if w.open_ends.iter().any(|e| ends_with_spaced(&padded, e)) {
        return Err(HeadingFault::OpenEnd);
    }
    if last.chars().next().is_some_and(char::is_uppercase) || is_name(last) {
        return Ok(());
    }
    let open_verb = tail.chars().count() > 4
        && !pack.genders.contains_key(tail)
        && w.open_verb_endings
            .iter()
            .any(|e| tail.ends_with(e.as_str()));
    // an infinitive after a preposition (`vient d’annoncer`, `invite à signer`)
    let after_preposition = tail != lower
        || words.len() >= 2 && w.prepositions.contains(&*core(words[words.len() - 2]));
    let infinitive = after_preposition
        && tail.chars().count() > 4
        && !pack.genders.contains_key(tail)
        && w.infinitive_endings
            .iter()
            .any(|e| tail.ends_with(e.as_str()));
    // A present-tense verb after a noun or a name, in a short heading: subject and verb
    // without the object (`Le concert met`).
    let short_present = words.len() <= 5
        && tail.chars().count() >= 3
        && !pack.genders.contains_key(tail)
        && tail.ends_with('t')
        && !tail.ends_with("ment")
        && words.len() >= 2
        && {
            let prev = core(words[words.len() - 2]);
            pack.genders.contains_key(after_elision(&prev)) || is_name(words[words.len() - 2])
        };
    // A participle right after a form of avoir (an adverb may stand between): the object is
    // gone (`X avait notamment menacé`). A gerund (`en s’approchant`) likewise.
    let before: Vec<String> = words[..words.len() - 1]
        .iter()
        .rev()
        .map(|x| core(x).into_owned())
        .filter(|x| !w.adverb_suffixes.iter().any(|e| x.ends_with(e.as_str())))
        .take(1)
        .collect();
    let after_avoir = !pack.genders.contains_key(tail)
        && before.first().is_some_and(|b| w.avoir_forms.contains(b));
    let gerund = tail.ends_with("ant")
        && (lower.contains('’') || words.len() >= 2 && core(words[words.len() - 2]) == "en");
    if pack.verbs.contains(tail)
        || w.attribution_verbs.contains(tail)
        || w.opinion_verbs.contains(tail)
        || open_verb
        || infinitive
        || short_present
        || after_avoir
        || gerund
    {
        return Err(HeadingFault::VerbEnd);
    }
    Ok(())
}

/// Only dates and time words (`14 et 15 juin`), or a verbless phrase headed by a time
/// noun (`Ces derniers mois`, `La nuit du port`).
fn time_only(topic: &str, pack: &LanguagePack) -> bool {
    let words: Vec<Cow<str>> = words_of(topic).iter().map(|w| core(w)).collect();
    let timeish = |w: &str| {
        is_number(w)
            || pack.months.contains_key(w)
            || pack.weekdays.contains_key(w)
            || pack.words.time_nouns.contains(w)
            || pack.is_stopword(w)
            || pack.words.prepositions.contains(w)
            || pack.words.determiners.contains(w)
    };
    if words.iter().all(|w| timeish(w)) {
        return true;
    }
    if has_verb(topic, pack) {
        return false;
    }
    words
        .iter()
        .take_while(|w| !pack.words.prepositions.contains(&***w))
        .any(|w| pack.words.time_nouns.contains(after_elision(w)))
}

/// Every word that is not a function word is a name (`Lucie Vasseur`, `la Nouvelle
/// Démocratie`).
fn name_only(topic: &str, pack: &LanguagePack, is_name: &dyn Fn(&str) -> bool) -> bool {
    let words = words_of(topic);
    let content: Vec<&&str> = words
        .iter()
        .filter(|w| {
            let l = core(w);
            !(pack.is_stopword(&l)
                || pack.words.determiners.contains(&*l)
                || pack.words.prepositions.contains(&*l))
        })
        .collect();
    !content.is_empty()
        && content.iter().enumerate().all(|(i, w)| {
            let cap = after_elision(w)
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            cap && (i > 0 || is_name(w) || is_acronym(w) || words.first() != Some(w))
        })
}

/// The boundary-respecting cuts of a clause, longest first: the whole clause, then every
/// prefix of at least `min_words` words that stops before a function word, an adverb of
/// comparison, a comma or a quotation.
fn cuts(clause: &str, min_words: usize, pack: &LanguagePack) -> Vec<String> {
    let words = words_of(clause);
    let mut out = Vec::new();
    let max = words.len().min(12);
    if words.len() <= 12 {
        out.push(words.join(" "));
    }
    for end in (min_words..max).rev() {
        let next = core(words[end]);
        // a noun keeps its `de …` complement (`la progression du chômage`)
        let complement = pack.words.complement_links.contains(&*next)
            || next
                .split_once(['’', '\''])
                .is_some_and(|(pre, _)| pack.words.complement_links.contains(&format!("{pre}’")));
        let boundary = !complement
            && (pack.is_stopword(&next)
                || pack.words.prepositions.contains(&*next)
                || pack.words.open_comparatives.contains(&*next)
                || pack.words.adverbial_openers.contains(&*next)
                || words[end].starts_with(['«', '(', '"'])
                || words[end - 1].ends_with(','));
        if boundary {
            out.push(
                words[..end]
                    .join(" ")
                    .trim_end_matches([',', ';', ':'])
                    .to_string(),
            );
        }
    }
    out
}

/// Rule `heading.lead-clause`: a sentence compressed to a subheading: its dateline and any
/// opening circumstance dropped, the first clause with a subject and a verb, cut at a phrase
/// boundary to 4–10 words so that it passes every `heading.check.*` rule and keeps its verb.
///
/// ```text
/// "Depuis plusieurs mois, la mairie prépare un nouveau plan de circulation pour le centre."
///   → "La mairie prépare un nouveau plan de circulation"
/// ```
pub(super) fn clause_heading(
    sentence: &str,
    pack: &LanguagePack,
    is_name: &dyn Fn(&str) -> bool,
) -> Option<String> {
    compress(sentence, pack, is_name, true)
}

/// Rule `heading.subject`: the subject noun phrase of a sentence's main clause, when no
/// clause makes a subheading: the longest verbless prefix (3 words or more) that passes the
/// checks.
///
/// ```text
/// "Selon la préfecture, la 42e édition du festival de Montbrac débute vendredi."
///   → "La 42e édition du festival de Montbrac"
/// ```
pub(super) fn subject_heading(
    sentence: &str,
    pack: &LanguagePack,
    is_name: &dyn Fn(&str) -> bool,
) -> Option<String> {
    compress(sentence, pack, is_name, false)
}

fn compress(
    sentence: &str,
    pack: &LanguagePack,
    is_name: &dyn Fn(&str) -> bool,
    clause: bool,
) -> Option<String> {
    let body = strip_dateline(sentence, pack);
    for part in clauses(body, pack).into_iter().take(4) {
        if !maybe_verb(&part, pack) {
            continue;
        }
        // a reporting verb as a whole word (the verbs are single words: one set lookup a
        // word, not one scan of the clause a verb); only a clause heading asks
        if clause
            && part
                .split(' ')
                .any(|w| pack.words.attribution_verbs.contains(&*lowercase(w)))
        {
            continue;
        }
        let found = if clause {
            cuts(&part, 4, pack).into_iter().find_map(|cut| {
                // (cheap refusals first: capitalizing keeps the word count and never
                // shortens the text)
                if !(4..=10).contains(&count_words(&cut)) || char_len(&cut) > 70 {
                    return None;
                }
                let cut = pack.grammar.capitalize_first(&cut);
                ((4..=10).contains(&count_words(&cut))
                    && char_len(&cut) <= 70
                    && maybe_verb(&cut, pack)
                    && check_heading(&cut, pack, is_name).is_ok())
                .then_some(cut)
            })
        } else {
            // the words before the first verb-like word
            let words = words_of(&part);
            (3..words.len().min(10)).find_map(|end| {
                let w = core(words[end]);
                let verb_like = !pack.genders.contains_key(after_elision(&w))
                    && maybe_verb(&w, pack)
                    && !words[end].chars().next().is_some_and(char::is_uppercase);
                if !verb_like {
                    return None;
                }
                let cut = pack.grammar.capitalize_first(&words[..end].join(" "));
                (!has_verb(&cut, pack)
                    && char_len(&cut) <= 70
                    && check_heading(&cut, pack, is_name).is_ok())
                .then_some(cut)
            })
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

/// Why a key-figure line was refused. Each variant is a rule; [`FigureFault::id`] names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum FigureFault {
    /// `block.key-figures.check.subject`: the clause opens on a preposition, a conjunction,
    /// an adverb or a verb, so it has no subject of its own (`grâce au nouveau radar…`,
    /// `fondé il y a 30 ans`), or on a bare common noun, half of a coordinated subject
    /// (`menaces antisémites ont augmenté…`, cut out of `les actes et menaces…`).
    NoSubject,
    /// `block.key-figures.check.verb`: no verb.
    NoVerb,
    /// `block.key-figures.check.backshift`: a pluperfect, or a reported clause in the tense of
    /// its reporting verb, restated without it (`au moins 200 personnes avaient été tuées`).
    Backshift,
    /// `block.key-figures.check.two-sentences`: the clause runs over a sentence boundary.
    TwoSentences,
    /// `block.key-figures.check.open-end`: ends on a function word, or leaves a range open
    /// (`… entre janvier`).
    OpenEnd,
    /// `block.key-figures.check.reference`: leans on a pronoun or demonstrative.
    Reference,
}

impl FigureFault {
    /// The rule id, without the language prefix.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(super) fn id(self) -> &'static str {
        match self {
            Self::NoSubject => "block.key-figures.check.subject",
            Self::NoVerb => "block.key-figures.check.verb",
            Self::Backshift => "block.key-figures.check.backshift",
            Self::TwoSentences => "block.key-figures.check.two-sentences",
            Self::OpenEnd => "block.key-figures.check.open-end",
            Self::Reference => "block.key-figures.check.reference",
        }
    }
}

/// Whether a clause has a finite verb: an auxiliary, a known verb, or a lower-case word with a
/// finite ending (`data/<lang>/grammar.txt` `[finite-endings]`) that is no noun of the table,
/// no function word, no present participle and no adverb. A past participle alone (`annoncées`)
/// is not a finite verb. Without finite endings in the pack, [`maybe_verb`] decides.
fn finite_verb(clause: &str, pack: &LanguagePack) -> bool {
    let w = &pack.words;
    if w.finite_endings.is_empty() {
        return maybe_verb(clause, pack);
    }
    // `le rapport se base sur…` (rule `verb.reflexive`)
    if super::reflexive_verb(clause, pack, crate::lang::VerbForm::finite) {
        return true;
    }
    words_of(clause).iter().any(|word| {
        if word.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
        let l = core(word);
        let l = after_elision(&l);
        w.auxiliaries.contains(l)
            || pack.verbs.contains(l)
            || w.attribution_verbs.contains(l)
            || w.opinion_verbs.contains(l)
            || (l.chars().count() >= 3
                && l.chars().all(char::is_alphabetic)
                && !pack.is_stopword(l)
                && !w.prepositions.contains(l)
                && !w.determiners.contains(l)
                && !pack.genders.contains_key(l)
                && !l
                    .strip_suffix('s')
                    .is_some_and(|one| pack.genders.contains_key(one))
                // a participle (`annoncées`): a verb ending that is no finite ending
                && !w.verb_endings.iter().any(|e| {
                    l.ends_with(e.as_str()) && !w.finite_endings.iter().any(|f| f == e)
                })
                && !l.ends_with("ant")
                && !w.adverb_suffixes.iter().any(|e| l.ends_with(e.as_str()))
                && w.finite_endings.iter().any(|e| l.ends_with(e.as_str())))
    })
}

/// Whether the figure at byte `offset` of `sentence` stands in reported speech (`X a déclaré
/// que … 200 …`).
pub(super) fn reported_at(sentence: &str, offset: usize, pack: &LanguagePack) -> bool {
    let before = sentence.get(..offset).unwrap_or(sentence).to_lowercase();
    // ` {verb} que `: a reporting verb as a whole word, then a complementiser (one set lookup
    // a word, not one scan of the text a verb and complementiser)
    let words: Vec<&str> = before.split(' ').collect();
    words.windows(2).enumerate().any(|(i, pair)| {
        let [v, next] = pair else { return false };
        i > 0
            && pack.words.attribution_verbs.contains(*v)
            && (pack.words.complementizers.contains(next) && i + 2 < words.len()
                || pack
                    .words
                    .complementizer_prefixes
                    .iter()
                    .any(|p| next.starts_with(p.as_str())))
    })
}

/// Rule `block.key-figures.check.*`: whether a figure's clause (lowercased first, as the
/// template sets it after the figure) makes sense alone: a subject, a verb, no backshifted
/// tense out of its reporting verb, one sentence, a closed end.
///
/// ```text
/// "l’usine produira 200 millions de produits en 2013" → Ok
/// "grâce au nouveau radar installé sur 3 kilomètres" → Err(NoSubject)
/// "au moins 200 personnes avaient été tuées" → Err(Backshift)
/// ```
pub(super) fn check_figure_clause(
    clause: &str,
    pack: &LanguagePack,
    reported: bool,
) -> Result<(), FigureFault> {
    let words = words_of(clause);
    let Some(&first) = words.first() else {
        return Err(FigureFault::NoVerb);
    };
    let lower = core(first);
    if dangling_reference(clause, pack)
        || pack.words.speaker_pronouns.contains(&*lower)
        || lower
            .split_once(['’', '\''])
            .is_some_and(|(pre, _)| pack.words.speaker_pronouns.contains(&format!("{pre}’")))
    {
        return Err(FigureFault::Reference);
    }
    let w = &pack.words;
    let verb_first = !w.determiners.contains(&*lower)
        && lower.chars().count() >= 4
        && w.verb_endings.iter().any(|e| lower.ends_with(e.as_str()));
    let opener = lower.split(['’', '\'']).next().unwrap_or("");
    // a quantifier opens a counted subject (`au moins 200 personnes`)
    let lower_clause = clause.to_lowercase();
    let quantified = w
        .quantifiers
        .iter()
        .any(|q| lower_clause.starts_with(&format!("{q} ")));
    let no_subject = verb_first
        || has_verb(&lower, pack)
        || w.clause_openers.contains(&*lower)
        || w.subordinators
            .iter()
            .any(|s| s.split_whitespace().next() == Some(&*lower))
        || adverbial_word(&lower, first, pack, &|_| false)
        || (lower.contains('’') && w.prepositions.contains(&format!("{opener}’")) && opener != "d");
    // a bare common noun first (`menaces antisémites ont augmenté`, cut out of `les actes et
    // menaces…` at `et`): half of a coordinated subject, its determiner left behind
    let lower_ref: &str = &lower;
    let bare_noun = first.chars().next().is_some_and(char::is_lowercase)
        && !w.determiners.contains(lower_ref)
        && !pack.is_stopword(lower_ref)
        && (pack.genders.contains_key(lower_ref)
            || lower_ref
                .strip_suffix('s')
                .is_some_and(|one| pack.genders.contains_key(one)));
    if (no_subject || bare_noun) && !quantified {
        return Err(FigureFault::NoSubject);
    }
    if clause.starts_with(['«', '"', '“']) {
        return Err(FigureFault::NoSubject);
    }
    if !finite_verb(clause, pack) {
        return Err(FigureFault::NoVerb);
    }
    let lowers: Vec<String> = words.iter().map(|w| core(w).into_owned()).collect();
    let pluperfect = lowers.windows(2).any(|p| {
        w.pluperfect.contains(&p[0])
            && p[1].chars().count() >= 3
            && w.verb_endings.iter().any(|e| p[1].ends_with(e.as_str()))
    });
    if pluperfect || (reported && lowers.iter().any(|l| w.backshift.contains(l))) {
        return Err(FigureFault::Backshift);
    }
    let b = clause.as_bytes();
    let inner_break = clause.match_indices(['.', '!', '?']).any(|(i, _)| {
        b.get(i + 1) == Some(&b' ')
            && clause[i + 2..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    });
    // a label inside the clause (`autre mesure : 88 % …`) is a second statement
    let inner_colon = clause
        .match_indices(':')
        .any(|(i, _)| clause[i + 1..].starts_with(char::is_whitespace));
    if inner_break || inner_colon {
        return Err(FigureFault::TwoSentences);
    }
    let last = lowers.last().map_or("", String::as_str);
    let last = last.trim_end_matches(['.', '!', '?']);
    if pack.is_stopword(last) || w.prepositions.contains(last) || w.determiners.contains(last) {
        return Err(FigureFault::OpenEnd);
    }
    if let Some(k) = lowers.iter().rposition(|l| w.range_openers.contains(l)) {
        let closed = lowers[k + 1..]
            .iter()
            .any(|l| w.prepositions.contains(l) && !w.determiners.contains(l));
        if !closed {
            return Err(FigureFault::OpenEnd);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    fn fr() -> LanguagePack {
        LanguagePack::load(Lang::Fr).expect("pack")
    }

    /// Names of the test texts: words written with a capital mid-sentence.
    fn names(w: &str) -> bool {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        matches!(
            w,
            "Montbrac" | "Sernance" | "Ouvrard" | "Lucie" | "Vasseur" | "Gardel" | "Port-Vallon"
        )
    }

    fn fault(text: &str) -> Option<&'static str> {
        check_heading(text, &fr(), &names)
            .err()
            .map(HeadingFault::id)
    }

    #[test]
    fn good_subheadings_pass() {
        for h in [
            "La mairie de Montbrac prépare un plan de circulation",
            "Les riverains de la Sernance inquiets",
            "Une crue plus forte que prévu",
            "Plusieurs écoles fermées jusqu’à lundi",
            "Lucie Vasseur prend la tête du conseil",
            "Montbrac : le budget de la culture en baisse",
            "L’usine de Port-Vallon ferme ses portes",
            "Deux lycéens récompensés",
            "La préfète estime que la digue pourrait céder",
        ] {
            assert_eq!(fault(h), None, "{h}");
        }
        // a noun in `-ment` is no sentence adverb (`Malheureusement…` is): a bare noun opener
        assert_eq!(
            fault("Lancement réussi pour la fusée Orion"),
            Some("heading.check.no-head")
        );
        assert_eq!(
            fault("Malheureusement la digue a cédé"),
            Some("heading.check.adverbial")
        );
    }

    #[test]
    fn each_heading_rule_catches_its_fragment() {
        let cases = [
            ("Crue", "heading.check.length"),
            ("Le festival « des lumières", "heading.check.unbalanced"),
            (
                "Il a estimé que la digue tiendrait",
                "heading.check.reference",
            ),
            ("Ces actes de vandalisme", "heading.check.reference"),
            (
                "La tablette l’a remplacé en dix ans",
                "heading.check.reference",
            ),
            ("Depuis plusieurs mois", "heading.check.adverbial"),
            (
                "La ville devient un Etat souverain",
                "heading.check.source-slip",
            ),
            (
                "La mairie a officiellement abolit la taxe",
                "heading.check.source-slip",
            ),
            (
                "Lors de son discours devant le conseil",
                "heading.check.adverbial",
            ),
            ("Malheureusement la digue a cédé", "heading.check.adverbial"),
            ("Au pointage de midi", "heading.check.adverbial"),
            ("D’autant que les écoles ferment", "heading.check.no-head"),
            ("Des Ouvrard de Montbrac", "heading.check.of-name"),
            ("Soulagée par la décrue", "heading.check.no-head"),
            (
                "Le réseau comptait encore 12 millions",
                "heading.check.open-end",
            ),
            ("Des joueurs de l’équipe suite", "heading.check.open-end"),
            ("Le conseil municipal a voté pour", "heading.check.open-end"),
            ("Le concert met", "heading.check.verb-end"),
            ("Le maire vient d’annoncer", "heading.check.verb-end"),
            ("Le réseau enregistrait", "heading.check.verb-end"),
            (
                "Les lois de la République prévoient",
                "heading.check.verb-end",
            ),
            ("Le maire avait notamment promis", "heading.check.verb-end"),
            (
                "Le car a heurté un mur en s’approchant",
                "heading.check.verb-end",
            ),
            (
                "La ville n’ayant pas signé le traité",
                "heading.check.complement",
            ),
            (
                "La saison est telle cette année",
                "heading.check.complement",
            ),
            (
                "La raison d’une telle hausse est que cette ville",
                "heading.check.complement",
            ),
            (
                "L’exposition présente les peintres autant du côté",
                "heading.check.complement",
            ),
            ("La préfète estime que la crue", "heading.check.complement"),
            ("La préfète estime", "heading.check.verb-end"),
            ("14 et 15 juin", "heading.check.time-only"),
            ("Les derniers mois", "heading.check.time-only"),
            ("Lucie Vasseur", "heading.check.name-only"),
        ];
        for (h, id) in cases {
            assert_eq!(fault(h), Some(id), "{h}");
        }
    }

    #[test]
    fn kicker_headings_are_judged_on_their_topic() {
        assert_eq!(fault("Montbrac : la crue de la Sernance"), None);
        assert_eq!(
            fault("Montbrac : depuis plusieurs mois"),
            Some("heading.check.adverbial")
        );
        let en = LanguagePack::load(Lang::En).expect("pack");
        assert!(check_heading("Eastmere: the new harbour wall", &en, &|_| false).is_ok());
        assert_eq!(
            fault("Montbrac : Lucie Vasseur"),
            Some("heading.check.name-only")
        );
    }

    #[test]
    fn the_lead_clause_keeps_subject_verb_and_object() {
        let p = fr();
        let h = clause_heading(
            "Depuis plusieurs mois, la mairie prépare un nouveau plan de circulation pour le centre.",
            &p,
            &names,
        );
        assert_eq!(
            h.as_deref(),
            Some("La mairie prépare un nouveau plan de circulation")
        );
        let h = clause_heading(
            "L’exposition présente les peintres autant du point de vue de leur vie que de leur œuvre.",
            &p,
            &names,
        )
        .expect("a heading");
        assert!(check_heading(&h, &p, &names).is_ok(), "{h}");
        assert!(!h.contains("autant"), "{h}");
        // A noun keeps its `de …` complement: no cut right before `des fêtes`.
        let h = clause_heading(
            "Les élus ont voté mardi la rénovation de la salle des fêtes pour 2 millions d’euros.",
            &p,
            &names,
        );
        assert_ne!(
            h.as_deref(),
            Some("Les élus ont voté mardi la rénovation de la salle")
        );
        // A sentence with nothing but a circumstance and a pronoun gives no heading.
        assert_eq!(clause_heading("Hier soir, il a plu.", &p, &names), None);
        // An attribution is not a subject.
        assert_eq!(
            clause_heading("Le maire a déclaré que la digue tiendrait.", &p, &names),
            None
        );
    }

    #[test]
    fn the_subject_heading_is_the_verbless_noun_phrase() {
        let p = fr();
        let h = subject_heading(
            "Selon la préfecture, la grande fête du port de Montbrac débute vendredi soir.",
            &p,
            &names,
        );
        assert_eq!(h.as_deref(), Some("La grande fête du port de Montbrac"));
        assert_eq!(subject_heading("Hier, il a plu.", &p, &names), None);
    }

    fn figure_fault(clause: &str, reported: bool) -> Option<&'static str> {
        check_figure_clause(clause, &fr(), reported)
            .err()
            .map(FigureFault::id)
    }

    #[test]
    fn figure_clauses_need_a_subject_and_a_verb_that_stand_alone() {
        assert_eq!(
            figure_fault("l’usine produira 200 millions de flacons en 2013", false),
            None
        );
        assert_eq!(
            figure_fault("les ventes ont reculé de 4 % entre janvier et mars", false),
            None
        );
        for ok in [
            "le port pourra recevoir des bateaux de 25 mètres",
            "la capitainerie attend 4 200 bateaux",
            "la crue inonde 200 maisons",
            "le maire vient d’annoncer 12 embauches",
        ] {
            assert_eq!(figure_fault(ok, false), None, "{ok}");
        }
        let cases = [
            (
                "grâce au nouveau radar installé sur 3 kilomètres",
                false,
                "block.key-figures.check.subject",
            ),
            (
                "fondé il y a 30 ans",
                false,
                "block.key-figures.check.subject",
            ),
            (
                "menaces de la ville ont augmenté de 46 % en un an",
                false,
                "block.key-figures.check.subject",
            ),
            (
                "19 des 20 skippers de la course",
                false,
                "block.key-figures.check.verb",
            ),
            (
                "la fête des 60 ans du cercle de Montbrac le mardi 7",
                false,
                "block.key-figures.check.verb",
            ),
            (
                "le théâtre à 5,5 % en plus des baisses annoncées en mai",
                false,
                "block.key-figures.check.verb",
            ),
            (
                "nous sommes sûrs à 70 % que la digue tiendra",
                false,
                "block.key-figures.check.reference",
            ),
            (
                "« 100 millions d’euros » ont été investis",
                false,
                "block.key-figures.check.subject",
            ),
            (
                "autre mesure : 88 % des foyers seront exonérés",
                false,
                "block.key-figures.check.two-sentences",
            ),
            (
                "au moins 200 personnes avaient été blessées",
                false,
                "block.key-figures.check.backshift",
            ),
            (
                "la digue serait fermée sous 3 mètres d’eau",
                true,
                "block.key-figures.check.backshift",
            ),
            (
                "il fera 38 degrés à Montbrac",
                false,
                "block.key-figures.check.reference",
            ),
            (
                "le thermomètre a atteint 38 degrés C. Il fera chaud",
                false,
                "block.key-figures.check.two-sentences",
            ),
            (
                "les ventes ont reculé de 4 % entre janvier",
                false,
                "block.key-figures.check.open-end",
            ),
        ];
        for (c, reported, id) in cases {
            assert_eq!(figure_fault(c, reported), Some(id), "{c}");
        }
    }

    #[test]
    fn reported_speech_is_seen_before_the_figure() {
        let p = fr();
        let s = "Le médiateur a déclaré qu’au moins 200 personnes avaient été tuées.";
        let at = s.find("200").expect("figure");
        assert!(reported_at(s, at, &p));
        assert!(!reported_at(
            "Au moins 200 personnes ont été évacuées.",
            8,
            &p
        ));
    }
}
