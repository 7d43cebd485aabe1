//! The reader: a document's title, metadata and body paragraphs, rendered as text.

use crate::corpus;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    pub doc_idx: usize,
}

#[component]
pub fn Reader(props: &ReaderProps) -> Html {
    let Some(doc) = corpus().docs.get(props.doc_idx) else {
        return html! { <p class="notice">{ "This document does not exist." }</p> };
    };
    let meta = &doc.meta;
    html! {
        <article class="doc" lang="en">
            <header class="doc-header">
                <h1 class="doc-title">{ &meta.title }</h1>
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
                { for doc.paragraphs.iter().enumerate().map(|(i, p)| html! {
                    <p key={i} data-para={i.to_string()}>{ p.of(&doc.text) }</p>
                }) }
            </div>
        </article>
    }
}
