//! The "Term frequency" panel: an SVG bar chart of the most frequent terms or word pairs,
//! as counts or per 1,000 words; clicking a bar searches for it.
//!
//! A plain function, not a component, with its elements built as data (`tree.rs`) under one
//! click and one change listener, as the word tools and the corpus views are: each
//! component type and each `html!` site is code the page downloads.

use crate::corpus;
use crate::download::download;
use crate::state::{term_query, Action, TermOptions};
use crate::tree::{clicked_act, e, Acts, Handler, E};
use explorer_core::format::fixed;
use explorer_core::state::{to_hash, View};
use std::rc::Rc;
use yew::prelude::*;

/// Bars drawn.
const TOP: usize = 20;
const ROW: f64 = 24.0;
const WIDTH: f64 = 320.0;
const LABEL_W: f64 = 118.0;
const VALUE_W: f64 = 44.0;

/// What a click or a change in the panel does.
enum TermAct {
    /// A radio button or checkbox changed: these are the options it chooses.
    Options(TermOptions),
    /// A bar was clicked: select (or clear) this term.
    Term(String),
    /// Download the terms as CSV.
    Export,
}

/// A radio button or checkbox that chooses `options` when it changes.
fn input(
    acts: &mut Acts<TermAct>,
    kind: &'static str,
    name: &'static str,
    on: bool,
    options: TermOptions,
    label: &'static str,
) -> E {
    let input = e("input")
        .attr("type", kind)
        .attr_if(!name.is_empty(), "name", name)
        .checked(on);
    e("label")
        .attr_if(kind == "checkbox", "class", "switch")
        .child(acts.on(input, TermAct::Options(options)))
        .text(label)
}

