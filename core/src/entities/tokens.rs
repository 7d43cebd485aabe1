//! Tokens for entity extraction: the core's UAX #29 words (`text::segments`) as words,
//! numbers, joiners and punctuation with byte offsets, whether whitespace came before, and
//! whether a word starts a sentence.
//!
//! It keeps what matters for names: "U.S." and "F." stay whole, "NATO's" splits into "NATO"
//! and a possessive, "Asia-Pacific" into two words and a joiner, and typographic apostrophes
//! behave like ASCII ones. Offsets are always on char boundaries.

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// Letters (and digits) starting with a letter, with inner apostrophes: "O'Brien", "U.S.".
    Word,
    /// Starts with a digit: "2023", "1.5", "19th".
    Number,
    /// A hyphen, dash or ampersand between two words with no space: "Asia-Pacific", "AT&T".
    Joiner,
    /// A possessive "'s" or "’s" right after a word.
    Possessive,
    /// Any other single character.
    Punct,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    /// Byte offsets into the text that was tokenized, plus the base offset given.
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// Whitespace separates this token from the previous one.
    pub space_before: bool,
    /// The first word of a sentence (or of the text).
    pub sent_start: bool,
}

/// Words after which a full stop does not end the sentence.
const NO_SENTENCE_END: &[&str] = &[
    "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Capt", "Sgt",
    "Adm", "Maj", "Cpl", "Rev", "Hon", "Pres", "Supt", "Insp", "Det", "St", "Ste", "Mt", "Ft",
    "Jr", "Sr", "Messrs", "Mme", "Mlle", "No", "Nos", "vs", "Vs", "Inc", "Corp", "Co", "Ltd",
    "Bros", "Dept", "Univ", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
    "Nov", "Dec", "approx", "cf", "ca", "Fig", "fig", "Vol", "vol", "pp", "Ave", "Blvd", "Rd",
];

pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

fn is_joiner_char(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{2013}' | '&')
}

/// Combining marks count as part of a word, so decomposed accents do not split it.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// Splits `text` into tokens; every offset has `base` added.
///
/// The words are the core's one segmentation, the UAX #29 word boundaries of
/// `text::segments`, with three refinements that names need: a final possessive is split
/// off ("NATO's" → "NATO", "'s"), an initial or initialism keeps its full stop ("F.",
/// "U.S."), and a hyphen, dash or ampersand between two words with no space is a joiner.
pub(crate) fn tokenize(text: &str, base: usize) -> Vec<Token> {
    let segments: Vec<(usize, &str)> = crate::text::segments(text).collect();
    let mut tokens: Vec<Token> = Vec::new();
    let mut space = false;
    let mut pending_sentence = true;
    let seg_is_word = |k: usize| {
        segments
            .get(k)
            .is_some_and(|(_, s)| s.chars().next().is_some_and(is_word_char))
    };
    let mut k = 0;
    while k < segments.len() {
        let (offset, seg) = segments[k];
        let c = seg.chars().next().unwrap_or(' ');
        k += 1;
        if c.is_whitespace() && seg.chars().all(char::is_whitespace) {
            space = true;
            continue;
        }
        let prev_is_word = !space
            && tokens
                .last()
                .is_some_and(|t| matches!(t.kind, TokKind::Word | TokKind::Number));
        let mut end = offset + seg.len();
        let mut kind;
        let mut possessive = None;
        if is_word_char(c) {
            kind = if c.is_numeric() {
                TokKind::Number
            } else {
                TokKind::Word
            };
            // A possessive "'s" at the end of the word is split off.
            let mut chars = seg.char_indices().rev();
            if let (Some((_, s)), Some((a, apostrophe))) = (chars.next(), chars.next()) {
                if matches!(s, 's' | 'S') && is_apostrophe(apostrophe) && a > 0 {
                    possessive = Some(offset + a);
                    end = offset + a;
                }
            }
            // Initials and initialisms keep their full stop: "F.", "U.S.", "e.g.".
            if kind == TokKind::Word
                && possessive.is_none()
                && is_initialism(seg)
                && segments.get(k).is_some_and(|(_, s)| *s == ".")
            {
                end += 1;
                k += 1;
            }
        } else if is_apostrophe(c)
            && seg.chars().count() == 1
            && prev_is_word
            && segments
                .get(k)
                .is_some_and(|(_, s)| matches!(*s, "s" | "S"))
        {
            // "1990's": the segmentation leaves the apostrophe of a number apart.
            end = offset + seg.len() + 1;
            k += 1;
            kind = TokKind::Possessive;
        } else if seg.chars().count() == 1 && is_joiner_char(c) && prev_is_word && seg_is_word(k) {
            kind = TokKind::Joiner;
        } else {
            kind = TokKind::Punct;
        }
        let mut sent_start = false;
        match kind {
            TokKind::Word | TokKind::Number => {
                sent_start = pending_sentence;
                pending_sentence = false;
            }
            TokKind::Punct => {
                if matches!(c, '!' | '?' | '\u{2026}' | ':' | '\u{2022}') {
                    pending_sentence = true;
                } else if c == '.' {
                    let after_abbreviation = !space
                        && tokens.last().is_some_and(|t| {
                            t.kind == TokKind::Word
                                && NO_SENTENCE_END.contains(&&text[t.start - base..t.end - base])
                        });
                    if !after_abbreviation {
                        pending_sentence = true;
                    }
                }
            }
            TokKind::Joiner | TokKind::Possessive => {}
        }
        // An initialism at the end of a sentence ("... in the U.S. Then ...") is left as it is:
        // the next word is then not marked as a sentence start, which only matters for
        // ordinary words, and those are caught by the common-word check.
        tokens.push(Token {
            start: offset + base,
            end: end + base,
            kind,
            space_before: space,
            sent_start,
        });
        if let Some(p) = possessive {
            kind = TokKind::Possessive;
            tokens.push(Token {
                start: p + base,
                end: offset + seg.len() + base,
                kind,
                space_before: false,
                sent_start: false,
            });
        }
        space = false;
    }
    tokens
}

