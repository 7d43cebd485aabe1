//! The root component: owns the state, derives the search result, keeps the URL hash in
//! step, and lays out the panels.

use crate::corpus;
use crate::entity_chips::EntityChips;
use crate::matches::{KwicList, Matches};
use crate::reader::Reader;
use crate::search_bar::SearchBar;
use crate::state::{Action, HistoryMode, State, Tab, TermOptions};
use crate::summary::Summary;
use crate::term_chart::TermChart;
use crate::theme::ThemeToggle;
use explorer_core::entities::EntityKind;
use explorer_core::query;
use explorer_core::search::{Hit, SearchResult};
use explorer_core::state::{parse as parse_hash, to_hash};
use gloo::events::{EventListener, EventListenerOptions};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// An `Rc` compared by identity: memoised values are the same allocation until their inputs
/// change, so props holding them compare in constant time.
#[derive(Debug, Default)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// How long the Matches and Summary panels wait for typing to pause, in milliseconds.
const PANEL_DELAY_MS: u32 = 80;

/// How long typing must pause before the URL follows it, in milliseconds.
const HASH_DELAY_MS: u32 = 400;

/// The URL hash without its '#'.
pub fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// Writes the view into the URL: a new history entry, or in place of the current one.
fn write_hash(hash: &str, push: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let url = if hash.is_empty() {
        format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        )
    } else {
        format!("#{hash}")
    };
    let written = window.history().and_then(|h| {
        if push {
            h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        } else {
            h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        }
    });
    if written.is_err() {
        // Some contexts (an opaque file:// origin) refuse the History API; the hash still works.
        let _ = location.set_hash(hash);
    }
}