/// The panel for the open document (or the corpus), with these options and this term
/// selected; its listeners dispatch new options (`SetTermOptions`) and a clicked term
/// (`ToggleTerm`).
pub fn term_chart(
    doc_idx: usize,
    opts: TermOptions,
    selected: Option<&str>,
    dispatch: &Callback<Action>,
) -> Html {
    let corpus = corpus();
    let several = corpus.docs.len() > 1;
    let stats = if opts.corpus_wide && several {
        &corpus.stats
    } else {
        &corpus.doc_stats[doc_idx]
    };
    let vocab = &corpus.index.vocab;
    let plain = |t: u32| opts.show_stopwords || (!vocab.is_stop(t) && !vocab.is_number(t));
    let rows: Vec<(String, u32)> = if opts.bigrams {
        let list = if opts.show_stopwords {
            &stats.bigrams
        } else {
            &stats.content_bigrams
        };
        list.iter()
            .take(TOP)
            .map(|b| {
                (
                    format!("{} {}", vocab.form(b.first), vocab.form(b.second)),
                    b.count,
                )
            })
            .collect()
    } else {
        stats
            .terms()
            .iter()
            .filter(|(t, _)| plain(*t))
            .take(TOP)
            .map(|&(t, c)| (vocab.form(t).to_string(), c))
            .collect()
    };
    let max = rows.iter().map(|r| r.1).max().unwrap_or(1).max(1);
    let value = |count: u32| {
        if opts.per_thousand {
            fixed(stats.per_thousand(count), 1)
        } else {
            count.to_string()
        }
    };
    let with = |f: fn(&mut TermOptions)| {
        let mut next = opts;
        f(&mut next);
        next
    };
    let doc_id = (doc_idx > 0).then(|| corpus.docs[doc_idx].id.clone());
    let corpus_wide = opts.corpus_wide && several;
    let what = if opts.bigrams { "word pairs" } else { "terms" };
    let unit = if opts.per_thousand {
        "per 1,000 words"
    } else {
        "count"
    };
    let height = ROW * rows.len().max(1) as f64;

    let mut acts = Acts(Vec::new());
    let segmented = |label: &'static str| {
        e("div")
            .class("segmented")
            .attr("role", "radiogroup")
            .attr("aria-label", label)
    };
    let mut options = e("fieldset")
        .class("chart-options")
        .child(e("legend").class("visually-hidden").text("Chart options"))
        .child(
            segmented("Terms or pairs")
                .child(input(
                    &mut acts,
                    "radio",
                    "term-kind",
                    !opts.bigrams,
                    with(|o| o.bigrams = false),
                    "Words",
                ))
                .child(input(
                    &mut acts,
                    "radio",
                    "term-kind",
                    opts.bigrams,
                    with(|o| o.bigrams = true),
                    "Pairs",
                )),
        )
        .child(
            segmented("Measure")
                .child(input(
                    &mut acts,
                    "radio",
                    "term-unit",
                    !opts.per_thousand,
                    with(|o| o.per_thousand = false),
                    "Count",
                ))
                .child(input(
                    &mut acts,
                    "radio",
                    "term-unit",
                    opts.per_thousand,
                    with(|o| o.per_thousand = true),
                    "Per 1,000",
                )),
        )
        .child(input(
            &mut acts,
            "checkbox",
            "",
            opts.show_stopwords,
            with(|o| o.show_stopwords = !o.show_stopwords),
            "Stopwords",
        ));
    if several {
        options = options.child(input(
            &mut acts,
            "checkbox",
            "",
            opts.corpus_wide,
            with(|o| o.corpus_wide = !o.corpus_wide),
            "All documents",
        ));
    }
    let chart = if rows.is_empty() {
        e("p").class("empty").text_s(format!("No {what} to show."))
    } else {
        let mut svg = e("svg")
            .class("term-chart")
            .attr_s(
                "viewBox",
                format!("0 0 {} {}", fixed(WIDTH, 0), fixed(height, 0)),
            )
            .attr("width", "100%")
            .attr("role", "group")
            .attr_s("aria-label", format!("Top {} {what}, {unit}", rows.len()));
        for (i, (term, count)) in rows.into_iter().enumerate() {
            let y = i as f64 * ROW;
            let bar = (WIDTH - LABEL_W - VALUE_W) * f64::from(count) / f64::from(max);
            let is_selected = selected == Some(term.as_str());
            let href = format!(
                "#{}",
                to_hash(&View {
                    query: term_query(&term),
                    doc: doc_id.clone(),
                    term: Some(term.clone()),
                    ..View::default()
                })
            );
            let shown = if term.chars().count() > 16 {
                format!("{}…", term.chars().take(15).collect::<String>())
            } else {
                term.clone()
            };
            // The accessible name starts with what the row shows ("nato 17": the space
            // before the value is not drawn, but joins the two texts for assistive
            // technology), so a voice-control user can say it (WCAG 2.5.3).
            let label = format!(
                "{shown} {}{}{}",
                value(count),
                if opts.per_thousand {
                    " per 1,000 words"
                } else {
                    ""
                },
                if shown == term {
                    String::new()
                } else {
                    format!(", {term}")
                }
            );
            let link = e("a")
                .attr_s("href", href)
                .class(if is_selected {
                    "term-row selected"
                } else {
                    "term-row"
                })
                .attr_s("aria-label", label)
                .attr_if(is_selected, "aria-current", "true")
                .child(
                    e("rect")
                        .class("term-hitbox")
                        .attr("x", "0")
                        .attr_s("y", fixed(y, 0))
                        .attr_s("width", fixed(WIDTH, 0))
                        .attr_s("height", fixed(ROW, 0)),
                )
                .child(
                    e("text")
                        .class("term-label")
                        .attr_s("x", fixed(LABEL_W - 8.0, 1))
                        .attr_s("y", fixed(y + ROW * 0.68, 1))
                        .attr("text-anchor", "end")
                        .text_s(shown),
                )
                .child(
                    e("rect")
                        .class("term-bar")
                        .attr_s("x", fixed(LABEL_W, 0))
                        .attr_s("y", fixed(y + 4.0, 1))
                        .attr_s("width", fixed(bar.max(1.0), 1))
                        .attr_s("height", fixed(ROW - 8.0, 1))
                        .attr("rx", "2"),
                )
                .child(
                    e("text")
                        .class("term-value")
                        .attr_s("x", fixed(LABEL_W + bar + 6.0, 1))
                        .attr_s("y", fixed(y + ROW * 0.68, 1))
                        .text_s(format!(" {}", value(count))),
                );
            svg = svg.child(acts.on(link, TermAct::Term(term)));
        }
        svg
    };
    let export = e("button")
        .attr("type", "button")
        .class("text-button")
        .text("Download terms (CSV)");
    let body = [
        e("div")
            .class("panel-head")
            .child(e("h2").attr("id", "terms-heading").text("Term frequency")),
        options,
        chart,
        e("div")
            .class("panel-foot")
            .child(acts.on(export, TermAct::Export)),
    ];

    let acts = Rc::new(acts.0);
    let dispatch = dispatch.clone();
    let handler: Handler = Rc::new(move |ev: &Event, change: bool| {
        match (clicked_act(ev).and_then(|i| acts.get(i)), change) {
            (Some(TermAct::Options(options)), true) => {
                dispatch.emit(Action::SetTermOptions(*options))
            }
            (Some(TermAct::Term(term)), false) => dispatch.emit(Action::ToggleTerm(term.clone())),
            (Some(TermAct::Export), false) => {
                let name = if corpus_wide {
                    "corpus".to_string()
                } else {
                    corpus.docs[doc_idx].id.clone()
                };
                let csv =
                    explorer_core::export::terms_csv(corpus, (!corpus_wide).then_some(doc_idx));
                download(&format!("{name}-terms.csv"), "text/csv", &csv);
            }
            _ => {}
        }
    });
    let mut section = e("section")
        .class("panel panel-terms")
        .attr("aria-labelledby", "terms-heading");
    for el in body {
        section = section.child(el);
    }
    section.listen(handler).into()
}
