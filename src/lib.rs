//! The explorer page: yew components that draw what `explorer-core` computes.
//!
//! The corpus was analysed at build time (see `build.rs`) and is embedded here as bytes; the
//! components only decode it once, hold indices into it and turn events into actions.

// Talc instead of the standard library's dlmalloc: about 3 KB less wasm (gzipped), with
// start-up and queries as fast (BENCHMARKS.md). The page is single-threaded wasm without
// atomics, which is what this allocator is for.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub mod acts;
pub mod app;
pub mod dispersion;
pub mod download;
pub mod entity_chips;
pub mod hooks;
#[cfg(feature = "test-api")]
pub mod js_api;
pub mod lazy_views;
pub mod matches;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod reader;
pub mod search_bar;
pub mod shared;
pub mod state;
pub mod summary;
pub mod term_chart;
pub mod theme;
pub mod tree;
pub mod update_banner;
pub mod view_bar;
#[cfg(feature = "views")]
pub mod views;

use explorer_core::Corpus;
use std::sync::OnceLock;

/// The corpus as build.rs encoded it. The page embeds it; the views module in the browser
/// gets a copy of these bytes from the page instead (`views::init`), so that a visitor does
/// not download them twice. (Natively, for tests, every build embeds them.)
#[cfg(not(all(feature = "views", target_family = "wasm")))]
pub static CORPUS_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

#[cfg(all(feature = "views", target_family = "wasm"))]
pub static CORPUS_BYTES: &[u8] = &[];

/// What only the word tools and corpus views read (`ToolData`): embedded in their module, not
/// in the page (and in a benchmark build of the page, which times them there).
#[cfg(any(feature = "views", feature = "test-api"))]
static TOOL_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/tools.bin"));

/// The corpus, once decoded (by [`corpus`], or by the views module from the page's bytes).
pub(crate) static CORPUS: OnceLock<Corpus> = OnceLock::new();

/// Decodes a corpus as build.rs encoded it; with the tools' data put back where this build
/// embeds it.
pub fn decode_corpus(bytes: &[u8]) -> Result<Corpus, postcard::Error> {
    #[allow(unused_mut)]
    let mut corpus: Corpus = postcard::from_bytes(bytes)?;
    #[cfg(any(feature = "views", feature = "test-api"))]
    corpus.put_tool_data(postcard::from_bytes(TOOL_BYTES)?);
    Ok(corpus)
}

/// The embedded corpus, decoded on first use.
pub fn corpus() -> &'static Corpus {
    CORPUS.get_or_init(|| {
        // The bytes were written by build.rs from the same types, so decoding cannot fail
        // unless the build itself is broken. (Not `expect`: the page would carry the error's
        // Debug formatting for nothing.)
        decode_corpus(CORPUS_BYTES).unwrap_or_else(|_| panic!("the embedded corpus decodes"))
    })
}

/// Mounts the app on the element with id `app` (or the body if there is none). Where the
/// build pre-rendered the default view there, the app hydrates it: it adopts those nodes, so
/// the article painted before the wasm started stays on screen as it was.
pub fn run() {
    let document = web_sys::window().and_then(|w| w.document());
    match document.and_then(|d| d.get_element_by_id("app")) {
        #[cfg(feature = "hydration")]
        Some(root) if root.first_element_child().is_some() => {
            yew::Renderer::<app::App>::with_root(root).hydrate();
        }
        Some(root) => {
            // A page without the pre-rendered view (or a build without hydration): draw
            // anew. yew draws in a microtask, so the page is never painted empty in between.
            root.set_text_content(None);
            yew::Renderer::<app::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<app::App>::new().render();
        }
    }
}
