//! The corpus as streams of tokens: per document, every word's term in text order, with
//! where each paragraph and sentence begins. The word tools (collocates, phrases, the
//! proximity search) count words by their position; the index holds the same words by term
//! (the postings), so the page rebuilds the streams from the postings once, on first use,
//! instead of downloading them twice. The build makes the same streams from its own tokens.

use crate::document::Document;
use crate::index::{get_varint, put_varint, Blob, Index, Token};
use crate::span::Span;
use std::ops::Range;

/// One document's tokens.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocTokens {
    /// Each token's term, in text order.
    pub terms: Vec<u32>,
    /// Each token's first byte in the document's text.
    pub starts: Vec<u32>,
    /// The first token of each region (the title, each paragraph), ascending.
    pub regions: Vec<u32>,
    /// The first token of each sentence, ascending; a region's first token starts one.
    pub sentences: Vec<u32>,
}

impl DocTokens {
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The tokens that start inside `span` (a hit covers whole tokens).
    pub fn covering(&self, span: Span) -> Range<usize> {
        let first = self.starts.partition_point(|&s| s < span.start);
        let end = self.starts.partition_point(|&s| s < span.end);
        first..end.max(first)
    }

    /// The tokens of the region holding token `i`.
    pub fn region_of(&self, i: usize) -> Range<usize> {
        segment_of(&self.regions, i, self.len())
    }

    /// The tokens of the sentence holding token `i`.
    pub fn sentence_of(&self, i: usize) -> Range<usize> {
        segment_of(&self.sentences, i, self.len())
    }

    /// The sentences, as token ranges, in order.
    pub fn sentence_ranges(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        let ends = self
            .sentences
            .iter()
            .skip(1)
            .map(|&s| s as usize)
            .chain(std::iter::once(self.len()));
        self.sentences
            .iter()
            .zip(ends)
            .map(|(&start, end)| start as usize..end)
    }
}

/// The part of `0..len` between the two boundaries around `i` (`starts` ascending).
fn segment_of(starts: &[u32], i: usize, len: usize) -> Range<usize> {
    let k = starts.partition_point(|&s| s as usize <= i);
    let start = k.checked_sub(1).map_or(0, |k| starts[k] as usize);
    let end = starts.get(k).map_or(len, |&s| s as usize);
    start..end.max(start)
}

/// Every document's tokens, and how often each term occurs as a token.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TokenStreams {
    pub docs: Vec<DocTokens>,
    /// Per term id, its tokens in the whole corpus (hyphenated compounds, which are terms
    /// for the statistics only, have none: their parts are the tokens).
    pub term_freq: Vec<u32>,
    pub n_tokens: u64,
}

impl TokenStreams {
    /// The streams from the index's postings: every occurrence of every term, put in text
    /// order by its start. No sort: the starts of a document mark a bitmap of its bytes,
    /// and an occurrence's token index is the number of marks before it.
    pub fn from_index(index: &Index, docs: &[Document], sentences: &Sentences) -> TokenStreams {
        let n_terms = index.vocab.len();
        let mut term_freq = vec![0u32; n_terms];
        let mut found: Vec<Vec<(u32, u32)>> = (0..docs.len())
            .map(|d| Vec::with_capacity(index.doc_lens.get(d).copied().unwrap_or(0) as usize))
            .collect();
        for term in 0..n_terms as u32 {
            index.visit_documents(term, |doc, spans| {
                if let Some(list) = found.get_mut(doc as usize) {
                    let before = list.len();
                    list.extend(spans.map(|s| (s.start, term)));
                    term_freq[term as usize] += (list.len() - before) as u32;
                }
            });
        }
        let mut out = Vec::with_capacity(docs.len());
        for (d, (doc, list)) in docs.iter().zip(found).enumerate() {
            let n_words = doc.text.len() / 64 + 1;
            let mut marks = vec![0u64; n_words];
            for &(start, _) in &list {
                if let Some(word) = marks.get_mut(start as usize / 64) {
                    *word |= 1 << (start % 64);
                }
            }
            // before[w]: marks in the words before word w.
            let mut before = Vec::with_capacity(n_words);
            let mut total = 0u32;
            for word in &marks {
                before.push(total);
                total += word.count_ones();
            }
            let n = total as usize;
            let mut terms = vec![0u32; n];
            let mut starts = vec![0u32; n];
            for (start, term) in list {
                let w = start as usize / 64;
                let (Some(&word), Some(&base)) = (marks.get(w), before.get(w)) else {
                    continue;
                };
                let below = word & ((1u64 << (start % 64)) - 1);
                let rank = (base + below.count_ones()) as usize;
                if let (Some(t), Some(s)) = (terms.get_mut(rank), starts.get_mut(rank)) {
                    *t = term;
                    *s = start;
                }
            }
            let regions = region_starts(doc, &starts);
            let sentences = sentences.of(d, &regions, n);
            out.push(DocTokens {
                terms,
                starts,
                regions,
                sentences,
            });
        }
        let n_tokens = out.iter().map(|d| d.len() as u64).sum();
        TokenStreams {
            docs: out,
            term_freq,
            n_tokens,
        }
    }

