//! The "Summary" panel: corpus figures and, with several documents, the document list with
//! each one's hits for the current query.

use crate::corpus;
use crate::shared::Shared;
use crate::tree::e;
use explorer_core::format::{fixed, thousands};
use explorer_core::search::SearchResult;
use explorer_core::stats::Stats;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub doc_idx: usize,
    pub result: Shared<SearchResult>,
    pub has_query: bool,
    pub on_open: Callback<usize>,
}

fn minutes(stats: &Stats) -> String {
    let m = stats.reading_minutes();
    if m < 1.0 {
        "under a minute".to_string()
    } else {
        format!("{} min", fixed(m, 0))
    }
}

/// The figures as a description list, built as data (`tree.rs`): one loop over seven pairs
/// costs the page less than an `html!` site per figure.
fn figures(stats: &Stats, n_docs: Option<usize>) -> Html {
    let rows: [(&'static str, Option<&'static str>, String); 7] = [
        (
            "Documents",
            None,
            n_docs.map(|n| n.to_string()).unwrap_or_default(),
        ),
        ("Words", None, thousands(u64::from(stats.words))),
        ("Unique words", None, thousands(u64::from(stats.unique))),
        (
            "Lexical density",
            Some("Share of words that are not stopwords"),
            format!("{}%", fixed(stats.lexical_density() * 100.0, 0)),
        ),
        ("Sentences", None, thousands(u64::from(stats.sentences))),
        (
            "Words per sentence",
            None,
            fixed(stats.mean_sentence_length(), 1),
        ),
        ("Reading time", None, minutes(stats)),
    ];
    let mut list = e("dl").class("figures");
    for (i, (label, title, value)) in rows.into_iter().enumerate() {
        if i == 0 && n_docs.is_none() {
            continue;
        }
        let mut dd = e("dd");
        if let Some(title) = title {
            dd = dd.attr("title", title);
        }
        list = list.child(e("div").child(e("dt").text(label)).child(dd.text_s(value)));
    }
    list.into()
}

#[component]
pub fn Summary(props: &SummaryProps) -> Html {
    let corpus = corpus();
    let several = corpus.docs.len() > 1;
    html! {
        <section class="panel panel-summary" aria-labelledby="summary-heading">
            <div class="panel-head"><h2 id="summary-heading">{ if several { "Corpus" } else { "Summary" } }</h2></div>
            { figures(&corpus.stats, Some(corpus.docs.len())) }
            if several {
                <nav class="doc-list" aria-label="Documents">
                    <h3>{ "Documents" }</h3>
                    <ol>
                    { for corpus.docs.iter().enumerate().map(|(i, doc)| {
                        let on_open = props.on_open.clone();
                        let current = i == props.doc_idx;
                        let n_hits = props.result.hits_in(i).len();
                        html! {
                            <li key={doc.id.clone()}>
                                <button type="button" class="doc-link" aria-current={current.then_some("page")}
                                    onclick={move |_| on_open.emit(i)}>
                                    <span class="doc-link-title">{ &doc.meta.title }</span>
                                    if props.has_query {
                                        <span class={classes!("doc-hits", (n_hits == 0).then_some("none"))}>
                                            { format!("{n_hits} {}", if n_hits == 1 { "match" } else { "matches" }) }
                                        </span>
                                    }
                                </button>
                            </li>
                        }
                    }) }
                    </ol>
                </nav>
                <h3>{ "This document" }</h3>
                { figures(&corpus.doc_stats[props.doc_idx], None) }
            }
        </section>
    }
}
