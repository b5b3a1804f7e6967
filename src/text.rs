//! Stage 2, `text`: paragraphs → sentences → tokens, all as byte spans over one cleaned text.
//!
//! The [`Document`] owns the cleaned, typographically normalised article text; every
//! paragraph, sentence and token is a span into it. Word counting lives here and only here
//! ([`count_words`]).

use std::ops::Range;

use serde::Serialize;

use crate::lang::LanguagePack;

/// A byte range into [`Document::text`].
pub type Span = Range<usize>;

/// Paragraphs longer than this many words are split at sentence boundaries (a layout change).
pub const MAX_PARAGRAPH_WORDS: usize = 150;

/// Counts words with the contract's rule: a word is a maximal run of characters that are
/// not white space (Unicode `White_Space`, which includes U+00A0 and U+202F) and that holds
/// at least one letter or digit.
///
/// ```
/// use copydesk::text::count_words;
/// assert_eq!(count_words("l’agence du Haut-Karabakh"), 3);
/// assert_eq!(count_words("6\u{a0}700 morts : « non »"), 4);
/// assert_eq!(count_words(" : « "), 0);
/// ```
#[must_use]
pub fn count_words(text: &str) -> usize {
    // One pass: the whitespace-separated pieces that hold a letter or a digit (the same
    // count as `split(char::is_whitespace).filter(|w| w.chars().any(char::is_alphanumeric))`).
    let mut words = 0;
    let mut alnum = false;
    for c in text.chars() {
        if c.is_whitespace() {
            words += usize::from(alnum);
            alnum = false;
        } else if !alnum && c.is_alphanumeric() {
            alnum = true;
        }
    }
    words + usize::from(alnum)
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// A word (letters, possibly with digits, hyphens or inner apostrophes).
    Word,
    /// A number (`6 700`, `2,3`, `7h44`, `1er`, `XIXe` is a word).
    Number,
    /// An elided function word with its apostrophe (`l’`, `qu’`).
    Elision,
    /// Punctuation or a symbol.
    Punct,
}

/// A token: a span and its kind. The span is held as two 32-bit offsets (12 bytes a token
/// instead of 24: a document holds one token for every five or six bytes of text), read back
/// with [`Token::span`], [`Token::start`] and [`Token::end`]. An offset past `u32::MAX` (a
/// text over 4 GiB, see [`MAX_TEXT_BYTES`]: the engine refuses inputs over a quarter of it)
/// is held as `u32::MAX`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    start: u32,
    end: u32,
    /// What it is.
    pub kind: TokenKind,
}

/// The longest text a [`Document`] indexes exactly (its token offsets are 32-bit).
pub const MAX_TEXT_BYTES: usize = u32::MAX as usize;

impl Token {
    /// A token over `span` (byte offsets into its text).
    ///
    /// ```
    /// use copydesk::text::{Token, TokenKind};
    /// let t = Token::new(3..8, TokenKind::Word);
    /// assert_eq!((t.span(), t.start(), t.end()), (3..8, 3, 8));
    /// ```
    #[must_use]
    pub fn new(span: Span, kind: TokenKind) -> Self {
        let offset = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
        Token {
            start: offset(span.start),
            end: offset(span.end),
            kind,
        }
    }

    /// Where it is in [`Document::text`].
    #[must_use]
    pub fn span(&self) -> Span {
        self.start()..self.end()
    }

    /// Its first byte in [`Document::text`].
    #[must_use]
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// The byte after its last in [`Document::text`].
    #[must_use]
    pub fn end(&self) -> usize {
        self.end as usize
    }
}

/// A sentence: its span and the range of its tokens in [`Document::tokens`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Where it is in [`Document::text`].
    pub span: Span,
    /// Where it is in [`Document::raw`] (the text as the source wrote it), when the raw and
    /// the cleaned paragraph split into the same sentences and typography changed the
    /// paragraph (else its cleaned text is its source text).
    pub raw: Option<Span>,
    /// Its tokens, as indices into [`Document::tokens`].
    pub tokens: Range<usize>,
    /// The paragraph it belongs to.
    pub paragraph: usize,
}

/// A paragraph: its span and the range of its sentences in [`Document::sentences`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Where it is in [`Document::text`].
    pub span: Span,
    /// Where it is in [`Document::raw`], when every sentence has its raw span (see
    /// [`Sentence::raw`]).
    pub raw: Option<Span>,
    /// Its sentences, as indices into [`Document::sentences`].
    pub sentences: Range<usize>,
    /// The input paragraph it comes from (a long input paragraph gives several).
    pub source: usize,
    /// Its word count.
    pub words: usize,
}

/// The article as a document model over one cleaned text.
#[derive(Debug, Clone)]
pub struct Document {
    /// The cleaned, typographically normalised text; paragraphs separated by `\n\n`.
    pub text: String,
    /// The article's paragraphs as the source wrote them (before typography), separated by
    /// `\n\n`: what `analyze` reports, so that a reader finds the source's own sentences.
    /// Only the paragraphs whose source text differs from their cleaned text and pairs with
    /// it sentence by sentence are here (the others report their cleaned text, which is the
    /// same or the best there is): read it through [`Document::sentence_source_text`] and
    /// [`Document::paragraph_source_text`].
    pub raw: String,
    /// The paragraphs, in reading order.
    pub paragraphs: Vec<Paragraph>,
    /// Every sentence, in reading order.
    pub sentences: Vec<Sentence>,
    /// Every token, in reading order.
    pub tokens: Vec<Token>,
}

