//! Phrases (clusters, n-grams): word sequences of 2 to 6 tokens that repeat, with how often
//! they occur and in how many documents, as Voyant's Phrases and AntConc's Clusters list
//! them. A phrase never crosses a sentence.
//!
//! **Longest first.** A phrase is listed only if it occurs at least once on its own, outside
//! every longer repeated phrase: "united nations security council" hides "nations security"
//! when that never occurs elsewhere. An occurrence is inside a longer repeated phrase exactly
//! when one of the two phrases one token longer that contain it (one more token on the
//! left or on the right) repeats, since every part of a repeated phrase repeats too. So the
//! sequences are counted by length, shortest first (only those whose parts repeat can
//! repeat), and each occurrence is then checked against the next length. Phrases of the
//! longest length are listed whenever they repeat.
//!
//! Worked example (the first test): in "the cat sat on the mat. the cat sat on the hat."
//! "the cat sat on the" occurs twice and is listed; "the cat", "cat sat on" and its other
//! parts occur only inside it and are not; "on the" occurs twice too, but only inside it.

use crate::order::{descending, sort_by_u64};
use crate::span::Span;
use crate::tokens::TokenStreams;
use serde::{Deserialize, Serialize};

/// The shortest and longest phrases counted, in tokens.
pub const MIN_LEN: usize = 2;
pub const MAX_LEN: usize = 6;

/// Which phrases are listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PhraseConfig {
    /// The fewest occurrences a listed phrase has (at least 2: a phrase repeats).
    pub min_freq: u32,
    /// The longest phrase counted, `MIN_LEN..=MAX_LEN`.
    pub max_len: usize,
}

impl Default for PhraseConfig {
    fn default() -> Self {
        PhraseConfig {
            min_freq: 2,
            max_len: MAX_LEN,
        }
    }
}

/// A repeated phrase.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phrase {
    /// Its words' term ids.
    pub terms: Vec<u32>,
    /// Occurrences in the scope.
    pub freq: u32,
    /// Documents it occurs in.
    pub range: u32,
}

/// A column of the phrases table, to sort by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PhraseColumn {
    /// Alphabetically, word by word.
    Phrase,
    #[default]
    Frequency,
    Range,
    Length,
}

impl PhraseColumn {
    pub const ALL: [PhraseColumn; 4] = [
        PhraseColumn::Phrase,
        PhraseColumn::Frequency,
        PhraseColumn::Range,
        PhraseColumn::Length,
    ];

    pub fn id(self) -> &'static str {
        match self {
            PhraseColumn::Phrase => "phrase",
            PhraseColumn::Frequency => "frequency",
            PhraseColumn::Range => "range",
            PhraseColumn::Length => "length",
        }
    }

    pub fn from_id(id: &str) -> Option<PhraseColumn> {
        PhraseColumn::ALL.into_iter().find(|c| c.id() == id)
    }
}

/// Sorts phrases by a column, highest (or first in the alphabet) first when
/// `descending_order`; ties by frequency, then length (longest first), then alphabetically.
pub fn sort_phrases(rows: &mut [Phrase], column: PhraseColumn, descending_order: bool) {
    // Alphabetically: term ids follow the sorted vocabulary, so sorting by each word in turn,
    // the last first, orders the phrases word by word (a shorter phrase before its
    // continuations).
    for k in (0..MAX_LEN).rev() {
        sort_by_u64(rows, |p| p.terms.get(k).map_or(0, |&t| u64::from(t) + 1));
    }
    if column == PhraseColumn::Phrase {
        if !descending_order {
            rows.reverse();
        }
        return;
    }
    // Frequency (24 bits are plenty for a tie-break), then length.
    sort_by_u64(rows, |p| {
        u64::MAX - ((u64::from(p.freq.min(0xFF_FFFF)) << 8) | p.terms.len() as u64)
    });
    let key = |p: &Phrase| match column {
        PhraseColumn::Phrase | PhraseColumn::Frequency => p.freq as usize,
        PhraseColumn::Range => p.range as usize,
        PhraseColumn::Length => p.terms.len(),
    };
    sort_by_u64(rows, |p| {
        let k = descending(key(p) as f64);
        if descending_order {
            k
        } else {
            !k
        }
    });
}

/// Per document, which n-gram starts are counted (`None`: all of them).
type Allowed = Option<Vec<Vec<bool>>>;

