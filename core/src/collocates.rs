//! Collocates: the words that stand near the hits of a query (the node), with how often
//! they do and how strongly they are attracted to it, as AntConc's and Voyant's Collocates
//! tools list them.
//!
//! A node occurrence's window is the `window` tokens either side of it, cut at the edges of
//! its paragraph. A collocate's *observed* count is how often it stands in a window; where
//! the windows of nearby occurrences overlap, a token counts once (the windows' union is the
//! sample), so no collocate is seen more often than it occurs and the 2×2 table behind G² and
//! MI stays a table of counts. The statistics compare the observed count with the
//! collocate's frequency in the whole scope (see [`Cooccurrence`]).
//!
//! Worked example (`windows_counts_and_figures_by_hand` below): "Tiny text" (a title, its
//! own region) and "The cat sat on the mat. The cat ate the rat." are 13 tokens; the node
//! `cat` occurs twice, and its ±2 windows hold `the | sat on` and `mat the | ate the`: 7
//! tokens (the first window stops at the paragraph's start). "the" stands in them 3 times
//! and occurs 4 times in all: E = 7 × 4 / 13 = 2.1538, MI = log₂(3 / 2.1538) = 0.4780,
//! logDice = 14 + log₂(2 × 3 / (2 + 4)) = 14, and G² of the table [[3, 4], [1, 5]] is 1.0808.

use crate::measures::Cooccurrence;
use crate::order::{descending, sort_by_u64};
use crate::search::DocHits;
use crate::tokens::TokenStreams;

/// The widest window offered, in tokens either side.
pub const MAX_WINDOW: u32 = 20;

/// How the collocates are counted and which are listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CollocateConfig {
    /// Tokens either side of the node, 1 to [`MAX_WINDOW`].
    pub window: u32,
    /// The fewest co-occurrences a listed collocate has.
    pub min_freq: u32,
    /// Whether stopwords are listed.
    pub stopwords: bool,
}

impl Default for CollocateConfig {
    fn default() -> Self {
        CollocateConfig {
            window: 5,
            min_freq: 2,
            stopwords: false,
        }
    }
}

/// One collocate of the node.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Collocate {
    pub term: u32,
    /// Times it stands in a window of the node.
    pub observed: u32,
    /// Its tokens in the scope.
    pub frequency: u32,
    pub expected: f64,
    /// Signed: negative when the collocate stands near the node less often than expected
    /// (so that sorting by it puts repulsion last, not among the strongest attractions).
    pub log_likelihood: f64,
    pub mutual_information: f64,
    pub log_dice: f64,
}

/// The collocates of a node in a scope, and the counts behind their statistics.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Collocates {
    /// Node occurrences in the scope (hits that cover at least one token).
    pub node_freq: u32,
    /// Tokens in all the node's windows.
    pub window_tokens: u64,
    /// Tokens in the scope.
    pub n_tokens: u64,
    /// Every listed collocate, by log-likelihood, highest first.
    pub rows: Vec<Collocate>,
}

/// A column of the collocates table, to sort by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CollocateColumn {
    /// Alphabetically (term ids follow the sorted vocabulary).
    Term,
    Observed,
    Frequency,
    Expected,
    #[default]
    LogLikelihood,
    MutualInformation,
    LogDice,
}

impl CollocateColumn {
    pub const ALL: [CollocateColumn; 7] = [
        CollocateColumn::Term,
        CollocateColumn::Observed,
        CollocateColumn::Frequency,
        CollocateColumn::Expected,
        CollocateColumn::LogLikelihood,
        CollocateColumn::MutualInformation,
        CollocateColumn::LogDice,
    ];

    /// The column's name in the URL hash and the CSV header.
    pub fn id(self) -> &'static str {
        match self {
            CollocateColumn::Term => "term",
            CollocateColumn::Observed => "observed",
            CollocateColumn::Frequency => "frequency",
            CollocateColumn::Expected => "expected",
            CollocateColumn::LogLikelihood => "g2",
            CollocateColumn::MutualInformation => "mi",
            CollocateColumn::LogDice => "logdice",
        }
    }

    pub fn from_id(id: &str) -> Option<CollocateColumn> {
        CollocateColumn::ALL.into_iter().find(|c| c.id() == id)
    }
}