    /// The streams from the build's tokens.
    pub fn from_tokens(tokens: &[Vec<Token>], sentences: &[Vec<u32>], n_terms: usize) -> Self {
        let mut term_freq = vec![0u32; n_terms];
        let docs: Vec<DocTokens> = tokens
            .iter()
            .enumerate()
            .map(|(d, tokens)| {
                for t in tokens {
                    if let Some(f) = term_freq.get_mut(t.term as usize) {
                        *f += 1;
                    }
                }
                let regions: Vec<u32> = (0..tokens.len() as u32)
                    .filter(|&i| tokens[i as usize].starts_region())
                    .collect();
                let empty = Vec::new();
                DocTokens {
                    terms: tokens.iter().map(|t| t.term).collect(),
                    starts: tokens.iter().map(|t| t.span.start).collect(),
                    sentences: merge_starts(sentences.get(d).unwrap_or(&empty), &regions),
                    regions,
                }
            })
            .collect();
        let n_tokens = docs.iter().map(|d| d.len() as u64).sum();
        TokenStreams {
            docs,
            term_freq,
            n_tokens,
        }
    }

    /// How often each term occurs as a token in one document (or in the corpus).
    pub fn doc_term_freq(&self, doc: usize) -> Vec<u32> {
        let mut freq = vec![0u32; self.term_freq.len()];
        for &t in self.docs.get(doc).map_or(&[][..], |d| &d.terms[..]) {
            if let Some(f) = freq.get_mut(t as usize) {
                *f += 1;
            }
        }
        freq
    }
}

/// The first token of each region of a document, from the tokens' starts.
fn region_starts(doc: &Document, starts: &[u32]) -> Vec<u32> {
    let mut out: Vec<u32> = Vec::new();
    for region in doc.regions() {
        let i = starts.partition_point(|&s| s < region.start) as u32;
        if (i as usize) < starts.len() && out.last() != Some(&i) {
            out.push(i);
        }
    }
    out
}

/// Sentence starts and region starts (each ascending), merged, once each.
fn merge_starts(sentences: &[u32], regions: &[u32]) -> Vec<u32> {
    let mut out: Vec<u32> = Vec::with_capacity(sentences.len() + regions.len());
    let (mut a, mut b) = (sentences.iter().peekable(), regions.iter().peekable());
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(&&x), Some(&&y)) if x <= y => a.next(),
            (_, Some(_)) => b.next(),
            (Some(_), None) => a.next(),
            (None, None) => break,
        };
        if let Some(&s) = next {
            if out.last() != Some(&s) {
                out.push(s);
            }
        }
    }
    out
}

/// Where each document's sentences begin, as token indices, embedded compactly (gaps as
/// varints: about a byte a sentence). Computed at build time, where the sentence
/// segmenter runs; the page does not carry its tables.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Sentences {
    per_doc: Vec<Blob>,
}

impl Sentences {
    /// Encodes each document's sentence starts (token indices, ascending).
    pub fn new(per_doc: &[Vec<u32>]) -> Sentences {
        let per_doc = per_doc
            .iter()
            .map(|starts| {
                let mut bytes = Vec::with_capacity(starts.len());
                let mut prev = 0;
                for &s in starts {
                    put_varint(&mut bytes, s.saturating_sub(prev));
                    prev = s;
                }
                Blob(bytes)
            })
            .collect();
        Sentences { per_doc }
    }

