//! The Documents view: every document with its title, date, source, words, distinct words
//! and most mentioned entities, and with a query its hits; sortable by each column; a title
//! opens its document in the reader.

use crate::corpus;
use crate::download::download;
use crate::shared::Shared;
use explorer_core::documents::{table_csv, table_order, Column};
use explorer_core::format::thousands;
use explorer_core::search::SearchResult;
use explorer_core::state::{to_hash, View, ViewSettings};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DocumentsTableProps {
    /// The open document (its row is marked).
    pub doc_idx: usize,
    pub result: Shared<SearchResult>,
    pub has_query: bool,
    /// The current view: the table's order is read from it, and titles link to it with
    /// their document open.
    pub view: View,
    pub on_settings: Callback<ViewSettings>,
}

/// The class that colours an entity kind as its chips are coloured.
pub fn kind_class(kind: explorer_core::entities::EntityKind) -> String {
    format!("ent-{}", kind.label().to_ascii_lowercase())
}

#[component]
pub fn DocumentsTable(props: &DocumentsTableProps) -> Html {
    let corpus = corpus();
    let hits: Vec<u32> = if props.has_query {
        (0..corpus.docs.len())
            .map(|d| props.result.hits_in(d).len() as u32)
            .collect()
    } else {
        Vec::new()
    };
    let (column, descending) = props.view.views.doc_sort.unwrap_or((Column::Order, false));
    let order = table_order(corpus, column, descending, &hits);
    // Hits next to the title, where they are seen first; no date or source column when no
    // document has one.
    let has = |c: Column| match c {
        Column::Hits => props.has_query,
        Column::Date => corpus.docs.iter().any(|d| d.meta.published.is_some()),
        Column::Source => corpus.docs.iter().any(|d| d.meta.source.is_some()),
        _ => true,
    };
    let columns: Vec<Column> = [
        Column::Order,
        Column::Title,
        Column::Hits,
        Column::Date,
        Column::Source,
        Column::Words,
        Column::Distinct,
        Column::Entities,
    ]
    .into_iter()
    .filter(|&c| has(c))
    .collect();
    let header = |c: Column| {
        let sorted = c == column;
        let aria_sort = match (sorted, descending) {
            (false, _) => "none",
            (true, false) => "ascending",
            (true, true) => "descending",
        };
        // A click sorts by the column (numbers largest first); a second click reverses it.
        let next = if sorted {
            (c, !descending)
        } else {
            (c, c.descending_first())
        };
        let on_settings = props.on_settings.clone();
        let mut settings = props.view.views.clone();
        settings.doc_sort = (next != (Column::Order, false)).then_some(next);
        let onclick = move |_| on_settings.emit(settings.clone());
        let arrow = match aria_sort {
            "ascending" => "▲",
            "descending" => "▼",
            _ => "",
        };
        let numeric = matches!(
            c,
            Column::Order | Column::Words | Column::Distinct | Column::Hits
        );
        html! {
            <th scope="col" aria-sort={aria_sort} class={classes!(numeric.then_some("num"))}>
                <button type="button" class="sort-button" {onclick}>
                    { c.label() }<span class="sort-arrow" aria-hidden="true">{ arrow }</span>
                </button>
            </th>
        }
    };
    let on_export = {
        let (order, hits) = (order.clone(), hits.clone());
        Callback::from(move |_: MouseEvent| {
            download(
                "documents.csv",
                "text/csv",
                &table_csv(corpus, &order, &hits),
            );
        })
    };
    let n = corpus.docs.len();
    html! {
        <section class="tool tool-documents" aria-labelledby="documents-heading">
            <div class="panel-head">
                <h2 id="documents-heading">{ "Documents" }</h2>
                <p class="tool-note">{ format!("{n} document{}", if n == 1 { "" } else { "s" }) }</p>
            </div>
            <div class="table-scroll" role="region" aria-labelledby="documents-heading" tabindex="0">
                <table class="doc-table">
                    <thead><tr>{ for columns.iter().map(|&c| header(c)) }</tr></thead>
                    <tbody>
                    { for order.iter().map(|&d| {
                        let doc = &corpus.docs[d];
                        let stats = &corpus.doc_stats[d];
                        let facts = corpus.doc_facts(d);
                        // The title opens its document in the reader (a chip belongs to its
                        // document: another document's link leaves it).
                        let mut to = props.view.clone();
                        to.tool = None;
                        to.doc = (d > 0).then(|| doc.id.clone());
                        if d != props.doc_idx && to.entity.take().is_some() {
                            to.query.clear();
                        }
                        let href = format!("#{}", to_hash(&to));
                        let current = d == props.doc_idx;
                        let n_hits = hits.get(d).copied().unwrap_or(0);
                        html! {
                            <tr key={doc.id.clone()} class={classes!(current.then_some("current"))}>
                                { for columns.iter().map(|&c| match c {
                                    Column::Order => html! { <td class="num">{ d + 1 }</td> },
                                    Column::Title => html! {
                                        <th scope="row" class="doc-title-cell">
                                            <a href={href.clone()} aria-current={current.then_some("page")}>{ &doc.meta.title }</a>
                                        </th>
                                    },
                                    Column::Date => html! {
                                        <td class="nowrap">{ doc.meta.published.as_ref().map_or("—", |t| t.iso.get(..10).unwrap_or(&t.iso)) }</td>
                                    },
                                    Column::Source => html! {
                                        <td>{ doc.meta.source.as_ref().map_or("—", |s| s.value.as_str()) }</td>
                                    },
                                    Column::Words => html! { <td class="num">{ thousands(u64::from(stats.words)) }</td> },
                                    Column::Distinct => html! { <td class="num">{ thousands(u64::from(stats.unique)) }</td> },
                                    Column::Entities => html! {
                                        <td class="top-entities">
                                        { for facts.top_entities.iter().map(|(kind, name, count)| html! {
                                            <span class={classes!("ent-tag", kind_class(*kind))} title={kind.name()}>
                                                { name }{ " " }<span class="ent-tag-count">{ count }</span>
                                            </span>
                                        }) }
                                        </td>
                                    },
                                    Column::Hits => html! {
                                        <td class={classes!("num", (n_hits == 0).then_some("none"))}>{ thousands(u64::from(n_hits)) }</td>
                                    },
                                }) }
                            </tr>
                        }
                    }) }
                    </tbody>
                </table>
            </div>
            <div class="panel-foot">
                <button type="button" class="text-button" onclick={on_export}>{ "Download the table (CSV)" }</button>
            </div>
        </section>
    }
}