/// The repeated phrases of one document (`scope`) or of the corpus (`None`), or only those
/// that contain a whole hit of `containing` (per document index, its hits), most frequent
/// first (ties: longest first).
pub fn phrases(
    streams: &TokenStreams,
    scope: Option<usize>,
    containing: Option<&[(usize, &[Span])]>,
    config: PhraseConfig,
) -> Vec<Phrase> {
    let max_len = config.max_len.clamp(MIN_LEN, MAX_LEN);
    let min_freq = config.min_freq.max(2);
    let docs: Vec<usize> = match scope {
        Some(d) if d < streams.docs.len() => vec![d],
        Some(_) => Vec::new(),
        None => (0..streams.docs.len()).collect(),
    };
    // allowed[n][doc][i]: the n-gram at token i contains a whole hit.
    let allowed: Vec<Allowed> = (0..=max_len)
        .map(|n| {
            let hits = containing?;
            let mut per_doc: Vec<Vec<bool>> = streams
                .docs
                .iter()
                .map(|d| {
                    if n >= MIN_LEN {
                        vec![false; d.len()]
                    } else {
                        Vec::new()
                    }
                })
                .collect();
            for &(doc, spans) in hits {
                let (Some(tokens), Some(marks)) = (streams.docs.get(doc), per_doc.get_mut(doc))
                else {
                    continue;
                };
                for &span in spans {
                    let hit = tokens.covering(span);
                    if hit.is_empty() || hit.len() > n {
                        continue;
                    }
                    for start in hit.end.saturating_sub(n)..=hit.start {
                        if let Some(m) = marks.get_mut(start) {
                            *m = true;
                        }
                    }
                }
            }
            Some(per_doc)
        })
        .collect();
    let is_allowed = |n: usize, doc: usize, i: usize| match &allowed[n] {
        None => true,
        Some(per_doc) => per_doc[doc].get(i).copied().unwrap_or(false),
    };
    // repeated[n][doc][i]: the n-gram at token i occurs at least `min_freq` times.
    let mut repeated: Vec<Vec<Vec<bool>>> = vec![Vec::new(); max_len + 1];
    // Per length, the groups of equal n-grams that repeat: their occurrences (doc, start).
    let mut groups: Vec<Vec<Vec<(u32, u32)>>> = vec![Vec::new(); max_len + 1];
    for n in MIN_LEN..=max_len {
        let mut candidates: Vec<(u64, u32, u32)> = Vec::new();
        for &doc in &docs {
            let tokens = &streams.docs[doc];
            for sentence in tokens.sentence_ranges() {
                if sentence.len() < n {
                    continue;
                }
                for i in sentence.start..=sentence.end - n {
                    if !is_allowed(n, doc, i) {
                        continue;
                    }
                    // Both parts one token shorter must repeat (when they were counted).
                    if n > MIN_LEN {
                        let shorter = &repeated[n - 1][doc];
                        let part_fails = |at: usize| is_allowed(n - 1, doc, at) && !shorter[at];
                        if part_fails(i) || part_fails(i + 1) {
                            continue;
                        }
                    }
                    let hash = hash_terms(&tokens.terms[i..i + n]);
                    candidates.push((hash, doc as u32, i as u32));
                }
            }
        }
        sort_by_u64(&mut candidates, |c| c.0);
        let mut marks: Vec<Vec<bool>> = streams.docs.iter().map(|d| vec![false; d.len()]).collect();
        let mut at = 0;
        while at < candidates.len() {
            let hash = candidates[at].0;
            let end = at + candidates[at..].iter().take_while(|c| c.0 == hash).count();
            for group in split_equal(streams, n, &candidates[at..end]) {
                if group.len() >= min_freq as usize {
                    for &(doc, i) in &group {
                        marks[doc as usize][i as usize] = true;
                    }
                    groups[n].push(group);
                }
            }
            at = end;
        }
        repeated[n] = marks;
    }
    let mut out = Vec::new();
    for n in MIN_LEN..=max_len {
        for group in &groups[n] {
            let alone = n == max_len
                || group.iter().any(|&(doc, i)| {
                    let longer = &repeated[n + 1][doc as usize];
                    let i = i as usize;
                    // Neither phrase one token longer around it repeats.
                    let inside = longer[i] || (i > 0 && longer[i - 1]);
                    !inside
                });
            if !alone {
                continue;
            }
            let (doc, i) = group[0];
            let terms = streams.docs[doc as usize].terms[i as usize..i as usize + n].to_vec();
            let mut range = 0;
            let mut last = None;
            for &(doc, _) in group {
                if last != Some(doc) {
                    range += 1;
                    last = Some(doc);
                }
            }
            out.push(Phrase {
                terms,
                freq: group.len() as u32,
                range,
            });
        }
    }
    sort_phrases(&mut out, PhraseColumn::Frequency, true);
    out
}

