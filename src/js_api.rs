//! A small JavaScript API on the wasm module (`window.wasmBindings` under trunk), so tests and
//! benchmarks can ask the core directly what the page should show.

use crate::corpus;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[derive(Serialize)]
struct DocHitsJs {
    id: String,
    /// The document's position in the corpus (0 is the one a page opens on).
    index: usize,
    /// Byte offsets into the document text.
    hits: Vec<(u32, u32)>,
}

#[derive(Serialize)]
struct SearchJs {
    total: usize,
    docs: Vec<DocHitsJs>,
}

/// Runs a query through the core: `{total, docs: [{id, index, hits: [[start, end], …]}]}`,
/// documents best first.
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
                index: d.doc,
                hits: d.hits.iter().map(|h| (h.span.start, h.span.end)).collect(),
            })
            .collect(),
    };
    serde_wasm_bindgen::to_value(&out).map_err(Into::into)
}

/// Times the core's search in this browser: runs `query` `runs` times and returns each run's
/// milliseconds (every hit's span computed, as the page does; nothing converted to JS).
#[wasm_bindgen]
pub fn explorer_time_search(query: &str, runs: u32) -> Vec<f64> {
    let corpus = corpus();
    let now = || {
        web_sys::window()
            .and_then(|w| w.performance())
            .map_or(0.0, |p| p.now())
    };
    (0..runs.max(1))
        .map(|_| {
            let start = now();
            let result = corpus.search(&explorer_core::query::parse(query));
            let elapsed = now() - start;
            // Keep the result alive until after the clock stops, and used.
            std::hint::black_box(result.total_hits);
            elapsed
        })
        .collect()
}
