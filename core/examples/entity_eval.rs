//! Scores entity extraction on the open held-out sets: today's rules (the baseline) and the
//! trained tagger, in one run, per kind (strict span and kind; GPE counted as LOC; NORP and
//! EVENT not scored). Run by `bash scripts/bench.sh entities`, after `scripts/ner-data.sh`.
//!
//! ```text
//! cargo run --release -p explorer-core --features train --example entity_eval -- [--dev] [DATA_DIR]
//! ```
//! `--dev` scores the tuning sets instead of the held-out ones.

use explorer_core::entities::train::data::GoldKind;
use explorer_core::entities::train::score::{predicted_spans, Score};
use explorer_core::entities::train::{load_sets, Split};
use explorer_core::entities::Entity;
use explorer_core::entities::{extract, extract_rules};
use explorer_core::Document;
use std::path::PathBuf;

type Extractor = fn(&Document) -> Vec<Entity>;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dev = args.iter().any(|a| a == "--dev");
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map_or_else(|| PathBuf::from(".bench/ner-data"), PathBuf::from);
    let sets = load_sets(&dir).unwrap_or_else(|e| {
        eprintln!("error: {e}");
        std::process::exit(1);
    });
    let splits: &[Split] = if dev { &sets.dev } else { &sets.test };
    println!(
        "| set | documents | gold mentions | extractor | P | R | F1 | PER F1 | ORG F1 | LOC F1 |"
    );
    println!("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|");
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
            println!(
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
