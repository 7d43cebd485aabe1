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
    mentions.retain(|m| {
        !spans
            .iter()
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
