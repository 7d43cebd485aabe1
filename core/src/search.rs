//! Running a query over the corpus: hits as spans, documents ranked by BM25, keyword in
//! context, and a suggestion when nothing matches.

use crate::corpus::Corpus;
use crate::corpus::EntityKey;
use crate::document::Document;
use crate::entities::EntityKind;
use crate::order::{descending, merge_runs, sort_by_u64};
use crate::query::{Atom, Query};
use crate::span::Span;
use crate::text::words;
use crate::text::{fold, stem};

/// One highlighted stretch of text in its document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Hit {
    pub span: Span,
}

impl From<Span> for Hit {
    fn from(span: Span) -> Hit {
        Hit { span }
    }
}

impl AsMut<Span> for Hit {
    fn as_mut(&mut self) -> &mut Span {
        &mut self.span
    }
}

/// The hits of one document.
#[derive(Clone, Debug, PartialEq)]
pub struct DocHits {
    pub doc: usize,
    pub score: f64,
    /// Sorted by position, never overlapping.
    pub hits: Vec<Hit>,
}

/// Why a search found nothing, for the page to say.
#[derive(Clone, Debug, PartialEq)]
pub enum NoHits {
    /// Nothing was typed.
    EmptyQuery,
    /// Something was typed, but nothing in it can be searched (see the notes).
    NothingToSearch,
    /// Only exclusions were given: there is nothing to highlight.
    OnlyExclusions,
    /// These parts of the query occur nowhere in the corpus.
    NotFound {
        missing: Vec<String>,
        suggestion: Option<String>,
    },
    /// Each part occurs somewhere, but no document has them all (or exclusions removed them).
    NoDocumentHasAll,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SearchResult {
    /// Documents with hits, best first.
    pub docs: Vec<DocHits>,
    pub total_hits: usize,
    /// Parts of the query that were left out, and why.
    pub notes: Vec<String>,
    /// Set when `docs` is empty.
    pub no_hits: Option<NoHits>,
}

impl SearchResult {
    pub fn hits_in(&self, doc: usize) -> &[Hit] {
        self.docs
            .iter()
            .find(|d| d.doc == doc)
            .map_or(&[], |d| d.hits.as_slice())
    }
}

/// A keyword-in-context line: the hit with up to a window of words either side, never
/// leaving the hit's paragraph. The spans are adjacent: `left.end == hit.start`, and so on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Kwic {
    pub left: Span,
    pub hit: Span,
    pub right: Span,
    /// Whether the paragraph goes on beyond the window on each side.
    pub more_left: bool,
    pub more_right: bool,
}

/// Up to this many terms in a word's hits are merged one by one; more are sorted once.
const MERGE_TERMS: usize = 16;

// BM25 parameters (the usual defaults).
const K1: f64 = 1.2;
const B: f64 = 0.75;

