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

/// Times the core's search in this browser: `samples` times, runs `query` `batch` times in
/// a row and records the mean milliseconds per run (batches beat the clock's 0.1 ms
/// resolution). Every hit's span is computed, as the page does; nothing is converted to JS.
#[wasm_bindgen]
pub fn explorer_time_search(query: &str, batch: u32, samples: u32) -> Vec<f64> {
    let corpus = corpus();
    let now = || {
        web_sys::window()
            .and_then(|w| w.performance())
            .map_or(0.0, |p| p.now())
    };
    let batch = batch.max(1);
    (0..samples.max(1))
        .map(|_| {
            let start = now();
            for _ in 0..batch {
                let result = corpus.search(&explorer_core::query::parse(query));
                // Keep the work from being optimised away.
                std::hint::black_box(result.total_hits);
            }
            (now() - start) / f64::from(batch)
        })
        .collect()
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Milliseconds the word tools' first use takes to rebuild the token streams from the
/// postings (0 if they were built already).
#[wasm_bindgen]
pub fn explorer_time_token_streams() -> f64 {
    let corpus = corpus();
    if corpus.tokens_ready() {
        return 0.0;
    }
    let start = now();
    std::hint::black_box(corpus.tokens().n_tokens);
    now() - start
}

/// How many documents the corpus has.
#[wasm_bindgen]
pub fn explorer_doc_count() -> usize {
    corpus().docs.len()
}

/// Times one word tool in this browser, `samples` times, each one whole answer as the panel
/// computes it with its default settings: `collocates` and `collocates-doc` (the query's
/// hits, then its collocates in the corpus or in its first document), `phrases` (the query's
/// hits, then the phrases that contain them), `near` (a search), `phrases-doc`, `keywords`
/// and `keywords-english` (of the document whose index is `input`).
#[wasm_bindgen]
pub fn explorer_time_word_tool(tool: &str, input: &str, samples: u32) -> Vec<f64> {
    use explorer_core::collocates::{collocates, CollocateConfig};
    use explorer_core::keyness::{Against, KeywordConfig};
    use explorer_core::phrases::PhraseConfig;
    let corpus = corpus();
    let vocab = &corpus.index.vocab;
    let doc = input.parse::<usize>().unwrap_or(0);
    (0..samples.max(1))
        .map(|_| {
            let start = now();
            let n = match tool {
                "collocates" | "collocates-doc" => {
                    let result = corpus.search(&explorer_core::query::parse(input));
                    let scope = (tool == "collocates-doc")
                        .then(|| result.docs.first().map_or(0, |d| d.doc));
                    collocates(
                        corpus.tokens(),
                        &result.docs,
                        scope,
                        CollocateConfig::default(),
                        |t| vocab.is_stop(t),
                    )
                    .rows
                    .len()
                }
                "phrases" => {
                    let result = corpus.search(&explorer_core::query::parse(input));
                    corpus
                        .phrases(None, Some(&result.docs), PhraseConfig::default())
                        .rows
                        .len()
                }
                "near" => {
                    corpus
                        .search(&explorer_core::query::parse(input))
                        .total_hits
                }
                "phrases-doc" => corpus
                    .phrases(Some(doc), None, PhraseConfig::default())
                    .rows
                    .len(),
                "keywords" | "keywords-english" => {
                    let against = if tool == "keywords" {
                        Against::RestOfCorpus
                    } else {
                        Against::Reference
                    };
                    let k = corpus.keywords(doc, against, KeywordConfig::default());
                    k.over.len() + k.under.len()
                }
                _ => 0,
            };
            std::hint::black_box(n);
            now() - start
        })
        .collect()
}