impl Document {
    /// Builds the document from the article's paragraphs (as they come from the brief):
    /// typography is normalised by the pack's grammar, long paragraphs are split at sentence
    /// boundaries, and sentences and tokens are found.
    #[must_use]
    pub fn build<S: AsRef<str>>(paragraphs: &[S], pack: &LanguagePack) -> Self {
        let mut doc = Document {
            text: String::new(),
            raw: String::new(),
            paragraphs: Vec::new(),
            sentences: Vec::new(),
            tokens: Vec::new(),
        };
        for (source, raw) in paragraphs.iter().enumerate() {
            let raw = raw.as_ref().trim();
            let clean = pack.grammar.typography(raw);
            if clean.trim().is_empty() {
                continue;
            }
            let spans = split_sentences(&clean, pack);
            let raw_spans = split_sentences(raw, pack);
            // The raw sentences are reported only when both splits agree sentence by sentence.
            let paired = raw_spans.len() == spans.len()
                && raw_spans
                    .iter()
                    .zip(&spans)
                    .all(|(r, c)| count_words(&raw[r.clone()]) == count_words(&clean[c.clone()]));
            let words: Vec<usize> = spans
                .iter()
                .map(|s| count_words(&clean[s.clone()]))
                .collect();
            for group in layout_groups(&words, paragraphs.len() == 1) {
                let Some(group_spans) = spans.get(group.clone()) else {
                    continue;
                };
                let raw_group = if paired { raw_spans.get(group) } else { None };
                doc.push_paragraph(&clean, group_spans, raw, raw_group, source, pack);
            }
        }
        // The vectors grew by doubling: the document lives through every later stage, so it
        // gives back what it does not use (up to half of each on a long text).
        doc.text.shrink_to_fit();
        doc.raw.shrink_to_fit();
        doc.paragraphs.shrink_to_fit();
        doc.sentences.shrink_to_fit();
        doc.tokens.shrink_to_fit();
        doc
    }

    /// Appends one laid-out paragraph: `spans` are its sentences in `clean`, `raw_spans` the
    /// same sentences in `raw` when they pair up.
    fn push_paragraph(
        &mut self,
        clean: &str,
        spans: &[Span],
        raw: &str,
        raw_spans: Option<&[Span]>,
        source: usize,
        pack: &LanguagePack,
    ) {
        let (Some(first), Some(_)) = (spans.first(), spans.last()) else {
            return;
        };
        // Offsets relative to the paragraph's first sentence, so that every shift into the
        // document is an addition (the paragraph may start further into `clean` than the
        // document is long: no negative base).
        let from = first.start;
        let clean = clean.get(from..).unwrap_or("");
        let local: Vec<Span> = spans
            .iter()
            .map(|s| s.start.saturating_sub(from)..s.end.saturating_sub(from))
            .collect();
        let spans = local.as_slice();
        let raw_from = raw_spans.and_then(|r| r.first()).map_or(0, |r| r.start);
        let raw = raw.get(raw_from..).unwrap_or("");
        let raw_local: Option<Vec<Span>> = raw_spans.map(|r| {
            r.iter()
                .map(|s| s.start.saturating_sub(raw_from)..s.end.saturating_sub(raw_from))
                .collect()
        });
        let (Some(first), Some(last)) = (spans.first(), spans.last()) else {
            return;
        };
        // A paragraph that typography leaves as it is (same text, same sentences) reports its
        // cleaned text: no copy of it in `raw`.
        let unchanged = raw_local.as_deref().is_some_and(|rs| {
            rs == spans
                && rs.first().zip(rs.last()).is_some_and(|(r0, r1)| {
                    raw.get(r0.start..r1.end) == clean.get(first.start..last.end)
                })
        });
        let raw_spans = raw_local.as_deref().filter(|_| !unchanged);
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        let base = self.text.len() - first.start;
        self.text.push_str(&clean[first.start..last.end]);
        if raw_spans.is_some() && !self.raw.is_empty() {
            self.raw.push_str("\n\n");
        }
        let raw_base = raw_spans
            .and_then(|r| r.first())
            .map(|r0| self.raw.len() - r0.start);
        // Without pairing (or unchanged), the paragraph reports its cleaned text.
        let raw_para = match (raw_spans, raw_base) {
            (Some(rs), Some(rb)) => {
                let (r0, r1) = (
                    rs.first().map_or(0, |r| r.start),
                    rs.last().map_or(0, |r| r.end),
                );
                self.raw.push_str(&raw[r0..r1]);
                Some(r0 + rb..r1 + rb)
            }
            _ => None,
        };
        let first_sentence = self.sentences.len();
        let paragraph = self.paragraphs.len();
        for (k, span) in spans.iter().enumerate() {
            let first_token = self.tokens.len();
            tokenize_into(clean, span.clone(), base, pack, &mut self.tokens);
            let raw_span = match (raw_spans.and_then(|r| r.get(k)), raw_base) {
                (Some(r), Some(rb)) => Some(r.start + rb..r.end + rb),
                _ => None,
            };
            self.sentences.push(Sentence {
                span: span.start + base..span.end + base,
                raw: raw_span,
                tokens: first_token..self.tokens.len(),
                paragraph,
            });
        }
        let span = first.start + base..last.end + base;
        self.paragraphs.push(Paragraph {
            words: count_words(&self.text[span.clone()]),
            span,
            raw: raw_para,
            sentences: first_sentence..self.sentences.len(),
            source,
        });
    }

    /// The source text of sentence `i` as the input wrote it (before typography), or its
    /// cleaned text when the two could not be paired.
    #[must_use]
    pub fn sentence_source_text(&self, i: usize) -> &str {
        match self.sentences.get(i).and_then(|s| s.raw.clone()) {
            Some(r) => self.raw.get(r).unwrap_or(""),
            None => self.sentence_text(i),
        }
    }

