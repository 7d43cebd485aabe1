//! Trends (Voyant's Trends): how often the query's terms, or a selected entity, occur in each
//! document, per 1,000 words, in corpus order or by date; within a single document, in each
//! of ten equal parts.
//!
//! Each positive part of the query (a word, a phrase, a prefix, an entity filter) is its own
//! series, counted by the same search the reader marks, so a point's count is the number of
//! marks the reader shows for that series' query. Without a query, the corpus's most
//! frequent content words are shown, as Voyant does.

use crate::corpus::Corpus;
use crate::documents::{segment_of, segment_words, SEGMENTS};
use crate::export::Csv;
use crate::order::sort_by_u64;
use crate::query::{parse, Query};

/// Most series drawn: a query of more parts shows its first ones.
pub const MAX_SERIES: usize = 6;

/// Series shown without a query: the corpus's most frequent content words.
pub const DEFAULT_TERMS: usize = 5;

/// One point of the x axis: a document, or a part of the only document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Slot {
    pub doc: usize,
    /// The part (0 to 9) when the corpus has one document.
    pub segment: Option<usize>,
    /// Words in the document or the part.
    pub words: u32,
}

/// One line (or set of bars) of the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// The part of the query it counts, as typed ("nato", "\"cold war\"", "place:japan").
    pub label: String,
    /// The query that marks exactly these hits in the reader (the whole query when it has
    /// one part; otherwise the part, with the query's exclusions).
    pub query: String,
    /// Per slot: hits.
    pub counts: Vec<u32>,
    /// Per slot: the index, among the document's hits for `query`, of the first hit in the
    /// slot (where a click on the point opens the reader).
    pub first_hit: Vec<u32>,
}

/// The chart: slots along the x axis, and one series per query part.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Trends {
    pub slots: Vec<Slot>,
    pub series: Vec<Series>,
    /// Whether the series are the corpus's most frequent words (there was no query).
    pub default_terms: bool,
    /// Whether the slots are in date order (asked for, and some document has a date).
    pub by_date: bool,
    /// Query parts left out beyond [`MAX_SERIES`].
    pub left_out: usize,
}

/// Occurrences per 1,000 words (0 for no words).
pub fn per_thousand(count: u32, words: u32) -> f64 {
    if words == 0 {
        0.0
    } else {
        f64::from(count) * 1000.0 / f64::from(words)
    }
}

impl Trends {
    /// The relative frequency of series `s` at slot `i`, per 1,000 words.
    pub fn rate(&self, s: usize, i: usize) -> f64 {
        let count = self.series.get(s).and_then(|s| s.counts.get(i)).copied();
        let words = self.slots.get(i).map_or(0, |slot| slot.words);
        per_thousand(count.unwrap_or(0), words)
    }

    /// The highest rate of any series, for the chart's scale.
    pub fn max_rate(&self) -> f64 {
        (0..self.series.len())
            .flat_map(|s| (0..self.slots.len()).map(move |i| (s, i)))
            .map(|(s, i)| self.rate(s, i))
            .fold(0.0, f64::max)
    }

    /// The chart as CSV, one row per slot and series:
    /// `document,title,date,segment,words,series,count,per_1000`.
    pub fn to_csv(&self, corpus: &Corpus) -> String {
        let mut csv = Csv::new("document,title,date,segment,words,series,count,per_1000");
        for (i, slot) in self.slots.iter().enumerate() {
            let Some(doc) = corpus.docs.get(slot.doc) else {
                continue;
            };
            for (s, series) in self.series.iter().enumerate() {
                csv.text(&doc.id)
                    .text(&doc.meta.title)
                    .raw(doc.meta.published.as_ref().map_or("", |t| t.iso.as_str()))
                    .raw(&slot.segment.map_or(String::new(), |k| (k + 1).to_string()))
                    .num(slot.words.into())
                    .text(&series.label)
                    .num(series.counts[i].into())
                    .fixed(self.rate(s, i), 3)
                    .end();
            }
        }
        csv.finish()
    }
}

