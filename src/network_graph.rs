//! The Network view (Voyant's RezoViz): the most mentioned entities, joined when they are
//! mentioned in the same sentence, laid out at build time (`explorer_core::network`). A node
//! is a link that selects its entity, as its chip does; an edge (or a pair in the list under
//! the graph) lists the sentences behind it, each of which opens the reader there.
//!
//! Most controls are links to the view they lead to, so the page follows them as it follows
//! any URL (and a reader can open one in a new tab); the edges share one click listener.

use crate::corpus;
use crate::documents_table::kind_class;
use crate::download::download;
use explorer_core::entities::EntityKind;
use explorer_core::format::fixed;
use explorer_core::network::{Network, EXTENT, LABEL_FONT, LABEL_GAP};
use explorer_core::query::{entity_filter, parse};
use explorer_core::span::Span;
use explorer_core::state::{to_hash, View, ViewSettings};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The number of nodes shown when the URL does not say.
pub const DEFAULT_SIZE: usize = 25;

/// Pairs listed under the graph (the strongest, or the selected node's).
const PAIRS_LISTED: usize = 12;

/// Sentences listed for an edge before "Show all".
const SENTENCES_LISTED: usize = 30;

#[derive(Properties, PartialEq)]
pub struct NetworkGraphProps {
    /// The current view: links lead to it with one thing changed.
    pub view: View,
    pub on_settings: Callback<ViewSettings>,
    /// Open a document at a hit: (query, document, hit).
    pub on_open: Callback<(String, usize, usize)>,
}

/// The view with an edge selected (or none).
fn with_edge(net: &Network, view: &View, edge: Option<usize>) -> View {
    let mut next = view.clone();
    next.views.edge = edge.map(|e| {
        let node = |i: u32| {
            let n = &net.nodes[i as usize];
            (n.kind, n.name.clone())
        };
        [node(net.edges[e].a), node(net.edges[e].b)]
    });
    next
}

fn href(view: &View) -> String {
    format!("#{}", to_hash(view))
}

/// Text with some spans marked, as text nodes and `<mark>`s (never as HTML).
fn marked(text: &str, within: Span, marks: &[(Span, EntityKind)]) -> Html {
    let mut out = Vec::new();
    let mut at = within.start;
    for &(m, kind) in marks {
        if m.start < at || m.end > within.end {
            continue;
        }
        out.push(Html::from(
            Span {
                start: at,
                end: m.start,
            }
            .of(text),
        ));
        out.push(
            html! { <mark class={classes!("hit-ent", kind_class(kind))}>{ m.of(text) }</mark> },
        );
        at = m.end;
    }
    out.push(Html::from(
        Span {
            start: at,
            end: within.end,
        }
        .of(text),
    ));
    out.into_iter().collect()
}