impl Corpus {
    /// Runs a query over every document.
    pub fn search(&self, query: &Query) -> SearchResult {
        let mut result = SearchResult {
            docs: Vec::new(),
            total_hits: 0,
            notes: query.notes.clone(),
            no_hits: None,
        };
        if query.groups.is_empty() {
            result.no_hits = Some(if !query.excluded.is_empty() {
                NoHits::OnlyExclusions
            } else if query.notes.is_empty() {
                NoHits::EmptyQuery
            } else {
                NoHits::NothingToSearch
            });
            return result;
        }
        let n_docs = self.docs.len();
        // matches[group][atom][doc] = hits of that atom in that document.
        let mut matches: Vec<Vec<Vec<Vec<Hit>>>> = query
            .groups
            .iter()
            .map(|g| g.iter().map(|a| self.atom_hits(a)).collect())
            .collect();
        let excluded: Vec<Vec<Vec<Hit>>> =
            query.excluded.iter().map(|a| self.atom_hits(a)).collect();

        let avg_len = self
            .index
            .doc_lens
            .iter()
            .map(|&n| f64::from(n))
            .sum::<f64>()
            / n_docs.max(1) as f64;
        // Documents each atom occurs in, for its inverse document frequency.
        let dfs: Vec<Vec<f64>> = matches
            .iter()
            .map(|g| {
                g.iter()
                    .map(|a| a.iter().filter(|d| !d.is_empty()).count() as f64)
                    .collect()
            })
            .collect();
        // One word or entity filter never yields overlapping hits: nothing to merge.
        let mut scratch = Vec::new();
        let disjoint = matches!(query.groups.as_slice(), [g] if matches!(g.as_slice(), [Atom::Word { .. } | Atom::Entity { .. }]));
        for doc in 0..n_docs {
            let every_group = matches.iter().all(|g| g.iter().any(|a| !a[doc].is_empty()));
            let excluded_here = excluded.iter().any(|a| !a[doc].is_empty());
            if !every_group || excluded_here {
                continue;
            }
            let doc_len = f64::from(self.index.doc_lens.get(doc).copied().unwrap_or(0));
            let mut score = 0.0;
            let mut hits: Vec<Hit> = Vec::new();
            for (group, group_dfs) in matches.iter_mut().zip(&dfs) {
                for (atom, &df) in group.iter_mut().zip(group_dfs) {
                    // This document's hits are used once: move them, don't copy.
                    let atom_hits = std::mem::take(&mut atom[doc]);
                    let tf = atom_hits.len() as f64;
                    if tf > 0.0 {
                        let idf = (1.0 + (n_docs as f64 - df + 0.5) / (df + 0.5)).ln();
                        score += idf * tf * (K1 + 1.0)
                            / (tf + K1 * (1.0 - B + B * doc_len / avg_len.max(1.0)));
                        // Every atom's hits are in order: merge them in.
                        if hits.is_empty() {
                            hits = atom_hits;
                        } else {
                            let mid = hits.len();
                            hits.extend(atom_hits);
                            merge_runs(&mut hits, mid, &mut scratch, hit_key);
                        }
                    }
                }
            }
            if !disjoint {
                merge_overlaps(&mut hits);
            }
            result.total_hits += hits.len();
            result.docs.push(DocHits { doc, score, hits });
        }
        // Best first; ties stay in document order.
        sort_by_u64(&mut result.docs, |d| descending(d.score));
        if result.docs.is_empty() {
            let missing: Vec<&Atom> = query
                .positive_atoms()
                .zip(matches.iter().flatten())
                .filter(|(_, per_doc)| per_doc.iter().all(Vec::is_empty))
                .map(|(a, _)| a)
                .collect();
            result.no_hits = Some(if missing.is_empty() {
                NoHits::NoDocumentHasAll
            } else {
                let suggestion = missing.iter().find_map(|a| match a {
                    Atom::Word {
                        term,
                        prefix: false,
                        ..
                    } => self.suggest(term),
                    _ => None,
                });
                NoHits::NotFound {
                    missing: missing.iter().map(|a| a.text().to_string()).collect(),
                    suggestion,
                }
            });
        }
        result
    }

