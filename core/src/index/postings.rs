//! Every term's occurrences, encoded compactly at build time and decoded in place per query:
//! varints read four bytes at a time and, where a document has many occurrences of a term,
//! gaps of one fixed width decoded in one tight loop per width.

use crate::span::Span;

/// Appends `n` as a LEB128 varint.
pub fn put_varint(out: &mut Vec<u8>, mut n: u32) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// Reads a LEB128 varint at `*at`, advancing it; 0 past the end (the build wrote these bytes,
/// so a short read means a broken build, not bad input).
#[inline]
pub fn get_varint(bytes: &[u8], at: &mut usize) -> u32 {
    // Four bytes at once: a varint's length varies unpredictably from one to the next, and a
    // mispredicted branch per byte was most of the time spent decoding occurrences.
    if let Some(&[b0, b1, b2, b3]) = bytes.get(*at..at.wrapping_add(4)) {
        let word = u32::from_le_bytes([b0, b1, b2, b3]);
        // A clear high bit marks a varint's last byte.
        let ends = !word & 0x8080_8080;
        if ends != 0 {
            let n_bytes = ends.trailing_zeros() / 8 + 1;
            *at += n_bytes as usize;
            let x = word & 0x7f7f_7f7f;
            let n =
                (x & 0x7f) | ((x >> 1) & 0x3f80) | ((x >> 2) & 0x1f_c000) | ((x >> 3) & 0xfe0_0000);
            return n & (u32::MAX >> (32 - 7 * n_bytes));
        }
    }
    // Near the end of the bytes, or five bytes long: one byte at a time.
    let mut n: u32 = 0;
    let mut shift = 0;
    while let Some(&b) = bytes.get(*at) {
        *at += 1;
        n |= u32::from(b & 0x7f).wrapping_shl(shift);
        if b < 0x80 {
            break;
        }
        shift += 7;
    }
    n
}

/// The occurrences of one term in one document, decoded as they are read (see
/// [`Index::visit_documents`]).
pub struct DocOccurrences<'a> {
    bytes: &'a [u8],
    /// The next occurrence's bytes.
    at: usize,
    left: u32,
    start: u32,
    usual_len: u32,
    /// 0: each occurrence is a varint; 1–3: each is a gap of this many bytes, and the
    /// occurrences of another length are listed after them.
    width: u8,
    /// Packed: occurrences read so far; the index and length of the next one of another
    /// length (`u32::MAX` when there is none); where the rest of that list is, and how many
    /// are left in it.
    read: u32,
    odd_index: u32,
    odd_len: u32,
    odd_at: usize,
    odd_left: u32,
}

/// A gap of a packed list: one to three bytes, little-endian.
#[inline(always)]
fn fixed_gap(bytes: &[u8]) -> u32 {
    match *bytes {
        [b0] => u32::from(b0),
        [b0, b1] => u32::from(u16::from_le_bytes([b0, b1])),
        [b0, b1, b2, ..] => u32::from_le_bytes([b0, b1, b2, 0]),
        [] => 0,
    }
}

/// Appends the spans of a packed list's gaps, `W` bytes each.
#[inline(always)]
fn extend_packed<const W: usize, T: From<Span>>(
    gaps: &[u8],
    start: &mut u32,
    len: u32,
    out: &mut Vec<T>,
) {
    out.extend(gaps.chunks_exact(W).map(|g| {
        *start = start.wrapping_add(fixed_gap(g));
        T::from(Span {
            start: *start,
            end: start.wrapping_add(len),
        })
    }));
}

