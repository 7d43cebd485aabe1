//! The query language, parsed into atoms. Parsing never fails: what cannot be used is left
//! out with a note the page can show.
//!
//! | syntax | meaning |
//! |---|---|
//! | `nato alliance` | every word must occur (in any order); words match by stem: `threaten` finds "threatened" |
//! | `"security alliance"` | the exact phrase (case, accents and possessives aside); a phrase is one hit |
//! | `"nato alliance"~5` | both words (in any form, as unquoted words match; `*` for a prefix) within 5 words of each other in a paragraph, in either order; each is a hit. With more words, each hit has every other word within 5 words of it |
//! | `asia-pacific` | hyphenated words are a phrase: finds "Asia-Pacific" and "Asia Pacific" |
//! | `secur*` | any word starting with "secur" |
//! | `-russia` | leave out documents where "russia" occurs |
//! | `japan OR korea` | either word (also `|`) |
//! | `person:stoltenberg` | mentions of a person whose name or alias has this word; also `org:`, `place:`, `event:`, `group:` and `entity:` (any kind); the value may be quoted: `place:"republic of korea"` |

use crate::entities::EntityKind;
use crate::span::Span;
use crate::text::{fold, term_form, words};

/// Longest query looked at, in chars, and most atoms kept: a pasted page must not stall typing.
pub const MAX_QUERY_CHARS: usize = 2000;
pub const MAX_ATOMS: usize = 32;
/// The widest proximity search, in words (`"a b"~50`).
pub const MAX_NEAR: u32 = 50;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query {
    /// Every group must match; within a group, any atom may.
    pub groups: Vec<Vec<Atom>>,
    /// A document where any of these matches is left out.
    pub excluded: Vec<Atom>,
    /// Parts of the query that were not used, and why.
    pub notes: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Atom {
    /// One word, matched by stem, or by prefix when `prefix` is set.
    Word {
        text: String,
        term: String,
        prefix: bool,
    },
    /// Consecutive words matched by term form; the last may be a prefix.
    Phrase {
        text: String,
        words: Vec<String>,
        last_is_prefix: bool,
    },
    /// Words near each other (`"a b"~N`): occurrences of each word (matched as `Word`s are,
    /// by stem or by prefix) that have every other word within `within` words in the same
    /// region.
    Near {
        text: String,
        /// Each word's term form and whether it is a prefix.
        words: Vec<(String, bool)>,
        within: u32,
    },
    /// Mentions of entities of these kinds whose name or alias contains these words; when
    /// the value was quoted (`place:"Republic of Korea"`) and some name is exactly these
    /// words, only those entities.
    Entity {
        text: String,
        kinds: Vec<EntityKind>,
        words: Vec<String>,
        exact: bool,
    },
}

impl Atom {
    /// The atom as the reader typed it.
    pub fn text(&self) -> &str {
        match self {
            Atom::Word { text, .. }
            | Atom::Phrase { text, .. }
            | Atom::Near { text, .. }
            | Atom::Entity { text, .. } => text,
        }
    }
}

impl Query {
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty() && self.excluded.is_empty()
    }

    /// Every atom that contributes hits.
    pub fn positive_atoms(&self) -> impl Iterator<Item = &Atom> {
        self.groups.iter().flatten()
    }
}

/// The query that selects exactly this entity's mentions: `org:"NATO"`, `place:"Japan"`
/// (quotes inside the name are left out: the query language has no escape for them).
pub fn entity_filter(kind: EntityKind, canonical: &str) -> String {
    let field = match kind {
        EntityKind::Person => "person",
        EntityKind::Org => "org",
        EntityKind::Gpe | EntityKind::Loc => "place",
        EntityKind::Event => "event",
        EntityKind::Norp => "group",
    };
    let name: String = canonical.chars().filter(|&c| !is_quote(c)).collect();
    format!("{field}:\"{name}\"")
}

