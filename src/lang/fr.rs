//! French grammar: typography and the small rules that data files cannot express.

use super::{Grammar, PackData};

/// The embedded French data files.
pub(super) const DATA: PackData = PackData {
    stopwords: &[
        include_str!("../../data/fr/stopwords.txt"),
        include_str!("../../data/fr/stopwords-extra.txt"),
    ],
    verbs: include_str!("../../data/fr/verbs-common.txt"),
    abbreviations: &[
        include_str!("../../data/fr/cldr-suppressions.txt"),
        include_str!("../../data/fr/abbreviations.txt"),
    ],
    noise: include_str!("../../data/fr/noise.txt"),
    brief: include_str!("../../data/fr/brief.txt"),
    grammar: include_str!("../../data/fr/grammar.txt"),
    calendar: include_str!("../../data/fr/weekdays-months.txt"),
    templates: include_str!("../../data/fr/templates.txt"),
    wordfreq: include_str!("../../data/fr/wordfreq.txt"),
    genders: include_str!("../../data/fr/genders.txt"),
    verb_forms: include_str!("../../data/fr/verb-forms.txt"),
    keyphrases: include_str!("../../data/fr/keyphrases.txt"),
};

/// No-break space (U+00A0), used before `:` and inside « ».
pub const NBSP: char = '\u{00A0}';
/// Narrow no-break space (U+202F), used before `; ! ?` and between digit groups.
pub const NNBSP: char = '\u{202F}';

/// The French grammar module.
#[derive(Debug, Clone, Copy, Default)]
pub struct French;

fn is_space(c: char) -> bool {
    c == ' ' || c == NBSP || c == NNBSP || c == '\t'
}

/// Rule `fr.typo`: French typography, words untouched.
///
/// - `fr.typo.apostrophe`: `l'agence` → `l’agence`;
/// - `fr.typo.ellipsis`: `...` → `…`;
/// - `fr.typo.guillemets`: `"oui"` and `“oui”` → `« oui »`, with no-break spaces inside;
/// - `fr.typo.nbsp`: `Titre : x` → no-break space before `:`, narrow no-break space before `; ! ?`;
/// - `fr.typo.digits`: `6 700` → `6 700` with a narrow no-break space;
/// - `fr.typo.unit`: `521 kg`, `12 %` → a no-break space between a number and a unit symbol;
/// - `fr.typo.dash`: a hyphen between spaces (`2012. - Le`) → an en dash (`2012. – Le`);
/// - runs of spaces collapse to one.
///
/// ```
/// use copydesk::lang::{Grammar, fr::French};
/// let t = French.typography("Il a dit \"oui\"... l'an passé : 6 700 !");
/// assert_eq!(t, "Il a dit «\u{a0}oui\u{a0}»… l’an passé\u{a0}: 6\u{202f}700\u{202f}!");
/// ```
pub fn typography(text: &str) -> String {
    let src: Vec<char> = text.chars().collect();
    // Pair straight double quotes only when they balance in this text.
    let straight = src.iter().filter(|&&c| c == '"').count();
    let pair_straight = straight > 0 && straight % 2 == 0;
    let mut out: Vec<char> = Vec::with_capacity(src.len() + 8);
    let mut open_straight = false;
    let mut i = 0;
    while i < src.len() {
        let Some(&c) = src.get(i) else { break };
        let prev = out.last().copied();
        let next = src.get(i + 1).copied();
        match c {
            '\'' if prev.is_some_and(char::is_alphabetic)
                && next.is_some_and(char::is_alphabetic) =>
            {
                out.push('’');
            }
            '.' if next == Some('.') && src.get(i + 2) == Some(&'.') => {
                out.push('…');
                i += 3;
                while src.get(i) == Some(&'.') {
                    i += 1;
                }
                continue;
            }
            '"' | '“' | '”' | '«' | '»' => {
                let opening = match c {
                    '«' | '“' => true,
                    '»' | '”' => false,
                    _ => {
                        if pair_straight {
                            !open_straight
                        } else {
                            out.push(c);
                            i += 1;
                            continue;
                        }
                    }
                };
                if c == '"' {
                    open_straight = opening;
                }
                if opening {
                    out.push('«');
                    out.push(NBSP);
                    i += 1;
                    while src.get(i).is_some_and(|&c| is_space(c)) {
                        i += 1;
                    }
                    continue;
                }
                while out.last().is_some_and(|&c| is_space(c)) {
                    out.pop();
                }
                out.push(NBSP);
                out.push('»');
            }
            ':' | ';' | '!' | '?' => {
                let followed_ok = next.is_none_or(|n| {
                    is_space(n) || n == '\n' || matches!(n, '»' | '"' | ')' | '!' | '?' | '.' | ',')
                });
                let after_punct = matches!(prev, Some('!' | '?'));
                if followed_ok && !after_punct && prev.is_some() && prev != Some('\n') {
                    while out.last().is_some_and(|&c| is_space(c)) {
                        out.pop();
                    }
                    out.push(if c == ':' { NBSP } else { NNBSP });
                }
                out.push(c);
            }
            '-' if prev == Some(' ') && next == Some(' ') => out.push('–'),
            ' ' | '\t'
                if prev.is_some_and(|p| p.is_ascii_digit())
                    && unit_follows(src.get(i + 1..).unwrap_or_default()) =>
            {
                out.push(NBSP);
            }
            ' ' | '\t' => {
                // Digit groups: "6 700" (a group of exactly three digits follows).
                let digits_before = prev.is_some_and(|p| p.is_ascii_digit());
                let three_after = src
                    .get(i + 1..i + 4)
                    .is_some_and(|d| d.iter().all(char::is_ascii_digit))
                    && !src.get(i + 4).is_some_and(char::is_ascii_digit);
                if digits_before && three_after && run_of_digits_before(&out) <= 3 {
                    out.push(NNBSP);
                } else if !prev.is_some_and(|p| is_space(p) || p == '\n') {
                    out.push(' ');
                }
            }
            _ => out.push(c),
        }
        i += 1;
    }
    while out.last().is_some_and(|&c| is_space(c)) {
        out.pop();
    }
    let start = out.iter().position(|&c| !is_space(c)).unwrap_or(out.len());
    out.get(start..).unwrap_or_default().iter().collect()
}

