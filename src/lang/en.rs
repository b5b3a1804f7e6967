//! English grammar: typography and the small rules that data files cannot express.

use crate::hash::HashSet;
use std::sync::LazyLock;

use super::{Grammar, PackData, SentenceRules};

/// The embedded English data files.
pub(super) const DATA: PackData = PackData {
    stopwords: &[
        include_str!("../../data/en/stopwords.txt"),
        include_str!("../../data/en/stopwords-extra.txt"),
    ],
    verbs: include_str!("../../data/en/verbs-common.txt"),
    abbreviations: &[
        include_str!("../../data/en/cldr-suppressions.txt"),
        include_str!("../../data/en/abbreviations.txt"),
    ],
    noise: include_str!("../../data/en/noise.txt"),
    brief: include_str!("../../data/en/brief.txt"),
    grammar: include_str!("../../data/en/grammar.txt"),
    calendar: include_str!("../../data/en/weekdays-months.txt"),
    templates: include_str!("../../data/en/templates.txt"),
    wordfreq: include_str!("../../data/en/wordfreq.txt"),
    genders: include_str!("../../data/en/genders.txt"),
    verb_forms: include_str!("../../data/en/verb-forms.txt"),
    keyphrases: include_str!("../../data/en/keyphrases.txt"),
};

/// The English grammar module.
#[derive(Debug, Clone, Copy, Default)]
pub struct English;

/// Words written with a leading apostrophe (`’tis`, `rock ’n’ roll`), from
/// `data/en/contractions.txt`.
static LEADING_CONTRACTIONS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../data/en/contractions.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// What a straight single quote at `i` is, from its neighbours (rule `en.typo.apostrophe`).
fn single_quote(src: &[char], i: usize, prev: Option<char>) -> char {
    let next = src.get(i + 1).copied();
    let after_word =
        prev.is_some_and(|p| p.is_alphanumeric() || matches!(p, '.' | ',' | '!' | '?'));
    if prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphabetic) {
        return '’'; // it’s, O’Neill
    }
    if prev.is_some_and(|p| p.is_ascii_digit()) {
        return '\''; // a prime: 5'11
    }
    if after_word {
        return '’'; // a closing quote or a plural possessive: the players’ union
    }
    let opens =
        prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '“' | '"' | '—' | '–'));
    if opens && next.is_some_and(char::is_alphanumeric) {
        let word: String = src
            .get(i + 1..)
            .unwrap_or_default()
            .iter()
            .take_while(|c| c.is_alphanumeric())
            .flat_map(|c| c.to_lowercase())
            .collect();
        let decade =
            word.len() == 3 && word.ends_with('s') && word[..2].bytes().all(|b| b.is_ascii_digit())
                || word.len() == 2 && word.bytes().all(|b| b.is_ascii_digit());
        if decade || LEADING_CONTRACTIONS.contains(word.as_str()) {
            return '’'; // the ’90s, ’tis, rock ’n’ roll
        }
        // An opening quote only when a closing one follows.
        let closes = (i + 2..src.len()).any(|j| {
            src.get(j) == Some(&'\'')
                && !src.get(j - 1).is_some_and(|c| c.is_whitespace())
                && !src.get(j + 1).is_some_and(|c| c.is_alphanumeric())
        });
        if closes {
            return '‘';
        }
    }
    '\''
}

