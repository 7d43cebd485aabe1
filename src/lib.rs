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

pub mod app;
pub mod corpus_view;
pub mod dispersion;
pub mod documents_table;
pub mod download;
pub mod entity_chips;
pub mod hooks;
#[cfg(feature = "test-api")]
pub mod js_api;
pub mod matches;
pub mod network_graph;
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
pub mod trends_chart;
pub mod update_banner;
pub mod view_bar;
pub mod word_tools;

use explorer_core::Corpus;
use std::sync::OnceLock;

static CORPUS_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// The embedded corpus, decoded on first use.
pub fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| {
        // The bytes were written by build.rs from the same types, so decoding cannot fail
        // unless the build itself is broken.
        postcard::from_bytes(CORPUS_BYTES).expect("the embedded corpus decodes")
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
