//! The search box: the query, the hit counter with previous/next, why nothing matched, and a
//! query-syntax help one click away.

use crate::shared::Shared;
use explorer_core::search::{NoHits, SearchResult};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SearchBarProps {
    pub query: AttrValue,
    pub result: Shared<SearchResult>,
    /// Hits in the open document, and which is current.
    pub n_hits: usize,
    pub current: usize,
    pub input_ref: NodeRef,
    pub on_type: Callback<String>,
    /// `true` steps forward.
    pub on_step: Callback<bool>,
    pub on_clear: Callback<()>,
    /// `false` in the first render (the pre-rendered page, which cannot search yet).
    pub live: bool,
}

#[component]
pub fn SearchBar(props: &SearchBarProps) -> Html {
    let oninput = {
        let on_type = props.on_type.clone();
        Callback::from(move |e: InputEvent| {
            on_type.emit(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let onkeydown = {
        let (on_step, on_clear) = (props.on_step.clone(), props.on_clear.clone());
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Enter" => {
                e.prevent_default();
                on_step.emit(!e.shift_key());
            }
            "Escape" => {
                e.prevent_default();
                on_clear.emit(());
            }
            _ => {}
        })
    };
    let onsubmit = Callback::from(|e: SubmitEvent| e.prevent_default());
    let step = |forward: bool| {
        let on_step = props.on_step.clone();
        Callback::from(move |_: MouseEvent| on_step.emit(forward))
    };
    let has_query = !props.query.trim().is_empty();
    let counter = if props.n_hits > 0 {
        format!(
            "{} of {}",
            props.current.min(props.n_hits - 1) + 1,
            props.n_hits
        )
    } else if has_query && props.result.total_hits > 0 {
        "0 here".to_string()
    } else if has_query {
        "0 of 0".to_string()
    } else {
        String::new()
    };
    html! {
        <form class="search" role="search" onsubmit={onsubmit} autocomplete="off">
            <label for="search-input" class="search-label">{ "Search" }</label>
            <div class="search-row">
                <input id="search-input" type="search" ref={props.input_ref.clone()}
                    value={props.query.clone()} {oninput} {onkeydown} disabled={!props.live}
                    placeholder={if props.live { "Words, \"phrases\", prefix*, -not, person:…" } else { "Search starts once the page has loaded" }}
                    spellcheck="false" autocapitalize="off" enterkeyhint="search"
                    aria-describedby="search-status" />
                <output class="counter" for="search-input" aria-live="polite" aria-atomic="true">{ counter }</output>
                <button type="button" class="icon-button" onclick={step(false)} disabled={props.n_hits == 0}
                    aria-label="Previous match" title="Previous match (Shift+Enter)">{ "↑" }</button>
                <button type="button" class="icon-button" onclick={step(true)} disabled={props.n_hits == 0}
                    aria-label="Next match" title="Next match (Enter)">{ "↓" }</button>
            </div>
            <div class="search-under">
            <SearchStatus result={props.result.clone()} has_query={has_query} on_type={props.on_type.clone()} />
            <details class="syntax-help">
                <summary>{ "Query syntax" }</summary>
                <table>
                    <tbody>
                        <tr><td><code>{ "nato alliance" }</code></td><td>{ "every word (any form: " }<code>{ "threaten" }</code>{ " finds “threatened”)" }</td></tr>
                        <tr><td><code>{ "\"cold war\"" }</code></td><td>{ "an exact phrase" }</td></tr>
                        <tr><td><code>{ "secur*" }</code></td><td>{ "words starting with “secur”" }</td></tr>
                        <tr><td><code>{ "-russia" }</code></td><td>{ "leave out documents with “russia”" }</td></tr>
                        <tr><td><code>{ "japan OR korea" }</code></td><td>{ "either word" }</td></tr>
                        <tr><td><code>{ "person:stoltenberg" }</code></td><td>{ "an entity; also " }<code>{ "org:" }</code>{ ", " }<code>{ "place:" }</code>{ ", " }<code>{ "event:" }</code>{ ", " }<code>{ "group:" }</code></td></tr>
                        <tr><td><kbd>{ "/" }</kbd>{ " " }<kbd>{ "Enter" }</kbd>{ " " }<kbd>{ "Esc" }</kbd></td><td>{ "focus search · next match (Shift: previous) · clear" }</td></tr>
                    </tbody>
                </table>
            </details>
            </div>
        </form>
    }
}

#[derive(Properties, PartialEq)]
struct SearchStatusProps {
    result: Shared<SearchResult>,
    has_query: bool,
    on_type: Callback<String>,
}

/// One line under the box: how many matches, or why there are none and what to try.
#[component]
fn SearchStatus(props: &SearchStatusProps) -> Html {
    let r = &props.result;
    let notes = r.notes.join("; ");
    let message: Html = match &r.no_hits {
        None => {
            let docs = r.docs.len();
            let n_docs = crate::corpus().docs.len();
            let where_ = if n_docs > 1 {
                format!(" in {docs} of {n_docs} documents")
            } else {
                String::new()
            };
            html! { { format!("{} {}{where_}", r.total_hits, if r.total_hits == 1 { "match" } else { "matches" }) } }
        }
        Some(NoHits::EmptyQuery) => html! {},
        Some(NoHits::NothingToSearch) => html! { { "Nothing to search for yet." } },
        Some(NoHits::OnlyExclusions) => {
            html! { { "Add a word to look for: exclusions alone match nothing." } }
        }
        Some(NoHits::NoDocumentHasAll) => {
            html! { { "No document has all of these words. Try fewer words, or OR between them." } }
        }
        Some(NoHits::NotFound {
            missing,
            suggestion,
        }) => {
            let missing = missing
                .iter()
                .map(|m| format!("“{m}”"))
                .collect::<Vec<_>>()
                .join(", ");
            match suggestion {
                Some(s) => {
                    let on_type = props.on_type.clone();
                    let s2 = s.clone();
                    html! {
                        <>
                            { format!("No matches for {missing}. Did you mean ") }
                            <button type="button" class="link-button" onclick={move |_| on_type.emit(s2.clone())}>{ s }</button>
                            { "?" }
                        </>
                    }
                }
                None => html! { { format!("No matches for {missing}.") } },
            }
        }
    };
    html! {
        <p id="search-status" class={classes!("search-status", r.no_hits.as_ref().filter(|_| props.has_query).map(|_| "no-hits"))} role="status">
            { message }
            if !notes.is_empty() {
                <span class="query-notes">{ format!(" ({notes})") }</span>
            }
        </p>
    }
}
