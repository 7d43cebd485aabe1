//! The word tools (Collocates, Phrases, Keywords) and the corpus views (Documents, Trends,
//! Network) as a second wasm module, `views`, which the page imports the first time a reader
//! asks for one of them (`lazy_views.rs`): the page's first load carries none of their code.
//!
//! The page and this module share no memory. The page hands over, once, the corpus's bytes
//! (its own embedded copy) and a function that takes the module's actions; then, whenever
//! what a panel shows changes, it calls [`render_tools`] or [`render_view`] with the view as
//! a URL hash, and the module patches the panel into the host element the page left empty.
//! An action (new settings, a search, opening the reader at a hit) goes back to the page as
//! a kind and its values ([`send`]); the page's reducer applies it as it would its own.
//!
//! Built by trunk from `index.html` as the `views` binary with the `views` feature
//! (`data-type="worker"` only so that trunk does not load it); the post-build step names its
//! files for their content and writes the page's loader of them.

pub mod corpus_view;
pub mod documents_table;
pub mod network_graph;
pub mod tree;
pub mod trends_chart;
pub mod word_tools;

use crate::state::Action;
use explorer_core::query;
use explorer_core::search::SearchResult;
use explorer_core::state::parse as parse_hash;
use explorer_core::tools_view::ToolsView;
use gloo::events::{EventListener, EventListenerOptions};
use std::cell::RefCell;
use std::rc::Rc;
use tree::{Handler, E};
use wasm_bindgen::prelude::*;
use web_sys::Element;
use word_tools::Computed;
use yew::Callback;

/// A host element and the listeners on it, which call its panel's current handler.
struct Host {
    element: Element,
    handler: Rc<RefCell<Option<Handler>>>,
    _listeners: [EventListener; 2],
}

/// The module's memory between calls: the page's function for actions, the two hosts
/// (word tools, corpus view) and the last search and word-tool list, kept while their
/// inputs stay the same.
#[derive(Default)]
struct Memory {
    act: Option<js_sys::Function>,
    hosts: [Option<Host>; 2],
    search: Option<(String, Rc<SearchResult>)>,
    list: Option<((String, usize, ToolsView), Rc<Computed>)>,
}

thread_local! {
    static MEMORY: RefCell<Memory> = RefCell::default();
}

/// Decodes the corpus the page embeds (postcard bytes, as build.rs wrote them), puts back the
/// tools' data this module embeds, and keeps the page's function for actions:
/// `act(kind, text, a, b)`.
#[wasm_bindgen]
pub fn init(bytes: &[u8], act: js_sys::Function) -> Result<(), JsValue> {
    if crate::CORPUS.get().is_none() {
        let corpus = crate::decode_corpus(bytes)
            .map_err(|e| JsValue::from_str(&format!("the corpus does not decode: {e}")))?;
        let _ = crate::CORPUS.set(corpus);
    }
    MEMORY.with(|m| m.borrow_mut().act = Some(act));
    Ok(())
}

/// Draws the word tools into `host`. `hash` is the page's view; `query` what the search box
/// holds; `panel_query` the query the match panels follow (the tools' node unless one is
/// pinned); `rows` how many rows are shown.
#[wasm_bindgen]
pub fn render_tools(
    host: Element,
    hash: &str,
    query: &str,
    panel_query: &str,
    doc: u32,
    rows: u32,
) {
    let view = parse_hash(hash);
    let doc_idx = doc_index(doc);
    let node = view
        .tools
        .node
        .clone()
        .unwrap_or_else(|| panel_query.to_string());
    let key = (node.clone(), doc_idx, view.tools.clone());
    let cached = MEMORY.with(|m| {
        m.borrow()
            .list
            .as_ref()
            .filter(|(k, _)| *k == key)
            .map(|(_, list)| list.clone())
    });
    let computed = cached.unwrap_or_else(|| {
        let list = Rc::new(word_tools::compute(&node, doc_idx, &view.tools, true));
        MEMORY.with(|m| m.borrow_mut().list = Some((key, list.clone())));
        list
    });
    let panel = word_tools::word_tools(
        &word_tools::Args {
            doc_idx,
            query,
            node: &node,
            tools: &view.tools,
            computed: &computed,
            rows: rows as usize,
        },
        &dispatcher(),
    );
    mount(0, host, panel);
}

