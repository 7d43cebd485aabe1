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
use crate::search::DocHits;
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

/// A set of token positions (corpus-wide: a document's tokens follow the one before's).
struct Bits(Vec<u64>);

impl Bits {
    fn new(n: usize) -> Bits {
        Bits(vec![0; n / 64 + 1])
    }

    fn get(&self, i: u32) -> bool {
        self.0
            .get(i as usize / 64)
            .is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    fn set(&mut self, i: u32) {
        if let Some(w) = self.0.get_mut(i as usize / 64) {
            *w |= 1 << (i % 64);
        }
    }
}

/// One length's candidate n-grams: where they start (corpus-wide token positions, in
/// text order), which were counted and which repeat, and the groups of equal ones that
/// repeat (indices into `starts`).
struct Level {
    starts: Vec<u32>,
    counted: Bits,
    repeats: Bits,
    groups: Vec<Vec<u32>>,
}

impl Level {
    /// Whether the n-gram at `at` was counted, and if so whether it repeats.
    fn lookup(&self, at: u32) -> Option<bool> {
        self.counted.get(at).then(|| self.repeats.get(at))
    }
}

/// The repeated phrases of one document (`scope`) or of the corpus (`None`), or only those
/// that contain a whole hit of `containing` (a search's documents with their hits), most
/// frequent first (ties: longest first).
///
/// With hits, only the n-grams around them are looked at, so a rare word costs little in a
/// large corpus.
pub fn phrases(
    streams: &TokenStreams,
    scope: Option<usize>,
    containing: Option<&[DocHits]>,
    config: PhraseConfig,
) -> Vec<Phrase> {
    let max_len = config.max_len.clamp(MIN_LEN, MAX_LEN);
    let min_freq = config.min_freq.max(2);
    let in_scope = |doc: usize| doc < streams.docs.len() && scope.is_none_or(|s| s == doc);
    // Corpus-wide positions: document d's tokens start at offsets[d].
    let mut offsets = Vec::with_capacity(streams.docs.len() + 1);
    let mut total = 0u32;
    for d in &streams.docs {
        offsets.push(total);
        total = total.saturating_add(d.len() as u32);
    }
    offsets.push(total);
    let locate = |at: u32| -> (usize, usize) {
        let doc = offsets.partition_point(|&o| o <= at) - 1;
        (doc, (at - offsets[doc]) as usize)
    };
    let gram = |at: u32, n: usize| -> &[u32] {
        let (doc, i) = locate(at);
        &streams.docs[doc].terms[i..i + n]
    };
    // The documents with hits, in corpus order.
    let mut nodes: Vec<&DocHits> = containing
        .unwrap_or_default()
        .iter()
        .filter(|d| in_scope(d.doc))
        .collect();
    sort_by_u64(&mut nodes, |d| d.doc as u64);
    let mut levels: Vec<Level> = Vec::with_capacity(max_len + 1);
    for n in 0..=max_len {
        let mut starts: Vec<u32> = Vec::new();
        let mut counted = Bits::new(total as usize);
        if n < MIN_LEN {
            levels.push(Level {
                starts,
                repeats: Bits::new(0),
                counted,
                groups: Vec::new(),
            });
            continue;
        }
        let shorter = &levels[n - 1];
        if containing.is_some() {
            // Every n-gram that contains a whole hit and stays in its sentence, if the parts
            // one token shorter that were counted repeat. Hits come in text order, so the
            // starts do too.
            for node in &nodes {
                let tokens = &streams.docs[node.doc];
                let base = offsets[node.doc];
                for h in &node.hits {
                    let hit = tokens.covering(h.span);
                    if hit.is_empty() || hit.len() > n {
                        continue;
                    }
                    let sentence = tokens.sentence_of(hit.start);
                    let first = hit.end.saturating_sub(n).max(sentence.start);
                    for start in first..=hit.start {
                        let at = base + start as u32;
                        if start + n > sentence.end || counted.get(at) {
                            continue;
                        }
                        if n > MIN_LEN
                            && (shorter.lookup(at) == Some(false)
                                || shorter.lookup(at + 1) == Some(false))
                        {
                            continue;
                        }
                        counted.set(at);
                        starts.push(at);
                    }
                }
            }
        } else if n == MIN_LEN {
            // Every pair of words in a sentence of the scope.
            for doc in (0..streams.docs.len()).filter(|&d| in_scope(d)) {
                for sentence in streams.docs[doc].sentence_ranges() {
                    if sentence.len() >= n {
                        for i in sentence.start..=sentence.end - n {
                            let at = offsets[doc] + i as u32;
                            counted.set(at);
                            starts.push(at);
                        }
                    }
                }
            }
        } else {
            // Only where both parts one token shorter repeat.
            for (i, &at) in shorter.starts.iter().enumerate() {
                let next = shorter.starts.get(i + 1);
                if shorter.repeats.get(at) && next == Some(&(at + 1)) && shorter.repeats.get(at + 1)
                {
                    counted.set(at);
                    starts.push(at);
                }
            }
        }
        let mut candidates: Vec<(u64, u32)> = starts
            .iter()
            .enumerate()
            .map(|(i, &at)| (hash_terms(gram(at, n)), i as u32))
            .collect();
        sort_by_u64(&mut candidates, |c| c.0);
        let mut repeats = Bits::new(total as usize);
        let mut groups = Vec::new();
        let mut k = 0;
        while k < candidates.len() {
            let hash = candidates[k].0;
            let end = k + candidates[k..].iter().take_while(|c| c.0 == hash).count();
            for group in split_equal(|i| gram(starts[i as usize], n), &candidates[k..end]) {
                if group.len() >= min_freq as usize {
                    for &i in &group {
                        repeats.set(starts[i as usize]);
                    }
                    groups.push(group);
                }
            }
            k = end;
        }
        levels.push(Level {
            starts,
            counted,
            repeats,
            groups,
        });
    }
    let mut out = Vec::new();
    for n in MIN_LEN..=max_len {
        let level = &levels[n];
        for group in &level.groups {
            let alone = n == max_len
                || group.iter().any(|&i| {
                    // Neither phrase one token longer around it repeats (a phrase never
                    // spans two documents, so the one before a document's first token is
                    // never counted).
                    let at = level.starts[i as usize];
                    let longer = &levels[n + 1];
                    let right = longer.lookup(at) == Some(true);
                    let left = at > 0 && longer.lookup(at - 1) == Some(true);
                    !(left || right)
                });
            if !alone {
                continue;
            }
            let mut docs: Vec<usize> = group
                .iter()
                .map(|&i| locate(level.starts[i as usize]).0)
                .collect();
            docs.dedup();
            sort_by_u64(&mut docs, |&d| d as u64);
            docs.dedup();
            out.push(Phrase {
                terms: gram(level.starts[group[0] as usize], n).to_vec(),
                freq: group.len() as u32,
                range: docs.len() as u32,
            });
        }
    }
    sort_phrases(&mut out, PhraseColumn::Frequency, true);
    out
}

/// Phrases as CSV (`phrase,length,frequency,range`), in the order given.
pub fn to_csv(rows: &[Phrase], form: impl Fn(u32) -> String) -> String {
    let mut csv = crate::export::Csv::new("phrase,length,frequency,range");
    for p in rows {
        let words: Vec<String> = p.terms.iter().map(|&t| form(t)).collect();
        csv.text(&words.join(" "))
            .num(p.terms.len() as u64)
            .num(p.freq.into())
            .num(p.range.into())
            .end();
    }
    csv.finish()
}

/// A hash of a sequence of term ids (FxHash's mixing step); equal hashes are checked.
fn hash_terms(terms: &[u32]) -> u64 {
    let mut h = terms.len() as u64;
    for &t in terms {
        h = (h.rotate_left(5) ^ u64::from(t)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    h
}

/// Splits candidates with one hash (indices) into groups of equal n-grams (nearly always
/// one group), each in the candidates' order.
fn split_equal<'a>(gram: impl Fn(u32) -> &'a [u32], candidates: &[(u64, u32)]) -> Vec<Vec<u32>> {
    let mut groups: Vec<Vec<u32>> = Vec::new();
    let mut firsts: Vec<&[u32]> = Vec::new();
    for &(_, i) in candidates {
        let g = gram(i);
        match firsts.iter().position(|f| *f == g) {
            Some(k) => groups[k].push(i),
            None => {
                firsts.push(g);
                groups.push(vec![i]);
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
pub const TABLE_SIZE: usize = 1000;

/// A query with more hits than this in the corpus is answered from the phrase table:
/// counting around every hit of the commonest words ("the": 88,000 in 1.5 M words) takes
/// longer than a click should.
pub const TABLE_FOR_HITS: usize = 5000;

/// A list of phrases, and whether it holds only the corpus's most frequent ones.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PhraseList {
    pub rows: Vec<Phrase>,
    /// The list comes from the build's table of the corpus's most frequent phrases, and
    /// that table left some out.
    pub partial: bool,
}

impl crate::corpus::Corpus {
    /// The phrases of a document or of the corpus, or those containing a whole hit of
    /// `containing`: from the build's table where it has the answer (the whole corpus, or a
    /// very frequent query across it), counted otherwise.
    pub fn phrases(
        &self,
        scope: Option<usize>,
        containing: Option<&[DocHits]>,
        config: PhraseConfig,
    ) -> PhraseList {
        let table = self.word_data.phrases.get();
        let n_hits: usize = containing.map_or(0, |d| d.iter().map(|d| d.hits.len()).sum());
        // One document is the whole corpus.
        let whole = scope.is_none() || self.docs.len() == 1;
        let from_table =
            whole && config.max_len == MAX_LEN && (containing.is_none() || n_hits > TABLE_FOR_HITS);
        if !from_table {
            return PhraseList {
                rows: phrases(self.tokens(), scope, containing, config),
                partial: false,
            };
        }
        let streams = self.tokens();
        // The word sequences of the hits ("the", "united states").
        let mut wanted: Vec<&[u32]> = Vec::new();
        for DocHits { doc, hits, .. } in containing.unwrap_or_default() {
            let Some(tokens) = streams.docs.get(*doc) else {
                continue;
            };
            for h in hits {
                let seq = &tokens.terms[tokens.covering(h.span)];
                if !seq.is_empty() && !wanted.contains(&seq) {
                    wanted.push(seq);
                }
            }
        }
        let rows = table
            .phrases
            .iter()
            .filter(|p| p.freq >= config.min_freq)
            .filter(|p| {
                containing.is_none()
                    || wanted
                        .iter()
                        .any(|w| p.terms.windows(w.len()).any(|part| part == *w))
            })
            .cloned()
            .collect();
        PhraseList {
            rows,
            partial: table.truncated,
        }
    }
}

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
    use crate::testing::Streams;

    impl Streams {
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
    }

    /// `(texts, scope, containing word, config)` → the phrases as `(text, freq, range)`.
    fn check(
        texts: &[&str],
        scope: Option<usize>,
        containing: Option<&str>,
        config: PhraseConfig,
        expected: &[(&str, u32, u32)],
    ) {
        let f = Streams::of(texts);
        let nodes = containing.map(|w| crate::collocates::tests::doc_hits(&f.hits(w)));
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
        let f = Streams::of(&[&text]);
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
        let f = Streams::of(&[
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
    fn csv_export() {
        let f = Streams::of(&[
            "T\n\nThe cat sat on the mat. The cat sat on the hat. Look on the bright side.",
        ]);
        let rows = phrases(&f.streams, None, None, DEFAULT);
        assert_eq!(
            to_csv(&rows, |t| f.index.vocab.form(t).to_string()),
            "phrase,length,frequency,range\r\non the,2,3,1\r\nthe cat sat on the,5,2,1\r\n"
        );
    }

    #[test]
    fn the_table_keeps_the_most_frequent() {
        let f = Streams::of(&["T\n\nThe cat sat on the mat. The cat sat on the hat."]);
        let table = PhraseTable::build(&f.streams);
        assert_eq!(table.phrases.len(), 1);
        assert!(!table.truncated);
    }

    #[cfg(feature = "extract")]
    #[test]
    fn the_corpus_answers_from_its_table_or_by_counting() {
        use crate::corpus::Corpus;
        use crate::query::parse;
        let texts = [
            "One\n\nThe big dog barked. The big dog slept.",
            "Two\n\nA big dog ran. The big cat ran.",
        ];
        let corpus = Corpus::build(
            texts
                .iter()
                .enumerate()
                .map(|(i, t)| Document::parse(&format!("d{i}.txt"), t))
                .collect(),
        );
        let f = Streams::of(&texts);
        let show = |list: &PhraseList| f.show(&list.rows);
        // The whole corpus: the table, the same as counting.
        let all = corpus.phrases(None, None, DEFAULT);
        assert_eq!(
            show(&all),
            f.show(&phrases(&f.streams, None, None, DEFAULT))
        );
        assert!(!all.partial);
        // A query with few hits is counted; the table would give the same here.
        let dog = corpus.search(&parse("dog"));
        let counted = corpus.phrases(None, Some(&dog.docs), DEFAULT);
        assert_eq!(
            show(&counted),
            [
                ("big dog".to_string(), 3, 2),
                ("the big dog".to_string(), 2, 1)
            ]
        );
        // One document, and a longest length other than the table's: counted.
        let one = corpus.phrases(Some(0), None, DEFAULT);
        assert_eq!(show(&one), [("the big dog".to_string(), 2, 1)]);
    }

    #[cfg(feature = "extract")]
    #[test]
    fn a_very_frequent_query_is_answered_from_the_table() {
        use crate::corpus::Corpus;
        use crate::query::parse;
        // More hits of "the" than are counted one by one, in two documents.
        let sentence = "The cat saw the dog. ";
        let big = sentence.repeat(TABLE_FOR_HITS / 4 + 1);
        let corpus = Corpus::build(vec![
            Document::parse("a.txt", &format!("A\n\n{big}")),
            Document::parse("b.txt", &format!("B\n\n{big} A red hat. A red hat.")),
        ]);
        let the = corpus.search(&parse("the"));
        assert!(the.total_hits > TABLE_FOR_HITS);
        let list = corpus.phrases(None, Some(&the.docs), DEFAULT);
        let streams = corpus.tokens();
        let counted = phrases(streams, None, Some(&the.docs), DEFAULT);
        assert_eq!(list.rows, counted, "the table holds every phrase here");
        assert!(!list.partial);
        let words = |p: &Phrase| -> Vec<&str> {
            p.terms
                .iter()
                .map(|&t| corpus.index.vocab.form(t))
                .collect()
        };
        assert!(list.rows.iter().all(|p| words(p).contains(&"the")));
        assert!(corpus
            .phrases(None, None, DEFAULT)
            .rows
            .iter()
            .any(|p| words(p) == ["a", "red", "hat"]));
    }
}
