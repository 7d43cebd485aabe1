//! The root component: owns the state and lays out the panels.

use crate::corpus;
use crate::doc_list::DocList;
use crate::reader::Reader;
use std::rc::Rc;
use yew::prelude::*;

/// What the reader is looking at.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct State {
    pub doc_idx: usize,
}

pub enum Action {
    OpenDoc(usize),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::OpenDoc(doc_idx)
                if doc_idx != self.doc_idx && doc_idx < corpus().docs.len() =>
            {
                Rc::new(State { doc_idx })
            }
            Action::OpenDoc(_) => self,
        }
    }
}

#[component]
pub fn App() -> Html {
    let state = use_reducer(State::default);
    let corpus = corpus();
    let on_open = {
        let state = state.dispatcher();
        Callback::from(move |doc_idx: usize| state.dispatch(Action::OpenDoc(doc_idx)))
    };
    html! {
        <div class="layout">
            <header class="masthead">
                <p class="app-name">{ "Text Explorer" }</p>
            </header>
            if corpus.docs.len() > 1 {
                <DocList current={state.doc_idx} {on_open} />
            }
            <main class="reader-pane" id="reader">
                <Reader doc_idx={state.doc_idx} />
            </main>
        </div>
    }
}