/// Letters separated by full stops, each one letter: "F", "U.S", "e.g".
pub(crate) fn is_initialism(word: &str) -> bool {
    let mut expect_letter = true;
    for c in word.chars() {
        if is_mark(c) {
            continue;
        }
        if expect_letter != c.is_alphabetic() || (!expect_letter && c != '.') {
            return false;
        }
        expect_letter = !expect_letter;
    }
    !expect_letter
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<String> {
        tokenize(text, 0)
            .iter()
            .map(|t| {
                let s = &text[t.start..t.end];
                match t.kind {
                    TokKind::Word => s.to_string(),
                    TokKind::Number => format!("#{s}"),
                    TokKind::Joiner => format!("~{s}"),
                    TokKind::Possessive => format!("+{s}"),
                    TokKind::Punct => format!("_{s}"),
                }
            })
            .collect()
    }

    #[test]
    fn shapes() {
        let check = |text: &str, expected: &[&str]| assert_eq!(pieces(text), expected, "{text}");
        check("NATO's attempt", &["NATO", "+'s", "attempt"]);
        check("NATO’s attempt", &["NATO", "+’s", "attempt"]);
        check("the U.S. and U.K.", &["the", "U.S.", "and", "U.K."]);
        check("John F. Kennedy", &["John", "F.", "Kennedy"]);
        check(
            "US-led Asia-Pacific",
            &["US", "~-", "led", "Asia", "~-", "Pacific"],
        );
        check("Russia–Ukraine", &["Russia", "~–", "Ukraine"]);
        check("O'Brien and d’Ivoire", &["O'Brien", "and", "d’Ivoire"]);
        check(
            "AT&T, 10,000 and 1.5",
            &["AT", "~&", "T", "_,", "#10,000", "and", "#1.5"],
        );
        check("Workers' rights", &["Workers", "_'", "rights"]);
        check("Zürich São Paulo", &["Zürich", "São", "Paulo"]);
    }

    #[test]
    fn sentence_starts() {
        let text = "Mr. Smith left. \"Today it rains,\" he said. U.S. troops: Next";
        let starts: Vec<&str> = tokenize(text, 0)
            .iter()
            .filter(|t| t.sent_start)
            .map(|t| &text[t.start..t.end])
            .collect();
        assert_eq!(starts, ["Mr", "Today", "U.S.", "Next"]);
    }
}
