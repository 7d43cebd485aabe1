//! The Trends view: how often each part of the query (or the selected entity) occurs per
//! 1,000 words in each document, in corpus or date order, or in each tenth of a single
//! document; a line or a bar chart. A point opens its document at its first hit.
//!
//! The plot stretches to its box (`preserveAspectRatio="none"`: lines keep their width,
//! points are round caps of zero-length lines); the axes' labels are HTML beside it, so they
//! stay legible at any width.

use crate::corpus;
use crate::views::corpus_view::{button, head, Act, Args};
use crate::views::tree::{e, Acts, E};
use explorer_core::format::fixed;
use explorer_core::state::{to_hash, View};
use explorer_core::trends::trends as compute;

/// The plot's box in SVG units.
const WIDTH: f64 = 1000.0;
const HEIGHT: f64 = 300.0;

/// Most labels along the x axis; with more slots, every k-th is labelled.
const MAX_X_LABELS: usize = 12;

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

/// A radio button of a segmented control.
pub fn option(acts: &mut Acts<Act>, name: &'static str, label: String, on: bool, act: Act) -> E {
    let input = e("input")
        .attr("type", "radio")
        .attr("name", name)
        .checked(on);
    e("label").child(acts.on(input, act)).text_s(label)
}

/// A segmented control (a group of radio buttons).
pub fn segmented(label: &'static str) -> E {
    e("div")
        .class("segmented")
        .attr("role", "radiogroup")
        .attr("aria-label", label)
}