    /// Document `doc`'s sentence starts, with its region starts merged in, below `n_tokens`.
    fn of(&self, doc: usize, regions: &[u32], n_tokens: usize) -> Vec<u32> {
        let mut starts = Vec::new();
        if let Some(Blob(bytes)) = self.per_doc.get(doc) {
            let (mut at, mut s) = (0, 0u32);
            while at < bytes.len() {
                s = s.saturating_add(get_varint(bytes, &mut at));
                if (s as usize) < n_tokens {
                    starts.push(s);
                }
            }
        }
        merge_starts(&starts, regions)
    }

    /// Bytes embedded.
    pub fn encoded_len(&self) -> usize {
        self.per_doc.iter().map(|b| b.0.len()).sum()
    }
}

/// A document's sentence starts as token indices: where the UAX #29 sentence boundaries
/// (the ones the term statistics use) fall among its tokens.
pub fn sentence_starts(doc: &Document, tokens: &[Token]) -> Vec<u32> {
    let mut out: Vec<u32> = Vec::new();
    for byte in crate::stats::sentence_byte_starts(doc) {
        let i = tokens.partition_point(|t| t.span.start < byte) as u32;
        if (i as usize) < tokens.len() && out.last() != Some(&i) {
            out.push(i);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn streams(texts: &[&str]) -> (Vec<Document>, TokenStreams, TokenStreams, Index) {
        let (docs, built) = crate::testing::build(texts);
        let sentence_lists = crate::testing::sentence_lists(&docs, &built);
        let sentences = Sentences::new(&sentence_lists);
        let from_index = TokenStreams::from_index(&built.index, &docs, &sentences);
        let from_tokens =
            TokenStreams::from_tokens(&built.tokens, &sentence_lists, built.index.vocab.len());
        (docs, from_index, from_tokens, built.index)
    }

    #[test]
    fn the_postings_give_back_the_build_tokens() {
        let (docs, from_index, from_tokens, _) = streams(&[
            "Tiny text\n\nThe cat sat. The cat ran to the mat-side!\n\nA dog sat too. Zürich’s ü.",
            "T\n\nOne.",
            "",
        ]);
        assert_eq!(from_index, from_tokens);
        let d = &from_index.docs[0];
        let words: Vec<&str> = d
            .starts
            .iter()
            .map(|&s| {
                let rest = &docs[0].text[s as usize..];
                rest.split(|c: char| !c.is_alphanumeric()).next().unwrap()
            })
            .collect();
        assert_eq!(
            words,
            [
                "Tiny", "text", "The", "cat", "sat", "The", "cat", "ran", "to", "the", "mat",
                "side", "A", "dog", "sat", "too", "Zürich", "ü"
            ]
        );
        assert_eq!(d.regions, [0, 2, 12]);
        // tiny text | the cat sat. | the cat ran to the mat-side! | a dog sat too. | zürich's ü.
        assert_eq!(d.sentences, [0, 2, 5, 12, 16]);
        assert_eq!(from_index.n_tokens, 18 + 2);
        assert_eq!(from_index.docs[2], DocTokens::default());
    }

    #[test]
    fn segments_and_covering() {
        let (docs, s, _, index) = streams(&["T\n\nThe cat sat. The cat ran.\n\nA dog."]);
        let d = &s.docs[0];
        assert_eq!(d.region_of(0), 0..1);
        assert_eq!(d.region_of(4), 1..7);
        assert_eq!(d.sentence_of(4), 4..7);
        assert_eq!(d.region_of(8), 7..9);
        assert_eq!(
            d.sentence_ranges().collect::<Vec<_>>(),
            [0..1, 1..4, 4..7, 7..9]
        );
        let text = &docs[0].text;
        let at = text.find("cat sat").unwrap();
        let span = Span::checked(text, at, at + "cat sat".len()).unwrap();
        assert_eq!(d.covering(span), 2..4);
        assert_eq!(d.covering(Span::new_unchecked(0, 0)), 0..0);
        assert_eq!(s.term_freq[index.vocab.id("cat").unwrap() as usize], 2);
        let freq = s.doc_term_freq(0);
        assert_eq!(freq.iter().sum::<u32>(), 9);
        assert_eq!(s.doc_term_freq(7).iter().sum::<u32>(), 0);
    }
}
