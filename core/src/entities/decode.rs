//! Decoding: the best tag sequence of each region under the model (Viterbi, with an inside
//! tag allowed only after a tag of its own kind), the names in it, and their merge with what
//! the rules know: the rules' names on their strongest evidence where the tagger found none,
//! a name the rules found longer from the same word is taken whole, a name inside a
//! rule-found event is the event's, one kind per name written alike across the document, a
//! word that begins an organisation's name elsewhere stands for it, a name at the place of a
//! rule mention keeps its key and gazetteer name; the rules' events, nationalities and header
//! fields stay where no name overlaps them; people that are places or companies; towns
//! matched only through the accent fold dropped. The steps after it are `capitals.rs`,
//! `teams.rs` and `organisations.rs`.

use super::candidates::Analyzer;
use super::features::Features;
use super::lexicon::{cue, FastSet, Lexicon, Source};
use super::mention::{normalise_name, Mention, Strength, HEADER};
use super::model::{Model, TAGS};
use super::organisations::is_legal_suffix;
use super::tokens::TokKind;
use super::EntityKind;
use std::collections::HashMap;

/// The kind a tag names (PER, ORG or LOC, as `EntityKind::Person`, `Org`, `Loc`), if any.
pub(crate) fn tag_kind(tag: usize) -> Option<EntityKind> {
    match tag {
        1 | 2 => Some(EntityKind::Person),
        3 | 4 => Some(EntityKind::Org),
        5 | 6 => Some(EntityKind::Loc),
        _ => None,
    }
}

fn is_inside(tag: usize) -> bool {
    matches!(tag, 2 | 4 | 6)
}

/// Whether `next` may follow `prev` (`None`: the start of a region): an inside tag only
/// continues a name of its own kind.
pub(crate) fn allowed(prev: Option<usize>, next: usize) -> bool {
    !is_inside(next) || prev.is_some_and(|p| p != 0 && p.div_ceil(2) == next.div_ceil(2))
}

/// The best tag sequence under `emissions` and `transitions` that `allowed` permits.
pub(crate) fn viterbi(
    emissions: &[[i64; TAGS]],
    transitions: &[[i64; TAGS]; TAGS + 1],
) -> Vec<usize> {
    let n = emissions.len();
    if n == 0 {
        return Vec::new();
    }
    const NONE: i64 = i64::MIN / 4;
    let mut back = vec![[0u8; TAGS]; n];
    let mut score = [NONE; TAGS];
    for t in 0..TAGS {
        if allowed(None, t) {
            score[t] = transitions[0][t] + emissions[0][t];
        }
    }
    for i in 1..n {
        let mut next = [NONE; TAGS];
        for t in 0..TAGS {
            let mut best = (NONE, 0);
            for (p, &s) in score.iter().enumerate() {
                if s == NONE || !allowed(Some(p), t) {
                    continue;
                }
                let v = s + transitions[p + 1][t];
                if v > best.0 {
                    best = (v, p);
                }
            }
            if best.0 != NONE {
                next[t] = best.0 + emissions[i][t];
                back[i][t] = best.1 as u8;
            }
        }
        score = next;
    }
    let mut tag = (0..TAGS)
        .max_by_key(|&t| (score[t], std::cmp::Reverse(t)))
        .unwrap_or(0);
    let mut tags = vec![0; n];
    for i in (0..n).rev() {
        tags[i] = tag;
        tag = back[i][tag] as usize;
    }
    tags
}

/// The names in a tag sequence: (first token, end token, kind).
pub(crate) fn spans(tags: &[usize]) -> Vec<(usize, usize, EntityKind)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        match tag_kind(tags[i]) {
            Some(kind) if !is_inside(tags[i]) => {
                let mut e = i + 1;
                while e < tags.len() && is_inside(tags[e]) && tag_kind(tags[e]) == Some(kind) {
                    e += 1;
                }
                out.push((i, e, kind));
                i = e;
            }
            _ => i += 1,
        }
    }
    out
}