/// Draws the open corpus view into `host` (nothing when the view names none).
#[wasm_bindgen]
pub fn render_view(host: Element, hash: &str, panel_query: &str, doc: u32) {
    let view = parse_hash(hash);
    let Some(tool) = view.tool else {
        return;
    };
    let result = search(panel_query);
    let panel = corpus_view::corpus_view(
        &corpus_view::Args {
            tool,
            view: view.clone(),
            doc_idx: doc_index(doc),
            result: &result,
            has_query: !panel_query.trim().is_empty(),
        },
        &dispatcher(),
    );
    mount(1, host, panel);
}

/// A document index from the page, kept within the corpus.
fn doc_index(doc: u32) -> usize {
    (doc as usize).min(crate::corpus().docs.len().saturating_sub(1))
}

/// The search result of a query, kept while the query stays the same.
fn search(q: &str) -> Rc<SearchResult> {
    let cached = MEMORY.with(|m| {
        m.borrow()
            .search
            .as_ref()
            .filter(|(k, _)| k == q)
            .map(|(_, r)| r.clone())
    });
    cached.unwrap_or_else(|| {
        let result = Rc::new(crate::corpus().search(&query::parse(q)));
        MEMORY.with(|m| m.borrow_mut().search = Some((q.to_string(), result.clone())));
        result
    })
}

/// The panels' dispatch: their actions, sent to the page.
fn dispatcher() -> Callback<Action> {
    Callback::from(send)
}

/// Sends an action to the page as `act(kind, text, a, b)` (`lazy_views::encode`).
pub fn send(action: Action) {
    let Some((kind, text, a, b)) = crate::lazy_views::encode(action) else {
        return;
    };
    let act = MEMORY.with(|m| m.borrow().act.clone());
    if let Some(act) = act {
        let args = js_sys::Array::of4(&kind.into(), &text.into(), &a.into(), &b.into());
        if let Err(e) = act.apply(&JsValue::NULL, &args) {
            web_sys::console::error_1(&e);
        }
    }
}

/// Patches `panel` into `host` (slot 0: word tools, 1: corpus view), with its handler on the
/// host's listeners (put there the first time this host element is seen).
fn mount(slot: usize, host: Element, mut panel: E) {
    let handler = panel.take_handler();
    let Some(document) = host.owner_document() else {
        return;
    };
    let current = MEMORY.with(|m| {
        m.borrow().hosts[slot]
            .as_ref()
            .filter(|h| h.element == host)
            .map(|h| h.handler.clone())
    });
    let slot_handler = current.unwrap_or_else(|| {
        let shared: Rc<RefCell<Option<Handler>>> = Rc::default();
        let listen = |kind: &'static str, change: bool| {
            let shared = shared.clone();
            // Not passive: a link that carries an action is not followed (`clicked_act`).
            let options = EventListenerOptions::enable_prevent_default();
            EventListener::new_with_options(&host, kind, options, move |ev| {
                // Cloned out first: the handler may lead the page to redraw this panel.
                let handler = shared.borrow().clone();
                if let Some(handler) = handler {
                    handler(ev, change);
                }
            })
        };
        let listeners = [listen("click", false), listen("change", true)];
        let made = Host {
            element: host.clone(),
            handler: shared.clone(),
            _listeners: listeners,
        };
        MEMORY.with(|m| m.borrow_mut().hosts[slot] = Some(made));
        shared
    });
    *slot_handler.borrow_mut() = handler;
    tree::patch(&document, &host, &[tree::Node::El(panel)], false);
}
