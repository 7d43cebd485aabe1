//! A small JavaScript API on the wasm module (`window.wasmBindings` under trunk), so tests and
//! benchmarks can ask the core directly what the page should show.

use crate::corpus;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[derive(Serialize)]
struct DocHitsJs {
    id: String,
    /// Byte offsets into the document text.
    hits: Vec<(u32, u32)>,
}

#[derive(Serialize)]
struct SearchJs {
    total: usize,
    docs: Vec<DocHitsJs>,
}

/// Runs a query through the core: `{total, docs: [{id, hits: [[start, end], …]}]}`.
#[wasm_bindgen]
pub fn explorer_search(query: &str) -> Result<JsValue, JsValue> {
    let corpus = corpus();
    let result = corpus.search(&explorer_core::query::parse(query));
    let out = SearchJs {
        total: result.total_hits,
        docs: result
            .docs
            .iter()
            .map(|d| DocHitsJs {
                id: corpus.docs[d.doc].id.clone(),
                hits: d.hits.iter().map(|h| (h.span.start, h.span.end)).collect(),
            })
            .collect(),
    };
    serde_wasm_bindgen::to_value(&out).map_err(Into::into)
}
