//! Stage 4, `outline`: topical sections, as runs of paragraphs grouped by lexical cohesion.
//!
//! The lede (the first paragraph) stands alone without a heading. The other paragraphs are
//! segmented by dynamic programming over the gaps between them: a boundary costs the lexical
//! similarity across its gap (TextTiling-style block comparison of stem vectors, two paragraphs
//! a side), and a section costs its distance from a comfortable size. Hard limits: no section
//! over [`MAX_SECTION_WORDS`] words (a single longer paragraph stands alone), at most
//! [`MAX_SECTION_PARAGRAPHS`] paragraphs. Linear in the number of paragraphs.
// Indexing is in bounds by construction: sentence and paragraph indices come from the
// `Document`, the segmentation tables (`best`, `prev`, `score`) are allocated with one row a
// sentence gap, and every index is bounded by the loop over those same tables. Checked by the
// `analyze` and `rewrite` fuzz targets.
#![allow(clippy::indexing_slicing)]

use crate::hash::{HashMap, HashMapExt};
use std::ops::Range;

use crate::analyze::Analysis;
use crate::text::Document;

/// No section holds more words than this.
pub const MAX_SECTION_WORDS: usize = 300;
/// No section holds more paragraphs than this.
pub const MAX_SECTION_PARAGRAPHS: usize = 10;
/// A section shorter than this costs extra (a heading over two lines reads badly).
const SHORT_SECTION_WORDS: usize = 60;
/// How much a boundary's lexical similarity (above the document's threshold) costs.
const BOUNDARY_WEIGHT: f64 = 1.0;

/// One planned section.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionPlan {
    /// Its paragraphs (indices into [`Document::paragraphs`]).
    pub paragraphs: Range<usize>,
    /// Its words.
    pub words: usize,
    /// Its keyphrases, most distinctive first (indices into [`Analysis::keyphrases`]).
    pub keyphrases: Vec<usize>,
}

/// The outline: an optional lede and the topical sections.
#[derive(Debug, Clone, PartialEq)]
pub struct Outline {
    /// The lede paragraph, when the article has one.
    pub lede: Option<usize>,
    /// Topical sections in reading order.
    pub sections: Vec<SectionPlan>,
}

impl Outline {
    /// The topical groups of paragraphs, as `analyze` reports them: the lede belongs to the
    /// first topic (the article sets it apart, without a heading, as layout, not as a topic).
    #[must_use]
    pub fn paragraph_groups(&self) -> Vec<Vec<usize>> {
        let mut groups: Vec<Vec<usize>> = self
            .sections
            .iter()
            .map(|s| s.paragraphs.clone().collect())
            .collect();
        if let Some(l) = self.lede {
            match groups.first_mut() {
                Some(first) => first.insert(0, l),
                None => groups.push(vec![l]),
            }
        }
        groups
    }
}

/// A paragraph's content stems (borrowed from the analysis) and how often each occurs.
type Vector<'a> = HashMap<&'a str, f64>;

fn paragraph_vector<'a>(doc: &Document, analysis: &'a Analysis, p: usize) -> Vector<'a> {
    let mut v = Vector::new();
    let Some(p) = doc.paragraphs.get(p) else {
        return v;
    };
    let toks = doc.sentences[p.sentences.clone()]
        .iter()
        .flat_map(|s| s.tokens.clone());
    for t in toks {
        let info = &analysis.tokens[t];
        if info.content() && info.stem().chars().count() >= 3 {
            *v.entry(info.stem().as_str()).or_insert(0.0) += 1.0;
        }
    }
    v
}

/// The similarity across the gap before each paragraph `i` (`i > 1`; 0 for the first two):
/// the stems of the two paragraphs before it (the lede aside) against the two from it on.
/// Only the paragraph vectors of the current window are held (four at most), not one a
/// paragraph of the document.
fn gap_similarities(doc: &Document, analysis: &Analysis) -> Vec<f64> {
    let n = doc.paragraphs.len();
    let mut sims = vec![0.0; n];
    let mut window: std::collections::VecDeque<(usize, Vector<'_>)> =
        std::collections::VecDeque::new();
    for (i, sim) in sims.iter_mut().enumerate().skip(2) {
        let (lo, hi) = (i.saturating_sub(2).max(1), (i + 2).min(n));
        while window.front().is_some_and(|(k, _)| *k < lo) {
            window.pop_front();
        }
        let mut next = window.back().map_or(lo, |(k, _)| k + 1);
        while next < hi {
            window.push_back((next, paragraph_vector(doc, analysis, next)));
            next += 1;
        }
        let mut left = Vector::new();
        let mut right = Vector::new();
        for (k, v) in &window {
            add(if *k < i { &mut left } else { &mut right }, v);
        }
        *sim = cosine(&left, &right);
    }
    sims
}

fn add<'a>(into: &mut Vector<'a>, v: &Vector<'a>) {
    for (k, x) in v {
        *into.entry(*k).or_insert(0.0) += x;
    }
}

