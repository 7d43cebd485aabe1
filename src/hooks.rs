//! The root's effects, one named hook each: keeping the URL and the view in step, the
//! keyboard shortcut, scrolling the current hit into view, and the panels that follow the
//! reader a moment later.

use crate::shared::Shared;
use crate::state::{Action, HistoryMode, State};
use explorer_core::state::{parse as parse_hash, to_hash, View};
use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

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

/// Keeps the URL hash in step with the view. While the reader types, it waits for a pause:
/// each URL change costs the browser a favicon reload and a history write.
#[hook]
pub fn use_hash_sync(view: View, history: HistoryMode) {
    use_effect_with((view, history), |(view, history)| {
        let hash = to_hash(view);
        let write = (*history != HistoryMode::FromUrl && hash != current_hash()).then(|| {
            let push = *history == HistoryMode::Push;
            move || write_hash(&hash, push)
        });
        let timeout = match (write, history) {
            (Some(write), HistoryMode::Replace) => Some(Timeout::new(HASH_DELAY_MS, write)),
            (Some(write), _) => {
                write();
                None
            }
            (None, _) => None,
        };
        move || drop(timeout)
    });
}

/// Follows the URL: once the app has mounted (the first render is the default view, as the
/// build pre-rendered it), then on Back, Forward, an edited or a pasted hash.
#[hook]
pub fn use_follow_url(dispatcher: UseReducerDispatcher<State>) {
    use_effect_with((), move |_| {
        let follow = move || dispatcher.dispatch(Action::FromUrl(parse_hash(&current_hash())));
        follow();
        let listeners = web_sys::window().map(|window| {
            let on_hash = EventListener::new(&window, "hashchange", {
                let follow = follow.clone();
                move |_| follow()
            });
            let on_pop = EventListener::new(&window, "popstate", move |_| follow());
            (on_hash, on_pop)
        });
        move || drop(listeners)
    });
}

/// "/" focuses the search box from anywhere but another text field.
#[hook]
pub fn use_slash_to_search(input_ref: NodeRef) {
    use_effect_with((), move |_| {
        let listener = web_sys::window()
            .and_then(|w| w.document())
            .map(|document| {
                let options = EventListenerOptions::enable_prevent_default();
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
                })
            });
        move || drop(listener)
    });
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

/// After a step, a jump or a new query (a new `scroll_request`), brings the current hit into
/// view. Done in the next animation frame, so measuring the mark forces no extra layout, and
/// a quick run of keystrokes scrolls once.
#[hook]
pub fn use_scroll_to_hit(scroll_request: u32, current_hit: usize, doc_idx: usize) {
    use_effect_with((scroll_request, current_hit, doc_idx), |&(_, hit, _)| {
        let frame = gloo::render::request_animation_frame(move |_| scroll_to_current_hit(hit));
        move || drop(frame)
    });
}

/// A copy of `(query, value)` that follows it once typing pauses: the panels that list
/// matches redraw then, while each keystroke redraws only the reader's marks and the counter.
#[hook]
pub fn use_trailing<T: 'static>(query: AttrValue, value: Shared<T>) -> (AttrValue, Shared<T>) {
    let trailing = use_state(|| (query.clone(), value.clone()));
    {
        let trailing = trailing.clone();
        use_effect_with(value.clone(), move |_| {
            let timeout = (trailing.1 != value)
                .then(|| Timeout::new(PANEL_DELAY_MS, move || trailing.set((query, value))));
            move || drop(timeout)
        });
    }
    (*trailing).clone()
}

/// `false` until the browser has painted the first render, then `true`: what can wait a frame
/// (the side panels: hundreds of chips, bars and links on a large corpus) is drawn then, and
/// the page is painted and usable sooner.
#[hook]
pub fn use_after_first_paint() -> bool {
    let painted = use_state(|| false);
    {
        let painted = painted.clone();
        use_effect_with((), move |_| {
            // An animation frame runs just before the browser paints; a timeout set there runs
            // after it.
            let frame = gloo::render::request_animation_frame(move |_| {
                Timeout::new(0, move || painted.set(true)).forget();
            });
            move || drop(frame)
        });
    }
    *painted
}

/// `false` in the first render, `true` from the next one, straight after mounting: the
/// first render must be the pre-rendered page's, which cannot act yet.
#[hook]
pub fn use_mounted() -> bool {
    let mounted = use_state(|| false);
    {
        let mounted = mounted.clone();
        use_effect_with((), move |_| mounted.set(true));
    }
    *mounted
}
