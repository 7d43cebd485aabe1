//! Trains the entity tagger and writes its weights (`core/data/tagger.bin`).
//!
//! ```text
//! bash scripts/ner-data.sh        # the data, pinned by commit and SHA-256, into .bench/
//! cargo run --release -p explorer-core --features train --bin train -- [OPTIONS]
//! ```
//! Options: `--data DIR` (default `.bench/ner-data`), `--nlp DIR` (default
//! `.bench/nlp-corpus`), `--out FILE` (default `core/data/tagger.bin`), `--dev` (score the
//! tuning sets after every epoch), `--epochs N`, `--silver N` (nlp-corpus documents 0..N give
//! the silver data; 80 by default, 80..99 are never used). The same data and settings give
//! the same file, bit for bit.

use explorer_core::entities::train::score::Score;
use explorer_core::entities::train::{
    differences, evaluate, load_sets, silver_documents, with_capitals_copies, Example, TrainConfig,
    Trainer,
};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut data = PathBuf::from(".bench/ner-data");
    let mut nlp = PathBuf::from(".bench/nlp-corpus");
    let mut out = PathBuf::from("core/data/tagger.bin");
    let mut dev = false;
    let mut config = TrainConfig::default();
    let mut n_silver = 80;
    let mut errors_of: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        let number = |v: String| v.parse::<u64>().map_err(|e| format!("{v}: {e}"));
        match arg.as_str() {
            "--data" => data = PathBuf::from(value()?),
            "--nlp" => nlp = PathBuf::from(value()?),
            "--out" => out = PathBuf::from(value()?),
            "--dev" => dev = true,
            "--errors" => errors_of = Some(value()?),
            "--epochs" => config.epochs = number(value()?)? as usize,
            "--silver" => n_silver = number(value()?)?.min(80) as usize,
            "--drop-rules-gold" => config.drop_rules_gold = number(value()?)?,
            "--drop-rules-silver" => config.drop_rules_silver = number(value()?)?,
            "--drop-lexicon" => config.drop_lexicon = number(value()?)?,
            "--prune" => config.prune_per_million = number(value()?)?,
            "--no-domains" => config.domain_copies = false,
            _ => return Err(format!("unknown argument {arg}")),
        }
    }
    let sets = load_sets(&data)?;
    if let Some(weights) = errors_of {
        // Error analysis on the tuning sets only.
        let weights = std::fs::read(&weights).map_err(|e| format!("{weights}: {e}"))?;
        for split in &sets.dev {
            for line in differences(&split.docs, &weights)? {
                println!("{}: {line}", split.name);
            }
        }
        return Ok(());
    }
    let mut examples = Vec::new();
    let mut misaligned = 0;
    let mut n_gold = 0;
    for (domain, split) in sets.train.iter().enumerate() {
        for d in with_capitals_copies(&split.docs, 8) {
            n_gold += d.gold.len();
            let mut example = Example::from_labelled(&d, &mut misaligned);
            example.domain = domain as u64 + 1;
            examples.push(example);
        }
    }
    let n_gold_examples = examples.len();
    for doc in silver_documents(&nlp, 0..n_silver)? {
        examples.extend(Example::silver(&doc).map(|mut e| {
            e.domain = 100;
            e
        }));
    }
    let tokens: usize = examples.iter().map(Example::n_tokens).sum();
    eprintln!(
        "training on {n_gold_examples} gold documents ({n_gold} mentions, {misaligned} off token boundaries) and {} silver, {tokens} tokens; {config:?}",
        examples.len() - n_gold_examples
    );
    let mut trainer = Trainer::default();
    for epoch in 0..config.epochs {
        trainer.epoch(&examples, &config, epoch);
        if dev {
            let weights = trainer.weights_file(&config);
            let mut line = format!("epoch {}:", epoch + 1);
            for split in &sets.dev {
                let s: Score = evaluate(&split.docs, Some(&weights))?;
                line.push_str(&format!(" {} {:.1}", split.name, 100.0 * s.all().f1()));
            }
            eprintln!("{line}");
        }
    }
    let weights = trainer.weights_file(&config);
    std::fs::write(&out, &weights).map_err(|e| format!("{}: {e}", out.display()))?;
    eprintln!("wrote {} ({} bytes)", out.display(), weights.len());
    Ok(())
}
