//! What the tagger sees of each token: sparse binary features, each a 64-bit hash of a
//! template and its value ("the word before is `said`", "the rules call this token the start
//! of an ORG", "a gazetteer city covers it").
//!
//! Features come in groups so training can hide some at random (a gazetteer or a rule is not
//! always there to lean on): the top two bits of a feature say its group, and the model
//! ignores them when it looks a feature up.
//!
//! The templates: the word (folded, and as written), its shape, prefixes and suffixes,
//! capitals and position (sentence start, line start, a title or capitals line), the two words
//! on each side and their shapes, word pairs, gazetteer matches (case as written and, in
//! capitals lines, as a title-cased name), the word lists (given names, family names,
//! ordinary words), cue words on and around the token (titles, head words, speech verbs),
//! the rules' own decision on it and its neighbours, and what the rest of the document says
//! about the same word (the kinds the rules gave it elsewhere, whether it also appears in
//! lower case or capitalised inside a sentence).

use super::candidates::Analyzer;
use super::lexicon::{push_key, push_key_titled, FastHasher, FastMap, FastSet, Lexicon, Source};
use super::tokens::TokKind;
use super::EntityKind;
use std::borrow::Cow;
use std::hash::Hasher;

/// A feature's group, in its top two bits.
pub(crate) const GROUP_SHIFT: u32 = 62;
/// Everything else: the word, its shape and context.
pub(crate) const GROUP_PLAIN: u64 = 0;
/// Gazetteer and word-list membership.
pub(crate) const GROUP_LEXICON: u64 = 1;
/// The rules' decisions, on the token and across the document.
pub(crate) const GROUP_RULES: u64 = 2;
/// The part of a feature the model keys on.
pub(crate) const KEY_MASK: u64 = (1 << GROUP_SHIFT) - 1;

/// The rules' decision on a token: 0 outside any mention, else kind and begin/inside.
pub(crate) type RuleTag = u8;

pub(crate) fn rule_tag(kind: EntityKind, begin: bool) -> RuleTag {
    1 + 2 * kind as u8 + u8::from(!begin)
}

/// What the whole document says about each word, from the rules' mentions.
#[derive(Default)]
pub(crate) struct DocWords {
    /// Folded word → the kinds (as bits) of the rule mentions it is part of.
    rule_kinds: FastMap<String, u8>,
    /// Folded words written capitalised somewhere that is neither a sentence start nor a
    /// title or capitals line.
    capitalised_inside: FastSet<String>,
}

impl DocWords {
    /// Gathers the document's words: `regions` are the regions' analyzers with each token's
    /// rule tag.
    pub(crate) fn gather(regions: &[(&Analyzer, Vec<RuleTag>)]) -> DocWords {
        let mut words = DocWords::default();
        for (a, tags) in regions {
            let shouting = is_shouting(a);
            for (i, t) in a.toks.iter().enumerate() {
                if t.kind != TokKind::Word {
                    continue;
                }
                let w = a.word(i);
                let capitalised_inside = !t.sent_start
                    && !a.headline
                    && !shouting
                    && w.chars().next().is_some_and(char::is_uppercase);
                if tags[i] == 0 && !capitalised_inside {
                    continue;
                }
                let folded = crate::text::fold(w);
                if tags[i] != 0 {
                    let kind = (tags[i] - 1) / 2;
                    *words.rule_kinds.entry(folded.clone()).or_insert(0) |= 1 << kind;
                }
                if capitalised_inside {
                    words.capitalised_inside.insert(folded);
                }
            }
        }
        words
    }
}

/// Whether a region is written mostly in capitals (a headline, a dateline, a results table).
pub(crate) fn is_shouting(a: &Analyzer) -> bool {
    let (mut upper, mut letters) = (0usize, 0usize);
    for (i, t) in a.toks.iter().enumerate() {
        if t.kind == TokKind::Word {
            for c in a.word(i).chars().filter(|c| c.is_alphabetic()) {
                letters += 1;
                upper += usize::from(c.is_uppercase());
            }
        }
    }
    letters >= 4 && upper * 10 >= letters * 8
}

/// The features of every token of a region, flattened: token `i` has
/// `values[offsets[i]..offsets[i + 1]]`.
#[derive(Clone, Debug, Default)]
pub(crate) struct Features {
    pub values: Vec<u64>,
    pub offsets: Vec<u32>,
}

