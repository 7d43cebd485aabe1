//! The Network view (Voyant's RezoViz): the most mentioned entities, joined when they are
//! mentioned in the same sentence, laid out at build time (`explorer_core::network`). A node
//! is a link that selects its entity, as its chip does; an edge (or a pair in the list under
//! the graph) lists the sentences behind it, each of which opens the reader there.

use crate::corpus;
use crate::reader::kind_class;
use crate::views::corpus_view::{button, head, plural, Act, Args};
use crate::views::tree::{e, Acts, E};
use crate::views::trends_chart::{option, segmented};
use explorer_core::format::fixed;
use explorer_core::network::{LABEL_FONT, LABEL_GAP};
use explorer_core::query::entity_filter;
use explorer_core::span::Span;
use explorer_core::state::{to_hash, View};

/// The number of nodes shown when the URL does not say.
pub const DEFAULT_SIZE: usize = 25;

/// Pairs listed under the graph (the strongest, or the selected node's).
const PAIRS_LISTED: usize = 12;

/// Sentences listed for an edge.
const SENTENCES_LISTED: usize = 100;

/// The view with an edge of the network selected (or none).
pub fn with_edge(view: &View, edge: Option<usize>) -> View {
    let net = corpus().network();
    let mut next = view.clone();
    next.views.edge = edge.filter(|&k| k < net.edges.len()).map(|k| {
        let node = |i: u32| {
            let n = &net.nodes[i as usize];
            (n.kind, n.name.clone())
        };
        [node(net.edges[k].a), node(net.edges[k].b)]
    });
    next
}

fn link(view: &View) -> E {
    e("a").attr_s("href", format!("#{}", to_hash(view)))
}

