//! The tagger's names mended one by one, before they meet the rules' (`merge`): punctuation
//! trimmed from their ends, initials before a name and a hyphenated part in lower case after
//! it taken in, two parts of a name around a particle joined, compass points, places named
//! by what they are ("the town of X"), given names before a town, titles and sportsmen's roles, and "people" with no word of a name.

use super::candidates::Analyzer;
use super::decode::TaggedName;
use super::lexicon::{cue, FastSet, Lexicon};
use super::tokens::TokKind;
use super::EntityKind;
use std::collections::HashMap;

/// Mends the tagger's names, in this order: each step sees what the one before made.
pub(crate) fn mend_tagged(analyzers: &[Analyzer], tagged: &mut Vec<TaggedName>) {
    trim_punctuation(analyzers, tagged);
    initials_before_names(analyzers, tagged);
    hyphenated_lower_case_parts(analyzers, tagged);
    particles_join_names(analyzers, tagged);
    compass_points_are_places(analyzers, tagged);
    places_named_by_what_they_are(analyzers, tagged);
    given_names_and_towns(analyzers, tagged);
    titles_and_roles(analyzers, tagged);
    people_need_a_name(analyzers, tagged);
}

/// Punctuation never starts or ends a name ("(", a quote), but a full stop glued to the
/// word before may end one ("Co.", "Jr.").
fn trim_punctuation(analyzers: &[Analyzer], tagged: &mut Vec<TaggedName>) {
    tagged.retain_mut(|(segment, s, e, _)| {
        let a = &analyzers[*segment];
        while *s < *e && a.toks[*s].kind != TokKind::Word && a.toks[*s].kind != TokKind::Number {
            *s += 1;
        }
        while *e > *s {
            let t = &a.toks[*e - 1];
            let glued_stop = t.kind == TokKind::Punct && !t.space_before && a.word(*e - 1) == ".";
            if matches!(t.kind, TokKind::Word | TokKind::Number) || glued_stop {
                break;
            }
            *e -= 1;
        }
        *s < *e
    });
}

/// Initials right before a name that nothing else covers are part of it ("J.P. Morgan",
/// "T.S. Eliot", "F. Scott Fitzgerald", where the tagger took the last words alone): two
/// letters or more but abbreviations ("A.D. Tacitus", "R.I.P."), or one before a given or
/// family name of the lists ("J. Edgar Hoover"; not "I."), and never a place ("U.S.").
fn initials_before_names(analyzers: &[Analyzer], tagged: &mut [TaggedName]) {
    let lex = Lexicon::get();
    let ends: FastSet<(usize, usize)> = tagged.iter().map(|&(g, _, e, _)| (g, e)).collect();
    for (segment, s, _, kind) in tagged.iter_mut() {
        let a = &analyzers[*segment];
        let initials = |i: usize| {
            let w = a.word(i);
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            let name_after = || {
                let next = a.word(i + 1);
                lex.is_first_name(next) || lex.is_surname(next)
            };
            a.toks[i].kind == TokKind::Word
                && w.contains('.')
                && super::tokens::is_initialism(w.trim_end_matches('.'))
                && w.chars().all(|c| c == '.' || c.is_uppercase())
                && !NOT_INITIALS.contains(&w.replace('.', "").as_str())
                && (letters >= 2 || name_after())
        };
        while matches!(*kind, EntityKind::Person | EntityKind::Org)
            && *s > 0
            && initials(*s - 1)
            && a.toks[*s].space_before
            && !ends.contains(&(*segment, *s))
            && a.gaz_at(*s - 1, *s).is_none()
        {
            *s -= 1;
        }
    }
}

/// A person's name goes on over a hyphen before a part in lower case that is no word of
/// the dictionary nor ends as a derived one does ("Banharn Silpa-archa", "Chou En-lai";
/// not "Merkel-led", "Marvel-themed").
fn hyphenated_lower_case_parts(analyzers: &[Analyzer], tagged: &mut [TaggedName]) {
    let lex = Lexicon::get();
    let starts: FastSet<(usize, usize)> = tagged.iter().map(|&(g, s, _, _)| (g, s)).collect();
    for (segment, _, e, kind) in tagged.iter_mut() {
        let a = &analyzers[*segment];
        let n = a.toks.len();
        while *kind == EntityKind::Person
            && *e + 1 < n
            && a.toks[*e].kind == TokKind::Joiner
            && a.word(*e) == "-"
            && !a.toks[*e].space_before
            && a.toks[*e + 1].kind == TokKind::Word
            && !a.toks[*e + 1].space_before
            && a.word(*e + 1).starts_with(char::is_lowercase)
            && !lex.is_common_word(a.word(*e + 1))
            && !["ed", "ing", "like", "esque"]
                .iter()
                .any(|end| a.word(*e + 1).ends_with(end))
            && !starts.contains(&(*segment, *e + 1))
        {
            *e += 2;
        }
    }
}

