//! Word clusters learnt from unlabelled text (feature `train`): words that occur between the
//! same neighbours fall into the same cluster, so that the tagger can generalise from a name
//! or a cue word it was trained on to one it was not (Ratinov and Roth 2009 report several
//! points of F1 for names from Brown clusters; these are a cheaper cousin).
//!
//! Each word written at least `MIN_COUNT` times is a vector of its left and right
//! neighbours' counts (the most frequent words, and a class for the others), weighted by
//! positive pointwise mutual information and normalised; spherical k-means splits the words
//! into 16 clusters, each of those into 16 and each of those into 16 again, so that a word's
//! cluster is a path of three hex digits whose prefixes are coarser clusters. Everything is
//! sorted or seeded, so the same text gives the same table.

use crate::entities::clusters::cluster_key;
use crate::entities::tokens::{tokenize, TokKind};
use std::collections::HashMap;

/// A word needs this many occurrences to be clustered.
const MIN_COUNT: u32 = 5;
/// How many of the most frequent token strings are contexts of their own.
const N_CONTEXTS: usize = 1000;
/// Clusters per level, and levels.
const BRANCHING: usize = 16;
const LEVELS: usize = 3;
const ITERATIONS: usize = 12;

/// Words and their cluster paths, sorted by word, as `word<TAB>path` lines.
pub fn cluster_table(paragraphs: &[String]) -> String {
    // Token strings of every paragraph, with <s> and </s> around.
    let mut sentences: Vec<Vec<(String, bool)>> = Vec::new();
    for p in paragraphs {
        let toks = tokenize(p, 0);
        let mut s = Vec::with_capacity(toks.len());
        for t in &toks {
            s.push((
                cluster_key(&p[t.start..t.end]).into_owned(),
                t.kind == TokKind::Word,
            ));
        }
        sentences.push(s);
    }
    let mut word_counts: HashMap<&str, u32> = HashMap::new();
    let mut context_counts: HashMap<String, u32> = HashMap::new();
    for s in &sentences {
        for (w, is_word) in s {
            if *is_word {
                *word_counts.entry(w.as_str()).or_default() += 1;
            }
            *context_counts.entry(crate::text::fold(w)).or_default() += 1;
        }
    }
    let mut contexts: Vec<(String, u32)> = context_counts.into_iter().collect();
    contexts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    contexts.truncate(N_CONTEXTS);
    let context_ids: HashMap<&str, usize> = contexts
        .iter()
        .enumerate()
        .map(|(i, (w, _))| (w.as_str(), i))
        .collect();
    // Classes for the other contexts: boundaries, and words by their first character.
    const CLASSES: usize = 6;
    let per_side = N_CONTEXTS + CLASSES;
    let context_of = |w: Option<&(String, bool)>| -> usize {
        let Some((w, _)) = w else { return N_CONTEXTS };
        if let Some(&id) = context_ids.get(crate::text::fold(w).as_str()) {
            return id;
        }
        let c = w.chars().next().unwrap_or(' ');
        let upper = w.chars().filter(|c| c.is_uppercase()).count();
        N_CONTEXTS
            + if c.is_numeric() {
                1
            } else if upper > 1 && upper == w.chars().filter(|c| c.is_alphabetic()).count() {
                2
            } else if c.is_uppercase() {
                3
            } else if c.is_alphabetic() {
                4
            } else {
                5
            }
    };
    let mut vocab: Vec<(&str, u32)> = word_counts
        .iter()
        .filter(|&(_, &c)| c >= MIN_COUNT)
        .map(|(&w, &c)| (w, c))
        .collect();
    vocab.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    let word_ids: HashMap<&str, usize> = vocab
        .iter()
        .enumerate()
        .map(|(i, (w, _))| (*w, i))
        .collect();
    let mut pairs: Vec<HashMap<u32, u32>> = vec![HashMap::new(); vocab.len()];
    let mut context_totals = vec![0u64; 2 * per_side];
    for s in &sentences {
        for (i, (w, is_word)) in s.iter().enumerate() {
            if !*is_word {
                continue;
            }
            let Some(&id) = word_ids.get(w.as_str()) else {
                continue;
            };
            let left = context_of(i.checked_sub(1).and_then(|j| s.get(j)));
            let right = per_side + context_of(s.get(i + 1));
            for c in [left, right] {
                *pairs[id].entry(c as u32).or_default() += 1;
                context_totals[c] += 1;
            }
        }
    }
    let total: f64 = context_totals.iter().sum::<u64>() as f64;
    // Sparse PPMI vectors, unit length, entries sorted by context.
    let vectors: Vec<Vec<(u32, f64)>> = pairs
        .iter()
        .enumerate()
        .map(|(id, counts)| {
            let word_total = 2.0 * f64::from(vocab[id].1);
            let mut v: Vec<(u32, f64)> = counts
                .iter()
                .filter_map(|(&c, &n)| {
                    let pmi = (f64::from(n) * total
                        / (word_total * context_totals[c as usize] as f64))
                        .ln();
                    (pmi > 0.0).then_some((c, pmi))
                })
                .collect();
            v.sort_by_key(|&(c, _)| c);
            let norm = v.iter().map(|(_, x)| x * x).sum::<f64>().sqrt();
            if norm > 0.0 {
                for (_, x) in &mut v {
                    *x /= norm;
                }
            }
            v
        })
        .collect();
    let dims = 2 * per_side;
    let mut paths = vec![0u32; vocab.len()];
    let mut groups: Vec<Vec<usize>> = vec![(0..vocab.len()).collect()];
    for level in 0..LEVELS {
        let mut next = Vec::new();
        for group in &groups {
            let assignment = spherical_kmeans(&vectors, group, dims, BRANCHING, level as u64);
            let mut parts: Vec<Vec<usize>> = vec![Vec::new(); BRANCHING];
            for (&w, &k) in group.iter().zip(&assignment) {
                paths[w] = paths[w] * BRANCHING as u32 + k as u32;
                parts[k].push(w);
            }
            next.extend(parts.into_iter().filter(|p| !p.is_empty()));
        }
        groups = next;
    }
    let mut lines: Vec<(&str, u32)> = vocab.iter().map(|&(w, _)| w).zip(paths).collect();
    lines.sort();
    let mut out = String::from(
        "# Word clusters learnt from nlp-corpus (see core/src/entities/train/clusters.rs).\n",
    );
    for (w, path) in lines {
        if w.contains(['\t', '\n']) {
            continue;
        }
        out.push_str(&format!("{w}\t{path:03x}\n"));
    }
    out
}