#[component]
pub fn NetworkGraph(props: &NetworkGraphProps) -> Html {
    let corpus = corpus();
    let net = corpus.network();
    let show_all = use_state(|| false);
    let view = &props.view;
    let n = net.nearest_size(view.views.network_size.map_or(DEFAULT_SIZE, |s| s as usize));
    let Some(layout) = net.layout(n) else {
        return html! {
            <section class="tool tool-network" aria-labelledby="network-heading">
                <h2 id="network-heading">{ "Network" }</h2>
                <p class="empty">{ "No entities were found in this corpus, so there is no network to draw." }</p>
            </section>
        };
    };
    let edges: Vec<usize> = (0..net.edges.len())
        .filter(|&k| (net.edges[k].b as usize) < n)
        .collect();
    let heaviest = edges
        .iter()
        .map(|&k| net.edges[k].sentences)
        .max()
        .unwrap_or(1);
    let selected_node = view
        .entity
        .as_ref()
        .and_then(|(kind, name)| net.node(*kind, name))
        .filter(|&i| i < n);
    let selected_edge = view.views.edge.as_ref().and_then(|[a, b]| {
        let (a, b) = (net.node(a.0, &a.1)?, net.node(b.0, &b.1)?);
        net.edge(a, b)
    });
    // One listener for every edge: the line clicked says which (`data-e`).
    let on_edge = {
        let (on_settings, view, show_all) =
            (props.on_settings.clone(), view.clone(), show_all.clone());
        Callback::from(move |e: MouseEvent| {
            let k = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.get_attribute("data-e"))
                .and_then(|k| k.parse::<usize>().ok());
            if let Some(k) = k.filter(|&k| k < corpus.network().edges.len()) {
                show_all.set(false);
                on_settings.emit(with_edge(corpus.network(), &view, Some(k)).views);
            }
        })
    };
    let on_size = |size: usize| {
        let on_settings = props.on_settings.clone();
        let mut next = view.views.clone();
        next.network_size = Some(size as u32);
        Callback::from(move |_: Event| on_settings.emit(next.clone()))
    };
    let on_export = |json: bool| {
        Callback::from(move |_: MouseEvent| {
            let net = corpus.network();
            if json {
                download("network.json", "application/json", &net.to_json(n));
            } else {
                download("network-edges.csv", "text/csv", &net.edges_csv(n));
            }
        })
    };

    // Under the graph: the selected edge's sentences, or the pairs of the selected node, or
    // the strongest pairs.
    let detail = if let Some(e) = selected_edge {
        let edge = net.edges[e];
        let (a, b) = (&net.nodes[edge.a as usize], &net.nodes[edge.b as usize]);
        let sentences = corpus.edge_sentences(e);
        let total = sentences.len();
        let shown = if *show_all {
            total
        } else {
            total.min(SENTENCES_LISTED)
        };
        let query = corpus.edge_query(e);
        let several = corpus.docs.len() > 1;
        let on_more = {
            let show_all = show_all.clone();
            Callback::from(move |_: MouseEvent| show_all.set(true))
        };
        html! {
            <div class="net-detail">
                <h3>{ format!("{} and {}: {} sentence{}", a.name, b.name, total, if total == 1 { "" } else { "s" }) }</h3>
                <a href={href(&with_edge(net, view, None))}>{ "Clear" }</a>
                <ol class="sentences">
                { for sentences.into_iter().take(shown).map(|s| {
                    let doc = &corpus.docs[s.doc];
                    let (query, on_open, at, d) = (query.clone(), props.on_open.clone(), s.sentence.start, s.doc);
                    let onclick = Callback::from(move |_: MouseEvent| {
                        // The reader opens at the sentence's first mention among the query's hits.
                        let hit = corpus.search(&parse(&query)).hits_in(d).partition_point(|h| h.span.start < at);
                        on_open.emit((query.clone(), d, hit));
                    });
                    html! {
                        <li><button type="button" class="sentence" {onclick}>
                            if several { <span class="sentence-doc">{ &doc.meta.title }</span> }
                            { marked(&doc.text, s.sentence, &s.mentions) }
                        </button></li>
                    }
                }) }
                </ol>
                if shown < total {
                    <button type="button" class="text-button" onclick={on_more}>{ format!("Show all {total}") }</button>
                }
            </div>
        }
    } else {
        let mut pairs: Vec<usize> = edges
            .iter()
            .copied()
            .filter(|&k| {
                selected_node
                    .is_none_or(|i| net.edges[k].a as usize == i || net.edges[k].b as usize == i)
            })
            .collect();
        explorer_core::order::sort_by_u64(&mut pairs, |&k| {
            u64::from(u32::MAX - net.edges[k].sentences)
        });
        let heading = match selected_node {
            Some(i) => {
                let node = &net.nodes[i];
                format!(
                    "{}: {} mention{} in {} document{}; in the same sentence as",
                    node.name,
                    node.mentions,
                    if node.mentions == 1 { "" } else { "s" },
                    node.docs,
                    if node.docs == 1 { "" } else { "s" }
                )
            }
            None => "Most often together".to_string(),
        };
        html! {
            <div class="net-detail">
                <h3>{ heading }</h3>
                if pairs.is_empty() {
                    <p class="empty">{ "No other entity shown is mentioned in the same sentence." }</p>
                }
                <ul class="pairs">
                { for pairs.into_iter().take(PAIRS_LISTED).map(|k| {
                    let edge = net.edges[k];
                    let (a, b) = (&net.nodes[edge.a as usize].name, &net.nodes[edge.b as usize].name);
                    let name = match selected_node {
                        Some(i) if i == edge.a as usize => b.clone(),
                        Some(_) => a.clone(),
                        None => format!("{a} — {b}"),
                    };
                    html! {
                        <li><a class="pair" href={href(&with_edge(net, view, Some(k)))}>
                            <span>{ name }</span>
                            <span class="pair-count">{ format!("{} sentence{}", edge.sentences, if edge.sentences == 1 { "" } else { "s" }) }</span>
                        </a></li>
                    }
                }) }
                </ul>
            </div>
        }
    };

    html! {
        <section class="tool tool-network" aria-labelledby="network-heading">
            <div class="panel-head">
                <h2 id="network-heading">{ "Network" }</h2>
                <div class="segmented" role="radiogroup" aria-label="Entities shown">
                    { for net.sizes().into_iter().map(|s| html! {
                        <label><input type="radio" name="net-size" checked={s == n} onchange={on_size(s)} />{ format!("Top {s}") }</label>
                    }) }
                </div>
            </div>
            <p class="tool-note">{ "The most mentioned entities, joined when mentioned in the same sentence (the thicker the line, the more sentences). A name searches for it; a line lists its sentences." }</p>
            <svg class="net" viewBox={format!("0 0 {0} {0}", fixed(EXTENT, 0))} role="group" aria-label={format!("Network of the {n} most mentioned entities")}>
                <g class="net-edges" onclick={on_edge}>
                { for edges.iter().map(|&k| {
                    let e = net.edges[k];
                    let ((x1, y1), (x2, y2)) = (layout.points[e.a as usize], layout.points[e.b as usize]);
                    let near = selected_node.is_some_and(|i| e.a as usize == i || e.b as usize == i);
                    html! {
                        <line data-e={k.to_string()} class={classes!((selected_edge == Some(k)).then_some("selected"), near.then_some("near"))}
                            x1={x1.to_string()} y1={y1.to_string()} x2={x2.to_string()} y2={y2.to_string()}
                            stroke-width={fixed(2.0 + 8.0 * (f64::from(e.sentences) / f64::from(heaviest)).sqrt(), 1)} />
                    }
                }) }
                </g>
                { for (0..n).map(|i| {
                    let node = &net.nodes[i];
                    let (x, y) = layout.points[i];
                    let r = net.radius(i);
                    let selected = selected_node == Some(i);
                    // A node selects its entity, as its chip does; the selected one clears it.
                    let mut to = view.clone();
                    to.entity = (!selected).then(|| (node.kind, node.name.clone()));
                    to.query = to.entity.as_ref().map_or(String::new(), |(k, name)| entity_filter(*k, name));
                    to.term = None;
                    html! {
                        <a href={href(&to)} class={classes!("node", kind_class(node.kind), selected.then_some("selected"))}
                            aria-label={format!("{}, {}, {} mentions", node.name, node.kind.name(), node.mentions)}
                            aria-current={selected.then_some("true")}>
                            <circle cx={x.to_string()} cy={y.to_string()} r={fixed(r, 1)} />
                            if let Some(text) = net.label(i) {
                                <text x={fixed(f64::from(x) + r + LABEL_GAP, 1)} y={fixed(f64::from(y) + LABEL_FONT * 0.35, 1)}>{ text }</text>
                            }
                        </a>
                    }
                }) }
            </svg>
            { detail }
            <div class="panel-foot">
                <button type="button" class="text-button" onclick={on_export(false)}>{ "Download the pairs (CSV)" }</button>
                { " · " }
                <button type="button" class="text-button" onclick={on_export(true)}>{ "Download the network (JSON)" }</button>
            </div>
        </section>
    }
}
