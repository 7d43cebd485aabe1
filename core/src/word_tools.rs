//! What the word tools (collocates, phrases, keywords, the proximity search) embed, and the
//! token streams they share: where each document's sentences begin, the corpus's phrase
//! table and general English's rates for its words, all computed at build time; the token
//! streams are rebuilt from the postings on first use (see `tokens.rs`).

use crate::corpus::Corpus;
use crate::keyness::Reference;
use crate::lazy::Lazy;
use crate::phrases::PhraseTable;
use crate::tokens::{Sentences, TokenStreams};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct WordData {
    pub sentences: Sentences,
    /// The corpus's most frequent phrases, decoded when first shown.
    pub phrases: Lazy<PhraseTable>,
    pub reference: Reference,
    #[serde(skip)]
    streams: OnceLock<TokenStreams>,
}

impl PartialEq for WordData {
    fn eq(&self, other: &Self) -> bool {
        (&self.sentences, &self.phrases, &self.reference)
            == (&other.sentences, &other.phrases, &other.reference)
    }
}

impl WordData {
    /// Computes the word tools' data from the build's documents and tokens.
    #[cfg(feature = "extract")]
    pub fn build(
        docs: &[crate::document::Document],
        tokens: &[Vec<crate::index::Token>],
        index: &crate::index::Index,
        max_doc_words: u32,
    ) -> WordData {
        let per_doc: Vec<Vec<u32>> = docs
            .iter()
            .zip(tokens)
            .map(|(doc, tokens)| crate::tokens::sentence_starts(doc, tokens))
            .collect();
        let streams = TokenStreams::from_tokens(tokens, &per_doc, index.vocab.len());
        WordData {
            sentences: Sentences::new(&per_doc),
            phrases: Lazy::new(PhraseTable::build(&streams)),
            reference: Reference::english(&index.vocab, max_doc_words),
            streams: OnceLock::from(streams),
        }
    }

    /// Bytes embedded: sentence starts, phrase table, reference.
    pub fn encoded_lens(&self) -> [usize; 3] {
        [
            self.sentences.encoded_len(),
            self.phrases.encoded_len(),
            self.reference.encoded_len(),
        ]
    }
}

impl Corpus {
    /// Every document's tokens, rebuilt from the postings the first time they are asked for.
    pub fn tokens(&self) -> &TokenStreams {
        self.word_data.streams.get_or_init(|| {
            TokenStreams::from_index(&self.index, &self.docs, &self.word_data.sentences)
        })
    }

    /// Whether the token streams have been built (the page times the first build).
    pub fn tokens_ready(&self) -> bool {
        self.word_data.streams.get().is_some()
    }
}
