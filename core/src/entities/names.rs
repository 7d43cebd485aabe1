//! Steps over the merged mentions that mend names the tagger reads apart or wrongly: towns
//! matched only through the accent fold, names cut at a hyphen, storms named like people.

use super::candidates::Analyzer;
use super::lexicon::{Lexicon, Source};
use super::mention::{normalise_name, Mention, Strength, HEADER};
use super::tokens::TokKind;
use super::EntityKind;
use std::collections::HashMap;

/// A town whose name has marks the text's word lacks, when that word is an ordinary English
/// one, is the word: "God" is not Göd in Hungary. The gazetteer matches through the accent
/// fold (so that "Sao Paulo" is São Paulo); the rules and the tagger's features keep that
/// match, and this step takes such places out of the tagger's names.
pub(crate) fn drop_folded_towns(analyzers: &[Analyzer], mentions: &mut Vec<Mention>) {
    let lex = Lexicon::get();
    mentions.retain(|m| {
        if m.segment == HEADER
            || m.tok_end != m.tok_start + 1
            || !matches!(m.kind, EntityKind::Gpe | EntityKind::Loc)
        {
            return true;
        }
        let Some(a) = analyzers.get(m.segment) else {
            return true;
        };
        let word = a.word(m.tok_start);
        let folded_town = a
            .gaz_at(m.tok_start, m.tok_end)
            .is_some_and(|(end, entry)| {
                end == m.tok_end && entry.source == Source::City && !entry.canonical.is_ascii()
            });
        !(folded_town && word.is_ascii() && lex.is_common_word(word))
    });
}

/// A name cut at a hyphen is the whole hyphenated name: the tagger reads "Daimler" of
/// "Daimler-Benz" and "Royce" of "Rolls-Royce" apart. A name with a glued hyphen and a
/// capitalised word in lower case after its first letter on either side (not "Israel-PLO"),
/// found as nothing or as a person or organisation of one word of another kind, takes it in,
/// unless either part is a place of the gazetteer ("US-China", "Israel-Jordan" talks name two
/// countries). The whole is an organisation where either part was one, and takes the kind the
/// document gives the same name elsewhere ("Coca" was a town; "Coca-Cola said" a company).
pub(crate) fn hyphenated_names(analyzers: &[Analyzer], mentions: &mut Vec<Mention>) {
    let lex = Lexicon::get();
    let place = |a: &Analyzer, s: usize, e: usize| {
        a.gaz_at(s, e).is_some_and(|(end, entry)| {
            end == e && matches!(entry.kind, EntityKind::Gpe | EntityKind::Loc)
        })
    };
    // Where the names that were joined start: (region, first token).
    let mut joined: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < mentions.len() {
        let m = &mentions[i];
        let Some(a) = analyzers.get(m.segment).filter(|_| m.segment != HEADER) else {
            i += 1;
            continue;
        };
        let (segment, s, e, n) = (m.segment, m.tok_start, m.tok_end, a.toks.len());
        let glued = |k: usize| k < n && !a.toks[k].space_before;
        // A capitalised word at `word`, glued to the name by the hyphen at `hyphen`.
        let part = |hyphen: usize, word: usize| {
            a.toks[hyphen].kind == TokKind::Joiner
                && a.word(hyphen) == "-"
                && glued(hyphen)
                && glued(hyphen + 1)
                && a.is_name_token(word)
                && a.word(word).chars().skip(1).any(char::is_lowercase)
                && !place(a, word, word + 1)
        };
        // What follows or precedes the whole is punctuation or a space ("Daimler-Benz.").
        let apart = |k: usize| !glued(k) || a.toks[k].kind == TokKind::Punct;
        let word = if e + 1 < n && part(e, e + 1) && apart(e + 2) {
            e + 1
        } else if s >= 2 && part(s - 1, s - 2) && (s == 2 || apart(s - 2)) {
            s - 2
        } else {
            i += 1;
            continue;
        };
        let other = mentions
            .iter()
            .position(|o| o.segment == segment && o.tok_start <= word && word < o.tok_end);
        // Two names of one kind side by side stay two ("the Google-Mozilla deal", "the
        // Kasparov-Karpov match").
        let other_fits = other.is_none_or(|j| {
            let o = &mentions[j];
            o.tok_end == o.tok_start + 1
                && matches!(o.kind, EntityKind::Person | EntityKind::Org)
                && o.kind != m.kind
        });
        // A person takes in no word of the dictionary ("Legal-Bob Carter" of a signature,
        // "Off-Broadway"); nationalities and events stay as they are ("Israeli-Palestinian").
        let person_word = m.kind == EntityKind::Person && lex.is_common_word(a.word(word));
        if place(a, s, e)
            || !other_fits
            || person_word
            || !matches!(
                m.kind,
                EntityKind::Person | EntityKind::Org | EntityKind::Gpe | EntityKind::Loc
            )
        {
            i += 1;
            continue;
        }
        let mut kind = m.kind;
        if let Some(j) = other {
            if mentions[j].kind == EntityKind::Org {
                kind = EntityKind::Org;
            }
            mentions.remove(j);
            if j < i {
                i -= 1;
            }
        }
        let m = &mut mentions[i];
        m.tok_start = m.tok_start.min(word);
        m.tok_end = m.tok_end.max(word + 1);
        m.start = a.toks[m.tok_start].start;
        m.end = a.toks[m.tok_end - 1].end;
        m.kind = kind;
        m.key = normalise_name(&a.text[m.start..m.end]);
        m.canonical = None;
        joined.push((segment, m.tok_start));
        i += 1;
    }
    for (segment, start) in joined {
        let Some(i) = mentions
            .iter()
            .position(|m| m.segment == segment && m.tok_start == start)
        else {
            continue;
        };
        let (key, kind) = (&mentions[i].key, mentions[i].kind);
        if let Some(other) = mentions.iter().find(|o| &o.key == key && o.kind != kind) {
            mentions[i].kind = other.kind;
        }
    }
}

