//! Benchmark of the core: build-time analysis throughput and query latency.
//!
//! ```text
//! node bench/nlp-corpus.mjs                      # once: 100 documents of nlp-corpus in .bench/
//! cargo run --release -p explorer-core --example bench -- .bench/nlp-corpus
//! ```
//! Prints markdown tables for BENCHMARKS.md. Figures are wall-clock on this machine; the
//! release profile is the page's (opt-level "z", LTO), so query times approximate wasm's.

use explorer_core::documents::{table_order, Column, DocFacts};
use explorer_core::entities::extract;
use explorer_core::index::Index;
use explorer_core::network::{self, Network};
use explorer_core::query::parse;
use explorer_core::seeds::{documents_from_files, read_seed_folder};
use explorer_core::stats::Stats;
use explorer_core::trends::trends;
use std::time::{Duration, Instant};

/// Queries of every form, from very frequent words to misses.
const QUERIES: [&str; 16] = [
    "the",
    "government",
    "film",
    "zeppelin",
    "threaten",
    "\"united states\"",
    "\"of the\"",
    "secur*",
    "war OR peace",
    "music -rock",
    "film actor",
    "place:london",
    "person:john",
    "org:un",
    "goverment",
    "a*",
];

const RUNS: usize = 30;

/// New terms for the trends: single words, a phrase, a prefix, an entity, several series,
/// and none (the corpus's most frequent words).
const TREND_QUERIES: [&str; 8] = [
    "government",
    "the",
    "\"united states\"",
    "secur*",
    "place:london",
    "war peace music film",
    "zeppelin",
    "",
];

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| ".bench/nlp-corpus".to_string());
    let t = Instant::now();
    let folder = read_seed_folder(std::path::Path::new(&dir)).unwrap_or_else(|e| panic!("{e}"));
    let read = t.elapsed();
    let bytes: usize = folder.files.iter().map(|(_, b)| b.len()).sum();
    let t = Instant::now();
    let docs = documents_from_files(&folder.files).unwrap_or_else(|e| panic!("{e}"));
    let parse_time = t.elapsed();
    let t = Instant::now();
    let built = Index::build(&docs);
    let index_time = t.elapsed();
    let t = Instant::now();
    let entities: Vec<_> = docs.iter().map(extract).collect();
    let entity_time = t.elapsed();
    let t = Instant::now();
    let stats: Vec<Stats> = docs
        .iter()
        .zip(&built.tokens)
        .map(|(d, tokens)| Stats::of_document(d, tokens, &built.index.vocab))
        .collect();
    let corpus_stats = Stats::of_corpus(&stats, &built.index.vocab);
    let stats_time = t.elapsed();
    let t = Instant::now();
    let network = Network::build(&docs, &entities);
    let network_time = t.elapsed();
    let t = Instant::now();
    let facts = DocFacts::build(&docs, &entities, &built.tokens, &built.index.vocab);
    let facts_time = t.elapsed();
    drop(facts);
    let t = Instant::now();
    let corpus = explorer_core::Corpus::build(docs);
    let build_time = t.elapsed();
    let n_docs = corpus.docs.len();
    let size = |v: &dyn Fn() -> usize| v();
    let enc = |bytes: Result<Vec<u8>, postcard::Error>| bytes.map_or(0, |b| b.len());
    let parts = [
        (
            "documents (text, metadata, paragraphs)",
            size(&|| enc(postcard::to_allocvec(&corpus.docs))),
        ),
        (
            "vocabulary (forms, stems, flags)",
            size(&|| enc(postcard::to_allocvec(&corpus.index.vocab))),
        ),
        ("occurrences (the postings)", corpus.index.postings_bytes()),
        (
            "term statistics per document",
            size(&|| enc(postcard::to_allocvec(&corpus.doc_stats))),
        ),
        (
            "term statistics, corpus",
            size(&|| enc(postcard::to_allocvec(&corpus.stats))),
        ),
        (
            "entities",
            size(&|| {
                enc(postcard::to_allocvec(&corpus.doc_entities))
                    + enc(postcard::to_allocvec(&corpus.all_entity_keys))
            }),
        ),
        (
            "document facts (table and trends)",
            corpus.doc_facts.encoded_len(),
        ),
        (
            "network: nodes, edges, layouts",
            corpus.network.encoded_len() - network.sentences_encoded_len(),
        ),
        (
            "network: each edge's sentences",
            network.sentences_encoded_len(),
        ),
    ];
    let total = enc(postcard::to_allocvec(&corpus));
    println!("| part of the embedded corpus | bytes | per byte of text |\n|---|---:|---:|");
    for (name, n) in parts {
        println!("| {name} | {n} | {:.2} |", n as f64 / bytes as f64);
    }
    println!(
        "| **all** | {total} | {:.2} |\n",
        total as f64 / bytes as f64
    );
    let mb = bytes as f64 / 1e6;
    println!("Corpus: {dir}: {n_docs} documents, {mb:.2} MB, {} words, {} distinct terms, {} entities (read in {:.0} ms)\n",
        corpus_stats.words, corpus.index.vocab.len(), entities.iter().map(Vec::len).sum::<usize>(), ms(read));
    println!("| stage | time | MB/s | docs/s |\n|---|---:|---:|---:|");
    for (name, d) in [
        ("parse documents", parse_time),
        ("index", index_time),
        ("entities", entity_time),
        ("statistics", stats_time),
        ("network (sentences, pairs, layouts)", network_time),
        ("document facts", facts_time),
        ("all (`Corpus::build`)", build_time),
    ] {
        println!(
            "| {name} | {:.0} ms | {:.1} | {:.0} |",
            ms(d),
            mb / d.as_secs_f64(),
            n_docs as f64 / d.as_secs_f64()
        );
    }

    println!("\n| query | hits | docs | median | p95 |\n|---|---:|---:|---:|---:|");
    let mut all: Vec<Duration> = Vec::new();
    for q in QUERIES {
        let mut times = Vec::with_capacity(RUNS);
        let mut result = None;
        for _ in 0..RUNS {
            let t = Instant::now();
            let r = corpus.search(&parse(q));
            times.push(t.elapsed());
            result = Some(r);
        }
        let r = result.expect("ran");
        all.extend(&times);
        times.sort();
        println!(
            "| `{}` | {} | {} | {:.3} ms | {:.3} ms |",
            q.replace('|', "\\|"),
            r.total_hits,
            r.docs.len(),
            ms(times[RUNS / 2]),
            ms(times[RUNS * 95 / 100])
        );
    }
    all.sort();
    println!(
        "| **all queries** | | | {:.3} ms | {:.3} ms |",
        ms(all[all.len() / 2]),
        ms(all[all.len() * 95 / 100])
    );
    corpus_views(&corpus);
}

