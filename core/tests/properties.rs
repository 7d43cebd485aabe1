//! Property tests: random documents, queries and URL hashes never panic and keep the core's
//! invariants (spans on char boundaries inside their text, sorted, never overlapping; hits
//! match the query's normal form; hashes round-trip).
//!
//! CI runs a few hundred cases per property. For a long run:
//! `PROPTEST_CASES=100000 cargo test --release -p explorer-core --test properties`

#![cfg(feature = "extract")]

use explorer_core::documents::Column;
use explorer_core::entities::EntityKind;
use explorer_core::layout::{blocks, segments, Piece, Segment};
use explorer_core::query::{parse, Atom};
use explorer_core::state::{self, Tool, View, ViewSettings};
use explorer_core::text::{fold, stem, term_form, words};
use explorer_core::{Corpus, Document, Span};
use proptest::prelude::*;

/// Pieces of text that exercise the tokeniser, the header parser and the extractor.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-z]{1,9}",
        3 => "[A-Z][a-z]{1,9}",
        1 => "[A-Z]{2,5}",
        2 => prop::sample::select(vec![
            " ", " ", " ", "\n", "\n\n", "\r\n", "\t", ".", ",", "-", "–", "—", "'", "’", "\"", "“", "”", "(", ")",
            "'s", "’s", "*", ":", ";", "?", "!", "&", "/", "…", "By ", "Mr. ", "President ", "Related News",
            "2023-03-03 00:50:38", "March 3, 2023", "Zürich", "São Paulo", "e\u{301}", "🎉", "👩‍👩‍👧",
            "שלום", "مرحبا", "\u{202E}", "\u{200B}", "\u{FEFF}", "\u{0}", "ＮＡＴＯ", "İ", "ß", "ﬁ",
            "Republic of Korea (ROK)", "United States", "US", "NATO", "the", "of", "and", "OR", "-x", "x*",
        ]).prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
    ]
}

fn texty(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..max).prop_map(|v| v.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![3 => texty(120), 1 => any::<String>()]
}

fn query_text() -> impl Strategy<Value = String> {
    prop_oneof![3 => texty(8), 1 => any::<String>(), 1 => "[a-z]{1,6}\\*?"]
}

fn check_span(text: &str, span: Span) {
    assert!(
        Span::checked(text, span.start as usize, span.end as usize).is_some(),
        "span {span:?} in {} bytes",
        text.len()
    );
}

fn check_sorted_disjoint(spans: &[Span]) {
    for w in spans.windows(2) {
        assert!(
            w[0].end <= w[1].start,
            "overlap or disorder: {:?} {:?}",
            w[0],
            w[1]
        );
    }
}

fn corpus_of(texts: &[String]) -> Corpus {
    let docs = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Document::parse(&format!("d{i}.txt"), t))
        .collect();
    Corpus::build(docs)
}

