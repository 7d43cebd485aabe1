//! The corpus view shown in the main pane (Documents, Trends or Network): one component that
//! builds the view's elements as data (`tree.rs`) and listens for clicks once, turning the
//! clicked element's action into a callback.

use crate::corpus;
use crate::download::download;
use crate::shared::Shared;
use crate::tree::{clicked_act, Acts, E};
use explorer_core::documents::table_csv;
use explorer_core::query::parse;
use explorer_core::search::SearchResult;
use explorer_core::state::{Tool, View, ViewSettings};
use std::rc::Rc;
use yew::prelude::*;
use yew::virtual_dom::VNode;

/// What a click in a corpus view does.
pub enum Act {
    /// New settings: a size, an order, a kind of chart, a sort.
    Views(ViewSettings),
    /// Select an edge of the network (its index).
    Edge(usize),
    /// Open the reader at a hit: (query, document, hit).
    Open(String, usize, usize),
    /// Open the reader at a sentence: the first hit of the query (document, query, where
    /// the sentence starts).
    Sentence(usize, String, u32),
    /// Download the Documents table as shown (its order and hit counts).
    TableCsv(Vec<usize>, Vec<u32>),
    /// Download the trends of a query (in date order or not) as CSV.
    TrendsCsv(String, bool),
    /// Download the network of the top `n` nodes as JSON, or its pairs as CSV.
    Network(usize, bool),
}

#[derive(Properties, PartialEq)]
pub struct CorpusViewProps {
    pub tool: Tool,
    /// The current view: links lead to it with one thing changed.
    pub view: View,
    /// The open document.
    pub doc_idx: usize,
    /// The search result the match panels show (it follows typing after a pause).
    pub result: Shared<SearchResult>,
    pub has_query: bool,
    pub on_settings: Callback<ViewSettings>,
    /// Open the reader at a hit: (query, document, hit).
    pub on_open: Callback<(String, usize, usize)>,
}

/// A heading and a note under it, as every view starts.
pub fn head(title: &'static str, note: impl Into<AttrValue>) -> [E; 2] {
    [
        // The view's heading is the page's first: the reader's title is not shown with it.
        crate::tree::e("h1")
            .class("tool-title")
            .attr("id", "tool-heading")
            .text(title),
        crate::tree::e("p").class("tool-note").text(note),
    ]
}

/// "1 sentence", "2 sentences".
pub fn plural(n: usize, one: &str) -> String {
    format!("{n} {one}{}", if n == 1 { "" } else { "s" })
}

#[component]
pub fn CorpusView(props: &CorpusViewProps) -> Html {
    let mut acts = Acts(Vec::new());
    let body: Vec<E> = match props.tool {
        Tool::Documents => crate::documents_table::documents(props, &mut acts),
        Tool::Trends => crate::trends_chart::trends(props, &mut acts),
        Tool::Network => crate::network_graph::network(props, &mut acts),
    };
    let acts = Rc::new(acts.0);
    let onclick = {
        let (view, on_settings, on_open) = (
            props.view.clone(),
            props.on_settings.clone(),
            props.on_open.clone(),
        );
        Callback::from(move |e: MouseEvent| {
            let Some(act) = clicked_act(&e).and_then(|i| acts.get(i)) else {
                return;
            };
            let corpus = corpus();
            match act {
                Act::Views(settings) => on_settings.emit(settings.clone()),
                Act::Edge(k) => {
                    on_settings.emit(crate::network_graph::with_edge(&view, Some(*k)).views)
                }
                Act::Open(query, doc, hit) => on_open.emit((query.clone(), *doc, *hit)),
                Act::Sentence(doc, query, start) => {
                    let hits = corpus.search(&parse(query));
                    let hit = hits
                        .hits_in(*doc)
                        .partition_point(|h| h.span.start < *start);
                    on_open.emit((query.clone(), *doc, hit));
                }
                Act::TableCsv(order, hits) => {
                    download("documents.csv", "text/csv", &table_csv(corpus, order, hits))
                }
                Act::TrendsCsv(query, by_date) => download(
                    "trends.csv",
                    "text/csv",
                    &explorer_core::trends::trends(corpus, query, *by_date).to_csv(corpus),
                ),
                Act::Network(n, true) => download(
                    "network.json",
                    "application/json",
                    &corpus.network().to_json(*n),
                ),
                Act::Network(n, false) => download(
                    "network-edges.csv",
                    "text/csv",
                    &corpus.network().edges_csv(*n),
                ),
            }
        })
    };
    html! {
        <div class={format!("tool tool-{}", props.tool.id())} {onclick}>
            { for body.into_iter().map(VNode::from) }
        </div>
    }
}