/// Two parts of one person's name read apart around a particle are one name ("Kengo wa
/// Dondo", "Osama bin Laden").
fn particles_join_names(analyzers: &[Analyzer], tagged: &mut Vec<TaggedName>) {
    let person_at: HashMap<(usize, usize), usize> = tagged
        .iter()
        .enumerate()
        .filter(|(_, t)| t.3 == EntityKind::Person)
        .map(|(k, t)| ((t.0, t.1), k))
        .collect();
    let mut joined_away = vec![false; tagged.len()];
    for k in 0..tagged.len() {
        let (segment, _, e, kind) = tagged[k];
        let a = &analyzers[segment];
        if kind != EntityKind::Person || joined_away[k] || e + 1 >= a.toks.len() {
            continue;
        }
        if !joins_a_name(a.word(e)) {
            continue;
        }
        if let Some(&next) = person_at.get(&(segment, e + 1)) {
            tagged[k].2 = tagged[next].2;
            joined_away[next] = true;
        }
    }
    let mut k = 0;
    tagged.retain(|_| {
        k += 1;
        !joined_away[k - 1]
    });
}

/// A "person" whose first word is a compass point is a place ("North Ossetia", "South
/// Kordofan"): "North" and "West" are given names of the list, but rare ones. Before a
/// nationality it is no name at all ("North American", the nationality is found).
fn compass_points_are_places(analyzers: &[Analyzer], tagged: &mut Vec<TaggedName>) {
    tagged.retain_mut(|(segment, s, e, kind)| {
        let a = &analyzers[*segment];
        if *kind != EntityKind::Person
            || *e < *s + 2
            || !is_compass_point(a.word(*s))
            || !a.is_name_token(*s + 1)
        {
            return true;
        }
        let nationality = a
            .gaz_at(*s + 1, *s + 2)
            .is_some_and(|(end, entry)| end == *s + 2 && entry.kind == EntityKind::Norp);
        *kind = EntityKind::Loc;
        !nationality
    });
}

/// Words for a place that name it after "of" ("the town of Jabal Saraj", "the port of
/// Antwerp", "on the outskirts of Grozny").
const PLACE_NOUNS: &[&str] = &[
    "town",
    "city",
    "village",
    "hamlet",
    "port",
    "province",
    "district",
    "region",
    "county",
    "state",
    "island",
    "capital",
    "suburb",
    "suburbs",
    "enclave",
    "outskirts",
    "municipality",
];

/// A "person" right after a word for a place and "of" is that place ("the town of Jabal
/// Saraj" was a man): no person is a town.
fn places_named_by_what_they_are(analyzers: &[Analyzer], tagged: &mut [TaggedName]) {
    for (segment, s, _, kind) in tagged.iter_mut() {
        let a = &analyzers[*segment];
        if *kind == EntityKind::Person
            && *s >= 2
            && a.is_word(*s - 1, "of")
            && a.toks[*s - 2].kind == TokKind::Word
            && PLACE_NOUNS.contains(&a.word(*s - 2))
        {
            *kind = EntityKind::Loc;
        }
    }
}

/// A given name and a town's name that is no place as a whole is a person ("Bob Dole":
/// Dole, Jura), unless the second word heads a place's name ("Alice Springs") or is a
/// frequent word ("Upton Park"), or the given name is a place itself ("Florence") or a
/// compass point ("West Point").
fn given_names_and_towns(analyzers: &[Analyzer], tagged: &mut [TaggedName]) {
    let lex = Lexicon::get();
    for (segment, s, e, kind) in tagged.iter_mut() {
        let a = &analyzers[*segment];
        if matches!(*kind, EntityKind::Gpe | EntityKind::Loc)
            && *e == *s + 2
            && a.is_name_token(*s)
            && a.is_name_token(*s + 1)
            && lex.is_first_name(a.word(*s))
            && a.cue1(*s) & cue::HEAD_FIRST == 0
            && !is_compass_point(a.word(*s))
            && a.gaz_at(*s, *s + 1).is_none()
            && a.gaz_at(*s, *e).is_none_or(|(end, _)| end != *e)
            && !lex.is_frequent_word(&crate::text::fold(a.word(*s + 1)))
            && a.cue1(*s + 1) & (cue::HEAD_LAST | cue::FACILITY | cue::LOC_AFTER | cue::GPE_AFTER)
                == 0
        {
            *kind = EntityKind::Person;
        }
    }
}