/// Rule `en.typo`: English typography, words untouched:
///
/// - `en.typo.apostrophe`: `'` → `’` inside and after words (`it’s`, `the players’`), before a
///   decade or a clipped word (`the ’90s`, `’tis`, `rock ’n’ roll`, from
///   `data/en/contractions.txt`); `‘` when it opens a quotation closed later; a prime after a
///   digit stays (`5'11`);
/// - `en.typo.quotes`: balanced straight double quotes → “ ”;
/// - `en.typo.ellipsis`: `...` → `…`;
/// - `en.typo.dash`: ` -- ` between spaces → ` — `;
/// - runs of spaces collapsed.
///
/// ```
/// use copydesk::lang::{Grammar, en::English};
/// assert_eq!(English.typography("It's \"done\"..."), "It’s “done”…");
/// assert_eq!(English.typography("the '90s -- and 'em"), "the ’90s — and ’em");
/// ```
pub fn typography(text: &str) -> String {
    let src: Vec<char> = text.chars().collect();
    let straight = src.iter().filter(|&&c| c == '"').count();
    let pair = straight > 0 && straight % 2 == 0;
    let mut open = false;
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < src.len() {
        let Some(&c) = src.get(i) else { break };
        let prev = out.chars().next_back();
        let next = src.get(i + 1).copied();
        match c {
            '\'' => out.push(single_quote(&src, i, prev)),
            '.' if next == Some('.') && src.get(i + 2) == Some(&'.') => {
                out.push('…');
                i += 3;
                while src.get(i) == Some(&'.') {
                    i += 1;
                }
                continue;
            }
            '-' if next == Some('-') && prev == Some(' ') && src.get(i + 2) == Some(&' ') => {
                out.push('—');
                i += 2;
                continue;
            }
            '"' if pair => {
                open = !open;
                out.push(if open { '“' } else { '”' });
            }
            ' ' | '\t' => {
                if !prev.is_some_and(|p| p == ' ' || p == '\n') {
                    out.push(' ');
                }
            }
            _ => out.push(c),
        }
        i += 1;
    }
    out.trim().to_string()
}

/// Words a title-case headline keeps in lower case inside it: articles, coordinating
/// conjunctions, and prepositions of three letters or fewer (AP style; `with`, `from`,
/// `about` are capitalised).
const TITLE_CASE_SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in", "of",
    "off", "on", "per", "to", "up", "via", "vs", "vs.", "v.", "en", "de",
];

/// Rule `en.headline.title-case`: writes a headline in title case (AP style).
///
/// - every word starts with a capital, except the small words (articles `a an the`,
///   conjunctions `and but or nor for so yet`, prepositions of three letters or fewer:
///   `as at by in of off on per to up via`, and `vs.`), which are lower case;
/// - the first and the last word are always capitalised, and so is the first word after
///   `:`, `–`, `—` or `?`/`!` (a subtitle starts a new phrase);
/// - a word already holding a capital after its first letter (`iPhone`, `McDonald`, `NASA`,
///   `U.S.`) or a digit (`COVID-19`, `3D`) is kept as written;
/// - the first part of a hyphenated compound is always capitalised, the other parts follow
///   the small-word rule (`Self-Driving`, `Up-to-Date`);
/// - only the first letter changes: the rest of a word is kept (`Who’s`, `O’Neill`).
///
/// ```
/// use copydesk::lang::en::title_case;
/// assert_eq!(title_case("the mayor of a small town says no to the plan"),
///            "The Mayor of a Small Town Says No to the Plan");
/// assert_eq!(title_case("Key figures: what the iPhone sales show"),
///            "Key Figures: What the iPhone Sales Show");
/// ```
#[must_use]
pub fn title_case(text: &str) -> String {
    let words: Vec<&str> = text.split(' ').collect();
    let last_word = words
        .iter()
        .rposition(|w| w.chars().any(char::is_alphanumeric))
        .unwrap_or(0);
    let mut out = String::with_capacity(text.len());
    let mut phrase_start = true;
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if !word.chars().any(char::is_alphanumeric) {
            out.push_str(word);
            phrase_start = phrase_start || word.chars().any(|c| matches!(c, ':' | '–' | '—'));
            continue;
        }
        let force = phrase_start || i == last_word;
        let compound = word.contains('-');
        let parts: Vec<String> = word
            .split('-')
            .enumerate()
            .map(|(k, part)| {
                let first_part = k == 0 && (force || compound);
                title_case_word(part, first_part, k > 0 && i == last_word)
            })
            .collect();
        out.push_str(&parts.join("-"));
        phrase_start = word.ends_with([':', '?', '!']);
    }
    out
}