/// What an entity filter's field name selects.
fn entity_field(name: &str) -> Option<Vec<EntityKind>> {
    use EntityKind::*;
    // The names are ASCII, and no other letter lowercases to one of theirs except the Kelvin
    // sign (to "k", in none of them): ASCII lowercasing decides the same.
    Some(match name.to_ascii_lowercase().as_str() {
        "person" | "per" | "people" => vec![Person],
        "org" | "organisation" | "organization" => vec![Org],
        "place" | "gpe" | "loc" | "location" | "country" | "city" => vec![Gpe, Loc],
        "event" => vec![Event],
        "group" | "norp" | "nationality" => vec![Norp],
        "entity" | "ent" => EntityKind::ALL.to_vec(),
        _ => return None,
    })
}

/// A raw piece of the query: its text, whether it was quoted, negated, and any field prefix.
struct Piece {
    text: String,
    quoted: bool,
    negated: bool,
    field: Option<String>,
    /// A proximity (`"…"~N`): the digits after the tilde, possibly none.
    near: Option<String>,
}

enum Lexeme {
    Piece(Piece),
    Or,
}

fn lex(input: &str, notes: &mut Vec<String>) -> Vec<Lexeme> {
    let chars: Vec<char> = input.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let read_quoted = |i: &mut usize, notes: &mut Vec<String>| -> String {
        // `*i` is just past the opening quote.
        let start = *i;
        while *i < chars.len() && !is_quote(chars[*i]) {
            *i += 1;
        }
        let text: String = chars[start..*i].iter().collect();
        if *i < chars.len() {
            *i += 1;
        } else {
            notes.push("a quote was not closed; the phrase runs to the end".to_string());
        }
        text
    };
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() || c.is_control() {
            i += 1;
            continue;
        }
        let mut negated = false;
        if (c == '-' || c == '\u{2212}')
            && chars
                .get(i + 1)
                .is_some_and(|n| !n.is_whitespace() && *n != '-')
        {
            negated = true;
            i += 1;
        }
        if is_quote(chars[i]) {
            i += 1;
            let text = read_quoted(&mut i, notes);
            // A tilde right after the closing quote makes it a proximity search.
            let near = (chars.get(i) == Some(&'~')).then(|| {
                i += 1;
                let start = i;
                while chars.get(i).is_some_and(char::is_ascii_digit) {
                    i += 1;
                }
                chars[start..i].iter().collect::<String>()
            });
            out.push(Lexeme::Piece(Piece {
                text,
                quoted: true,
                negated,
                field: None,
                near,
            }));
            continue;
        }
        let start = i;
        while i < chars.len()
            && !chars[i].is_whitespace()
            && !chars[i].is_control()
            && !is_quote(chars[i])
        {
            if chars[i] == ':' {
                break;
            }
            i += 1;
        }
        let head: String = chars[start..i].iter().collect();
        if i < chars.len() && chars[i] == ':' && entity_field(&head).is_some() {
            i += 1;
            let (text, quoted) = if i < chars.len() && is_quote(chars[i]) {
                i += 1;
                (read_quoted(&mut i, notes), true)
            } else {
                let s = i;
                while i < chars.len() && !chars[i].is_whitespace() && !chars[i].is_control() {
                    i += 1;
                }
                (chars[s..i].iter().collect(), false)
            };
            out.push(Lexeme::Piece(Piece {
                text,
                quoted,
                negated,
                field: Some(head),
                near: None,
            }));
            continue;
        }
        // Not a field: the piece runs to the next space (a colon is part of it).
        while i < chars.len()
            && !chars[i].is_whitespace()
            && !chars[i].is_control()
            && !is_quote(chars[i])
        {
            i += 1;
        }
        let text: String = chars[start..i].iter().collect();
        if !negated && (text == "OR" || text == "|" || text == "||") {
            out.push(Lexeme::Or);
        } else {
            out.push(Lexeme::Piece(Piece {
                text,
                quoted: false,
                negated,
                field: None,
                near: None,
            }));
        }
    }
    out
}

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}'
    )
}

