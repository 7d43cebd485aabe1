//! The Trends view: how often each part of the query (or the selected entity) occurs per
//! 1,000 words in each document, in corpus or date order, or in each tenth of a single
//! document; a line or a bar chart. A point opens its document at its first hit.
//!
//! The plot stretches to its box (`preserveAspectRatio="none"`: lines keep their width,
//! points are round caps of zero-length lines); the axes' labels are HTML beside it, so they
//! stay legible at any width.

use crate::corpus;
use crate::download::download;
use explorer_core::format::fixed;
use explorer_core::state::{to_hash, View, ViewSettings};
use explorer_core::trends::{trends, Trends};
use std::rc::Rc;
use yew::prelude::*;

/// The plot's box in SVG units.
const WIDTH: f64 = 1000.0;
const HEIGHT: f64 = 300.0;

/// Most labels along the x axis; with more slots, every k-th is labelled.
const MAX_X_LABELS: usize = 12;

#[derive(Properties, PartialEq)]
pub struct TrendsChartProps {
    pub query: AttrValue,
    /// The views' settings: the order and the kind of chart are read from them.
    pub settings: ViewSettings,
    pub on_settings: Callback<ViewSettings>,
    /// Open a document at a hit: (query, document, hit).
    pub on_open: Callback<(String, usize, usize)>,
}

/// A round top for the y axis: 1, 2 or 5 times a power of ten, at least `x`.
fn nice_max(x: f64) -> f64 {
    let mut scale = 0.001;
    loop {
        for m in [1.0, 2.0, 5.0] {
            if m * scale >= x {
                return m * scale;
            }
        }
        scale *= 10.0;
    }
}