fn cosine(a: &Vector, b: &Vector) -> f64 {
    let dot: f64 = a.iter().filter_map(|(k, x)| b.get(k).map(|y| x * y)).sum();
    let na: f64 = a.values().map(|x| x * x).sum::<f64>().sqrt();
    let nb: f64 = b.values().map(|x| x * x).sum::<f64>().sqrt();
    if na == 0.0 || nb == 0.0 {
        0.0
    } else {
        dot / (na * nb)
    }
}

/// Builds the outline.
#[must_use]
pub fn outline(doc: &Document, analysis: &Analysis) -> Outline {
    outline_with(doc, analysis, &[])
}

/// Builds the outline with forced boundaries: a section starts at each paragraph of `forced`
/// (where the source had its own subheading).
#[must_use]
pub fn outline_with(doc: &Document, analysis: &Analysis, forced: &[usize]) -> Outline {
    let n = doc.paragraphs.len();
    if n == 0 {
        return Outline {
            lede: None,
            sections: Vec::new(),
        };
    }
    let sims = gap_similarities(doc, analysis);
    let words: Vec<usize> = doc.paragraphs.iter().map(|p| p.words).collect();
    // The boundary threshold adapts to the document: a gap less similar than its usual gaps
    // (mean minus half a standard deviation, TextTiling's cut-off) is a topic shift.
    let gaps: Vec<f64> = sims.iter().skip(2).copied().collect();
    let tau = if gaps.is_empty() {
        0.0
    } else {
        let mean = gaps.iter().sum::<f64>() / gaps.len() as f64;
        let var = gaps.iter().map(|g| (g - mean).powi(2)).sum::<f64>() / gaps.len() as f64;
        mean - 0.5 * var.sqrt()
    };
    // The brief asks for subheadings: two sections at least when the body has two paragraphs.
    let need_two = n > 2;
    // best[j][c]: the least cost of segmenting paragraphs 1..j into c sections (c = 2 means
    // two or more); prev[j][c]: where the last section starts and the count before it.
    let mut best = vec![[f64::INFINITY; 3]; n + 1];
    let mut prev = vec![[(0usize, 0usize); 3]; n + 1];
    best[1][0] = 0.0;
    for j in 2..=n {
        let mut w = 0;
        for i in (1..j).rev() {
            if i + 1 < j && forced.contains(&(i + 1)) {
                break; // a section never runs across a source subheading
            }
            w += words[i];
            let len = j - i;
            if len > MAX_SECTION_PARAGRAPHS || (w > MAX_SECTION_WORDS && len > 1) {
                break;
            }
            let boundary = if i > 1 {
                BOUNDARY_WEIGHT * (sims[i] - tau)
            } else {
                0.0
            };
            let short = if w < SHORT_SECTION_WORDS {
                0.4 * (SHORT_SECTION_WORDS - w) as f64 / SHORT_SECTION_WORDS as f64
            } else {
                0.0
            };
            let single = if len == 1 && n > 5 { 0.15 } else { 0.0 };
            let own = boundary + short + single;
            for c in 0..3 {
                if !best[i][c].is_finite() {
                    continue;
                }
                let next = (c + 1).min(2);
                let cost = best[i][c] + own;
                if cost < best[j][next] {
                    best[j][next] = cost;
                    prev[j][next] = (i, c);
                }
            }
        }
    }
    // Two sections or more when the brief's subheadings need them (or when cheaper).
    let end_state = if (need_two && best[n][2].is_finite()) || best[n][2] < best[n][1] {
        2
    } else {
        1
    };
    let mut ranges = Vec::new();
    let (mut j, mut c) = (n, end_state);
    while j > 1 && c > 0 {
        let (i, before) = prev[j][c];
        let i = i.max(1);
        ranges.push(i..j);
        if i >= j {
            break;
        }
        j = i;
        c = before;
    }
    ranges.reverse();
    let sections = ranges
        .into_iter()
        .map(|r| {
            let words = r.clone().map(|k| words[k]).sum();
            let keyphrases = section_keyphrases(doc, analysis, &r);
            SectionPlan {
                paragraphs: r,
                words,
                keyphrases,
            }
        })
        .collect();
    Outline {
        lede: Some(0),
        sections,
    }
}