/// The collocates of the hits `nodes` (a search's documents with their hits), in one
/// document (`scope`) or in the whole corpus (`None`). `is_stop` tells stopwords.
pub fn collocates(
    streams: &TokenStreams,
    nodes: &[DocHits],
    scope: Option<usize>,
    config: CollocateConfig,
    is_stop: impl Fn(u32) -> bool,
) -> Collocates {
    let window = config.window.clamp(1, MAX_WINDOW) as usize;
    let mut observed = vec![0u32; streams.term_freq.len()];
    let mut seen: Vec<u32> = Vec::new();
    let mut out = Collocates::default();
    for DocHits { doc, hits, .. } in nodes {
        if scope.is_some_and(|s| s != *doc) {
            continue;
        }
        let Some(tokens) = streams.docs.get(*doc) else {
            continue;
        };
        // Hits come in text order: the tokens they cover and their regions are found by
        // walking forward, not searched for each hit.
        let (mut first, mut region_idx) = (0, 0);
        // Tokens before this are already counted: where two hits' windows overlap, a token
        // near both counts once, so no collocate is seen more often than it occurs (the
        // windows' union is the sample, as the 2×2 table of G² and MI needs).
        let mut counted_until = 0;
        let n_tokens = tokens.len();
        for hit in hits {
            while first < n_tokens && tokens.starts[first] < hit.span.start {
                first += 1;
            }
            let mut end = first;
            while end < n_tokens && tokens.starts[end] < hit.span.end {
                end += 1;
            }
            let node = first..end;
            if node.is_empty() {
                continue;
            }
            out.node_freq += 1;
            while tokens
                .regions
                .get(region_idx + 1)
                .is_some_and(|&r| r as usize <= node.start)
            {
                region_idx += 1;
            }
            let region_start = tokens.regions.get(region_idx).map_or(0, |&r| r as usize);
            let region_end = tokens
                .regions
                .get(region_idx + 1)
                .map_or(n_tokens, |&r| r as usize);
            let region = region_start.min(node.start)..region_end;
            let left = node
                .start
                .saturating_sub(window)
                .max(region.start)
                .max(counted_until)..node.start;
            let right = node.end.max(counted_until)..(node.end + window).min(region.end);
            counted_until = counted_until.max(right.end).max(node.end);
            for i in left.chain(right) {
                out.window_tokens += 1;
                let term = tokens.terms[i];
                if let Some(count) = observed.get_mut(term as usize) {
                    if *count == 0 {
                        seen.push(term);
                    }
                    *count += 1;
                }
            }
        }
    }
    let scope_freq;
    let frequency: &[u32] = match scope {
        Some(doc) => {
            scope_freq = streams.doc_term_freq(doc);
            &scope_freq
        }
        None => &streams.term_freq,
    };
    out.n_tokens = match scope {
        Some(doc) => streams.docs.get(doc).map_or(0, |d| d.len() as u64),
        None => streams.n_tokens,
    };
    for term in seen {
        let count = observed[term as usize];
        if count < config.min_freq.max(1) || (!config.stopwords && is_stop(term)) {
            continue;
        }
        let freq = frequency.get(term as usize).copied().unwrap_or(0);
        let c = Cooccurrence {
            observed: f64::from(count),
            window_tokens: out.window_tokens as f64,
            collocate_freq: f64::from(freq),
            node_freq: f64::from(out.node_freq),
            n_tokens: out.n_tokens as f64,
        };
        out.rows.push(Collocate {
            term,
            observed: count,
            frequency: freq,
            expected: c.expected(),
            log_likelihood: if f64::from(count) < c.expected() {
                -c.log_likelihood()
            } else {
                c.log_likelihood()
            },
            mutual_information: c.mutual_information(),
            log_dice: c.log_dice(),
        });
    }
    sort_collocates(&mut out.rows, CollocateColumn::LogLikelihood, true);
    out
}

/// Sorts collocates by a column, highest (or, for terms, first in the alphabet) first when
/// `descending`; ties by term.
pub fn sort_collocates(rows: &mut [Collocate], column: CollocateColumn, descending_order: bool) {
    sort_by_u64(rows, |r| u64::from(r.term));
    if column == CollocateColumn::Term {
        if !descending_order {
            rows.reverse();
        }
        return;
    }
    let value = |r: &Collocate| match column {
        CollocateColumn::Term => 0.0,
        CollocateColumn::Observed => f64::from(r.observed),
        CollocateColumn::Frequency => f64::from(r.frequency),
        CollocateColumn::Expected => r.expected,
        CollocateColumn::LogLikelihood => r.log_likelihood,
        CollocateColumn::MutualInformation => r.mutual_information,
        CollocateColumn::LogDice => r.log_dice,
    };
    sort_by_u64(rows, |r| {
        let key = descending(value(r));
        if descending_order {
            key
        } else {
            !key
        }
    });
}