/// Spherical k-means over the words of `group`: the cluster of each, in `group`'s order.
/// Seeds are chosen k-means++ style by a fixed generator.
fn spherical_kmeans(
    vectors: &[Vec<(u32, f64)>],
    group: &[usize],
    dims: usize,
    k: usize,
    seed: u64,
) -> Vec<usize> {
    if group.len() <= k {
        return (0..group.len()).collect();
    }
    let mut state =
        0x2545_f491_4f6c_dd1d ^ (seed + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ group.len() as u64;
    let mut next = || {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        state.wrapping_mul(0x2545_f491_4f6c_dd1d)
    };
    let dot = |v: &[(u32, f64)], c: &[f64]| v.iter().map(|&(i, x)| x * c[i as usize]).sum::<f64>();
    let dense = |v: &[(u32, f64)]| {
        let mut c = vec![0.0; dims];
        for &(i, x) in v {
            c[i as usize] = x;
        }
        c
    };
    // k-means++: each next seed drawn with weight (1 - best similarity).
    let mut centroids: Vec<Vec<f64>> = vec![dense(
        &vectors[group[(next() % group.len() as u64) as usize]],
    )];
    let mut best = vec![f64::NEG_INFINITY; group.len()];
    while centroids.len() < k {
        let c = centroids.last().expect("a centroid");
        for (b, &w) in best.iter_mut().zip(group) {
            *b = b.max(dot(&vectors[w], c));
        }
        let weights: Vec<f64> = best.iter().map(|b| (1.0 - b).max(0.0)).collect();
        let sum: f64 = weights.iter().sum();
        let mut target = (next() % 1_000_000) as f64 / 1e6 * sum;
        let mut pick = group.len() - 1;
        for (i, w) in weights.iter().enumerate() {
            if target < *w {
                pick = i;
                break;
            }
            target -= w;
        }
        centroids.push(dense(&vectors[group[pick]]));
    }
    let mut assignment = vec![0usize; group.len()];
    for _ in 0..ITERATIONS {
        for (a, &w) in assignment.iter_mut().zip(group) {
            let mut top = (f64::NEG_INFINITY, 0);
            for (j, c) in centroids.iter().enumerate() {
                let s = dot(&vectors[w], c);
                if s > top.0 {
                    top = (s, j);
                }
            }
            *a = top.1;
        }
        let mut sums = vec![vec![0.0; dims]; k];
        for (&a, &w) in assignment.iter().zip(group) {
            for &(i, x) in &vectors[w] {
                sums[a][i as usize] += x;
            }
        }
        for (c, s) in centroids.iter_mut().zip(sums) {
            let norm = s.iter().map(|x| x * x).sum::<f64>().sqrt();
            if norm > 0.0 {
                *c = s.into_iter().map(|x| x / norm).collect();
            }
        }
    }
    assignment
}
