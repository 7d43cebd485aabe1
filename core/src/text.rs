//! Words and their normal forms: UAX #29 word segmentation, folding and stemming.
//!
//! Matching works on normal forms, never on raw text:
//! - the *folded* form is lower-cased, without diacritics ("Zürich" → "zurich"), with
//!   typographic apostrophes, dashes and ligatures replaced by plain ones;
//! - the *term* form is the folded form without a possessive ("NATO’s" → "nato");
//! - the *stem* is the English Snowball stem of the term form ("threatened" → "threaten").

use crate::fold_table::DIACRITIC_FOLDS;
use crate::span::Span;
use unicode_segmentation::UnicodeSegmentation;

/// A word in a text: its span and whether a hyphen glues it to the previous word
/// ("Pacific" in "Asia-Pacific").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word {
    pub span: Span,
    pub joined: bool,
}

/// Hyphens and dashes that glue two words into one compound when nothing else stands between.
fn is_joining_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{2013}')
}

/// The core's one segmentation: every UAX #29 word-boundary segment of `text` (words, runs of
/// spaces, punctuation, emoji) with its byte offset. Search, statistics and entity extraction
/// all start from it.
pub fn segments(text: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    text.split_word_bound_indices()
}

/// The words of `text[region]` by UAX #29 word boundaries, in order. A segment is a word when
/// it holds at least one letter or digit; punctuation, spaces and emoji are not words.
pub fn words(text: &str, region: Span) -> impl Iterator<Item = Word> + '_ {
    let base = region.start as usize;
    let slice = region.of(text);
    let mut prev_end: Option<usize> = None;
    segments(slice)
        .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
        .map(move |(offset, w)| {
            let start = base + offset;
            let end = start + w.len();
            let joined = prev_end.is_some_and(|p| {
                let gap = &text[p..start];
                let mut chars = gap.chars();
                matches!((chars.next(), chars.next()), (Some(h), None) if is_joining_hyphen(h))
            });
            prev_end = Some(end);
            Word {
                span: Span::new_unchecked(start, end),
                joined,
            }
        })
}

/// Appends the folded form of `c` to `out`: lower-cased unless `KEEP_CASE`, which the entity
/// gazetteers use (their keys tell "US" from "us"); the page compiles only the lower-casing
/// instance.
fn fold_char_into<const KEEP_CASE: bool>(c: char, out: &mut String) {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{02BC}' | '\u{2032}' | '`' | '\u{00B4}' => {
            out.push('\'')
        }
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' => out.push('-'),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' => {
            out.push('"')
        }
        '\u{FB00}' => out.push_str("ff"),
        '\u{FB01}' => out.push_str("fi"),
        '\u{FB02}' => out.push_str("fl"),
        '\u{FB03}' => out.push_str("ffi"),
        '\u{FB04}' => out.push_str("ffl"),
        '\u{FB05}' | '\u{FB06}' => out.push_str("st"),
        // Fullwidth ASCII.
        '\u{FF01}'..='\u{FF5E}' => {
            let ascii = char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(c);
            out.push(if KEEP_CASE {
                ascii
            } else {
                ascii.to_ascii_lowercase()
            });
        }
        _ if c.is_ascii() => out.push(if KEEP_CASE { c } else { c.to_ascii_lowercase() }),
        _ if is_combining_mark(c) => {}
        _ => {
            let start = out.len();
            for lower in c.to_lowercase() {
                match lower {
                    'ß' => out.push_str("ss"),
                    'æ' => out.push_str("ae"),
                    'œ' => out.push_str("oe"),
                    'þ' => out.push_str("th"),
                    'ø' => out.push('o'),
                    'đ' | 'ð' => out.push('d'),
                    'ł' => out.push('l'),
                    'ħ' => out.push('h'),
                    'ı' => out.push('i'),
                    _ => match DIACRITIC_FOLDS.binary_search_by_key(&lower, |&(from, _)| from) {
                        Ok(i) => out.push(DIACRITIC_FOLDS[i].1),
                        Err(_) if is_combining_mark(lower) => {}
                        Err(_) => out.push(lower),
                    },
                }
            }
            if KEEP_CASE && c.is_uppercase() {
                let folded = out.split_off(start);
                out.extend(folded.chars().flat_map(char::to_uppercase));
            }
        }
    }
}

/// Combining diacritical marks, which folding drops ("e\u{301}" → "e").
fn is_combining_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// The folded form: lower case, no diacritics, plain apostrophes, hyphens and quotes.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// Appends the folded form of `s` to `out`.
pub fn fold_into(s: &str, out: &mut String) {
    for c in s.chars() {
        fold_char_into::<false>(c, out);
    }
}

/// Appends `s` folded as `fold` does but with its letter case kept ("São" → "Sao", "NATO’s"
/// → "NATO's"): how the entity gazetteers spell their keys, so that a decomposed "Sa\u{303}o"
/// finds what "São" and "Sao" find.
#[cfg(feature = "extract")]
pub fn fold_keep_case_into(s: &str, out: &mut String) {
    if s.bytes().all(|b| b.is_ascii() && b != b'`') {
        out.push_str(s);
        return;
    }
    for c in s.chars() {
        fold_char_into::<true>(c, out);
    }
}

