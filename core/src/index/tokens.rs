//! Word tokens as the build sees them, and the units statistics count (a word, or a
//! hyphenated compound).

use super::Vocab;
use crate::span::Span;

/// A word token of a document, as the build sees it (tokens are not embedded: the page
/// finds words through `Index::occurrences`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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

/// A unit for statistics: a word, or a hyphenated compound of several tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unit {
    pub term: u32,
    /// Tokens `first..last + 1`.
    pub first: u32,
    pub last: u32,
}

/// The statistics units of a document's tokens: hyphenated runs count as one compound.
pub fn units(tokens: &[Token], vocab: &Vocab) -> Vec<Unit> {
    let mut units = Vec::with_capacity(tokens.len());
    let mut runs = compound_runs(tokens.iter().map(|t| t.flags)).peekable();
    let mut form = String::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Some(&(start, end)) = runs.peek() {
            if start == i {
                form.clear();
                for (k, t) in tokens[start..end].iter().enumerate() {
                    if k > 0 {
                        form.push('-');
                    }
                    form.push_str(vocab.form(t.term));
                }
                if let Some(term) = vocab.id(&form) {
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

/// Runs `start..end` (token indices, at least two long) of tokens glued by hyphens.
pub(super) fn compound_runs(
    flags: impl Iterator<Item = u8>,
) -> impl Iterator<Item = (usize, usize)> {
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
    use crate::testing::build;

    #[test]
    fn units_merge_hyphenated_compounds() {
        let (_, built) = build(&["T\n\nThe US-led Asia-Pacific-wide plan"]);
        let vocab = &built.index.vocab;
        let forms: Vec<&str> = units(&built.tokens[0], vocab)
            .iter()
            .map(|u| vocab.form(u.term))
            .collect();
        assert_eq!(forms, ["t", "the", "US-led", "asia-pacific-wide", "plan"]);
    }

    #[test]
    fn a_stopword_in_a_line_of_capitals_is_the_word_not_an_acronym() {
        // "US" among words in ordinary case is the country; "AFTER" and "THE" in a headline
        // in capitals are the words a search for "after" or "the" looks for.
        let (_, built) = build(&[
            "T\n\nThe US economy grew.\n\nSTANDINGS AFTER THE GAMES\n\nWHO said so. IT AND US",
        ]);
        let vocab = &built.index.vocab;
        let forms: Vec<&str> = built.tokens[0].iter().map(|t| vocab.form(t.term)).collect();
        assert_eq!(
            forms,
            [
                "t",
                "the",
                "US",
                "economy",
                "grew",
                "standings",
                "after",
                "the",
                "games",
                "WHO",
                "said",
                "so",
                "it",
                "and",
                "us"
            ]
        );
    }
}
