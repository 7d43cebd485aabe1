//! The tagger's model: a linear scorer over sparse features for seven tags (outside, and the
//! beginning or inside of a PER, ORG or LOC name) and tag-to-tag transition weights; `decode`
//! finds the best tag sequence under them.
//!
//! The weights are trained offline (`cargo run --release -p explorer-core --features train
//! --bin train`, see `train/`) and embedded from `core/data/tagger.bin`: per feature key, seven
//! 16-bit weights; an empty file means no model, and extraction then uses the rules alone.
//! File layout (little-endian): the magic `EXPLTAG1`, the number of features `n` (u32), the
//! 8 × 7 transitions (i16, row 0 for the start of a region), `n` sorted feature keys (u32),
//! then `n` rows of 7 weights (i16).

use super::features::KEY_MASK;
#[cfg(feature = "train")]
use super::EntityKind;
use std::sync::OnceLock;

/// Outside, then B and I of PER, ORG, LOC.
pub(crate) const TAGS: usize = 7;
const MAGIC: &[u8; 8] = b"EXPLTAG1";

/// The tag for a kind, beginning or inside (`None` for kinds the tagger does not learn).
#[cfg(feature = "train")]
pub(crate) fn kind_tag(kind: EntityKind, begin: bool) -> Option<usize> {
    let base = match kind {
        EntityKind::Person => 1,
        EntityKind::Org => 3,
        EntityKind::Loc | EntityKind::Gpe => 5,
        EntityKind::Event | EntityKind::Norp => return None,
    };
    Some(if begin { base } else { base + 1 })
}

/// The key a feature is stored under.
pub(crate) fn feature_key(feature: u64) -> u32 {
    let f = feature & KEY_MASK;
    (f as u32) ^ ((f >> 32) as u32)
}

/// One slot of the weight table: a feature key (0 for an empty slot) and its weights, side
/// by side so that a look-up touches one cache line.
#[derive(Clone, Copy, Default)]
struct Slot {
    key: u32,
    weights: [i16; TAGS],
}

pub(crate) struct Model {
    /// Open addressing with linear probing, a power of two long and at most two-thirds full.
    slots: Vec<Slot>,
    shift: u32,
    /// `transitions[prev + 1][next]`, with row 0 for the start of a region.
    transitions: [[i16; TAGS]; TAGS + 1],
}

/// Keys as stored: 0 marks an empty slot, so a feature whose key is 0 is stored as 1.
fn stored_key(key: u32) -> u32 {
    key.max(1)
}

impl Model {
    /// Parses a weights file.
    pub(crate) fn from_bytes(bytes: &[u8]) -> Result<Model, String> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(8)? != MAGIC {
            return Err("not a tagger weights file".into());
        }
        let n = r.u32()? as usize;
        let mut transitions = [[0i16; TAGS]; TAGS + 1];
        for row in transitions.iter_mut() {
            for w in row.iter_mut() {
                *w = r.i16()?;
            }
        }
        let mut keys = Vec::with_capacity(n);
        for _ in 0..n {
            keys.push(r.u32()?);
        }
        let mut weights = Vec::with_capacity(n);
        for _ in 0..n {
            let mut row = [0i16; TAGS];
            for w in row.iter_mut() {
                *w = r.i16()?;
            }
            weights.push(row);
        }
        if r.at != bytes.len() {
            return Err("trailing bytes in the weights file".into());
        }
        let capacity = (n * 3 / 2 + 1).next_power_of_two().max(2);
        let mut model = Model {
            slots: vec![Slot::default(); capacity],
            shift: 64 - capacity.trailing_zeros(),
            transitions,
        };
        for (key, weights) in keys.into_iter().zip(weights) {
            let key = stored_key(key);
            let mut i = model.home(key);
            while model.slots[i].key != 0 && model.slots[i].key != key {
                i = (i + 1) & (capacity - 1);
            }
            model.slots[i] = Slot { key, weights };
        }
        Ok(model)
    }

    /// Writes a weights file: `rows` sorted by key.
    #[cfg(feature = "train")]
    pub(crate) fn write(
        rows: &[(u32, [i16; TAGS])],
        transitions: &[[i16; TAGS]; TAGS + 1],
    ) -> Vec<u8> {
        let mut out = Vec::with_capacity(16 + rows.len() * (4 + 2 * TAGS));
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        for w in transitions.iter().flatten() {
            out.extend_from_slice(&w.to_le_bytes());
        }
        for (k, _) in rows {
            out.extend_from_slice(&k.to_le_bytes());
        }
        for (_, row) in rows {
            for w in row {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        out
    }

    /// The model embedded in the build, if the weights file holds one.
    pub(crate) fn embedded() -> Option<&'static Model> {
        static MODEL: OnceLock<Option<Model>> = OnceLock::new();
        MODEL
            .get_or_init(|| {
                const BYTES: &[u8] = include_bytes!("../../data/tagger.bin");
                (!BYTES.is_empty()).then(|| {
                    Model::from_bytes(BYTES).unwrap_or_else(|e| panic!("core/data/tagger.bin: {e}"))
                })
            })
            .as_ref()
    }

    fn home(&self, key: u32) -> usize {
        (u64::from(key).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize
    }

    fn weights(&self, key: u32) -> Option<&[i16; TAGS]> {
        let key = stored_key(key);
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        loop {
            let slot = &self.slots[i];
            if slot.key == key {
                return Some(&slot.weights);
            }
            if slot.key == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// The score of each tag for a token with these features.
    pub(crate) fn emissions(&self, features: &[u64]) -> [i64; TAGS] {
        let mut scores = [0i32; TAGS];
        for &f in features {
            if let Some(weights) = self.weights(feature_key(f)) {
                for (s, &w) in scores.iter_mut().zip(weights) {
                    *s += i32::from(w);
                }
            }
        }
        scores.map(i64::from)
    }

    pub(crate) fn transitions(&self) -> [[i64; TAGS]; TAGS + 1] {
        self.transitions.map(|row| row.map(i64::from))
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], String> {
        let slice = self
            .bytes
            .get(self.at..self.at + n)
            .ok_or("the weights file is cut short")?;
        self.at += n;
        Ok(slice)
    }

    fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(
            self.take(4)?.try_into().map_err(|_| "bad u32")?,
        ))
    }

    fn i16(&mut self) -> Result<i16, String> {
        Ok(i16::from_le_bytes(
            self.take(2)?.try_into().map_err(|_| "bad i16")?,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_weights_are_a_model() {
        let model = Model::embedded().expect("core/data/tagger.bin holds a model");
        assert!(model.slots.iter().filter(|s| s.key != 0).count() > 10_000);
        assert!(model.transitions.iter().flatten().any(|&w| w != 0));
    }

    #[test]
    fn bad_weights_files_are_refused() {
        assert!(Model::from_bytes(b"EXPLTAG1\x01").is_err());
        assert!(Model::from_bytes(b"nonsense").is_err());
    }

    #[test]
    #[cfg(feature = "train")]
    fn weights_round_trip() {
        let mut transitions = [[0i16; TAGS]; TAGS + 1];
        transitions[0][2] = -100;
        let rows = vec![
            (3u32, [1, 2, 3, 4, 5, 6, 7]),
            (9, [-1, 0, 0, 0, 0, 0, 32767]),
        ];
        let bytes = Model::write(&rows, &transitions);
        let m = Model::from_bytes(&bytes).unwrap();
        assert_eq!(m.transitions[0][2], -100);
        assert_eq!(m.weights(9), Some(&rows[1].1));
        assert_eq!(m.weights(3), Some(&rows[0].1));
        assert_eq!(m.weights(4), None);
    }
}