/// One word (or hyphen part) of a title-case headline: `force` capitalises even a small
/// word (first of a phrase); `last_part` is a trailing part of the last word.
fn title_case_word(word: &str, force: bool, last_part: bool) -> String {
    // Leading punctuation (`“quoted`, `(aside`) is kept; the rule applies to the letters.
    let lead = word.len()
        - word
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .len();
    let (head, core) = word.split_at(lead);
    let bare: String = core
        .trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.')
        .to_string();
    let mut chars = core.chars();
    let Some(first) = chars.next() else {
        return word.to_string();
    };
    let rest = chars.as_str();
    let inner_capital_or_digit =
        rest.chars().any(|c| c.is_uppercase() || c.is_ascii_digit()) || first.is_ascii_digit();
    if inner_capital_or_digit {
        return word.to_string();
    }
    let small = TITLE_CASE_SMALL_WORDS.contains(&bare.to_lowercase().as_str());
    if small && !force && !last_part {
        return format!("{head}{}{rest}", first.to_lowercase());
    }
    format!("{head}{}{rest}", first.to_uppercase())
}

/// Rule `en.headline.sentence-case`: writes a title-case headline in sentence case.
///
/// A headline counts as title case when it has at least two words of four letters or more
/// after the first word and at least 60 % of those are capitalised; any other headline is
/// returned unchanged. Every capitalised word (`Wear`, `Four-Legged`: a capital and
/// lower-case letters only) other than the first word, the first word after `:`, `?`, `!`,
/// `–` or `—`, and single letters (`I`) is then lowered when `is_name` says `Some(false)`
/// and kept when it says `Some(true)` (it is given the word without a possessive `’s`).
/// When it cannot tell (`None`) for any of them, the headline is returned unchanged: a
/// half-converted headline, or a lowered name, is worse than the source's own style.
/// Acronyms and words with an inner capital or digit (`NASA`, `McDonald`, `COVID-19`) never
/// change.
///
/// ```
/// use copydesk::lang::en::sentence_case;
/// let known = |w: &str| match w {
///     "Fido" => Some(true),
///     "Couture" | "Formal" | "Wear" => Some(false),
///     _ => None,
/// };
/// assert_eq!(sentence_case("Canine Couture: Formal Wear for Fido", &known),
///            "Canine couture: Formal wear for Fido");
/// // `Friend` is unknown: nothing changes
/// assert_eq!(sentence_case("Canine Couture for Your Friend", &known),
///            "Canine Couture for Your Friend");
/// ```
#[must_use]
pub fn sentence_case(text: &str, is_name: &dyn Fn(&str) -> Option<bool>) -> String {
    let words: Vec<&str> = text.split(' ').collect();
    let starts_phrase = |i: usize| {
        i == 0
            || words
                .get(i - 1)
                .is_some_and(|p| p.ends_with([':', '?', '!']) || matches!(*p, "–" | "—" | "-"))
    };
    let capitalised = |w: &str| {
        let core = w.trim_matches(|c: char| !c.is_alphanumeric());
        let mut chars = core.chars();
        chars.next().is_some_and(char::is_uppercase)
            && chars.clone().count() >= 1
            && chars.all(|c| c.is_lowercase() || matches!(c, '’' | '\'' | '-'))
    };
    let long: Vec<&str> = words
        .iter()
        .enumerate()
        .filter(|&(i, w)| !starts_phrase(i) && w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .map(|(_, w)| *w)
        .collect();
    let caps = long.iter().filter(|w| capitalised(w)).count();
    if long.len() < 2 || caps * 10 < long.len() * 6 {
        return text.to_string();
    }
    let mut out = Vec::with_capacity(words.len());
    for (i, w) in words.iter().enumerate() {
        if starts_phrase(i) {
            out.push((*w).to_string());
            continue;
        }
        let mut parts = Vec::new();
        for part in w.split('-') {
            let core = part.trim_matches(|c: char| !c.is_alphanumeric());
            let letters = core.chars().filter(|c| c.is_alphabetic()).count();
            if letters < 2 || !capitalised(part) {
                parts.push(part.to_string());
                continue;
            }
            let stem = core
                .strip_suffix("’s")
                .or_else(|| core.strip_suffix("'s"))
                .unwrap_or(core);
            match is_name(stem) {
                None => return text.to_string(),
                Some(true) => parts.push(part.to_string()),
                Some(false) => {
                    let lead = part.len()
                        - part
                            .trim_start_matches(|c: char| !c.is_alphanumeric())
                            .len();
                    let (head, rest) = part.split_at(lead);
                    let mut chars = rest.chars();
                    parts.push(match chars.next() {
                        Some(c) => format!("{head}{}{}", c.to_lowercase(), chars.as_str()),
                        None => part.to_string(),
                    });
                }
            }
        }
        out.push(parts.join("-"));
    }
    out.join(" ")
}

impl Grammar for English {
    fn typography(&self, text: &str) -> String {
        typography(text)
    }

    /// English sentence rules: `?`/`!` before a lower-case word end the sentence unless a
    /// quote closes them (`what now? we go` is two sentences, `“Stop!” she said` one); a
    /// period after any plain word of two letters or more ends it before a lower-case word
    /// (`that one. i think`); abbreviations match as written (`Card.` but not `card.`); a
    /// weak abbreviation before a capital ends the sentence only before a function word
    /// (`the U.S. Senate` stays whole).
    fn sentence_rules(&self) -> SentenceRules {
        SentenceRules {
            lowercase_continues_after_question: false,
            min_letters_before_lowercase: 2,
            case_sensitive_abbreviations: true,
            weak_ends_only_before_function_word: true,
        }
    }

    fn title_case(&self, text: &str) -> String {
        title_case(text)
    }

    fn sentence_case(&self, text: &str, is_name: &dyn Fn(&str) -> Option<bool>) -> String {
        sentence_case(text, is_name)
    }

    /// `designers`, `officials` are plural; `boss`, `campus`, `analysis`, `news` are not
    /// (a regular plural: an `s` after a letter that is not `s`, `u` or `i`, four letters at
    /// least, and not `news`).
    fn plural_noun(&self, lower: &str) -> bool {
        lower.chars().count() >= 4
            && lower != "news"
            && lower
                .strip_suffix('s')
                .and_then(|stem| stem.chars().last())
                .is_some_and(|c| c.is_alphabetic() && !matches!(c, 's' | 'u' | 'i' | '’' | '\''))
    }

    fn kicker_separator(&self) -> &'static str {
        ": "
    }

    /// Rule `en.grammar.of`: `of` + the phrase, with `the` when the text uses it.
    fn of_phrase(&self, phrase: &str, use_: super::NounUse, _pack: &super::LanguagePack) -> String {
        match use_ {
            super::NounUse::Definite { .. } => format!("of the {phrase}"),
            super::NounUse::Bare => format!("of {phrase}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_nouns_are_told_from_singulars_ending_in_s() {
        let g = English;
        for w in ["designers", "officials", "players"] {
            assert!(g.plural_noun(w), "{w}");
        }
        for w in [
            "boss",
            "campus",
            "analysis",
            "news",
            "bus",
            "captain",
            "west ham’s",
        ] {
            assert!(!g.plural_noun(w), "{w}");
        }
    }

    #[test]
    fn english_has_no_elided_heads() {
        let pack = crate::LanguagePack::load(crate::Lang::En).expect("pack");
        assert!(pack.words.elisions.is_empty());
        for w in ["l’armée", "d'Artagnan", "o’clock", "don’t", "it's", "qu’il"] {
            assert_eq!(pack.elided_head(w), None, "{w}");
            assert_eq!(pack.elided_in(w, &pack.words.determiners), None, "{w}");
        }
    }

    #[test]
    fn quotes_and_apostrophes() {
        assert_eq!(
            typography("the \"best\" city's mayor"),
            "the “best” city’s mayor"
        );
        assert_eq!(typography("a \"lone quote"), "a \"lone quote");
    }

    #[test]
    fn single_quotes_apostrophes_and_primes() {
        assert_eq!(
            typography("She said 'not now' to the players' union."),
            "She said ‘not now’ to the players’ union."
        );
        assert_eq!(
            typography("Rock 'n' roll in the '80s, 'tis true."),
            "Rock ’n’ roll in the ’80s, ’tis true."
        );
        assert_eq!(typography("He is 6'2 tall."), "He is 6'2 tall.");
        // a lone opening mark with no closing one is left alone
        assert_eq!(
            typography("the 'lone mark isn't closed"),
            "the 'lone mark isn’t closed"
        );
    }

    #[test]
    fn spaced_double_hyphens_are_dashes() {
        assert_eq!(typography("a plan -- a bold one"), "a plan — a bold one");
        assert_eq!(typography("well--known"), "well--known");
    }

    #[test]
    fn title_case_lowers_small_words_inside_only() {
        assert_eq!(
            title_case("a city in the north votes on a plan for its port"),
            "A City in the North Votes on a Plan for Its Port"
        );
        // first and last words are capitalised even when small
        assert_eq!(
            title_case("the plan they voted on"),
            "The Plan They Voted On"
        );
        // a subtitle after a colon starts a new phrase
        assert_eq!(
            title_case("Flood defences: a town on the edge"),
            "Flood Defences: A Town on the Edge"
        );
        assert_eq!(title_case("Who’s who"), "Who’s Who");
    }

    #[test]
    fn title_case_keeps_acronyms_names_and_compounds() {
        assert_eq!(
            title_case("the U.S. and NASA test an eVTOL for COVID-19 work"),
            "The U.S. and NASA Test an eVTOL for COVID-19 Work"
        );
        assert_eq!(
            title_case("self-driving cars get up-to-date maps"),
            "Self-Driving Cars Get Up-to-Date Maps"
        );
        assert_eq!(
            title_case("“fair” prices at last (in 2024)"),
            "“Fair” Prices at Last (in 2024)"
        );
        assert_eq!(title_case(""), "");
    }

    #[test]
    fn sentence_case_lowers_known_words_of_title_case_headlines_only() {
        let known = |w: &str| match w {
            "Justin" | "Bieber" | "Ashton" | "Kutcher" | "Westcliff" | "NASA" => Some(true),
            "The" | "Worst" | "Buddy" | "Film" | "Ever" | "Board" | "Votes" | "To" | "Rebuild"
            | "Four" | "Legged" | "Jetty" | "Think" | "Should" | "Fund" | "Labs" | "Harbour" => {
                Some(false)
            }
            _ => None,
        };
        assert_eq!(
            sentence_case(
                "Justin Bieber and Ashton Kutcher: The Worst Buddy Film Ever?",
                &known
            ),
            "Justin Bieber and Ashton Kutcher: The worst buddy film ever?"
        );
        assert_eq!(
            sentence_case(
                "Harbour Board Votes to Rebuild Westcliff’s Four-Legged Jetty",
                &known
            ),
            "Harbour board votes to rebuild Westcliff’s four-legged jetty"
        );
        // acronyms, inner capitals and the pronoun I stay
        assert_eq!(
            sentence_case("Why I Think NASA Should Fund McDonald Labs", &known),
            "Why I think NASA should fund McDonald labs"
        );
        // one unknown word: the headline stays as the source wrote it
        assert_eq!(
            sentence_case("Harbour Board Votes to Rebuild Kelp Jetty", &known),
            "Harbour Board Votes to Rebuild Kelp Jetty"
        );
        // a headline already in sentence case is left alone
        assert_eq!(
            sentence_case("The council of Westcliff votes the Harbour plan", &known),
            "The council of Westcliff votes the Harbour plan"
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        /// Headline case never changes a word: only the case of letters (never invent).
        #[test]
        fn headline_case_only_changes_letter_case(
            words in proptest::collection::vec("[A-Za-z’-]{1,9}|[:?!–]|[0-9]{1,4}|NASA|iPhone", 0..12)
        ) {
            let text = words.join(" ");
            let lower = |t: &str| t.to_lowercase();
            let t = title_case(&text);
            proptest::prop_assert_eq!(lower(&t), lower(&text));
            let any = |_: &str| Some(false);
            let s = sentence_case(&text, &any);
            proptest::prop_assert_eq!(lower(&s), lower(&text));
            // idempotent
            proptest::prop_assert_eq!(title_case(&t), t);
        }

        /// English typography keeps every word (the counted words and their letters).
        #[test]
        fn typography_keeps_the_words(text in "[a-zA-Z0-9 '\".,!?-]{0,80}") {
            let out = typography(&text);
            let letters = |t: &str| t.chars().filter(|c| c.is_alphanumeric()).collect::<String>();
            proptest::prop_assert_eq!(letters(&out), letters(&text));
            proptest::prop_assert_eq!(
                crate::text::count_words(&out),
                crate::text::count_words(&text)
            );
        }
    }

    #[test]
    fn english_sentence_rules_differ_from_the_default() {
        let r = English.sentence_rules();
        assert!(!r.lowercase_continues_after_question);
        assert!(r.case_sensitive_abbreviations);
        assert_ne!(r, SentenceRules::default());
    }
}
