//! Term statistics: counts and rates of terms and bigrams, dispersion, and summary figures.

use crate::document::Document;
use crate::index::{get_varint, put_varint, units, Blob, Token, Unit, Vocab};
use crate::order::sort_by_u64;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::OnceLock;

/// Silent reading speed for non-fiction, words per minute (Brysbaert 2019, a meta-analysis
/// of 190 studies: 238 wpm).
pub const WORDS_PER_MINUTE: f64 = 238.0;

/// How many bigrams are kept per list.
pub const TOP_BIGRAMS: usize = 100;

/// Statistics of one document or of the whole corpus.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    /// Words, counting a hyphenated compound ("Asia-Pacific") as one.
    pub words: u32,
    /// Distinct word forms.
    pub unique: u32,
    /// Words that are not stopwords.
    pub content_words: u32,
    pub sentences: u32,
    /// Every term with its count; see `terms()`.
    pub term_counts: TermCounts,
    /// Most frequent adjacent pairs within a sentence, most frequent first.
    pub bigrams: Vec<Bigram>,
    /// The same, for pairs where neither word is a stopword or a number.
    pub content_bigrams: Vec<Bigram>,
}

/// Term counts, embedded compactly (sorted by term id: id gaps and counts as varints) and
/// decoded on first use, so start-up pays nothing for documents nobody opens.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TermCounts {
    encoded: Blob,
    #[serde(skip)]
    decoded: OnceLock<Vec<(u32, u32)>>,
}

impl TermCounts {
    fn new(counts: &HashMap<u32, u32>) -> TermCounts {
        let mut by_id: Vec<(u32, u32)> = counts.iter().map(|(&t, &c)| (t, c)).collect();
        by_id.sort_unstable();
        let mut encoded = Vec::with_capacity(by_id.len() * 3);
        let mut prev = 0;
        for (t, c) in by_id {
            put_varint(&mut encoded, t - prev);
            put_varint(&mut encoded, c);
            prev = t;
        }
        TermCounts {
            encoded: Blob(encoded),
            decoded: OnceLock::new(),
        }
    }