    /// The source text of paragraph `i` as the input wrote it, or its cleaned text.
    #[must_use]
    pub fn paragraph_source_text(&self, i: usize) -> &str {
        match self.paragraphs.get(i).and_then(|p| p.raw.clone()) {
            Some(r) => self.raw.get(r).unwrap_or(""),
            None => self.paragraph_text(i),
        }
    }

    /// The text of a span.
    #[must_use]
    pub fn slice(&self, span: &Span) -> &str {
        self.text.get(span.clone()).unwrap_or("")
    }

    /// The text of paragraph `i` (empty when out of range).
    #[must_use]
    pub fn paragraph_text(&self, i: usize) -> &str {
        self.paragraphs.get(i).map_or("", |p| self.slice(&p.span))
    }

    /// The text of sentence `i` (empty when out of range).
    #[must_use]
    pub fn sentence_text(&self, i: usize) -> &str {
        self.sentences.get(i).map_or("", |s| self.slice(&s.span))
    }

    /// The text of a token.
    #[must_use]
    pub fn token_text(&self, t: &Token) -> &str {
        self.slice(&t.span())
    }

    /// The words of the whole document.
    #[must_use]
    pub fn word_count(&self) -> usize {
        self.paragraphs.iter().map(|p| p.words).sum()
    }
}

/// Groups sentences (given their word counts) into paragraphs of a readable size: one group
/// when the total is within [`MAX_PARAGRAPH_WORDS`], otherwise balanced groups of about 110
/// words. A whole story written as one paragraph (`whole_story`: the article's only
/// paragraph, three sentences or more, over 80 words) is laid out in paragraphs of about 70
/// words, so that it gets a lede and a body — a layout change; the words stay.
fn layout_groups(words: &[usize], whole_story: bool) -> Vec<Range<usize>> {
    let total: usize = words.iter().sum();
    let story = whole_story && words.len() >= 3 && total > 80;
    if (total <= MAX_PARAGRAPH_WORDS && !story) || words.len() < 2 {
        return std::iter::once(0..words.len()).collect();
    }
    let size = if story && total <= 330 { 70 } else { 110 };
    let parts = total.div_ceil(size).max(2);
    let target = total / parts;
    let mut groups = Vec::new();
    let mut start = 0;
    let mut acc = 0;
    let mut remaining = total;
    for (i, w) in words.iter().enumerate() {
        acc += w;
        remaining -= w;
        if acc >= target && i + 1 < words.len() && remaining >= 20 {
            groups.push(start..i + 1);
            start = i + 1;
            acc = 0;
        }
    }
    groups.push(start..words.len());
    groups
}