pub fn trends(args: &Args, acts: &mut Acts<Act>) -> Vec<E> {
    let corpus = corpus();
    let settings = &args.view.views;
    let (by_date, bars) = (settings.trends_by_date, settings.trends_bars);
    let chart = compute(corpus, &args.view.query, by_date);
    let n = chart.slots.len();
    let segments = chart.slots.first().is_some_and(|s| s.segment.is_some());
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
    let set = |by_date: bool, bars: bool| {
        let mut next = settings.clone();
        (next.trends_by_date, next.trends_bars) = (by_date, bars);
        Act::Views(next)
    };
    let mut options = e("div").class("chart-options").child(
        segmented("Chart")
            .child(option(
                acts,
                "trends-chart",
                "Lines".into(),
                !bars,
                set(by_date, false),
            ))
            .child(option(
                acts,
                "trends-chart",
                "Bars".into(),
                bars,
                set(by_date, true),
            )),
    );
    if !segments && corpus.docs.iter().any(|d| d.meta.published.is_some()) {
        options = options.child(
            segmented("Order")
                .child(option(
                    acts,
                    "trends-order",
                    "Corpus order".into(),
                    !by_date,
                    set(false, bars),
                ))
                .child(option(
                    acts,
                    "trends-order",
                    "By date".into(),
                    by_date,
                    set(true, bars),
                )),
        );
    }
    let title_of = |i: usize| {
        let slot = chart.slots[i];
        match slot.segment {
            Some(k) => format!("tenth {} of the document", k + 1),
            None => corpus.docs[slot.doc].meta.title.clone(),
        }
    };
    let every = n.div_ceil(MAX_X_LABELS).max(1);
    let x_label = |i: usize| -> String {
        let slot = chart.slots[i];
        if i % every != 0 {
            return String::new();
        }
        match slot.segment {
            Some(k) => (k + 1).to_string(),
            None if chart.by_date => corpus.docs[slot.doc]
                .meta
                .published
                .as_ref()
                .map_or("undated".into(), |t| {
                    t.iso.get(..10).unwrap_or(&t.iso).to_string()
                }),
            None if every == 1 => corpus.docs[slot.doc].meta.title.clone(),
            None => (i + 1).to_string(),
        }
    };

    let mut plot = e("svg")
        .class(if bars {
            "trends-svg bars"
        } else {
            "trends-svg"
        })
        .attr("viewBox", "0 0 1000 300")
        .attr("preserveAspectRatio", "none")
        .attr("role", "group")
        .attr("aria-label", "Trends chart");
    for y in [HEIGHT / 2.0, HEIGHT] {
        plot = plot.child(
            e("line")
                .class("grid")
                .attr("x1", "0")
                .attr("x2", "1000")
                .attr_n("y1", y as u32)
                .attr_n("y2", y as u32),
        );
    }
    let mut legend = e("ul").class("legend series-legend");
    for (s, series) in chart.series.iter().enumerate() {
        let class = format!("series s{}", s % 6);
        legend = legend.child(
            e("li")
                .attr_s("class", class.clone())
                .child(e("span").class("swatch").attr("aria-hidden", "true"))
                .text_s(format!(
                    "{} ({})",
                    series.label,
                    series.counts.iter().sum::<u32>()
                )),
        );
        let points: Vec<(f64, f64)> = (0..n).map(|i| (x_of(i), y_of(chart.rate(s, i)))).collect();
        let mut group = e("g").attr_s("class", class);
        if !bars {
            let path: Vec<String> = points
                .iter()
                .map(|&(x, y)| format!("{},{}", fixed(x, 2), fixed(y, 2)))
                .collect();
            group = group.child(e("polyline").class("line").attr_s("points", path.join(" ")));
        }
        for i in (0..n).filter(|&i| series.counts[i] > 0) {
            let slot = chart.slots[i];
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
                let group_width = slot_width * 0.8;
                let w = group_width / chart.series.len() as f64;
                e("rect")
                    .class("bar")
                    .attr_s("x", fixed(x - group_width / 2.0 + w * s as f64, 2))
                    .attr_s("y", fixed(y, 2))
                    .attr_s("width", fixed(w, 2))
                    .attr_s("height", fixed(HEIGHT - y, 2))
            } else {
                e("line")
                    .class("pt")
                    .attr_s("x1", fixed(x, 2))
                    .attr_s("x2", fixed(x, 2))
                    .attr_s("y1", fixed(y, 2))
                    .attr_s("y2", fixed(y, 2))
            };
            // A link to the view it opens; the click opens it at the first hit of the slot.
            let href = to_hash(&View {
                query: series.query.clone(),
                doc: (slot.doc > 0).then(|| corpus.docs[slot.doc].id.clone()),
                ..View::default()
            });
            let act = Act::Open(series.query.clone(), slot.doc, series.first_hit[i] as usize);
            let link = e("a")
                .attr_s("href", format!("#{href}"))
                .attr_s("aria-label", label.clone())
                .child(e("title").text_s(label))
                .child(mark);
            group = group.child(acts.on(link, act));
        }
        plot = plot.child(group);
    }
    let what = if segments {
        "in each tenth of the document"
    } else if chart.by_date {
        "in each document, by date"
    } else {
        "in each document, in corpus order"
    };
    let mut note = format!("Hits per 1,000 words {what}.");
    if chart.default_terms {
        note.push_str(" No search yet: the corpus's most frequent words. Search, or pick an entity, to follow it.");
    }
    if chart.left_out > 0 {
        note.push_str(&format!(
            " The first {} parts of the query are shown.",
            chart.series.len()
        ));
    }
    let [h1, note] = head("Trends", note);
    let y_axis = e("div")
        .class("y-axis")
        .attr("aria-hidden", "true")
        .child(e("span").text_s(fixed(top, decimals)))
        .child(e("span").text_s(fixed(top / 2.0, decimals)))
        .child(e("span").text("0"));
    let mut x_axis = e("div")
        .class(if n > MAX_X_LABELS {
            "x-axis sparse"
        } else {
            "x-axis"
        })
        .attr("aria-hidden", "true");
    for i in 0..n {
        x_axis = x_axis.child(e("span").attr_s("title", title_of(i)).text_s(x_label(i)));
    }
    vec![
        h1,
        options,
        note,
        legend,
        e("div")
            .class("trends-plot")
            .child(y_axis)
            .child(plot)
            .child(x_axis),
        e("p").class("panel-foot").child(button(
            acts,
            "text-button",
            "Download the trends (CSV)",
            Act::TrendsCsv(args.view.query.clone(), by_date),
        )),
    ]
}