/// Scrolls the current hit into view if it is not already visible.
fn scroll_to_current_hit(hit: usize) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let selector = format!(".doc mark[data-hit=\"{hit}\"]");
    let Ok(Some(mark)) = document.query_selector(&selector) else {
        return;
    };
    let rect = mark.get_bounding_client_rect();
    let height = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    // Leave room for the sticky search bar at the top.
    if rect.top() < 120.0 || rect.bottom() > height - 20.0 {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        mark.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Every callback the root hands down, each dispatching one action.
struct Callbacks {
    on_type: Callback<String>,
    on_term: Callback<String>,
    on_clear: Callback<()>,
    on_go: Callback<(usize, usize)>,
    on_open: Callback<usize>,
    on_entity: Callback<(EntityKind, String)>,
    on_inline: Callback<()>,
    on_term_options: Callback<TermOptions>,
    on_tab: Callback<Tab>,
}

impl Callbacks {
    fn new(d: UseReducerDispatcher<State>) -> Callbacks {
        let send = |f: fn(&UseReducerDispatcher<State>)| {
            let d = d.clone();
            Callback::from(move |()| f(&d))
        };
        Callbacks {
            on_type: {
                let d = d.clone();
                Callback::from(move |q| d.dispatch(Action::Type(q)))
            },
            on_term: {
                let d = d.clone();
                Callback::from(move |t| d.dispatch(Action::ToggleTerm(t)))
            },
            on_clear: send(|d| d.dispatch(Action::ClearQuery)),
            on_go: {
                let d = d.clone();
                Callback::from(move |(doc_idx, hit)| d.dispatch(Action::GoToHit { doc_idx, hit }))
            },
            on_open: {
                let d = d.clone();
                Callback::from(move |doc_idx| d.dispatch(Action::OpenDoc(doc_idx)))
            },
            on_entity: {
                let d = d.clone();
                Callback::from(move |(kind, name)| d.dispatch(Action::ToggleEntity(kind, name)))
            },
            on_inline: send(|d| d.dispatch(Action::ToggleInline)),
            on_term_options: {
                let d = d.clone();
                Callback::from(move |o| d.dispatch(Action::SetTermOptions(o)))
            },
            on_tab: {
                let d = d.clone();
                Callback::from(move |tab| d.dispatch(Action::ShowTab(tab)))
            },
        }
    }
}

#[component]
pub fn App() -> Html {
    let corpus = corpus();
    let state = use_reducer(|| State::from_view(&parse_hash(&current_hash())));
    let input_ref = use_node_ref();

    let result: Shared<SearchResult> = Shared(use_memo(state.query.clone(), |q| {
        corpus.search(&query::parse(q))
    }));
    let doc_hits: Shared<Vec<Hit>> = {
        let result = result.clone();
        Shared(use_memo(
            (state.query.clone(), state.doc_idx),
            move |(_, doc)| result.hits_in(*doc).to_vec(),
        ))
    };

    // The panels that list matches follow the query a moment later: while the reader types,
    // only the reader's marks and the counter are redrawn per keystroke.
    let panel = use_state(|| (state.query.clone(), result.clone()));
    {
        let (panel, query, result) = (panel.clone(), state.query.clone(), result.clone());
        use_effect_with(result.clone(), move |_| {
            let timeout = (panel.1 != result).then(|| {
                gloo::timers::callback::Timeout::new(PANEL_DELAY_MS, move || {
                    panel.set((query, result))
                })
            });
            move || drop(timeout)
        });
    }
    let (panel_query, panel_result) = (*panel).clone();

    // Keep the URL hash in step with the view. While the reader types, wait for a pause:
    // each URL change costs the browser a favicon reload and a history write.
    use_effect_with((state.view(), state.history), |(view, history)| {
        let hash = to_hash(view);
        let write = (*history != HistoryMode::FromUrl && hash != current_hash()).then(|| {
            let push = *history == HistoryMode::Push;
            move || write_hash(&hash, push)
        });
        let timeout = match (write, history) {
            (Some(write), HistoryMode::Replace) => {
                Some(gloo::timers::callback::Timeout::new(HASH_DELAY_MS, write))
            }
            (Some(write), _) => {
                write();
                None
            }
            (None, _) => None,
        };
        move || drop(timeout)
    });

    // Back, Forward, an edited or pasted hash: follow the URL.
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let window = web_sys::window().expect("a window");
            let follow = move |_: &web_sys::Event| {
                dispatcher.dispatch(Action::FromUrl(parse_hash(&current_hash())))
            };
            let on_hash = EventListener::new(&window, "hashchange", follow.clone());
            let on_pop = EventListener::new(&window, "popstate", follow);
            move || drop((on_hash, on_pop))
        });
    }

    // "/" focuses the search box from anywhere but another text field.
    {
        let input_ref = input_ref.clone();
        use_effect_with((), move |_| {
            let document = web_sys::window()
                .and_then(|w| w.document())
                .expect("a document");
            let options = EventListenerOptions::enable_prevent_default();
            let listener =
                EventListener::new_with_options(&document, "keydown", options, move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    let typing = e
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        .is_some_and(|el| {
                            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                                || el.closest("[contenteditable]").ok().flatten().is_some()
                        });
                    if e.key() == "/" && !typing && !e.ctrl_key() && !e.meta_key() && !e.alt_key() {
                        if let Some(input) = input_ref.cast::<web_sys::HtmlInputElement>() {
                            e.prevent_default();
                            let _ = input.focus();
                            input.select();
                        }
                    }
                });
            move || drop(listener)
        });
    }

    // After a step, a jump or a new query, bring the current hit into view.
    // Done in the next animation frame, so measuring the mark forces no extra layout, and a
    // quick run of keystrokes scrolls once.
    use_effect_with(
        (state.scroll_request, state.current_hit, state.doc_idx),
        |&(_, hit, _)| {
            let frame = gloo::render::request_animation_frame(move |_| scroll_to_current_hit(hit));
            move || drop(frame)
        },
    );

    // Callbacks are made once (the dispatcher never changes), so children's props compare
    // equal across renders and a keystroke re-renders only what it changes.
    let cb = use_memo((), {
        let d = state.dispatcher();
        move |_| Callbacks::new(d)
    });
    let on_step = {
        let d = state.dispatcher();
        use_callback(doc_hits.len(), move |forward: bool, &n_hits| {
            d.dispatch(Action::StepHit { forward, n_hits })
        })
    };

    // The side panels are drawn a frame after the search box and the reader: the page is
    // usable and painted sooner, and the panels (hundreds of chips, bars and links on a large
    // corpus) follow. The pre-rendered page has the same empty side columns, so nothing moves.
    let panels = use_state(|| false);
    {
        let panels = panels.clone();
        use_effect_with((), move |_| {
            // An animation frame runs just before the browser paints; a timeout set there runs
            // after it.
            let frame = gloo::render::request_animation_frame(move |_| {
                let _id =
                    gloo::timers::callback::Timeout::new(0, move || panels.set(true)).forget();
            });
            move || drop(frame)
        });
    }

    let selected = state.selected_entity();
    let selected_idx = selected.map(|(i, _)| i);
    let hit_entity_kind = selected.map(|(_, e)| e.kind);
    let tab_name = state.tab.id();
    let entity_detail = match selected {
        Some((_, e)) => html! {
            <div class="entity-detail" aria-live="polite">
                <p class="entity-detail-head">
                    <strong>{ &e.canonical }</strong>
                    { format!(" · {} · {} mention{}", e.kind.name(), e.count(), if e.count() == 1 { "" } else { "s" }) }
                    if !e.aliases.is_empty() {
                        { format!(" · also {}", e.aliases.join(", ")) }
                    }
                </p>
                <crate::dispersion::Dispersion hits={doc_hits.0.clone()} length={corpus.docs[state.doc_idx].text.len()}
                    current={state.current_hit} on_jump={{ let on_go = cb.on_go.clone(); let doc = state.doc_idx; Callback::from(move |h| on_go.emit((doc, h))) }}
                    label={format!("{} in this document", e.canonical)} />
                <KwicList doc_idx={state.doc_idx} hits={doc_hits.0.clone()} show_title={false}
                    current={Some(state.current_hit)} on_go={cb.on_go.clone()} />
            </div>
        },
        None => html! {},
    };

    html! {
        <div class={classes!("app", panels.then_some("ready"))} data-tab={tab_name}>
            <header class="topbar">
                <p class="brand"><span class="brand-mark" aria-hidden="true">{ "¶" }</span>{ " Text Explorer" }</p>
                <SearchBar query={state.query.clone()} result={result.clone()} n_hits={doc_hits.len()}
                    current={state.current_hit} input_ref={input_ref.clone()} on_type={cb.on_type.clone()} {on_step} on_clear={cb.on_clear.clone()} />
                <ThemeToggle />
                <nav class="tabs" aria-label="Panels">
                    { for Tab::ALL.into_iter().map(|tab| {
                        let on_tab = cb.on_tab.clone();
                        html! {
                            <button type="button" class="tab" aria-pressed={(state.tab == tab).to_string()}
                                onclick={move |_| on_tab.emit(tab)}>{ tab.label() }</button>
                        }
                    }) }
                </nav>
            </header>
            if let Some(id) = &state.unknown_doc {
                <p class="notice" role="alert">{ format!("There is no document “{id}” in this corpus; showing the first one.") }</p>
            }
            <div class="panes">
                <aside class="side side-left" aria-label="Entities and summary">
                    if *panels {
                        <EntityChips doc_idx={state.doc_idx} selected={selected_idx} on_toggle={cb.on_entity.clone()}
                            inline_entities={state.inline_entities} on_toggle_inline={cb.on_inline.clone()}>
                            { entity_detail }
                        </EntityChips>
                        <Summary doc_idx={state.doc_idx} result={panel_result.clone()} has_query={!panel_query.trim().is_empty()} on_open={cb.on_open.clone()} />
                    }
                </aside>
                <main class="panel panel-reader" id="reader" aria-label="Reader">
                    <Reader doc_idx={state.doc_idx} hits={doc_hits.0.clone()} current_hit={state.current_hit}
                        {hit_entity_kind} inline_entities={state.inline_entities} selected_entity={selected_idx} />
                </main>
                <aside class="side side-right" aria-label="Matches and term frequency">
                    if *panels {
                        <Matches result={panel_result.clone()} doc_idx={state.doc_idx}
                            current_hit={(panel_query == state.query).then_some(state.current_hit)} query={panel_query.clone()} on_go={cb.on_go.clone()} />
                        <TermChart doc_idx={state.doc_idx} options={state.term_options} selected={state.term.clone().map(AttrValue::from)}
                            on_options={cb.on_term_options.clone()} on_term={cb.on_term.clone()} />
                    }
                </aside>
            </div>
            <crate::update_banner::UpdateBanner />
        </div>
    }
}
