//! The search index: a shared vocabulary of term forms and, per document, its word tokens;
//! per term, where it occurs. Built once at build time, embedded, and read by `search`.

use crate::document::Document;
use crate::span::Span;
use crate::stopwords::is_stopword;
use crate::text::{stem, term_form, words};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Term flags.
pub const STOP: u8 = 1;
pub const COMPOUND: u8 = 2;
pub const NUMBER: u8 = 4;

/// Every term form in the corpus, sorted, with its stem and flags. Term ids index these
/// vectors. Compound forms ("asia-pacific") are terms for statistics; search finds them
/// through their parts, so they have no postings.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Vocab {
    pub forms: Vec<String>,
    pub stem_of: Vec<u32>,
    pub flags: Vec<u8>,
    /// Distinct stems, sorted; `stem_terms[i]` lists the terms whose stem is `stems[i]`.
    pub stems: Vec<String>,
    pub stem_terms: Vec<Vec<u32>>,
}

impl Vocab {
    pub fn len(&self) -> usize {
        self.forms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.forms.is_empty()
    }

    pub fn id(&self, form: &str) -> Option<u32> {
        self.forms
            .binary_search_by(|f| f.as_str().cmp(form))
            .ok()
            .map(|i| i as u32)
    }

    pub fn form(&self, term: u32) -> &str {
        self.forms.get(term as usize).map_or("", String::as_str)
    }

    pub fn is_stop(&self, term: u32) -> bool {
        self.flags.get(term as usize).is_some_and(|f| f & STOP != 0)
    }

    pub fn is_compound(&self, term: u32) -> bool {
        self.flags
            .get(term as usize)
            .is_some_and(|f| f & COMPOUND != 0)
    }

    pub fn is_number(&self, term: u32) -> bool {
        self.flags
            .get(term as usize)
            .is_some_and(|f| f & NUMBER != 0)
    }

    /// The terms sharing a stem, or none.
    pub fn terms_with_stem(&self, stem: &str) -> &[u32] {
        match self.stems.binary_search_by(|s| s.as_str().cmp(stem)) {
            Ok(i) => &self.stem_terms[i],
            Err(_) => &[],
        }
    }

    /// The ids of the (non-compound) terms starting with `prefix`.
    pub fn terms_with_prefix<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = u32> + 'a {
        let start = self.forms.partition_point(|f| f.as_str() < prefix);
        self.forms[start..]
            .iter()
            .take_while(move |f| f.starts_with(prefix))
            .enumerate()
            .map(move |(i, _)| (start + i) as u32)
            .filter(|&t| !self.is_compound(t))
    }
}

/// A word token of a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    pub span: Span,
    pub term: u32,
    /// `JOINED`: a hyphen glues it to the previous token; `REGION_START`: first of its region.
    pub flags: u8,
}

pub const JOINED: u8 = 1;
pub const REGION_START: u8 = 2;

impl Token {
    pub fn joined(&self) -> bool {
        self.flags & JOINED != 0
    }

    pub fn starts_region(&self) -> bool {
        self.flags & REGION_START != 0
    }
}

/// Where one term occurs: per document, the token positions.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Postings {
    pub docs: Vec<(u32, Vec<u32>)>,
}

impl Postings {
    pub fn positions_in(&self, doc: u32) -> &[u32] {
        match self.docs.binary_search_by_key(&doc, |(d, _)| *d) {
            Ok(i) => &self.docs[i].1,
            Err(_) => &[],
        }
    }
}

/// The whole index.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Index {
    pub vocab: Vocab,
    /// Per document, its tokens in text order.
    pub doc_tokens: Vec<Vec<Token>>,
    /// Per term id.
    pub postings: Vec<Postings>,
}

/// A unit for statistics: a word, or a hyphenated compound of several tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unit {
    pub term: u32,
    /// Tokens `first..last + 1`.
    pub first: u32,
    pub last: u32,
}

