//! The Documents view: every document with its title, date, source, words, distinct words
//! and most mentioned entities, and with a query its hits; sortable by each column; a title
//! opens its document in the reader.

use crate::corpus;
use crate::reader::kind_class;
use crate::views::corpus_view::{button, head, plural, Act, Args};
use crate::views::tree::{e, Acts, E};
use explorer_core::documents::{table_order, Column};
use explorer_core::format::thousands;
use explorer_core::state::to_hash;

pub fn documents(args: &Args, acts: &mut Acts<Act>) -> Vec<E> {
    let corpus = corpus();
    let docs = &corpus.docs;
    let hits: Vec<u32> = if args.has_query {
        (0..docs.len())
            .map(|d| args.result.hits_in(d).len() as u32)
            .collect()
    } else {
        Vec::new()
    };
    let (column, descending) = args.view.views.doc_sort.unwrap_or_default();
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
        Column::Hits => args.has_query,
        Column::Date => docs.iter().any(|d| d.meta.published.is_some()),
        Column::Source => docs.iter().any(|d| d.meta.source.is_some()),
        _ => true,
    })
    .collect();
    let numeric = |c: Column| {
        if matches!(
            c,
            Column::Order | Column::Words | Column::Distinct | Column::Hits
        ) {
            "num"
        } else {
            ""
        }
    };
    let mut header = e("tr");
    for &c in &columns {
        let sorted = c == column;
        // A click sorts by the column (numbers largest first); a second click reverses it.
        let next = if sorted {
            (c, !descending)
        } else {
            (c, c.descending_first())
        };
        let mut settings = args.view.views.clone();
        settings.doc_sort = (next != (Column::Order, false)).then_some(next);
        let (aria, arrow) = match (sorted, descending) {
            (false, _) => ("none", ""),
            (true, false) => ("ascending", "▲"),
            (true, true) => ("descending", "▼"),
        };
        let sort = e("button")
            .attr("type", "button")
            .class("sort-button")
            .text(c.label());
        header = header.child(
            e("th")
                .attr("scope", "col")
                .attr("aria-sort", aria)
                .class(numeric(c))
                .child(
                    acts.on(sort, Act::Views(settings)).child(
                        e("span")
                            .class("sort-arrow")
                            .attr("aria-hidden", "true")
                            .text(arrow),
                    ),
                ),
        );
    }
    let mut body = e("tbody");
    for &d in &order {
        let doc = &docs[d];
        let stats = &corpus.doc_stats[d];
        let current = d == args.doc_idx;
        let mut row = e("tr").class(if current { "current" } else { "" });
        for &c in &columns {
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
                    // The title opens its document in the reader (a chip belongs to its
                    // document: another document's link leaves it).
                    let mut to = args.view.clone();
                    to.tool = None;
                    to.doc = (d > 0).then(|| doc.id.clone());
                    if !current && to.entity.take().is_some() {
                        to.query.clear();
                    }
                    let link = e("a")
                        .attr_s("href", format!("#{}", to_hash(&to)))
                        .attr_if(current, "aria-current", "page")
                        .text_s(doc.meta.title.clone());
                    row = row.child(e("th").attr("scope", "row").child(link));
                    continue;
                }
                Column::Entities => {
                    let mut cell = e("td");
                    for (kind, name, count) in &corpus.doc_facts(d).top_entities {
                        cell = cell.child(
                            e("span")
                                .attr_s("class", format!("ent-tag {}", kind_class(*kind)))
                                .attr("title", kind.name())
                                .text_s(format!("{name} "))
                                .child(e("span").class("ent-tag-count").text_s(count.to_string())),
                        );
                    }
                    row = row.child(cell);
                    continue;
                }
            };
            row = row.child(e("td").class(numeric(c)).text_s(text));
        }
        body = body.child(row);
    }
    let [h1, note] = head("Documents", plural(docs.len(), "document"));
    vec![
        h1,
        note,
        e("div")
            .class("table-scroll")
            .attr("role", "region")
            .attr("aria-label", "Documents table")
            .attr("tabindex", "0")
            .child(
                e("table")
                    .class("doc-table")
                    .child(e("thead").child(header))
                    .child(body),
            ),
        e("p").class("panel-foot").child(button(
            acts,
            "text-button",
            "Download the table (CSV)",
            Act::TableCsv(order, hits),
        )),
    ]
}
