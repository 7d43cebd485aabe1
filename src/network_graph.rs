//! The Network view (Voyant's RezoViz): the most mentioned entities, joined when they are
//! mentioned in the same sentence, laid out at build time (`explorer_core::network`). A node
//! selects its entity, as its chip does; an edge lists the sentences behind it, each of
//! which opens the reader there.

use crate::corpus;
use crate::documents_table::kind_class;
use crate::download::download;
use explorer_core::entities::EntityKind;
use explorer_core::format::fixed;
use explorer_core::network::{Edge, Network, EXTENT, LABEL_FONT, LABEL_GAP};
use explorer_core::query::entity_filter;
use explorer_core::span::Span;
use explorer_core::state::{to_hash, Tool, View, ViewSettings};
use yew::prelude::*;

/// The number of nodes shown when the URL does not say.
pub const DEFAULT_SIZE: usize = 25;

/// Pairs listed under the graph (the strongest, or the selected node's).
const PAIRS_LISTED: usize = 12;

/// Sentences listed for an edge before "Show all".
const SENTENCES_LISTED: usize = 30;

type EntityRef = (EntityKind, String);

#[derive(Properties, PartialEq)]
pub struct NetworkGraphProps {
    /// The views' settings: the network's size and selected edge are read from them.
    pub settings: ViewSettings,
    pub on_settings: Callback<ViewSettings>,
    /// The selected entity (its chip), if any.
    pub entity: Option<EntityRef>,
    /// A node was clicked: select its entity.
    pub on_node: Callback<EntityRef>,
    /// Open a document at a hit: (query, document, hit).
    pub on_open: Callback<(String, usize, usize)>,
}

fn node_ref(net: &Network, i: u32) -> EntityRef {
    let node = &net.nodes[i as usize];
    (node.kind, node.name.clone())
}

/// Text with some spans marked, as text nodes and `<mark>`s (never as HTML).
fn marked(text: &str, within: Span, marks: &[(Span, EntityKind)]) -> Html {
    let mut out = Vec::new();
    let mut at = within.start;
    for &(m, kind) in marks {
        if m.start < at || m.end > within.end {
            continue;
        }
        out.push(html! { { Span { start: at, end: m.start }.of(text) } });
        out.push(
            html! { <mark class={classes!("hit-ent", kind_class(kind))}>{ m.of(text) }</mark> },
        );
        at = m.end;
    }
    out.push(html! { { Span { start: at, end: within.end }.of(text) } });
    out.into_iter().collect()
}