/// The names the model finds in each region: (region, first token, end token, kind).
pub(crate) fn tag_regions(
    features: &[Features],
    model: &Model,
) -> Vec<(usize, usize, usize, EntityKind)> {
    let transitions = model.transitions();
    let mut tagged = Vec::new();
    for (segment, f) in features.iter().enumerate() {
        let emissions: Vec<[i64; TAGS]> =
            (0..f.len()).map(|i| model.emissions(f.token(i))).collect();
        let tags = viterbi(&emissions, &transitions);
        for (s, e, kind) in spans(&tags) {
            tagged.push((segment, s, e, kind));
        }
    }
    tagged
}

/// Adds to the tagger's names those the rules found on their strongest evidence where the
/// tagger found nothing: an organisation with "&" inside ("Procter & Gamble"), a person
/// after a title or honorific ("Foreign Minister Wang Yi"), an ordinary word the rules call
/// a place only with support around it ("moved to Nice"; the model has seen such words mostly
/// in lower case), a person written with initials and a surname that is no dictionary
/// word ("R. Irani 123" in a scorecard; not "B. C."), and an organisation ending with a head
/// word ("the main opposition Socialist Party"). Chosen as the backoff that leaves GUM's
/// cross-validated F1 as it is; letting the rules in wherever the model all but agreed lost
/// 0.6 there.
pub(crate) fn add_trusted_rule_names(
    analyzers: &[Analyzer],
    rule_mentions: &[Mention],
    tagged: &mut Vec<(usize, usize, usize, EntityKind)>,
) {
    let lex = Lexicon::get();
    let named: FastSet<(usize, usize)> = tagged
        .iter()
        .flat_map(|&(segment, s, e, _)| (s..e).map(move |i| (segment, i)))
        .collect();
    let mut added = false;
    for m in rule_mentions.iter().filter(|m| m.segment != HEADER) {
        let (segment, s, e) = (m.segment, m.tok_start, m.tok_end);
        let Some(a) = analyzers.get(segment) else {
            continue;
        };
        if e > a.toks.len() || (s..e).any(|i| named.contains(&(segment, i))) {
            continue;
        }
        let ampersand =
            m.kind == EntityKind::Org && (s + 1..e.saturating_sub(1)).any(|i| a.word(i) == "&");
        let titled = m.kind == EntityKind::Person
            && s > 0
            && a.cue1(s - 1) & (cue::TITLE | cue::HONORIFIC) != 0;
        let supported = matches!(m.kind, EntityKind::Gpe | EntityKind::Loc)
            && e == s + 1
            && lex.is_common_word(&crate::text::fold(a.word(s)));
        let known_org = m.kind == EntityKind::Org && is_listed_org(a, s, e);
        let initialled = m.kind == EntityKind::Person
            && e >= s + 2
            && (s..e - 1).all(|i| is_initial(a, i))
            && !a.toks[e - 1].sent_start
            && a.word(e - 1).chars().filter(|c| c.is_lowercase()).count() >= 2
            && !lex.is_common_word(&crate::text::fold(a.word(e - 1)));
        // An organisation of two words or more ending with a head word ("Socialist Party",
        // "Czech National Bank"), not the end of a longer name ("… Health and Human
        // Services").
        let part_of_longer = s > 0
            && (a.is_name_token(s - 1)
                || (s >= 2 && a.is_connector(s - 1) && a.is_name_token(s - 2)));
        let headed = m.kind == EntityKind::Org
            && e >= s + 2
            && a.cue1(e - 1) & cue::ORG != 0
            && !a.toks[s].sent_start
            && !part_of_longer;
        if ampersand || titled || supported || known_org || initialled || headed {
            let kind = match m.kind {
                EntityKind::Gpe => EntityKind::Loc,
                k => k,
            };
            tagged.push((segment, s, e, kind));
            added = true;
        }
    }
    if added {
        tagged.sort_unstable();
    }
}

