//! The "Summary" panel: corpus figures and, with several documents, the document list with
//! each one's hits for the current query.

use crate::corpus;
use crate::shared::Shared;
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

fn figures(stats: &Stats, n_docs: Option<usize>) -> Html {
    html! {
        <dl class="figures">
            if let Some(n) = n_docs {
                <div><dt>{ "Documents" }</dt><dd>{ n }</dd></div>
            }
            <div><dt>{ "Words" }</dt><dd>{ thousands(u64::from(stats.words)) }</dd></div>
            <div><dt>{ "Unique words" }</dt><dd>{ thousands(u64::from(stats.unique)) }</dd></div>
            <div><dt>{ "Lexical density" }</dt><dd title="Share of words that are not stopwords">{ format!("{}%", fixed(stats.lexical_density() * 100.0, 0)) }</dd></div>
            <div><dt>{ "Sentences" }</dt><dd>{ thousands(u64::from(stats.sentences)) }</dd></div>
            <div><dt>{ "Words per sentence" }</dt><dd>{ fixed(stats.mean_sentence_length(), 1) }</dd></div>
            <div><dt>{ "Reading time" }</dt><dd>{ minutes(stats) }</dd></div>
        </dl>
    }
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
