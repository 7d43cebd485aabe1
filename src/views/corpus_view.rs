//! The corpus view shown in the main pane (Documents, Trends or Network): its elements, built
//! as data (`tree.rs`) by the view's function, under one click listener that turns the
//! clicked element's action into a callback. A plain function, not a component: each
//! component type costs the page its own copy of yew's lifecycle code.

use crate::corpus;
use crate::download::download;
use crate::state::Action;
use crate::views::tree::{clicked_act, e, Acts, Handler, E};
use explorer_core::documents::table_csv;
use explorer_core::query::parse;
use explorer_core::search::SearchResult;
use explorer_core::state::{Tool, View, ViewSettings};
use std::rc::Rc;
use web_sys::Event;
use yew::Callback;

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

/// What a view is drawn from.
pub struct Args<'a> {
    pub tool: Tool,
    /// The current view: links lead to it with one thing changed.
    pub view: View,
    /// The open document.
    pub doc_idx: usize,
    /// The search result the match panels show (it follows typing after a pause).
    pub result: &'a SearchResult,
    pub has_query: bool,
}

/// A heading and a note under it, as every view starts. The view's heading is the page's
/// first: the reader's title is not shown with it.
pub fn head(title: &'static str, note: String) -> [E; 2] {
    [
        e("h1").class("tool-title").text(title),
        e("p").class("tool-note").text_s(note),
    ]
}

/// "1 sentence", "2 sentences".
pub fn plural(n: usize, one: &str) -> String {
    format!("{n} {one}{}", if n == 1 { "" } else { "s" })
}

/// A button that does an action.
pub fn button(acts: &mut Acts<Act>, class: &'static str, label: &'static str, act: Act) -> E {
    acts.on(
        e("button").attr("type", "button").class(class).text(label),
        act,
    )
}

/// The open view, with its click listener, which dispatches the root's actions (new
/// settings, opening the reader at a hit).
pub fn corpus_view(args: &Args, dispatch: &Callback<Action>) -> E {
    let mut acts = Acts(Vec::new());
    let (class, body) = match args.tool {
        Tool::Documents => (
            "tool tool-documents",
            crate::views::documents_table::documents(args, &mut acts),
        ),
        Tool::Trends => (
            "tool tool-trends",
            crate::views::trends_chart::trends(args, &mut acts),
        ),
        Tool::Network => (
            "tool tool-network",
            crate::views::network_graph::network(args, &mut acts),
        ),
    };
    let acts = Rc::new(acts.0);
    let (view, dispatch) = (args.view.clone(), dispatch.clone());
    let open = |query: &String, doc_idx: usize, hit: usize| Action::OpenAt {
        query: query.clone(),
        doc_idx,
        hit,
    };
    // Clicks only: a radio button here acts on its click.
    let handler: Handler = Rc::new(move |ev: &Event, change: bool| {
        let Some(act) = clicked_act(ev)
            .and_then(|i| acts.get(i))
            .filter(|_| !change)
        else {
            return;
        };
        let corpus = corpus();
        match act {
            Act::Views(settings) => dispatch.emit(Action::SetViews(settings.clone())),
            Act::Edge(k) => dispatch.emit(Action::SetViews(
                crate::views::network_graph::with_edge(&view, Some(*k)).views,
            )),
            Act::Open(query, doc, hit) => dispatch.emit(open(query, *doc, *hit)),
            Act::Sentence(doc, query, start) => {
                let hits = corpus.search(&parse(query));
                let hit = hits
                    .hits_in(*doc)
                    .partition_point(|h| h.span.start < *start);
                dispatch.emit(open(query, *doc, hit));
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
    });
    let mut view = e("div").class(class);
    for el in body {
        view = view.child(el);
    }
    view.listen(handler)
}