/// An initial: one capital letter and its full stop ("R.").
fn is_initial(a: &Analyzer, i: usize) -> bool {
    let w = a.word(i).trim_end_matches('.');
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.next().is_none()
        && w.len() < a.word(i).len()
}

/// The words of tokens `s..e`, folded.
pub(crate) fn folded_words(a: &Analyzer, s: usize, e: usize) -> Vec<String> {
    (s..e)
        .filter(|&i| a.toks[i].kind == TokKind::Word)
        .map(|i| crate::text::fold(a.word(i)))
        .collect()
}

/// Where the name on tokens `s..e` ends without its company suffixes and the stops around
/// them ("Carr Futures" of "Carr Futures Inc.", "Philip Morris" of "Philip Morris Cos Inc");
/// `e` if it has none.
pub(crate) fn end_without_suffix(a: &Analyzer, s: usize, mut e: usize) -> usize {
    while e > s + 1
        && (a.cue1(e - 1) & cue::ORG_ABBR != 0
            || is_legal_suffix(a.word(e - 1))
            || a.toks[e - 1].kind == TokKind::Punct)
    {
        e -= 1;
    }
    e
}

/// Whether tokens `s..e` are exactly an organisation of the hand-written list.
pub(crate) fn is_listed_org(a: &Analyzer, s: usize, e: usize) -> bool {
    a.gaz_at(s, e).is_some_and(|(end, entry)| {
        end == e && entry.kind == EntityKind::Org && entry.source == Source::Hand
    })
}