impl<'a> DocOccurrences<'a> {
    /// The occurrences of a document's entry whose head (count and width) has been read:
    /// `at` is where its occurrences start.
    fn new(bytes: &'a [u8], at: usize, head: u32, usual_len: u32) -> DocOccurrences<'a> {
        let left = head >> 2;
        let width = (head & 3) as u8;
        let mut spans = DocOccurrences {
            bytes,
            at,
            left,
            start: 0,
            usual_len,
            width,
            read: 0,
            odd_index: u32::MAX,
            odd_len: 0,
            odd_at: 0,
            odd_left: 0,
        };
        if width > 0 {
            // The list of other lengths follows the gaps.
            let mut odd_at = at.saturating_add(left as usize * usize::from(width));
            spans.odd_left = get_varint(bytes, &mut odd_at);
            spans.odd_at = odd_at;
            spans.odd_index = 0;
            spans.next_odd();
        }
        spans
    }

    /// Reads the next entry of the list of other lengths (packed form).
    fn next_odd(&mut self) {
        if self.odd_left == 0 {
            self.odd_index = u32::MAX;
            return;
        }
        self.odd_left -= 1;
        // Indices are written as gaps from the previous one (the first from 0).
        self.odd_index = self
            .odd_index
            .wrapping_add(get_varint(self.bytes, &mut self.odd_at));
        self.odd_len = get_varint(self.bytes, &mut self.odd_at);
    }

    /// Appends the occurrences left, the same as `out.extend(self.map(T::from))`, but a
    /// packed list is decoded in one tight loop: fixed-width gaps do not make each read
    /// wait for the length of the one before, as varints do, which is what makes a very
    /// frequent term (`the`) fast.
    pub fn extend_into<T: From<Span> + AsMut<Span>>(&mut self, out: &mut Vec<T>) {
        let width = usize::from(self.width);
        let n = self.left as usize;
        let gaps = match self.bytes.get(self.at..self.at.saturating_add(n * width)) {
            Some(gaps) if width > 0 => gaps,
            // Varints (or a broken entry, read as far as it goes).
            _ => return out.extend(self.by_ref().map(T::from)),
        };
        let (first, read, usual_len) = (out.len(), self.read, self.usual_len);
        let mut start = self.start;
        // One loop per width, so each reads its gaps without asking their length.
        match width {
            1 => extend_packed::<1, T>(gaps, &mut start, usual_len, out),
            2 => extend_packed::<2, T>(gaps, &mut start, usual_len, out),
            _ => extend_packed::<3, T>(gaps, &mut start, usual_len, out),
        }
        // Then the few of another length.
        while let Some(item) = self
            .odd_index
            .checked_sub(read)
            .filter(|&i| (i as usize) < n)
            .and_then(|i| out.get_mut(first + i as usize))
        {
            let span = item.as_mut();
            span.end = span.start.wrapping_add(self.odd_len);
            self.next_odd();
        }
        self.start = start;
        self.read += self.left;
        self.at += n * width;
        self.left = 0;
    }

    /// Skips whatever is left and returns where the entry ends.
    fn finish(mut self) -> usize {
        if self.width == 0 {
            for _ in 0..self.left {
                if get_varint(self.bytes, &mut self.at) & 1 == 1 {
                    get_varint(self.bytes, &mut self.at);
                }
            }
            return self.at;
        }
        while self.odd_left > 0 {
            self.next_odd();
        }
        self.odd_at
    }
}

impl Iterator for DocOccurrences<'_> {
    type Item = Span;