/// Rule `fr.typo.generated`: French typography that generated text can follow where the
/// source's spelling does not bind — superscript numeric ordinals (`1er` → `1ᵉʳ`, `1re` →
/// `1ʳᵉ`, `42e` → `42ᵉ`) and a no-break space between a number and a glued unit (`38°C` →
/// `38 °C`, `19h` → `19 h`, but `19h30` stays).
///
/// ```
/// use copydesk::lang::fr::polish_generated;
/// assert_eq!(polish_generated("le 1er mai, la 42e édition, 38°C à 19h"), "le 1ᵉʳ mai, la 42ᵉ édition, 38\u{a0}°C à 19\u{a0}h");
/// assert_eq!(polish_generated("à 19h30, 2e"), "à 19h30, 2ᵉ");
/// ```
#[must_use]
pub fn polish_generated(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let before_word = out.chars().next_back().is_none_or(|p| !p.is_alphanumeric());
        if c.is_ascii_digit() && before_word {
            let n = rest.chars().take_while(char::is_ascii_digit).count();
            let (digits, after) = rest.split_at(n);
            let word_end =
                |s: &str, k: usize| !s[k..].chars().next().is_some_and(char::is_alphanumeric);
            let ordinal = [("er", "ᵉʳ"), ("re", "ʳᵉ"), ("ème", "ᵉ"), ("e", "ᵉ")]
                .iter()
                .find(|(suffix, _)| after.starts_with(suffix) && word_end(after, suffix.len()));
            out.push_str(digits);
            match ordinal {
                Some((suffix, sup)) => {
                    out.push_str(sup);
                    rest = &after[suffix.len()..];
                }
                None => {
                    let glued = ["°C", "°F", "h"]
                        .iter()
                        .find(|u| after.starts_with(*u) && word_end(after, u.len()));
                    if let Some(u) = glued {
                        out.push('\u{a0}');
                        out.push_str(u);
                        rest = &after[u.len()..];
                    } else {
                        rest = after;
                    }
                }
            }
            continue;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    elide_de_before_names(&out)
}

/// Rule `typo.elision-de`: in generated text, `de` before a name that opens on a vowel is
/// elided (`Assassinat de Antoine Sollacaro, avocat de Yvan Colonna` → `Assassinat d’Antoine
/// Sollacaro, avocat d’Yvan Colonna`), as the source's headline should have written it. Only
/// before a capital vowel (or a `Y` before a consonant: `d’Yvan`, but `de Yaoundé`); a name
/// in `H` is left as written (`de Hollande`: the h may be aspiré), and so is a quotation.
fn elide_de_before_names(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        match c {
            '«' => depth += 1,
            '»' => depth = depth.saturating_sub(1),
            _ => {}
        }
        let at_word = out.chars().next_back().is_none_or(|p| !p.is_alphanumeric());
        let de = if rest.starts_with("de ") {
            Some("d’")
        } else if rest.starts_with("De ") {
            Some("D’")
        } else {
            None
        };
        if let (Some(elided), true, 0) = (de, at_word, depth) {
            let name = &rest[3..];
            let mut chars = name.chars();
            let first = chars.next();
            let second = chars.next();
            // a capitalised name (not an acronym) that elides as any word does
            // ([`elides_with`]), an h left as written since no h aspiré list is at hand
            let elides = first.is_some_and(|f| f.is_uppercase() && f != 'H')
                && second.is_some_and(char::is_lowercase)
                && elides_with(name, &std::collections::BTreeSet::new());
            if elides {
                out.push_str(elided);
                rest = name;
                continue;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Whether a word elides the article before it (`l’armée`, `d’Avignon`): it starts with a
/// vowel, or with a mute h (not one of the pack's h aspiré words: `le hasard`, `la Hongrie`).
#[must_use]
pub fn elides(word: &str, pack: &super::LanguagePack) -> bool {
    elides_with(word, &pack.words.h_aspire)
}

/// [`elides`] with the h aspiré words given directly (for template filters, which hold no
/// pack).
#[must_use]
pub fn elides_with(word: &str, h_aspire: &std::collections::BTreeSet<String>) -> bool {
    let lower = word.to_lowercase();
    let Some(first) = lower.chars().next() else {
        return false;
    };
    if first == 'h' {
        let head = lower.split(['-', ' ', '’', '\'']).next().unwrap_or(&lower);
        return !h_aspire.contains(head);
    }
    if first == 'y' {
        // `le yéti`, `le yaourt`, but `d’Yves`: y before a vowel is a consonant
        return !lower
            .chars()
            .nth(1)
            .is_some_and(|c| "aeiouàâäéèêëîïôöùûü".contains(c));
    }
    "aeiouàâäéèêëîïôöùûüœæ".contains(first)
}

/// Rule `fr.grammar.of`: `de` + a noun phrase with its article, contracted and elided as French
/// requires (`de` + `le` = `du`, `de` + `les` = `des`; `de la`, `de l’` before a vowel or mute
/// h; `d’` before a bare name with a vowel).
///
/// ```
/// use copydesk::lang::{Gender, Lang, LanguagePack, NounUse, fr::of_phrase};
/// let pack = LanguagePack::load(Lang::Fr).unwrap();
/// let m = NounUse::Definite { gender: Some(Gender::Masculine), plural: false };
/// assert_eq!(of_phrase("Haut-Karabakh", m, &pack), "du Haut-Karabakh");
/// let f = NounUse::Definite { gender: Some(Gender::Feminine), plural: false };
/// assert_eq!(of_phrase("région", f, &pack), "de la région");
/// assert_eq!(of_phrase("armée", f, &pack), "de l’armée");
/// assert_eq!(of_phrase("Avignon", NounUse::Bare, &pack), "d’Avignon");
/// assert_eq!(of_phrase("Montbrac", NounUse::Bare, &pack), "de Montbrac");
/// ```
#[must_use]
pub fn of_phrase(phrase: &str, use_: super::NounUse, pack: &super::LanguagePack) -> String {
    let first = phrase.split([' ', '\u{a0}']).next().unwrap_or(phrase);
    let vowel = elides(first, pack);
    match use_ {
        super::NounUse::Bare if vowel => format!("d’{phrase}"),
        super::NounUse::Bare => format!("de {phrase}"),
        super::NounUse::Definite { plural: true, .. } => format!("des {phrase}"),
        super::NounUse::Definite { .. } if vowel => format!("de l’{phrase}"),
        super::NounUse::Definite { gender, .. } => {
            let gender = gender.or_else(|| gender_of(first, pack));
            match gender {
                Some(super::Gender::Feminine) => format!("de la {phrase}"),
                _ => format!("du {phrase}"),
            }
        }
    }
}

/// Rule `fr.grammar.to`: `à` + a noun phrase with its article, contracted and elided as French
/// requires (`à` + `le` = `au`, `à` + `les` = `aux`; `à la`, `à l’` before a vowel or mute h;
/// `à` before a bare name).
///
/// ```
/// use copydesk::lang::{Gender, Lang, LanguagePack, NounUse, fr::to_phrase};
/// let pack = LanguagePack::load(Lang::Fr).unwrap();
/// let m = NounUse::Definite { gender: Some(Gender::Masculine), plural: false };
/// assert_eq!(to_phrase("Haut-Karabakh", m, &pack), "au Haut-Karabakh");
/// assert_eq!(to_phrase("élus", NounUse::Definite { gender: None, plural: true }, &pack), "aux élus");
/// assert_eq!(to_phrase("Montbrac", NounUse::Bare, &pack), "à Montbrac");
/// ```
#[must_use]
pub fn to_phrase(phrase: &str, use_: super::NounUse, pack: &super::LanguagePack) -> String {
    let first = phrase.split([' ', '\u{a0}']).next().unwrap_or(phrase);
    match use_ {
        super::NounUse::Bare => format!("à {phrase}"),
        super::NounUse::Definite { plural: true, .. } => format!("aux {phrase}"),
        super::NounUse::Definite { .. } if elides(first, pack) => format!("à l’{phrase}"),
        super::NounUse::Definite { gender, .. } => {
            match gender.or_else(|| gender_of(first, pack)) {
                Some(super::Gender::Feminine) => format!("à la {phrase}"),
                _ => format!("au {phrase}"),
            }
        }
    }
}

/// Rule `fr.grammar.gender`: a noun's gender from the lexicon, then from its suffix
/// (`-tion`, `-té`, `-ure` feminine; `-ment`, `-age`, `-isme` masculine).
#[must_use]
pub fn gender_of(noun: &str, pack: &super::LanguagePack) -> Option<super::Gender> {
    let lower = noun.to_lowercase();
    if let Some(&g) = pack.genders.get(&lower) {
        return Some(g);
    }
    const FEMININE: &[&str] = &[
        "tion", "sion", "té", "ure", "ence", "ance", "ette", "ée", "ise", "ude", "ie",
    ];
    const MASCULINE: &[&str] = &["ment", "age", "isme", "eau", "oir", "at", "et", "on", "er"];
    if FEMININE.iter().any(|s| lower.ends_with(s)) {
        Some(super::Gender::Feminine)
    } else if MASCULINE.iter().any(|s| lower.ends_with(s)) {
        Some(super::Gender::Masculine)
    } else {
        None
    }
}

/// Unit symbols that take a no-break space after their number (`fr.typo.unit`).
const UNITS: &[&str] = &[
    "%", "‰", "€", "$", "£", "km/h", "km²", "m²", "m³", "km", "cm", "mm", "m", "kg", "mg", "g",
    "t", "h", "min", "s", "ms", "ml", "l", "L", "ha", "°C", "°", "MW", "kW", "GW", "W", "kWh",
    "MWh", "Mo", "Go", "Ko", "To", "dB", "Hz", "kHz", "MHz", "GHz", "mph",
    // words French typography binds to their number like units
    "ans", "an", "heures", "heure", "jours", "jour", "mois", "semaines", "semaine", "euros", "euro",
];

/// Whether `rest` starts with a unit symbol followed by something that is not a letter.
fn unit_follows(rest: &[char]) -> bool {
    UNITS.iter().any(|u| {
        let n = u.chars().count();
        rest.get(..n)
            .is_some_and(|head| head.iter().copied().eq(u.chars()))
            && !rest.get(n).is_some_and(|c| c.is_alphanumeric())
    })
}

/// How many digits end `out` (for `6 700` but not `2012 150`).
fn run_of_digits_before(out: &[char]) -> usize {
    out.iter().rev().take_while(|c| c.is_ascii_digit()).count()
}

/// Rule `restate.demonstrative`: a restated sentence that opens on a demonstrative
/// determiner and a noun (`Cette exposition a nécessité cinq ans de préparation.`) takes the
/// definite article instead (`L’exposition a nécessité…`), so that a key point or a summary
/// statement does not point at a sentence it no longer follows. The article agrees with the
/// demonstrative (`ce`/`cet` → `le`, `cette` → `la`, `ces` → `les`) and elides before a vowel
/// or a mute h (`l’exposition`, but `la hausse`).
///
/// Returns `None`, and the sentence stays refused, where the swap would change what it says:
/// `ce` as a pronoun (`Ce fut…`, `Ce sont…`: the next word is no noun the pack knows), a time
/// (`Cette année`, `Ce dimanche`, `Ce jour-là`: *l’année* is not *this year*), and `ces
/// derniers` (a pronoun: the next word is no noun).
#[must_use]
pub fn definite_for_demonstrative(text: &str, pack: &super::LanguagePack) -> Option<String> {
    let (first, rest) = text.split_once(' ')?;
    let article = match first.to_lowercase().as_str() {
        "ce" | "cet" => "le",
        "cette" => "la",
        "ces" => "les",
        _ => return None,
    };
    let next = rest.split([' ', ',']).next()?;
    let lower = next.to_lowercase();
    let number = next.starts_with(|c: char| c.is_ascii_digit());
    // (`fut` is also a noun in the table, `le fût`: a verb form is never taken for one here)
    let verb = pack.words.auxiliaries.contains(&lower) || pack.verbs.contains(&lower);
    let noun = |w: &str| !verb && pack.genders.contains_key(w);
    let known_noun = noun(&lower)
        || (article == "les"
            && (lower.strip_suffix('s').is_some_and(noun)
                || lower.strip_suffix('x').is_some_and(noun)
                || lower
                    .strip_suffix("aux")
                    .is_some_and(|w| noun(&format!("{w}al")) || noun(&format!("{w}ail")))));
    let time = pack.words.time_nouns.contains(&lower)
        || pack.weekdays.contains_key(&lower)
        || pack.months.contains_key(&lower)
        || (lower.contains(['-', '\u{2011}']) && (lower.ends_with("là") || lower.ends_with("ci")));
    if time || !(known_noun || (number && article == "les")) {
        return None;
    }
    let head = if article != "les" && elides(next, pack) {
        "l’".to_string()
    } else {
        format!("{article} ")
    };
    let capital = first.starts_with(char::is_uppercase);
    let head = if capital {
        let mut c = head.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect::<String>())
            .unwrap_or_default()
    } else {
        head
    };
    Some(format!("{head}{rest}"))
}

/// Rule `restate.unbackshift`: in a reported statement that no longer follows its reporting
/// verb (`Selon le médiateur, au moins 200 personnes avaient été tuées`), the pluperfect the
/// reporting verb imposed becomes the passé composé (`… ont été tuées`): `avait` → `a`,
/// `avaient` → `ont` before a past participle, elided pronouns kept (`n’avait`, `l’avaient`).
/// Words inside guillemets are quoted as said and never change; the pluperfect of *être*
/// (`étaient terminés` may be a state) is left alone.
#[must_use]
pub fn unbackshift(statement: &str, pack: &super::LanguagePack) -> Option<String> {
    let words: Vec<&str> = statement.split(' ').collect();
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut depth = 0usize;
    let mut changed = false;
    for (k, w) in words.iter().enumerate() {
        let (elided, core) = w
            .rfind('’')
            .map_or(("", *w), |at| w.split_at(at + '’'.len_utf8()));
        let present = match core {
            "avait" => Some("a"),
            "avaient" => Some("ont"),
            _ => None,
        };
        // `été` is the participle of être (the table holds the verbs' own forms)
        let participle = words.get(k + 1).is_some_and(|next| {
            let next = next.trim_matches(|c: char| !c.is_alphanumeric());
            next == "été" || pack.verb_forms.get(next).is_some_and(|f| f.participle())
        });
        match present {
            Some(p) if depth == 0 && participle => {
                out.push(format!("{elided}{p}"));
                changed = true;
            }
            _ => out.push((*w).to_string()),
        }
        depth += w.matches('«').count();
        depth = depth.saturating_sub(w.matches('»').count());
    }
    changed.then(|| out.join(" "))
}

impl Grammar for French {
    fn typography(&self, text: &str) -> String {
        typography(text)
    }

    fn kicker_separator(&self) -> &'static str {
        "\u{a0}: "
    }

    fn of_phrase(&self, phrase: &str, use_: super::NounUse, pack: &super::LanguagePack) -> String {
        of_phrase(phrase, use_, pack)
    }

    /// `a-t-il`, `explique-t-elle`: the euphonic `-t-` before an inverted pronoun.
    fn has_inverted_pronoun(&self, lower: &str) -> bool {
        [
            "-t-il",
            "-t-elle",
            "-t-ils",
            "-t-elles",
            " explique-t",
            " a-t-",
        ]
        .iter()
        .any(|p| lower.contains(p))
    }

    fn polish_generated(&self, text: &str) -> String {
        polish_generated(text)
    }

    fn definite_for_demonstrative(&self, text: &str, pack: &super::LanguagePack) -> Option<String> {
        definite_for_demonstrative(text, pack)
    }

    fn unbackshift(&self, statement: &str, pack: &super::LanguagePack) -> Option<String> {
        unbackshift(statement, pack)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elided_heads_come_from_the_elisions_data() {
        let pack = crate::LanguagePack::load(crate::Lang::Fr).expect("pack");
        assert_eq!(pack.elided_head("l’armée"), Some(("l’", "armée")));
        assert_eq!(pack.elided_head("qu'il"), Some(("qu'", "il")));
        assert_eq!(pack.elided_head("lorsqu’elle"), Some(("lorsqu’", "elle")));
        assert_eq!(pack.elided_head("l’"), Some(("l’", "")));
        // not an elision prefix, or not as written (the list is lowercase)
        assert_eq!(pack.elided_head("aujourd’hui"), None);
        assert_eq!(pack.elided_head("L’armée"), None);
        assert_eq!(pack.elided_head("armée"), None);
        assert_eq!(pack.elided_head("’armée"), None);
    }

    #[test]
    fn elided_in_checks_the_word_class_with_either_apostrophe() {
        let pack = crate::LanguagePack::load(crate::Lang::Fr).expect("pack");
        let det = &pack.words.determiners;
        let prep = &pack.words.prepositions;
        assert_eq!(pack.elided_in("l’armée", det), Some("l’"));
        assert_eq!(pack.elided_in("l'armée", det), Some("l'"));
        assert_eq!(pack.elided_in("d’Avignon", prep), Some("d’"));
        assert_eq!(pack.elided_in("d'Avignon", prep), Some("d'"));
        assert_eq!(pack.elided_in("d’Avignon", det), None);
        assert_eq!(pack.elided_in("qu’il", det), None);
        assert_eq!(
            pack.elided_in("qu'il", &pack.words.clause_openers),
            Some("qu'")
        );
        assert_eq!(pack.elided_in("l’armée", &pack.words.clause_openers), None);
        assert_eq!(pack.elided_in("la", det), None);
    }

    #[test]
    fn demonstratives_become_definite_articles() {
        let pack = crate::LanguagePack::load(crate::Lang::Fr).expect("pack");
        let swap = |t: &str| definite_for_demonstrative(t, &pack);
        assert_eq!(
            swap("Cette exposition a attiré dix mille visiteurs.").as_deref(),
            Some("L’exposition a attiré dix mille visiteurs.")
        );
        assert_eq!(
            swap("Cette hausse inquiète les élus.").as_deref(),
            Some("La hausse inquiète les élus.")
        );
        assert_eq!(
            swap("Ce rapport dénonce la torture.").as_deref(),
            Some("Le rapport dénonce la torture.")
        );
        assert_eq!(
            swap("Cet hôpital ferme.").as_deref(),
            Some("L’hôpital ferme.")
        );
        assert_eq!(
            swap("Ces villages sont isolés.").as_deref(),
            Some("Les villages sont isolés.")
        );
        assert_eq!(
            swap("Ces travaux dureront.").as_deref(),
            Some("Les travaux dureront.")
        );
        assert_eq!(
            swap("Ces 12 millions manquent.").as_deref(),
            Some("Les 12 millions manquent.")
        );
        // a pronoun, a time, a pointing suffix: the swap would change the sense
        for refused in [
            "Ce fut le cas du débat.",
            "Ce sont les élus qui décident.",
            "Ce que veut le maire reste flou.",
            "Cette année la foire accueille l’Acadie.",
            "Ce dimanche, il fera chaud.",
            "Ce jour-là, la ville fête sa liberté.",
            "Ces derniers souhaitent une sortie du nucléaire.",
            "Le rapport dénonce la torture.",
        ] {
            assert_eq!(swap(refused), None, "{refused}");
        }
    }

    #[test]
    fn a_reported_pluperfect_becomes_the_passe_compose() {
        let pack = crate::LanguagePack::load(crate::Lang::Fr).expect("pack");
        let un = |t: &str| unbackshift(t, &pack);
        assert_eq!(
            un("au moins 200 personnes avaient été tuées").as_deref(),
            Some("au moins 200 personnes ont été tuées")
        );
        assert_eq!(
            un("le maire l’avait inauguré en mai").as_deref(),
            Some("le maire l’a inauguré en mai")
        );
        // quoted words are as said; no participle, no change
        assert_eq!(un("il a dit : « nous avions tout préparé »"), None);
        assert_eq!(un("la ville avait trois ponts"), None);
        assert_eq!(un("les pourparlers étaient terminés"), None);
    }

    #[test]
    fn de_is_elided_before_a_vowel_name_in_generated_text() {
        assert_eq!(
            polish_generated("Assassinat de Antoine Sollacaro, avocat de Yvan Colonna"),
            "Assassinat d’Antoine Sollacaro, avocat d’Yvan Colonna"
        );
        assert_eq!(polish_generated("De Orléans à Paris"), "D’Orléans à Paris");
        // a y before a vowel is a consonant; an h may be aspiré; an acronym is read letter by
        // letter; a quotation is as said; a common noun is the source's own affair
        for kept in [
            "le maire de Yaoundé",
            "la visite de Hollande",
            "la tournée de ABBA",
            "selon lui, « le fils de Antoine » est parti",
            "le plan de urgence",
        ] {
            assert_eq!(polish_generated(kept), kept);
        }
    }

    #[test]
    fn apostrophes_become_typographic() {
        assert_eq!(typography("l'agence d'État"), "l’agence d’État");
        assert_eq!(typography("'quote' alone"), "'quote' alone");
    }

    #[test]
    fn guillemets_get_no_break_spaces() {
        assert_eq!(
            typography("la « réintégration » de"),
            "la «\u{a0}réintégration\u{a0}» de"
        );
        assert_eq!(
            typography("la «réintégration» de"),
            "la «\u{a0}réintégration\u{a0}» de"
        );
        assert_eq!(typography("dit “non” hier"), "dit «\u{a0}non\u{a0}» hier");
    }

    #[test]
    fn unbalanced_straight_quotes_stay() {
        assert_eq!(typography("un \"seul guillemet"), "un \"seul guillemet");
    }

    #[test]
    fn high_punctuation_gets_no_break_space() {
        assert_eq!(typography("Titre: oui"), "Titre\u{a0}: oui");
        assert_eq!(typography("Vraiment ?!"), "Vraiment\u{202f}?!");
        assert_eq!(typography("Non ; si."), "Non\u{202f}; si.");
    }

    #[test]
    fn urls_and_times_keep_their_colons() {
        assert_eq!(
            typography("voir https://exemple.fr/a?b=1 à 7:30"),
            "voir https://exemple.fr/a?b=1 à 7:30"
        );
    }

    #[test]
    fn digit_groups_are_joined_without_touching_years() {
        assert_eq!(
            typography("plus de 6 700 morts"),
            "plus de 6\u{202f}700 morts"
        );
        assert_eq!(typography("en 2012 150 personnes"), "en 2012 150 personnes");
        assert_eq!(
            typography("1 200 000 euros"),
            "1\u{202f}200\u{202f}000\u{a0}euros"
        );
    }

    #[test]
    fn contractions_elisions_and_h_aspire() {
        use super::super::{Gender, Lang, LanguagePack, NounUse};
        let pack = LanguagePack::load(Lang::Fr).expect("pack");
        let def = |g| NounUse::Definite {
            gender: g,
            plural: false,
        };
        assert_eq!(of_phrase("port", def(None), &pack), "du port");
        assert_eq!(of_phrase("grève", def(None), &pack), "de la grève");
        assert_eq!(
            of_phrase("hôpital", def(Some(Gender::Masculine)), &pack),
            "de l’hôpital"
        );
        assert_eq!(
            of_phrase("hasard", def(Some(Gender::Masculine)), &pack),
            "du hasard"
        );
        assert_eq!(
            of_phrase("Hongrie", def(Some(Gender::Feminine)), &pack),
            "de la Hongrie"
        );
        assert_eq!(
            of_phrase(
                "élus",
                NounUse::Definite {
                    gender: None,
                    plural: true
                },
                &pack
            ),
            "des élus"
        );
        assert_eq!(gender_of("fusée", &pack), Some(Gender::Feminine));
        assert_eq!(
            of_phrase("yéti", def(Some(Gender::Masculine)), &pack),
            "du yéti"
        );
        assert_eq!(of_phrase("Yves", NounUse::Bare, &pack), "d’Yves");
        assert_eq!(to_phrase("grève", def(None), &pack), "à la grève");
        assert_eq!(to_phrase("hôpital", def(None), &pack), "à l’hôpital");
        assert_eq!(to_phrase("hasard", def(None), &pack), "au hasard");
        assert_eq!(gender_of("lancement", &pack), Some(Gender::Masculine));
        assert_eq!(gender_of("réparation", &pack), Some(Gender::Feminine));
    }

    #[test]
    fn units_and_incise_dashes() {
        assert_eq!(
            typography("521 kg à 80 km/h, 12 %"),
            "521\u{a0}kg à 80\u{a0}km/h, 12\u{a0}%"
        );
        assert_eq!(typography("5 mètres et 3 moutons"), "5 mètres et 3 moutons");
        assert_eq!(
            typography("il y a 30 ans, à 19 heures"),
            "il y a 30\u{a0}ans, à 19\u{a0}heures"
        );
        assert_eq!(typography("en 2 anses"), "en 2 anses");
        assert_eq!(
            typography("22 mai 2012. - Le lancement"),
            "22 mai 2012. – Le lancement"
        );
        assert_eq!(
            typography("Haut-Karabakh, cessez-le-feu"),
            "Haut-Karabakh, cessez-le-feu"
        );
    }

    #[test]
    fn ellipsis_and_spaces() {
        assert_eq!(typography("  Et puis...  rien "), "Et puis… rien");
    }
}
