//! The list of documents, shown when the corpus holds more than one.

use crate::corpus;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DocListProps {
    pub current: usize,
    pub on_open: Callback<usize>,
}

#[component]
pub fn DocList(props: &DocListProps) -> Html {
    let docs = &corpus().docs;
    html! {
        <nav class="doc-list" aria-label="Documents">
            <h2>{ format!("Documents ({})", docs.len()) }</h2>
            <ol>
            { for docs.iter().enumerate().map(|(i, doc)| {
                let on_open = props.on_open.clone();
                let current = i == props.current;
                html! {
                    <li key={doc.id.clone()}>
                        <button type="button" class="doc-link" aria-current={current.then_some("true")}
                            onclick={move |_| on_open.emit(i)}>
                            { &doc.meta.title }
                        </button>
                    </li>
                }
            }) }
            </ol>
        </nav>
    }
}
