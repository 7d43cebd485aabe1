//! The Documents table: every document with its title, date, source, length, distinct words
//! and most mentioned entities, sortable by each column, and what the build works out per
//! document for it and for the trends (alphabetical ranks, ten equal parts by words).

use crate::corpus::Corpus;
use crate::document::Document;
use crate::entities::{Entity, EntityKind};
use crate::export::Csv;
use crate::index::{units, Token, Vocab};
use crate::order::sort_by_u64;
use serde::{Deserialize, Serialize};

/// Entities listed per document.
pub const TOP_ENTITIES: usize = 3;

/// Parts a single document is cut into for its trends.
pub const SEGMENTS: usize = 10;

/// A column of the table; each sorts the table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Column {
    /// Corpus order (the order of the files).
    #[default]
    Order,
    Title,
    Date,
    Source,
    Words,
    /// Distinct word forms.
    Distinct,
    /// The most mentioned entities, sorted by the first one's name.
    Entities,
    /// Hits of the current query.
    Hits,
}

impl Column {
    pub const ALL: [Column; 8] = [
        Column::Order,
        Column::Title,
        Column::Date,
        Column::Source,
        Column::Words,
        Column::Distinct,
        Column::Entities,
        Column::Hits,
    ];

    /// The column's name in the URL hash.
    pub fn id(self) -> &'static str {
        match self {
            Column::Order => "order",
            Column::Title => "title",
            Column::Date => "date",
            Column::Source => "source",
            Column::Words => "words",
            Column::Distinct => "distinct",
            Column::Entities => "entities",
            Column::Hits => "hits",
        }
    }

    pub fn from_id(id: &str) -> Option<Column> {
        Column::ALL.into_iter().find(|c| c.id() == id)
    }

    /// The column's heading.
    pub fn label(self) -> &'static str {
        match self {
            Column::Order => "#",
            Column::Title => "Title",
            Column::Date => "Date",
            Column::Source => "Source",
            Column::Words => "Words",
            Column::Distinct => "Distinct words",
            Column::Entities => "Top entities",
            Column::Hits => "Hits",
        }
    }

    /// Whether a first click sorts largest first (numbers) rather than A to Z (names).
    pub fn descending_first(self) -> bool {
        matches!(self, Column::Words | Column::Distinct | Column::Hits)
    }
}

/// What the build works out about a document for the table and the trends.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocFacts {
    /// The most mentioned entities, most first: kind, name and mentions.
    pub top_entities: Vec<(EntityKind, String, u32)>,
    /// This document's place when the documents are sorted A to Z by title, by date, by
    /// source and by first entity (the page sorts these numbers, not strings). Documents
    /// without a date, a source or an entity come after all that have one.
    pub title_rank: u32,
    pub date_rank: u32,
    pub source_rank: u32,
    pub entity_rank: u32,
    /// Where each of the [`SEGMENTS`] parts starts (byte offsets): each part holds the same
    /// number of words, give or take one.
    pub segment_starts: Vec<u32>,
}

