//! A tokenizer for entity extraction: words, numbers, joiners and punctuation with byte
//! offsets, whether whitespace came before, and whether a word starts a sentence.
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
pub(crate) fn tokenize(text: &str, base: usize) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let offset = |i: usize| chars.get(i).map_or(text.len(), |&(o, _)| o);
    let mut tokens: Vec<Token> = Vec::new();
    let mut space = false;
    let mut pending_sentence = true;
    let mut i = 0;
    while i < n {
        let c = chars[i].1;
        if c.is_whitespace() {
            space = true;
            i += 1;
            continue;
        }
        let prev_is_word = !space
            && tokens
                .last()
                .is_some_and(|t| matches!(t.kind, TokKind::Word | TokKind::Number));
        let start = i;
        let kind;
        if c.is_numeric() {
            // A number, with inner separators between digits and letter suffixes ("19th").
            i += 1;
            while i < n {
                let d = chars[i].1;
                if is_word_char(d)
                    || (matches!(d, '.' | ',' | ':') && at(i + 1).is_some_and(|e| e.is_numeric()))
                {
                    i += 1;
                } else {
                    break;
                }
            }
            kind = TokKind::Number;
        } else if is_word_char(c) {
            i += 1;
            loop {
                match at(i) {
                    Some(d) if is_word_char(d) => i += 1,
                    Some(d) if is_apostrophe(d) && at(i + 1).is_some_and(is_word_char) => {
                        // A possessive "'s" at the end of the word is split off.
                        let is_possessive = matches!(at(i + 1), Some('s' | 'S'))
                            && !at(i + 2).is_some_and(is_word_char);
                        if is_possessive {
                            break;
                        }
                        i += 1;
                    }
                    _ => break,
                }
            }
            // Initials and initialisms keep their full stops: "F.", "U.S.", "e.g.".
            if i - start == 1 && at(i) == Some('.') {
                i += 1;
                while at(i).is_some_and(|d| d.is_alphabetic())
                    && at(i + 1) == Some('.')
                    && !at(i + 2).is_some_and(is_word_char)
                {
                    i += 2;
                }
                // "U.S" without the final stop.
                if at(i).is_some_and(|d| d.is_alphabetic()) && !at(i + 1).is_some_and(is_word_char)
                {
                    i += 1;
                }
            }
            kind = TokKind::Word;
        } else if is_apostrophe(c)
            && prev_is_word
            && matches!(at(i + 1), Some('s' | 'S'))
            && !at(i + 2).is_some_and(is_word_char)
        {
            i += 2;
            kind = TokKind::Possessive;
        } else if is_joiner_char(c) && prev_is_word && at(i + 1).is_some_and(is_word_char) {
            i += 1;
            kind = TokKind::Joiner;
        } else {
            i += 1;
            kind = TokKind::Punct;
        }
        let (s, e) = (offset(start), offset(i));
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
            start: s + base,
            end: e + base,
            kind,
            space_before: space,
            sent_start,
        });
        space = false;
    }
    tokens
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