fn is_closing(c: char) -> bool {
    matches!(c, '»' | '”' | '"' | '’' | ')' | ']' | '\'')
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn is_inline_space(c: char) -> bool {
    c.is_whitespace() && c != '\n'
}

/// Splits one paragraph into sentence spans (byte ranges into `text`, trimmed).
///
/// Rules (`text.sbd`): a sentence ends at `. ! ? …` (with any closing quotes or brackets)
/// followed by white space and a character that can start a sentence; not after a known
/// abbreviation (`M.`, `av. J.-C.`), a single-letter initial (`J. K. Rowling`), or when the
/// next word starts in lower case (`« Non ! » a-t-il dit`).
///
/// ```
/// # let pack = copydesk::lang::LanguagePack::load(copydesk::lang::Lang::Fr).unwrap();
/// use copydesk::text::split_sentences;
/// let t = "M. Dupont est venu. Il a parlé. « Assez ! » a-t-il crié.";
/// let s: Vec<&str> = split_sentences(t, &pack).into_iter().map(|r| &t[r]).collect();
/// assert_eq!(s, ["M. Dupont est venu.", "Il a parlé.", "« Assez ! » a-t-il crié."]);
/// ```
#[must_use]
pub fn split_sentences(text: &str, pack: &LanguagePack) -> Vec<Span> {
    let bytes = text.as_bytes();
    let char_at = |k: usize| text.get(k..).and_then(|t| t.chars().next());
    let skip = |mut k: usize, pred: &dyn Fn(char) -> bool| {
        while let Some(c) = char_at(k) {
            if !pred(c) {
                break;
            }
            k += c.len_utf8();
        }
        k
    };
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    // Byte scan: a UTF-8 continuation byte never equals `.`, `!`, `?`, a newline or the lead
    // byte of `…`, so only candidate positions are decoded.
    while let Some(&b) = bytes.get(i) {
        if b == b'\n' {
            push_trimmed(text, start..i, &mut out);
            start = i + 1;
            i += 1;
            continue;
        }
        let terminal = matches!(b, b'.' | b'!' | b'?') || (b == 0xE2 && text[i..].starts_with('…'));
        if !terminal {
            i += 1;
            continue;
        }
        let pos = i;
        // The terminal run: `?!`, `...`, `… ?` (a no-break space inside the run), closing
        // quotes and brackets, and a footnote call (`.[4]`).
        let mut j = i;
        loop {
            loop {
                j = skip(j, &is_terminal);
                let k = skip(j, &|c| matches!(c, '\u{a0}' | '\u{202f}'));
                if k > j && char_at(k).is_some_and(is_terminal) {
                    j = k;
                    continue;
                }
                break;
            }
            if bytes.get(j) == Some(&b'[') {
                let k = skip(j + 1, &|c| c.is_ascii_digit());
                if k > j + 1 && bytes.get(k) == Some(&b']') {
                    j = k + 1;
                    continue;
                }
            }
            let k = skip(j, &is_inline_space);
            // After spaces only a French closing guillemet belongs to the sentence
            // (`! »`); straight quotes and brackets must touch the punctuation.
            match char_at(k) {
                Some(c) if c == '»' || (k == j && is_closing(c)) => {
                    j = k + c.len_utf8();
                }
                _ => break,
            }
        }
        let end = j;
        // White space must follow.
        let k = skip(j, &is_inline_space);
        if k == j && bytes.get(k).is_some_and(|&b| b != b'\n') {
            i = j.max(i + 1);
            continue;
        }
        let Some(next) = char_at(k) else {
            break;
        };
        // Punctuation closed by a bracket inside the sentence belongs to a parenthetical
        // (`Je suis (...) Chris`, `(Christopher?).`): no boundary, unless the parenthesis opened
        // the sentence.
        let run = &text[pos..end];
        // A plain period before the bracket and a capital after it close the sentence
        // (`… the next 3 games.) However`).
        let closes_plainly =
            run.trim_end_matches(|c: char| !is_terminal(c)) == "." && next.is_uppercase();
        let in_parenthetical = run.ends_with(')') && !closes_plainly && {
            let open = text[start..pos].rfind('(');
            open.is_some_and(|o| !text[start..start + o].trim().is_empty())
        };
        if next == '\n'
            || (!in_parenthetical && is_boundary(text, start, pos, run, &text[k..], pack))
        {
            // An omission ellipsis standing alone after the end (`shootout. ... Shane`) stays
            // with the sentence it follows.
            let mut end = end;
            let after = &text[k..];
            let dots = after.len() - after.trim_start_matches(['.', '…']).len();
            if dots > 0 && after[..dots].chars().all(|c| c == '…') || dots >= 3 {
                let rest = &after[dots..];
                if rest.starts_with(char::is_whitespace) {
                    end = k + dots;
                }
            }
            push_trimmed(text, start..end, &mut out);
            start = end;
            i = k.max(end).max(i + 1);
            continue;
        }
        i = k.max(i + 1);
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

/// Decides whether the punctuation run `run` (starting at byte `pos`) ends a sentence, given
/// `after`, the text after the white space that follows it (it starts with a character).
fn is_boundary(
    text: &str,
    sentence_start: usize,
    pos: usize,
    run: &str,
    after: &str,
    pack: &LanguagePack,
) -> bool {
    let rules = pack.sentence_rules;
    let Some(next) = after.chars().next() else {
        return true;
    };
    if matches!(next, ',' | ';' | ':' | ')' | '-' | '–' | '—') {
        return false;
    }
    // The run without its closers: `?!`, `...`, `.` — and what closed it.
    let core = run.trim_end_matches(|c: char| !is_terminal(c));
    let closed_by_quote = run[core.len()..].contains(['»', '”', '"', '’', '\'']);
    // Two periods are a doubled period, not an ellipsis (`know.. amazing`).
    let ellipsis = core.ends_with("...") || core.ends_with('…');
    let last = core.chars().next_back().unwrap_or('.');
    if next.is_lowercase()
        && (closed_by_quote
            || ellipsis
            || (last != '.' && rules.lowercase_continues_after_question))
    {
        // `« Non ! » a-t-il dit`, `“Stop!” she said`, `« … chambre. » dit-il`, `Et puis… rien`.
        return false;
    }
    if next.is_lowercase() && last != '.' {
        // English: `what now? we go` is two sentences, but a capitalised word before the
        // mark is a title or a name (`What Would Kenny Do? look set`, `Yahoo! shares`).
        let word_before = text[..pos]
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or("")
            .trim_start_matches(|c: char| !c.is_alphanumeric());
        return !word_before.starts_with(char::is_uppercase);
    }
    if last != '.' || ellipsis {
        return true;
    }
    // The period: what stands just before it (the first of a doubled period).
    let period_at = if core == ".." {
        pos
    } else {
        pos + core.len() - 1
    };
    let before = &text[..period_at];
    if before.ends_with([')', '»', '”', '"']) {
        return true; // `(…). comment` — the period closes the sentence after the bracket
    }
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '[' | '«' | '"' | '“' | '‘'))
        .map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.is_empty() {
        return true;
    }
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() == 1
        && letters.first().is_some_and(|c| c.is_uppercase())
        && word.chars().count() <= 2
    {
        return false; // an initial: J. K. Rowling
    }
    // A list number at the start of a sentence: `1. Le premier point`.
    if word.len() <= 2
        && word.chars().all(|c| c.is_ascii_digit())
        && text
            .get(sentence_start..word_start)
            .is_some_and(|t| t.trim().is_empty())
    {
        return false;
    }
    let with_dot = format!("{word}.");
    if pack.is_abbreviation(&with_dot) {
        return false;
    }
    // Two-word abbreviations (`av. J.-C.`, `p. ex.`, `Lt. Gen.`).
    let head = before[..word_start].trim_end();
    let prev_word = head.rsplit(char::is_whitespace).next().unwrap_or(head);
    if !prev_word.is_empty() && pack.is_abbreviation(&format!("{prev_word} {with_dot}")) {
        return false;
    }
    let weak = pack.is_weak_abbreviation(&with_dot);
    if next.is_lowercase() {
        // Before a lower-case word only a plain word long enough ends a sentence: a short
        // or dotted token is an abbreviation (`P.A. et`, `Co. à`, `op. cit.`, `etc. et`).
        let dotted = word.contains('.');
        return !dotted && letters.len() >= rules.min_letters_before_lowercase && !weak;
    }
    if weak && next.is_ascii_digit() {
        return false; // `No. 10`, `vol. 3`
    }
    if rules.weak_ends_only_before_function_word
        && (weak || word.contains('.'))
        && next.is_uppercase()
    {
        // `the U.S. Senate`, `Apple Inc. Chief Executive` stay whole; `in the U.S. The` splits.
        let next_word: String = after
            .chars()
            .take_while(|c| c.is_alphabetic())
            .flat_map(char::to_lowercase)
            .collect();
        return pack.is_stopword(&next_word);
    }
    // Before a capital, `U.S.`-style acronyms and weak abbreviations may end a sentence.
    true
}

fn push_trimmed(text: &str, span: Span, out: &mut Vec<Span>) {
    let s = &text[span.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(span.start + lead..span.end - trail);
    }
}

/// Joiners allowed inside a token when a letter or digit follows.
fn is_inner_joiner(c: char) -> bool {
    matches!(
        c,
        '-' | '’' | '\'' | '.' | ',' | '/' | '_' | '&' | '\u{2011}'
    )
}

/// Tokenizes `text[span]` (a sentence) and appends tokens with spans offset by `base`.
///
/// Rules (`text.tokens`): letters and digits with inner hyphens, apostrophes and
/// decimal separators form one token (`Haut-Karabakh`, `a-t-il`, `2,3`, `COVID-19`); an
/// elision prefix of the pack (`l’`, `qu’`, `jusqu’`) is its own token; digit groups with a
/// (no-break) space (`6 700`) form one number.
pub fn tokenize_into(
    text: &str,
    span: Span,
    base: usize,
    pack: &LanguagePack,
    out: &mut Vec<Token>,
) {
    let s = &text[span.clone()];
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let pos = |i: usize| chars.get(i).map_or(s.len(), |&(p, _)| p);
    let mut i = 0;
    while let Some(&(_, c)) = chars.get(i) {
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if !c.is_alphanumeric() {
            let end = pos(i + 1);
            out.push(Token::new(
                base + span.start + pos(i)..base + span.start + end,
                TokenKind::Punct,
            ));
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i + 1;
        loop {
            match at(j) {
                Some(c) if c.is_alphanumeric() => j += 1,
                Some(c) if is_inner_joiner(c) && at(j + 1).is_some_and(char::is_alphanumeric) => {
                    // A period joins only digits (2.3) or single letters (U.S).
                    if c == '.' || c == ',' {
                        let prev_digit = at(j - 1).is_some_and(|p| p.is_ascii_digit());
                        let next_digit = at(j + 1).is_some_and(|p| p.is_ascii_digit());
                        if c == ',' && !(prev_digit && next_digit) {
                            break;
                        }
                        if c == '.' && !(prev_digit && next_digit) {
                            let single = j >= 1
                                && at(j - 1).is_some_and(char::is_alphabetic)
                                && (j < 2 || !at(j - 2).is_some_and(char::is_alphanumeric));
                            if !single {
                                break;
                            }
                        }
                    }
                    j += 2;
                }
                Some(c)
                    if (c == ' ' || c == '\u{a0}' || c == '\u{202f}')
                        && chars
                            .get(start..j)
                            .unwrap_or_default()
                            .iter()
                            .all(|&(_, d)| {
                                d.is_ascii_digit() || d == '\u{202f}' || d == '\u{a0}' || d == ' '
                            })
                        && (start..j)
                            .filter(|&x| at(x).is_some_and(|d| d.is_ascii_digit()))
                            .count()
                            <= 3
                        || (c == '\u{202f}' && at(j - 1).is_some_and(|d| d.is_ascii_digit())) =>
                {
                    // Digit groups: `6 700`, `1 200 000`.
                    let three = (1..=3).all(|k| at(j + k).is_some_and(|d| d.is_ascii_digit()))
                        && !at(j + 4).is_some_and(|d| d.is_ascii_digit());
                    let digits_before = at(j - 1).is_some_and(|d| d.is_ascii_digit());
                    if three && digits_before && (c != ' ' || group_ok(&chars, start, j)) {
                        j += 4;
                    } else {
                        break;
                    }
                }
                _ => break,
            }
        }
        // Elision split: `l’Azerbaïdjan` → `l’` + `Azerbaïdjan`.
        let word = &s[pos(start)..pos(j)];
        let mut tok_start = start;
        if let Some(ap) = word.find(['’', '\'']) {
            let prefix = word[..ap].to_lowercase();
            if pack.words.elisions.contains(&prefix) {
                let ap_len = word[ap..].chars().next().map_or(1, char::len_utf8);
                let split_at = pos(start) + ap + ap_len;
                out.push(Token::new(
                    base + span.start + pos(start)..base + span.start + split_at,
                    TokenKind::Elision,
                ));
                tok_start = chars.iter().position(|&(p, _)| p == split_at).unwrap_or(j);
            }
        }
        if tok_start < j {
            let text = &s[pos(tok_start)..pos(j)];
            let kind = if text.chars().next().is_some_and(|c| c.is_ascii_digit())
                && text.chars().filter(|c| c.is_alphabetic()).count() <= 2
            {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            out.push(Token::new(
                base + span.start + pos(tok_start)..base + span.start + pos(j),
                kind,
            ));
        }
        i = j;
    }
}

/// A plain-space digit group joins only a number of 1–3 leading digits (`6 700`, not `2012 150`).
fn group_ok(chars: &[(usize, char)], start: usize, j: usize) -> bool {
    let lead = chars
        .get(start..j)
        .unwrap_or_default()
        .iter()
        .take_while(|&&(_, c)| c.is_ascii_digit())
        .count();
    lead <= 3
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::{Lang, LanguagePack};

    fn fr() -> LanguagePack {
        LanguagePack::load(Lang::Fr).expect("pack")
    }

    #[test]
    fn tokens_are_twelve_bytes_and_keep_their_spans() {
        assert!(std::mem::size_of::<Token>() <= 12);
        let doc = Document::build(&["Le maire d’Orbe a parlé ; 6 700 voix."], &fr());
        let words: Vec<&str> = doc.tokens.iter().map(|t| doc.token_text(t)).collect();
        assert_eq!(
            words,
            [
                "Le",
                "maire",
                "d’",
                "Orbe",
                "a",
                "parlé",
                ";",
                "6\u{202f}700",
                "voix",
                "."
            ]
        );
        for t in &doc.tokens {
            assert_eq!(t.span(), t.start()..t.end());
            assert_eq!(doc.slice(&t.span()), doc.token_text(t));
        }
        // past 32 bits an offset is held at the largest one, not wrapped around
        let far = Token::new(usize::MAX - 1..usize::MAX, TokenKind::Punct);
        assert_eq!(far.span(), MAX_TEXT_BYTES..MAX_TEXT_BYTES);
    }

    fn sentences(t: &str) -> Vec<String> {
        let pack = fr();
        split_sentences(t, &pack)
            .into_iter()
            .map(|r| t[r].to_string())
            .collect()
    }

    fn tokens(t: &str) -> Vec<String> {
        let pack = fr();
        let mut out = Vec::new();
        tokenize_into(t, 0..t.len(), 0, &pack, &mut out);
        out.into_iter()
            .map(|tok| t[tok.span()].to_string())
            .collect()
    }

    #[test]
    fn count_words_is_split_and_filter() {
        let reference = |t: &str| {
            t.split(char::is_whitespace)
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count()
        };
        for t in [
            "",
            " ",
            "a",
            " a ",
            "l’agence  du\tHaut-Karabakh\n",
            "6\u{a0}700 morts : « non »",
            " : « ",
            "ÉTÉ 2012\u{202f}: x",
            "end.",
        ] {
            assert_eq!(count_words(t), reference(t), "{t:?}");
        }
    }

    #[test]
    fn words_are_counted_by_the_contract_rule() {
        assert_eq!(count_words("Haut-Karabakh"), 1);
        assert_eq!(count_words("6\u{202f}700 soldats"), 3);
        assert_eq!(count_words("« » : – …"), 0);
        assert_eq!(count_words(""), 0);
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sentences("Selon M. Martin, tout va bien. Mme Durand approuve."),
            ["Selon M. Martin, tout va bien.", "Mme Durand approuve."]
        );
        assert_eq!(
            sentences("En 52 av. J.-C. César gagne. Puis il rentre."),
            ["En 52 av. J.-C. César gagne.", "Puis il rentre."]
        );
    }

    #[test]
    fn initials_do_not_end_sentences() {
        assert_eq!(
            sentences("J. K. Rowling écrit. Elle publie."),
            ["J. K. Rowling écrit.", "Elle publie."]
        );
    }

    #[test]
    fn lowercase_incise_after_exclamation_continues() {
        assert_eq!(
            sentences("« Jamais\u{a0}! » a-t-elle lancé. Puis elle part."),
            ["« Jamais\u{a0}! » a-t-elle lancé.", "Puis elle part."]
        );
    }

    #[test]
    fn decimals_urls_and_datelines_do_not_split() {
        assert_eq!(
            sentences("Il a plu 2.5 mm sur exemple.fr hier."),
            ["Il a plu 2.5 mm sur exemple.fr hier."]
        );
        assert_eq!(
            sentences("22 mai 2012. - Le lancement a eu lieu."),
            ["22 mai 2012. - Le lancement a eu lieu."]
        );
    }

    #[test]
    fn ellipsis_and_question_marks_split() {
        assert_eq!(
            sentences("Et après… Rien. Pourquoi\u{202f}? Parce que."),
            ["Et après…", "Rien.", "Pourquoi\u{202f}?", "Parce que."]
        );
    }

    #[test]
    fn tokens_split_elisions_and_keep_compounds() {
        assert_eq!(
            tokens("l’Azerbaïdjan a-t-il"),
            ["l’", "Azerbaïdjan", "a-t-il"]
        );
        assert_eq!(
            tokens("jusqu'au Haut-Karabakh"),
            ["jusqu'", "au", "Haut-Karabakh"]
        );
        assert_eq!(tokens("aujourd’hui"), ["aujourd’hui"]);
    }

    #[test]
    fn tokens_keep_numbers_whole() {
        assert_eq!(
            tokens("6\u{202f}700 morts, 2,3 % et 7h44"),
            ["6\u{202f}700", "morts", ",", "2,3", "%", "et", "7h44"]
        );
        assert_eq!(
            tokens("plus de 6 700 morts en 2012 150"),
            ["plus", "de", "6 700", "morts", "en", "2012", "150"]
        );
        assert_eq!(tokens("COVID-19 à l’ONU"), ["COVID-19", "à", "l’", "ONU"]);
    }

    #[test]
    fn long_paragraphs_are_laid_out_in_groups() {
        let groups = layout_groups(&[40, 40, 40, 40, 40], false);
        assert!(groups.len() >= 2);
        assert_eq!(groups.first().map(|g| g.start), Some(0));
        assert_eq!(groups.last().map(|g| g.end), Some(5));
        for g in &groups {
            let w: usize = [40usize; 5][g.clone()].iter().sum();
            assert!(w <= MAX_PARAGRAPH_WORDS, "{g:?} has {w} words");
        }
        assert_eq!(layout_groups(&[30, 30], false), vec![0..2]);
        // a whole story in one paragraph gets a lede and a body
        let story = layout_groups(&[25, 30, 20, 35, 28], true);
        assert!(story.len() >= 2, "{story:?}");
        assert_eq!(layout_groups(&[25, 30, 20, 35, 28], false), vec![0..5]);
    }

    #[test]
    fn document_spans_point_into_its_text() {
        let pack = fr();
        let doc = Document::build(
            &["Premier paragraphe. Deux phrases.", "Second : ici."],
            &pack,
        );
        assert_eq!(doc.paragraphs.len(), 2);
        assert_eq!(doc.sentences.len(), 3);
        assert_eq!(doc.sentence_text(2), "Second\u{a0}: ici.");
        for t in &doc.tokens {
            assert!(!doc.token_text(t).trim().is_empty());
        }
        assert_eq!(doc.word_count(), 6);
    }

    #[test]
    fn parentheticals_keep_their_punctuation() {
        assert_eq!(
            sentences("Le maire (enfin !) a signé. Le préfet aussi."),
            ["Le maire (enfin !) a signé.", "Le préfet aussi."]
        );
        assert_eq!(
            sentences("Il hésite (...) Puis il part."),
            ["Il hésite (...) Puis il part."]
        );
        // a parenthesis that opens the sentence may close it
        assert_eq!(
            sentences("(Voir plus bas.) Le vote suit."),
            ["(Voir plus bas.)", "Le vote suit."]
        );
    }

    #[test]
    fn footnote_calls_stay_with_their_sentence() {
        assert_eq!(
            sentences("La digue a cédé.[12] Les secours arrivent."),
            ["La digue a cédé.[12]", "Les secours arrivent."]
        );
    }

    #[test]
    fn a_period_before_lower_case_ends_a_sentence_unless_abbreviated() {
        assert_eq!(
            sentences("Le vote est clos. ensuite vient le débat."),
            ["Le vote est clos.", "ensuite vient le débat."]
        );
        assert_eq!(
            sentences("Les résultats du C.N.R.S. ont surpris."),
            ["Les résultats du C.N.R.S. ont surpris."]
        );
        assert_eq!(
            sentences("Elle dirige Durand & Co. à Lyon."),
            ["Elle dirige Durand & Co. à Lyon."]
        );
        assert_eq!(
            sentences("Des pommes, des poires, etc. et du raisin."),
            ["Des pommes, des poires, etc. et du raisin."]
        );
    }

    #[test]
    fn a_closing_guillemet_before_lower_case_is_an_incise() {
        assert_eq!(
            sentences("« Le pont tiendra. » assure l’ingénieur. Il repart."),
            ["« Le pont tiendra. » assure l’ingénieur.", "Il repart."]
        );
    }

    #[test]
    fn three_periods_are_an_ellipsis() {
        assert_eq!(
            sentences("Et puis... rien ne bouge. Le soir tombe..."),
            ["Et puis... rien ne bouge.", "Le soir tombe..."]
        );
        assert_eq!(
            sentences("On attend… Demain peut-être."),
            ["On attend…", "Demain peut-être."]
        );
    }

    #[test]
    fn a_paragraph_typography_leaves_alone_is_not_copied_to_raw() {
        let pack = fr();
        let doc = Document::build(
            &[
                "Le maire est venu. Il est reparti.",
                "Il a dit \"oui\"... Puis : non !",
                "La séance est levée.",
            ],
            &pack,
        );
        assert_eq!(doc.paragraphs.len(), 3);
        assert_eq!(doc.raw, "Il a dit \"oui\"... Puis : non !");
        assert!(doc.paragraphs[0].raw.is_none() && doc.paragraphs[2].raw.is_none());
        assert_eq!(
            doc.paragraph_source_text(0),
            "Le maire est venu. Il est reparti."
        );
        assert_eq!(doc.sentence_source_text(1), "Il est reparti.");
        assert_eq!(doc.sentence_source_text(2), "Il a dit \"oui\"...");
        assert_eq!(
            doc.paragraph_source_text(1),
            "Il a dit \"oui\"... Puis : non !"
        );
        assert_eq!(doc.paragraph_source_text(2), "La séance est levée.");
    }

    #[test]
    fn raw_sentences_are_kept_beside_the_clean_ones() {
        let pack = fr();
        let doc = Document::build(&["Il a dit \"oui\"... Puis : non !"], &pack);
        assert_eq!(doc.sentences.len(), 2);
        assert_eq!(doc.sentence_source_text(0), "Il a dit \"oui\"...");
        assert_eq!(doc.sentence_text(0), "Il a dit «\u{a0}oui\u{a0}»…");
        assert_eq!(
            doc.paragraph_source_text(0),
            "Il a dit \"oui\"... Puis : non !"
        );
    }

    #[test]
    fn list_numbers_and_dotted_titles_do_not_split() {
        assert_eq!(
            sentences("1. Le premier point est réglé. 2. Le second suit."),
            ["1. Le premier point est réglé.", "2. Le second suit."]
        );
        assert_eq!(
            sentences("Le P.-D.G. Jean Roux démissionne."),
            ["Le P.-D.G. Jean Roux démissionne."]
        );
        assert_eq!(
            sentences("Écrivez à contact@mairie.fr. La mairie répondra."),
            ["Écrivez à contact@mairie.fr.", "La mairie répondra."]
        );
        assert_eq!(
            sentences("Il est 7h44. Le train part à 8:05."),
            ["Il est 7h44.", "Le train part à 8:05."]
        );
    }

    #[test]
    fn tokens_for_ordinals_percentages_units_and_compounds() {
        assert_eq!(
            tokens("le XIXe siècle, le 1er mai"),
            ["le", "XIXe", "siècle", ",", "le", "1er", "mai"]
        );
        assert_eq!(tokens("12,5 % de 521 kg"), ["12,5", "%", "de", "521", "kg"]);
        assert_eq!(
            tokens("un cessez-le-feu, peut-être"),
            ["un", "cessez-le-feu", ",", "peut-être"]
        );
        assert_eq!(
            tokens("lorsqu’il puisqu'elle quoiqu’on"),
            ["lorsqu’", "il", "puisqu'", "elle", "quoiqu’", "on"]
        );
        assert_eq!(
            tokens("la SNCF et l’ONU"),
            ["la", "SNCF", "et", "l’", "ONU"]
        );
    }

    #[test]
    fn token_kinds() {
        let pack = fr();
        let t = "l’an 2 000 : XIXe";
        let mut out = Vec::new();
        tokenize_into(t, 0..t.len(), 0, &pack, &mut out);
        let kinds: Vec<TokenKind> = out.iter().map(|x| x.kind).collect();
        assert_eq!(
            kinds,
            [
                TokenKind::Elision,
                TokenKind::Word,
                TokenKind::Number,
                TokenKind::Punct,
                TokenKind::Word
            ]
        );
    }

    fn en_sentences(t: &str) -> Vec<String> {
        let pack = LanguagePack::load(Lang::En).expect("pack");
        split_sentences(t, &pack)
            .into_iter()
            .map(|r| t[r].to_string())
            .collect()
    }

    #[test]
    fn english_titles_and_initials_do_not_end_sentences() {
        assert_eq!(
            en_sentences("Mr. Lee and Dr. Ortiz met Gen. Hale. They spoke for an hour."),
            [
                "Mr. Lee and Dr. Ortiz met Gen. Hale.",
                "They spoke for an hour."
            ]
        );
        assert_eq!(
            en_sentences("The author E. B. White wrote it. Readers loved it."),
            ["The author E. B. White wrote it.", "Readers loved it."]
        );
    }

    #[test]
    fn english_weak_abbreviations_end_a_sentence_only_before_a_function_word() {
        assert_eq!(
            en_sentences(
                "The U.S. Senate voted. It was late. She moved to the U.S. The move was hard."
            ),
            [
                "The U.S. Senate voted.",
                "It was late.",
                "She moved to the U.S.",
                "The move was hard."
            ]
        );
        assert_eq!(
            en_sentences("Shares of Acme Inc. fell. Acme Inc. Chief Executive Jo Park quit."),
            [
                "Shares of Acme Inc. fell.",
                "Acme Inc. Chief Executive Jo Park quit."
            ]
        );
        assert_eq!(
            en_sentences("The talks began at 9 a.m. on Monday. They ended at 6 p.m. It rained."),
            [
                "The talks began at 9 a.m. on Monday.",
                "They ended at 6 p.m.",
                "It rained."
            ]
        );
        assert_eq!(
            en_sentences("The team ranked No. 3 last year. No. It did not."),
            ["The team ranked No. 3 last year.", "No.", "It did not."]
        );
    }

    #[test]
    fn english_abbreviations_match_as_written() {
        // `Card.` (Cardinal) is an abbreviation, `card.` a word that ends a sentence
        assert_eq!(
            en_sentences("He lost his bank card. When he called, nobody answered."),
            ["He lost his bank card.", "When he called, nobody answered."]
        );
        assert_eq!(
            en_sentences("Approx. half of the town (pop. 12,000) voted. The rest stayed home."),
            [
                "Approx. half of the town (pop. 12,000) voted.",
                "The rest stayed home."
            ]
        );
        assert_eq!(
            en_sentences("He said no. The matter was closed."),
            ["He said no.", "The matter was closed."]
        );
    }

    #[test]
    fn english_lower_case_starts_and_question_marks() {
        assert_eq!(
            en_sentences("where is the station? we are lost. ok then. see you."),
            [
                "where is the station?",
                "we are lost.",
                "ok then.",
                "see you."
            ]
        );
        // a closing quote makes an incise, a capitalised word before the mark a title
        assert_eq!(
            en_sentences("“Stop!” she said. He starred in Who Framed Roger Rabbit? last year."),
            [
                "“Stop!” she said.",
                "He starred in Who Framed Roger Rabbit? last year."
            ]
        );
        assert_eq!(
            en_sentences("\"It is over.\" he said. Then he left."),
            ["\"It is over.\" he said.", "Then he left."]
        );
    }

    #[test]
    fn english_doubled_periods_and_closing_brackets() {
        assert_eq!(
            en_sentences("The food was great.. we will come back."),
            ["The food was great..", "we will come back."]
        );
        assert_eq!(
            en_sentences("We may go (if the weather holds.) Tickets are cheap."),
            ["We may go (if the weather holds.)", "Tickets are cheap."]
        );
        assert_eq!(
            en_sentences("He waited... then he left."),
            ["He waited... then he left."]
        );
    }

    fn en_pack() -> &'static LanguagePack {
        static PACK: std::sync::OnceLock<LanguagePack> = std::sync::OnceLock::new();
        PACK.get_or_init(|| LanguagePack::load(Lang::En).expect("pack"))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        /// English splitting loses nothing: the sentences are in order, do not overlap, and
        /// together hold every non-space character of the paragraph.
        #[test]
        fn english_sentences_cover_the_text(
            text in "([A-Za-z]{1,8}|U\\.S\\.|Mr\\.|Inc\\.|No\\.|a\\.m\\.|[.?!…”“\"'()]|[0-9]{1,3}| ){0,40}"
        ) {
            let spans = split_sentences(&text, en_pack());
            let mut last = 0;
            let mut kept = String::new();
            for s in &spans {
                proptest::prop_assert!(s.start >= last && s.end > s.start);
                last = s.end;
                kept.push_str(&text[s.clone()]);
            }
            let solid = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            proptest::prop_assert_eq!(solid(&kept), solid(&text));
        }
    }

    #[test]
    fn an_omission_ellipsis_stays_with_the_sentence_before() {
        assert_eq!(
            sentences("Le match est fini. ... Le public sort. … Puis la nuit."),
            [
                "Le match est fini. ...",
                "Le public sort. …",
                "Puis la nuit."
            ]
        );
    }
}
