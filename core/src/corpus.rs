//! The corpus as the page embeds it: every document with what the build computed for it.

use crate::document::Document;
use crate::entities::Entity;
use crate::index::Index;
use crate::stats::Stats;
use serde::{Deserialize, Serialize};

/// Everything the page needs, computed once at build time and embedded in the wasm.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    pub docs: Vec<Document>,
    pub index: Index,
    /// Per document, its entities sorted by kind and then by count (most mentioned first).
    pub entities: Vec<Vec<Entity>>,
    /// Per document.
    pub doc_stats: Vec<Stats>,
    /// The whole corpus.
    pub stats: Stats,
}

impl Corpus {
    /// Analyses documents (already in their stable order): index, entities, statistics.
    #[cfg(feature = "extract")]
    pub fn build(docs: Vec<Document>) -> Corpus {
        let index = Index::build(&docs);
        let entities = docs
            .iter()
            .map(|doc| {
                let mut found = crate::entities::extract(doc);
                found.sort_by(|a, b| {
                    a.kind
                        .cmp(&b.kind)
                        .then(b.count().cmp(&a.count()))
                        .then(a.canonical.cmp(&b.canonical))
                });
                found
            })
            .collect();
        let doc_stats: Vec<Stats> = docs
            .iter()
            .enumerate()
            .map(|(i, doc)| Stats::of_document(doc, i, &index))
            .collect();
        let stats = Stats::of_corpus(&doc_stats, &index);
        Corpus {
            docs,
            index,
            entities,
            doc_stats,
            stats,
        }
    }

    /// The index of the document with this id.
    pub fn doc_index(&self, id: &str) -> Option<usize> {
        self.docs.iter().position(|d| d.id == id)
    }
}
