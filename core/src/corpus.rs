//! The corpus as the page embeds it: every document with what the build computed for it.

use crate::document::Document;
use serde::{Deserialize, Serialize};

/// Everything the page needs, computed once at build time and embedded in the wasm.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    pub docs: Vec<Document>,
}

impl Corpus {
    /// Analyses documents (already in their stable order).
    pub fn build(docs: Vec<Document>) -> Corpus {
        Corpus { docs }
    }

    /// The index of the document with this id.
    pub fn doc_index(&self, id: &str) -> Option<usize> {
        self.docs.iter().position(|d| d.id == id)
    }
}