    /// The hits of one atom, per document.
    fn atom_hits(&self, atom: &Atom) -> Vec<Vec<Hit>> {
        let mut per_doc: Vec<Vec<Hit>> = vec![Vec::new(); self.docs.len()];
        let vocab = &self.index.vocab;
        match atom {
            Atom::Word { term, prefix, .. } => {
                let terms = self.word_terms(term, *prefix);
                // Each term's occurrences come in order. The few terms of a stem are merged
                // in as they come; the many of a prefix are sorted once at the end (merging
                // each into a long list would move it again and again).
                let merge = terms.len() <= MERGE_TERMS;
                let several = terms.len() > 1;
                let mut scratch = Vec::new();
                for &t in &terms {
                    self.index.visit_documents(t, |doc, spans| {
                        if let Some(hits) = per_doc.get_mut(doc as usize) {
                            let mid = hits.len();
                            // Several terms append to each document's list in turn: room
                            // for a few dozen hits at once saves growing it term by term.
                            if several && hits.capacity() == 0 {
                                hits.reserve(spans.size_hint().0.max(32));
                            }
                            spans.extend_into(hits);
                            if merge {
                                merge_runs(hits, mid, &mut scratch, hit_key);
                            }
                        }
                    });
                }
                if !merge {
                    per_doc.iter_mut().for_each(|hits| sort_hits(hits));
                }
            }
            Atom::Phrase {
                words,
                last_is_prefix,
                ..
            } => {
                // Per word of the phrase, per document, the occurrences of any term it accepts.
                let occurrences: Vec<Vec<Vec<Span>>> = words
                    .iter()
                    .enumerate()
                    .map(|(i, w)| {
                        let terms: Vec<u32> = if *last_is_prefix && i + 1 == words.len() {
                            vocab.terms_with_prefix(w).collect()
                        } else {
                            vocab.id(w).into_iter().collect()
                        };
                        let mut by_doc = vec![Vec::new(); self.docs.len()];
                        for &t in &terms {
                            for (doc, spans) in self.index.occurrences(t) {
                                by_doc[doc as usize].extend(spans);
                            }
                        }
                        if terms.len() > 1 {
                            by_doc
                                .iter_mut()
                                .for_each(|spans| sort_by_u64(spans, Span::sort_key));
                        }
                        by_doc
                    })
                    .collect();
                for (doc, firsts) in occurrences[0].iter().enumerate() {
                    let document = &self.docs[doc];
                    for &first in firsts {
                        let mut end = first;
                        let follows = occurrences[1..].iter().all(|word| {
                            let spans = &word[doc];
                            let next = spans.partition_point(|s| s.start < end.end);
                            match spans.get(next) {
                                Some(&s) if adjacent(document, first, end, s) => {
                                    end = s;
                                    true
                                }
                                _ => false,
                            }
                        });
                        if follows {
                            per_doc[doc].push(Hit {
                                span: Span {
                                    start: first.start,
                                    end: end.end,
                                },
                            });
                        }
                    }
                }
            }
            Atom::Near { words, within, .. } => {
                self.near_hits(words, *within, &mut per_doc);
            }
            Atom::Entity {
                kinds,
                words,
                exact,
                ..
            } => {
                for key in self.select_entity_keys(kinds, words, *exact) {
                    for &(doc, i) in &key.members {
                        let entity = &self.entities(doc as usize)[i as usize];
                        per_doc[doc as usize]
                            .extend(entity.mentions.iter().map(|&span| Hit { span }));
                    }
                }
                per_doc.iter_mut().for_each(|hits| sort_hits(hits));
            }
        }
        per_doc
    }

    /// The terms a query word matches: those of its stem and itself, or those it begins.
    fn word_terms(&self, term: &str, prefix: bool) -> Vec<u32> {
        let vocab = &self.index.vocab;
        let mut terms: Vec<u32> = if prefix {
            vocab.terms_with_prefix(term).collect()
        } else {
            let mut t: Vec<u32> = vocab.terms_with_stem(&stem(term)).to_vec();
            t.extend(vocab.id(term));
            t
        };
        sort_by_u64(&mut terms, |&t| u64::from(t));
        terms.dedup();
        terms
    }

