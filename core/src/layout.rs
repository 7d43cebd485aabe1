//! Splitting a paragraph into what the reader draws: plain text, search marks and entity
//! spans. The reader renders these as text nodes and elements; it never builds HTML strings.

use crate::span::Span;

/// A piece of text inside a paragraph or an entity: plain, or the `hit`-th hit of the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece {
    Text(Span),
    Hit { span: Span, hit: u32 },
}

/// A top-level piece of a paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    Piece(Piece),
    /// An entity mention (the entity's index) holding its own pieces: a hit that crosses the
    /// mention's edge is split in two, so elements always nest.
    Entity {
        span: Span,
        entity: u32,
        pieces: Vec<Piece>,
    },
}

/// Lays out `region` with `hits` (span, hit number) and entity `mentions` (span, entity
/// index). Each list must be sorted and free of overlaps within itself; spans outside the
/// region are ignored and spans crossing its edge are clipped.
pub fn segments(region: Span, hits: &[(Span, u32)], mentions: &[(Span, u32)]) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut pos = region.start;
    for &(span, entity) in mentions {
        let Some(span) = clip(
            span,
            Span {
                start: pos,
                end: region.end,
            },
        ) else {
            continue;
        };
        pieces(
            Span {
                start: pos,
                end: span.start,
            },
            hits,
            &mut |p| out.push(Segment::Piece(p)),
        );
        let mut inner = Vec::new();
        pieces(span, hits, &mut |p| inner.push(p));
        out.push(Segment::Entity {
            span,
            entity,
            pieces: inner,
        });
        pos = span.end;
    }
    pieces(
        Span {
            start: pos,
            end: region.end,
        },
        hits,
        &mut |p| out.push(Segment::Piece(p)),
    );
    out
}

fn clip(span: Span, to: Span) -> Option<Span> {
    let start = span.start.max(to.start);
    let end = span.end.min(to.end);
    (start < end).then_some(Span { start, end })
}

/// Emits the text and hit pieces of `range`.
fn pieces(range: Span, hits: &[(Span, u32)], emit: &mut dyn FnMut(Piece)) {
    if range.is_empty() {
        return;
    }
    let mut pos = range.start;
    let first = hits.partition_point(|(h, _)| h.end <= range.start);
    for &(span, hit) in &hits[first..] {
        if span.start >= range.end {
            break;
        }
        let Some(span) = clip(
            span,
            Span {
                start: pos,
                end: range.end,
            },
        ) else {
            continue;
        };
        if pos < span.start {
            emit(Piece::Text(Span {
                start: pos,
                end: span.start,
            }));
        }
        emit(Piece::Hit { span, hit });
        pos = span.end;
    }
    if pos < range.end {
        emit(Piece::Text(Span {
            start: pos,
            end: range.end,
        }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "The Republic of Korea and NATO met.";

    fn span(needle: &str) -> Span {
        let start = TEXT.find(needle).unwrap();
        Span::checked(TEXT, start, start + needle.len()).unwrap()
    }

    /// Renders segments as a string: [hit#n …], {entity#n …}.
    fn draw(segments: &[Segment]) -> String {
        let piece = |p: &Piece| match p {
            Piece::Text(s) => s.of(TEXT).to_string(),
            Piece::Hit { span, hit } => format!("[{hit}:{}]", span.of(TEXT)),
        };
        segments
            .iter()
            .map(|s| match s {
                Segment::Piece(p) => piece(p),
                Segment::Entity { entity, pieces, .. } => {
                    format!(
                        "{{{entity}:{}}}",
                        pieces.iter().map(piece).collect::<String>()
                    )
                }
            })
            .collect()
    }

    fn check(hits: &[(&str, u32)], mentions: &[(&str, u32)], expected: &str) {
        let hits: Vec<(Span, u32)> = hits.iter().map(|&(n, i)| (span(n), i)).collect();
        let mentions: Vec<(Span, u32)> = mentions.iter().map(|&(n, i)| (span(n), i)).collect();
        let region = Span::checked(TEXT, 0, TEXT.len()).unwrap();
        assert_eq!(draw(&segments(region, &hits, &mentions)), expected);
    }

    #[test]
    fn layouts() {
        check(&[], &[], TEXT);
        check(
            &[("NATO", 0)],
            &[],
            "The Republic of Korea and [0:NATO] met.",
        );
        check(
            &[("The", 0), ("met.", 1)],
            &[],
            "[0:The] Republic of Korea and NATO [1:met.]",
        );
        check(
            &[],
            &[("Republic of Korea", 3)],
            "The {3:Republic of Korea} and NATO met.",
        );
        check(
            &[("Korea", 5)],
            &[("Republic of Korea", 3), ("NATO", 4)],
            "The {3:Republic of [5:Korea]} and {4:NATO} met.",
        );
        // A hit crossing an entity's edge is split into two marks with the same number.
        check(
            &[("Korea and", 0)],
            &[("Republic of Korea", 1)],
            "The {1:Republic of [0:Korea]}[0: and] NATO met.",
        );
    }

    #[test]
    fn spans_outside_the_region_are_clipped() {
        let region = span("Korea and NATO");
        let hits = [(span("The Republic"), 0), (span("NATO met"), 1)];
        let out = segments(region, &hits, &[(span("Republic of Korea"), 2)]);
        assert_eq!(draw(&out), "{2:Korea} and [1:NATO]");
    }
}
