//! The search index: a shared vocabulary of term forms and, per term, every occurrence as a
//! span of its document. Built once at build time and embedded in a compact encoding that is
//! read in place: a query decodes the occurrences of the terms it needs, nothing else.

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

/// Strings kept as one text and their end offsets: decoding is one allocation, not one
/// per string (the vocabulary of a large corpus has tens of thousands). Embedded as the text
/// and each string's length (one byte for most), the ends rebuilt on decoding.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StrTable {
    text: String,
    ends: Vec<u32>,
}

#[derive(Serialize, Deserialize)]
struct StrTableParts {
    text: String,
    lens: Vec<u32>,
}

impl Serialize for StrTable {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let lens = self.ends.iter().scan(0, |prev, &end| {
            let len = end - *prev;
            *prev = end;
            Some(len)
        });
        StrTableParts {
            text: self.text.clone(),
            lens: lens.collect(),
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for StrTable {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<StrTable, D::Error> {
        let parts = StrTableParts::deserialize(deserializer)?;
        let ends = parts.lens.iter().scan(0u32, |end, &len| {
            *end = end.saturating_add(len);
            Some(*end)
        });
        Ok(StrTable {
            ends: ends.collect(),
            text: parts.text,
        })
    }
}

impl StrTable {
    pub fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.ends.push(self.text.len() as u32);
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// String `i`, or "" if there is none.
    pub fn get(&self, i: usize) -> &str {
        let Some(&end) = self.ends.get(i) else {
            return "";
        };
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        self.text.get(start as usize..end as usize).unwrap_or("")
    }

    /// The number of strings (in a sorted table) that sort before `s`.
    pub fn partition_point(&self, s: &str) -> usize {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.get(mid) < s {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// Where `s` is in a sorted table.
    pub fn find(&self, s: &str) -> Option<usize> {
        let i = self.partition_point(s);
        (i < self.len() && self.get(i) == s).then_some(i)
    }
}

impl<'a> FromIterator<&'a str> for StrTable {
    fn from_iter<I: IntoIterator<Item = &'a str>>(items: I) -> StrTable {
        let mut table = StrTable::default();
        items.into_iter().for_each(|s| table.push(s));
        table
    }
}

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

/// Bytes that serialise as one byte string (postcard writes them as-is), not as a sequence
/// of numbers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Blob(pub Vec<u8>);

impl Serialize for Blob {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(&self.0)
    }
}

impl<'de> Deserialize<'de> for Blob {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Blob, D::Error> {
        struct BlobVisitor;
        impl<'de> serde::de::Visitor<'de> for BlobVisitor {
            type Value = Blob;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("bytes")
            }
            fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<Blob, E> {
                Ok(Blob(v.to_vec()))
            }
            fn visit_byte_buf<E: serde::de::Error>(self, v: Vec<u8>) -> Result<Blob, E> {
                Ok(Blob(v))
            }
        }
        deserializer.deserialize_byte_buf(BlobVisitor)
    }
}

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

/// The whole index.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Index {
    pub vocab: Vocab,
    /// Per document, how many word tokens it has (for ranking).
    pub doc_lens: Vec<u32>,
    /// Every term's occurrences, encoded: for term `t`, the bytes
    /// `postings[term_starts[t]..term_starts[t + 1]]` hold the number of documents, then per
    /// document the gap from the previous document id and a head: the number of occurrences
    /// shifted left by two, and in the low two bits a width (all varints). Width 0: per
    /// occurrence, the gap from the previous occurrence's start shifted left by one, its low
    /// bit set when the occurrence's length differs from the term form's, and then that
    /// length. Width 1–3 ("packed", for documents with many occurrences): per occurrence the
    /// gap alone in that many bytes (little-endian), then the number of occurrences of
    /// another length and, for each, its index (as a gap from the previous one) and length.
    postings: Blob,
    term_starts: Vec<u32>,
}

/// The result of building an index: the index, and the tokens the build's statistics need.
pub struct Built {
    pub index: Index,
    /// Per document, its tokens in text order.
    pub tokens: Vec<Vec<Token>>,
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

    /// Every occurrence of a term: per document (in id order), its spans in text order.
    pub fn occurrences(&self, term: u32) -> Vec<(u32, Vec<Span>)> {
        let mut out: Vec<(u32, Vec<Span>)> = Vec::new();
        self.visit_documents(term, |doc, spans| out.push((doc, spans.collect())));
        out
    }

    /// Calls `f(doc, spans)` for every document a term occurs in, in id order, with its
    /// occurrences there in text order: an iterator that tells its length (`size_hint`), so a
    /// caller can collect them with one allocation. Whatever `f` leaves unread is skipped.
    pub fn visit_documents(&self, term: u32, f: impl FnMut(u32, &mut DocOccurrences<'_>)) {
        let (Some(&from), Some(&to)) = (
            self.term_starts.get(term as usize),
            self.term_starts.get(term as usize + 1),
        ) else {
            return;
        };
        let bytes = self
            .postings
            .0
            .get(from as usize..to as usize)
            .unwrap_or_default();
        visit_encoded(bytes, self.vocab.form(term).len() as u32, f);
    }

    /// How many documents a term occurs in, without decoding its occurrences.
    pub fn doc_frequency(&self, term: u32) -> u32 {
        let from = self.term_starts.get(term as usize).copied().unwrap_or(0) as usize;
        let mut at = 0;
        get_varint(self.postings.0.get(from..).unwrap_or_default(), &mut at)
    }

    /// Bytes taken by the encoded occurrences.
    pub fn postings_bytes(&self) -> usize {
        self.postings.0.len()
    }
}

/// Decodes one term's occurrences as [`encode_postings`] wrote them (see
/// [`Index::visit_documents`]).
fn visit_encoded(bytes: &[u8], usual_len: u32, mut f: impl FnMut(u32, &mut DocOccurrences<'_>)) {
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
fn encode_postings(list: &[(u32, Span)], usual_len: u32, out: &mut Vec<u8>) {
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

    fn build(texts: &[&str]) -> (Vec<Document>, Built) {
        let docs: Vec<Document> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Document::parse(&format!("d{i}.txt"), t))
            .collect();
        let built = Index::build(&docs);
        (docs, built)
    }

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
}