impl Features {
    pub(crate) fn token(&self, i: usize) -> &[u64] {
        &self.values[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }

    pub(crate) fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }
}

/// A hasher for one feature: a template number, then its parts.
struct Feature(FastHasher);

impl Feature {
    fn new(template: u8) -> Feature {
        let mut h = FastHasher::default();
        h.write_u8(template);
        Feature(h)
    }

    fn str(mut self, s: &str) -> Feature {
        self.0.write(s.as_bytes());
        self.0.write_u8(0xff);
        self
    }

    fn num(mut self, n: u64) -> Feature {
        self.0.write(&n.to_le_bytes());
        self
    }

    fn done(self, group: u64) -> u64 {
        // A final mix so the low bits depend on every part.
        let mut x = self.0.finish();
        x ^= x >> 33;
        x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
        x ^= x >> 33;
        (x & KEY_MASK) | (group << GROUP_SHIFT)
    }
}

/// A word's shape: capitals X, small letters x, digits d, other characters as they are, runs
/// of one class cut to two ("Stoltenberg" → "Xxx", "NATO" → "XX", "U.S." → "X.X.", "2-1" →
/// "d-d").
fn shape(word: &str) -> String {
    let mut out = String::new();
    let mut last = '\0';
    let mut run = 0;
    for c in word.chars().take(24) {
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        if class == last {
            run += 1;
            if run >= 2 {
                continue;
            }
        } else {
            run = 0;
        }
        out.push(class);
        last = class;
    }
    out
}

/// What is cached per token before the features are made.
struct TokenInfo<'a> {
    lower: Cow<'a, str>,
    shape: String,
    capitalised: bool,
}

/// The longest gazetteer match covering each token, as (kind, source, position) with
/// position 0 begin, 1 inside, 2 last, 3 unit. `title_case`: look names up as title-cased
/// words (for capitals lines: "NEW YORK" as "New York").
fn gazetteer_cover(a: &Analyzer, title_case: bool) -> Vec<Option<(EntityKind, Source, u8)>> {
    let n = a.toks.len();
    let lex = a.lex;
    let mut cover = vec![None; n];
    let mut i = 0;
    while i < n {
        let first = a.word(i);
        let starts_name = a.toks[i].kind == TokKind::Word
            && first.chars().next().is_some_and(|c| c.is_uppercase());
        if !starts_name {
            i += 1;
            continue;
        }
        let mut key = String::new();
        let mut best = None;
        for j in i..n.min(i + lex.max_name_tokens) {
            let t = &a.toks[j];
            if t.kind == TokKind::Punct && !matches!(a.word(j), "&" | ".") {
                break;
            }
            let w = a.word(j);
            if title_case {
                push_key_titled(&mut key, w);
            } else {
                push_key(&mut key, w);
            }
            if let Some(entry) = lex.name(&key) {
                best = Some((j + 1, entry.kind, entry.source));
            }
            if !lex.is_name_prefix(&key) {
                break;
            }
        }
        match best {
            Some((end, kind, source)) => {
                for (k, slot) in cover.iter_mut().enumerate().take(end).skip(i) {
                    let position = match (k == i, k + 1 == end) {
                        (true, true) => 3,
                        (true, false) => 0,
                        (false, true) => 2,
                        (false, false) => 1,
                    };
                    *slot = Some((kind, source, position));
                }
                i = end;
            }
            None => i += 1,
        }
    }
    cover
}

const CUE_BITS: u32 = 18;

