//! The FAQ block and the closing summary: questions from templates by fact type, answered by
//! the article's own words, and a short recap of statements no other block restated.
//!
//! Every question kind is a rule with its own template in `data/<lang>/templates.txt`; a
//! language whose pack has no template for a kind simply gets no question of that kind.
// Indexing is in bounds by construction: sentence and token indices come from the `Document`
// and `Analysis` (spans produced by `text` and `analyze`); word indices (`words[aux_at]`,
// `words[end - 1]`) are positions found by searching the same word list. Checked by the
// `rewrite` fuzz target.
#![allow(clippy::indexing_slicing)]

use crate::hash::{HashMap, HashMapExt, HashSet, HashSetExt};

use super::{
    Block, BlockKind, Composer, Origin, QuestionAnswer, Section, balanced, dangling_reference,
    fill, has_verb, norm_sentence,
};
use crate::analyze::{Analysis, DateKind};
use crate::text::{Document, count_words};

/// At most this many questions in the FAQ block.
const MAX_QUESTIONS: usize = 5;

/// At most this many statements in the closing summary (`block.summary`): its own three, and
/// the two the key points leave it (`block.key-points.leave-summary`).
const MAX_SUMMARY: usize = 5;

/// A candidate question, kept with the sentence it restates.
struct Candidate {
    sentence: usize,
    qa: QuestionAnswer,
}

