//! The reader: a document's title, metadata and body, with search marks and entity spans.
//!
//! Paragraphs are keyed components whose props hold only their own marks, so typing
//! re-renders just the paragraphs whose marks changed.

use crate::corpus;
use explorer_core::entities::EntityKind;
use explorer_core::layout::{segments, Piece, Segment};
use explorer_core::search::Hit;
use explorer_core::Span;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    pub doc_idx: usize,
    /// The open document's hits, sorted.
    pub hits: Rc<Vec<Hit>>,
    pub current_hit: usize,
    /// Style hits as this kind's entity marks (a chip is selected) rather than search marks.
    pub hit_entity_kind: Option<EntityKind>,
    /// Show every entity inline with its type label.
    pub inline_entities: bool,
    pub selected_entity: Option<usize>,
}

/// CSS class of an entity kind.
pub fn kind_class(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "ent-per",
        EntityKind::Org => "ent-org",
        EntityKind::Gpe => "ent-gpe",
        EntityKind::Loc => "ent-loc",
        EntityKind::Event => "ent-event",
        EntityKind::Norp => "ent-norp",
    }
}

#[component]
pub fn Reader(props: &ReaderProps) -> Html {
    let corpus = corpus();
    // Every mention of every entity of the document, sorted, for the inline view.
    let mentions = use_memo(props.doc_idx, |&doc_idx| {
        let mut all: Vec<(Span, u32)> = corpus
            .entities
            .get(doc_idx)
            .map(|es| {
                es.iter()
                    .enumerate()
                    .flat_map(|(i, e)| e.mentions.iter().map(move |&m| (m, i as u32)))
                    .collect()
            })
            .unwrap_or_default();
        all.sort_unstable();
        all
    });
    let Some(doc) = corpus.docs.get(props.doc_idx) else {
        return html! { <p class="notice">{ "This document does not exist." }</p> };
    };
    let hit_class: AttrValue = match props.hit_entity_kind {
        Some(kind) => format!("hit hit-ent {}", kind_class(kind)).into(),
        None => "hit".into(),
    };
    let no_mentions: Rc<Vec<(Span, u32)>> = Rc::default();
    let region_props = |region: Span| {
        let from = props.hits.partition_point(|h| h.span.end <= region.start);
        let to = props.hits.partition_point(|h| h.span.start < region.end);
        let hits: Vec<(Span, u32)> = props.hits[from..to]
            .iter()
            .enumerate()
            .map(|(i, h)| (h.span, (from + i) as u32))
            .collect();
        let current = (from..to)
            .contains(&props.current_hit)
            .then_some(props.current_hit as u32);
        let region_mentions = if props.inline_entities {
            let a = mentions.partition_point(|(m, _)| m.end <= region.start);
            let b = mentions.partition_point(|(m, _)| m.start < region.end);
            Rc::new(mentions[a..b].to_vec())
        } else {
            no_mentions.clone()
        };
        (Rc::new(hits), current, region_mentions)
    };
    let meta = &doc.meta;
    let title = match meta.title_span {
        Some(span) => {
            let (hits, current, mentions) = region_props(span);
            html! {
                <Region doc_idx={props.doc_idx} region={span} {hits} {current} {mentions}
                    hit_class={hit_class.clone()} selected_entity={props.selected_entity} />
            }
        }
        None => html! { { &meta.title } },
    };
    // With entities shown inline, say what their labels mean (only the kinds present).
    let legend = if props.inline_entities {
        let present: Vec<EntityKind> = EntityKind::ALL
            .into_iter()
            .filter(|k| {
                corpus
                    .entities
                    .get(props.doc_idx)
                    .is_some_and(|es| es.iter().any(|e| e.kind == *k))
            })
            .collect();
        html! {
            <ul class="legend" aria-label="Entity labels">
                { for present.into_iter().map(|k| html! {
                    <li><span class={classes!("kind-tag", kind_class(k))}>{ k.label() }</span>{ format!(" {}", k.name()) }</li>
                }) }
            </ul>
        }
    } else {
        html! {}
    };
    html! {
        <article class={classes!("doc", props.inline_entities.then_some("inline-entities"))} lang="en">
            { legend }
            <header class="doc-header">
                <h1 class="doc-title">{ title }</h1>
                if let Some(byline) = &meta.byline {
                    <p class="byline">{ &byline.value }</p>
                }
                <dl class="doc-meta">
                    if let Some(source) = &meta.source {
                        <div><dt>{ "Source" }</dt><dd class="source">{ &source.value }</dd></div>
                    }
                    if let Some(published) = &meta.published {
                        <div><dt>{ "Published" }</dt><dd><time datetime={published.iso.clone()}>{ &published.raw }</time></dd></div>
                    }
                    if let Some(editor) = &meta.editor {
                        <div><dt>{ "Editor" }</dt><dd class="editor">{ &editor.value }</dd></div>
                    }
                </dl>
            </header>
            <div class="doc-body">
                { for doc.paragraphs.iter().enumerate().map(|(i, &span)| {
                    let (hits, current, mentions) = region_props(span);
                    html! {
                        <p key={i} data-para={i.to_string()}>
                            <Region doc_idx={props.doc_idx} region={span} {hits} {current} {mentions}
                                hit_class={hit_class.clone()} selected_entity={props.selected_entity} />
                        </p>
                    }
                }) }
            </div>
        </article>
    }
}

#[derive(Properties, PartialEq)]
pub struct RegionProps {
    pub doc_idx: usize,
    pub region: Span,
    /// (span, hit number) of the hits in this region.
    pub hits: Rc<Vec<(Span, u32)>>,
    pub current: Option<u32>,
    /// (span, entity index) of the mentions shown inline in this region.
    pub mentions: Rc<Vec<(Span, u32)>>,
    pub hit_class: AttrValue,
    pub selected_entity: Option<usize>,
}

/// The text of one region (the title or a paragraph), split into text, marks and entities.
#[component]
pub fn Region(props: &RegionProps) -> Html {
    let corpus = corpus();
    let doc = &corpus.docs[props.doc_idx];
    let entities = &corpus.entities[props.doc_idx];
    let text = doc.text.as_str();
    let piece = |p: &Piece| -> Html {
        match *p {
            Piece::Text(span) => html! { { span.of(text) } },
            Piece::Hit { span, hit } => {
                let current = props.current == Some(hit);
                html! {
                    <mark class={classes!(props.hit_class.to_string(), current.then_some("current"))}
                        data-hit={hit.to_string()}>{ span.of(text) }</mark>
                }
            }
        }
    };
    html! {
        <>
        { for segments(props.region, &props.hits, &props.mentions).iter().map(|segment| match segment {
            Segment::Piece(p) => piece(p),
            Segment::Entity { entity, pieces, .. } => {
                let e = &entities[*entity as usize];
                let selected = props.selected_entity == Some(*entity as usize);
                html! {
                    <span class={classes!("ent", kind_class(e.kind), selected.then_some("selected"))}
                        data-label={e.kind.label()} title={format!("{}: {}", e.kind.name(), e.canonical)}>
                        { for pieces.iter().map(piece) }
                    </span>
                }
            }
        }) }
        </>
    }
}
