//! Sentences: where each sentence of a document's title and paragraphs starts and ends.
//!
//! Boundaries are UAX #29's (unicode-segmentation), which break after every full stop
//! followed by a capital, so "Mr. Smith" would be two sentences. Two repairs follow: a
//! sentence that ends in a title that stands before a name ("Mr.", "Dr.", "Gen.") or in an
//! initial ("J.") runs on into the next; and [`join_across`] joins sentences that a span
//! known to be one name (an entity mention such as "U.S. Army") crosses. The entity network
//! counts co-occurrences in these sentences.

use crate::document::Document;
use crate::span::Span;
use unicode_segmentation::UnicodeSegmentation;

/// Abbreviated titles that stand before a name and so do not end a sentence. English, as
/// the stopwords and stemmer are; compared case-sensitively, without the full stop.
const TITLES: [&str; 24] = [
    "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "St", "Sr", "Jr", "Gen", "Lt", "Col", "Maj", "Capt",
    "Sgt", "Cpl", "Adm", "Rev", "Fr", "Gov", "Sen", "Rep", "Hon", "Pres",
];

/// Every sentence of the document's regions (its title line, then each paragraph), in text
/// order, trimmed of surrounding whitespace. A stretch without a letter or digit is no
/// sentence; sentences never cross a region.
pub fn sentences(doc: &Document) -> Vec<Span> {
    let text = doc.text.as_str();
    let mut out: Vec<Span> = Vec::new();
    for region in doc.regions() {
        let region_text = region.of(text);
        let mut run_on = false;
        for (offset, sentence) in region_text.split_sentence_bound_indices() {
            if !sentence.chars().any(char::is_alphanumeric) {
                continue;
            }
            let start = region.start as usize + offset;
            let trimmed_start = start + (sentence.len() - sentence.trim_start().len());
            let end = start + sentence.trim_end().len();
            match out.last_mut() {
                Some(last) if run_on => last.end = end as u32,
                _ => out.push(Span::new_unchecked(trimmed_start, end)),
            }
            run_on = ends_in_title_or_initial(sentence.trim_end());
        }
    }
    out
}

/// Whether a sentence ends in "Mr." or "J.": a full stop after a word that stands before a
/// name.
fn ends_in_title_or_initial(sentence: &str) -> bool {
    let Some(head) = sentence.strip_suffix('.') else {
        return false;
    };
    let word_start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &head[word_start..];
    let standalone = head[..word_start]
        .chars()
        .next_back()
        .is_none_or(char::is_whitespace);
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        // An initial stands alone: "J." but not the "S." of "U.S.".
        (Some(c), None) => standalone && c.is_uppercase(),
        (Some(_), Some(_)) => TITLES.contains(&word),
        _ => false,
    }
}

/// Joins sentences (sorted, not overlapping) that one of `spans` (sorted by start) crosses:
/// a boundary inside a name was not a sentence boundary.
pub fn join_across(sentences: &mut Vec<Span>, spans: &[Span]) {
    if sentences.len() < 2 {
        return;
    }
    // joined[i]: sentence i runs on into sentence i + 1.
    let mut joined = vec![false; sentences.len()];
    for span in spans {
        let first = sentences.partition_point(|s| s.end <= span.start);
        let last = sentences.partition_point(|s| s.start < span.end);
        for flag in joined.iter_mut().take(last.saturating_sub(1)).skip(first) {
            *flag = true;
        }
    }
    let mut out: Vec<Span> = Vec::with_capacity(sentences.len());
    let mut continues = false;
    for (sentence, joins_next) in sentences.iter().zip(joined) {
        match out.last_mut() {
            Some(last) if continues => last.end = sentence.end,
            _ => out.push(*sentence),
        }
        continues = joins_next;
    }
    *sentences = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[&str]) {
        let doc = Document::parse("t.txt", text);
        let found: Vec<&str> = sentences(&doc).iter().map(|s| s.of(&doc.text)).collect();
        assert_eq!(found, expected, "{text:?}");
    }

    #[test]
    fn sentences_of_regions() {
        check(
            "A title\n\nOne here. Two there!  Three?\n\nNext paragraph",
            &[
                "A title",
                "One here.",
                "Two there!",
                "Three?",
                "Next paragraph",
            ],
        );
        // Punctuation alone is no sentence.
        check("Title\n\n... !!! Words.", &["Title", "Words."]);
        check(
            "Title\n\n3.5 percent rose. Then fell.",
            &["Title", "3.5 percent rose.", "Then fell."],
        );
    }

    #[test]
    fn a_title_or_an_initial_does_not_end_a_sentence() {
        check(
            "Title\n\nMr. Smith met Dr. Jones. J. R. Tolkien wrote. It ended at Gen. Lee.",
            &[
                "Title",
                "Mr. Smith met Dr. Jones.",
                "J. R. Tolkien wrote.",
                "It ended at Gen. Lee.",
            ],
        );
        // Not a title: a word of a sentence's end.
        check(
            "Title\n\nShe met Kim. Then left.",
            &["Title", "She met Kim.", "Then left."],
        );
        // A title at the end of a paragraph does not reach into the next one.
        check(
            "Title\n\nWe saw Mr.\n\nSmith came.",
            &["Title", "We saw Mr.", "Smith came."],
        );
    }

    #[test]
    fn spans_that_cross_a_boundary_join_sentences() {
        let text = "In the U.S. Army it rained. Sun. Then snow. More.";
        let doc = Document::parse("t.txt", text);
        let mut found = sentences(&doc);
        let words = |found: &[Span]| -> Vec<String> {
            found.iter().map(|s| s.of(text).to_string()).collect()
        };
        assert_eq!(
            words(&found),
            [
                "In the U.S.",
                "Army it rained.",
                "Sun.",
                "Then snow.",
                "More."
            ]
        );
        let army = Span::new_unchecked(7, 16);
        assert_eq!(army.of(text), "U.S. Army");
        let sun_to_snow = Span::new_unchecked(28, 42);
        assert_eq!(sun_to_snow.of(text), "Sun. Then snow");
        join_across(&mut found, &[army, sun_to_snow]);
        assert_eq!(
            words(&found),
            ["In the U.S. Army it rained.", "Sun. Then snow.", "More."]
        );
        // A span inside one sentence, or none, changes nothing.
        let before = found.clone();
        join_across(&mut found, &[Span::new_unchecked(0, 2)]);
        join_across(&mut found, &[]);
        assert_eq!(found, before);
    }
}