proptest! {
    #[test]
    fn documents_parse_into_valid_spans(text in any_text()) {
        let doc = Document::parse("x.txt", &text);
        for p in &doc.paragraphs {
            check_span(&doc.text, *p);
            let s = p.of(&doc.text);
            prop_assert!(!s.is_empty() && s.trim() == s);
        }
        check_sorted_disjoint(&doc.paragraphs);
        let m = &doc.meta;
        for f in [&m.source, &m.editor, &m.byline].into_iter().flatten().chain(&m.authors) {
            check_span(&doc.text, f.span);
            prop_assert_eq!(f.span.of(&doc.text), f.value.as_str());
        }
        if let Some(t) = m.title_span {
            prop_assert_eq!(t.of(&doc.text), m.title.as_str());
            prop_assert!(doc.paragraphs.iter().all(|p| p.start >= t.end));
        }
    }

    #[test]
    fn words_lie_in_their_region_in_order(text in any_text()) {
        let region = Span::checked(&text, 0, text.len()).unwrap();
        let found: Vec<Span> = words(&text, region).map(|w| w.span).collect();
        for &w in &found {
            check_span(&text, w);
            prop_assert!(!w.is_empty());
            let _ = stem(&term_form(w.of(&text)));
        }
        check_sorted_disjoint(&found);
        let _ = fold(&text);
    }

    #[test]
    fn search_hits_are_valid_and_match_the_query(texts in prop::collection::vec(any_text(), 1..4), q in query_text()) {
        let corpus = corpus_of(&texts);
        let query = parse(&q);
        let result = corpus.search(&query);
        let mut total = 0;
        for d in &result.docs {
            let text = &corpus.docs[d.doc].text;
            let spans: Vec<Span> = d.hits.iter().map(|h| h.span).collect();
            spans.iter().for_each(|&s| check_span(text, s));
            check_sorted_disjoint(&spans);
            for h in &d.hits {
                let line = corpus.kwic(d.doc, h, 5);
                prop_assert_eq!((line.left.end, line.right.start), (h.span.start, h.span.end));
            }
            total += d.hits.len();
        }
        prop_assert_eq!(total, result.total_hits);
        prop_assert_eq!(result.docs.is_empty(), result.no_hits.is_some());
        // A single plain word: every hit is that word, by stem (or its exact form).
        if let [group] = query.groups.as_slice() {
            if let [Atom::Word { term, prefix: false, .. }] = group.as_slice() {
                for d in &result.docs {
                    for h in &d.hits {
                        let form = term_form(h.span.of(&corpus.docs[d.doc].text));
                        prop_assert!(stem(&form) == stem(term) || &form == term, "{form:?} for {term:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn entity_mentions_are_valid_and_disjoint(text in any_text()) {
        let corpus = corpus_of(std::slice::from_ref(&text));
        let doc = &corpus.docs[0];
        let mut all: Vec<Span> = Vec::new();
        for e in corpus.entities(0) {
            prop_assert!(!e.canonical.is_empty());
            prop_assert_eq!(e.count(), e.mentions.len());
            for &m in &e.mentions {
                check_span(&doc.text, m);
                prop_assert!(!m.is_empty());
                let inside = doc.regions().any(|r| r.contains(m))
                    || [&doc.meta.source, &doc.meta.editor].into_iter().flatten().any(|f| f.span.contains(m))
                    || doc.meta.authors.iter().any(|f| f.span.contains(m));
                prop_assert!(inside, "mention {:?} outside regions", m.of(&doc.text));
            }
            all.extend(&e.mentions);
        }
        all.sort();
        check_sorted_disjoint(&all);
    }

    #[test]
    fn layout_rebuilds_the_text(text in texty(60), cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..12)) {
        let region = Span::checked(&text, 0, text.len()).unwrap();
        let bounds: Vec<usize> = {
            let mut b: Vec<usize> = cuts.iter().map(|i| {
                let mut at = i.index(text.len() + 1);
                while !text.is_char_boundary(at) { at -= 1; }
                at
            }).collect();
            b.sort();
            b.dedup();
            b
        };
        // Alternate boundaries make hits; the other pairs make mentions.
        let pairs: Vec<Span> = bounds.chunks(2).filter(|c| c.len() == 2 && c[0] < c[1]).map(|c| Span::checked(&text, c[0], c[1]).unwrap()).collect();
        let hits: Vec<(Span, u32)> = pairs.iter().step_by(2).enumerate().map(|(i, s)| (*s, i as u32)).collect();
        let mentions: Vec<(Span, u32)> = pairs.iter().skip(1).step_by(2).enumerate().map(|(i, s)| (*s, i as u32)).collect();
        let mut rebuilt = String::new();
        let mut add = |p: &Piece| match p { Piece::Text(s) | Piece::Hit { span: s, .. } => rebuilt.push_str(s.of(&text)) };
        for seg in segments(region, &hits, &mentions) {
            match seg {
                Segment::Piece(p) => add(&p),
                Segment::Entity { pieces, .. } => pieces.iter().for_each(&mut add),
            }
        }
        prop_assert_eq!(rebuilt, text);
    }

    #[test]
    fn blocks_rebuild_every_paragraph(text in any_text(), max in 64usize..400) {
        let doc = Document::parse("x.txt", &text);
        let parts = blocks(&doc, max);
        for (i, p) in doc.paragraphs.iter().enumerate() {
            let joined: String = parts.iter().filter(|b| b.para as usize == i).map(|b| {
                check_span(&doc.text, b.span);
                b.span.of(&doc.text)
            }).collect();
            prop_assert_eq!(joined.as_str(), p.of(&doc.text));
        }
    }

    #[test]
    fn word_tools_hold_their_invariants(texts in prop::collection::vec(any_text(), 1..4), q in query_text()) {
        use explorer_core::collocates::{collocates, CollocateConfig};
        use explorer_core::index::Index;
        use explorer_core::keyness::{Against, KeywordConfig};
        use explorer_core::phrases::PhraseConfig;
        use explorer_core::tokens::{sentence_starts, TokenStreams};
        let corpus = corpus_of(&texts);
        // The page's token streams (from the postings) are the build's tokens.
        let built = Index::build(&corpus.docs);
        let sentences: Vec<Vec<u32>> = corpus.docs.iter().zip(&built.tokens).map(|(d, t)| sentence_starts(d, t)).collect();
        let from_tokens = TokenStreams::from_tokens(&built.tokens, &sentences, built.index.vocab.len());
        let from_index = TokenStreams::from_index(&corpus.index, &corpus.docs, &corpus.word_data.sentences);
        prop_assert_eq!(&from_index, &from_tokens);
        // Every token in a window is one collocate occurrence.
        let result = corpus.search(&parse(&q));
        let every = CollocateConfig { window: 3, min_freq: 1, stopwords: true };
        let c = collocates(&from_index, &result.docs, None, every, |_| false);
        prop_assert_eq!(c.rows.iter().map(|r| u64::from(r.observed)).sum::<u64>(), c.window_tokens);
        prop_assert!(c.rows.iter().all(|r| r.observed <= r.frequency));
        // G² is signed: below zero exactly when a collocate is seen less than expected.
        prop_assert!(c.rows.iter().all(|r| (r.log_likelihood < 0.0) <= (f64::from(r.observed) < r.expected)));
        // Phrases repeat, stay in the corpus's documents, and those with the query contain it.
        let all = corpus.phrases(None, None, PhraseConfig::default());
        for p in &all.rows {
            prop_assert!(p.freq >= 2 && (1..=corpus.docs.len() as u32).contains(&p.range));
            prop_assert!((2..=6).contains(&p.terms.len()));
        }
        let _ = corpus.phrases(Some(0), Some(&result.docs), PhraseConfig::default());
        // Keywords: over- and under-use on their own sides, p-values in 0..=1.
        for against in [Against::RestOfCorpus, Against::Reference] {
            let k = corpus.keywords(0, against, KeywordConfig { min_freq: 1, max_p: 1.0, stopwords: true });
            prop_assert!(k.over.iter().all(|r| r.log_ratio >= 0.0 && (0.0..=1.0).contains(&r.p)));
            prop_assert!(k.under.iter().all(|r| r.log_ratio <= 0.0 && (0.0..=1.0).contains(&r.p)));
        }
    }

    #[test]
    fn hashes_round_trip(query in any::<String>(), doc in proptest::option::of("[a-z0-9_.-]{1,12}"), ent in proptest::option::of((0usize..6, "\\PC{1,20}")), term in proptest::option::of("\\PC{1,12}"), inline in any::<bool>(), tool in 0usize..4, window in 1u32..=20, flags in any::<[bool; 4]>(), corpus_view in (proptest::option::of(0usize..3), proptest::option::of(1u32..10_000), proptest::option::of(((0usize..6, "\\PC{1,20}"), (0usize..6, "\\PC{1,20}"))), (any::<bool>(), any::<bool>()), proptest::option::of((0usize..8, any::<bool>())))) {
        use explorer_core::tools_view::{Tool as WordTool, ToolsView};
        let mut tools = ToolsView { tool: WordTool::ALL.get(tool).copied(), doc_scope: flags[0], ..ToolsView::default() };
        tools.collocates.window = window;
        tools.collocates.stopwords = flags[1];
        tools.phrases_with_query = flags[2];
        tools.under_use = flags[3];
        let named = |(k, n): (usize, String)| (!n.trim().is_empty()).then(|| (EntityKind::ALL[k], n));
        let (corpus_tool, top, edge, trends, sort) = corpus_view;
        let view = View {
            query: query.chars().take(explorer_core::query::MAX_QUERY_CHARS).collect(),
            doc,
            entity: ent.and_then(named),
            term: term.filter(|t| !t.trim().is_empty()),
            inline_entities: inline,
            tool: corpus_tool.map(|t| Tool::ALL[t]),
            views: ViewSettings {
                network_size: top,
                edge: edge.and_then(|(a, b)| Some([named(a)?, named(b)?])),
                trends_by_date: trends.0,
                trends_bars: trends.1,
                doc_sort: sort.map(|(c, d)| (Column::ALL[c], d)),
            },
            tools,
        };
        prop_assert_eq!(state::parse(&state::to_hash(&view)), view);
    }

    #[test]
    fn any_hash_parses(hash in any::<String>()) {
        let view = state::parse(&hash);
        // Whatever it was, the view it gives writes a hash that reads back the same.
        prop_assert_eq!(state::parse(&state::to_hash(&view)), view);
    }
}