/// A title is not part of a person's name ("Mayor Jorge Sharp" is "Jorge Sharp"); a name
/// of three words or more whose first is a title or a sportsman's role and whose second is
/// a given name is that person, whatever it was read as ("Jockey Michael Hills" was a
/// place), unless its last word heads an organisation's name ("… Library").
fn titles_and_roles(analyzers: &[Analyzer], tagged: &mut [TaggedName]) {
    let lex = Lexicon::get();
    for (segment, s, e, kind) in tagged.iter_mut() {
        let a = &analyzers[*segment];
        let role = |i: usize| {
            a.cue1(i) & cue::TITLE != 0
                || super::teams::is_role_before_a_name(&crate::text::fold(a.word(i)))
                || SPORTSMEN.contains(&crate::text::fold(a.word(i)).as_str())
        };
        if *kind != EntityKind::Person
            && *e - *s >= 3
            && a.toks[*s].kind == TokKind::Word
            && role(*s)
            && lex.is_first_name(a.word(*s + 1))
            && (*s + 1..*e).all(|i| a.is_name_token(i))
            && a.cue1(*e - 1) & (cue::ORG | cue::FACILITY | cue::EVENT) == 0
        {
            *s += 1;
            *kind = EntityKind::Person;
        }
        while *kind == EntityKind::Person
            && *e - *s >= 2
            && a.toks[*s].kind == TokKind::Word
            && a.cue1(*s) & (cue::TITLE | cue::HONORIFIC) != 0
            && a.word(*s + 1).starts_with(char::is_uppercase)
        {
            *s += 1;
        }
    }
}

/// A person's name has a word that is a given or family name, or does not end with an
/// ordinary word among the 10,000 most frequent of English: "Rodale Books" is no person
/// but an organisation, "Tahrir Square" a place (its head word says so), and a lone
/// "Speaker" or "Team" no name ("Elon Musk", "Tea Leoni" stay people).
fn people_need_a_name(analyzers: &[Analyzer], tagged: &mut Vec<TaggedName>) {
    let lex = Lexicon::get();
    tagged.retain_mut(|(segment, s, e, kind)| {
        if *kind != EntityKind::Person {
            return true;
        }
        let a = &analyzers[*segment];
        let words: Vec<usize> = (*s..*e)
            .filter(|&i| a.toks[i].kind == TokKind::Word)
            .collect();
        let named = words.iter().any(|&i| {
            let w = a.word(i);
            let title_case = || {
                let mut c = w.chars();
                c.next()
                    .map(|f| {
                        f.to_uppercase()
                            .chain(c.flat_map(char::to_lowercase))
                            .collect()
                    })
                    .unwrap_or_default()
            };
            lex.is_first_name(w)
                || lex.is_surname(w)
                || (a.is_all_caps(i) && {
                    let t: String = title_case();
                    lex.is_first_name(&t) || lex.is_surname(&t)
                })
        });
        let ordinary = |i: usize| {
            let w = crate::text::fold(a.word(i));
            w.chars().count() >= 3 && lex.is_frequent_word(&w) && lex.is_common_word(&w)
        };
        let Some(&last) = words.last().filter(|&&i| ordinary(i)) else {
            return true;
        };
        if named {
            return true;
        }
        // "Kensington Market", "Tahrir Square": a place's head word makes a place.
        *kind = if a.cue1(last) & (cue::LOC | cue::GPE | cue::FACILITY) != 0 {
            EntityKind::Loc
        } else {
            EntityKind::Org
        };
        words.len() >= 2
    });
}

/// Sportsmen written before a name whom neither the cue words nor the players' roles of
/// `teams.rs` list ("Jockey Michael Hills").
const SPORTSMEN: &[&str] = &[
    "jockey", "trainer", "cyclist", "sprinter", "swimmer", "boxer", "golfer",
];

/// Words in lower case that join two parts of a person's name read apart: the rules'
/// particles but "y" ("Ortega y Gasset", but as often two people in Spanish), and "wa",
/// "bint", "ben", "arap" ("Kengo wa Dondo", "Daniel arap Moi").
fn joins_a_name(word: &str) -> bool {
    word != "y"
        && (super::candidates::PARTICLES.contains(&word)
            || matches!(word, "wa" | "bint" | "ben" | "arap"))
}

/// "North", "South", "East" or "West", capitalised: given names of the list, but more often
/// the first word of a place's name.
fn is_compass_point(word: &str) -> bool {
    matches!(word, "North" | "South" | "East" | "West")
}

/// Abbreviations in capitals that are no one's initials ("A.D. Tacitus", "R.I.P. Mike Brown"),
/// and "I", a numeral more often than an initial.
const NOT_INITIALS: &[&str] = &[
    "AD", "BC", "BCE", "CE", "RIP", "AM", "PM", "PS", "NB", "EG", "IE", "I", "II", "III", "IV",
    "VI", "US", "UK", "EU", "UN", "USA",
];