/// Turns a piece into an atom, or a note saying why it cannot be one.
fn atom(piece: &Piece) -> Result<Atom, String> {
    let shown = if piece.quoted {
        format!("\"{}\"", piece.text)
    } else {
        piece.text.clone()
    };
    let shown = match (&piece.field, &piece.near) {
        (Some(f), _) => format!("{f}:{shown}"),
        (None, Some(n)) => format!("{shown}~{n}"),
        (None, None) => shown,
    };
    if let Some(digits) = &piece.near {
        return near_atom(piece, shown, digits);
    }
    if let Some(field) = &piece.field {
        let kinds = entity_field(field).unwrap_or_default();
        let value_words: Vec<String> = words(&piece.text, Span::new_unchecked(0, piece.text.len()))
            .map(|w| fold(w.span.of(&piece.text)))
            .collect();
        if value_words.is_empty() {
            return Err(format!(
                "“{shown}” names no entity: add a name after the colon"
            ));
        }
        return Ok(Atom::Entity {
            text: shown,
            kinds,
            words: value_words,
            exact: piece.quoted,
        });
    }
    let trimmed = piece.text.trim_end_matches('*');
    let prefix = trimmed.len() < piece.text.len();
    let found: Vec<String> = words(trimmed, Span::new_unchecked(0, trimmed.len()))
        .map(|w| term_form(w.span.of(trimmed)))
        .collect();
    match found.len() {
        0 => Err(format!(
            "“{shown}” was left out: it has no letters or digits"
        )),
        // A quoted single word matches exactly, not by stem, so it stays a phrase.
        1 if !piece.quoted => {
            let term = found.into_iter().next().unwrap_or_default();
            Ok(Atom::Word {
                text: shown,
                term,
                prefix,
            })
        }
        _ => Ok(Atom::Phrase {
            text: shown,
            words: found,
            last_is_prefix: prefix,
        }),
    }
}

/// A proximity search, `"a b"~N`: every word of the quotes (each may end in `*`).
fn near_atom(piece: &Piece, shown: String, digits: &str) -> Result<Atom, String> {
    let mut found: Vec<(String, bool)> = Vec::new();
    for part in piece.text.split_whitespace() {
        let trimmed = part.trim_end_matches('*');
        let prefix = trimmed.len() < part.len();
        let forms: Vec<String> = words(trimmed, Span::new_unchecked(0, trimmed.len()))
            .map(|w| term_form(w.span.of(trimmed)))
            .collect();
        let last = forms.len().saturating_sub(1);
        found.extend(
            forms
                .into_iter()
                .enumerate()
                .map(|(k, f)| (f, prefix && k == last)),
        );
    }
    if found.len() < 2 {
        return Err(format!(
            "“{shown}” was left out: a proximity search needs two words or more, as in \"nato alliance\"~5"
        ));
    }
    let within = match digits.parse::<u32>() {
        Ok(n) if (1..=MAX_NEAR).contains(&n) => n,
        Ok(0) => 1,
        Ok(_) => MAX_NEAR,
        // No digits, or too many to read.
        Err(_) if digits.is_empty() => {
            return Err(format!(
                "“{shown}” was left out: say how near after the tilde, as in \"nato alliance\"~5"
            ))
        }
        Err(_) => MAX_NEAR,
    };
    Ok(Atom::Near {
        text: shown,
        words: found,
        within,
    })
}

