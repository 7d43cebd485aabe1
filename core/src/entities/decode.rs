//! Decoding: the best tag sequence of each region under the model (Viterbi, with an inside
//! tag allowed only after a tag of its own kind) and the names in it. What follows, in order:
//! `mend` (each name on its own), `merge` (the names with the rules'), `names` (steps over the
//! merged mentions), then `capitals.rs`, `teams.rs`, `players.rs` and `organisations/`.

use super::features::Features;
use super::model::{Model, TAGS};
use super::EntityKind;

/// A name the tagger found: its region, first token, end token and kind.
pub(crate) type TaggedName = (usize, usize, usize, EntityKind);

/// The kind a tag names (PER, ORG or LOC, as `EntityKind::Person`, `Org`, `Loc`), if any.
pub(crate) fn tag_kind(tag: usize) -> Option<EntityKind> {
    match tag {
        1 | 2 => Some(EntityKind::Person),
        3 | 4 => Some(EntityKind::Org),
        5 | 6 => Some(EntityKind::Loc),
        _ => None,
    }
}

fn is_inside(tag: usize) -> bool {
    matches!(tag, 2 | 4 | 6)
}

/// Whether `next` may follow `prev` (`None`: the start of a region): an inside tag only
/// continues a name of its own kind.
pub(crate) fn allowed(prev: Option<usize>, next: usize) -> bool {
    !is_inside(next) || prev.is_some_and(|p| p != 0 && p.div_ceil(2) == next.div_ceil(2))
}

/// The best tag sequence under `emissions` and `transitions` that `allowed` permits.
pub(crate) fn viterbi(
    emissions: &[[i64; TAGS]],
    transitions: &[[i64; TAGS]; TAGS + 1],
) -> Vec<usize> {
    let n = emissions.len();
    if n == 0 {
        return Vec::new();
    }
    const NONE: i64 = i64::MIN / 4;
    let mut back = vec![[0u8; TAGS]; n];
    let mut score = [NONE; TAGS];
    for t in 0..TAGS {
        if allowed(None, t) {
            score[t] = transitions[0][t] + emissions[0][t];
        }
    }
    for i in 1..n {
        let mut next = [NONE; TAGS];
        for t in 0..TAGS {
            let mut best = (NONE, 0);
            for (p, &s) in score.iter().enumerate() {
                if s == NONE || !allowed(Some(p), t) {
                    continue;
                }
                let v = s + transitions[p + 1][t];
                if v > best.0 {
                    best = (v, p);
                }
            }
            if best.0 != NONE {
                next[t] = best.0 + emissions[i][t];
                back[i][t] = best.1 as u8;
            }
        }
        score = next;
    }
    let mut tag = (0..TAGS)
        .max_by_key(|&t| (score[t], std::cmp::Reverse(t)))
        .unwrap_or(0);
    let mut tags = vec![0; n];
    for i in (0..n).rev() {
        tags[i] = tag;
        tag = back[i][tag] as usize;
    }
    tags
}

/// The names in a tag sequence: (first token, end token, kind).
pub(crate) fn spans(tags: &[usize]) -> Vec<(usize, usize, EntityKind)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        match tag_kind(tags[i]) {
            Some(kind) if !is_inside(tags[i]) => {
                let mut e = i + 1;
                while e < tags.len() && is_inside(tags[e]) && tag_kind(tags[e]) == Some(kind) {
                    e += 1;
                }
                out.push((i, e, kind));
                i = e;
            }
            _ => i += 1,
        }
    }
    out
}

/// The names the model finds in each region: (region, first token, end token, kind).
pub(crate) fn tag_regions(features: &[Features], model: &Model) -> Vec<TaggedName> {
    let transitions = model.transitions();
    let mut tagged = Vec::new();
    for (segment, f) in features.iter().enumerate() {
        let emissions: Vec<[i64; TAGS]> =
            (0..f.len()).map(|i| model.emissions(f.token(i))).collect();
        let tags = viterbi(&emissions, &transitions);
        for (s, e, kind) in spans(&tags) {
            tagged.push((segment, s, e, kind));
        }
    }
    tagged
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viterbi_respects_the_tag_constraints() {
        let zero = [[0i64; TAGS]; TAGS + 1];
        // Each token alone prefers I-ORG, which may not start a name: the best allowed
        // sequence begins it with B-ORG.
        let e = [
            [0, 0, 0, 5, 9, 0, 0],
            [0, 0, 0, 0, 9, 0, 0],
            [3, 0, 0, 0, 0, 0, 0],
        ];
        let tags = viterbi(&e, &zero);
        assert_eq!(tags, [3, 4, 0]);
        assert_eq!(spans(&tags), [(0, 2, EntityKind::Org)]);
        assert!(!allowed(Some(1), 4), "I-ORG after B-PER");
        assert!(allowed(Some(3), 4));
        assert!(!allowed(None, 2));
    }
}
