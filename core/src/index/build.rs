//! Building the index: tokenise every region of every document, intern the term forms,
//! sort them into the vocabulary with stems and flags, and encode each term's occurrences.

use super::postings::encode_postings;
use super::tokens::compound_runs;
use super::{Blob, Built, Index, Token, Vocab, COMPOUND, JOINED, NUMBER, REGION_START, STOP};
use crate::document::Document;
use crate::span::Span;
use crate::stopwords::is_stopword;
use crate::text::{stem, term_forms, words};
use std::collections::HashMap;

impl Index {
    /// Tokenises and indexes documents.
    pub fn build(docs: &[Document]) -> Built {
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
        let mut all_tokens: Vec<Vec<Token>> = Vec::with_capacity(docs.len());
        let mut compound = String::new();
        for doc in docs {
            let mut raw: Vec<Token> = Vec::new();
            for region in doc.regions() {
                let mut first = true;
                let region_words: Vec<_> = words(&doc.text, region).collect();
                let texts: Vec<&str> = region_words.iter().map(|w| w.span.of(&doc.text)).collect();
                for (word, form) in region_words.iter().zip(term_forms(&texts)) {
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
            all_tokens.push(raw);
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
            .map(|&old| forms[old as usize].0.as_str())
            .collect();
        let mut stems: Vec<String> = stem_ids.keys().cloned().collect();
        stems.sort_unstable();
        for (i, s) in stems.iter().enumerate() {
            stem_ids.insert(s.clone(), i as u32);
        }
        let mut members: Vec<Vec<u32>> = vec![Vec::new(); stems.len()];
        for (term, s) in term_stems.iter().enumerate() {
            members[stem_ids[s] as usize].push(term as u32);
        }
        vocab.stem_starts.push(0);
        for m in &members {
            vocab.stem_terms.extend(m);
            vocab.stem_starts.push(vocab.stem_terms.len() as u32);
        }
        vocab.stems = stems.iter().map(String::as_str).collect();

        // Renumber the tokens, and gather every term's occurrences, document by document.
        let mut occurrences: Vec<Vec<(u32, Span)>> = vec![Vec::new(); vocab.len()];
        for (doc_idx, tokens) in all_tokens.iter_mut().enumerate() {
            for token in tokens.iter_mut() {
                token.term = new_id[token.term as usize];
                occurrences[token.term as usize].push((doc_idx as u32, token.span));
            }
        }
        let mut postings = Vec::new();
        let mut term_starts = Vec::with_capacity(vocab.len() + 1);
        for (term, list) in occurrences.iter().enumerate() {
            term_starts.push(postings.len() as u32);
            encode_postings(list, vocab.form(term as u32).len() as u32, &mut postings);
        }
        term_starts.push(postings.len() as u32);
        let index = Index {
            vocab,
            doc_lens: all_tokens.iter().map(|t| t.len() as u32).collect(),
            postings: Blob(postings),
            term_starts,
        };
        Built {
            index,
            tokens: all_tokens,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::index::Token;
    use crate::testing::build;

    #[test]
    fn vocabulary_is_sorted_with_stems_and_flags() {
        let (_, built) =
            build(&["Title\n\nThe Asia-Pacific threat threatens; threatened NATO’s 2023 plans."]);
        let v = &built.index.vocab;
        assert!((1..v.len()).all(|i| v.forms.get(i - 1) < v.forms.get(i)));
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
        let (docs, built) = build(&["A title\n\nOne two.\n\nThree"]);
        let tokens = &built.tokens[0];
        let texts: Vec<&str> = tokens.iter().map(|t| t.span.of(&docs[0].text)).collect();
        assert_eq!(texts, ["A", "title", "One", "two", "Three"]);
        let starts: Vec<bool> = tokens.iter().map(Token::starts_region).collect();
        assert_eq!(starts, [true, false, true, false, true]);
        assert_eq!(built.index.doc_lens, [5]);
    }

    #[test]
    fn occurrences_list_spans_per_document() {
        let (docs, built) = build(&["T\n\nred blue Red", "T\n\nblue"]);
        let index = &built.index;
        let red = index.vocab.id("red").unwrap();
        let blue = index.vocab.id("blue").unwrap();
        let texts = |term: u32| -> Vec<(u32, Vec<&str>)> {
            index
                .occurrences(term)
                .into_iter()
                .map(|(d, spans)| {
                    (
                        d,
                        spans.iter().map(|s| s.of(&docs[d as usize].text)).collect(),
                    )
                })
                .collect()
        };
        assert_eq!(texts(red), [(0, vec!["red", "Red"])]);
        assert_eq!(texts(blue), [(0, vec!["blue"]), (1, vec!["blue"])]);
        assert_eq!(index.doc_frequency(blue), 2);
        assert_eq!(index.occurrences(u32::MAX), []);
    }
}