    /// The hits of a proximity search: each occurrence of a word that has every other word
    /// within `within` tokens in its region (counted on the token streams, as the collocates'
    /// windows are).
    fn near_hits(&self, words: &[(String, bool)], within: u32, per_doc: &mut [Vec<Hit>]) {
        let streams = self.tokens();
        // Per word, per document: (token index, span) of each occurrence, in text order.
        let mut occurrences: Vec<Vec<Vec<(u32, Span)>>> = Vec::with_capacity(words.len());
        for (word, prefix) in words {
            let mut by_doc: Vec<Vec<(u32, Span)>> = vec![Vec::new(); self.docs.len()];
            let terms = self.word_terms(word, *prefix);
            for &t in &terms {
                self.index.visit_documents(t, |doc, spans| {
                    let (Some(list), Some(tokens)) =
                        (by_doc.get_mut(doc as usize), streams.docs.get(doc as usize))
                    else {
                        return;
                    };
                    list.extend(
                        spans.map(|s| (tokens.starts.partition_point(|&x| x < s.start) as u32, s)),
                    );
                });
            }
            if terms.len() > 1 {
                by_doc
                    .iter_mut()
                    .for_each(|list| sort_by_u64(list, |&(i, _)| u64::from(i)));
            }
            occurrences.push(by_doc);
        }
        for (doc, hits) in per_doc.iter_mut().enumerate() {
            if occurrences.iter().any(|w| w[doc].is_empty()) {
                continue;
            }
            let tokens = &streams.docs[doc];
            for (k, word) in occurrences.iter().enumerate() {
                for &(at, span) in &word[doc] {
                    let region = tokens.region_of(at as usize);
                    let lo = (at.saturating_sub(within) as usize).max(region.start) as u32;
                    let hi =
                        (at as usize + within as usize).min(region.end.saturating_sub(1)) as u32;
                    let near_all = occurrences.iter().enumerate().all(|(j, other)| {
                        if j == k {
                            return true;
                        }
                        let list = &other[doc];
                        let from = list.partition_point(|&(i, _)| i < lo);
                        list[from..]
                            .iter()
                            .take_while(|&&(i, _)| i <= hi)
                            .any(|&(i, _)| i != at)
                    });
                    if near_all {
                        hits.push(Hit { span });
                    }
                }
            }
            sort_hits(hits);
            hits.dedup();
        }
    }

    /// The entities (across the corpus) that a name filter selects: those with a name or
    /// alias containing these words as whole words; but with `exact` (a quoted value), only
    /// those named exactly so if there are any (`"republic of korea"` selects the Republic of
    /// Korea alone, not also the Democratic People's Republic of Korea).
    pub fn select_entity_keys(
        &self,
        kinds: &[EntityKind],
        words: &[String],
        exact: bool,
    ) -> Vec<&EntityKey> {
        let wanted = words.join(" ");
        let candidates = self
            .entity_keys()
            .iter()
            .filter(|k| kinds.contains(&k.kind));
        if exact {
            let named: Vec<&EntityKey> = candidates
                .clone()
                .filter(|k| k.names.contains(&wanted))
                .collect();
            if !named.is_empty() {
                return named;
            }
        }
        candidates
            .filter(|k| k.names.iter().any(|n| contains_words(n, &wanted)))
            .collect()
    }

    /// A keyword-in-context line for a hit, with up to `window` words each side, never
    /// leaving the hit's region (its paragraph or the title).
    pub fn kwic(&self, doc: usize, hit: &Hit, window: usize) -> Kwic {
        let document = &self.docs[doc];
        let text = document.text.as_str();
        let region = region_of(document, hit.span.start).unwrap_or(hit.span);
        // Look at a bounded stretch either side: a window of words is rarely longer than
        // this, and a megabyte-long paragraph must not be segmented for one line.
        let reach = 24 * window.max(1) + 64;
        let lo = floor_boundary(
            text,
            (hit.span.start as usize)
                .saturating_sub(reach)
                .max(region.start as usize),
        );
        let hi = ceil_boundary(
            text,
            (hit.span.end as usize + reach).min(region.end as usize),
        );
        let mut before: Vec<Span> = words(text, Span::new_unchecked(lo, hit.span.start as usize))
            .map(|w| w.span)
            .collect();
        if lo > region.start as usize && !before.is_empty() {
            before.remove(0); // may be cut at `lo`
        }
        let mut after: Vec<Span> = words(text, Span::new_unchecked(hit.span.end as usize, hi))
            .map(|w| w.span)
            .collect();
        if hi < region.end as usize {
            after.pop(); // may be cut at `hi`
        }
        let left_start = before
            .len()
            .checked_sub(window)
            .map_or(before.first(), |i| before.get(i))
            .map_or(hit.span.start, |s| s.start);
        let right_end = after
            .get(window.min(after.len()).wrapping_sub(1))
            .map_or(hit.span.end, |s| s.end);
        let has_word = |from: u32, to: u32| {
            text.get(from as usize..to as usize)
                .is_some_and(|t| t.chars().any(char::is_alphanumeric))
        };
        Kwic {
            left: Span {
                start: left_start,
                end: hit.span.start,
            },
            hit: hit.span,
            right: Span {
                start: hit.span.end,
                end: right_end,
            },
            more_left: has_word(region.start, left_start),
            more_right: has_word(right_end, region.end),
        }
    }