/// Ranks of `keys` in ascending order (`None` last; ties in corpus order).
fn ranks(keys: &[Option<String>]) -> Vec<u32> {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by(|&a, &b| match (&keys[a], &keys[b]) {
        (Some(x), Some(y)) => x.cmp(y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    let mut rank = vec![0; keys.len()];
    for (r, i) in order.into_iter().enumerate() {
        rank[i] = r as u32;
    }
    rank
}

/// A string as the table sorts it: folded (case and accents aside).
fn sort_key(s: &str) -> String {
    crate::text::fold(s.trim())
}

impl DocFacts {
    /// The facts of every document, from its tokens and its entities.
    pub fn build(
        docs: &[Document],
        entities: &[Vec<Entity>],
        tokens: &[Vec<Token>],
        vocab: &Vocab,
    ) -> Vec<DocFacts> {
        let mut facts: Vec<DocFacts> = docs
            .iter()
            .enumerate()
            .map(|(d, doc)| DocFacts {
                segment_starts: segment_starts(
                    doc,
                    tokens.get(d).map_or(&[], Vec::as_slice),
                    vocab,
                ),
                ..DocFacts::default()
            })
            .collect();
        let titles: Vec<Option<String>> =
            docs.iter().map(|d| Some(sort_key(&d.meta.title))).collect();
        let dates: Vec<Option<String>> = docs
            .iter()
            .map(|d| d.meta.published.as_ref().map(|t| t.iso.clone()))
            .collect();
        let sources: Vec<Option<String>> = docs
            .iter()
            .map(|d| d.meta.source.as_ref().map(|s| sort_key(&s.value)))
            .collect();
        let (titles, dates, sources) = (ranks(&titles), ranks(&dates), ranks(&sources));
        for (d, f) in facts.iter_mut().enumerate() {
            (f.title_rank, f.date_rank, f.source_rank) = (titles[d], dates[d], sources[d]);
        }
        DocFacts::set_entities(&mut facts, entities);
        facts
    }

    /// Sets each document's most mentioned entities (and their rank) from its entities.
    pub fn set_entities(facts: &mut [DocFacts], entities: &[Vec<Entity>]) {
        let empty = Vec::new();
        for (d, f) in facts.iter_mut().enumerate() {
            let mut top: Vec<&Entity> = entities.get(d).unwrap_or(&empty).iter().collect();
            top.sort_by(|a, b| {
                b.count()
                    .cmp(&a.count())
                    .then(a.kind.cmp(&b.kind))
                    .then(a.canonical.cmp(&b.canonical))
            });
            f.top_entities = top
                .into_iter()
                .take(TOP_ENTITIES)
                .map(|e| (e.kind, e.canonical.clone(), e.count() as u32))
                .collect();
        }
        let firsts: Vec<Option<String>> = facts
            .iter()
            .map(|f| f.top_entities.first().map(|e| sort_key(&e.1)))
            .collect();
        for (f, r) in facts.iter_mut().zip(ranks(&firsts)) {
            f.entity_rank = r;
        }
    }
}

/// Where each of [`SEGMENTS`] parts of a document starts, by words: part `k` starts at
/// word `⌊k·n/SEGMENTS⌋` of `n` (words as the statistics count them: a hyphenated compound
/// is one). A document of fewer words than parts has empty parts, starting where the next
/// one does.
fn segment_starts(doc: &Document, tokens: &[Token], vocab: &Vocab) -> Vec<u32> {
    let units = units(tokens, vocab);
    let n = units.len();
    let end = doc.text.len() as u32;
    (0..SEGMENTS)
        .map(|k| {
            let first = k * n / SEGMENTS;
            units
                .get(first)
                .map_or(end, |u| tokens[u.first as usize].span.start)
        })
        .collect()
}

/// Words in part `k` of a document of `n` words cut into [`SEGMENTS`] parts.
pub fn segment_words(n: u32, k: usize) -> u32 {
    let n = u64::from(n);
    let at = |k: usize| (k as u64 * n / SEGMENTS as u64) as u32;
    at(k + 1) - at(k)
}

/// The part of a document a byte offset falls in (before the first word: the first part).
pub fn segment_of(segment_starts: &[u32], offset: u32) -> usize {
    segment_starts
        .partition_point(|&s| s <= offset)
        .saturating_sub(1)
}

impl Corpus {
    /// The facts of a document (the defaults for an unknown index).
    pub fn doc_facts(&self, doc: usize) -> &DocFacts {
        static NONE: DocFacts = DocFacts {
            top_entities: Vec::new(),
            title_rank: 0,
            date_rank: 0,
            source_rank: 0,
            entity_rank: 0,
            segment_starts: Vec::new(),
        };
        self.doc_facts.get().get(doc).unwrap_or(&NONE)
    }
}

/// The documents in table order: sorted by `column`, A to Z or smallest first unless
/// `descending`; ties, and documents without a value (no date, no source), in corpus order,
/// the latter always last. `hits[d]` is document d's hit count (empty when there is no
/// query).
pub fn table_order(corpus: &Corpus, column: Column, descending: bool, hits: &[u32]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..corpus.docs.len()).collect();
    let key = |d: usize| -> Option<u64> {
        let facts = corpus.doc_facts(d);
        let stats = corpus.doc_stats.get(d);
        let has = |rank: u32, present: bool| present.then_some(u64::from(rank));
        let doc = &corpus.docs[d];
        match column {
            Column::Order => Some(d as u64),
            Column::Title => Some(u64::from(facts.title_rank)),
            Column::Date => has(facts.date_rank, doc.meta.published.is_some()),
            Column::Source => has(facts.source_rank, doc.meta.source.is_some()),
            Column::Entities => has(facts.entity_rank, !facts.top_entities.is_empty()),
            Column::Words => Some(stats.map_or(0, |s| u64::from(s.words))),
            Column::Distinct => Some(stats.map_or(0, |s| u64::from(s.unique))),
            Column::Hits => Some(u64::from(hits.get(d).copied().unwrap_or(0))),
        }
    };
    sort_by_u64(&mut order, |&d| match key(d) {
        None => u64::MAX,
        Some(k) if descending => u64::MAX - 1 - k,
        Some(k) => k,
    });
    order
}

/// The table as CSV, in the given order: `title,date,source,words,distinct_words,entities`,
/// and `hits` when there are hit counts.
pub fn table_csv(corpus: &Corpus, order: &[usize], hits: &[u32]) -> String {
    let mut csv = Csv::new(if hits.is_empty() {
        "id,title,date,source,words,distinct_words,top_entities"
    } else {
        "id,title,date,source,words,distinct_words,top_entities,hits"
    });
    for &d in order {
        let Some(doc) = corpus.docs.get(d) else {
            continue;
        };
        let stats = corpus.doc_stats.get(d);
        let entities: Vec<String> = corpus
            .doc_facts(d)
            .top_entities
            .iter()
            .map(|(kind, name, count)| format!("{name} ({}, {count})", kind.label()))
            .collect();
        csv.text(&doc.id)
            .text(&doc.meta.title)
            .raw(doc.meta.published.as_ref().map_or("", |t| t.iso.as_str()))
            .text(doc.meta.source.as_ref().map_or("", |s| s.value.as_str()))
            .num(stats.map_or(0, |s| s.words).into())
            .num(stats.map_or(0, |s| s.unique).into())
            .text(&entities.join("; "));
        if !hits.is_empty() {
            csv.num(hits.get(d).copied().unwrap_or(0).into());
        }
        csv.end();
    }
    csv.finish()
}

#[cfg(all(test, feature = "extract"))]
mod tests {
    use super::*;
    use crate::span::Span;

    fn corpus() -> Corpus {
        let docs = vec![
            Document::parse(
                "a.txt",
                "Zebra report\nDaily Post\n2024-05-02\n\nBy Ann Lee\n\nOne two three four five six seven eight nine ten eleven twelve.",
            ),
            Document::parse("b.txt", "apple notes\n\nShort text here, a short text."),
            Document::parse(
                "c.txt",
                "Émile review\nAcme Wire\n2023-01-09\n\nBy Bo Ek\n\nWords and words.",
            ),
        ];
        let mut corpus = Corpus::build(docs);
        let ent = |text: &str, kind, name: &str, word: &str| Entity {
            kind,
            canonical: name.into(),
            aliases: vec![],
            mentions: text
                .match_indices(word)
                .map(|(i, w)| Span::checked(text, i, i + w.len()).unwrap())
                .collect(),
        };
        let a = corpus.docs[0].text.clone();
        let c = corpus.docs[2].text.clone();
        corpus.set_entities(
            0,
            vec![
                ent(&a, EntityKind::Person, "Ann Lee", "Ann Lee"),
                ent(&a, EntityKind::Org, "Nine", "nine"),
                ent(&a, EntityKind::Gpe, "Two", "two"),
                ent(&a, EntityKind::Loc, "Ten", "ten"),
                ent(&a, EntityKind::Event, "Four", "four"),
            ],
        );
        corpus.set_entities(2, vec![ent(&c, EntityKind::Gpe, "Words", "ords")]);
        corpus
    }

    #[test]
    fn facts_rank_and_list_the_top_entities() {
        let corpus = corpus();
        let top: Vec<(EntityKind, &str, u32)> = corpus
            .doc_facts(0)
            .top_entities
            .iter()
            .map(|(k, n, c)| (*k, n.as_str(), *c))
            .collect();
        // One mention each: by kind (PER, ORG, GPE…), so Ten (LOC) and Four (EVENT) are left out.
        assert_eq!(
            top,
            [
                (EntityKind::Person, "Ann Lee", 1),
                (EntityKind::Org, "Nine", 1),
                (EntityKind::Gpe, "Two", 1)
            ]
        );
        assert_eq!(
            corpus.doc_facts(2).top_entities[0],
            (EntityKind::Gpe, "Words".into(), 2)
        );
        let ranks = |f: fn(&DocFacts) -> u32| -> Vec<u32> {
            (0..3).map(|d| f(corpus.doc_facts(d))).collect()
        };
        // Titles folded: "apple notes" < "emile review" < "zebra report".
        assert_eq!(ranks(|f| f.title_rank), [2, 0, 1]);
        // Dates: 2023-01-09 (c) < 2024-05-02 (a); b has none.
        assert_eq!(ranks(|f| f.date_rank), [1, 2, 0]);
        assert_eq!(ranks(|f| f.source_rank), [1, 2, 0]);
        // First entities: "ann lee" (a) < "words" (c); b has none.
        assert_eq!(ranks(|f| f.entity_rank), [0, 2, 1]);
        assert_eq!(corpus.doc_facts(9), &DocFacts::default());
    }

    #[test]
    fn tables_sort_by_each_column() {
        let corpus = corpus();
        let check = |column: Column, descending: bool, hits: &[u32], expected: [usize; 3]| {
            assert_eq!(
                table_order(&corpus, column, descending, hits),
                expected,
                "{column:?} descending {descending}"
            );
        };
        check(Column::Order, false, &[], [0, 1, 2]);
        check(Column::Order, true, &[], [2, 1, 0]);
        check(Column::Title, false, &[], [1, 2, 0]);
        check(Column::Title, true, &[], [0, 2, 1]);
        // Undated last either way.
        check(Column::Date, false, &[], [2, 0, 1]);
        check(Column::Date, true, &[], [0, 2, 1]);
        check(Column::Source, false, &[], [2, 0, 1]);
        check(Column::Entities, true, &[], [2, 0, 1]);
        // Words: a 2 + 12 = 14 (title and body), b 2 + 6 = 8, c 2 + 3 = 5.
        check(Column::Words, false, &[], [2, 1, 0]);
        check(Column::Words, true, &[], [0, 1, 2]);
        // Ties keep corpus order.
        check(Column::Hits, true, &[1, 3, 1], [1, 0, 2]);
        check(Column::Hits, false, &[], [0, 1, 2]);
    }

    #[test]
    fn the_table_as_csv() {
        let corpus = corpus();
        let csv = table_csv(&corpus, &[2, 0], &[]);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(
            lines[0],
            "id,title,date,source,words,distinct_words,top_entities"
        );
        assert_eq!(
            lines[1],
            "c,Émile review,2023-01-09,Acme Wire,5,4,\"Words (GPE, 2)\""
        );
        assert_eq!(lines[2], "a,Zebra report,2024-05-02,Daily Post,14,14,\"Ann Lee (PER, 1); Nine (ORG, 1); Two (GPE, 1)\"");
        let with_hits = table_csv(&corpus, &[1], &[0, 4, 0]);
        assert_eq!(with_hits.lines().nth(1), Some("b,apple notes,,,8,6,,4"));
    }

    #[test]
    fn segments_hold_equal_numbers_of_words() {
        // n = 14 words: parts of 1 or 2 words (⌊k·14/10⌋ = 0 1 2 4 5 7 8 9 11 12 | 14).
        let words: Vec<u32> = (0..SEGMENTS).map(|k| segment_words(14, k)).collect();
        assert_eq!(words, [1, 1, 2, 1, 2, 1, 1, 2, 1, 2]);
        assert_eq!(words.iter().sum::<u32>(), 14);
        assert_eq!(segment_words(3, 0), 0);
        assert_eq!((0..SEGMENTS).map(|k| segment_words(3, k)).sum::<u32>(), 3);
        let corpus = corpus();
        let doc = &corpus.docs[0];
        let starts = &corpus.doc_facts(0).segment_starts;
        let word_at = |k: usize| {
            let s = starts[k] as usize;
            doc.text[s..]
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap()
        };
        // Words: Zebra report One two three four five six seven eight nine ten eleven twelve.
        let firsts: Vec<&str> = (0..SEGMENTS).map(word_at).collect();
        assert_eq!(
            firsts,
            ["Zebra", "report", "One", "three", "four", "six", "seven", "eight", "ten", "eleven"]
        );
        assert_eq!(
            segment_of(starts, 0),
            0,
            "the header, before the first word"
        );
        assert_eq!(segment_of(starts, starts[3]), 3);
        assert_eq!(segment_of(starts, doc.text.len() as u32), 9);
        // Fewer words than parts: empty parts start where the next word does.
        let short = &corpus.doc_facts(2).segment_starts;
        assert_eq!(short.len(), SEGMENTS);
        assert!(short.windows(2).all(|w| w[0] <= w[1]));
    }
}
