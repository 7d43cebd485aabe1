//! The vocabulary: every term form in the corpus, sorted, with its stem and flags.

use super::StrTable;
use serde::{Deserialize, Serialize};

/// Term flags.
pub const STOP: u8 = 1;
pub const COMPOUND: u8 = 2;
pub const NUMBER: u8 = 4;

/// Every term form in the corpus, sorted, with its stem and flags. Term ids index these.
/// Compound forms ("asia-pacific") are terms for statistics; search finds them through their
/// parts, so they have no occurrences of their own.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Vocab {
    pub forms: StrTable,
    pub flags: Vec<u8>,
    /// Distinct stems, sorted; the terms of stem `i` are
    /// `stem_terms[stem_starts[i]..stem_starts[i + 1]]`.
    pub stems: StrTable,
    pub stem_starts: Vec<u32>,
    pub stem_terms: Vec<u32>,
}

impl Vocab {
    pub fn len(&self) -> usize {
        self.forms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.forms.is_empty()
    }

    pub fn id(&self, form: &str) -> Option<u32> {
        self.forms.find(form).map(|i| i as u32)
    }

    pub fn form(&self, term: u32) -> &str {
        self.forms.get(term as usize)
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
        let Some(i) = self.stems.find(stem) else {
            return &[];
        };
        let (from, to) = (
            self.stem_starts[i] as usize,
            self.stem_starts[i + 1] as usize,
        );
        self.stem_terms.get(from..to).unwrap_or_default()
    }

    /// The ids of the (non-compound) terms starting with `prefix`.
    pub fn terms_with_prefix<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = u32> + 'a {
        let start = self.forms.partition_point(prefix);
        (start..self.len())
            .take_while(move |&i| self.forms.get(i).starts_with(prefix))
            .map(|i| i as u32)
            .filter(|&t| !self.is_compound(t))
    }
}
