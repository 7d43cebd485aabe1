//! Scores entity extraction on the open held-out sets: today's rules (the baseline) and the
//! trained tagger, in one run, per kind (strict span and kind; GPE counted as LOC; NORP and
//! EVENT not scored). Run by `bash scripts/bench.sh entities`, after `scripts/ner-data.sh`.
//!
//! ```text
//! cargo run --release -p explorer-core --features train --example entity_eval -- [--dev] [DATA_DIR]
//! cargo run --release -p explorer-core --features train --example entity_eval -- --speed NLP_CORPUS_DIR
//! ```
//! `--dev` scores the tuning sets instead of the held-out ones; `--errors NAME` prints the
//! tagger's false alarms and misses on the sets whose name begins with NAME instead. `--speed` times both
//! extractors over a folder of seed files (nlp-corpus as `bench/nlp-corpus.mjs` writes it),
//! in wall-clock time and in CPU time of this thread (which other work on the machine does
//! not inflate).

/// `println!` that ends quietly when the reader stops reading (`… | head`).
macro_rules! out {
    ($($arg:tt)*) => {
        explorer_core::output::line(&format!($($arg)*))
    };
}

use explorer_core::entities::train::data::{GoldKind, GoldSpan, LabelledDoc};
use explorer_core::entities::train::score::{predicted_spans, Score};
use explorer_core::entities::train::{load_sets, Split};
use explorer_core::entities::Entity;
use explorer_core::entities::{extract, extract_rules};
use explorer_core::Document;
use std::path::PathBuf;

type Extractor = fn(&Document) -> Vec<Entity>;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--speed") {
        return speed(&PathBuf::from(
            args.get(1).map_or(".bench/nlp-corpus", String::as_str),
        ));
    }
    let dev = args.iter().any(|a| a == "--dev");
    let dir = args
        .iter()
        .enumerate()
        .find(|&(i, a)| !a.starts_with("--") && (i == 0 || args[i - 1] != "--errors"))
        .map(|(_, a)| a)
        .map_or_else(|| PathBuf::from(".bench/ner-data"), PathBuf::from);
    let sets = load_sets(&dir).unwrap_or_else(|e| {
        eprintln!("error: {e}");
        std::process::exit(1);
    });
    let splits: &[Split] = if dev { &sets.dev } else { &sets.test };
    // `--errors NAME`: the tagger's false alarms (+) and misses (-) on the sets whose name
    // begins with NAME, one line each with the words around it, for error analysis.
    if let Some(name) = args
        .iter()
        .position(|a| a == "--errors")
        .and_then(|i| args.get(i + 1))
    {
        for split in splits.iter().filter(|s| s.name.starts_with(name.as_str())) {
            for d in &split.docs {
                print_errors(d, &predicted_spans(&extract(&d.doc)));
            }
        }
        return;
    }
    out!("| set | documents | gold mentions | extractor | P | R | F1 | PER F1 | ORG F1 | LOC F1 |");
    out!("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|");
    for split in splits {
        let n_gold: usize = split.docs.iter().map(|d| d.gold.len()).sum();
        let extractors: [(&str, Extractor); 2] =
            [("rules (baseline)", extract_rules), ("tagger", extract)];
        for (name, run) in extractors {
            let mut score = Score::default();
            for d in &split.docs {
                score.add_doc(d, &predicted_spans(&run(&d.doc)));
            }
            let all = score.all();
            let pct = |x: f64| format!("{:.1}", 100.0 * x);
            let f1 = |k| pct(score.kind(k).f1());
            out!(
                "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                split.name,
                split.docs.len(),
                n_gold,
                name,
                pct(all.precision()),
                pct(all.recall()),
                pct(all.f1()),
                f1(GoldKind::Per),
                f1(GoldKind::Org),
                f1(GoldKind::Loc),
            );
        }
    }
}

/// Prints one document's false alarms (+) and misses (-), each with its kind and context.
fn print_errors(d: &LabelledDoc, predicted: &[GoldSpan]) {
    let text = d.doc.text.as_str();
    let ignored = |p: &GoldSpan| d.ignore.iter().any(|&(s, e)| p.start < e && s < p.end);
    let around = |p: &GoldSpan| {
        let from = text[..p.start]
            .char_indices()
            .rev()
            .nth(40)
            .map_or(0, |(i, _)| i);
        let to = text[p.end..]
            .char_indices()
            .nth(40)
            .map_or(text.len(), |(i, _)| p.end + i);
        format!(
            "{}[{}]{}",
            &text[from..p.start],
            &text[p.start..p.end],
            &text[p.end..to]
        )
        .replace('\n', " ")
    };
    for p in predicted
        .iter()
        .filter(|p| !ignored(p) && !d.gold.contains(p))
    {
        out!("+ {:?}\t{}", p.kind, around(p));
    }
    for g in d.gold.iter().filter(|g| !predicted.contains(g)) {
        out!("- {:?}\t{}", g.kind, around(g));
    }
}

/// CPU time of this thread so far, where Linux tells it.
fn thread_cpu() -> Option<std::time::Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(std::time::Duration::from_nanos(ns))
}

fn speed(dir: &std::path::Path) {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| {
            eprintln!("error: {}: {e}", dir.display());
            std::process::exit(1);
        })
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let docs: Vec<Document> = paths
        .iter()
        .filter_map(|p| {
            Some(Document::parse(
                &p.file_name()?.to_string_lossy(),
                &std::fs::read_to_string(p).ok()?,
            ))
        })
        .collect();
    let mb = docs.iter().map(|d| d.text.len()).sum::<usize>() as f64 / 1e6;
    out!("{} documents, {mb:.2} MB", docs.len());
    out!("| extractor | entities | wall time | MB/s (wall) | CPU time | MB/s (CPU) |");
    out!("|---|---:|---:|---:|---:|---:|");
    let extractors: [(&str, Extractor); 2] =
        [("rules (baseline)", extract_rules), ("tagger", extract)];
    for (name, run) in extractors {
        // Once to load the gazetteers and weights, then timed.
        let _ = run(&docs[0]);
        let (wall, cpu) = (std::time::Instant::now(), thread_cpu());
        let n: usize = docs.iter().map(|d| run(d).len()).sum();
        let wall = wall.elapsed().as_secs_f64();
        let cpu = cpu.zip(thread_cpu()).map(|(a, b)| (b - a).as_secs_f64());
        out!(
            "| {name} | {n} | {wall:.2} s | {:.1} | {} | {} |",
            mb / wall,
            cpu.map_or("-".into(), |c| format!("{c:.2} s")),
            cpu.map_or("-".into(), |c| format!("{:.1}", mb / c)),
        );
    }
}
