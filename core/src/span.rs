//! Byte ranges into a document's text, checked on construction.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into a document's text.
///
/// Every span the core hands out lies inside its text and on char boundaries, so slicing
/// with it never panics. Offsets are `u32` to keep the embedded corpus compact; a seed file
/// larger than 4 GiB is refused when the corpus is loaded.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl AsMut<Span> for Span {
    fn as_mut(&mut self) -> &mut Span {
        self
    }
}

impl Span {
    /// A key in the spans' order (by start, then end), for [`crate::order::sort_by_u64`].
    pub fn sort_key(&self) -> u64 {
        u64::from(self.start) << 32 | u64::from(self.end)
    }

    /// A span over `text[start..end]`, or `None` if it is reversed, out of range or splits a char.
    pub fn checked(text: &str, start: usize, end: usize) -> Option<Span> {
        if start <= end
            && end <= text.len()
            && text.is_char_boundary(start)
            && text.is_char_boundary(end)
            && end <= u32::MAX as usize
        {
            Some(Span {
                start: start as u32,
                end: end as u32,
            })
        } else {
            None
        }
    }

    /// Builds a span from offsets the caller has already checked against its text.
    pub(crate) fn new_unchecked(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span {
            start: start as u32,
            end: end as u32,
        }
    }

    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The text this span covers. Returns "" rather than panicking if the span does not fit.
    pub fn of(self, text: &str) -> &str {
        text.get(self.range()).unwrap_or("")
    }

    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Converts byte offsets into char (Unicode scalar value) offsets in `text`.
    pub fn char_offsets(self, text: &str) -> (usize, usize) {
        let start = text[..self.start as usize].chars().count();
        let len = self.of(text).chars().count();
        (start, start + len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checked_refuses_bad_ranges() {
        let text = "Zürich";
        assert!(Span::checked(text, 0, 1).is_some());
        assert!(Span::checked(text, 0, 2).is_none(), "splits ü");
        assert!(Span::checked(text, 3, 2).is_none(), "reversed");
        assert!(Span::checked(text, 0, 99).is_none(), "past the end");
        assert_eq!(Span::checked(text, 1, 3).unwrap().of(text), "ü");
    }

    #[test]
    fn char_offsets_count_scalar_values() {
        let text = "Zürich Genève";
        let span = Span::checked(text, 8, 15).unwrap();
        assert_eq!(span.of(text), "Genève");
        assert_eq!(span.char_offsets(text), (7, 13));
    }
}