impl Index {
    /// Tokenises and indexes documents.
    pub fn build(docs: &[Document]) -> Index {
        // First pass: tokenise, interning each distinct form once (ids in order of first
        // sight), and collect the forms of hyphenated compounds.
        let mut interned: HashMap<String, u32> = HashMap::new();
        let mut forms: Vec<(String, u8)> = Vec::new();
        let mut intern = |form: &str, flags: u8, forms: &mut Vec<(String, u8)>| -> u32 {
            if let Some(&id) = interned.get(form) {
                return id;
            }
            let id = forms.len() as u32;
            interned.insert(form.to_string(), id);
            forms.push((form.to_string(), flags));
            id
        };
        let mut raw_docs: Vec<Vec<Token>> = Vec::with_capacity(docs.len());
        let mut compound = String::new();
        for doc in docs {
            let mut raw: Vec<Token> = Vec::new();
            for region in doc.regions() {
                let mut first = true;
                for word in words(&doc.text, region) {
                    let form = term_form(word.span.of(&doc.text));
                    let mut flags = 0;
                    if word.joined && !first {
                        flags |= JOINED;
                    }
                    if first {
                        flags |= REGION_START;
                    }
                    first = false;
                    let term = intern(&form, 0, &mut forms);
                    raw.push(Token {
                        span: word.span,
                        term,
                        flags,
                    });
                }
            }
            for (start, end) in compound_runs(raw.iter().map(|t| t.flags)) {
                compound.clear();
                for (i, t) in raw[start..end].iter().enumerate() {
                    if i > 0 {
                        compound.push('-');
                    }
                    compound.push_str(&forms[t.term as usize].0);
                }
                intern(&compound, COMPOUND, &mut forms);
            }
            raw_docs.push(raw);
        }

        // Sort the vocabulary and renumber: term ids follow the sorted forms.
        let mut order: Vec<u32> = (0..forms.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| forms[a as usize].0.cmp(&forms[b as usize].0));
        let mut new_id = vec![0u32; forms.len()];
        for (rank, &old) in order.iter().enumerate() {
            new_id[old as usize] = rank as u32;
        }
        let mut vocab = Vocab::default();
        let mut stem_ids: HashMap<String, u32> = HashMap::new();
        let mut term_stems: Vec<String> = Vec::with_capacity(forms.len());
        for &old in &order {
            let (form, compound) = &forms[old as usize];
            let mut flags = *compound;
            if is_stopword(form) || (compound & COMPOUND != 0 && form.split('-').all(is_stopword)) {
                flags |= STOP;
            }
            if form.chars().all(|c| !c.is_alphabetic()) {
                flags |= NUMBER;
            }
            let stem = if compound & COMPOUND != 0 {
                form.split('-').map(stem).collect::<Vec<_>>().join("-")
            } else {
                stem(form)
            };
            vocab.flags.push(flags);
            stem_ids.entry(stem.clone()).or_insert(0);
            term_stems.push(stem);
        }
        vocab.forms = order
            .iter()
            .map(|&old| std::mem::take(&mut forms[old as usize].0))
            .collect();
        let mut stems: Vec<String> = stem_ids.keys().cloned().collect();
        stems.sort_unstable();
        for (i, s) in stems.iter().enumerate() {
            stem_ids.insert(s.clone(), i as u32);
        }
        vocab.stem_terms = vec![Vec::new(); stems.len()];
        for (term, s) in term_stems.iter().enumerate() {
            let sid = stem_ids[s];
            vocab.stem_of.push(sid);
            vocab.stem_terms[sid as usize].push(term as u32);
        }
        vocab.stems = stems;

        let mut postings = vec![Postings::default(); vocab.len()];
        let mut doc_tokens = Vec::with_capacity(docs.len());
        for (doc_idx, mut tokens) in raw_docs.into_iter().enumerate() {
            for (pos, token) in tokens.iter_mut().enumerate() {
                token.term = new_id[token.term as usize];
                let list = &mut postings[token.term as usize].docs;
                match list.last_mut() {
                    Some((d, positions)) if *d == doc_idx as u32 => positions.push(pos as u32),
                    _ => list.push((doc_idx as u32, vec![pos as u32])),
                }
            }
            doc_tokens.push(tokens);
        }
        Index {
            vocab,
            doc_tokens,
            postings,
        }
    }

    pub fn tokens(&self, doc: usize) -> &[Token] {
        self.doc_tokens.get(doc).map_or(&[], Vec::as_slice)
    }

