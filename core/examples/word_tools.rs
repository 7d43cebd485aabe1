//! Benchmark of the word tools (collocates, phrases, keywords, the proximity search): what
//! their data costs the page in bytes, what the build spends on it, and how long each tool
//! takes to answer a new term.
//!
//! ```text
//! node bench/nlp-corpus.mjs                      # once: 100 documents of nlp-corpus in .bench/
//! cargo run --release -p explorer-core --example word_tools -- .bench/nlp-corpus
//! ```
//! Prints markdown tables for BENCHMARKS.md. The release profile is the page's (opt-level
//! "z", LTO), so the times approximate wasm's; the page's own figures come from
//! `bench/word-tools.mjs`.

use explorer_core::collocates::{collocates, CollocateConfig};
use explorer_core::keyness::{Against, KeywordConfig};
use explorer_core::phrases::{PhraseConfig, PhraseTable};
use explorer_core::query::parse;
use explorer_core::seeds::{documents_from_files, read_seed_folder};
use explorer_core::tokens::TokenStreams;
use explorer_core::Corpus;
use std::time::{Duration, Instant};

/// Terms of every frequency, from the most frequent word to rare ones, and a phrase and an
/// entity (the node of a collocates table can be any query).
const TERMS: [&str; 16] = [
    "the",
    "said",
    "new",
    "government",
    "film",
    "music",
    "election",
    "president",
    "war",
    "city",
    "threaten",
    "zeppelin",
    "\"united states\"",
    "secur*",
    "place:london",
    "person:john",
];

const RUNS: usize = 15;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| ".bench/nlp-corpus".to_string());
    let folder = read_seed_folder(std::path::Path::new(&dir)).unwrap_or_else(|e| panic!("{e}"));
    let docs = documents_from_files(&folder.files).unwrap_or_else(|e| panic!("{e}"));
    let t = Instant::now();
    let built = Corpus::build(docs);
    let build_time = t.elapsed();
    // What the page does: decode the corpus (the streams are not embedded).
    let bytes = postcard::to_allocvec(&built).expect("encodes");
    let corpus: Corpus = postcard::from_bytes(&bytes).expect("decodes");
    drop(built);

    let [sentences, phrase_table, reference] = corpus.word_data.encoded_lens();
    println!("| embedded for the word tools | bytes | share of the corpus |\n|---|---:|---:|");
    for (name, n) in [
        ("sentence starts (token indices)", sentences),
        ("phrase table (corpus, most frequent)", phrase_table),
        (
            "reference list (general English, this corpus's words)",
            reference,
        ),
    ] {
        println!(
            "| {name} | {n} | {:.2}% |",
            100.0 * n as f64 / bytes.len() as f64
        );
    }
    println!("| whole corpus | {} | |\n", bytes.len());

    // Build-time work of the word tools, redone here on its own.
    let docs = corpus.docs.clone();
    let rebuilt = explorer_core::index::Index::build(&docs);
    let t = Instant::now();
    let per_doc: Vec<Vec<u32>> = docs
        .iter()
        .zip(&rebuilt.tokens)
        .map(|(d, tokens)| explorer_core::tokens::sentence_starts(d, tokens))
        .collect();
    let sentence_time = t.elapsed();
    let streams = TokenStreams::from_tokens(&rebuilt.tokens, &per_doc, rebuilt.index.vocab.len());
    let t = Instant::now();
    let table = PhraseTable::build(&streams);
    let table_time = t.elapsed();
    drop(rebuilt);

    // Run time: the streams from the postings, once.
    let t = Instant::now();
    let streams = corpus.tokens();
    let streams_time = t.elapsed();
    println!(
        "Corpus: {dir}: {} documents, {} tokens; `Corpus::build` {:.0} ms in all, of which \
         sentence starts {:.0} ms and the phrase table {:.0} ms ({} phrases kept{}).\n",
        corpus.docs.len(),
        streams.n_tokens,
        ms(build_time),
        ms(sentence_time),
        ms(table_time),
        table.phrases.len(),
        if table.truncated {
            ", more left out"
        } else {
            ""
        }
    );
    println!("| once, on first use | time |\n|---|---:|");
    println!(
        "| token streams rebuilt from the postings | {:.1} ms |\n",
        ms(streams_time)
    );

    let vocab = &corpus.index.vocab;
    let mut rows: Vec<(String, Vec<Duration>)> = Vec::new();
    let mut time = |name: &str, f: &mut dyn FnMut() -> usize| {
        let mut times = Vec::with_capacity(RUNS);
        let mut n = 0;
        for _ in 0..RUNS {
            let t = Instant::now();
            n = f();
            times.push(t.elapsed());
        }
        rows.push((format!("{name} ({n})"), times));
    };
    for term in TERMS {
        let result = corpus.search(&parse(term));
        let nodes = &result.docs;
        time(&format!("collocates in the corpus, `{term}`"), &mut || {
            collocates(streams, nodes, None, CollocateConfig::default(), |t| {
                vocab.is_stop(t)
            })
            .rows
            .len()
        });
        let doc = result.docs.first().map_or(0, |d| d.doc);
        time(
            &format!("collocates in one document, `{term}`"),
            &mut || {
                collocates(streams, nodes, Some(doc), CollocateConfig::default(), |t| {
                    vocab.is_stop(t)
                })
                .rows
                .len()
            },
        );
        time(
            &format!("phrases with the term in the corpus, `{term}`"),
            &mut || {
                corpus
                    .phrases(None, Some(nodes), PhraseConfig::default())
                    .rows
                    .len()
            },
        );
        if let Some(first) = term
            .split(['"', ' '])
            .find(|w| !w.is_empty() && !w.contains(':'))
        {
            let near = format!("\"{} said\"~5", first.trim_end_matches('*'));
            time(&format!("proximity search, `{near}`"), &mut || {
                corpus.search(&parse(&near)).total_hits
            });
        }
    }
    for doc in [0, 37, 99] {
        time(&format!("phrases of one document, {doc}"), &mut || {
            corpus
                .phrases(Some(doc), None, PhraseConfig::default())
                .rows
                .len()
        });
        time(
            &format!("keywords against the rest, document {doc}"),
            &mut || {
                let k = corpus.keywords(doc, Against::RestOfCorpus, KeywordConfig::default());
                k.over.len() + k.under.len()
            },
        );
        time(
            &format!("keywords against English, document {doc}"),
            &mut || {
                let k = corpus.keywords(doc, Against::Reference, KeywordConfig::default());
                k.over.len() + k.under.len()
            },
        );
    }
    println!("| tool: input (rows or hits) | median | p95 |\n|---|---:|---:|");
    let mut by_tool: std::collections::BTreeMap<&str, Vec<Duration>> = Default::default();
    for (name, mut times) in rows {
        let tool = name.split(',').next().unwrap_or("").trim();
        let tool: &'static str = Box::leak(tool.to_string().into_boxed_str());
        by_tool.entry(tool).or_default().extend(&times);
        times.sort();
        println!(
            "| {name} | {:.2} ms | {:.2} ms |",
            ms(times[RUNS / 2]),
            ms(times[RUNS * 95 / 100])
        );
    }
    println!("\n| tool, all inputs | median | p95 | max |\n|---|---:|---:|---:|");
    for (tool, mut times) in by_tool {
        times.sort();
        let n = times.len();
        println!(
            "| {tool} | {:.2} ms | {:.2} ms | {:.2} ms |",
            ms(times[n / 2]),
            ms(times[n * 95 / 100]),
            ms(times[n - 1])
        );
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
