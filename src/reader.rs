//! The reader: a document's title, metadata and body, with search marks and entity spans.
//!
//! Paragraphs are keyed components whose props hold only their own marks, so typing
//! re-renders just the paragraphs whose marks changed. A long document is drawn a window of
//! blocks at a time: more are added as the reader scrolls near either end (or presses "Show
//! more"), the window moves to wherever the current hit is, and printing draws it all.

use crate::corpus;
use explorer_core::entities::EntityKind;
use explorer_core::layout::{blocks, segments, Piece, Segment, BLOCK_BYTES};
use explorer_core::order::sort_by_u64;
use explorer_core::search::Hit;
use explorer_core::Span;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Blocks drawn at first, and added at a time as the reader scrolls.
const WINDOW_STEP: usize = 30;

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
            .entities(doc_idx)
            .iter()
            .enumerate()
            .flat_map(|(i, e)| e.mentions.iter().map(move |&m| (m, i as u32)))
            .collect();
        // By position (mentions never overlap); the same span keeps entity order.
        sort_by_u64(&mut all, |(span, _)| span.sort_key());
        all
    });
    let blocks = use_memo(props.doc_idx, |&doc_idx| {
        corpus
            .docs
            .get(doc_idx)
            .map(|d| blocks(d, BLOCK_BYTES))
            .unwrap_or_default()
    });
    let window = use_state(|| (0usize, WINDOW_STEP));
    let n_blocks = blocks.len();
    // The block holding the current hit must be drawn: move the window there if needed.
    let hit_block = props
        .hits
        .get(props.current_hit)
        .map(|h| blocks.partition_point(|b| b.span.end <= h.span.start));
    let (lo, hi) = match (*window, hit_block) {
        ((lo, hi), Some(b)) if b < n_blocks && (b < lo || b >= hi) => (
            b.saturating_sub(WINDOW_STEP / 4),
            (b + WINDOW_STEP).min(n_blocks),
        ),
        ((lo, hi), _) => (lo.min(n_blocks), hi.min(n_blocks)),
    };
    {
        let window = window.clone();
        use_effect_with((lo, hi), move |&shown| {
            if *window != shown {
                window.set(shown);
            }
        });
    }
    {
        // A new document starts at its top.
        let window = window.clone();
        use_effect_with(props.doc_idx, move |_| window.set((0, WINDOW_STEP)));
    }
    let top_ref = use_node_ref();
    let bottom_ref = use_node_ref();
    {
        // Grow the window when its top or bottom edge comes near the screen.
        let (window, top_ref, bottom_ref) = (window.clone(), top_ref.clone(), bottom_ref.clone());
        use_effect_with((lo, hi, n_blocks), move |&(lo, hi, n)| {
            let observer = watch_edges(&top_ref, &bottom_ref, move |top| {
                window.set(if top {
                    (lo.saturating_sub(WINDOW_STEP), hi)
                } else {
                    (lo, (hi + WINDOW_STEP).min(n))
                })
            });
            move || {
                if let Some((observer, _closure)) = observer {
                    observer.disconnect();
                }
            }
        });
    }
    {
        // Printing prints the whole document.
        let window = window.clone();
        use_effect_with(n_blocks, move |&n| {
            let listener = web_sys::window().map(|w| {
                gloo::events::EventListener::new(&w, "beforeprint", move |_| window.set((0, n)))
            });
            move || drop(listener)
        });
    }
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
            .filter(|k| corpus.entities(props.doc_idx).iter().any(|e| e.kind == *k))
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
        <article class={classes!("doc", props.inline_entities.then_some("inline-entities"))}>
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
                if lo > 0 {
                    <div class="more-text" ref={top_ref}>
                        <button type="button" class="text-button" onclick={{ let w = window.clone(); move |_| w.set((lo.saturating_sub(WINDOW_STEP), hi)) }}>
                            { format!("Show earlier text ({} of {} parts above)", lo, n_blocks) }
                        </button>
                    </div>
                }
                { for blocks[lo..hi].iter().enumerate().map(|(k, block)| {
                    let (hits, current, mentions) = region_props(block.span);
                    html! {
                        <p key={lo + k} data-para={block.para.to_string()} class={classes!((block.part > 0).then_some("cont"), block.lines.then_some("lines"))}>
                            <Region doc_idx={props.doc_idx} region={block.span} {hits} {current} {mentions}
                                hit_class={hit_class.clone()} selected_entity={props.selected_entity} />
                        </p>
                    }
                }) }
                if hi < n_blocks {
                    <div class="more-text" ref={bottom_ref}>
                        <button type="button" class="text-button" onclick={{ let w = window.clone(); move |_| w.set((lo, (hi + WINDOW_STEP).min(n_blocks))) }}>
                            { format!("Show more text ({} of {} parts below)", n_blocks - hi, n_blocks) }
                        </button>
                    </div>
                }
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
    let entities = corpus.entities(props.doc_idx);
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

type EdgeCallback = Closure<dyn FnMut(js_sys::Array)>;

/// Calls `on_edge(true)` when the top sentinel comes within a screen of the viewport, and
/// `on_edge(false)` for the bottom one. Returns the observer and its callback (dropping the
/// callback while observing would break it), or `None` where there is no
/// IntersectionObserver.
fn watch_edges(
    top: &NodeRef,
    bottom: &NodeRef,
    on_edge: impl Fn(bool) + 'static,
) -> Option<(web_sys::IntersectionObserver, EdgeCallback)> {
    let top_el = top.cast::<web_sys::Element>();
    let bottom_el = bottom.cast::<web_sys::Element>();
    if top_el.is_none() && bottom_el.is_none() {
        return None;
    }
    let top_for_cb = top_el.clone();
    let callback: EdgeCallback = Closure::new(move |entries: js_sys::Array| {
        for entry in entries.iter() {
            let Ok(entry) = entry.dyn_into::<web_sys::IntersectionObserverEntry>() else {
                continue;
            };
            if entry.is_intersecting() {
                let is_top = top_for_cb.as_ref().is_some_and(|t| *t == entry.target());
                on_edge(is_top);
                break;
            }
        }
    });
    let options = web_sys::IntersectionObserverInit::new();
    options.set_root_margin("100% 0px");
    let observer = web_sys::IntersectionObserver::new_with_options(
        callback.as_ref().unchecked_ref(),
        &options,
    )
    .ok()?;
    for el in [top_el, bottom_el].into_iter().flatten() {
        observer.observe(&el);
    }
    Some((observer, callback))
}
