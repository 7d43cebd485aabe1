//! The search index: a shared vocabulary of term forms and, per term, every occurrence as a
//! span of its document. Built once at build time and embedded in a compact encoding that is
//! read in place: a query decodes the occurrences of the terms it needs, nothing else.
//!
//! - `strings`: the compact string table and byte blob the embedded forms use;
//! - `vocab`: the sorted term forms, their stems and flags;
//! - `tokens`: word tokens and statistics units (build time);
//! - `postings`: the occurrences' encoding and the reader that decodes them;
//! - `build`: tokenising documents into all of the above.

mod build;
mod postings;
mod strings;
mod tokens;
mod vocab;

pub use postings::{get_varint, put_varint, DocOccurrences};
pub use strings::{Blob, StrTable};
pub use tokens::{units, Token, Unit, JOINED, REGION_START};
pub use vocab::{Vocab, COMPOUND, NUMBER, STOP};

use crate::span::Span;
use postings::visit_encoded;
use serde::{Deserialize, Serialize};

/// The whole index.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Index {
    pub vocab: Vocab,
    /// Per document, how many word tokens it has (for ranking).
    pub doc_lens: Vec<u32>,
    /// Every term's occurrences, encoded: for term `t`, the bytes
    /// `postings[term_starts[t]..term_starts[t + 1]]` hold the number of documents, then per
    /// document the gap from the previous document id and a head: the number of occurrences
    /// shifted left by two, and in the low two bits a width (all varints). Width 0: per
    /// occurrence, the gap from the previous occurrence's start shifted left by one, its low
    /// bit set when the occurrence's length differs from the term form's, and then that
    /// length. Width 1–3 ("packed", for documents with many occurrences): per occurrence the
    /// gap alone in that many bytes (little-endian), then the number of occurrences of
    /// another length and, for each, its index (as a gap from the previous one) and length.
    postings: Blob,
    term_starts: Vec<u32>,
}

/// The result of building an index: the index, and the tokens the build's statistics need.
pub struct Built {
    pub index: Index,
    /// Per document, its tokens in text order.
    pub tokens: Vec<Vec<Token>>,
}

impl Index {
    /// Every occurrence of a term: per document (in id order), its spans in text order.
    pub fn occurrences(&self, term: u32) -> Vec<(u32, Vec<Span>)> {
        let mut out: Vec<(u32, Vec<Span>)> = Vec::new();
        self.visit_documents(term, |doc, spans| out.push((doc, spans.collect())));
        out
    }

    /// Calls `f(doc, spans)` for every document a term occurs in, in id order, with its
    /// occurrences there in text order: an iterator that tells its length (`size_hint`), so a
    /// caller can collect them with one allocation. Whatever `f` leaves unread is skipped.
    pub fn visit_documents(&self, term: u32, f: impl FnMut(u32, &mut DocOccurrences<'_>)) {
        let (Some(&from), Some(&to)) = (
            self.term_starts.get(term as usize),
            self.term_starts.get(term as usize + 1),
        ) else {
            return;
        };
        let bytes = self
            .postings
            .0
            .get(from as usize..to as usize)
            .unwrap_or_default();
        visit_encoded(bytes, self.vocab.form(term).len() as u32, f);
    }

    /// How many documents a term occurs in, without decoding its occurrences.
    pub fn doc_frequency(&self, term: u32) -> u32 {
        let from = self.term_starts.get(term as usize).copied().unwrap_or(0) as usize;
        let mut at = 0;
        get_varint(self.postings.0.get(from..).unwrap_or_default(), &mut at)
    }

    /// Bytes taken by the encoded occurrences.
    pub fn postings_bytes(&self) -> usize {
        self.postings.0.len()
    }
}
