//! A dispersion strip: where the hits fall across the document, one tick per hit
//! (AntConc's Plot), with clicks jumping to the hit.

use explorer_core::format::fixed;
use explorer_core::search::Hit;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DispersionProps {
    pub hits: Rc<Vec<Hit>>,
    /// The document's length in bytes: hits are placed by where they start.
    pub length: usize,
    pub current: usize,
    pub on_jump: Callback<usize>,
    /// What the strip shows, for its accessible name ("“nato” in this document").
    pub label: AttrValue,
}

/// Width of the drawing in SVG units; it scales to its box.
const WIDTH: f64 = 1000.0;
/// Above this many hits, a histogram of `BINS` bars replaces the ticks.
const MAX_TICKS: usize = 400;
const BINS: usize = 100;

#[component]
pub fn Dispersion(props: &DispersionProps) -> Html {
    if props.hits.is_empty() || props.length == 0 {
        return html! {};
    }
    let n = props.length as f64;
    let segments =
        explorer_core::stats::dispersion(props.length, props.hits.iter().map(|h| h.span.start), 10);
    let summary = format!(
        "{}: {} in {} of 10 parts of the document",
        props.label,
        props.hits.len(),
        segments.iter().filter(|&&c| c > 0).count()
    );
    html! {
        <figure class="dispersion">
            <svg viewBox="0 0 1000 40" preserveAspectRatio="none" role="img" aria-label={summary.clone()}>
                <rect class="dispersion-track" x="0" y="0" width="1000" height="40" />
                { for (1..10).map(|i| html! {
                    <line class="dispersion-grid" x1={fixed(WIDTH * i as f64 / 10.0, 0)} x2={fixed(WIDTH * i as f64 / 10.0, 0)} y1="0" y2="40" />
                }) }
                if props.hits.len() <= MAX_TICKS {
                    { for props.hits.iter().enumerate().map(|(i, h)| {
                        let x = f64::from(h.span.start) / n * WIDTH;
                        let on_jump = props.on_jump.clone();
                        html! {
                            <line class={classes!("tick", (i == props.current).then_some("current"))}
                                x1={fixed(x, 1)} x2={fixed(x, 1)} y1="4" y2="36"
                                onclick={move |_| on_jump.emit(i)} />
                        }
                    }) }
                } else {
                    // Too many hits for a tick each: a histogram of where they fall.
                    { for {
                        let bins = explorer_core::stats::dispersion(props.length, props.hits.iter().map(|h| h.span.start), BINS);
                        let max = bins.iter().copied().max().unwrap_or(1).max(1);
                        bins.into_iter().enumerate().filter(|(_, c)| *c > 0).map(move |(b, c)| {
                            let h = 4.0 + 32.0 * f64::from(c) / f64::from(max);
                            html! {
                                <rect class="bin" x={fixed(b as f64 * WIDTH / BINS as f64, 1)} width={fixed(WIDTH / BINS as f64, 1)}
                                    y={fixed(40.0 - h, 1)} height={fixed(h, 1)} />
                            }
                        }).collect::<Vec<_>>()
                    } }
                }
            </svg>
            <figcaption class="dispersion-caption"><span>{ "Start" }</span><span>{ "End" }</span></figcaption>
        </figure>
    }
}