/// The term form of a word: folded, without a trailing possessive ("NATO’s" → "nato",
/// "allies’" → "allies"). A word that would become empty keeps its folded form.
///
/// One exception to case folding: an acronym whose lower-case form is a stopword keeps its
/// capitals, so "US" (the country) and "WHO" (the organisation) are not "us" and "who".
pub fn term_form(word: &str) -> String {
    let mut folded = fold(word);
    let bare = folded.strip_suffix("'s").unwrap_or(&folded);
    if let Some(head) = word.get(..bare.len()) {
        if (2..=5).contains(&head.len())
            && head.bytes().all(|b| b.is_ascii_uppercase())
            && crate::stopwords::is_stopword(bare)
        {
            return head.to_string();
        }
    }
    let cut = if folded.ends_with("'s") && folded.len() > 2 {
        2
    } else if folded.ends_with("s'") && folded.len() > 2 {
        1
    } else {
        0
    };
    folded.truncate(folded.len() - cut);
    folded
}

/// Whether a word is written in capitals: two letters or more, none in lower case ("NATO",
/// "THURSDAY'S").
pub fn is_capitals(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).nth(1).is_some()
        && !word.chars().any(char::is_lowercase)
}

/// The term forms of a region's words, in order: `term_form` of each, except that a word in
/// a run of capitals is no acronym ("BASEBALL STANDINGS AFTER THURSDAY": "AFTER" is "after"),
/// as it is between words in ordinary case ("the US economy").
pub fn term_forms(words: &[&str]) -> Vec<String> {
    words
        .iter()
        .enumerate()
        .map(|(i, word)| {
            let form = term_form(word);
            let in_capitals = || {
                (i > 0 && is_capitals(words[i - 1]))
                    || words.get(i + 1).is_some_and(|w| is_capitals(w))
            };
            if form.chars().any(char::is_uppercase) && in_capitals() {
                form.to_lowercase()
            } else {
                form
            }
        })
        .collect()
}