/// The tagger's names as mentions, with the rules' events, nationalities and header fields
/// where no name overlaps them. A name the rules found at the same place keeps the rules'
/// merge key and gazetteer name; a place keeps the rules' GPE or LOC; the same name written
/// alike takes one kind throughout the document (the kind most of its mentions got).
pub(crate) fn merge_tagged(
    analyzers: &[Analyzer],
    rule_mentions: &[Mention],
    mut tagged: Vec<(usize, usize, usize, EntityKind)>,
) -> Vec<Mention> {
    // Punctuation never starts or ends a name ("(", a quote), but a full stop glued to the
    // word before may end one ("Co.", "Jr.").
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
    let lex = Lexicon::get();
    // Initials right before a name that nothing else covers are part of it ("J.P. Morgan",
    // "T.S. Eliot", "F. Scott Fitzgerald", where the tagger took the last words alone): two
    // letters or more but abbreviations ("A.D. Tacitus", "R.I.P."), or one before a given or
    // family name of the lists ("J. Edgar Hoover"; not "I."), and never a place ("U.S.").
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
    // A person's name goes on over a hyphen before a part in lower case that is no word of
    // the dictionary nor ends as a derived one does ("Banharn Silpa-archa", "Chou En-lai";
    // not "Merkel-led", "Marvel-themed").
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
    // Two parts of one person's name read apart around a particle are one name ("Kengo wa
    // Dondo", "Osama bin Laden").
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
    // A "person" whose first word is a compass point is a place ("North Ossetia", "South
    // Kordofan"): "North" and "West" are given names of the list, but rare ones. Before a
    // nationality it is no name at all ("North American", the nationality is found).
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
    // A given name and a town's name that is no place as a whole is a person ("Bob Dole":
    // Dole, Jura), unless the second word heads a place's name ("Alice Springs") or is a
    // frequent word ("Upton Park"), or the given name is a place itself ("Florence") or a
    // compass point ("West Point").
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
    // A title is not part of a person's name ("Mayor Jorge Sharp" is "Jorge Sharp"); a name
    // of three words or more whose first is a title or a sportsman's role and whose second is
    // a given name is that person, whatever it was read as ("Jockey Michael Hills" was a
    // place), unless its last word heads an organisation's name ("… Library").
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
    // A person's name has a word that is a given or family name, or does not end with an
    // ordinary word among the 10,000 most frequent of English: "Rodale Books" is no person
    // but an organisation, "Tahrir Square" a place (its head word says so), and a lone
    // "Speaker" or "Team" no name ("Elon Musk", "Tea Leoni" stay people).
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
    // Names the tagger runs together that the rules keep apart, each whole ("the US
    // Asia-Pacific allies": "US", then "Asia-Pacific"; "the Justice Department and General
    // Motors"), stay apart.
    let mut by_segment: Vec<Vec<&Mention>> = vec![Vec::new(); analyzers.len()];
    for m in rule_mentions.iter().filter(|m| m.segment != HEADER) {
        if let Some(list) = by_segment.get_mut(m.segment) {
            list.push(m);
        }
    }
    // By where they start, so that the ones inside a name are found without a scan of the
    // region (a region may be a paragraph of a megabyte).
    for list in &mut by_segment {
        list.sort_by_key(|m| (m.tok_start, m.tok_end));
    }
    let mut split: Vec<(usize, usize, usize, EntityKind)> = Vec::with_capacity(tagged.len());
    for &(segment, s, e, kind) in &tagged {
        let list = &by_segment[segment];
        let first = list.partition_point(|m| m.tok_start < s);
        let inside: Vec<&Mention> = list[first..]
            .iter()
            .take_while(|m| m.tok_start < e)
            .copied()
            .filter(|m| m.tok_end <= e)
            .collect();
        let a = &analyzers[segment];
        let covered = |i: usize| inside.iter().any(|m| m.tok_start <= i && i < m.tok_end);
        let apart = inside.len() >= 2
            && inside
                .iter()
                .all(|m| !matches!(m.kind, EntityKind::Event | EntityKind::Norp))
            && (s..e).all(|i| {
                covered(i)
                    || !matches!(a.toks[i].kind, TokKind::Word | TokKind::Number)
                    || matches!(a.word(i), "and" | "or")
            });
        if apart {
            for m in &inside {
                let kind = match m.kind {
                    EntityKind::Gpe | EntityKind::Loc => EntityKind::Loc,
                    k => k,
                };
                split.push((segment, m.tok_start, m.tok_end, kind));
            }
        } else {
            split.push((segment, s, e, kind));
        }
    }
    let mut tagged = split;
    // A name inside an event the rules found ("Britain" in "Battle of Britain") is part of
    // the event's name, not a name of its own.
    let events: Vec<Vec<&Mention>> = by_segment
        .iter()
        .map(|list| {
            list.iter()
                .copied()
                .filter(|m| m.kind == EntityKind::Event)
                .collect()
        })
        .collect();
    tagged.retain(|&(segment, s, e, _)| {
        !events[segment]
            .iter()
            .any(|m| m.tok_start <= s && e <= m.tok_end && m.tok_end - m.tok_start > e - s)
    });
    // A name the rules found longer, from the same first word and of the same kind, is taken
    // whole: the rules know the tails of names made with head words ("Framework for
    // Prosperity", "Bank of the West"), which few training texts show.
    let same_class = |a: EntityKind, b: EntityKind| {
        a == b
            || (matches!(a, EntityKind::Gpe | EntityKind::Loc)
                && matches!(b, EntityKind::Gpe | EntityKind::Loc))
    };
    // The rules' mentions by where they start (the tagged names come in text order).
    let rule_at: HashMap<(usize, usize), &Mention> = rule_mentions
        .iter()
        .filter(|m| m.segment != HEADER)
        .map(|m| ((m.segment, m.tok_start), m))
        .collect();
    for k in 0..tagged.len() {
        let (segment, s, e, kind) = tagged[k];
        let Some(m) = rule_at.get(&(segment, s)) else {
            continue;
        };
        let next_start = tagged
            .get(k + 1)
            .filter(|next| next.0 == segment)
            .map_or(usize::MAX, |next| next.1);
        // A long name the text defines with an acronym in parentheses ("Indo-Pacific
        // Economic Framework for Prosperity (IPEF)") is taken whole, with the rules' kind.
        let defined = matches!(m.kind, EntityKind::Person | EntityKind::Org)
            && analyzers[segment]
                .acronym_after(m.tok_start, m.tok_end)
                .is_some();
        if m.tok_end > e && (same_class(m.kind, kind) || defined) && next_start >= m.tok_end {
            tagged[k].2 = m.tok_end;
            if defined {
                tagged[k].3 = m.kind;
            }
        }
    }
    // One kind per name written alike (whatever its case: "LEEDS" in a headline is the
    // "Leeds" of the text). On a tie, a mention at a sentence's start, where the tagger sees
    // least, takes the kind the tied mentions inside sentences have ("Bundesbank leaves rates
    // unchanged" … "The Bundesbank left").
    let mut votes: HashMap<String, [usize; 3]> = HashMap::new();
    let mut inside_votes: HashMap<String, [usize; 3]> = HashMap::new();
    let surface = |&(segment, s, e, _): &(usize, usize, usize, EntityKind)| {
        let a = &analyzers[segment];
        crate::text::fold(&normalise_name(&a.text[a.toks[s].start..a.toks[e - 1].end]))
    };
    let slot = |kind: EntityKind| match kind {
        EntityKind::Person => 0,
        EntityKind::Org => 1,
        _ => 2,
    };
    let opens_sentence =
        |t: &(usize, usize, usize, EntityKind)| analyzers[t.0].toks[t.1].sent_start;
    let keys: Vec<String> = tagged.iter().map(surface).collect();
    for (t, key) in tagged.iter().zip(&keys) {
        votes.entry(key.clone()).or_default()[slot(t.3)] += 1;
        if !opens_sentence(t) {
            inside_votes.entry(key.clone()).or_default()[slot(t.3)] += 1;
        }
    }
    for (t, key) in tagged.iter_mut().zip(keys) {
        let v = votes[&key];
        let mine = v[slot(t.3)];
        let best = (0..3).max_by_key(|&k| (v[k], k == slot(t.3))).unwrap_or(2);
        let inside = inside_votes.get(&key).copied().unwrap_or_default();
        let tie_inside = (0..3)
            .filter(|&k| v[k] == mine && inside[k] > inside[slot(t.3)])
            .max_by_key(|&k| inside[k]);
        if v[best] > mine {
            t.3 = [EntityKind::Person, EntityKind::Org, EntityKind::Loc][best];
        } else if let Some(k) = tie_inside.filter(|_| opens_sentence(t)) {
            t.3 = [EntityKind::Person, EntityKind::Org, EntityKind::Loc][k];
        }
    }
    // A lone word that begins an organisation's name elsewhere in the document stands for
    // it ("Nordvik Holdings" … "Nordvik said"), unless it is a known place or a given name.
    // A given name that is a family name too stands for the organisation when no person of
    // the document bears it ("Carr Futures" … "Carr said"; not "Jason", nor "Ford" beside
    // "Harrison Ford").
    // A "person" whose words are an organisation's name of the document without its
    // company suffix is that organisation: "Carr Futures" of "Carr Futures Inc.".
    let words_of = |segment: usize, s: usize, e: usize| folded_words(&analyzers[segment], s, e);
    let mut unsuffixed: FastSet<Vec<String>> = FastSet::default();
    let orgs = tagged
        .iter()
        .filter(|t| t.3 == EntityKind::Org)
        .map(|t| (t.0, t.1, t.2))
        .chain(
            rule_mentions
                .iter()
                .filter(|m| m.segment != HEADER && m.kind == EntityKind::Org)
                .map(|m| (m.segment, m.tok_start, m.tok_end)),
        );
    for (segment, s, full) in orgs {
        let e = end_without_suffix(&analyzers[segment], s, full);
        if e < full && e > s + 1 {
            unsuffixed.insert(words_of(segment, s, e));
        }
    }
    if !unsuffixed.is_empty() {
        for t in tagged.iter_mut() {
            if t.3 == EntityKind::Person && unsuffixed.contains(&words_of(t.0, t.1, t.2)) {
                t.3 = EntityKind::Org;
            }
        }
    }
    let person_words: FastSet<String> = tagged
        .iter()
        .filter(|t| t.3 == EntityKind::Person && t.2 > t.1 + 1)
        .flat_map(|&(segment, s, e, _)| {
            (s..e).map(move |i| crate::text::fold(analyzers[segment].word(i)))
        })
        .collect();
    let someones_name = |w: &str| {
        lex.is_first_name(w) && (!lex.is_surname(w) || person_words.contains(&crate::text::fold(w)))
    };
    people_that_are_places_or_companies(analyzers, &mut tagged, &surface);
    let mut org_first_words: FastSet<String> = FastSet::default();
    let multi_word_orgs = tagged
        .iter()
        .filter(|t| t.3 == EntityKind::Org && t.2 > t.1 + 1)
        .map(|t| (t.0, t.1))
        .chain(
            rule_mentions
                .iter()
                .filter(|m| {
                    m.segment != HEADER && m.kind == EntityKind::Org && m.tok_end > m.tok_start + 1
                })
                .map(|m| (m.segment, m.tok_start)),
        );
    for (segment, s) in multi_word_orgs {
        org_first_words.insert(crate::text::fold(analyzers[segment].word(s)));
    }
    for t in tagged.iter_mut() {
        let (segment, s, e, kind) = *t;
        if kind != EntityKind::Person || e != s + 1 {
            continue;
        }
        let a = &analyzers[segment];
        let w = a.word(s);
        if org_first_words.contains(&crate::text::fold(w))
            && !someones_name(w)
            && a.gaz_at(s, e).is_none()
        {
            t.3 = EntityKind::Org;
        }
    }
    // The same for a lone capitalised word the tagger left out ("Halvorsen Trading
    // Corporation" … "a Halvorsen spokesman"), when it is no ordinary word and no event or
    // nationality of the rules'.
    let covered: FastSet<(usize, usize)> = tagged
        .iter()
        .flat_map(|&(segment, s, e, _)| (s..e).map(move |i| (segment, i)))
        .chain(
            rule_mentions
                .iter()
                .filter(|m| {
                    m.segment != HEADER && matches!(m.kind, EntityKind::Event | EntityKind::Norp)
                })
                .flat_map(|m| (m.tok_start..m.tok_end).map(move |i| (m.segment, i))),
        )
        .collect();
    let mut lone = Vec::new();
    for (segment, a) in analyzers.iter().enumerate() {
        let capitalised_word = |i: usize| {
            a.toks.get(i).is_some_and(|t| t.kind == TokKind::Word)
                && a.word(i).starts_with(char::is_uppercase)
        };
        for i in 0..a.toks.len() {
            if !capitalised_word(i)
                || covered.contains(&(segment, i))
                || (i > 0
                    && capitalised_word(i - 1)
                    && !(a.toks[i - 1].sent_start
                        && (a.cue1(i - 1) & cue::STOP != 0
                            || lex.is_common_word(&crate::text::fold(a.word(i - 1))))))
                || capitalised_word(i + 1)
                || a.toks.get(i + 1).is_some_and(|t| t.kind == TokKind::Joiner)
            {
                continue;
            }
            let w = a.word(i);
            let folded = crate::text::fold(w);
            if org_first_words.contains(&folded)
                && !lex.is_common_word(&folded)
                && !someones_name(w)
                && a.gaz_at(i, i + 1).is_none()
            {
                lone.push((segment, i, i + 1, EntityKind::Org));
            }
        }
    }
    if !lone.is_empty() {
        tagged.extend(lone);
        tagged.sort_unstable();
    }
    let mut out: Vec<Mention> = Vec::with_capacity(tagged.len());
    // An organisation of the hand-written list is no person ("Morgan Stanley"); between
    // organisation and place the tagger decides ("at the White House"), unless the document
    // calls the same name an organisation elsewhere: one name, one chip.
    let listed_at = |&(segment, s, e, _): &(usize, usize, usize, EntityKind)| {
        rule_at
            .get(&(segment, s))
            .filter(|m| m.tok_end == e && m.kind == EntityKind::Org)
            .is_some_and(|_| is_listed_org(&analyzers[segment], s, e))
    };
    let listed_as_org: FastSet<String> = tagged
        .iter()
        .filter(|t| matches!(t.3, EntityKind::Person | EntityKind::Org) && listed_at(t))
        .map(surface)
        .collect();
    for t in &tagged {
        let &(segment, s, e, kind) = t;
        let a = &analyzers[segment];
        let rule = rule_at.get(&(segment, s)).filter(|m| m.tok_end == e);
        let listed_org = match kind {
            EntityKind::Person => listed_at(t),
            EntityKind::Loc => listed_at(t) && listed_as_org.contains(&surface(t)),
            _ => false,
        };
        let m = match rule {
            Some(r) if same_class(r.kind, kind) || listed_org => (*r).clone(),
            Some(r) => {
                let mut m = (*r).clone();
                m.kind = kind;
                m.canonical = None;
                m
            }
            None => {
                let mut m = Mention {
                    start: a.toks[s].start,
                    end: a.toks[e - 1].end,
                    segment,
                    tok_start: s,
                    tok_end: e,
                    kind,
                    key: normalise_name(&a.text[a.toks[s].start..a.toks[e - 1].end]),
                    canonical: None,
                    strength: Strength::Strong,
                };
                let entry = a
                    .gaz_at(s, e)
                    .filter(|&(end, _)| end == e)
                    .map(|(_, entry)| entry);
                match entry {
                    Some(entry) if same_class(entry.kind, kind) => {
                        m.kind = entry.kind;
                        m.key = entry.canonical.to_string();
                        if !matches!(entry.source, Source::City | Source::Admin) {
                            m.canonical = Some(entry.canonical);
                        }
                    }
                    // A place no gazetteer knows: most often a town or a country.
                    _ if kind == EntityKind::Loc => m.kind = EntityKind::Gpe,
                    _ => {}
                }
                m
            }
        };
        out.push(m);
    }
    // The rules' events and nationalities, and the header fields, where no name is.
    let named: FastSet<(usize, usize)> = tagged
        .iter()
        .flat_map(|&(segment, s, e, _)| (s..e).map(move |i| (segment, i)))
        .collect();
    for m in rule_mentions {
        let keep = m.segment == HEADER
            || (matches!(m.kind, EntityKind::Event | EntityKind::Norp)
                && !(m.tok_start..m.tok_end).any(|i| named.contains(&(m.segment, i))));
        if keep {
            out.push(m.clone());
        }
    }
    out
}