impl Composer<'_> {
    /// Rule `block.faq` ("Questions-réponses"): up to five questions from templates by fact
    /// type, each answered by the article's own words, in reading order. Kinds:
    ///
    /// - `faq.quote` — a full quoted sentence and its speaker: `Que dit Nadim Houry ?` →
    ///   `« La torture continue aujourd’hui en Syrie. »`
    /// - `faq.what` — a subject, a verb and its object: `L’ONG a publié un rapport accablant.`
    ///   → `Qu’a publié l’ONG ?` → `Un rapport accablant.`
    /// - `faq.who` — the same shape with a named subject: `Human Rights Watch a publié un
    ///   rapport.` → `Qui a publié un rapport ?` → `Human Rights Watch.`
    /// - `faq.how-many` — a counted subject: `Au moins 200 personnes ont été tuées.` →
    ///   `Combien de personnes ont été tuées ?` → `Au moins 200 personnes.`
    /// - `faq.when` — a dated past event: `Le conseil a voté mardi la fermeture du site.` →
    ///   `Que s’est-il passé mardi ?` → `Le conseil a voté la fermeture du site.`
    ///
    /// A sentence answers at most one question and is then used up for later blocks.
    pub(super) fn faq(
        &self,
        doc: &Document,
        analysis: &Analysis,
        used: &mut HashSet<usize>,
        seen: &mut HashSet<String>,
        is_name: &dyn Fn(&str) -> bool,
    ) -> Option<Section> {
        let pack = self.pack;
        let mut cands: Vec<Candidate> = Vec::new();
        let mut taken: HashSet<usize> = HashSet::new();
        let free = |s: usize, taken: &HashSet<usize>| !used.contains(&s) && !taken.contains(&s);
        // Round-robin over the kinds so that one kind does not crowd out the others.
        let mut kinds: Vec<Vec<Candidate>> = vec![
            self.quote_questions(doc, analysis),
            self.what_questions(doc, is_name),
            self.how_many_questions(doc, analysis, is_name),
            self.when_questions(doc, analysis, is_name),
        ];
        for list in &mut kinds {
            list.reverse();
        }
        'fill: loop {
            let mut any = false;
            for list in &mut kinds {
                while let Some(c) = list.pop() {
                    if !free(c.sentence, &taken) {
                        continue;
                    }
                    let key_q = norm_sentence(&c.qa.question);
                    let key_a = norm_sentence(&c.qa.answer);
                    if seen.contains(&key_q) || seen.contains(&key_a) {
                        continue;
                    }
                    seen.insert(key_q);
                    seen.insert(key_a);
                    taken.insert(c.sentence);
                    cands.push(c);
                    any = true;
                    break;
                }
                if cands.len() >= MAX_QUESTIONS {
                    break 'fill;
                }
            }
            if !any {
                break;
            }
        }
        if cands.len() < 2 {
            return None;
        }
        cands.sort_by_key(|c| c.sentence);
        used.extend(taken);
        let mut sources: Vec<usize> = cands
            .iter()
            .map(|c| doc.sentences[c.sentence].paragraph)
            .collect();
        sources.sort_unstable();
        sources.dedup();
        let qa: Vec<QuestionAnswer> = cands.into_iter().map(|c| c.qa).collect();
        let text = qa
            .iter()
            .map(|q| format!("{}\n{}", q.question, q.answer))
            .collect::<Vec<_>>()
            .join("\n");
        let rule = format!("{}.block.faq", pack.lang.code());
        Some(Section {
            heading: Some(pack.template("block.faq.heading").ok()?.to_string()),
            heading_rule: Some(format!("{rule}.heading")),
            blocks: vec![Block {
                kind: BlockKind::Faq,
                text,
                items: Vec::new(),
                qa,
                origin: Origin::Generated { rule, sources },
                restated: Vec::new(),
            }],
        })
    }

    fn qa(&self, sentence: usize, kind: &str, question: String, answer: String) -> Candidate {
        Candidate {
            sentence,
            qa: QuestionAnswer {
                question,
                answer,
                rule: format!("{}.faq.{kind}", self.pack.lang.code()),
            },
        }
    }

    /// `faq.quote`: a quotation that is a whole sentence (capital first, six words or more)
    /// and a named speaker.
    fn quote_questions(&self, doc: &Document, analysis: &Analysis) -> Vec<Candidate> {
        let pack = self.pack;
        let mut out = Vec::new();
        for q in &analysis.quotes {
            let Some(speaker) = q.speaker.as_deref() else {
                continue;
            };
            let first = speaker
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_lowercase();
            let words = count_words(&q.text);
            if pack.words.not_subject.contains(&first)
                || count_words(speaker) > 6
                || !(6..=40).contains(&words)
                || !q.text.chars().next().is_some_and(char::is_uppercase)
                || q.text.contains(['«', '»', '“', '”'])
            {
                continue;
            }
            let speaker = pack.grammar.lowercase_first(speaker, &|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && !pack.words.determiners.contains(&w.to_lowercase())
                    && pack
                        .elided_in(&w.to_lowercase(), &pack.words.determiners)
                        .is_none()
            });
            let mut quote = q.text.trim().to_string();
            if !quote.ends_with(['.', '!', '?', '…']) {
                quote.push('.');
            }
            let Some(question) = fill(
                self.env,
                pack,
                "faq.quote",
                minijinja::context! { speaker => speaker },
            ) else {
                continue;
            };
            let Some(answer) = fill(
                self.env,
                pack,
                "faq.quote.answer",
                minijinja::context! { quote => quote },
            ) else {
                continue;
            };
            if norm_sentence(&answer) == norm_sentence(doc.sentence_text(q.sentence)) {
                continue;
            }
            out.push(self.qa(q.sentence, "quote", question, answer));
        }
        out
    }

    /// `faq.what`: a sentence that opens on a noun-phrase subject (an article or a name, at
    /// most five words, no comma) followed by a verb in the passé composé (`a publié`,
    /// `ont décidé`) and a direct object or a `que` clause. The question inverts subject and
    /// verb; the answer is the object, as the article words it.
    fn what_questions(&self, doc: &Document, is_name: &dyn Fn(&str) -> bool) -> Vec<Candidate> {
        let pack = self.pack;
        if pack.template("faq.what").is_err() {
            return Vec::new();
        }
        let mut out = Vec::new();
        for (si, _) in doc.sentences.iter().enumerate() {
            let sentence = doc.sentence_text(si).trim();
            if super::suspect_agreement(sentence) {
                continue;
            }
            let all: Vec<&str> = sentence.split(' ').filter(|w| !w.is_empty()).collect();
            // `Mardi, le conseil a voté…`: a short adverbial opener is left out of the question
            let skip = all
                .iter()
                .take(6)
                .position(|w| w.ends_with(','))
                .filter(|&i| {
                    let head = all[..=i].join(" ");
                    let first = all[0].to_lowercase();
                    !has_verb(&head, pack)
                        && !head.contains(['«', '(', '“'])
                        && !pack.words.faq_source_openers.contains(&first)
                })
                .map_or(0, |i| i + 1);
            let words: Vec<&str> = all[skip..].to_vec();
            let Some(aux_at) = (1..words.len().min(7)).find(|&i| {
                pack.words.present_perfect_auxiliaries.contains(words[i])
                    && words.get(i + 1).is_some_and(|w| participle_like(w, pack))
            }) else {
                if let Some(c) = self.present_what(si, &words, is_name) {
                    out.push(c);
                }
                continue;
            };
            let subject_words = &words[..aux_at];
            if subject_words
                .iter()
                .any(|w| w.contains([',', ';', ':', '«', '(']))
                || subject_words.len() > 5
            {
                continue;
            }
            let first = subject_words[0].to_lowercase();
            let first_core = first.split(['’', '\'']).next().unwrap_or(&first);
            let opens_np = pack.words.determiners.contains(&first)
                || pack.elided_in(&first, &pack.words.determiners).is_some()
                || (subject_words[0]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
                    && is_name(subject_words[0]));
            // an indefinite subject (`un nouveau régime`) makes an odd question
            if !opens_np
                || pack.words.indefinite_articles.contains(&first)
                || pack.words.not_subject.contains(first_core)
                || subject_words.iter().skip(1).any(|w| has_verb(w, pack))
            {
                continue;
            }
            let participle = words[aux_at + 1];
            // `a été`, `a pu`: a passive or a modal, not a verb with an object
            if pack.words.no_object_participles.contains(participle) {
                continue;
            }
            let rest = &words[aux_at + 2..];
            let Some(object) = object_of(rest, pack) else {
                continue;
            };
            let subject_text = subject_words.join(" ");
            // A named subject makes a `faq.who` question (`Qui a publié le rapport ?` → `Human
            // Rights Watch.`); any other a `faq.what` question.
            let named = subject_words[0]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
                && is_name(subject_words[0])
                && !pack.words.determiners.contains(&first);
            if named && count_words(&object) <= 12 && pack.template("faq.who").is_ok() {
                let verb = format!("a {participle}");
                let ctx = minijinja::context! { verb => verb, object => object };
                if let Some(question) = fill(self.env, pack, "faq.who", ctx) {
                    let answer = pack.grammar.typography(&format!(
                        "{}.",
                        pack.grammar.capitalize_first(&subject_text)
                    ));
                    out.push(self.qa(si, "who", question, answer));
                    continue;
                }
            }
            let subject = pack.grammar.lowercase_first(&subject_text, is_name);
            let verb = format!("{} {participle}", words[aux_at]);
            let ctx = minijinja::context! { verb => verb, subject => subject };
            let Some(question) = fill(self.env, pack, "faq.what", ctx) else {
                continue;
            };
            let answer = pack
                .grammar
                .typography(&format!("{}.", pack.grammar.capitalize_first(&object)));
            out.push(self.qa(si, "what", question, answer));
        }
        out
    }

    /// `faq.what` in the present: a name as subject (`Alan Turing explore le problème de
    /// l’intelligence artificielle.`) and a verb that is not a noun of the pack's dictionary
    /// → `Qu’explore Alan Turing ?` → `Le problème de l’intelligence artificielle.`
    fn present_what(
        &self,
        si: usize,
        words: &[&str],
        is_name: &dyn Fn(&str) -> bool,
    ) -> Option<Candidate> {
        let pack = self.pack;
        if pack.lang != crate::lang::Lang::Fr {
            return None;
        }
        // the subject: a run of capitalised words, particles allowed inside
        let mut end = 0;
        while end < words.len().min(5) {
            let w = words[end];
            let cap = w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '’');
            let particle = end > 0 && pack.words.name_particles.contains(w);
            if !(cap || particle) || w.ends_with(',') {
                break;
            }
            end += 1;
        }
        if end == 0
            || end > 4
            || !is_name(words[0])
            || pack.words.name_particles.contains(words[end - 1])
        {
            return None;
        }
        let verb = *words.get(end)?;
        let lower = verb.to_lowercase();
        let verb_like = verb.chars().all(char::is_alphabetic)
            && verb.chars().count() >= 4
            && verb.chars().next().is_some_and(char::is_lowercase)
            && ["e", "ent", "it", "t", "d"]
                .iter()
                .any(|e| lower.ends_with(e))
            && !pack.is_stopword(&lower)
            && !pack.genders.contains_key(&lower)
            && !pack.words.prepositions.contains(&lower);
        if !verb_like {
            return None;
        }
        let rest = words.get(end + 1..)?;
        // `meurt le 7 juin`: a date after the verb is no object
        let second = rest.get(1).map(|w| w.to_lowercase()).unwrap_or_default();
        if second.chars().next().is_some_and(|c| c.is_ascii_digit())
            || pack.weekdays.contains_key(&second)
            || pack.months.contains_key(&second)
        {
            return None;
        }
        let object = object_of(rest, pack)?;
        let subject = words[..end].join(" ");
        let ctx = minijinja::context! { verb => verb, subject => subject };
        let question = fill(self.env, pack, "faq.what", ctx)?;
        let answer = pack
            .grammar
            .typography(&format!("{}.", pack.grammar.capitalize_first(&object)));
        Some(self.qa(si, "what", question, answer))
    }

    /// `faq.how-many`: a counted subject at the head of its clause (`au moins 200 personnes
    /// ont été tuées`): the question asks how many, the answer gives the figure as written.
    fn how_many_questions(
        &self,
        doc: &Document,
        analysis: &Analysis,
        is_name: &dyn Fn(&str) -> bool,
    ) -> Vec<Candidate> {
        let pack = self.pack;
        let mut out = Vec::new();
        let mut done = HashSet::new();
        for f in &analysis.figures {
            let Some(unit) = f.unit.as_deref() else {
                continue;
            };
            if done.contains(&f.sentence)
                || !unit.chars().all(char::is_alphabetic)
                || unit.chars().count() < 3
                || matches!(f.value.as_str(), "1" | "0")
            {
                continue;
            }
            let sentence = doc.sentence_text(f.sentence);
            let s_span = &doc.sentences[f.sentence].span;
            let offset = f.span.start.saturating_sub(s_span.start);
            let Some(clause) = super::figure_clause(sentence, offset, pack) else {
                continue;
            };
            let clause = super::lower_statement(&clause, pack, is_name);
            let phrase = f.phrase.to_lowercase();
            let Some(rest) = clause
                .to_lowercase()
                .starts_with(&phrase)
                .then(|| clause.get(f.phrase.len()..))
                .flatten()
            else {
                continue;
            };
            let rest_words: Vec<&str> = rest.split(' ').filter(|w| !w.is_empty()).collect();
            let Some(first) = rest_words.first() else {
                continue;
            };
            if !(pack.words.auxiliaries.contains(*first) || has_verb(first, pack))
                || rest_words.len() > 16
                || rest.contains(['«', '»', ':', ';', '(', ')'])
                || dangling_reference(rest, pack)
            {
                continue;
            }
            let ctx = minijinja::context! { unit => unit, rest => rest.trim() };
            let Some(question) = fill(self.env, pack, "faq.how-many", ctx) else {
                continue;
            };
            let answer = pack
                .grammar
                .typography(&format!("{}.", pack.grammar.capitalize_first(&f.phrase)));
            done.insert(f.sentence);
            out.push(self.qa(f.sentence, "how-many", question, answer));
        }
        out
    }

    /// `faq.when`: a dated event told in the past (`a voté`, `ont lancé`): the question asks
    /// what happened at that date, the answer is the article's clause with the date taken out.
    fn when_questions(
        &self,
        doc: &Document,
        analysis: &Analysis,
        is_name: &dyn Fn(&str) -> bool,
    ) -> Vec<Candidate> {
        let pack = self.pack;
        let mut out = Vec::new();
        let mut done = HashSet::new();
        for d in &analysis.dates {
            let key = match d.kind {
                DateKind::Day => "faq.when-day",
                DateKind::Weekday => "faq.when-weekday",
                DateKind::Year => "faq.when-year",
                DateKind::Decade => continue,
            };
            // A dateline (`22 mai 2012. – …`) dates the article, not an event in it.
            let dateline = doc
                .paragraphs
                .first()
                .is_some_and(|p| d.span.start <= p.span.start + 3);
            if done.contains(&d.sentence) || dateline {
                continue;
            }
            let Some(clause) = self.dated_clause(doc, d, is_name) else {
                continue;
            };
            let words: Vec<&str> = clause.split(' ').collect();
            let past = words
                .windows(2)
                .any(|w| pack.words.past_auxiliaries.contains(w[0]) && participle_like(w[1], pack))
                || (pack.lang == crate::lang::Lang::En
                    && words
                        .iter()
                        .skip(1)
                        .take(4)
                        .any(|w| w.len() > 3 && w.ends_with("ed") && !pack.stopwords.contains(*w)));
            // Only an event told in the past: a date in the present may be a plan or a
            // commemoration (`le musée dévoile les activités prévues en 2014`).
            if !past || future_like(&words, pack) || clause.contains(['«', '»', '“', '”']) {
                continue;
            }
            // French writes weekdays and months in lower case; English capitalises them.
            let date = if pack.lang == crate::lang::Lang::Fr {
                d.text.to_lowercase()
            } else {
                d.text.clone()
            };
            let Some(question) = fill(self.env, pack, key, minijinja::context! { date => date })
            else {
                continue;
            };
            let answer = pack
                .grammar
                .typography(&format!("{}.", pack.grammar.capitalize_first(&clause)));
            if norm_sentence(&answer) == norm_sentence(doc.sentence_text(d.sentence)) {
                continue;
            }
            done.insert(d.sentence);
            out.push(self.qa(d.sentence, "when", question, answer));
        }
        out
    }

    /// Rule `block.summary` ("En résumé"): up to five statements of the article that no other
    /// block restated, trimmed, in reading order, joined by the pack's connectors
    /// (`summary.first`, `summary.first-of-many`, `summary.next`, `summary.next-2`,
    /// `summary.next-3`, `summary.last`): `Le conseil a voté la fermeture du site. Par ailleurs,
    /// la mairie a saisi le tribunal.`; with three or more, `D’abord, le conseil a voté la
    /// fermeture du site. Par ailleurs, la mairie a saisi le tribunal. Enfin, la préfète a reçu
    /// les riverains.`
    pub(super) fn summary(
        &self,
        doc: &Document,
        analysis: &Analysis,
        used: &mut HashSet<usize>,
        seen: &mut HashSet<String>,
        is_name: &dyn Fn(&str) -> bool,
        restated: &super::RestateMemo,
    ) -> Option<Section> {
        let pack = self.pack;
        let mut score = vec![0.0f64; doc.sentences.len()];
        for k in analysis.keyphrases.iter().take(15) {
            for &s in &k.sentences {
                if let Some(x) = score.get_mut(s) {
                    *x += k.score;
                }
            }
        }
        let mut order: Vec<usize> = (0..doc.sentences.len()).collect();
        order.sort_by(|&a, &b| score[b].total_cmp(&score[a]).then_with(|| a.cmp(&b)));
        let mut picked: Vec<(usize, String)> = Vec::new();
        // each picked sentence's restatement (its last sentence and rules)
        let mut made: HashMap<usize, super::Restatement> = HashMap::new();
        for s in order {
            if picked.len() >= MAX_SUMMARY {
                break;
            }
            if used.contains(&s) {
                continue;
            }
            let Some(r) = restated.span(doc, s, pack, self.env, is_name) else {
                continue;
            };
            let n = count_words(&r.text);
            if !(6..=32).contains(&n)
                || dangling_reference(&r.text, pack)
                || used.contains(&r.last)
                || picked
                    .iter()
                    .any(|p| p.0 == r.last || made.get(&p.0).is_some_and(|m| m.last == r.last))
                || seen.contains(&norm_sentence(&r.text))
            {
                continue;
            }
            picked.push((s, r.text.clone()));
            made.insert(s, r);
        }
        picked.sort_by_key(|p| p.0);
        // A statement whose connector gives back its source sentence (`Par ailleurs, les
        // textos…` trimmed of its `Par ailleurs`, then joined by it) would be that sentence
        // twice: it is left out, and the connectors are chosen again.
        let parts = loop {
            if picked.len() < 2 {
                return None;
            }
            let parts = self.summary_parts(&picked, is_name)?;
            match parts.iter().position(|p| seen.contains(&norm_sentence(p))) {
                Some(i) => {
                    picked.remove(i);
                }
                None => break parts,
            }
        };
        let mut restated = Vec::new();
        for (s, t) in &picked {
            used.insert(*s);
            if let Some(r) = made.get(s) {
                used.insert(r.last);
                restated.push(super::Restated::of(*s, r, pack.lang.code()));
            }
            seen.insert(norm_sentence(t));
        }
        for p in &parts {
            seen.insert(norm_sentence(p));
        }
        let mut sources: Vec<usize> = picked
            .iter()
            .map(|(s, _)| doc.sentences[*s].paragraph)
            .collect();
        sources.sort_unstable();
        sources.dedup();
        let rule = format!("{}.block.summary", pack.lang.code());
        Some(Section {
            heading: Some(pack.template("block.summary.heading").ok()?.to_string()),
            heading_rule: Some(format!("{rule}.heading")),
            blocks: vec![Block {
                kind: BlockKind::Paragraph,
                text: parts.join(" "),
                items: Vec::new(),
                qa: Vec::new(),
                origin: Origin::Generated { rule, sources },
                restated,
            }],
        })
    }

    /// The summary's statements, each with its connector (`block.summary`).
    fn summary_parts(
        &self,
        picked: &[(usize, String)],
        is_name: &dyn Fn(&str) -> bool,
    ) -> Option<Vec<String>> {
        let pack = self.pack;
        let last = picked.len() - 1;
        let mut parts = Vec::new();
        for (i, (_, t)) in picked.iter().enumerate() {
            // `Enfin` closes a list of three or more, which `D’abord` opens; two statements
            // are joined by `Par ailleurs`; a fourth and fifth statement in between take `En
            // outre`, `De plus`.
            let key = match i {
                0 if last >= 2 => "summary.first-of-many",
                0 => "summary.first",
                i if i == last && last >= 2 => "summary.last",
                1 => "summary.next",
                2 => "summary.next-2",
                _ => "summary.next-3",
            };
            let statement = if key == "summary.first" {
                t.clone()
            } else {
                super::lower_statement(t, pack, is_name)
            };
            parts.push(fill(
                self.env,
                pack,
                key,
                minijinja::context! { statement => statement },
            )?);
        }
        Some(parts)
    }
}