/// The corpus views: trends for a new term, the Documents table's sort, the network's
/// figures (it is computed at build time; the page only draws it).
fn corpus_views(corpus: &explorer_core::Corpus) {
    let net = corpus.network();
    println!(
        "\nNetwork: {} nodes, {} edges among them, sizes {:?}; edges among the top 25: {}, top 100: {}.",
        net.nodes.len(),
        net.edges.len(),
        net.sizes(),
        net.edges_within(25).count(),
        net.edges_within(100).count(),
    );
    let overlapping = overlaps(net);
    println!("Layouts with overlapping nodes or labels: {overlapping:?} (none expected).");

    println!("\n| trends for | series | median | p95 |\n|---|---:|---:|---:|");
    let mut all: Vec<Duration> = Vec::new();
    for q in TREND_QUERIES {
        let mut times = Vec::with_capacity(RUNS);
        let mut series = 0;
        for _ in 0..RUNS {
            let t = Instant::now();
            let trends = trends(corpus, q, true);
            times.push(t.elapsed());
            series = trends.series.len();
        }
        all.extend(&times);
        times.sort();
        println!(
            "| `{}` | {series} | {:.3} ms | {:.3} ms |",
            if q.is_empty() {
                "(no query: top words)"
            } else {
                q
            },
            ms(times[RUNS / 2]),
            ms(times[RUNS * 95 / 100])
        );
    }
    all.sort();
    println!(
        "| **all** | | {:.3} ms | {:.3} ms |",
        ms(all[all.len() / 2]),
        ms(all[all.len() * 95 / 100])
    );
    let mut times: Vec<Duration> = Column::ALL
        .iter()
        .flat_map(|&c| [(c, false), (c, true)])
        .map(|(column, descending)| {
            let t = Instant::now();
            let order = table_order(corpus, column, descending, &[]);
            let took = t.elapsed();
            assert_eq!(order.len(), corpus.docs.len());
            took
        })
        .collect();
    times.sort();
    println!(
        "\nDocuments table, sorted by each column both ways: median {:.3} ms, slowest {:.3} ms.",
        ms(times[times.len() / 2]),
        ms(times[times.len() - 1])
    );
}

/// The sizes whose layout has two nodes' boxes (circle and label) overlapping.
fn overlaps(net: &Network) -> Vec<usize> {
    net.sizes()
        .into_iter()
        .filter(|&n| {
            let points = &net.layout(n).expect("a layout per size").points;
            let bounds: Vec<(f64, f64, f64, f64)> = (0..n)
                .map(|i| {
                    let b = net.node_box(i);
                    let (x, y) = (f64::from(points[i].0), f64::from(points[i].1));
                    let half = b.radius.max(network::LABEL_FONT * 0.6);
                    let right = x
                        + b.radius
                        + if b.label_width > 0.0 {
                            network::LABEL_GAP + b.label_width
                        } else {
                            0.0
                        };
                    (x - b.radius, y - half, right, y + half)
                })
                .collect();
            (0..n).any(|i| {
                (i + 1..n).any(|j| {
                    let (a, b) = (bounds[i], bounds[j]);
                    // Coordinates are rounded to whole units: allow a unit.
                    !(a.2 <= b.0 + 1.0 || b.2 <= a.0 + 1.0 || a.3 <= b.1 + 1.0 || b.3 <= a.1 + 1.0)
                })
            })
        })
        .collect()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