/// Computes the features of every token of one region into `out`.
pub(crate) fn region_features(
    a: &Analyzer,
    rule_tags: &[RuleTag],
    doc: &DocWords,
    out: &mut Features,
) {
    let n = a.toks.len();
    let lex: &Lexicon = a.lex;
    let shouting = is_shouting(a);
    // Words as the features see them: folded with case kept, so that composed and decomposed
    // accents ("São", "Sa\u{303}o") and typographic apostrophes give the same features.
    // (Most words are ASCII letters, which fold to themselves: no copy for them.)
    let written: Vec<Cow<str>> = (0..n)
        .map(|i| {
            let w = a.word(i);
            if w.bytes().all(|b| b.is_ascii_alphanumeric()) {
                Cow::Borrowed(w)
            } else {
                let mut folded = String::new();
                crate::text::fold_keep_case_into(w, &mut folded);
                Cow::Owned(folded)
            }
        })
        .collect();
    let infos: Vec<TokenInfo> = written
        .iter()
        .map(|w| TokenInfo {
            lower: if w
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            {
                Cow::Borrowed(w.as_ref())
            } else {
                Cow::Owned(crate::text::fold(w))
            },
            shape: shape(w),
            capitalised: w.chars().next().is_some_and(char::is_uppercase),
        })
        .collect();
    let cues: Vec<u32> = (0..n).map(|i| a.cue1(i)).collect();
    let gaz = gazetteer_cover(a, false);
    let gaz_titled = if shouting || a.headline {
        gazetteer_cover(a, true)
    } else {
        Vec::new()
    };
    let text = a.text;
    // A score ("2-1", "3 - 0") or a table of numbers in the region: sports results.
    let has_score = a.toks.windows(3).any(|w| {
        w[0].kind == TokKind::Number
            && matches!(w[1].kind, TokKind::Joiner | TokKind::Punct)
            && matches!(&text[w[1].start..w[1].end], "-" | "\u{2013}")
            && w[2].kind == TokKind::Number
    });
    let word_at = |i: isize| -> &str {
        if i < 0 {
            "<s>"
        } else if i as usize >= n {
            "</s>"
        } else {
            infos[i as usize].lower.as_ref()
        }
    };
    let shape_at = |i: isize| -> &str {
        if i < 0 {
            "<s>"
        } else if i as usize >= n {
            "</s>"
        } else {
            infos[i as usize].shape.as_str()
        }
    };
    out.values.clear();
    out.values.reserve(n * 48);
    out.offsets.clear();
    out.offsets.reserve(n + 1);
    out.offsets.push(0);
    for i in 0..n {
        let t = &a.toks[i];
        let info = &infos[i];
        let w = written[i].as_ref();
        let v = &mut out.values;
        let ii = i as isize;
        let plain = |f: Feature| f.done(GROUP_PLAIN);
        v.push(plain(Feature::new(0)));
        v.push(plain(Feature::new(1).str(&info.lower)));
        v.push(plain(Feature::new(2).str(w)));
        v.push(plain(Feature::new(3).str(&info.shape)));
        // Prefixes of one to three chars and suffixes of two to four, as slices.
        let lower: &str = info.lower.as_ref();
        let ends = lower
            .char_indices()
            .skip(1)
            .map(|(b, _)| b)
            .chain([lower.len()]);
        for (k, end) in ends.take(3).enumerate() {
            v.push(plain(Feature::new(4).num(k as u64 + 1).str(&lower[..end])));
        }
        let n_chars = lower.chars().count();
        let starts = lower.char_indices().rev().map(|(b, _)| b).skip(1);
        for (k, start) in starts.take(3).enumerate() {
            if k + 2 <= n_chars {
                v.push(plain(
                    Feature::new(5).num(k as u64 + 2).str(&lower[start..]),
                ));
            }
        }
        let line_start = i == 0 || text[a.toks[i - 1].end..t.start].contains('\n');
        let position = u64::from(t.sent_start)
            | u64::from(line_start) << 1
            | u64::from(i == 0) << 2
            | u64::from(a.headline) << 3
            | u64::from(shouting) << 4;
        v.push(plain(Feature::new(6).num(position)));
        v.push(plain(
            Feature::new(7)
                .num(position & 0b111)
                .str(&info.shape)
                .num(u64::from(info.capitalised)),
        ));
        v.push(plain(
            Feature::new(8)
                .num(t.kind as u64)
                .num(u64::from(t.space_before)),
        ));
        for d in [-2isize, -1, 1, 2] {
            v.push(plain(Feature::new(9).num(d as u64).str(word_at(ii + d))));
        }
        for d in [-1isize, 1] {
            v.push(plain(Feature::new(10).num(d as u64).str(shape_at(ii + d))));
        }
        v.push(plain(
            Feature::new(11).str(word_at(ii - 1)).str(&info.lower),
        ));
        v.push(plain(
            Feature::new(12).str(&info.lower).str(word_at(ii + 1)),
        ));
        v.push(plain(
            Feature::new(13)
                .str(shape_at(ii - 1))
                .str(&info.shape)
                .str(shape_at(ii + 1)),
        ));
        if has_score && info.capitalised {
            v.push(plain(Feature::new(14).num(u64::from(shouting))));
        }
        if info.capitalised {
            v.push(plain(
                Feature::new(15).str(word_at(ii - 1)).str(&info.shape),
            ));
            v.push(plain(
                Feature::new(16).str(&info.shape).str(word_at(ii + 1)),
            ));
        }

        // The lexicon: gazetteers, word lists, cues.
        let lexicon = |f: Feature| f.done(GROUP_LEXICON);
        if let Some((kind, source, pos)) = gaz[i] {
            v.push(lexicon(
                Feature::new(20)
                    .num(kind as u64)
                    .num(source as u64)
                    .num(u64::from(pos)),
            ));
            v.push(lexicon(Feature::new(21).num(kind as u64)));
        }
        if let Some(Some((kind, source, pos))) = gaz_titled.get(i) {
            v.push(lexicon(
                Feature::new(22)
                    .num(*kind as u64)
                    .num(*source as u64)
                    .num(u64::from(*pos)),
            ));
        }
        let common = t.kind == TokKind::Word && lex.is_common_word(&info.lower);
        if t.kind == TokKind::Word && !info.capitalised && common {
            // An ordinary word in lower case: no name list is asked.
            v.push(lexicon(Feature::new(23).num(0b1000).num(0)));
        } else if t.kind == TokKind::Word {
            // The lists spell names in title case ("Jens"); a word in other case is looked
            // up as the name it would be ("JENS", "jens").
            let is_titled = {
                let mut cs = w.chars();
                cs.next().is_some_and(char::is_uppercase) && !cs.any(char::is_uppercase)
            };
            let titled: Cow<str> = if is_titled {
                Cow::Borrowed(w)
            } else {
                let mut cs = w.chars();
                Cow::Owned(
                    cs.next()
                        .into_iter()
                        .flat_map(char::to_uppercase)
                        .chain(cs.flat_map(char::to_lowercase))
                        .collect(),
                )
            };
            let lists = u64::from(lex.is_first_name(&titled))
                | u64::from(lex.is_surname(&titled)) << 1
                | u64::from(lex.is_surname_first(&titled)) << 2
                | u64::from(common) << 3;
            v.push(lexicon(
                Feature::new(23).num(lists).num(u64::from(info.capitalised)),
            ));
        }
        for (d, template) in [(-1isize, 24u8), (0, 25), (1, 26)] {
            let j = ii + d;
            if j < 0 || j as usize >= n {
                continue;
            }
            let bits = cues[j as usize];
            for bit in 0..CUE_BITS {
                if bits & (1 << bit) != 0 {
                    v.push(lexicon(Feature::new(template).num(u64::from(bit))));
                }
            }
        }

        // The rules, here and across the document.
        let rules = |f: Feature| f.done(GROUP_RULES);
        v.push(rules(Feature::new(30).num(u64::from(rule_tags[i]))));
        v.push(rules(
            Feature::new(31)
                .num(u64::from(rule_tags[i]))
                .num(u64::from(i > 0 && rule_tags[i - 1] != 0))
                .num(u64::from(rule_tags.get(i + 1).is_some_and(|&r| r != 0))),
        ));
        if i > 0 {
            v.push(rules(Feature::new(32).num(u64::from(rule_tags[i - 1]))));
        }
        if i + 1 < n {
            v.push(rules(Feature::new(33).num(u64::from(rule_tags[i + 1]))));
        }
        if t.kind == TokKind::Word {
            if let Some(&kinds) = doc.rule_kinds.get(info.lower.as_ref()) {
                v.push(rules(Feature::new(34).num(u64::from(kinds))));
            }
            let raw = a.word(i);
            let seen_lower = if raw.chars().any(char::is_uppercase) {
                a.ctx.lower_words.contains(raw.to_lowercase().as_str())
            } else {
                true
            };
            let seen = u64::from(seen_lower)
                | u64::from(doc.capitalised_inside.contains(info.lower.as_ref())) << 1;
            v.push(rules(
                Feature::new(35).num(seen).num(u64::from(info.capitalised)),
            ));
        }
        out.offsets.push(out.values.len() as u32);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        let check = |w: &str, s: &str| assert_eq!(shape(w), s, "{w}");
        check("Stoltenberg", "Xxx");
        check("NATO", "XX");
        check("U.S.", "X.X.");
        check("2023", "dd");
        check("iPhone", "xXxx");
        check("McDonald's", "XxXxx'x");
    }
}
