//! English grammar: typography and the small rules that data files cannot express.

use super::{Grammar, PackData};

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
};

/// The English grammar module.
#[derive(Debug, Clone, Copy, Default)]
pub struct English;

/// Rule `en.typo`: English typography, words untouched: `'` → `’` inside words,
/// `...` → `…`, balanced straight double quotes → “ ”, runs of spaces collapsed.
///
/// ```
/// use copydesk::lang::{Grammar, en::English};
/// assert_eq!(English.typography("It's \"done\"..."), "It’s “done”…");
/// ```
pub fn typography(text: &str) -> String {
    let src: Vec<char> = text.chars().collect();
    let straight = src.iter().filter(|&&c| c == '"').count();
    let pair = straight > 0 && straight % 2 == 0;
    let mut open = false;
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < src.len() {
        let c = src[i];
        let prev = out.chars().next_back();
        let next = src.get(i + 1).copied();
        match c {
            '\'' if prev.is_some_and(char::is_alphanumeric)
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

impl Grammar for English {
    fn typography(&self, text: &str) -> String {
        typography(text)
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
    fn quotes_and_apostrophes() {
        assert_eq!(
            typography("the \"best\" city's mayor"),
            "the “best” city’s mayor"
        );
        assert_eq!(typography("a \"lone quote"), "a \"lone quote");
    }
}