/// The trends of a query (as typed) over the corpus; `by_date` orders documents by their
/// date (undated ones last, in corpus order).
pub fn trends(corpus: &Corpus, query_text: &str, by_date: bool) -> Trends {
    let query = parse(query_text);
    let atoms: Vec<_> = query.positive_atoms().collect();
    let mut trends = Trends {
        left_out: atoms.len().saturating_sub(MAX_SERIES),
        ..Trends::default()
    };
    // (label, query) per series.
    let wanted: Vec<(String, String)> = match atoms.len() {
        0 => {
            trends.default_terms = true;
            default_terms(corpus)
                .into_iter()
                .map(|t| (t.clone(), t))
                .collect()
        }
        1 => vec![(atoms[0].text().to_string(), query_text.trim().to_string())],
        _ => atoms
            .iter()
            .take(MAX_SERIES)
            .map(|atom| {
                let mut q = atom.text().to_string();
                for excluded in &query.excluded {
                    q.push_str(" -");
                    q.push_str(excluded.text());
                }
                (atom.text().to_string(), q)
            })
            .collect(),
    };

    let n_docs = corpus.docs.len();
    if n_docs == 1 {
        let words = corpus.doc_stats.first().map_or(0, |s| s.words);
        trends.slots = (0..SEGMENTS)
            .map(|k| Slot {
                doc: 0,
                segment: Some(k),
                words: segment_words(words, k),
            })
            .collect();
    } else {
        let mut order: Vec<usize> = (0..n_docs).collect();
        if by_date && corpus.docs.iter().any(|d| d.meta.published.is_some()) {
            trends.by_date = true;
            sort_by_u64(&mut order, |&d| {
                if corpus.docs[d].meta.published.is_some() {
                    u64::from(corpus.doc_facts(d).date_rank)
                } else {
                    u64::MAX
                }
            });
        }
        trends.slots = order
            .into_iter()
            .map(|d| Slot {
                doc: d,
                segment: None,
                words: corpus.doc_stats.get(d).map_or(0, |s| s.words),
            })
            .collect();
    }

    for (label, q) in wanted {
        let result = corpus.search(&parse(&q));
        let mut counts = vec![0u32; trends.slots.len()];
        let mut first_hit = vec![0u32; trends.slots.len()];
        if n_docs == 1 {
            let starts = &corpus.doc_facts(0).segment_starts;
            for (h, hit) in result.hits_in(0).iter().enumerate() {
                let k = segment_of(starts, hit.span.start).min(SEGMENTS - 1);
                if counts[k] == 0 {
                    first_hit[k] = h as u32;
                }
                counts[k] += 1;
            }
        } else {
            // Slot of each document, to place each document's hits.
            let mut slot_of = vec![0usize; n_docs];
            for (i, slot) in trends.slots.iter().enumerate() {
                slot_of[slot.doc] = i;
            }
            for doc_hits in &result.docs {
                counts[slot_of[doc_hits.doc]] = doc_hits.hits.len() as u32;
            }
        }
        trends.series.push(Series {
            label,
            query: q,
            counts,
            first_hit,
        });
    }
    trends
}

/// The corpus's most frequent words that are neither stopwords nor numbers, one per stem
/// (a word's search finds every form of its stem: "storms" would repeat "storm").
fn default_terms(corpus: &Corpus) -> Vec<String> {
    let vocab = &corpus.index.vocab;
    let mut stems: Vec<String> = Vec::new();
    let mut terms = Vec::new();
    for &(t, _) in corpus.stats.terms() {
        if terms.len() == DEFAULT_TERMS {
            break;
        }
        if vocab.is_stop(t) || vocab.is_number(t) {
            continue;
        }
        let stem = crate::text::stem(vocab.form(t));
        if !stems.contains(&stem) {
            stems.push(stem);
            terms.push(vocab.form(t).to_string());
        }
    }
    terms
}

/// Whether a query has anything for trends to count (otherwise they show the corpus's most
/// frequent words).
pub fn has_series(query: &Query) -> bool {
    query.positive_atoms().next().is_some()
}

