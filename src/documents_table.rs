//! The Documents view: every document with its title, date, source, words, distinct words
//! and most mentioned entities, and with a query its hits; sortable by each column; a title
//! opens its document in the reader.

use crate::corpus;
use crate::corpus_view::{head, plural, Act, CorpusViewProps};
use crate::tree::{e, Acts, E};
use explorer_core::documents::{table_order, Column};
use explorer_core::entities::EntityKind;
use explorer_core::format::thousands;
use explorer_core::state::to_hash;

/// The class that colours an entity kind as its chips are coloured.
pub fn kind_class(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "ent-per",
        EntityKind::Org => "ent-org",
        EntityKind::Gpe => "ent-gpe",
        EntityKind::Loc => "ent-loc",
        EntityKind::Event => "ent-event",
        EntityKind::Norp => "ent-norp",
    }
}

pub fn documents(props: &CorpusViewProps, acts: &mut Acts<Act>) -> Vec<E> {
    let corpus = corpus();
    let docs = &corpus.docs;
    let hits: Vec<u32> = if props.has_query {
        (0..docs.len())
            .map(|d| props.result.hits_in(d).len() as u32)
            .collect()
    } else {
        Vec::new()
    };
    let (column, descending) = props.view.views.doc_sort.unwrap_or_default();
    let order = table_order(corpus, column, descending, &hits);
    // Hits next to the title, where they are seen first; no date or source column when no
    // document has one.
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
    .filter(|&c| match c {
        Column::Hits => props.has_query,
        Column::Date => docs.iter().any(|d| d.meta.published.is_some()),
        Column::Source => docs.iter().any(|d| d.meta.source.is_some()),
        _ => true,
    })
    .collect();
    let numeric = |c: Column| {
        matches!(
            c,
            Column::Order | Column::Words | Column::Distinct | Column::Hits
        )
    };
    let header = columns.iter().map(|&c| {
        let sorted = c == column;
        // A click sorts by the column (numbers largest first); a second click reverses it.
        let next = if sorted {
            (c, !descending)
        } else {
            (c, c.descending_first())
        };
        let mut settings = props.view.views.clone();
        settings.doc_sort = (next != (Column::Order, false)).then_some(next);
        e("th")
            .attr("scope", "col")
            .attr(
                "aria-sort",
                match (sorted, descending) {
                    (false, _) => "none",
                    (true, false) => "ascending",
                    (true, true) => "descending",
                },
            )
            .class(if numeric(c) { "num" } else { "" })
            .child(
                e("button")
                    .attr("type", "button")
                    .class("sort-button")
                    .attr("data-act", acts.add(Act::Views(settings)))
                    .text(c.label())
                    .child(
                        e("span")
                            .class("sort-arrow")
                            .attr("aria-hidden", "true")
                            .text(match (sorted, descending) {
                                (false, _) => "",
                                (true, false) => "▲",
                                (true, true) => "▼",
                            }),
                    ),
            )
    });
    let rows = order.iter().map(|&d| {
        let doc = &docs[d];
        let stats = &corpus.doc_stats[d];
        // The title opens its document in the reader (a chip belongs to its document:
        // another document's link leaves it).
        let mut to = props.view.clone();
        to.tool = None;
        to.doc = (d > 0).then(|| doc.id.clone());
        if d != props.doc_idx && to.entity.take().is_some() {
            to.query.clear();
        }
        let current = d == props.doc_idx;
        let cell = |c: Column| -> E {
            let text = match c {
                Column::Order => (d + 1).to_string(),
                Column::Hits => thousands(u64::from(hits.get(d).copied().unwrap_or(0))),
                Column::Date => doc.meta.published.as_ref().map_or("—".into(), |t| {
                    t.iso.get(..10).unwrap_or(&t.iso).to_string()
                }),
                Column::Source => doc
                    .meta
                    .source
                    .as_ref()
                    .map_or("—".into(), |s| s.value.clone()),
                Column::Words => thousands(u64::from(stats.words)),
                Column::Distinct => thousands(u64::from(stats.unique)),
                Column::Title => {
                    return e("th").attr("scope", "row").child(
                        e("a")
                            .attr("href", format!("#{}", to_hash(&to)))
                            .attr_if("aria-current", current.then_some("page"))
                            .text(doc.meta.title.clone()),
                    )
                }
                Column::Entities => {
                    return e("td").children(corpus.doc_facts(d).top_entities.iter().map(
                        |(kind, name, count)| {
                            e("span")
                                .class(format!("ent-tag {}", kind_class(*kind)))
                                .attr("title", kind.name())
                                .text(format!("{name} "))
                                .child(e("span").class("ent-tag-count").text(count.to_string()))
                        },
                    ))
                }
            };
            e("td")
                .class(if numeric(c) { "num" } else { "" })
                .text(text)
        };
        e("tr")
            .class(if current { "current" } else { "" })
            .children(columns.iter().map(|&c| cell(c)))
    });
    let [h2, note] = head("Documents", plural(docs.len(), "document"));
    vec![
        h2,
        note,
        e("div")
            .class("table-scroll")
            .attr("role", "region")
            .attr("aria-label", "Documents table")
            .attr("tabindex", "0")
            .child(
                e("table")
                    .class("doc-table")
                    .child(e("thead").child(e("tr").children(header)))
                    .child(e("tbody").children(rows)),
            ),
        e("p").class("panel-foot").child(
            e("button")
                .attr("type", "button")
                .class("text-button")
                .attr(
                    "data-act",
                    acts.add(Act::TableCsv(order.clone(), hits.clone())),
                )
                .text("Download the table (CSV)"),
        ),
    ]
}