    /// Every term with its count, most frequent first (ties in term id order, which is
    /// alphabetical).
    pub fn get(&self) -> &[(u32, u32)] {
        self.decoded.get_or_init(|| {
            let bytes = &self.encoded.0;
            let mut out = Vec::new();
            let (mut at, mut term) = (0, 0);
            while at < bytes.len() {
                term += get_varint(bytes, &mut at);
                out.push((term, get_varint(bytes, &mut at)));
            }
            // Most frequent first; ties stay in term id order (the order decoded).
            sort_by_u64(&mut out, |&(_, count)| u64::from(u32::MAX - count));
            out
        })
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bigram {
    pub first: u32,
    pub second: u32,
    pub count: u32,
}

impl Stats {
    /// Share of words that are content words (Ure's lexical density), 0 to 1.
    pub fn lexical_density(&self) -> f64 {
        ratio(self.content_words, self.words)
    }

    /// Distinct forms per word (type–token ratio), 0 to 1.
    pub fn type_token_ratio(&self) -> f64 {
        ratio(self.unique, self.words)
    }

    pub fn mean_sentence_length(&self) -> f64 {
        ratio(self.words, self.sentences)
    }

    pub fn reading_minutes(&self) -> f64 {
        f64::from(self.words) / WORDS_PER_MINUTE
    }

    /// Occurrences per 1,000 words.
    pub fn per_thousand(&self, count: u32) -> f64 {
        ratio(count, self.words) * 1000.0
    }

    /// Every term with its count, most frequent first (ties alphabetically).
    pub fn terms(&self) -> &[(u32, u32)] {
        self.term_counts.get()
    }

    /// The count of a term, 0 if it does not occur.
    pub fn count_of(&self, term: u32) -> u32 {
        self.terms()
            .iter()
            .find(|(t, _)| *t == term)
            .map_or(0, |(_, c)| *c)
    }

    /// Statistics of one document from its tokens.
    pub fn of_document(doc: &Document, tokens: &[Token], vocab: &Vocab) -> Stats {
        let units = units(tokens, vocab);
        let mut counts: HashMap<u32, u32> = HashMap::new();
        for unit in &units {
            *counts.entry(unit.term).or_insert(0) += 1;
        }
        let content_words = units.iter().filter(|u| !vocab.is_stop(u.term)).count() as u32;

        // Sentence boundaries by byte offset, to keep bigrams inside sentences.
        let sentence_starts = sentence_byte_starts(doc);
        let sentence_of = |u: &Unit| {
            sentence_starts.partition_point(|&s| s <= tokens[u.first as usize].span.start)
        };
        let mut pairs: HashMap<(u32, u32), u32> = HashMap::new();
        for w in units.windows(2) {
            if sentence_of(&w[0]) == sentence_of(&w[1])
                && !tokens[w[1].first as usize].starts_region()
            {
                *pairs.entry((w[0].term, w[1].term)).or_insert(0) += 1;
            }
        }
        let mut stats = Stats {
            words: units.len() as u32,
            unique: counts.len() as u32,
            content_words,
            sentences: sentence_starts.len() as u32,
            ..Stats::default()
        };
        stats.term_counts = TermCounts::new(&counts);
        stats.set_bigrams(pairs, vocab);
        stats
    }

    /// Corpus statistics: the sums over documents.
    pub fn of_corpus(per_doc: &[Stats], vocab: &Vocab) -> Stats {
        let mut counts: HashMap<u32, u32> = HashMap::new();
        let mut pairs: HashMap<(u32, u32), u32> = HashMap::new();
        let mut total = Stats::default();
        for s in per_doc {
            total.words += s.words;
            total.content_words += s.content_words;
            total.sentences += s.sentences;
            for &(t, c) in s.terms() {
                *counts.entry(t).or_insert(0) += c;
            }
            // Bigram lists are truncated per document, so corpus bigrams are summed from them:
            // exact for pairs frequent in every document, an undercount in the long tail.
            let mut seen: HashMap<(u32, u32), u32> = HashMap::new();
            for b in s.bigrams.iter().chain(&s.content_bigrams) {
                seen.insert((b.first, b.second), b.count);
            }
            for (k, c) in seen {
                *pairs.entry(k).or_insert(0) += c;
            }
        }
        total.unique = counts.len() as u32;
        total.term_counts = TermCounts::new(&counts);
        total.set_bigrams(pairs, vocab);
        total
    }

    fn set_bigrams(&mut self, pairs: HashMap<(u32, u32), u32>, vocab: &Vocab) {
        let mut all: Vec<Bigram> = pairs
            .into_iter()
            .map(|((first, second), count)| Bigram {
                first,
                second,
                count,
            })
            .collect();
        all.sort_unstable_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then((a.first, a.second).cmp(&(b.first, b.second)))
        });
        let plain = |t: u32| !vocab.is_stop(t) && !vocab.is_number(t);
        self.content_bigrams = all
            .iter()
            .filter(|b| plain(b.first) && plain(b.second))
            .take(TOP_BIGRAMS)
            .copied()
            .collect();
        all.truncate(TOP_BIGRAMS);
        self.bigrams = all;
    }
}

/// Where a document's sentences begin, as byte offsets in text order: the starts of
/// [`crate::sentences::sentences`], the one sentence splitter (UAX #29 with its repairs: "Mr."
/// or an initial does not end a sentence), which the counts, the word tools and the network
/// share.
pub fn sentence_byte_starts(doc: &Document) -> Vec<u32> {
    crate::sentences::sentences(doc)
        .iter()
        .map(|s| s.start)
        .collect()
}

fn ratio(a: u32, b: u32) -> f64 {
    if b == 0 {
        0.0
    } else {
        f64::from(a) / f64::from(b)
    }
}

