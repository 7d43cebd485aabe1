//! A mention as the passes hand it on: where it is (bytes, region, tokens), its kind, the key
//! under which the mentions of one entity merge, and how sure the rules are of it.

use super::EntityKind;

/// Marks a mention that comes from a header field rather than a region.
pub(crate) const HEADER: usize = usize::MAX;

/// How sure the first pass is about a mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Strength {
    Strong,
    /// A lone capitalised word with no evidence: kept only if it turns out to be the short
    /// form of a person named in full elsewhere, or a defined acronym.
    Pending,
}

/// A mention of a name.
#[derive(Clone, Debug)]
pub(crate) struct Mention {
    /// Byte offsets into the document text.
    pub start: usize,
    pub end: usize,
    /// Index of the region the mention is in, and its token range there.
    pub segment: usize,
    pub tok_start: usize,
    pub tok_end: usize,
    pub kind: EntityKind,
    /// The name under which mentions of one entity are merged (with the kind).
    pub key: String,
    /// The gazetteer's canonical name, if the mention came from a gazetteer.
    pub canonical: Option<&'static str>,
    pub strength: Strength,
}

/// Drops every mention that overlaps one of `spans` (region, first token, end token), for
/// the names found there to take their place.
pub(crate) fn drop_overlapping(mentions: &mut Vec<Mention>, spans: &[(usize, usize, usize)]) {
    if spans.is_empty() {
        return;
    }
    // Sorted, with the longest span, so that each mention looks at the few spans that can
    // reach it (a region may hold thousands of both).
    let mut sorted = spans.to_vec();
    sorted.sort_unstable();
    let longest = sorted.iter().map(|&(_, s, e)| e - s).max().unwrap_or(0);
    mentions.retain(|m| {
        let from =
            sorted.partition_point(|&(g, s, _)| (g, s + longest) <= (m.segment, m.tok_start));
        !sorted[from..]
            .iter()
            .take_while(|&&(g, s, _)| (g, s) < (m.segment, m.tok_end))
            .any(|&(g, s, e)| g == m.segment && s < m.tok_end && m.tok_start < e)
    });
}

/// The merge key for a name as written: folded with case kept (diacritics, apostrophes),
/// whitespace collapsed.
pub(crate) fn normalise_name(surface: &str) -> String {
    let mut out = String::with_capacity(surface.len());
    for word in surface.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        crate::text::fold_keep_case_into(word, &mut out);
    }
    out
}

/// The mentions of a document by region and first token, to find those that overlap a span
/// without a scan of the whole document (a region may hold thousands of names).
pub(crate) struct SpanIndex {
    /// (region, first token, end token, index in the mentions), sorted.
    spans: Vec<(usize, usize, usize, usize)>,
    longest: usize,
}

impl SpanIndex {
    pub(crate) fn of(mentions: &[Mention]) -> SpanIndex {
        let mut spans: Vec<(usize, usize, usize, usize)> = mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| m.segment != HEADER)
            .map(|(k, m)| (m.segment, m.tok_start, m.tok_end, k))
            .collect();
        spans.sort_unstable();
        let longest = spans.iter().map(|&(_, s, e, _)| e - s).max().unwrap_or(0);
        SpanIndex { spans, longest }
    }

    /// The indices of the mentions that overlap tokens `s..e` of region `segment`.
    pub(crate) fn overlapping(
        &self,
        segment: usize,
        s: usize,
        e: usize,
    ) -> impl Iterator<Item = usize> + '_ {
        let from = self
            .spans
            .partition_point(|&(g, start, _, _)| (g, start + self.longest) <= (segment, s));
        self.spans[from..]
            .iter()
            .take_while(move |&&(g, start, _, _)| (g, start) < (segment, e))
            .filter(move |&&(g, start, end, _)| g == segment && start < e && s < end)
            .map(|&(_, _, _, k)| k)
    }
}