/// A hash of a sequence of term ids (FxHash's mixing step); equal hashes are checked.
fn hash_terms(terms: &[u32]) -> u64 {
    let mut h = terms.len() as u64;
    for &t in terms {
        h = (h.rotate_left(5) ^ u64::from(t)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    h
}

/// Splits candidates with one hash into groups of equal n-grams (nearly always one group),
/// each in (document, position) order.
fn split_equal(
    streams: &TokenStreams,
    n: usize,
    candidates: &[(u64, u32, u32)],
) -> Vec<Vec<(u32, u32)>> {
    let gram = |&(_, doc, i): &(u64, u32, u32)| {
        &streams.docs[doc as usize].terms[i as usize..i as usize + n]
    };
    let mut groups: Vec<Vec<(u32, u32)>> = Vec::new();
    let mut firsts: Vec<&[u32]> = Vec::new();
    for c in candidates {
        let g = gram(c);
        match firsts.iter().position(|f| *f == g) {
            Some(k) => groups[k].push((c.1, c.2)),
            None => {
                firsts.push(g);
                groups.push(vec![(c.1, c.2)]);
            }
        }
    }
    groups
}

/// The phrases of a whole corpus, counted at build time (the page embeds the most frequent
/// ones: counting a large corpus takes longer than a click should).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhraseTable {
    pub phrases: Vec<Phrase>,
    /// Whether phrases were left out (only the most frequent are kept).
    pub truncated: bool,
}

/// How many corpus phrases the page embeds.
pub const TABLE_SIZE: usize = 500;

impl PhraseTable {
    pub fn build(streams: &TokenStreams) -> PhraseTable {
        let mut phrases = phrases(streams, None, None, PhraseConfig::default());
        let truncated = phrases.len() > TABLE_SIZE;
        phrases.truncate(TABLE_SIZE);
        PhraseTable { phrases, truncated }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::index::Index;
    use crate::tokens::sentence_starts;

    struct Fixture {
        docs: Vec<Document>,
        index: Index,
        streams: TokenStreams,
    }

    fn fixture(texts: &[&str]) -> Fixture {
        let docs: Vec<Document> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Document::parse(&format!("d{i}.txt"), t))
            .collect();
        let built = Index::build(&docs);
        let sentences: Vec<Vec<u32>> = docs
            .iter()
            .zip(&built.tokens)
            .map(|(d, t)| sentence_starts(d, t))
            .collect();
        let streams = TokenStreams::from_tokens(&built.tokens, &sentences, built.index.vocab.len());
        Fixture {
            docs,
            index: built.index,
            streams,
        }
    }

    impl Fixture {
        fn show(&self, phrases: &[Phrase]) -> Vec<(String, u32, u32)> {
            phrases
                .iter()
                .map(|p| {
                    let words: Vec<&str> =
                        p.terms.iter().map(|&t| self.index.vocab.form(t)).collect();
                    (words.join(" "), p.freq, p.range)
                })
                .collect()
        }

        /// Every occurrence of a word in the text, as hits.
        fn hits_of(&self, word: &str) -> Vec<(usize, Vec<Span>)> {
            let term = self.index.vocab.id(word).expect("in the vocabulary");
            self.index
                .occurrences(term)
                .into_iter()
                .map(|(d, s)| (d as usize, s))
                .collect()
        }
    }

    /// `(texts, scope, containing word, config)` → the phrases as `(text, freq, range)`.
    fn check(
        texts: &[&str],
        scope: Option<usize>,
        containing: Option<&str>,
        config: PhraseConfig,
        expected: &[(&str, u32, u32)],
    ) {
        let f = fixture(texts);
        let hits = containing.map(|w| f.hits_of(w));
        let nodes: Option<Vec<(usize, &[Span])>> = hits
            .as_ref()
            .map(|h| h.iter().map(|(d, s)| (*d, s.as_slice())).collect());
        let got = f.show(&phrases(&f.streams, scope, nodes.as_deref(), config));
        let expected: Vec<(String, u32, u32)> = expected
            .iter()
            .map(|(t, n, r)| (t.to_string(), *n, *r))
            .collect();
        assert_eq!(got, expected, "{texts:?} {containing:?}");
        assert!(!f.docs.is_empty());
    }

    const DEFAULT: PhraseConfig = PhraseConfig {
        min_freq: 2,
        max_len: MAX_LEN,
    };

    #[test]
    fn longest_first_hides_parts_that_never_occur_alone() {
        // The worked example of the module documentation.
        check(
            &["T\n\nThe cat sat on the mat. The cat sat on the hat."],
            None,
            None,
            DEFAULT,
            &[("the cat sat on the", 2, 1)],
        );
        // "on the" also occurs alone once: listed, with all three occurrences.
        check(
            &["T\n\nThe cat sat on the mat. The cat sat on the hat. Look on the bright side."],
            None,
            None,
            DEFAULT,
            &[("on the", 3, 1), ("the cat sat on the", 2, 1)],
        );
    }

    #[test]
    fn phrases_stay_in_sentences_and_paragraphs() {
        // "mat the" and "mat. The" would be across a sentence end.
        check(
            &["T\n\nA red mat. The end. A red mat. The end."],
            None,
            None,
            DEFAULT,
            &[("a red mat", 2, 1), ("the end", 2, 1)],
        );
        check(
            &["T\n\nred mat\n\nred mat"],
            None,
            None,
            DEFAULT,
            &[("red mat", 2, 1)],
        );
        check(&["red\n\nmat red\n\nmat"], None, None, DEFAULT, &[]);
    }

    #[test]
    fn frequency_range_and_scope() {
        let texts = [
            "One\n\nThe big dog barked. The big dog slept.",
            "Two\n\nA big dog ran. The big cat ran.",
        ];
        check(
            &texts,
            None,
            None,
            DEFAULT,
            &[("big dog", 3, 2), ("the big", 3, 2), ("the big dog", 2, 1)],
        );
        check(&texts, Some(0), None, DEFAULT, &[("the big dog", 2, 1)]);
        check(&texts, Some(1), None, DEFAULT, &[]);
        check(&texts, Some(9), None, DEFAULT, &[]);
        check(
            &texts,
            None,
            None,
            PhraseConfig {
                min_freq: 3,
                ..DEFAULT
            },
            &[("big dog", 3, 2), ("the big", 3, 2)],
        );
        // Counted up to two words, "the big dog" is not seen: its parts are listed alone.
        check(
            &texts,
            None,
            None,
            PhraseConfig {
                max_len: 2,
                ..DEFAULT
            },
            &[("big dog", 3, 2), ("the big", 3, 2)],
        );
    }

    #[test]
    fn only_phrases_containing_the_hits() {
        let texts = [
            "One\n\nThe big dog barked. The big dog slept.",
            "Two\n\nA big dog ran. The big cat ran.",
        ];
        check(
            &texts,
            None,
            Some("dog"),
            DEFAULT,
            &[("big dog", 3, 2), ("the big dog", 2, 1)],
        );
        check(&texts, None, Some("cat"), DEFAULT, &[]);
        check(
            &texts,
            Some(0),
            Some("the"),
            DEFAULT,
            &[("the big dog", 2, 1)],
        );
    }

    #[test]
    fn six_words_at_most() {
        let sentence = "one two three four five six seven eight";
        let text = format!("T\n\n{sentence}. {sentence}.");
        let f = fixture(&[&text]);
        let got = f.show(&phrases(&f.streams, None, None, DEFAULT));
        // The repeated eight words give their three 6-word parts, nothing shorter.
        assert_eq!(
            got,
            [
                ("one two three four five six".to_string(), 2, 1),
                ("three four five six seven eight".to_string(), 2, 1),
                ("two three four five six seven".to_string(), 2, 1),
            ]
        );
    }

    #[test]
    fn sorting() {
        let f = fixture(&[
            "One\n\nThe big dog barked. The big dog slept.",
            "Two\n\nA big dog ran. The big cat ran.",
        ]);
        let mut rows = phrases(&f.streams, None, None, DEFAULT);
        let texts =
            |rows: &[Phrase]| -> Vec<String> { f.show(rows).into_iter().map(|r| r.0).collect() };
        sort_phrases(&mut rows, PhraseColumn::Length, true);
        assert_eq!(texts(&rows), ["the big dog", "big dog", "the big"]);
        sort_phrases(&mut rows, PhraseColumn::Frequency, false);
        assert_eq!(texts(&rows), ["the big dog", "big dog", "the big"]);
        sort_phrases(&mut rows, PhraseColumn::Range, true);
        assert_eq!(texts(&rows), ["big dog", "the big", "the big dog"]);
        sort_phrases(&mut rows, PhraseColumn::Phrase, false);
        assert_eq!(texts(&rows), ["the big dog", "the big", "big dog"]);
        for c in PhraseColumn::ALL {
            assert_eq!(PhraseColumn::from_id(c.id()), Some(c));
        }
    }

    #[test]
    fn the_table_keeps_the_most_frequent() {
        let f = fixture(&["T\n\nThe cat sat on the mat. The cat sat on the hat."]);
        let table = PhraseTable::build(&f.streams);
        assert_eq!(table.phrases.len(), 1);
        assert!(!table.truncated);
    }
}
