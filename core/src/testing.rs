//! What the core's unit tests share: small corpora built from a few texts, as the build
//! builds them.

use crate::document::Document;
use crate::index::{Built, Index};
use crate::span::Span;
use crate::tokens::{sentence_starts, TokenStreams};

/// The documents `d0.txt`, `d1.txt`… holding `texts`, and their index.
pub fn build(texts: &[&str]) -> (Vec<Document>, Built) {
    let docs: Vec<Document> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Document::parse(&format!("d{i}.txt"), t))
        .collect();
    let built = Index::build(&docs);
    (docs, built)
}

/// Where each document's sentences start, as token indices.
pub fn sentence_lists(docs: &[Document], built: &Built) -> Vec<Vec<u32>> {
    docs.iter()
        .zip(&built.tokens)
        .map(|(d, t)| sentence_starts(d, t))
        .collect()
}

/// A corpus as the word tools see it: documents, index and token streams.
pub struct Streams {
    pub docs: Vec<Document>,
    pub index: Index,
    pub streams: TokenStreams,
}

impl Streams {
    pub fn of(texts: &[&str]) -> Streams {
        let (docs, built) = build(texts);
        let sentences = sentence_lists(&docs, &built);
        let streams = TokenStreams::from_tokens(&built.tokens, &sentences, built.index.vocab.len());
        Streams {
            docs,
            index: built.index,
            streams,
        }
    }

    /// The spans of every occurrence of `word` (case aside), per document: a search's hits.
    pub fn hits(&self, word: &str) -> Vec<(usize, Vec<Span>)> {
        let term = self.index.vocab.id(word).expect("in the vocabulary");
        self.index
            .occurrences(term)
            .into_iter()
            .map(|(d, spans)| (d as usize, spans))
            .collect()
    }
}
