//! "A new version is available — Reload": shown when a newer build of the page is installed
//! and waiting in the service worker. `pwa/register.js` announces it and, when the reader
//! asks, switches to it; this component only draws the banner and passes the click on.

use gloo::events::EventListener;
use yew::prelude::*;

/// Fired on `window` by pwa/register.js when a new build is waiting; it also marks the root
/// element with `data-update-ready`, for when that happened before the app mounted.
const READY_EVENT: &str = "explorer-update-ready";
const READY_ATTRIBUTE: &str = "data-update-ready";
/// Fired on `window` when the reader asks for the new version.
const ACCEPT_EVENT: &str = "explorer-update-accept";

fn announced_before_mount() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .is_some_and(|root| root.has_attribute(READY_ATTRIBUTE))
}

fn accept_update() {
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new(ACCEPT_EVENT)) {
        let _ = window.dispatch_event(&event);
    }
}

#[component]
pub fn UpdateBanner() -> Html {
    // Asked after mounting: the first render must match the pre-rendered page.
    let ready = use_state(|| false);
    {
        let ready = ready.clone();
        use_effect_with((), move |_| {
            if announced_before_mount() {
                ready.set(true);
            }
            let listener = web_sys::window()
                .map(|window| EventListener::new(&window, READY_EVENT, move |_| ready.set(true)));
            move || drop(listener)
        });
    }
    // The status region is always there, empty (and hidden by CSS) until there is news, so
    // screen readers announce the message when it appears.
    html! {
        <div class="update-banner" role="status">
            if *ready {
                <p>{ "A new version is available." }</p>
                <button type="button" onclick={|_| accept_update()}>{ "Reload" }</button>
            }
        </div>
    }
}