    /// The statistics units of a document: hyphenated runs of tokens count as one compound.
    pub fn units(&self, doc: usize) -> Vec<Unit> {
        let tokens = self.tokens(doc);
        let mut units = Vec::with_capacity(tokens.len());
        let mut runs = compound_runs(tokens.iter().map(|t| t.flags)).peekable();
        let mut i = 0;
        while i < tokens.len() {
            if let Some(&(start, end)) = runs.peek() {
                if start == i {
                    let form = tokens[start..end]
                        .iter()
                        .map(|t| self.vocab.form(t.term))
                        .collect::<Vec<_>>()
                        .join("-");
                    if let Some(term) = self.vocab.id(&form) {
                        units.push(Unit {
                            term,
                            first: start as u32,
                            last: end as u32 - 1,
                        });
                    }
                    runs.next();
                    i = end;
                    continue;
                }
            }
            units.push(Unit {
                term: tokens[i].term,
                first: i as u32,
                last: i as u32,
            });
            i += 1;
        }
        units
    }

    /// The token whose span contains or follows byte offset `at`.
    pub fn token_at(&self, doc: usize, at: u32) -> usize {
        self.tokens(doc).partition_point(|t| t.span.end <= at)
    }
}

/// Runs `start..end` (token indices, at least two long) of tokens glued by hyphens.
fn compound_runs(flags: impl Iterator<Item = u8>) -> impl Iterator<Item = (usize, usize)> {
    let mut runs = Vec::new();
    let mut start = 0;
    let mut len = 0;
    for (i, f) in flags.enumerate() {
        if f & JOINED != 0 {
            len += 1;
        } else {
            if len > 1 {
                runs.push((start, start + len));
            }
            start = i;
            len = 1;
        }
    }
    if len > 1 {
        runs.push((start, start + len));
    }
    runs.into_iter()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(texts: &[&str]) -> (Vec<Document>, Index) {
        let docs: Vec<Document> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Document::parse(&format!("d{i}.txt"), t))
            .collect();
        let index = Index::build(&docs);
        (docs, index)
    }

    #[test]
    fn vocabulary_is_sorted_with_stems_and_flags() {
        let (_, index) =
            index(&["Title\n\nThe Asia-Pacific threat threatens; threatened NATO’s 2023 plans."]);
        let v = &index.vocab;
        assert!(v.forms.windows(2).all(|w| w[0] < w[1]));
        let threat = v.terms_with_stem("threaten");
        let forms: Vec<&str> = threat.iter().map(|&t| v.form(t)).collect();
        assert_eq!(forms, ["threatened", "threatens"]);
        assert!(v.is_stop(v.id("the").unwrap()));
        assert!(v.is_compound(v.id("asia-pacific").unwrap()));
        assert!(v.is_number(v.id("2023").unwrap()));
        assert!(v.id("nato").is_some(), "possessive removed");
        let prefixed: Vec<&str> = v.terms_with_prefix("threat").map(|t| v.form(t)).collect();
        assert_eq!(prefixed, ["threat", "threatened", "threatens"]);
    }

    #[test]
    fn tokens_cover_title_and_paragraphs_with_region_starts() {
        let (docs, index) = index(&["A title\n\nOne two.\n\nThree"]);
        let tokens = index.tokens(0);
        let texts: Vec<&str> = tokens.iter().map(|t| t.span.of(&docs[0].text)).collect();
        assert_eq!(texts, ["A", "title", "One", "two", "Three"]);
        let starts: Vec<bool> = tokens.iter().map(Token::starts_region).collect();
        assert_eq!(starts, [true, false, true, false, true]);
    }

    #[test]
    fn postings_list_positions_per_document() {
        let (_, index) = index(&["T\n\nred blue red", "T\n\nblue"]);
        let red = index.vocab.id("red").unwrap();
        let blue = index.vocab.id("blue").unwrap();
        assert_eq!(index.postings[red as usize].docs, [(0, vec![1, 3])]);
        assert_eq!(
            index.postings[blue as usize].docs,
            [(0, vec![2]), (1, vec![1])]
        );
    }

    #[test]
    fn units_merge_hyphenated_compounds() {
        let (_, index) = index(&["T\n\nThe US-led Asia-Pacific-wide plan"]);
        let forms: Vec<&str> = index
            .units(0)
            .iter()
            .map(|u| index.vocab.form(u.term))
            .collect();
        assert_eq!(forms, ["t", "the", "US-led", "asia-pacific-wide", "plan"]);
    }
}