/// Words that name a storm before its name: "Hurricane Katrina", "Typhoon Haiyan", "Cyclone
/// Phailin", "Tropical Storm Rita", "Super Typhoon Goni".
const STORM_WORDS: &[&str] = &["Hurricane", "Typhoon", "Cyclone", "Superstorm"];

/// Storms are named as people are, and the tagger reads "Katrina" in "Hurricane Katrina" and in
/// "Katrina devastated refineries" as a person. A capitalised word right after a storm word is
/// the storm, an event, named with the storm word ("Hurricane Katrina"), and so is the same
/// word as a name alone elsewhere in the document, in the storm's chip. A longer name that
/// holds the storm ("the Hurricane Katrina Relief Fund") keeps its own reading.
pub(crate) fn storms(analyzers: &[Analyzer], mentions: &mut Vec<Mention>) {
    // (region, first token, end token), and each storm's name → the key of its chip.
    let mut found: Vec<(usize, usize, usize)> = Vec::new();
    let mut keys: HashMap<String, String> = HashMap::new();
    for (segment, a) in analyzers.iter().enumerate() {
        for i in 0..a.toks.len().saturating_sub(1) {
            let w = a.word(i);
            let tropical = i > 0 && a.is_word(i - 1, "Tropical");
            let storm = a.toks[i].kind == TokKind::Word
                && (STORM_WORDS.contains(&w) || (tropical && matches!(w, "Storm" | "Depression")));
            let name = i + 1;
            if !storm || !a.is_name_token(name) || a.is_name_token(name + 1) {
                continue;
            }
            let s = if tropical || (i > 0 && a.is_word(i - 1, "Super")) {
                i - 1
            } else {
                i
            };
            found.push((segment, s, name + 1));
        }
    }
    if found.is_empty() {
        return;
    }
    // The storms are in order and apart; each mention looks only at those it overlaps (a
    // text may hold many). A storm that a longer name holds is left to it.
    let overlapping = |found: &[(usize, usize, usize)], m: &Mention| {
        let first = found.partition_point(|&(g, _, e)| (g, e) <= (m.segment, m.tok_start));
        let n = found[first..]
            .iter()
            .take_while(|&&(g, s, _)| g == m.segment && s < m.tok_end)
            .count();
        first..first + n
    };
    let mut held = vec![false; found.len()];
    for m in mentions.iter().filter(|m| m.segment != HEADER) {
        for k in overlapping(&found, m) {
            held[k] |= m.tok_end > found[k].2;
        }
    }
    let mut k = 0;
    found.retain(|_| {
        k += 1;
        !held[k - 1]
    });
    for &(segment, s, e) in &found {
        let a = &analyzers[segment];
        let (start, end) = (a.toks[s].start, a.toks[e - 1].end);
        keys.entry(a.word(e - 1).to_string())
            .or_insert_with(|| normalise_name(&a.text[start..end]));
    }
    mentions.retain(|m| overlapping(&found, m).is_empty());
    // The storm's name alone elsewhere.
    for m in mentions.iter_mut() {
        let Some(a) = analyzers.get(m.segment).filter(|_| m.segment != HEADER) else {
            continue;
        };
        if m.tok_end == m.tok_start + 1 && m.kind != EntityKind::Event {
            if let Some(key) = keys.get(a.word(m.tok_start)) {
                m.kind = EntityKind::Event;
                m.key = key.clone();
                m.canonical = None;
            }
        }
    }
    for (segment, s, e) in found {
        let a = &analyzers[segment];
        let (start, end) = (a.toks[s].start, a.toks[e - 1].end);
        mentions.push(Mention {
            start,
            end,
            segment,
            tok_start: s,
            tok_end: e,
            kind: EntityKind::Event,
            key: keys[a.word(e - 1)].clone(),
            canonical: None,
            strength: Strength::Strong,
        });
    }
}