/// The English Snowball stem of a term form.
pub fn stem(term: &str) -> String {
    thread_local! {
        static STEMMER: rust_stemmers::Stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    }
    // Snowball is defined on lower-case letters; numbers and mixed tokens stem to themselves.
    if !term.chars().any(|c| c.is_lowercase()) {
        return term.to_string();
    }
    STEMMER.with(|s| s.stem(term).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word_texts(text: &str) -> Vec<(&str, bool)> {
        words(text, Span::new_unchecked(0, text.len()))
            .map(|w| (w.span.of(text), w.joined))
            .collect()
    }

    #[test]
    fn words_follow_uax29_and_mark_hyphen_joins() {
        assert_eq!(
            word_texts("NATO’s \"Asia-Pacific\" plan, US-led; 3.5% of 2023-03-03 — done 🎉."),
            [
                ("NATO’s", false),
                ("Asia", false),
                ("Pacific", true),
                ("plan", false),
                ("US", false),
                ("led", true),
                ("3.5", false),
                ("of", false),
                ("2023", false),
                ("03", true),
                ("03", true),
                ("done", false),
            ]
        );
        assert_eq!(word_texts("a - b"), [("a", false), ("b", false)]);
        assert_eq!(
            word_texts("Russia–Ukraine"),
            [("Russia", false), ("Ukraine", true)]
        );
    }

    #[test]
    fn words_in_a_region_have_offsets_into_the_whole_text() {
        let text = "skip this. Zürich wins";
        let region = Span::new_unchecked(11, text.len());
        let found: Vec<&str> = words(text, region).map(|w| w.span.of(text)).collect();
        assert_eq!(found, ["Zürich", "wins"]);
    }

    #[test]
    fn folding() {
        let check = |input: &str, expected: &str| assert_eq!(fold(input), expected, "{input}");
        check("Zürich", "zurich");
        check("São Paulo", "sao paulo");
        check("NATO’s", "nato's");
        check("Asia–Pacific", "asia-pacific");
        check("Straße", "strasse");
        check("Øresund", "oresund");
        check("e\u{301}te\u{301}", "ete");
        check("ﬁnal", "final");
        check("ＮＡＴＯ", "nato");
        check("Ελλάδα", "ελλαδα");
        check("Ёлка", "елка");
        check("İstanbul", "istanbul");
        check("Łódź", "lodz");
        check("שלום", "שלום");
    }

    #[test]
    #[cfg(feature = "extract")]
    fn folding_with_case_kept() {
        let check = |input: &str, expected: &str| {
            let mut out = String::new();
            fold_keep_case_into(input, &mut out);
            assert_eq!(out, expected, "{input}");
        };
        check("Zürich", "Zurich");
        check("Zu\u{308}rich", "Zurich");
        check("Sa\u{303}o Paulo", "Sao Paulo");
        check("ÉCOLE", "ECOLE");
        check("NATO’s", "NATO's");
        check("Asia–Pacific", "Asia-Pacific");
        check("Straße", "Strasse");
        check("Łódź", "Lodz");
        check("ＮＡＴＯ", "NATO");
        check("Ελλάδα", "Ελλαδα");
    }

    #[test]
    fn term_forms_drop_possessives() {
        let check = |input: &str, expected: &str| assert_eq!(term_form(input), expected, "{input}");
        check("NATO’s", "nato");
        check("allies’", "allies");
        check("'s", "'s");
        check("Stoltenberg", "stoltenberg");
        check("US", "US");
        check("US’s", "US");
        check("us", "us");
        check("Us", "us");
        check("WHO", "WHO");
        check("NATO", "nato");
        check("éUS", "eus");
    }

    #[test]
    fn stems() {
        let check = |input: &str, expected: &str| assert_eq!(stem(input), expected, "{input}");
        check("threatens", "threaten");
        check("threatened", "threaten");
        check("threaten", "threaten");
        check("alliances", "allianc");
        check("alliance", "allianc");
        check("2023", "2023");
        check("US", "US");
    }

    /// The checked-in table must equal what Unicode's canonical decompositions give.
    /// To regenerate it: `DIACRITIC_TABLE=write cargo test -p explorer-core fold_table`.
    #[test]
    fn fold_table_matches_unicode_decompositions() {
        use unicode_normalization::char::{decompose_canonical, is_combining_mark};
        let mut expected: Vec<(char, char)> = Vec::new();
        let ranges = [
            0x00C0..0x0250,
            0x0370..0x0400,
            0x0400..0x0530,
            0x1E00..0x2000,
        ];
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            if c.to_lowercase().next() != Some(c) || c.to_lowercase().count() != 1 {
                continue;
            }
            let mut parts = Vec::new();
            decompose_canonical(c, |p| parts.push(p));
            let (base, marks) = parts.split_first().unwrap();
            if !marks.is_empty() && marks.iter().all(|&m| is_combining_mark(m)) && *base != c {
                expected.push((c, *base));
            }
        }
        if std::env::var("DIACRITIC_TABLE").as_deref() == Ok("write") {
            let mut out = String::from("//! Lower-case letters with diacritics and their base letters, from Unicode's\n//! canonical decompositions. Generated by the test `fold_table_matches_unicode_decompositions`.\n\n/// Sorted by the first char, for binary search.\npub static DIACRITIC_FOLDS: &[(char, char)] = &[\n");
            for (from, to) in &expected {
                out.push_str(&format!(
                    "    ('\\u{{{:04X}}}', '\\u{{{:04X}}}'),\n",
                    *from as u32, *to as u32
                ));
            }
            out.push_str("];\n");
            std::fs::write(
                concat!(env!("CARGO_MANIFEST_DIR"), "/src/fold_table.rs"),
                out,
            )
            .unwrap();
        }
        assert_eq!(DIACRITIC_FOLDS, expected.as_slice());
    }
}