#[cfg(all(test, feature = "extract"))]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::entities::{Entity, EntityKind};
    use crate::span::Span;

    /// Three documents, worked by hand (words counted as the statistics count them: the
    /// title's words too, a hyphenated compound once):
    /// a (2024-03-01): "Storm report" + "The storm hit the port. Another storm came." = 2 + 8
    ///   = 10 words; storm 3 (title and body), port 1.
    /// b (no date): "Quiet week" + "Nothing happened at the port this whole week." = 2 + 8
    ///   = 10 words; port 1, storm 0.
    /// c (2023-12-31): "Port news" + "Storms and more storms hit the port and the harbour-side."
    ///   = 2 + 10 = 12 words (harbour-side is one); storm 2 (storms ×2, by stem), port 2.
    fn corpus() -> Corpus {
        Corpus::build(vec![
            Document::parse(
                "a.txt",
                "Storm report\nCoast Daily\n2024-03-01\n\nBy Al Roe\n\nThe storm hit the port. Another storm came.",
            ),
            Document::parse(
                "b.txt",
                "Quiet week\n\nNothing happened at the port this whole week.",
            ),
            Document::parse(
                "c.txt",
                "Port news\nHarbour Post\n2023-12-31\n\nBy Cy Lu\n\nStorms and more storms hit the port and the harbour-side.",
            ),
        ])
    }

    fn rates(trends: &Trends, s: usize) -> Vec<String> {
        (0..trends.slots.len())
            .map(|i| crate::format::fixed(trends.rate(s, i), 1))
            .collect()
    }

    #[test]
    fn relative_frequencies_per_document() {
        let corpus = corpus();
        let words: Vec<u32> = corpus.doc_stats.iter().map(|s| s.words).collect();
        assert_eq!(words, [10, 10, 12]);
        let t = trends(&corpus, "storm", false);
        assert_eq!(t.series.len(), 1);
        assert_eq!(t.series[0].label, "storm");
        assert_eq!(t.series[0].query, "storm");
        assert_eq!(t.series[0].counts, [3, 0, 2]);
        // 3/10 × 1000 = 300; 0; 2/12 × 1000 = 166.7.
        assert_eq!(rates(&t, 0), ["300.0", "0.0", "166.7"]);
        assert!((t.max_rate() - 300.0).abs() < 1e-9);
        assert!(!t.default_terms && !t.by_date);
    }

    #[test]
    fn each_part_of_a_query_is_a_series() {
        let corpus = corpus();
        let t = trends(&corpus, "storm port -quiet", false);
        let labels: Vec<(&str, &str)> = t
            .series
            .iter()
            .map(|s| (s.label.as_str(), s.query.as_str()))
            .collect();
        assert_eq!(labels, [("storm", "storm -quiet"), ("port", "port -quiet")]);
        // b is left out by "-quiet", as in the search.
        assert_eq!(t.series[1].counts, [1, 0, 2]);
        assert_eq!(rates(&t, 1), ["100.0", "0.0", "166.7"]);
        let many = trends(&corpus, "a b c d e f g h", false);
        assert_eq!(many.series.len(), MAX_SERIES);
        assert_eq!(many.left_out, 2);
    }

    #[test]
    fn by_date_puts_undated_documents_last() {
        let corpus = corpus();
        let t = trends(&corpus, "port", true);
        assert!(t.by_date);
        let docs: Vec<usize> = t.slots.iter().map(|s| s.doc).collect();
        assert_eq!(docs, [2, 0, 1]);
        assert_eq!(t.series[0].counts, [2, 1, 1]);
    }

    #[test]
    fn without_a_query_the_most_frequent_words() {
        let corpus = corpus();
        let t = trends(&corpus, "  ", false);
        assert!(t.default_terms);
        let labels: Vec<&str> = t.series.iter().map(|s| s.label.as_str()).collect();
        // Content words: port 4, storm 3, then hit, storms and week 2 each (ties
        // alphabetically); storms is left out, its stem is storm's.
        assert_eq!(&labels[..4], ["port", "storm", "hit", "week"]);
        assert_eq!(labels.len(), DEFAULT_TERMS);
    }

    #[test]
    fn an_entity_is_a_series() {
        let mut corpus = corpus();
        let text = corpus.docs[2].text.clone();
        let at = text.find("harbour-side").unwrap();
        corpus.set_entities(
            2,
            vec![Entity {
                kind: EntityKind::Loc,
                canonical: "Harbour".into(),
                aliases: vec![],
                mentions: vec![Span::checked(&text, at, at + 7).unwrap()],
            }],
        );
        let t = trends(&corpus, "place:\"Harbour\"", false);
        assert_eq!(t.series[0].counts, [0, 0, 1]);
        assert_eq!(rates(&t, 0), ["0.0", "0.0", "83.3"]);
    }

    #[test]
    fn one_document_in_ten_parts() {
        // 20 words; "storm" is words 1, 2 and 15 (0-based); parts of 2 words each.
        let text = "Storm storm one two three four five six seven eight nine ten eleven twelve thirteen storm a b c d";
        let corpus = Corpus::build(vec![Document::parse(
            "x.txt",
            &format!("Title here\n\n{text}"),
        )]);
        // Title adds 2 words: 22 words, parts of 2 or 3: ⌊k·22/10⌋ = 0 2 4 6 8 11 13 15 17 19 | 22.
        assert_eq!(corpus.doc_stats[0].words, 22);
        let t = trends(&corpus, "storm", false);
        assert_eq!(t.slots.len(), SEGMENTS);
        let words: Vec<u32> = t.slots.iter().map(|s| s.words).collect();
        assert_eq!(words, [2, 2, 2, 2, 3, 2, 2, 2, 2, 3]);
        // Word indices with the title: storm at 2, 3 and 17 → parts 1, 1 and 8.
        assert_eq!(t.series[0].counts, [0, 2, 0, 0, 0, 0, 0, 0, 1, 0]);
        assert_eq!(t.series[0].first_hit[1], 0);
        assert_eq!(t.series[0].first_hit[8], 2);
        assert_eq!(rates(&t, 0)[1], "1000.0");
        assert_eq!(rates(&t, 0)[8], "500.0");
        let csv = t.to_csv(&corpus);
        assert_eq!(
            csv.lines().next(),
            Some("document,title,date,segment,words,series,count,per_1000")
        );
        assert_eq!(
            csv.lines().nth(2),
            Some("x,Title here,,2,2,storm,2,1000.000")
        );
    }
}