/// A name the tagger found: its region, first token, end token and kind.
type TaggedName = (usize, usize, usize, EntityKind);

/// "People" of the tagger that no given or family name, no word of another person's name of
/// the document and no title speak for. One that is exactly a place the gazetteer knows is
/// the place: "Brussels said the deal would not harm competition" speaks for a government,
/// not a man ("Houston" stays a person beside "Whitney Houston", "Dr. Calgary" after a
/// title). One whose next word, a verb, is followed by "its" is an organisation, everywhere
/// in the document ("Svenska Handelsbanken cut its rating").
fn people_that_are_places_or_companies(
    analyzers: &[Analyzer],
    tagged: &mut [TaggedName],
    surface: &dyn Fn(&TaggedName) -> String,
) {
    let lex = Lexicon::get();
    // The people's names of two words or more each word is in.
    let mut names_with_word: HashMap<String, FastSet<String>> = HashMap::new();
    for t in tagged.iter() {
        let &(segment, s, e, kind) = t;
        if kind == EntityKind::Person && e > s + 1 {
            for i in s..e {
                names_with_word
                    .entry(crate::text::fold(analyzers[segment].word(i)))
                    .or_default()
                    .insert(surface(t));
            }
        }
    }
    let mut its_names: FastSet<String> = FastSet::default();
    for t in tagged.iter_mut() {
        let (segment, s, e, kind) = *t;
        if kind != EntityKind::Person {
            continue;
        }
        let a = &analyzers[segment];
        // A word of another person's name of two words or more.
        let own = surface(t);
        let personal = (s..e).any(|i| {
            let w = a.word(i);
            lex.is_first_name(w)
                || lex.is_surname(w)
                || names_with_word
                    .get(&crate::text::fold(w))
                    .is_some_and(|names| names.iter().any(|n| *n != own))
        });
        // A title before it makes a person ("CEO Barra"); a town too small to be known by
        // name alone ("Clinton", 36,000 people; "Whalley", 100,000) may be someone's name
        // that the lists lack.
        let before = match s.checked_sub(1) {
            Some(i) if i > 0 && a.word(i) == "." => Some(i - 1),
            i => i,
        };
        let titled = before.is_some_and(|i| a.cue1(i) & (cue::TITLE | cue::HONORIFIC) != 0);
        if personal || titled {
            continue;
        }
        if let Some((end, entry)) = a.gaz_at(s, e) {
            let known = entry.source != Source::City || entry.population >= 200_000;
            if end == e && known && matches!(entry.kind, EntityKind::Gpe | EntityKind::Loc) {
                t.3 = entry.kind;
                continue;
            }
        }
        // "Svenska Handelsbanken cut its rating", "Enron and its finance sector": a name that
        // the next words call "its" is no person ("Olof Palme was its Prime Minister" is).
        let its = a.toks.get(e + 1).is_some_and(|_| {
            a.toks[e].kind == TokKind::Word
                && a.word(e + 1) == "its"
                && a.word(e).chars().all(char::is_lowercase)
                && !NOT_AN_ACT.contains(&a.word(e))
        });
        if its {
            its_names.insert(surface(t));
        }
    }
    // The name is no person anywhere in the document ("Dynegy expects its …" … "Dynegy said").
    if !its_names.is_empty() {
        for t in tagged.iter_mut() {
            if t.3 == EntityKind::Person && its_names.contains(&surface(t)) {
                t.3 = EntityKind::Org;
            }
        }
    }
}

/// Words between a name and "its" that do not make the name the one "its" refers to ("Olof
/// Palme was its Prime Minister", "Vilnius as its capital").
const NOT_AN_ACT: &[&str] = &[
    "was", "is", "as", "became", "becomes", "of", "in", "at", "to", "for", "with", "on", "from",
    "by",
];

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viterbi_respects_the_tag_constraints() {
        let zero = [[0i64; TAGS]; TAGS + 1];
        // Each token alone prefers I-ORG, which may not start a name: the best allowed
        // sequence begins it with B-ORG.
        let e = [
            [0, 0, 0, 5, 9, 0, 0],
            [0, 0, 0, 0, 9, 0, 0],
            [3, 0, 0, 0, 0, 0, 0],
        ];
        let tags = viterbi(&e, &zero);
        assert_eq!(tags, [3, 4, 0]);
        assert_eq!(spans(&tags), [(0, 2, EntityKind::Org)]);
        assert!(!allowed(Some(1), 4), "I-ORG after B-PER");
        assert!(allowed(Some(3), 4));
        assert!(!allowed(None, 2));
    }
}