/// Collocates as CSV (`collocate,observed,frequency,expected,g2,mi,logdice`), in the order
/// given.
pub fn to_csv(rows: &[Collocate], form: impl Fn(u32) -> String) -> String {
    let mut csv = crate::export::Csv::new("collocate,observed,frequency,expected,g2,mi,logdice");
    for r in rows {
        csv.text(&form(r.term))
            .num(r.observed.into())
            .num(r.frequency.into())
            .fixed(r.expected, 3)
            .fixed(r.log_likelihood, 3)
            .fixed(r.mutual_information, 3)
            .fixed(r.log_dice, 3)
            .end();
    }
    csv.finish()
}

/// The proximity query for a node and one of its collocates: `"node collocate"~window`,
/// with the node's words as the query gave them (see [`crate::query`]).
pub fn proximity_query(node_words: &[String], collocate: &str, window: u32) -> String {
    let mut words: Vec<&str> = node_words.iter().map(String::as_str).collect();
    words.push(collocate);
    format!("\"{}\"~{}", words.join(" "), window.clamp(1, MAX_WINDOW))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::search::Hit;
    use crate::span::Span;
    use crate::testing::Streams;

    /// Hits as a search gives them.
    pub fn doc_hits(per_doc: &[(usize, Vec<Span>)]) -> Vec<DocHits> {
        per_doc
            .iter()
            .map(|(doc, spans)| DocHits {
                doc: *doc,
                score: 0.0,
                hits: spans.iter().map(|&span| Hit { span }).collect(),
            })
            .collect()
    }

    impl Streams {
        fn run(&self, node: &str, scope: Option<usize>, config: CollocateConfig) -> Collocates {
            let nodes = doc_hits(&self.hits(node));
            let vocab = &self.index.vocab;
            collocates(&self.streams, &nodes, scope, config, |t| vocab.is_stop(t))
        }

        /// `(term, observed, frequency)` of each row, in the order given.
        fn rows(&self, c: &Collocates) -> Vec<(String, u32, u32)> {
            c.rows
                .iter()
                .map(|r| {
                    (
                        self.index.vocab.form(r.term).to_string(),
                        r.observed,
                        r.frequency,
                    )
                })
                .collect()
        }
    }

    const ALL: CollocateConfig = CollocateConfig {
        window: 2,
        min_freq: 1,
        stopwords: true,
    };

    /// The worked example. Title "Tiny text" (tokens 0–1, its own region), then one
    /// paragraph: the(2) cat(3) sat(4) on(5) the(6) mat(7). the(8) cat(9) ate(10) the(11)
    /// rat(12). N = 13 tokens.
    const TEXT: &str = "Tiny text\n\nThe cat sat on the mat. The cat ate the rat.";

    #[test]
    fn windows_counts_and_figures_by_hand() {
        let f = Streams::of(&[TEXT]);
        let c = f.run("cat", None, ALL);
        // Windows of ±2 around cat(3): the(2) — token 1 is in the title — and sat on;
        // around cat(9): mat the(8) and ate the(11). 3 + 4 = 7 window tokens.
        assert_eq!((c.node_freq, c.window_tokens, c.n_tokens), (2, 7, 13));
        let mut rows = f.rows(&c);
        rows.sort();
        assert_eq!(
            rows,
            [
                ("ate".into(), 1, 1),
                ("mat".into(), 1, 1),
                ("on".into(), 1, 1),
                ("sat".into(), 1, 1),
                ("the".into(), 3, 4),
            ]
        );
        // "the": O = 3, f = 4, E = 7 × 4 / 13 = 2.153846; MI = log₂(3 / 2.153846) = 0.478047;
        // logDice = 14 + log₂(2 × 3 / (2 + 4)) = 14. G² of [[3, 4], [1, 5]] (in a window or
        // not × "the" or another word): E = 2.153846, 4.846154, 1.846154, 4.153846, and
        // 2 (3 ln(3/2.153846) + 4 ln(4/4.846154) + 1 ln(1/1.846154) + 5 ln(5/4.153846))
        //   = 2 (0.994071 − 0.767564 − 0.613104 + 0.927016) = 1.080838 (scipy: 1.0808380).
        let the = c
            .rows
            .iter()
            .find(|r| f.index.vocab.form(r.term) == "the")
            .unwrap();
        assert!((the.expected - 28.0 / 13.0).abs() < 1e-12);
        assert!((the.mutual_information - 0.478_047_1).abs() < 1e-6);
        assert!((the.log_dice - 14.0).abs() < 1e-12);
        assert!(
            (the.log_likelihood - 1.080_838_04).abs() < 1e-7,
            "{}",
            the.log_likelihood
        );
        // "ate": O = 1, f = 1, E = 7/13; MI = log₂(13/7) = 0.893085; logDice = 14 +
        // log₂(2/3) = 13.415037.
        let ate = c
            .rows
            .iter()
            .find(|r| f.index.vocab.form(r.term) == "ate")
            .unwrap();
        assert!((ate.mutual_information - 0.893_084_7).abs() < 1e-6);
        assert!((ate.log_dice - 13.415_037_5).abs() < 1e-6);
    }

    #[test]
    fn g2_is_negative_for_a_collocate_seen_less_than_expected() {
        // "the" is 9 of 13 tokens; the window of the node "x" (at its paragraph's start)
        // holds "y the": O = 1 against E = 2 × 9 / 13 = 1.38.
        let f = Streams::of(&["T\n\nthe the the the the the the the\n\nx y the z"]);
        let c = f.run("x", None, ALL);
        let the = c
            .rows
            .iter()
            .find(|r| f.index.vocab.form(r.term) == "the")
            .unwrap();
        assert!(f64::from(the.observed) < the.expected);
        assert!(the.log_likelihood < 0.0 && the.mutual_information < 0.0);
        assert_eq!(f.rows(&c).last().unwrap().0, "the", "repulsion sorts last");
    }

    #[test]
    fn min_freq_stopwords_and_window() {
        let f = Streams::of(&[TEXT]);
        let check = |config: CollocateConfig, expected: &[&str]| {
            let c = f.run("cat", None, config);
            let mut got: Vec<String> = f.rows(&c).into_iter().map(|r| r.0).collect();
            got.sort();
            assert_eq!(got, expected, "{config:?}");
        };
        check(ALL, &["ate", "mat", "on", "sat", "the"]);
        check(CollocateConfig { min_freq: 2, ..ALL }, &["the"]);
        check(
            CollocateConfig {
                stopwords: false,
                ..ALL
            },
            &["ate", "mat", "sat"],
        );
        // ±1: the sat | the ate.
        check(CollocateConfig { window: 1, ..ALL }, &["ate", "sat", "the"]);
        // A window of 0 is read as 1, one of 99 as the widest.
        check(CollocateConfig { window: 0, ..ALL }, &["ate", "sat", "the"]);
        // ±20 (the widest) from both cats covers the paragraph: each of its tokens but the
        // first cat counts once, the second cat in the first one's window included.
        let wide = f.run("cat", None, CollocateConfig { window: 99, ..ALL });
        assert_eq!(wide.window_tokens, 11 - 1);
        let rows = f.rows(&wide);
        assert!(
            rows.iter().all(|r| r.1 <= r.2),
            "observed ≤ frequency: {rows:?}"
        );
    }

    #[test]
    fn overlapping_windows_count_a_token_once() {
        // Found by the property test: "s", "SA" and "a" are all near both hits of `s*`; each
        // counts once, so "a" is not seen twice when it occurs once.
        let f = Streams::of(&["Title\n\ns \"SA;a"]);
        // The hits of `s*`: "s" and "SA", in text order.
        let mut spans: Vec<Span> = ["s", "sa"]
            .iter()
            .flat_map(|w| f.hits(w).remove(0).1)
            .collect();
        spans.sort_by_key(|s| s.start);
        let vocab = &f.index.vocab;
        let c = collocates(&f.streams, &doc_hits(&[(0, spans)]), None, ALL, |t| {
            vocab.is_stop(t)
        });
        assert_eq!(c.node_freq, 2);
        let mut rows = f.rows(&c);
        rows.sort();
        assert_eq!(rows, [("a".to_string(), 1, 1), ("sa".to_string(), 1, 1)]);
        assert_eq!(c.window_tokens, 2);
    }

    #[test]
    fn scope_is_one_document_or_the_corpus() {
        let f = Streams::of(&[TEXT, "Other\n\nA cat and a dog. The dog ran."]);
        let corpus = f.run("cat", None, ALL);
        assert_eq!(corpus.node_freq, 3);
        assert_eq!(corpus.n_tokens, 13 + 9);
        let one = f.run("cat", Some(1), ALL);
        assert_eq!((one.node_freq, one.n_tokens), (1, 9));
        let mut rows = f.rows(&one);
        rows.sort();
        // other(0) | a(1) cat(2) and(3) a(4) dog(5) the(6) dog(7) ran(8): ±2 around cat
        // holds a | and a (the title is a region of its own).
        assert_eq!(rows, [("a".into(), 2, 2), ("and".into(), 1, 1),]);
        assert_eq!(f.run("cat", Some(5), ALL), Collocates::default());
    }

    #[test]
    fn a_phrase_node_has_windows_around_the_whole_phrase() {
        let f = Streams::of(&[TEXT]);
        let text = &f.docs[0].text;
        let spans: Vec<Span> = text
            .match_indices("The cat")
            .map(|(at, s)| Span::checked(text, at, at + s.len()).unwrap())
            .collect();
        let nodes = doc_hits(&[(0, spans)]);
        let c = collocates(&f.streams, &nodes, None, ALL, |_| false);
        // the cat(2–3): sat on; the cat(8–9): mat ate the.
        assert_eq!((c.node_freq, c.window_tokens), (2, 6));
        let mut rows = f.rows(&c);
        rows.sort();
        assert_eq!(
            rows.iter().map(|r| r.0.as_str()).collect::<Vec<_>>(),
            ["ate", "mat", "on", "sat", "the"]
        );
    }

    #[test]
    fn sorting_by_any_column() {
        let f = Streams::of(&[TEXT]);
        let mut rows = f.run("cat", None, ALL).rows;
        let order = |rows: &[Collocate]| -> Vec<String> {
            rows.iter()
                .map(|r| f.index.vocab.form(r.term).to_string())
                .collect()
        };
        // By G² first: 1.3093 for each word seen once (its one occurrence is in a window),
        // 1.0808 for "the".
        assert_eq!(order(&rows), ["ate", "mat", "on", "sat", "the"]);
        sort_collocates(&mut rows, CollocateColumn::Term, true);
        assert_eq!(order(&rows), ["ate", "mat", "on", "sat", "the"]);
        sort_collocates(&mut rows, CollocateColumn::Term, false);
        assert_eq!(order(&rows), ["the", "sat", "on", "mat", "ate"]);
        sort_collocates(&mut rows, CollocateColumn::Observed, true);
        assert_eq!(order(&rows), ["the", "ate", "mat", "on", "sat"]);
        // Lowest first: "the" (0.48), then the four with 0.89, by term.
        sort_collocates(&mut rows, CollocateColumn::MutualInformation, false);
        assert_eq!(order(&rows), ["the", "ate", "mat", "on", "sat"]);
        for column in CollocateColumn::ALL {
            assert_eq!(CollocateColumn::from_id(column.id()), Some(column));
        }
        assert_eq!(CollocateColumn::from_id("zzz"), None);
    }

    #[test]
    fn csv_export() {
        let f = Streams::of(&[TEXT]);
        let mut rows = f.run("cat", None, ALL).rows;
        sort_collocates(&mut rows, CollocateColumn::Observed, true);
        let csv = to_csv(&rows[..2], |t| f.index.vocab.form(t).to_string());
        assert_eq!(
            csv,
            "collocate,observed,frequency,expected,g2,mi,logdice\r\n\
             the,3,4,2.154,1.081,0.478,14.000\r\n\
             ate,1,1,0.538,1.309,0.893,13.415\r\n"
        );
    }

    #[test]
    fn proximity_queries() {
        let node = |w: &[&str]| w.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            proximity_query(&node(&["nato"]), "said", 5),
            "\"nato said\"~5"
        );
        assert_eq!(
            proximity_query(&node(&["cold", "war"]), "end", 50),
            "\"cold war end\"~20"
        );
    }
}