pub fn network(args: &Args, acts: &mut Acts<Act>) -> Vec<E> {
    let corpus = corpus();
    let net = corpus.network();
    let view = &args.view;
    let n = net.nearest_size(view.views.network_size.map_or(DEFAULT_SIZE, |s| s as usize));
    let [h1, note] = head(
        "Network",
        "The most mentioned entities, joined when mentioned in the same sentence (the thicker the line, the more sentences). A name searches for it; a line lists its sentences.".into(),
    );
    let Some(layout) = net.layout(n) else {
        return vec![
            h1,
            e("p")
                .class("empty")
                .text("No entities were found in this corpus, so there is no network to draw."),
        ];
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
    let touches = |k: usize, i: usize| net.edges[k].a as usize == i || net.edges[k].b as usize == i;

    let mut sizes = segmented("Entities shown");
    for s in net.sizes() {
        let mut settings = view.views.clone();
        settings.network_size = Some(s as u32);
        sizes = sizes.child(option(
            acts,
            "net-size",
            format!("Top {s}"),
            s == n,
            Act::Views(settings),
        ));
    }

    let mut lines = e("g").class("net-edges");
    for &k in &edges {
        let edge = net.edges[k];
        let ((x1, y1), (x2, y2)) = (
            layout.points[edge.a as usize],
            layout.points[edge.b as usize],
        );
        let class = if selected_edge == Some(k) {
            "selected"
        } else if selected_node.is_some_and(|i| touches(k, i)) {
            "near"
        } else {
            ""
        };
        let width = 2.0 + 8.0 * (f64::from(edge.sentences) / f64::from(heaviest)).sqrt();
        let line = e("line")
            .class(class)
            .attr_n("x1", x1.into())
            .attr_n("y1", y1.into())
            .attr_n("x2", x2.into())
            .attr_n("y2", y2.into())
            .attr_s("stroke-width", fixed(width, 1));
        lines = lines.child(acts.on(line, Act::Edge(k)));
    }
    let mut svg = e("svg")
        .class("net")
        .attr("viewBox", "0 0 1000 1000")
        .attr("role", "group")
        .attr_s(
            "aria-label",
            format!("Network of the {n} most mentioned entities"),
        )
        .child(lines);
    for i in 0..n {
        let node = &net.nodes[i];
        let (x, y) = layout.points[i];
        let r = net.radius(i);
        let selected = selected_node == Some(i);
        // A node selects its entity, as its chip does; the selected one clears it.
        let mut to = view.clone();
        to.entity = (!selected).then(|| (node.kind, node.name.clone()));
        to.query = to
            .entity
            .as_ref()
            .map_or(String::new(), |(kind, name)| entity_filter(*kind, name));
        to.term = None;
        let mut dot = link(&to)
            .attr_s(
                "class",
                format!(
                    "node {}{}",
                    kind_class(node.kind),
                    if selected { " selected" } else { "" }
                ),
            )
            .attr_s(
                "aria-label",
                format!(
                    "{}, {}, {}",
                    node.name,
                    node.kind.name(),
                    plural(node.mentions as usize, "mention")
                ),
            )
            .attr_if(selected, "aria-current", "true")
            .child(
                e("circle")
                    .attr_n("cx", x.into())
                    .attr_n("cy", y.into())
                    .attr_s("r", fixed(r, 1)),
            );
        if let Some(text) = net.label(i) {
            dot = dot.child(
                e("text")
                    .attr_s("x", fixed(f64::from(x) + r + LABEL_GAP, 1))
                    .attr_s("y", fixed(f64::from(y) + LABEL_FONT * 0.35, 1))
                    .text_s(text),
            );
        }
        svg = svg.child(dot);
    }

    // Under the graph: the selected edge's sentences, or the pairs of the selected node, or
    // the strongest pairs.
    let mut detail = e("div").class("net-detail");
    if let Some(k) = selected_edge {
        let edge = net.edges[k];
        let (a, b) = (&net.nodes[edge.a as usize], &net.nodes[edge.b as usize]);
        let sentences = corpus.edge_sentences(k);
        let total = sentences.len();
        let query = corpus.edge_query(k);
        let several = corpus.docs.len() > 1;
        let mut list = e("ol").class("sentences");
        for s in sentences.into_iter().take(SENTENCES_LISTED) {
            let text = corpus.docs[s.doc].text.as_str();
            let mut item = e("button").attr("type", "button").class("sentence");
            if several {
                item = item.child(
                    e("span")
                        .class("sentence-doc")
                        .text_s(corpus.docs[s.doc].meta.title.clone()),
                );
            }
            // The sentence as text, its two entities' mentions marked.
            let mut at = s.sentence.start;
            for &(m, kind) in &s.mentions {
                if m.start < at {
                    continue;
                }
                item = item
                    .text_s(
                        Span {
                            start: at,
                            end: m.start,
                        }
                        .of(text)
                        .to_string(),
                    )
                    .child(
                        e("mark")
                            .attr_s("class", format!("hit-ent {}", kind_class(kind)))
                            .text_s(m.of(text).to_string()),
                    );
                at = m.end;
            }
            item = item.text_s(
                Span {
                    start: at,
                    end: s.sentence.end,
                }
                .of(text)
                .to_string(),
            );
            let act = Act::Sentence(s.doc, query.clone(), s.sentence.start);
            list = list.child(e("li").child(acts.on(item, act)));
        }
        detail = detail
            .child(e("h2").text_s(format!(
                "{} and {}: {}",
                a.name,
                b.name,
                plural(total, "sentence")
            )))
            .child(link(&with_edge(view, None)).text("Clear"))
            .child(list);
        if total > SENTENCES_LISTED {
            detail = detail.child(e("p").class("tool-note").text_s(format!(
                "The first {SENTENCES_LISTED}; the search “{query}” finds them all."
            )));
        }
    } else {
        let mut pairs: Vec<usize> = edges
            .iter()
            .copied()
            .filter(|&k| selected_node.is_none_or(|i| touches(k, i)))
            .collect();
        explorer_core::order::sort_by_u64(&mut pairs, |&k| {
            u64::from(u32::MAX - net.edges[k].sentences)
        });
        let heading = match selected_node {
            Some(i) => {
                let node = &net.nodes[i];
                format!(
                    "{}: {} in {}; in the same sentence as",
                    node.name,
                    plural(node.mentions as usize, "mention"),
                    plural(node.docs as usize, "document")
                )
            }
            None => "Most often together".to_string(),
        };
        detail = detail.child(e("h2").text_s(heading));
        if pairs.is_empty() {
            detail = detail.child(
                e("p")
                    .class("empty")
                    .text("No other entity shown is mentioned in the same sentence."),
            );
        }
        let mut list = e("ul").class("pairs");
        for &k in pairs.iter().take(PAIRS_LISTED) {
            let edge = net.edges[k];
            let (a, b) = (
                &net.nodes[edge.a as usize].name,
                &net.nodes[edge.b as usize].name,
            );
            let name = match selected_node {
                Some(i) if i == edge.a as usize => b.clone(),
                Some(_) => a.clone(),
                None => format!("{a} — {b}"),
            };
            list = list.child(
                e("li").child(
                    link(&with_edge(view, Some(k)))
                        .class("pair")
                        .child(e("span").text_s(name))
                        .child(
                            e("span")
                                .class("pair-count")
                                .text_s(plural(edge.sentences as usize, "sentence")),
                        ),
                ),
            );
        }
        detail = detail.child(list);
    }

    vec![
        e("div").class("panel-head").child(h1).child(sizes),
        note,
        svg,
        detail,
        e("p")
            .class("panel-foot")
            .child(button(
                acts,
                "text-button",
                "Download the pairs (CSV)",
                Act::Network(n, false),
            ))
            .text(" · ")
            .child(button(
                acts,
                "text-button",
                "Download the network (JSON)",
                Act::Network(n, true),
            )),
    ]
}