    #[inline(always)]
    fn next(&mut self) -> Option<Span> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        let (gap, other_len) = if self.width == 0 {
            let word = get_varint(self.bytes, &mut self.at);
            (word >> 1, word & 1 == 1)
        } else {
            let to = self.at.saturating_add(usize::from(self.width));
            let gap = fixed_gap(self.bytes.get(self.at..to).unwrap_or_default());
            self.at = to;
            (gap, self.read == self.odd_index)
        };
        self.read += 1;
        self.start = self.start.wrapping_add(gap);
        let len = match (other_len, self.width) {
            (false, _) => self.usual_len,
            (true, 0) => get_varint(self.bytes, &mut self.at),
            (true, _) => {
                let len = self.odd_len;
                self.next_odd();
                len
            }
        };
        Some(Span {
            start: self.start,
            end: self.start.wrapping_add(len),
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        // Each occurrence takes at least a byte: a count the bytes cannot hold is not believed
        // for the lower bound, which callers reserve (the build wrote these bytes, but a
        // broken count must not allocate gigabytes).
        let left = self.left as usize;
        (
            left.min(self.bytes.len().saturating_sub(self.at)),
            Some(left),
        )
    }
}

/// Decodes one term's occurrences as [`encode_postings`] wrote them (see
/// [`Index::visit_documents`]).
pub(super) fn visit_encoded(
    bytes: &[u8],
    usual_len: u32,
    mut f: impl FnMut(u32, &mut DocOccurrences<'_>),
) {
    let mut at = 0;
    let n_docs = get_varint(bytes, &mut at);
    let mut doc = 0u32;
    for _ in 0..n_docs {
        doc = doc.wrapping_add(get_varint(bytes, &mut at));
        let head = get_varint(bytes, &mut at);
        let mut spans = DocOccurrences::new(bytes, at, head, usual_len);
        f(doc, &mut spans);
        at = spans.finish();
    }
}

/// The fewest occurrences in a document for which fixed-width gaps are considered.
const PACK_MIN: usize = 8;

/// Writes one term's occurrences, `(doc, span)` sorted by document then position.
pub(super) fn encode_postings(list: &[(u32, Span)], usual_len: u32, out: &mut Vec<u8>) {
    let mut groups: Vec<(u32, &[(u32, Span)])> = Vec::new();
    let mut i = 0;
    while i < list.len() {
        let doc = list[i].0;
        let n = list[i..].iter().take_while(|(d, _)| *d == doc).count();
        groups.push((doc, &list[i..i + n]));
        i += n;
    }
    put_varint(out, groups.len() as u32);
    let mut prev_doc = 0;
    let mut varints = Vec::new();
    let mut packed = Vec::new();
    for (doc, occurrences) in groups {
        put_varint(out, doc - prev_doc);
        prev_doc = doc;
        let count = occurrences.len() as u32;
        // Each occurrence as varints: the gap from the previous start shifted left by one,
        // its low bit set when the length is not the term form's (most are), and then that
        // length.
        varints.clear();
        put_varint(&mut varints, count << 2);
        let mut prev_start = 0;
        let mut max_gap = 0;
        for (_, span) in occurrences {
            let len = span.end - span.start;
            let other_len = u32::from(len != usual_len);
            let gap = span.start - prev_start;
            max_gap = max_gap.max(gap);
            put_varint(&mut varints, (gap << 1) | other_len);
            if other_len == 1 {
                put_varint(&mut varints, len);
            }
            prev_start = span.start;
        }
        // Or packed: every gap in the same number of bytes, then the occurrences of another
        // length. Faster to read; used when the document has many occurrences and it costs
        // little more room.
        let width = (1..=3u32).find(|w| max_gap < 1 << (8 * w));
        match width {
            Some(width) if occurrences.len() >= PACK_MIN => {
                packed.clear();
                put_varint(&mut packed, count << 2 | width);
                let mut prev_start = 0;
                let mut odd = Vec::new();
                for (i, (_, span)) in occurrences.iter().enumerate() {
                    let gap = span.start - prev_start;
                    packed.extend_from_slice(&gap.to_le_bytes()[..width as usize]);
                    prev_start = span.start;
                    if span.end - span.start != usual_len {
                        odd.push((i as u32, span.end - span.start));
                    }
                }
                put_varint(&mut packed, odd.len() as u32);
                let mut prev = 0;
                for (i, len) in odd {
                    put_varint(&mut packed, i - prev);
                    put_varint(&mut packed, len);
                    prev = i;
                }
                if packed.len() * 2 <= varints.len() * 3 {
                    out.extend_from_slice(&packed);
                } else {
                    out.extend_from_slice(&varints);
                }
            }
            _ => out.extend_from_slice(&varints),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_round_trip() {
        let mut out = Vec::new();
        let values = [0, 1, 127, 128, 300, 16_383, 16_384, u32::MAX];
        for v in values {
            put_varint(&mut out, v);
        }
        let mut at = 0;
        let back: Vec<u32> = values.iter().map(|_| get_varint(&out, &mut at)).collect();
        assert_eq!(back, values);
        assert_eq!(get_varint(&out, &mut at), 0, "past the end");
    }

    #[test]
    fn varints_of_every_length_round_trip_anywhere_in_the_bytes() {
        // One to five bytes long, in every order, so each length is read both by the
        // four-bytes-at-once path and near the end of the bytes.
        let lengths = [
            0u32,
            5,
            127,
            128,
            9_999,
            16_383,
            16_384,
            2_097_151,
            2_097_152,
            268_435_455,
            268_435_456,
            u32::MAX,
        ];
        for rotate in 0..lengths.len() {
            let mut values = lengths.to_vec();
            values.rotate_left(rotate);
            values.extend(lengths.iter().rev());
            let mut out = Vec::new();
            for &v in &values {
                put_varint(&mut out, v);
            }
            let mut at = 0;
            let back: Vec<u32> = values.iter().map(|_| get_varint(&out, &mut at)).collect();
            assert_eq!(back, values);
            assert_eq!(at, out.len());
        }
    }

    /// Occurrences of one term: per document, `n` spans `gap` bytes apart (plus `jump` before
    /// the last), every `odd`-th one a byte longer than the term (0: none).
    fn synthetic(docs: &[(u32, u32, u32, u32)], usual_len: u32) -> Vec<(u32, Span)> {
        let mut list = Vec::new();
        for (doc, &(n, gap, jump, odd)) in docs.iter().enumerate() {
            let mut start = 3;
            for i in 0..n {
                if i + 1 == n {
                    start += jump;
                }
                let longer = u32::from(odd > 0 && i % odd == 0);
                list.push((
                    doc as u32,
                    Span {
                        start,
                        end: start + usual_len + longer,
                    },
                ));
                start += gap;
            }
        }
        list
    }

    #[test]
    fn occurrences_round_trip_packed_or_not_however_they_are_read() {
        let usual_len = 3;
        let docs = [
            (1, 10, 0, 0),          // one occurrence: varints
            (30, 200, 0, 7),        // gaps fit a byte
            (30, 40, 0, 0),         // small gaps: as small packed
            (25, 1_000, 0, 1),      // two bytes, every one of another length
            (12, 70_000, 0, 5),     // three bytes
            (9, 5, 20_000_000, 2),  // one gap too long for three bytes: varints
            (40, 30, 2_000_000, 0), // one long gap would make every gap three bytes: varints
            (200, 600, 0, 199),     // another length only last
        ];
        let list = synthetic(&docs, usual_len);
        let mut bytes = Vec::new();
        encode_postings(&list, usual_len, &mut bytes);
        let by_doc = |doc: u32| -> Vec<Span> {
            list.iter()
                .filter(|(d, _)| *d == doc)
                .map(|&(_, s)| s)
                .collect()
        };

        let mut widths = Vec::new();
        visit_encoded(&bytes, usual_len, |doc, spans| {
            widths.push(spans.width);
            assert_eq!(spans.size_hint().1, Some(by_doc(doc).len()));
            assert_eq!(
                spans.collect::<Vec<_>>(),
                by_doc(doc),
                "doc {doc}, iterated"
            );
        });
        assert_eq!(widths, [0, 1, 1, 2, 3, 0, 0, 2], "the encodings chosen");
        // Read in one go, after reading some one by one, or left partly unread: the next
        // document is still read right.
        for k in [0, 1, 5, 29] {
            let mut seen = Vec::new();
            visit_encoded(&bytes, usual_len, |doc, spans| {
                let mut got: Vec<Span> = spans.by_ref().take(k).collect();
                if doc % 2 == 0 {
                    spans.extend_into(&mut got);
                    assert_eq!(got, by_doc(doc), "doc {doc}, {k} read first");
                } else {
                    assert_eq!(got, by_doc(doc)[..k.min(got.len())], "doc {doc}");
                }
                seen.push(doc);
            });
            assert_eq!(seen, (0..docs.len() as u32).collect::<Vec<_>>());
        }
    }
}