    /// The corpus term nearest to a word that was not found, if one is close enough: within
    /// one edit for short words, two for longer ones; the most frequent wins.
    pub fn suggest(&self, term: &str) -> Option<String> {
        let term = fold(term);
        let n = term.chars().count();
        let first = term.chars().next()?;
        if n < 3 {
            return None;
        }
        let max_edits = if n <= 5 { 1 } else { 2 };
        let vocab = &self.index.vocab;
        // Misspellings rarely change the first letter: only terms sharing it are compared
        // (a contiguous range of the sorted vocabulary), so this stays fast on a large corpus.
        let mut first_buf = [0u8; 4];
        let first = first.encode_utf8(&mut first_buf);
        let mut best: Option<(usize, std::cmp::Reverse<u32>, u32)> = None;
        for t in vocab.terms_with_prefix(first) {
            if vocab.is_number(t) {
                continue;
            }
            let form = vocab.form(t);
            if form.chars().count().abs_diff(n) > max_edits {
                continue;
            }
            let d = edit_distance(&term, form, max_edits);
            // Closest first, then the term found in the most documents.
            let key = (d, std::cmp::Reverse(self.index.doc_frequency(t)), t);
            if d <= max_edits && best.is_none_or(|b| key < b) {
                best = Some(key);
            }
        }
        best.filter(|(d, _, _)| *d > 0)
            .map(|(_, _, t)| vocab.form(t).to_string())
    }
}

/// The region (title or paragraph) holding byte offset `at`.
fn region_of(doc: &Document, at: u32) -> Option<Span> {
    if let Some(title) = doc.meta.title_span.filter(|t| t.start <= at && at < t.end) {
        return Some(title);
    }
    let i = doc.paragraphs.partition_point(|p| p.end <= at);
    doc.paragraphs.get(i).copied().filter(|p| p.start <= at)
}