/// Parses a query. Never fails; see the module documentation for the syntax.
pub fn parse(input: &str) -> Query {
    let mut query = Query::default();
    let input = match input.char_indices().nth(MAX_QUERY_CHARS) {
        Some((cut, _)) => {
            query.notes.push(format!(
                "only the first {MAX_QUERY_CHARS} characters were used"
            ));
            &input[..cut]
        }
        None => input,
    };
    let lexemes = lex(input, &mut query.notes);
    let mut pending_or = false;
    let mut n_atoms = 0;
    for lexeme in lexemes {
        let piece = match lexeme {
            Lexeme::Or => {
                pending_or = !query.groups.is_empty();
                continue;
            }
            Lexeme::Piece(piece) => piece,
        };
        if n_atoms == MAX_ATOMS {
            query
                .notes
                .push(format!("only the first {MAX_ATOMS} terms were used"));
            break;
        }
        match atom(&piece) {
            Err(note) => query.notes.push(note),
            Ok(atom) => {
                n_atoms += 1;
                if piece.negated {
                    query.excluded.push(atom);
                } else if pending_or {
                    if let Some(group) = query.groups.last_mut() {
                        group.push(atom);
                    }
                } else {
                    query.groups.push(vec![atom]);
                }
            }
        }
        pending_or = false;
    }
    query
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str, term: &str) -> Atom {
        Atom::Word {
            text: text.into(),
            term: term.into(),
            prefix: false,
        }
    }

    fn phrase(text: &str, words: &[&str]) -> Atom {
        Atom::Phrase {
            text: text.into(),
            words: words.iter().map(|w| w.to_string()).collect(),
            last_is_prefix: false,
        }
    }

    fn check(input: &str, groups: Vec<Vec<Atom>>, excluded: Vec<Atom>) {
        let q = parse(input);
        assert_eq!((q.groups, q.excluded), (groups, excluded), "{input}");
    }

    #[test]
    fn an_entity_filter_selects_exactly_its_entity() {
        let check = |kind: EntityKind, name: &str, expected: &str| {
            let filter = entity_filter(kind, name);
            assert_eq!(filter, expected);
            let query = parse(&filter);
            assert!(query.notes.is_empty(), "{filter}: {:?}", query.notes);
            assert!(matches!(
                &query.groups[..],
                [group] if matches!(&group[..], [Atom::Entity { exact: true, .. }])
            ));
        };
        check(
            EntityKind::Gpe,
            "Republic of Korea",
            "place:\"Republic of Korea\"",
        );
        check(EntityKind::Loc, "Asia-Pacific", "place:\"Asia-Pacific\"");
        check(
            EntityKind::Person,
            "Jens Stoltenberg",
            "person:\"Jens Stoltenberg\"",
        );
        check(EntityKind::Org, "“The” Times", "org:\"The Times\"");
        check(EntityKind::Event, "Cold War", "event:\"Cold War\"");
        check(EntityKind::Norp, "Soviet", "group:\"Soviet\"");
    }

    #[test]
    fn query_forms() {
        check("NATO", vec![vec![word("NATO", "nato")]], vec![]);
        check(
            "nato  alliance",
            vec![
                vec![word("nato", "nato")],
                vec![word("alliance", "alliance")],
            ],
            vec![],
        );
        check(
            "\"security alliance\"",
            vec![vec![phrase(
                "\"security alliance\"",
                &["security", "alliance"],
            )]],
            vec![],
        );
        check(
            "“Cold War”",
            vec![vec![phrase("\"Cold War\"", &["cold", "war"])]],
            vec![],
        );
        check(
            "asia-pacific",
            vec![vec![phrase("asia-pacific", &["asia", "pacific"])]],
            vec![],
        );
        check(
            "secur*",
            vec![vec![Atom::Word {
                text: "secur*".into(),
                term: "secur".into(),
                prefix: true,
            }]],
            vec![],
        );
        check(
            "nato -russia",
            vec![vec![word("nato", "nato")]],
            vec![word("russia", "russia")],
        );
        check(
            "japan OR korea",
            vec![vec![word("japan", "japan"), word("korea", "korea")]],
            vec![],
        );
        check(
            "japan | korea china",
            vec![
                vec![word("japan", "japan"), word("korea", "korea")],
                vec![word("china", "china")],
            ],
            vec![],
        );
        check("Zürich", vec![vec![word("Zürich", "zurich")]], vec![]);
        check("NATO’s", vec![vec![word("NATO’s", "nato")]], vec![]);
        check(
            "\"nato\"",
            vec![vec![phrase("\"nato\"", &["nato"])]],
            vec![],
        );
    }

    fn near(text: &str, words: &[(&str, bool)], within: u32) -> Atom {
        Atom::Near {
            text: text.into(),
            words: words.iter().map(|&(w, p)| (w.to_string(), p)).collect(),
            within,
        }
    }

    #[test]
    fn proximity_searches() {
        check(
            "\"nato alliance\"~5",
            vec![vec![near(
                "\"nato alliance\"~5",
                &[("nato", false), ("alliance", false)],
                5,
            )]],
            vec![],
        );
        check(
            "“Cold War” “secur* council”~12 x",
            vec![
                vec![phrase("\"Cold War\"", &["cold", "war"])],
                vec![near(
                    "\"secur* council\"~12",
                    &[("secur", true), ("council", false)],
                    12,
                )],
                vec![word("x", "x")],
            ],
            vec![],
        );
        // Three words; a hyphenated word is two; the widest and narrowest windows.
        check(
            "\"asia-pacific NATO’s\"~999",
            vec![vec![near(
                "\"asia-pacific NATO’s\"~999",
                &[("asia", false), ("pacific", false), ("nato", false)],
                MAX_NEAR,
            )]],
            vec![],
        );
        check(
            "\"a b\"~0 -\"c d\"~3",
            vec![vec![near("\"a b\"~0", &[("a", false), ("b", false)], 1)]],
            vec![near("\"c d\"~3", &[("c", false), ("d", false)], 3)],
        );
        check(
            "\"a b\"~99999999999999999999",
            vec![vec![near(
                "\"a b\"~99999999999999999999",
                &[("a", false), ("b", false)],
                MAX_NEAR,
            )]],
            vec![],
        );
        // A tilde after a space is a word of its own (and has no letters).
        check(
            "\"a b\" ~5",
            vec![vec![phrase("\"a b\"", &["a", "b"])], vec![word("~5", "5")]],
            vec![],
        );
    }

    #[test]
    fn odd_proximity_searches_leave_notes() {
        for (input, note) in [
            ("\"nato\"~5", "needs two words"),
            ("\"\"~5", "needs two words"),
            ("\"nato alliance\"~", "say how near"),
            ("\"nato alliance\"~x", "say how near"),
        ] {
            let q = parse(input);
            assert!(
                q.notes.iter().any(|n| n.contains(note)),
                "{input}: {:?}",
                q.notes
            );
        }
        // The text after a bare tilde is read on.
        assert_eq!(parse("\"a b\"~x").groups, vec![vec![word("x", "x")]]);
    }

    #[test]
    fn entity_filters() {
        let q = parse("person:stoltenberg place:\"Republic of Korea\" ORG:nato");
        let entity = |text: &str, kinds: Vec<EntityKind>, words: &[&str]| Atom::Entity {
            text: text.into(),
            kinds,
            words: words.iter().map(|w| w.to_string()).collect(),
            exact: text.ends_with('"'),
        };
        assert_eq!(
            q.groups,
            vec![
                vec![entity(
                    "person:stoltenberg",
                    vec![EntityKind::Person],
                    &["stoltenberg"]
                )],
                vec![entity(
                    "place:\"Republic of Korea\"",
                    vec![EntityKind::Gpe, EntityKind::Loc],
                    &["republic", "of", "korea"]
                )],
                vec![entity("ORG:nato", vec![EntityKind::Org], &["nato"])],
            ]
        );
        // An unknown field is just text (UAX #29 keeps a colon between letters inside a word).
        check("foo:bar", vec![vec![word("foo:bar", "foo:bar")]], vec![]);
        check(
            "foo: bar",
            vec![vec![word("foo:", "foo")], vec![word("bar", "bar")]],
            vec![],
        );
    }

    #[test]
    fn odd_queries_leave_notes_not_errors() {
        let check_notes = |input: &str, n_atoms: usize, note: &str| {
            let q = parse(input);
            assert_eq!(
                q.positive_atoms().count() + q.excluded.len(),
                n_atoms,
                "{input}"
            );
            assert!(
                q.notes.iter().any(|n| n.contains(note)),
                "{input}: {:?}",
                q.notes
            );
        };
        check_notes("-", 0, "no letters or digits");
        check_notes("*", 0, "no letters or digits");
        check_notes("\"unclosed phrase", 1, "not closed");
        check_notes("!!! nato", 1, "no letters or digits");
        check_notes("person:", 0, "names no entity");
        check_notes(&"word ".repeat(100), MAX_ATOMS, "only the first");
        check_notes(&"x".repeat(10_000), 1, "characters were used");
        assert!(parse("").is_empty());
        assert!(parse("   \t\n").is_empty());
        assert!(parse("OR OR").is_empty());
        assert!(parse("🎉 \u{202E}").is_empty());
    }
}