#[component]
pub fn NetworkGraph(props: &NetworkGraphProps) -> Html {
    let corpus = corpus();
    let net = corpus.network();
    let show_all = use_state(|| false);
    let n = net.nearest_size(
        props
            .settings
            .network_size
            .map_or(DEFAULT_SIZE, |s| s as usize),
    );
    let Some(layout) = net.layout(n) else {
        return html! {
            <section class="tool tool-network" aria-labelledby="network-heading">
                <div class="panel-head"><h2 id="network-heading">{ "Network" }</h2></div>
                <p class="empty">{ "No entities were found in this corpus, so there is no network to draw." }</p>
            </section>
        };
    };
    let edges: Vec<(usize, &Edge)> = net
        .edges
        .iter()
        .enumerate()
        .filter(|(_, e)| (e.b as usize) < n)
        .collect();
    let heaviest = edges.iter().map(|(_, e)| e.sentences).max().unwrap_or(1);
    let selected_node = props
        .entity
        .as_ref()
        .and_then(|(kind, name)| net.node(*kind, name))
        .filter(|&i| i < n);
    let selected_edge = props.settings.edge.as_ref().and_then(|[a, b]| {
        let (a, b) = (net.node(a.0, &a.1)?, net.node(b.0, &b.1)?);
        net.edge(a, b)
    });
    let point = |i: u32| layout.points[i as usize];
    let select_edge = |edge: Option<usize>| {
        let mut settings = props.settings.clone();
        settings.edge =
            edge.map(|e| [node_ref(net, net.edges[e].a), node_ref(net, net.edges[e].b)]);
        let (on_settings, show_all) = (props.on_settings.clone(), show_all.clone());
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            show_all.set(false);
            on_settings.emit(settings.clone());
        })
    };
    let edge_href = |e: usize| {
        format!(
            "#{}",
            to_hash(&View {
                tool: Some(Tool::Network),
                views: ViewSettings {
                    edge: Some([node_ref(net, net.edges[e].a), node_ref(net, net.edges[e].b)]),
                    ..props.settings.clone()
                },
                ..View::default()
            })
        )
    };
    let on_size = |size: usize| {
        let on_settings = props.on_settings.clone();
        let mut next = props.settings.clone();
        next.network_size = Some(size as u32);
        Callback::from(move |_: Event| on_settings.emit(next.clone()))
    };
    let on_csv = Callback::from(move |_: MouseEvent| {
        download(
            "network-edges.csv",
            "text/csv",
            &corpus.network().edges_csv(n),
        );
    });
    let on_json = Callback::from(move |_: MouseEvent| {
        download(
            "network.json",
            "application/json",
            &corpus.network().to_json(n),
        );
    });
    let pair_button = |e: usize, from: Option<usize>| {
        let edge = net.edges[e];
        let (a, b) = (&net.nodes[edge.a as usize], &net.nodes[edge.b as usize]);
        let name = match from {
            Some(i) if i == edge.a as usize => b.name.clone(),
            Some(_) => a.name.clone(),
            None => format!("{} — {}", a.name, b.name),
        };
        html! {
            <li>
                <a class={classes!("pair", (selected_edge == Some(e)).then_some("selected"))} href={edge_href(e)} onclick={select_edge(Some(e))}>
                    <span>{ name }</span>
                    <span class="pair-count">{ format!("{} sentence{}", edge.sentences, if edge.sentences == 1 { "" } else { "s" }) }</span>
                </a>
            </li>
        }
    };

    // What goes under the graph: the selected edge's sentences, or the selected node's
    // pairs, or the strongest pairs.
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
            <div class="net-detail" aria-live="polite">
                <h3>
                    { format!("{} and {}: {} sentence{}", a.name, b.name, total, if total == 1 { "" } else { "s" }) }
                </h3>
                <button type="button" class="text-button" onclick={select_edge(None)}>{ "Clear" }</button>
                <ol class="sentences">
                { for sentences.into_iter().take(shown).map(|s| {
                    let doc = &corpus.docs[s.doc];
                    let (query, on_open, at) = (query.clone(), props.on_open.clone(), s.sentence.start);
                    let d = s.doc;
                    let onclick = Callback::from(move |_: MouseEvent| {
                        // The reader opens at the sentence's first mention among the query's hits.
                        let hits = corpus.search(&explorer_core::query::parse(&query));
                        let hit = hits.hits_in(d).partition_point(|h| h.span.start < at);
                        on_open.emit((query.clone(), d, hit));
                    });
                    html! {
                        <li>
                            <button type="button" class="sentence" {onclick}>
                                if several { <span class="sentence-doc">{ &doc.meta.title }</span> }
                                { marked(&doc.text, s.sentence, &s.mentions) }
                            </button>
                        </li>
                    }
                }) }
                </ol>
                if shown < total {
                    <button type="button" class="text-button" onclick={on_more}>{ format!("Show all {total}") }</button>
                }
            </div>
        }
    } else if let Some(i) = selected_node {
        let node = &net.nodes[i];
        let mut mine: Vec<usize> = edges
            .iter()
            .filter(|(_, e)| e.a as usize == i || e.b as usize == i)
            .map(|&(k, _)| k)
            .collect();
        explorer_core::order::sort_by_u64(&mut mine, |&k| {
            u64::from(u32::MAX - net.edges[k].sentences)
        });
        html! {
            <div class="net-detail">
                <h3>{ format!("{}: {} mention{} in {} document{}", node.name, node.mentions, if node.mentions == 1 { "" } else { "s" }, node.docs, if node.docs == 1 { "" } else { "s" }) }</h3>
                if mine.is_empty() {
                    <p class="empty">{ "Not mentioned in a sentence with another entity shown." }</p>
                } else {
                    <p class="tool-note">{ "Mentioned in the same sentence as:" }</p>
                    <ul class="pairs">{ for mine.into_iter().take(PAIRS_LISTED).map(|e| pair_button(e, Some(i))) }</ul>
                }
            </div>
        }
    } else {
        let mut strongest: Vec<usize> = edges.iter().map(|&(k, _)| k).collect();
        explorer_core::order::sort_by_u64(&mut strongest, |&k| {
            u64::from(u32::MAX - net.edges[k].sentences)
        });
        html! {
            <div class="net-detail">
                if strongest.is_empty() {
                    <p class="empty">{ "No two of these entities are mentioned in the same sentence." }</p>
                } else {
                    <h3>{ "Most often together" }</h3>
                    <ul class="pairs">{ for strongest.into_iter().take(PAIRS_LISTED).map(|e| pair_button(e, None)) }</ul>
                }
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
                <g class="net-edges">
                { for edges.iter().map(|&(k, e)| {
                    let ((x1, y1), (x2, y2)) = (point(e.a), point(e.b));
                    let width = 1.0 + 9.0 * (f64::from(e.sentences) / f64::from(heaviest)).sqrt();
                    let near = selected_node.is_some_and(|i| e.a as usize == i || e.b as usize == i);
                    let class = classes!("edge", (selected_edge == Some(k)).then_some("selected"), near.then_some("near"));
                    html! {
                        <g {class} onclick={select_edge(Some(k))}>
                            <title>{ format!("{} and {}: {} sentences", net.nodes[e.a as usize].name, net.nodes[e.b as usize].name, e.sentences) }</title>
                            <line class="edge-hit" x1={x1.to_string()} y1={y1.to_string()} x2={x2.to_string()} y2={y2.to_string()} />
                            <line class="edge-line" x1={x1.to_string()} y1={y1.to_string()} x2={x2.to_string()} y2={y2.to_string()} stroke-width={fixed(width, 1)} />
                        </g>
                    }
                }) }
                </g>
                { for (0..n).map(|i| {
                    let node = &net.nodes[i];
                    let (x, y) = layout.points[i];
                    let r = net.radius(i);
                    let (kind, name) = (node.kind, node.name.clone());
                    let href = format!("#{}", to_hash(&View {
                        query: entity_filter(kind, &name),
                        entity: Some((kind, name.clone())),
                        tool: Some(Tool::Network),
                        views: props.settings.clone(),
                        ..View::default()
                    }));
                    let on_node = props.on_node.clone();
                    let onclick = Callback::from(move |e: MouseEvent| {
                        e.prevent_default();
                        on_node.emit((kind, name.clone()));
                    });
                    let label = format!("{}, {}, {} mentions", node.name, node.kind.name(), node.mentions);
                    html! {
                        <a {href} {onclick} class={classes!("node", kind_class(kind), (selected_node == Some(i)).then_some("selected"))}
                            aria-label={label.clone()} aria-current={(selected_node == Some(i)).then_some("true")}>
                            <title>{ label }</title>
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
                <button type="button" class="text-button" onclick={on_csv}>{ "Download the pairs (CSV)" }</button>
                { " · " }
                <button type="button" class="text-button" onclick={on_json}>{ "Download the network (JSON)" }</button>
            </div>
        </section>
    }
}
