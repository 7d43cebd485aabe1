//! Splitting a paragraph into what the reader draws: plain text, search marks and entity
//! spans. The reader renders these as text nodes and elements; it never builds HTML strings.

use crate::document::Document;
use crate::span::Span;

/// Paragraphs longer than this many bytes are drawn in parts, so a long document (or a
/// megabyte-long paragraph) can be rendered a window at a time.
pub const BLOCK_BYTES: usize = 4 * 1024;

/// A unit the reader renders: a paragraph, or one part of a long one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Block {
    pub span: Span,
    /// The paragraph's index.
    pub para: u32,
    /// 0 for a paragraph's first part.
    pub part: u32,
    /// The paragraph's line breaks are part of the text (a list, verse): the reader shows them.
    pub lines: bool,
}

/// The body of a document as blocks: each paragraph, cut into parts of about `max_bytes` at
/// spaces (the space stays at the end of the earlier part, so the parts' texts concatenate
/// to the paragraph's).
pub fn blocks(doc: &Document, max_bytes: usize) -> Vec<Block> {
    let text = doc.text.as_str();
    let max_bytes = max_bytes.max(64);
    let mut out = Vec::with_capacity(doc.paragraphs.len());
    for (para, &span) in doc.paragraphs.iter().enumerate() {
        let mut start = span.start as usize;
        let end = span.end as usize;
        let mut part = 0;
        let lines = doc.keeps_lines(para);
        while end - start > max_bytes {
            let floor = |mut at: usize| {
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                at
            };
            let cut = floor(start + max_bytes);
            let half = floor(start + max_bytes / 2).max(start + 1).min(cut);
            // Cut after the last space in the second half of the part (a paragraph that keeps
            // its lines, after the last line break there), or mid-word if none.
            let cut = text
                .get(half..cut)
                .and_then(|s| {
                    lines
                        .then(|| s.rfind('\n'))
                        .flatten()
                        .or_else(|| s.rfind(char::is_whitespace))
                })
                .map(|i| {
                    let at = half + i;
                    at + text[at..].chars().next().map_or(1, char::len_utf8)
                })
                .unwrap_or(cut);
            out.push(Block {
                span: Span::new_unchecked(start, cut),
                para: para as u32,
                part,
                lines,
            });
            start = cut;
            part += 1;
        }
        out.push(Block {
            span: Span::new_unchecked(start, end),
            para: para as u32,
            part,
            lines,
        });
    }
    out
}

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

    #[test]
    fn long_paragraphs_are_cut_into_blocks_at_spaces() {
        let long = "word ".repeat(100) + "end";
        let doc = Document::parse(
            "x.txt",
            &format!(
                "Title\n\nShort one.\n\n{long}\n\nÜnïcødé ✓ {}",
                "ß".repeat(200)
            ),
        );
        let blocks = blocks(&doc, 128);
        assert_eq!(
            blocks[0],
            Block {
                span: doc.paragraphs[0],
                para: 0,
                part: 0,
                lines: false,
            }
        );
        let parts: Vec<&Block> = blocks.iter().filter(|b| b.para == 1).collect();
        assert!(parts.len() > 3);
        let joined: String = parts.iter().map(|b| b.span.of(&doc.text)).collect();
        assert_eq!(joined, long);
        assert!(parts.iter().all(|b| b.span.len() <= 128));
        assert!(parts[..parts.len() - 1]
            .iter()
            .all(|b| b.span.of(&doc.text).ends_with(' ')));
        let last: String = blocks
            .iter()
            .filter(|b| b.para == 2)
            .map(|b| b.span.of(&doc.text))
            .collect();
        assert_eq!(
            last,
            doc.paragraph(2),
            "a run without spaces is cut between chars"
        );
        assert!(blocks.windows(2).all(|w| w[0].span.end <= w[1].span.start));
    }

    #[test]
    fn blocks_never_cut_inside_a_char() {
        // Found by the stress corpus: a two-byte letter straddling the middle of a part.
        for shift in 0..4 {
            let body = format!("{}{}", "a".repeat(shift), "Zürich naïve café ".repeat(400));
            let doc = Document::parse("x.txt", &format!("T\n\n{body}"));
            for max in [64, 65, 127, 128, 1000] {
                let joined: String = blocks(&doc, max)
                    .iter()
                    .map(|b| b.span.of(&doc.text))
                    .collect();
                assert_eq!(joined, body.trim_end(), "shift {shift}, max {max}");
            }
        }
    }

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