/// The keyphrases of a section, most distinctive first: in-section occurrences weighted by the
/// share of the phrase's occurrences that fall in the section.
fn section_keyphrases(doc: &Document, analysis: &Analysis, r: &Range<usize>) -> Vec<usize> {
    let Some(first) = doc.paragraphs.get(r.start) else {
        return Vec::new();
    };
    let Some(last) = doc.paragraphs.get(r.end - 1) else {
        return Vec::new();
    };
    let span = first.span.start..last.span.end;
    let mut scored: Vec<(usize, f64)> = analysis
        .keyphrases
        .iter()
        .enumerate()
        .filter_map(|(i, k)| {
            // occurrences are in reading order: two binary searches, not a scan
            let lo = k.occurrences.partition_point(|o| o.start < span.start);
            let hi = k.occurrences.partition_point(|o| o.start < span.end);
            let inside = hi - lo;
            (inside > 0).then(|| {
                let share = inside as f64 / k.occurrences.len() as f64;
                (
                    i,
                    inside as f64 * (0.5 + share) * (1.0 + 0.2 * k.words as f64) * k.score.sqrt(),
                )
            })
        })
        .collect();
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    scored.into_iter().map(|(i, _)| i).take(8).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::analyze;
    use crate::lang::{Lang, LanguagePack};

    #[test]
    fn gap_similarities_compare_two_paragraphs_a_side() {
        let pack = LanguagePack::load(Lang::Fr).expect("pack");
        let topics = [
            "La rivière Sernance déborde ; la crue inquiète les riverains.",
            "Le budget municipal prévoit une hausse des impôts.",
            "Le conseil municipal votera le budget en mars.",
            "La crue de la Sernance a noyé les caves du quartier.",
        ];
        let paragraphs: Vec<&str> = (0..9).map(|k| topics[k * 7 % 4]).collect();
        let doc = Document::build(&paragraphs, &pack);
        let a = analyze(&doc, None, &pack);
        let n = doc.paragraphs.len();
        // every paragraph's vector at once, and the gaps summed from them
        let all: Vec<Vector<'_>> = (0..n).map(|p| paragraph_vector(&doc, &a, p)).collect();
        let sum = |r: Range<usize>| {
            let mut v = Vector::new();
            for x in &all[r] {
                add(&mut v, x);
            }
            v
        };
        let expected: Vec<f64> = (0..n)
            .map(|i| {
                if i > 1 {
                    cosine(&sum(i.saturating_sub(2).max(1)..i), &sum(i..(i + 2).min(n)))
                } else {
                    0.0
                }
            })
            .collect();
        let got = gap_similarities(&doc, &a);
        assert_eq!(got, expected);
        assert!(got.iter().any(|s| *s > 0.0) && got.iter().any(|s| *s < 1.0));
    }

    #[test]
    fn sections_follow_topic_shifts_and_respect_limits() {
        let pack = LanguagePack::load(Lang::Fr).expect("pack");
        let mut paragraphs =
            vec!["Le chapeau de l’article présente les deux sujets du jour.".to_string()];
        for k in 0..4 {
            paragraphs.push(format!("La rivière Sernance déborde encore ; la crue de la rivière inquiète les riverains du quai {k}. La crue monte."));
        }
        for k in 0..4 {
            paragraphs.push(format!("Le budget municipal prévoit une hausse des impôts ; le budget divise le conseil municipal {k}. Le vote du budget approche."));
        }
        let doc = Document::build(&paragraphs, &pack);
        let a = analyze(&doc, None, &pack);
        let o = outline(&doc, &a);
        assert_eq!(o.lede, Some(0));
        let starts: Vec<usize> = o.sections.iter().map(|s| s.paragraphs.start).collect();
        assert!(
            starts.contains(&5),
            "a boundary at the topic shift: {starts:?}"
        );
        for s in &o.sections {
            assert!(s.words <= MAX_SECTION_WORDS);
        }
        // Every body paragraph is in exactly one section, in order.
        let flat: Vec<usize> = o
            .sections
            .iter()
            .flat_map(|s| s.paragraphs.clone())
            .collect();
        assert_eq!(flat, (1..9).collect::<Vec<_>>());
    }

    #[test]
    fn a_single_paragraph_is_only_a_lede() {
        let pack = LanguagePack::load(Lang::Fr).expect("pack");
        let doc = Document::build(&["Un seul paragraphe ici."], &pack);
        let a = analyze(&doc, None, &pack);
        let o = outline(&doc, &a);
        assert_eq!(o.lede, Some(0));
        assert!(o.sections.is_empty());
        assert_eq!(o.paragraph_groups(), vec![vec![0]]);
    }

    #[test]
    fn the_lede_joins_the_first_topic_in_the_groups() {
        let o = Outline {
            lede: Some(0),
            sections: vec![
                SectionPlan {
                    paragraphs: 1..3,
                    words: 100,
                    keyphrases: Vec::new(),
                },
                SectionPlan {
                    paragraphs: 3..4,
                    words: 80,
                    keyphrases: Vec::new(),
                },
            ],
        };
        assert_eq!(o.paragraph_groups(), vec![vec![0, 1, 2], vec![3]]);
    }
}