#[component]
pub fn TrendsChart(props: &TrendsChartProps) -> Html {
    let corpus = corpus();
    let chart: Rc<Trends> = use_memo(
        (props.query.clone(), props.settings.trends_by_date),
        |(q, by_date)| trends(corpus, q, *by_date),
    );
    let n = chart.slots.len();
    let segments = chart.slots.first().is_some_and(|s| s.segment.is_some());
    let dated = corpus.docs.iter().any(|d| d.meta.published.is_some());
    let top = nice_max(chart.max_rate().max(0.001));
    // As many decimals as the middle line needs (2.5 of 5, 0.25 of 0.5), for both labels.
    let mut decimals = 0;
    let mut middle = top / 2.0;
    while decimals < 4 && (middle - middle.round()).abs() > 1e-6 {
        decimals += 1;
        middle *= 10.0;
    }
    let slot_width = WIDTH / n.max(1) as f64;
    let x_of = |i: usize| (i as f64 + 0.5) * slot_width;
    let y_of = |rate: f64| HEIGHT - rate / top * HEIGHT;
    let (by_date, bars) = (props.settings.trends_by_date, props.settings.trends_bars);
    let set = |by_date: bool, bars: bool| {
        let on_settings = props.on_settings.clone();
        let mut settings = props.settings.clone();
        (settings.trends_by_date, settings.trends_bars) = (by_date, bars);
        Callback::from(move |_: Event| on_settings.emit(settings.clone()))
    };
    let title_of = |i: usize| {
        let slot = chart.slots[i];
        match slot.segment {
            Some(k) => format!("tenth {} of the document", k + 1),
            None => corpus.docs[slot.doc].meta.title.clone(),
        }
    };
    let x_label = |i: usize| -> String {
        let slot = chart.slots[i];
        let every = n.div_ceil(MAX_X_LABELS).max(1);
        if i % every != 0 {
            return String::new();
        }
        match slot.segment {
            Some(k) => (k + 1).to_string(),
            None if chart.by_date => corpus.docs[slot.doc]
                .meta
                .published
                .as_ref()
                .map_or("undated".to_string(), |t| {
                    t.iso.get(..10).unwrap_or(&t.iso).to_string()
                }),
            None if every == 1 => corpus.docs[slot.doc].meta.title.clone(),
            None => (i + 1).to_string(),
        }
    };
    let on_export = {
        let chart = chart.clone();
        Callback::from(move |_: MouseEvent| {
            download("trends.csv", "text/csv", &chart.to_csv(corpus));
        })
    };
    let series_html = chart.series.iter().enumerate().map(|(s, series)| {
        let class = format!("series s{}", s % 6);
        let points: Vec<(f64, f64)> = (0..n).map(|i| (x_of(i), y_of(chart.rate(s, i)))).collect();
        let marks = (0..n).filter(|&i| series.counts[i] > 0).map(|i| {
            let slot = chart.slots[i];
            let (query, doc, hit) = (series.query.clone(), slot.doc, series.first_hit[i] as usize);
            let href = format!("#{}", to_hash(&View {
                query: query.clone(),
                doc: (doc > 0).then(|| corpus.docs[doc].id.clone()),
                ..View::default()
            }));
            let on_open = props.on_open.clone();
            let onclick = Callback::from(move |e: MouseEvent| {
                e.prevent_default();
                on_open.emit((query.clone(), doc, hit));
            });
            let count = series.counts[i];
            let label = format!(
                "{}, {}: {} hit{}, {} per 1,000 words",
                series.label,
                title_of(i),
                count,
                if count == 1 { "" } else { "s" },
                fixed(chart.rate(s, i), 1)
            );
            let (x, y) = points[i];
            let mark = if bars {
                let group = slot_width * 0.8;
                let w = group / chart.series.len() as f64;
                let x0 = x - group / 2.0 + w * s as f64;
                html! { <rect class="bar" x={fixed(x0, 2)} y={fixed(y, 2)} width={fixed(w, 2)} height={fixed(HEIGHT - y, 2)} /> }
            } else {
                html! { <line class="pt" x1={fixed(x, 2)} x2={fixed(x, 2)} y1={fixed(y, 2)} y2={fixed(y, 2)} /> }
            };
            html! {
                <a {href} {onclick} aria-label={label.clone()}>
                    <title>{ label }</title>
                    { mark }
                </a>
            }
        });
        let line = (!bars).then(|| {
            let path: Vec<String> = points.iter().map(|&(x, y)| format!("{},{}", fixed(x, 2), fixed(y, 2))).collect();
            html! { <polyline class="line" points={path.join(" ")} /> }
        });
        html! { <g {class}>{ for line }{ for marks }</g> }
    });
    let what = if segments {
        "in each tenth of the document"
    } else if chart.by_date {
        "in each document, by date"
    } else {
        "in each document, in corpus order"
    };
    html! {
        <section class="tool tool-trends" aria-labelledby="trends-heading">
            <div class="panel-head"><h2 id="trends-heading">{ "Trends" }</h2></div>
            <fieldset class="chart-options">
                <legend class="visually-hidden">{ "Chart options" }</legend>
                <div class="segmented" role="radiogroup" aria-label="Chart">
                    <label><input type="radio" name="trends-chart" checked={!bars} onchange={set(by_date, false)} />{ "Lines" }</label>
                    <label><input type="radio" name="trends-chart" checked={bars} onchange={set(by_date, true)} />{ "Bars" }</label>
                </div>
                if !segments && dated {
                    <div class="segmented" role="radiogroup" aria-label="Order">
                        <label><input type="radio" name="trends-order" checked={!by_date} onchange={set(false, bars)} />{ "Corpus order" }</label>
                        <label><input type="radio" name="trends-order" checked={by_date} onchange={set(true, bars)} />{ "By date" }</label>
                    </div>
                }
            </fieldset>
            <p class="tool-note">
                { format!("Hits per 1,000 words {what}.") }
                if chart.default_terms {
                    { " No search yet: the corpus's most frequent words. Search, or pick an entity, to follow it." }
                }
                if chart.left_out > 0 {
                    { format!(" The first {} parts of the query are shown.", chart.series.len()) }
                }
            </p>
            <ul class="legend series-legend">
                { for chart.series.iter().enumerate().map(|(s, series)| html! {
                    <li class={format!("series s{}", s % 6)}>
                        <span class="swatch" aria-hidden="true"></span>
                        { format!("{} ({})", series.label, series.counts.iter().sum::<u32>()) }
                    </li>
                }) }
            </ul>
            <div class="trends-plot">
                <div class="y-axis" aria-hidden="true">
                    <span>{ fixed(top, decimals) }</span>
                    <span>{ fixed(top / 2.0, decimals) }</span>
                    <span>{ "0" }</span>
                </div>
                <svg class={classes!("trends-svg", bars.then_some("bars"))} viewBox={format!("0 0 {} {}", fixed(WIDTH, 0), fixed(HEIGHT, 0))}
                    preserveAspectRatio="none" role="group" aria-label={format!("Trends: hits per 1,000 words {what}")}>
                    <line class="grid" x1="0" x2={fixed(WIDTH, 0)} y1={fixed(HEIGHT / 2.0, 0)} y2={fixed(HEIGHT / 2.0, 0)} />
                    <line class="grid" x1="0" x2={fixed(WIDTH, 0)} y1={fixed(HEIGHT, 0)} y2={fixed(HEIGHT, 0)} />
                    { for series_html }
                </svg>
                <div class={classes!("x-axis", (n > MAX_X_LABELS).then_some("sparse"))} aria-hidden="true">
                    { for (0..n).map(|i| html! { <span title={title_of(i)}>{ x_label(i) }</span> }) }
                </div>
            </div>
            <div class="panel-foot">
                <button type="button" class="text-button" onclick={on_export}>{ "Download the trends (CSV)" }</button>
            </div>
        </section>
    }
}