/// Whether `next` directly follows `prev` in a phrase: nothing but spaces and punctuation
/// between them, and both in the region where the phrase began.
fn adjacent(doc: &Document, phrase_start: Span, prev: Span, next: Span) -> bool {
    let gap = doc.text.get(prev.end as usize..next.start as usize);
    gap.is_some_and(|g| !g.chars().any(char::is_alphanumeric))
        && region_of(doc, phrase_start.start).is_some_and(|r| r.contains(next))
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// Whether `phrase` occurs in `name` at word boundaries (both are space-separated words).
fn contains_words(name: &str, phrase: &str) -> bool {
    name.match_indices(phrase).any(|(at, _)| {
        let end = at + phrase.len();
        (at == 0 || name.as_bytes()[at - 1] == b' ')
            && (end == name.len() || name.as_bytes()[end] == b' ')
    })
}

/// Hits in position order (start, then end); one function, so the sort and the merge that
/// take it are compiled once.
fn hit_key(hit: &Hit) -> u64 {
    hit.span.sort_key()
}

/// Sorts hits by position.
fn sort_hits(hits: &mut [Hit]) {
    sort_by_u64(hits, hit_key);
}

/// Merges hits (in order) that overlap, so highlights never overlap.
fn merge_overlaps(hits: &mut Vec<Hit>) {
    hits.dedup_by(|next, kept| {
        let overlaps = next.span.start < kept.span.end;
        if overlaps {
            kept.span.end = kept.span.end.max(next.span.end);
        }
        overlaps
    });
}

/// Levenshtein distance, giving up (returning `limit + 1`) once it must exceed `limit`.
fn edit_distance(a: &str, b: &str, limit: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            row_min = row_min.min(cur[j]);
        }
        if row_min > limit {
            return limit + 1;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(all(test, feature = "extract"))]
mod tests {
    use super::*;
    use crate::query::parse;

    const DOC_A: &str = "Alliance news\n\nNATO’s new security alliance threatens the Asia-Pacific region. The Republic of Korea (ROK) joined.\n\nIn Zürich, the ROK envoy said the alliance was threatened; security alliances grow. Asia Pacific states watch.";
    const DOC_B: &str = "Weather\n\nRain in Zurich. No alliance here, only rain and more rain.";

    fn corpus() -> Corpus {
        let docs = vec![
            Document::parse("a.txt", DOC_A),
            Document::parse("b.txt", DOC_B),
        ];
        let mut corpus = Corpus::build(docs);
        // Entities are set by hand so these tests do not depend on the extractor.
        let text = &corpus.docs[0].text;
        let span_of = |needle: &str, nth: usize| {
            let start = text.match_indices(needle).nth(nth).unwrap().0;
            Span::checked(text, start, start + needle.len()).unwrap()
        };
        corpus.set_entities(
            0,
            vec![
                Entity {
                    kind: EntityKind::Gpe,
                    canonical: "Republic of Korea".into(),
                    aliases: vec!["ROK".into()],
                    mentions: vec![
                        span_of("Republic of Korea", 0),
                        span_of("ROK", 0),
                        span_of("ROK", 1),
                    ],
                },
                Entity {
                    kind: EntityKind::Loc,
                    canonical: "Asia Pacific".into(),
                    aliases: vec![],
                    mentions: vec![span_of("Asia Pacific", 0)],
                },
            ],
        );
        corpus.set_entities(1, vec![]);
        corpus
    }

    use crate::entities::Entity;

    /// Runs `query` and returns, per document id, the text of every hit.
    fn check(query: &str, expected: &[(usize, &[&str])]) {
        let corpus = corpus();
        let result = corpus.search(&parse(query));
        let mut got: Vec<(usize, Vec<&str>)> = result
            .docs
            .iter()
            .map(|d| {
                (
                    d.doc,
                    d.hits
                        .iter()
                        .map(|h| h.span.of(&corpus.docs[d.doc].text))
                        .collect(),
                )
            })
            .collect();
        got.sort();
        let expected: Vec<(usize, Vec<&str>)> =
            expected.iter().map(|(d, h)| (*d, h.to_vec())).collect();
        assert_eq!(got, expected, "query {query:?}");
        assert_eq!(
            result.total_hits,
            expected.iter().map(|(_, h)| h.len()).sum::<usize>()
        );
    }

    #[test]
    fn words_match_by_stem_and_case() {
        check("nato", &[(0, &["NATO’s"])]);
        check("threaten", &[(0, &["threatens", "threatened"])]);
        check(
            "ALLIANCE",
            &[
                (0, &["Alliance", "alliance", "alliance", "alliances"]),
                (1, &["alliance"]),
            ],
        );
    }

    #[test]
    fn all_words_must_match_in_a_document() {
        check(
            "alliance rain",
            &[(1, &["Rain", "alliance", "rain", "rain"])],
        );
        check(
            "alliance security",
            &[(
                0,
                &[
                    "Alliance",
                    "security",
                    "alliance",
                    "alliance",
                    "security",
                    "alliances",
                ],
            )],
        );
    }

    #[test]
    fn diacritics_fold_both_ways() {
        check("zurich", &[(0, &["Zürich"]), (1, &["Zurich"])]);
        check("Zürich", &[(0, &["Zürich"]), (1, &["Zurich"])]);
    }

    #[test]
    fn phrases_highlight_as_one_hit() {
        check("\"security alliance\"", &[(0, &["security alliance"])]);
        check("\"republic of korea\"", &[(0, &["Republic of Korea"])]);
        check(
            "\"alliance threatens the\"",
            &[(0, &["alliance threatens the"])],
        );
        // A phrase never crosses a paragraph: "joined" ends one, "In" starts the next.
        check("\"joined in\"", &[]);
    }

    #[test]
    fn proximity_searches_find_words_near_each_other() {
        // NATO’s(0) new security alliance threatens(4) … "alliance" at 3 and "threatens" at 4.
        check("\"nato alliance\"~3", &[(0, &["NATO’s", "alliance"])]);
        // Within 2, "NATO’s" is 3 words from "alliance": nothing.
        check("\"nato alliance\"~2", &[]);
        // Either order, any form of each word (by stem): "alliance threatens" and "alliance
        // was threatened; security alliances"; never across a paragraph.
        check(
            "\"threaten alliance\"~2",
            &[(
                0,
                &[
                    "alliance",
                    "threatens",
                    "alliance",
                    "threatened",
                    "alliances",
                ],
            )],
        );
        // Prefixes; three words, each with the other two within 2 of it.
        check(
            "\"secur* allian*\"~1",
            &[(0, &["security", "alliance", "security", "alliances"])],
        );
        check("\"rok envoy said\"~2", &[(0, &["ROK", "envoy", "said"])]);
        // The same word twice needs two occurrences: "rain and more rain" (the first "Rain"
        // is 7 words before the next).
        check("\"rain rain\"~3", &[(1, &["rain", "rain"])]);
        check("\"envoy envoy\"~9", &[]);
        // Not found: the usual answer.
        let corpus = corpus();
        assert_eq!(
            corpus.search(&parse("\"nato zebra\"~5")).no_hits,
            Some(NoHits::NotFound {
                missing: vec!["\"nato zebra\"~5".into()],
                suggestion: None
            })
        );
    }

    #[test]
    fn hyphenated_words_are_found_whole_and_by_part() {
        check("asia-pacific", &[(0, &["Asia-Pacific", "Asia Pacific"])]);
        check(
            "asia pacific",
            &[(0, &["Asia", "Pacific", "Asia", "Pacific"])],
        );
        check("pacific", &[(0, &["Pacific", "Pacific"])]);
    }

    #[test]
    fn prefix_exclusion_and_or() {
        check("secur*", &[(0, &["security", "security"])]);
        check(
            "alliance -rain",
            &[(0, &["Alliance", "alliance", "alliance", "alliances"])],
        );
        check(
            "envoy OR rain",
            &[(0, &["envoy"]), (1, &["Rain", "rain", "rain"])],
        );
    }

    #[test]
    fn entity_filters_find_every_alias() {
        check("place:korea", &[(0, &["Republic of Korea", "ROK", "ROK"])]);
        check("place:rok", &[(0, &["Republic of Korea", "ROK", "ROK"])]);
        check(
            "place:\"republic of korea\"",
            &[(0, &["Republic of Korea", "ROK", "ROK"])],
        );
        check("person:korea", &[]);
        check("place:pacific", &[(0, &["Asia Pacific"])]);
        check(
            "place:korea OR place:asia",
            &[(0, &["Republic of Korea", "ROK", "ROK", "Asia Pacific"])],
        );
        // Quoted, a name selects just the entity named so, if one is; unquoted, any containing it.
        check("place:\"asia pacific\"", &[(0, &["Asia Pacific"])]);
        check("place:\"pacific\"", &[(0, &["Asia Pacific"])]);
    }

    #[test]
    fn a_prefix_of_many_terms_lists_its_hits_in_text_order() {
        // More terms than are merged one by one (the terms get ids in order of first sight,
        // so the text's order is not theirs): they are sorted once.
        let words: Vec<String> = (0..MERGE_TERMS + 4)
            .map(|i| format!("w{}", (b'a' + i as u8) as char))
            .collect();
        let text: String = words
            .iter()
            .chain(words.iter().rev())
            .map(|w| format!("{w} "))
            .collect();
        let corpus = Corpus::build(vec![Document::parse("x.txt", &format!("T\n\n{text}"))]);
        for query in ["w*", "wa OR wb OR wc OR wd"] {
            let result = corpus.search(&parse(query));
            let starts: Vec<u32> = result.docs[0].hits.iter().map(|h| h.span.start).collect();
            assert!(
                starts.windows(2).all(|w| w[0] < w[1]),
                "{query}: {starts:?}"
            );
        }
        assert_eq!(corpus.search(&parse("w*")).total_hits, 2 * words.len());
    }

    #[test]
    fn overlapping_hits_merge() {
        check(
            "\"asia pacific\" pacific",
            &[(0, &["Asia-Pacific", "Asia Pacific"])],
        );
        check(
            "place:korea \"republic of\"",
            &[(0, &["Republic of Korea", "ROK", "ROK"])],
        );
    }

    #[test]
    fn documents_rank_by_bm25() {
        let corpus = corpus();
        let result = corpus.search(&parse("rain OR alliance"));
        let order: Vec<usize> = result.docs.iter().map(|d| d.doc).collect();
        assert_eq!(order, [1, 0], "the short document about rain ranks first");
        assert!(result.docs[0].score > result.docs[1].score);
    }

    #[test]
    fn empty_results_say_why() {
        let corpus = corpus();
        let reason = |q: &str| corpus.search(&parse(q)).no_hits;
        assert_eq!(reason(""), Some(NoHits::EmptyQuery));
        assert_eq!(reason("!!!"), Some(NoHits::NothingToSearch));
        assert_eq!(reason("-rain"), Some(NoHits::OnlyExclusions));
        assert_eq!(reason("envoy rain"), Some(NoHits::NoDocumentHasAll));
        assert_eq!(
            reason("allaince"),
            Some(NoHits::NotFound {
                missing: vec!["allaince".into()],
                suggestion: Some("alliance".into())
            })
        );
        assert_eq!(reason("nato"), None);
    }

    #[test]
    fn kwic_windows_cut_at_words_and_paragraphs() {
        let corpus = corpus();
        let text = &corpus.docs[0].text;
        let result = corpus.search(&parse("envoy"));
        let hit = result.docs[0].hits[0];
        let line = corpus.kwic(0, &hit, 3);
        assert_eq!(line.left.of(text), "Zürich, the ROK ");
        assert_eq!(line.hit.of(text), "envoy");
        assert_eq!(line.right.of(text), " said the alliance");
        assert!(line.more_left && line.more_right);
        // At a paragraph's start the window stops at the paragraph.
        let hit = corpus.search(&parse("nato")).docs[0].hits[0];
        let line = corpus.kwic(0, &hit, 5);
        assert_eq!(line.left.of(text), "");
        assert!(!line.more_left);
        assert_eq!(line.right.of(text), " new security alliance threatens the");
    }

    #[test]
    fn odd_queries_never_panic() {
        let corpus = corpus();
        for q in [
            "\"",
            "\"\"",
            "-",
            "--x",
            "*",
            "**",
            "OR",
            "a OR",
            "OR b",
            "person:",
            "place:\"",
            "\u{0}\u{7f}",
            "🎉🎉",
            "שלום עולם",
            "e\u{301}\u{301}",
            &"\"a ".repeat(500),
        ] {
            let _ = corpus.search(&parse(q));
        }
    }
}