/// How many of `positions` (any order) fall in each of `segments` equal parts of `0..n`
/// (token indices in a text of `n` tokens, or byte offsets in a text of `n` bytes).
/// Positions past the end count in the last part.
pub fn dispersion(
    n_tokens: usize,
    positions: impl IntoIterator<Item = u32>,
    segments: usize,
) -> Vec<u32> {
    let segments = segments.max(1);
    let mut counts = vec![0u32; segments];
    let n = n_tokens.max(1) as u64;
    for p in positions {
        let seg = (u64::from(p) * segments as u64 / n).min(segments as u64 - 1);
        counts[seg as usize] += 1;
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::Index;

    const TEXT: &str = "Tiny text\n\nThe cat sat. The cat ran to the mat-side.\n\nA dog sat too.";

    fn stats() -> (Index, Stats) {
        let doc = Document::parse("t.txt", TEXT);
        let built = Index::build(std::slice::from_ref(&doc));
        let stats = Stats::of_document(&doc, &built.tokens[0], &built.index.vocab);
        (built.index, stats)
    }

    fn count(index: &Index, stats: &Stats, form: &str) -> u32 {
        stats.count_of(index.vocab.id(form).unwrap())
    }

    #[test]
    fn summary_figures_of_a_tiny_text() {
        let (_, s) = stats();
        // tiny text | the cat sat | the cat ran to the mat-side | a dog sat too
        assert_eq!(s.words, 2 + 3 + 6 + 4);
        assert_eq!(s.sentences, 4);
        // the ×3, to, a, too are stopwords: 15 - 6 = 9 content words.
        assert_eq!(s.content_words, 9);
        // tiny text the cat sat ran to mat-side a dog too
        assert_eq!(s.unique, 11);
        assert!((s.lexical_density() - 9.0 / 15.0).abs() < 1e-9);
        assert!((s.mean_sentence_length() - 15.0 / 4.0).abs() < 1e-9);
        assert!((s.per_thousand(3) - 200.0).abs() < 1e-9);
        assert!((s.reading_minutes() - 15.0 / 238.0).abs() < 1e-9);
    }

    #[test]
    fn sentences_are_the_sentence_splitters() {
        // "Mr." and an initial do not end a sentence here either: two sentences, not four.
        let doc = Document::parse("t.txt", "Mr. Smith met J. Doe. They talked.");
        let built = Index::build(std::slice::from_ref(&doc));
        let stats = Stats::of_document(&doc, &built.tokens[0], &built.index.vocab);
        assert_eq!(stats.sentences, 2);
        assert_eq!(
            stats.sentences as usize,
            crate::sentences::sentences(&doc).len()
        );
    }

    #[test]
    fn term_counts_are_sorted_and_compounds_count_once() {
        let (index, s) = stats();
        assert_eq!(count(&index, &s, "the"), 3);
        assert_eq!(count(&index, &s, "cat"), 2);
        assert_eq!(count(&index, &s, "mat-side"), 1);
        assert_eq!(
            count(&index, &s, "mat"),
            0,
            "part of a compound, not a word of its own"
        );
        assert!(s.terms().windows(2).all(|w| w[0].1 >= w[1].1));
        assert_eq!(index.vocab.form(s.terms()[0].0), "the");
    }

    #[test]
    fn bigrams_stay_inside_sentences() {
        let (index, s) = stats();
        let form = |b: &Bigram| {
            format!(
                "{} {}",
                index.vocab.form(b.first),
                index.vocab.form(b.second)
            )
        };
        assert_eq!(form(&s.bigrams[0]), "the cat");
        assert_eq!(s.bigrams[0].count, 2);
        assert!(
            !s.bigrams.iter().any(|b| form(b) == "sat the"),
            "crosses a sentence end"
        );
        assert!(
            !s.bigrams.iter().any(|b| form(b) == "text the"),
            "crosses a paragraph"
        );
        let content: Vec<String> = s.content_bigrams.iter().map(form).collect();
        assert!(content.contains(&"cat sat".to_string()));
        assert!(!content.iter().any(|b| b.starts_with("the ")));
    }

    #[test]
    fn dispersion_counts_per_segment() {
        assert_eq!(dispersion(10, [0, 1, 5, 9], 5), [2, 0, 1, 0, 1]);
        assert_eq!(dispersion(10, [], 3), [0, 0, 0]);
        assert_eq!(dispersion(0, [0, 7], 2), [1, 1]);
        assert_eq!(dispersion(4, [3], 0), [1]);
    }
}