/// Whether a clause speaks of the future or of a hypothesis: a future or conditional ending
/// (`se tiendra`, `pourrait`), or `va`/`vont` + infinitive, `will`, `would`.
fn future_like(words: &[&str], pack: &crate::lang::LanguagePack) -> bool {
    let classes = &pack.words;
    words.iter().any(|w| {
        let w = w.to_lowercase();
        classes.future_markers.contains(&w)
            || (w.chars().count() > 4
                && classes
                    .future_endings
                    .iter()
                    .any(|e| w.ends_with(e.as_str())))
    })
}

/// Whether a word looks like a past participle after `a`/`ont` (`publié`, `pris`, `décidé`,
/// `mis`, `dit`, `fait`, `ouvert`, `reçu`).
fn participle_like(word: &str, pack: &crate::lang::LanguagePack) -> bool {
    let w = word.trim_end_matches([',', '.']);
    if w.chars().count() < 2
        || !w.chars().all(|c| c.is_alphabetic())
        || w.chars().next().is_some_and(char::is_uppercase)
    {
        return false;
    }
    pack.words
        .participle_endings
        .iter()
        .any(|e| w.ends_with(e.as_str()))
        && !pack.words.not_participles.contains(w)
}

/// The direct object or `que` clause after a verb, as the answer to a `faq.what` question: it
/// must open on an article or a determiner (or `que`, which is dropped), end at the first
/// comma, semicolon or colon, and hold four to twenty-five words.
fn object_of(rest: &[&str], pack: &crate::lang::LanguagePack) -> Option<String> {
    let first = rest.first()?.to_lowercase();
    let mut words: Vec<&str> = rest.to_vec();
    if first == "que" {
        words.remove(0);
    } else if let Some(after) = pack
        .elided_in(&first, &pack.words.clause_openers)
        .map(|head| &first[head.len()..])
    {
        if after.is_empty() {
            return None;
        }
        let original = words[0];
        let cut = original
            .char_indices()
            .nth(3)
            .map_or(original.len(), |(i, _)| i);
        words[0] = &original[cut..];
    } else {
        // `au`, `aux`, `du` after the verb are mostly prepositions (`a décollé du site`)
        // `a vu le jour`, `a connu le même jour`: a time phrase is no object
        let second = rest.get(1).map(|w| w.to_lowercase()).unwrap_or_default();
        let third = rest.get(2).map(|w| w.to_lowercase()).unwrap_or_default();
        let time = &pack.words.no_object_time_words;
        if time.contains(&second)
            || (pack.words.time_word_modifiers.contains(&second) && time.contains(&third))
        {
            return None;
        }
        let det = pack.elided_in(&first, &pack.words.determiners).is_some()
            || (pack.words.determiners.contains(&first)
                && !pack.words.object_non_determiners.contains(&first))
            || pack.words.object_openers.contains(&first);
        if !det {
            return None;
        }
    }
    let mut out: Vec<&str> = Vec::new();
    for (i, w) in words.iter().copied().enumerate() {
        // `… et appelle la population`: a second verb starts a new statement
        if pack.words.object_joiners.contains(w) && i > 0 {
            let next = words.get(i + 1).copied().unwrap_or("");
            let np = next
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || pack.words.determiners.contains(&next.to_lowercase())
                || pack
                    .elided_in(next, &pack.words.determiners)
                    .or_else(|| pack.elided_in(next, &pack.words.prepositions))
                    .is_some_and(|h| h.ends_with('’'));
            if !np {
                break;
            }
        }
        let end = w.ends_with([',', ';', ':']);
        out.push(w.trim_end_matches([',', ';', ':']));
        if end || w == "–" || w == "—" {
            break;
        }
    }
    let text = out
        .join(" ")
        .trim_end_matches(['.', '!', '?', '…', ' ', '–', '—'])
        .to_string();
    let n = count_words(&text);
    ((4..=25).contains(&n)
        && balanced(&text)
        && !text.contains('“')
        && !dangling_reference(&text, pack))
    .then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::{Lang, LanguagePack};

    fn pack() -> LanguagePack {
        LanguagePack::load(Lang::Fr).expect("pack")
    }

    #[test]
    fn objects_stop_at_the_first_comma_and_need_an_article() {
        let p = pack();
        let rest: Vec<&str> = "un rapport de 81 pages, mardi, à Genève."
            .split(' ')
            .collect();
        assert_eq!(
            object_of(&rest, &p).as_deref(),
            Some("un rapport de 81 pages")
        );
        let rest: Vec<&str> = "mardi un rapport".split(' ').collect();
        assert_eq!(
            object_of(&rest, &p),
            None,
            "an adverb first is not an object"
        );
        let rest: Vec<&str> = "que les troupes se retireront avant l’hiver"
            .split(' ')
            .collect();
        assert_eq!(
            object_of(&rest, &p).as_deref(),
            Some("les troupes se retireront avant l’hiver")
        );
        let rest: Vec<&str> = "qu’elle partirait".split(' ').collect();
        assert_eq!(object_of(&rest, &p), None, "a pronoun subject dangles");
    }

    #[test]
    fn participles_are_recognised() {
        let p = pack();
        for w in [
            "publié",
            "pris",
            "décidé",
            "dit",
            "ouvert",
            "reçu",
            "annoncées",
        ] {
            assert!(participle_like(w, &p), "{w}");
        }
        for w in ["aussi", "depuis", "Paris", "été2"] {
            assert!(!participle_like(w, &p), "{w}");
        }
    }
}
