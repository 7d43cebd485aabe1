//! The "Term frequency" panel: an SVG bar chart of the most frequent terms or word pairs,
//! as counts or per 1,000 words; clicking a bar searches for it.

use crate::corpus;
use crate::download::download;
use crate::state::{term_query, TermOptions};
use explorer_core::format::fixed;
use explorer_core::state::{to_hash, View};
use yew::prelude::*;

/// Bars drawn.
const TOP: usize = 20;
const ROW: f64 = 24.0;
const WIDTH: f64 = 320.0;
const LABEL_W: f64 = 118.0;
const VALUE_W: f64 = 44.0;

#[derive(Properties, PartialEq)]
pub struct TermChartProps {
    pub doc_idx: usize,
    pub options: TermOptions,
    pub selected: Option<AttrValue>,
    pub on_options: Callback<TermOptions>,
    pub on_term: Callback<String>,
}

#[component]
pub fn TermChart(props: &TermChartProps) -> Html {
    let corpus = corpus();
    let opts = props.options;
    let several = corpus.docs.len() > 1;
    let stats = if opts.corpus_wide && several {
        &corpus.stats
    } else {
        &corpus.doc_stats[props.doc_idx]
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
    let set = |f: fn(&mut TermOptions, bool)| {
        let (on_options, opts) = (props.on_options.clone(), opts);
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let mut next = opts;
            f(&mut next, input.checked());
            on_options.emit(next);
        })
    };
    let doc_id = (props.doc_idx > 0).then(|| corpus.docs[props.doc_idx].id.clone());
    let doc_idx = props.doc_idx;
    let corpus_wide = opts.corpus_wide && several;
    let on_export = Callback::from(move |_: MouseEvent| {
        let name = if corpus_wide {
            "corpus".to_string()
        } else {
            corpus.docs[doc_idx].id.clone()
        };
        let csv = explorer_core::export::terms_csv(corpus, (!corpus_wide).then_some(doc_idx));
        download(&format!("{name}-terms.csv"), "text/csv", &csv);
    });
    let what = if opts.bigrams { "word pairs" } else { "terms" };
    let unit = if opts.per_thousand {
        "per 1,000 words"
    } else {
        "count"
    };
    let height = ROW * rows.len().max(1) as f64;
    html! {
        <section class="panel panel-terms" aria-labelledby="terms-heading">
            <div class="panel-head"><h2 id="terms-heading">{ "Term frequency" }</h2></div>
            <fieldset class="chart-options">
                <legend class="visually-hidden">{ "Chart options" }</legend>
                <div class="segmented" role="radiogroup" aria-label="Terms or pairs">
                    <label><input type="radio" name="term-kind" checked={!opts.bigrams} onchange={set(|o, on| o.bigrams = !on)} />{ "Words" }</label>
                    <label><input type="radio" name="term-kind" checked={opts.bigrams} onchange={set(|o, on| o.bigrams = on)} />{ "Pairs" }</label>
                </div>
                <div class="segmented" role="radiogroup" aria-label="Measure">
                    <label><input type="radio" name="term-unit" checked={!opts.per_thousand} onchange={set(|o, on| o.per_thousand = !on)} />{ "Count" }</label>
                    <label><input type="radio" name="term-unit" checked={opts.per_thousand} onchange={set(|o, on| o.per_thousand = on)} />{ "Per 1,000" }</label>
                </div>
                <label class="switch"><input type="checkbox" checked={opts.show_stopwords} onchange={set(|o, on| o.show_stopwords = on)} />{ "Stopwords" }</label>
                if several {
                    <label class="switch"><input type="checkbox" checked={opts.corpus_wide} onchange={set(|o, on| o.corpus_wide = on)} />{ "All documents" }</label>
                }
            </fieldset>
            if rows.is_empty() {
                <p class="empty">{ format!("No {what} to show.") }</p>
            } else {
                <svg class="term-chart" viewBox={format!("0 0 {} {}", fixed(WIDTH, 0), fixed(height, 0))} width="100%"
                    role="group" aria-label={format!("Top {} {what}, {unit}", rows.len())}>
                    { for rows.iter().enumerate().map(|(i, (term, count))| {
                        let y = i as f64 * ROW;
                        let bar = (WIDTH - LABEL_W - VALUE_W) * f64::from(*count) / f64::from(max);
                        let selected = props.selected.as_deref() == Some(term.as_str());
                        let href = format!("#{}", to_hash(&View { query: term_query(term), doc: doc_id.clone(), term: Some(term.clone()), ..View::default() }));
                        let on_term = props.on_term.clone();
                        let t = term.clone();
                        let onclick = Callback::from(move |e: MouseEvent| {
                            e.prevent_default();
                            on_term.emit(t.clone());
                        });
                        let shown = if term.chars().count() > 16 { format!("{}…", term.chars().take(15).collect::<String>()) } else { term.clone() };
                        // The accessible name starts with what the row shows ("nato 17": the
                        // space before the value is not drawn, but joins the two texts for
                        // assistive technology), so a voice-control user can say it (WCAG 2.5.3).
                        html! {
                            <a href={href} class={classes!("term-row", selected.then_some("selected"))}
                                aria-label={format!("{shown} {}{}{}", value(*count), if opts.per_thousand { " per 1,000 words" } else { "" },
                                    if shown == *term { String::new() } else { format!(", {term}") })}
                                aria-current={selected.then_some("true")} {onclick}>
                                <rect class="term-hitbox" x="0" y={fixed(y, 0)} width={fixed(WIDTH, 0)} height={fixed(ROW, 0)} />
                                <text class="term-label" x={fixed(LABEL_W - 8.0, 1)} y={fixed(y + ROW * 0.68, 1)} text-anchor="end">{ shown }</text>
                                <rect class="term-bar" x={fixed(LABEL_W, 0)} y={fixed(y + 4.0, 1)} width={fixed(bar.max(1.0), 1)} height={fixed(ROW - 8.0, 1)} rx="2" />
                                <text class="term-value" x={fixed(LABEL_W + bar + 6.0, 1)} y={fixed(y + ROW * 0.68, 1)}>{ format!(" {}", value(*count)) }</text>
                            </a>
                        }
                    }) }
                </svg>
            }
            <div class="panel-foot">
                <button type="button" class="text-button" onclick={on_export}>{ "Download terms (CSV)" }</button>
            </div>
        </section>
    }
}
