//! The "Matches" panel: keyword-in-context lines for every hit (grouped by document when
//! there are several), with where the hits fall across the open document.

use crate::corpus;
use crate::dispersion::Dispersion;
use crate::shared::Shared;
use explorer_core::search::{Hit, SearchResult};
use std::rc::Rc;
use yew::prelude::*;

/// Words of context each side of a hit.
pub const KWIC_WINDOW: usize = 7;
/// Lines drawn per document before a "Show more" button, and in all: a long list stays fast.
const PAGE: usize = 100;
const BUDGET: usize = 100;

#[derive(Properties, PartialEq)]
pub struct MatchesProps {
    /// The result for `query`, which may trail the search box by a keystroke or two.
    pub result: Shared<SearchResult>,
    pub doc_idx: usize,
    /// The current hit, when `query` is the search box's.
    pub current_hit: Option<usize>,
    pub query: AttrValue,
    pub on_go: Callback<(usize, usize)>,
}

#[component]
pub fn Matches(props: &MatchesProps) -> Html {
    let corpus = corpus();
    let several = corpus.docs.len() > 1;
    let on_jump = {
        let (on_go, doc_idx) = (props.on_go.clone(), props.doc_idx);
        Callback::from(move |hit: usize| on_go.emit((doc_idx, hit)))
    };
    let heading = if props.result.total_hits > 0 {
        format!("Matches ({})", props.result.total_hits)
    } else {
        "Matches".to_string()
    };
    html! {
        <section class="panel panel-matches" aria-labelledby="matches-heading" data-query={props.query.clone()}>
            <div class="panel-head"><h2 id="matches-heading">{ heading }</h2></div>
            if props.query.trim().is_empty() {
                <p class="empty">{ "Type in the search box, or pick an entity or a term, to see every match in context." }</p>
            } else if props.result.docs.is_empty() {
                <p class="empty">{ "No matches." }</p>
            } else {
                <Dispersion hits={Rc::new(props.result.hits_in(props.doc_idx).to_vec())} length={corpus.docs[props.doc_idx].text.len()}
                    current={props.current_hit.unwrap_or(usize::MAX)} on_jump={on_jump} label={format!("“{}” in this document", props.query)} />
                { for props.result.docs.iter().scan(BUDGET, |budget, d| {
                    // Documents share a budget of lines in rank order; the rest start folded.
                    let initial = d.hits.len().min(PAGE).min(*budget);
                    *budget -= initial;
                    Some(html! {
                        <KwicList key={d.doc} doc_idx={d.doc} hits={Rc::new(d.hits.clone())} show_title={several}
                            {initial} current={props.current_hit.filter(|_| d.doc == props.doc_idx)} on_go={props.on_go.clone()} />
                    })
                }) }
            }
        </section>
    }
}

/// Context shown on one line: a hard-wrapped paragraph's line breaks become spaces.
fn one_line(s: &str) -> String {
    s.replace(['\r', '\n', '\t'], " ")
}

#[derive(Properties, PartialEq)]
pub struct KwicListProps {
    pub doc_idx: usize,
    pub hits: Rc<Vec<Hit>>,
    pub show_title: bool,
    /// Lines drawn before the reader asks for more.
    #[prop_or(PAGE)]
    pub initial: usize,
    pub current: Option<usize>,
    pub on_go: Callback<(usize, usize)>,
}

/// The keyword-in-context lines of one document.
#[component]
pub fn KwicList(props: &KwicListProps) -> Html {
    let corpus = corpus();
    let extra = use_state(|| 0);
    let shown = props.initial + *extra;
    let doc = &corpus.docs[props.doc_idx];
    let text = doc.text.as_str();
    let n = props.hits.len();
    let show_more = {
        let extra = extra.clone();
        Callback::from(move |_: MouseEvent| extra.set(*extra + PAGE * 5))
    };
    html! {
        <div class="kwic-doc">
            if props.show_title {
                <h3 class="kwic-title">{ format!("{} ({n})", doc.meta.title) }</h3>
            }
            <ol class="kwic-list">
            { for props.hits.iter().take(shown).enumerate().map(|(i, hit)| {
                let line = corpus.kwic(props.doc_idx, hit, KWIC_WINDOW);
                let on_go = props.on_go.clone();
                let doc_idx = props.doc_idx;
                let current = props.current == Some(i);
                html! {
                    <li key={i}>
                        <button type="button" class={classes!("kwic", current.then_some("current"))}
                            aria-current={current.then_some("true")} onclick={move |_| on_go.emit((doc_idx, i))}>
                            <span class="kwic-left">{ if line.more_left { "…" } else { "" } }{ one_line(line.left.of(text)) }</span>
                            <mark class="kwic-hit">{ one_line(line.hit.of(text)) }</mark>
                            <span class="kwic-right">{ one_line(line.right.of(text)) }{ if line.more_right { "…" } else { "" } }</span>
                        </button>
                    </li>
                }
            }) }
            </ol>
            if n > shown {
                <button type="button" class="text-button show-more" onclick={show_more}>{ format!("Show {} ({} not shown)", if shown == 0 { "matches" } else { "more" }, n - shown) }</button>
            }
        </div>
    }
}
