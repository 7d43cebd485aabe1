//! Trains the entity tagger and writes its weights (`core/data/tagger.bin`).
//!
//! ```text
//! bash scripts/ner-data.sh        # the data, pinned by commit and SHA-256, into .bench/
//! cargo run --release -p explorer-core --features train --bin train -- [OPTIONS]
//! ```
//! Options: `--data DIR` (default `.bench/ner-data`), `--nlp DIR` (default
//! `.bench/nlp-corpus`), `--out FILE` (default `core/data/tagger.bin`), `--dev` (score the
//! tuning sets after every epoch), `--epochs N`, `--silver N` (nlp-corpus documents 0..N give
//! the silver data; 80 by default, 80..99 are never used), `--gum-repeat N` (how many times
//! GUM's train split counts, 3 by default), `--gum-own-domain` (give GUM a domain copy like
//! the other sets), `--cv K` (instead of writing weights, score each of K folds of GUM's train
//! split with a model trained without it: the tuning signal for news-like text), `--seed N`
//! (another order of the examples: how far a figure moves by chance alone), `--ensemble K`
//! (average K perceptrons of seeds N..N+K). The same data and settings give the same file,
//! bit for bit.

use explorer_core::entities::train::data::GoldKind;
use explorer_core::entities::train::score::Score;
use explorer_core::entities::train::{
    differences, evaluate, load_sets, silver_documents, train_ensemble, weights_file,
    with_capitals_copies, Example, TrainConfig,
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
    let mut cv: Option<usize> = None;
    // GUM (news, interviews, academic prose) is the data nearest to the texts the explorer
    // reads: it counts three times, and its features go only to the shared weights (no
    // domain copy), so everything learnt from it is kept. Chosen by `--cv 2`.
    let mut gum_repeat = 3;
    let mut gum_shared = true;
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
            "--cv" => cv = Some(number(value()?)?.max(2) as usize),
            "--gum-repeat" => gum_repeat = number(value()?)?.max(1) as usize,
            "--gum-own-domain" => gum_shared = false,
            "--seed" => config.seed = number(value()?)?,
            "--ensemble" => config.ensemble = number(value()?)?.max(1) as usize,
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
    // Every training example, with the GUM document it comes from (for `--cv`).
    let mut examples: Vec<(Example, Option<usize>)> = Vec::new();
    let mut misaligned = 0;
    let mut n_gold = 0;
    for (domain, split) in sets.train.iter().enumerate() {
        let is_gum = split.name.starts_with("GUM");
        for (i, d) in split.docs.iter().enumerate() {
            let copies = if is_gum { gum_repeat } else { 1 };
            for d in with_capitals_copies(std::slice::from_ref(d), if i % 8 == 0 { 1 } else { 0 }) {
                for _ in 0..copies {
                    n_gold += d.gold.len();
                    let mut example = Example::from_labelled(&d, &mut misaligned);
                    example.domain = if is_gum && gum_shared {
                        0
                    } else {
                        domain as u64 + 1
                    };
                    examples.push((example, is_gum.then_some(i)));
                }
            }
        }
    }
    let n_gold_examples = examples.len();
    for doc in silver_documents(&nlp, 0..n_silver)? {
        examples.extend(Example::silver(&doc).map(|mut e| {
            e.domain = 100;
            (e, None)
        }));
    }
    let tokens: usize = examples.iter().map(|(e, _)| e.n_tokens()).sum();
    eprintln!(
        "training on {n_gold_examples} gold documents ({n_gold} mentions, {misaligned} off token boundaries) and {} silver, {tokens} tokens; {config:?}",
        examples.len() - n_gold_examples
    );
    if let Some(folds) = cv {
        // Cross-validation over GUM's train split: each fold of its documents is scored by a
        // model trained without it (the settings' tuning signal for news-like text).
        let gum = sets
            .train
            .iter()
            .find(|s| s.name.starts_with("GUM"))
            .ok_or("no GUM split")?;
        let mut total = Score::default();
        for fold in 0..folds {
            let kept: Vec<&Example> = examples
                .iter()
                .filter(|(_, g)| g.is_none_or(|i| i % folds != fold))
                .map(|(e, _)| e)
                .collect();
            let trainers = train_ensemble(&kept, &config, |_, _| Ok(()))?;
            let weights = weights_file(&trainers, &config);
            let held: Vec<_> = gum
                .docs
                .iter()
                .enumerate()
                .filter(|(i, _)| i % folds == fold)
                .map(|(_, d)| d.clone())
                .collect();
            let s = evaluate(&held, Some(&weights))?;
            total.add(&s);
            let mut line = format!("fold {fold}: GUM {:.1}", 100.0 * s.all().f1());
            for split in &sets.dev {
                let s: Score = evaluate(&split.docs, Some(&weights))?;
                line.push_str(&format!(" | {} {:.1}", split.name, 100.0 * s.all().f1()));
            }
            eprintln!("{line}");
        }
        eprintln!(
            "GUM cross-validated: F1 {:.1} (P {:.1} R {:.1}) PER {:.1} ORG {:.1} LOC {:.1}",
            100.0 * total.all().f1(),
            100.0 * total.all().precision(),
            100.0 * total.all().recall(),
            100.0 * total.kind(GoldKind::Per).f1(),
            100.0 * total.kind(GoldKind::Org).f1(),
            100.0 * total.kind(GoldKind::Loc).f1(),
        );
        return Ok(());
    }
    let all: Vec<&Example> = examples.iter().map(|(e, _)| e).collect();
    let trainers = train_ensemble(&all, &config, |epoch, trainers| {
        if dev {
            let weights = weights_file(trainers, &config);
            let mut line = format!("epoch {}:", epoch + 1);
            for split in &sets.dev {
                let s: Score = evaluate(&split.docs, Some(&weights))?;
                line.push_str(&format!(" {} {:.1}", split.name, 100.0 * s.all().f1()));
            }
            eprintln!("{line}");
        }
        Ok(())
    })?;
    let weights = weights_file(&trainers, &config);
    std::fs::write(&out, &weights).map_err(|e| format!("{}: {e}", out.display()))?;
    eprintln!("wrote {} ({} bytes)", out.display(), weights.len());
    Ok(())
}
