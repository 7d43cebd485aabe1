//! Decoding: the best tag sequence of each region under the model (Viterbi, with an inside
//! tag allowed only after a tag of its own kind), the names in it, and their merge with what
//! the rules know: the rules' names on their strongest evidence where the tagger found none,
//! a name the rules found longer from the same word is taken whole, a name inside a
//! rule-found event is the event's, one kind per name written alike across the document, a
//! word that begins an organisation's name elsewhere stands for it, a name at the place of a
//! rule mention keeps its key and gazetteer name; the rules' events, nationalities and header
//! fields stay where no name overlaps them. Then places in lines in capitals (datelines,
//! headlines), and sports teams: towns and given names that stand for clubs in results.

use super::candidates::Analyzer;
use super::features::Features;
use super::lexicon::{cue, push_key_lower, push_key_titled, FastMap, FastSet, Lexicon, Source};
use super::mention::{normalise_name, Mention, Strength, HEADER};
use super::model::{Model, TAGS};
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
/// after a title or honorific ("Foreign Minister Wang Yi"), and an ordinary word the rules
/// call a place only with support around it ("moved to Nice"; the model has seen such words
/// mostly in lower case). Chosen as the backoff that leaves GUM's cross-validated F1 as it
/// is; letting the rules in wherever the model all but agreed lost 0.6 there.
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
        if ampersand || titled || supported || known_org {
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

/// The words of tokens `s..e`, folded.
fn folded_words(a: &Analyzer, s: usize, e: usize) -> Vec<String> {
    (s..e)
        .filter(|&i| a.toks[i].kind == TokKind::Word)
        .map(|i| crate::text::fold(a.word(i)))
        .collect()
}

/// Where the name on tokens `s..e` ends without its company suffix and the stops around it
/// ("Carr Futures" of "Carr Futures Inc."); `e` if it has none.
fn end_without_suffix(a: &Analyzer, s: usize, mut e: usize) -> usize {
    while e > s + 1 && (a.cue1(e - 1) & cue::ORG_ABBR != 0 || a.toks[e - 1].kind == TokKind::Punct)
    {
        e -= 1;
    }
    e
}

/// Whether tokens `s..e` are exactly an organisation of the hand-written list.
fn is_listed_org(a: &Analyzer, s: usize, e: usize) -> bool {
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
    // A title is not part of a person's name ("Mayor Jorge Sharp" is "Jorge Sharp").
    for (segment, s, e, kind) in tagged.iter_mut() {
        let a = &analyzers[*segment];
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
    // "Leeds" of the text).
    let mut votes: HashMap<String, [usize; 3]> = HashMap::new();
    let surface = |&(segment, s, e, _): &(usize, usize, usize, EntityKind)| {
        let a = &analyzers[segment];
        crate::text::fold(&normalise_name(&a.text[a.toks[s].start..a.toks[e - 1].end]))
    };
    let slot = |kind: EntityKind| match kind {
        EntityKind::Person => 0,
        EntityKind::Org => 1,
        _ => 2,
    };
    for t in &tagged {
        votes.entry(surface(t)).or_default()[slot(t.3)] += 1;
    }
    for t in tagged.iter_mut() {
        let v = votes[&surface(t)];
        let mine = v[slot(t.3)];
        let best = (0..3).max_by_key(|&k| (v[k], k == slot(t.3))).unwrap_or(2);
        if v[best] > mine {
            t.3 = [EntityKind::Person, EntityKind::Org, EntityKind::Loc][best];
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

/// Places in lines written in capitals, and in datelines, which the tagger, trained on few of
/// them, misses or misreads: a dateline ("OSLO 1996-08-30", "WASHINGTON (AP) - The Senate…":
/// the capitals at the start of a line before a parenthesis, a dash, a comma or, in a line all
/// in capitals, a number) names any place the gazetteer knows as a title-cased name ("Oslo"),
/// unless it is a listed organisation ("NATO -"); a headline or a results table in capitals
/// names countries only, since capitals hide the difference between a town and a word
/// ("BATH", "READING"). A line is in capitals when four in five of its letters are. The place
/// wins over what the tagger made of the same words ("LONDON" as an organisation, "PARIS" as
/// a person); a name that reaches past it keeps its place.
pub(crate) fn capitals_places(analyzers: &[Analyzer], mentions: &mut Vec<Mention>) {
    let lex = Lexicon::get();
    for (segment, a) in analyzers.iter().enumerate() {
        let n = a.toks.len();
        let mut line_start = 0;
        while line_start < n {
            let mut line_end = line_start + 1;
            while line_end < n
                && !a.text[a.toks[line_end - 1].end..a.toks[line_end].start].contains('\n')
            {
                line_end += 1;
            }
            let (mut upper, mut letters) = (0usize, 0usize);
            for i in line_start..line_end {
                if a.toks[i].kind == TokKind::Word {
                    for c in a.word(i).chars().filter(|c| c.is_alphabetic()) {
                        letters += 1;
                        upper += usize::from(c.is_uppercase());
                    }
                }
            }
            let capitals = letters >= 4 && upper * 10 >= letters * 8;
            // The capitals words at the start of the line, then what follows them. In a line
            // of ordinary case, a word of capitals has two letters at least ("A", "I" are not
            // places) and only punctuation ends a dateline ("WASHINGTON (Reuters) -",
            // "BONN, Germany"), since a number after a word in capitals is a model or a year.
            let mut head_end = line_start;
            while head_end < line_end
                && a.toks[head_end].kind == TokKind::Word
                && a.word(head_end).chars().all(|c| !c.is_lowercase())
                && (capitals
                    || a.word(head_end)
                        .chars()
                        .filter(|c| c.is_uppercase())
                        .count()
                        >= 2)
            {
                head_end += 1;
            }
            let dateline = head_end > line_start
                && head_end < line_end
                && ((capitals && a.toks[head_end].kind == TokKind::Number)
                    || matches!(a.word(head_end), "(" | "-" | "\u{2013}" | "\u{2014}" | ","))
                && !is_listed_org(a, line_start, head_end);
            if capitals || dateline {
                // In a line of ordinary case, only the dateline's head is read.
                let scan_end = if capitals { line_end } else { head_end };
                let mut i = line_start;
                while i < scan_end {
                    let found = (a.toks[i].kind == TokKind::Word)
                        .then(|| title_cased_place(a, lex, i, scan_end))
                        .flatten();
                    let Some((end, entry)) = found else {
                        i += 1;
                        continue;
                    };
                    let in_dateline = dateline && i == line_start && end == head_end;
                    let overlapping =
                        |m: &Mention| m.segment == segment && m.tok_start < end && i < m.tok_end;
                    let blocked = mentions.iter().any(|m| {
                        overlapping(m)
                            && (m.tok_start < i
                                || m.tok_end > end
                                || matches!(m.kind, EntityKind::Gpe | EntityKind::Loc))
                    });
                    if blocked || !(in_dateline || entry.source == Source::Country) {
                        i += 1;
                        continue;
                    }
                    mentions.retain(|m| !overlapping(m));
                    let canonical = (!matches!(entry.source, Source::City | Source::Admin))
                        .then_some(entry.canonical);
                    mentions.push(Mention {
                        start: a.toks[i].start,
                        end: a.toks[end - 1].end,
                        segment,
                        tok_start: i,
                        tok_end: end,
                        kind: entry.kind,
                        key: entry.canonical.to_string(),
                        canonical,
                        strength: Strength::Strong,
                    });
                    i = end;
                }
            }
            line_start = line_end;
        }
    }
}

/// The longest gazetteer place starting at token `s` when its words are read title-cased
/// ("NEW YORK" as "New York").
fn title_cased_place(
    a: &Analyzer,
    lex: &Lexicon,
    s: usize,
    limit: usize,
) -> Option<(usize, super::lexicon::GazEntry)> {
    let mut key = String::new();
    let mut best = None;
    for i in s..limit.min(s + lex.max_name_tokens) {
        if a.toks[i].kind != TokKind::Word {
            break;
        }
        push_key_titled(&mut key, a.word(i));
        if let Some(entry) = lex.name(&key) {
            if matches!(entry.kind, EntityKind::Gpe | EntityKind::Loc) {
                best = Some((i + 1, *entry));
            }
        }
        if !lex.is_name_prefix(&key) {
            break;
        }
    }
    best
}

/// Words that report a result between two sides ("Leeds beat Arsenal 2-1").
const RESULT_VERBS: &[&str] = &[
    "beat",
    "beats",
    "defeated",
    "defeats",
    "edged",
    "thrashed",
    "routed",
    "crushed",
    "downed",
    "overcame",
    "drew",
    "draws",
    "lost",
    "loses",
    "held",
    "tied",
    "trounced",
    "hammered",
    "outclassed",
    "stunned",
    "upset",
    "eliminated",
    "knocked",
];

/// Words between a name and "its" that do not make the name the one "its" refers to ("Olof
/// Palme was its Prime Minister", "Vilnius as its capital").
const NOT_AN_ACT: &[&str] = &[
    "was", "is", "as", "became", "becomes", "of", "in", "at", "to", "for", "with", "on", "from",
    "by",
];

/// Words before a team's town that make it the town ("in Leeds", "home to Leeds").
const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "into", "to", "from", "near", "outside", "around", "across", "through",
];

/// Words after "X's" that make X a team ("Barcelona's striker").
const TEAM_ROLES: &[&str] = &[
    "striker",
    "strikers",
    "goalkeeper",
    "keeper",
    "coach",
    "manager",
    "midfielder",
    "midfielders",
    "defender",
    "defenders",
    "forward",
    "forwards",
    "captain",
    "winger",
    "squad",
    "fans",
    "supporters",
    "goal",
    "goals",
    "lineup",
    "line-up",
    "bench",
    "skipper",
    "quarterback",
    "pitcher",
    "shortstop",
    "infielder",
    "outfielder",
    "playmaker",
];

/// Whether the name on tokens `s..e` of a region stands as a sports team there: it heads a
/// results line ("Leeds 2 Arsenal 1") or a row of standings ("Newcastle 4 3 1 0 9 4 10");
/// its region reports a score ("2-1") and the name stands beside a number or is the subject
/// or object of a result verb ("… beat Arsenal", "drew with Everton"); or a player or coach
/// is "its" ("Barcelona's striker").
fn stands_as_team(a: &Analyzer, region: &ResultsContext, s: usize, e: usize) -> bool {
    let word_at = |i: usize| -> &str {
        if i < a.toks.len() {
            a.word(i)
        } else {
            ""
        }
    };
    let is_number = |i: usize| a.toks.get(i).is_some_and(is_goals);
    // "X's striker".
    if a.toks.get(e).is_some_and(|t| t.kind == TokKind::Possessive)
        && TEAM_ROLES.contains(&crate::text::fold(word_at(e + 1)).as_str())
    {
        return true;
    }
    // A results line ("Leeds 2 Arsenal 1"), or a row of a table of standings ("Newcastle 4 3
    // 1 0 9 4 10", or at the start of its line "TORONTO 63 71 .470 12").
    let results_line = (region.name_numbers >= 2 && is_number(e))
        || (is_number(e) && is_number(e + 1) && (s == 0 || is_number(e + 2)));
    let verb = |i: usize| RESULT_VERBS.contains(&crate::text::fold(word_at(i)).as_str());
    let before = |k: usize| s.checked_sub(k);
    let object = before(1).is_some_and(verb)
        || before(1).is_some_and(|i| {
            matches!(word_at(i), "with" | "to" | "against" | "over")
                && (1..=4).any(|k| i.checked_sub(k).is_some_and(|j| verb(j) || is_number(j)))
        });
    let subject = verb(e);
    results_line || (region.score && (object || subject || is_number(e)))
}

/// Goals and points are small numbers: a date ("1996-08-30") or a season ("2015-16") is no
/// result.
fn is_goals(t: &super::tokens::Token) -> bool {
    t.kind == TokKind::Number && t.end - t.start <= 3
}

/// What a region says of results as a whole, counted once per region (`stands_as_team` asks
/// it of every name in it, and a region may be a paragraph of a megabyte).
struct ResultsContext {
    /// It reports a score ("2-1").
    score: bool,
    /// Capitalised names followed by a number: "Leeds 2 Arsenal 1" has two.
    name_numbers: usize,
}

impl ResultsContext {
    fn of(a: &Analyzer) -> Self {
        let toks = &a.toks;
        let small = |t: &super::tokens::Token| t.kind == TokKind::Number && t.end - t.start <= 2;
        let score = toks.windows(3).any(|w| {
            small(&w[0])
                && matches!(w[1].kind, TokKind::Joiner | TokKind::Punct)
                && matches!(&a.text[w[1].start..w[1].end], "-" | "\u{2013}")
                && small(&w[2])
        });
        let name_numbers = (1..toks.len())
            .filter(|&i| {
                is_goals(&toks[i])
                    && toks[i - 1].kind == TokKind::Word
                    && a.word(i - 1).starts_with(char::is_uppercase)
            })
            .count();
        ResultsContext {
            score,
            name_numbers,
        }
    }
}

/// The case-blind key of tokens `s..e`, as `CaseBlindList` spells its names.
fn lower_key(a: &Analyzer, s: usize, e: usize) -> String {
    let mut key = String::new();
    for i in s..e {
        push_key_lower(&mut key, a.word(i));
    }
    key
}

/// Sports teams (`stands_as_team`) become organisations. A place, a lone given name or a
/// football club of `clubs.txt` found as something else is re-read so (a club is named after
/// its town, "Chelsea" is a given name too, and "Feyenoord" looks like a family name); a club
/// of the list that no pass found, or found only in part ("Eindhoven" of "PSV Eindhoven"), is
/// added whole. Then the other mentions of a team's name in the document are the team too,
/// except after a preposition of place ("in Leeds"). Countries stay places: national teams
/// are read as the country.
pub(crate) fn sports_teams(analyzers: &[Analyzer], mentions: &mut Vec<Mention>) {
    let lex = Lexicon::get();
    // A country of the generated list, or one of the hand-written list's ("England").
    let country_at = |a: &Analyzer, s: usize, e: usize| {
        a.gaz_at(s, e)
            .filter(|&(end, entry)| {
                end == e
                    && (entry.source == Source::Country
                        || (entry.source == Source::Hand && entry.kind == EntityKind::Gpe))
            })
            .map(|(_, entry)| entry)
    };
    let is_country = |a: &Analyzer, s: usize, e: usize| country_at(a, s, e).is_some();
    let regions: Vec<ResultsContext> = analyzers.iter().map(ResultsContext::of).collect();
    // The names that stand as teams somewhere in the document, case-blind.
    let mut teams: FastSet<String> = FastSet::default();
    for m in mentions.iter_mut() {
        let Some(a) = analyzers.get(m.segment).filter(|_| m.segment != HEADER) else {
            continue;
        };
        let (s, e) = (m.tok_start, m.tok_end);
        // A country the tagger read as an organisation is its national side: the country
        // ("Pakistan beat England by six wickets", "the England captain").
        // So is a state or province, unless it stands as a team here ("New South Wales beat
        // Victoria by 20 runs"): "… South Australia, Western Australia and Queensland".
        if m.kind == EntityKind::Org {
            let region = || {
                a.gaz_at(s, e)
                    .filter(|&(end, entry)| end == e && entry.source == Source::Admin)
                    .filter(|_| !stands_as_team(a, &regions[m.segment], s, e))
                    .map(|(_, entry)| entry)
            };
            if let Some(entry) = country_at(a, s, e).or_else(region) {
                m.kind = entry.kind;
                m.key = entry.canonical.to_string();
                m.canonical = Some(entry.canonical);
            }
            continue;
        }
        if !matches!(
            m.kind,
            EntityKind::Gpe | EntityKind::Loc | EntityKind::Person
        ) {
            continue;
        }
        if m.kind == EntityKind::Person
            && (e != s + 1 || !lex.is_first_name(a.word(s)))
            && !lex.clubs.contains(&lower_key(a, s, e))
        {
            continue;
        }
        if !is_country(a, s, e) && stands_as_team(a, &regions[m.segment], s, e) {
            as_team(a, m);
            teams.insert(lower_key(a, s, e));
        }
    }

    // Clubs of the list that no pass found whole. The mentions of each region by where they
    // start, so that those a club overlaps are found without a scan of the document; the
    // clubs found replace them once all are found (clubs found never overlap each other).
    let mut by_segment: Vec<Vec<usize>> = vec![Vec::new(); analyzers.len()];
    for (k, m) in mentions.iter().enumerate() {
        if let Some(list) = by_segment.get_mut(m.segment) {
            list.push(k);
        }
    }
    let longest = mentions
        .iter()
        .map(|m| m.tok_end - m.tok_start)
        .max()
        .unwrap_or(0);
    for list in &mut by_segment {
        list.sort_by_key(|&k| mentions[k].tok_start);
    }
    let mut replaced: FastSet<usize> = FastSet::default();
    let mut clubs: Vec<Mention> = Vec::new();
    for (segment, a) in analyzers.iter().enumerate() {
        let n = a.toks.len();
        let mut i = 0;
        while i < n {
            let capitalised =
                a.toks[i].kind == TokKind::Word && a.word(i).starts_with(char::is_uppercase);
            if !capitalised {
                i += 1;
                continue;
            }
            let mut key = String::new();
            let mut best = None;
            for j in i..n.min(i + lex.clubs.max_tokens) {
                if a.toks[j].kind == TokKind::Punct && a.word(j) != "." {
                    break;
                }
                push_key_lower(&mut key, a.word(j));
                if lex.clubs.contains(&key) {
                    best = Some(j + 1);
                }
                if !lex.clubs.is_prefix(&key) {
                    break;
                }
            }
            let Some(mut end) = best else {
                i += 1;
                continue;
            };
            // A club's name at the end of a longer place's name is that place's team ("York"
            // of "NEW YORK 6").
            let title = |k: usize| {
                a.toks[k].kind == TokKind::Word && a.word(k).starts_with(char::is_uppercase)
            };
            let mut first = i;
            while first > 0 && i - first < 3 && title(first - 1) {
                first -= 1;
            }
            if let Some((k, place_end)) = (first..i).find_map(|k| {
                title_cased_place(a, lex, k, n)
                    .filter(|&(place_end, _)| place_end >= end)
                    .map(|(place_end, _)| (k, place_end))
            }) {
                i = k;
                end = place_end;
            }
            let (start_byte, end_byte) = (a.toks[i].start, a.toks[end - 1].end);
            let list = &by_segment[segment];
            let from = list.partition_point(|&k| mentions[k].tok_start + longest <= i);
            let overlapping: Vec<usize> = list[from..]
                .iter()
                .copied()
                .take_while(|&k| mentions[k].tok_start < end)
                .filter(|&k| i < mentions[k].tok_end)
                .collect();
            // Mentions inside the club's name give way to it; one that reaches outside it
            // (or an organisation already there) keeps its place.
            let blocked = overlapping.iter().any(|&k| {
                let m = &mentions[k];
                m.tok_start < i || m.tok_end > end || m.kind == EntityKind::Org
            });
            if blocked || is_country(a, i, end) || !stands_as_team(a, &regions[segment], i, end) {
                i = end;
                continue;
            }
            replaced.extend(overlapping);
            teams.insert(lower_key(a, i, end));
            clubs.push(Mention {
                start: start_byte,
                end: end_byte,
                segment,
                tok_start: i,
                tok_end: end,
                kind: EntityKind::Org,
                key: team_key(a, i, end),
                canonical: None,
                strength: Strength::Strong,
            });
            i = end;
        }
    }
    if !clubs.is_empty() {
        let mut k = 0;
        mentions.retain(|_| {
            k += 1;
            !replaced.contains(&(k - 1))
        });
        mentions.extend(clubs);
    }
    // A report names its sides again without a result beside them ("Leeds held on", "the
    // Leeds manager"): every mention of a team's name in the document is the team, except
    // one that a preposition of place or a dateline puts on the map ("fans travelled home to
    // Leeds", "NEW YORK 1996-08-30"). The organisations of that name join the team's chip.
    if teams.is_empty() {
        return;
    }
    for m in mentions.iter_mut() {
        if m.segment == HEADER
            || !matches!(
                m.kind,
                EntityKind::Gpe | EntityKind::Loc | EntityKind::Person | EntityKind::Org
            )
        {
            continue;
        }
        let Some(a) = analyzers.get(m.segment) else {
            continue;
        };
        let (s, e) = (m.tok_start, m.tok_end);
        let placed = s
            .checked_sub(1)
            .is_some_and(|i| PLACE_PREPOSITIONS.contains(&crate::text::fold(a.word(i)).as_str()))
            || dateline_head(a, s, e);
        if !placed && teams.contains(&lower_key(a, s, e)) && !is_country(a, s, e) {
            as_team(a, m);
        }
    }
}

/// Whether tokens `s..e` open their line as a dateline does: before a date ("NEW YORK
/// 1996-08-30"; a score or a row of standings has small numbers), a parenthesis or a dash.
fn dateline_head(a: &Analyzer, s: usize, e: usize) -> bool {
    let line_start = s == 0 || a.text[a.toks[s - 1].end..a.toks[s].start].contains('\n');
    line_start
        && a.toks.get(e).is_some_and(|t| {
            (t.kind == TokKind::Number && !is_goals(t))
                || matches!(a.word(e), "(" | "-" | "\u{2013}" | "\u{2014}")
        })
}

/// Makes a mention a team: an organisation keyed by its name as written, a name in capitals as
/// title case would write it, so that "TORONTO" in a table and "Toronto" in the report are
/// one chip whichever pass found them.
fn as_team(a: &Analyzer, m: &mut Mention) {
    m.kind = EntityKind::Org;
    m.canonical = None;
    m.key = team_key(a, m.tok_start, m.tok_end);
}

/// The key of a team named on tokens `s..e` (see `as_team`).
fn team_key(a: &Analyzer, s: usize, e: usize) -> String {
    if (s..e).all(|i| a.toks[i].kind != TokKind::Word || a.is_all_caps(i)) {
        let mut key = String::new();
        for i in s..e {
            push_key_titled(&mut key, a.word(i));
        }
        key
    } else {
        normalise_name(&a.text[a.toks[s].start..a.toks[e - 1].end])
    }
}

/// An organisation whose name has a head word ("Library", "Centre", "Bank") and goes on with
/// "of" or "for" and capitalised words is that whole name: "the National Library of the
/// Netherlands", "the Australian Centre for Control of Iodine Deficiency Disorders". The tagger
/// often stops at the head word and reads the rest as a place; the place gives way. Only a
/// name of ordinary words (and nationalities) goes on so, and names inside the tail give way
/// only when they lie wholly inside it; a person never does.
pub(crate) fn organisations_of_places(analyzers: &[Analyzer], mentions: &mut Vec<Mention>) {
    let lex = Lexicon::get();
    let mut i = 0;
    while i < mentions.len() {
        let m = &mentions[i];
        let Some(a) = analyzers.get(m.segment).filter(|_| m.segment != HEADER) else {
            i += 1;
            continue;
        };
        let is_head = |k: usize| {
            a.toks[k].kind == TokKind::Word && a.cue1(k) & (cue::ORG | cue::ORG_FIRST) != 0
        };
        let (first, last) = (m.tok_start, m.tok_end - 1);
        // A company's suffix ("Inc", "Ltd") ends its name: "… Group Inc. for US $1 billion".
        let suffixed = (first..=last).any(|k| a.cue1(k) & cue::ORG_ABBR != 0);
        // A name that already goes on after its head ("the Australian Centre for Control").
        let goes_on = m.kind == EntityKind::Org
            && (first + 1..=last).any(|k| matches!(a.word(k), "of" | "for") && is_head(k - 1));
        let head_last = is_head(last);
        // Only a name of ordinary words needs what follows to be a name at all: "the National
        // Library" goes on, "the Sejong Institute" is named already (of the ROK: a place).
        let generic = (first..=last).all(|k| {
            let w = a.word(k);
            a.toks[k].kind != TokKind::Word
                || matches!(w, "of" | "for" | "the" | "and")
                || is_head(k)
                || lex.is_common_word(w)
                || a.gaz_at(k, k + 1)
                    .is_some_and(|(_, entry)| entry.kind == EntityKind::Norp)
        });
        let org_like = match m.kind {
            EntityKind::Org => true,
            EntityKind::Gpe | EntityKind::Loc => head_last,
            _ => false,
        };
        let continues = match a.toks.get(m.tok_end).map(|_| a.word(m.tok_end)) {
            Some("of") => head_last || goes_on,
            Some("for") => head_last,
            _ => false,
        };
        if !org_like || suffixed || !generic || !continues {
            i += 1;
            continue;
        }
        let n = a.toks.len();
        let capitalised = |k: usize| {
            k < n && a.toks[k].kind == TokKind::Word && a.word(k).starts_with(char::is_uppercase)
        };
        // After "of" or "for" (and "the"), the next capitalised word, if there is one.
        let name_after = |k: usize| -> Option<usize> {
            if k >= n || !matches!(a.word(k), "of" | "for") {
                return None;
            }
            let k = if k + 1 < n && a.word(k + 1) == "the" {
                k + 2
            } else {
                k + 1
            };
            capitalised(k).then_some(k)
        };
        let Some(mut end) = name_after(m.tok_end) else {
            i += 1;
            continue;
        };
        loop {
            while capitalised(end) || (end < n && a.word(end) == "&" && capitalised(end + 1)) {
                end += 1;
            }
            match name_after(end) {
                Some(k) => end = k,
                None => break,
            }
        }
        let (segment, start) = (m.segment, m.tok_start);
        let overlapping =
            |o: &Mention| o.segment == segment && o.tok_start < end && start < o.tok_end;
        let blocked = mentions.iter().enumerate().any(|(j, o)| {
            j != i
                && overlapping(o)
                && (o.tok_start < start || o.tok_end > end || o.kind == EntityKind::Person)
        });
        if blocked {
            i += 1;
            continue;
        }
        let (start_byte, end_byte) = (a.toks[start].start, a.toks[end - 1].end);
        let key = normalise_name(&a.text[start_byte..end_byte]);
        i = take_whole_organisation(mentions, i, (end, end_byte), key, None);
    }
}

/// An organisation of the hand-written list is taken whole where a name stops inside it: the
/// runs of capitalised words that candidates come from end at a word in lower case, so
/// "the Organisation for Economic Co-operation and Development" was cut at "Co" (and "Co" read
/// as a company's suffix). Only names that lie wholly inside the listed name give way.
pub(crate) fn listed_organisations_whole(analyzers: &[Analyzer], mentions: &mut Vec<Mention>) {
    let mut i = 0;
    while i < mentions.len() {
        let m = &mentions[i];
        let Some(a) = analyzers.get(m.segment).filter(|_| m.segment != HEADER) else {
            i += 1;
            continue;
        };
        let (segment, start) = (m.segment, m.tok_start);
        let listed = a.gaz_at(start, a.toks.len()).filter(|&(end, entry)| {
            end > m.tok_end && entry.kind == EntityKind::Org && entry.source == Source::Hand
        });
        let Some((end, entry)) = listed else {
            i += 1;
            continue;
        };
        let overlapping =
            |o: &Mention| o.segment == segment && o.tok_start < end && start < o.tok_end;
        if mentions
            .iter()
            .any(|o| overlapping(o) && (o.tok_start < start || o.tok_end > end))
        {
            i += 1;
            continue;
        }
        let end = (end, a.toks[end - 1].end);
        let key = entry.canonical.to_string();
        i = take_whole_organisation(mentions, i, end, key, Some(entry.canonical));
    }
}

/// Shorter mentions of an organisation named in full in the document join it, so that its
/// chip counts them: "Carr Futures" (its name without its company suffix) and "Carr" (the
/// first word of a name that ends with a suffix or a head word, when only one organisation
/// of the document begins with it) are "Carr Futures Inc.".
pub(crate) fn join_short_organisations(analyzers: &[Analyzer], mentions: &mut [Mention]) {
    let lex = Lexicon::get();
    let words = |m: &Mention, end: usize| folded_words(&analyzers[m.segment], m.tok_start, end);
    let is_org = |m: &Mention| {
        m.kind == EntityKind::Org && m.segment != HEADER && m.segment < analyzers.len()
    };
    // Each shorter form, with the key of the one organisation it stands for (None where two
    // organisations share it): first the names without their suffix, then, with those
    // joined, the first words.
    for first_words in [false, true] {
        let mut forms: HashMap<Vec<String>, Option<String>> = HashMap::new();
        for m in mentions.iter().filter(|m| is_org(m)) {
            let a = &analyzers[m.segment];
            let full = words(m, m.tok_end);
            if full.len() < 2 {
                continue;
            }
            let form = if first_words {
                // Only a company's or a body's name lends its first word: one that ends with
                // a suffix or a head word ("Inc.", "Group"), not "Enron Center North Plaza".
                let mut last = m.tok_end - 1;
                if a.toks[last].kind == TokKind::Punct && last > m.tok_start {
                    last -= 1;
                }
                if a.cue1(last) & (cue::ORG | cue::ORG_ABBR) == 0 || full[0].chars().count() < 3 {
                    continue;
                }
                vec![full[0].clone()]
            } else {
                let base = words(m, end_without_suffix(a, m.tok_start, m.tok_end));
                if base.len() < 2 || base.len() == full.len() {
                    continue;
                }
                base
            };
            forms
                .entry(form)
                .and_modify(|k| {
                    if k.as_deref() != Some(m.key.as_str()) {
                        *k = None;
                    }
                })
                .or_insert_with(|| Some(m.key.clone()));
        }
        for m in mentions.iter_mut().filter(|m| is_org(m)) {
            // A first word joins only where it names nothing of its own: no word of the
            // dictionary or the gazetteers, no head word, no acronym ("Congress" is not
            // "Congress Party", "North" not "North Korea", "CBC" not "CBC Museum").
            let a = &analyzers[m.segment];
            let s = m.tok_start;
            if first_words
                && (m.tok_end != s + 1
                    || a.is_all_caps(s)
                    || a.cue1(s) != 0
                    || lex.is_common_word(a.word(s))
                    || a.gaz_at(s, s + 1).is_some())
            {
                continue;
            }
            if let Some(Some(key)) = forms.get(&words(m, m.tok_end)) {
                if *key != m.key {
                    m.key = key.clone();
                }
            }
        }
    }
}

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

/// Words before a name that make it a company or a body: "shares of X", "a stake in X", "a
/// spokesman for X", "analysts at X".
const ORG_BEFORE: &[(&str, &str)] = &[
    ("shares", "of"),
    ("shares", "in"),
    ("stake", "in"),
    ("spokesman", "for"),
    ("spokeswoman", "for"),
    ("spokesperson", "for"),
    ("analysts", "at"),
    ("analyst", "at"),
    ("executive", "of"),
    ("shareholders", "of"),
    ("subsidiary", "of"),
];
/// Words after "X's" (or after X) that make it a company or a body: "X's shares", "X's chief
/// executive", "X shares fell".
const ORG_AFTER_POSSESSIVE: &[&str] = &[
    "shares",
    "stock",
    "shareholders",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chairman",
    "subsidiary",
    "board",
    "headquarters",
    "profit",
    "profits",
    "revenue",
    "revenues",
];
/// Words right after X that make it a company when they are followed by a verb of the market
/// ("X shares fell", "X stock rose").
const ORG_AFTER: &[&str] = &["shares", "stock"];
const MARKET_VERBS: &[&str] = &[
    "rose", "fell", "jumped", "slipped", "climbed", "dropped", "gained", "lost", "tumbled",
    "surged", "slumped", "closed", "edged", "were", "are", "have", "had",
];

/// Names that nothing found but whose context makes them organisations, the companies and
/// bodies no list holds: "shares of X", "X shares fell", "a spokesman for X", "X's chief
/// executive", "analysts at X", "X said in a statement" (a name of two words or more that
/// does not begin with a given name: people say things in statements too). The same name
/// written alike elsewhere in the document, also left out, is the same organisation.
pub(crate) fn organisations_by_context(analyzers: &[Analyzer], mentions: &mut Vec<Mention>) {
    let lex = Lexicon::get();
    let covered = |mentions: &[Mention], segment: usize, s: usize, e: usize| {
        mentions
            .iter()
            .any(|m| m.segment == segment && m.tok_start < e && s < m.tok_end)
    };
    // The word at `i`, if it is one (cue words are ASCII: no fold needed, and none made for
    // every token).
    let is = |a: &Analyzer, i: usize, w: &str| {
        a.toks.get(i).is_some_and(|t| t.kind == TokKind::Word) && a.word(i).eq_ignore_ascii_case(w)
    };
    let is_any = |a: &Analyzer, i: usize, ws: &[&str]| ws.iter().any(|w| is(a, i, w));
    // A capitalised word that may be part of a name here: no stop word, month or ordinary
    // word opening a sentence.
    let name_word = |a: &Analyzer, i: usize| {
        a.is_name_token(i)
            && a.cue1(i) & (cue::STOP | cue::MONTH) == 0
            && !(a.toks[i].sent_start && lex.is_common_word(&crate::text::fold(a.word(i))))
    };
    let mut found: Vec<(usize, usize, usize)> = Vec::new();
    for (segment, a) in analyzers.iter().enumerate() {
        if a.headline {
            continue;
        }
        let n = a.toks.len();
        // Names that open after a cue.
        for i in 0..n.saturating_sub(2) {
            if !ORG_BEFORE
                .iter()
                .any(|&(x, y)| is(a, i, x) && is(a, i + 1, y))
            {
                continue;
            }
            let s = i + 2;
            let mut e = s;
            while e < n && name_word(a, e) {
                e += 1;
            }
            if e > s {
                found.push((segment, s, e));
            }
        }
        // Names that end before a cue.
        for e in 1..n {
            let possessive = a.toks[e].kind == TokKind::Possessive;
            let next = if possessive { e + 1 } else { e };
            let cued = if possessive {
                is_any(a, next, ORG_AFTER_POSSESSIVE)
                    || (is(a, next, "chief") && is(a, next + 1, "executive"))
            } else {
                is_any(a, next, ORG_AFTER) && is_any(a, next + 1, MARKET_VERBS)
            };
            let statement = !possessive
                && is(a, e, "said")
                && is(a, e + 1, "in")
                && is_any(a, e + 2, &["a", "its"])
                && is(a, e + 3, "statement");
            if !cued && !statement {
                continue;
            }
            let mut s = e;
            while s > 0 && name_word(a, s - 1) {
                s -= 1;
            }
            if s == e || (statement && (e - s < 2 || lex.is_first_name(a.word(s)))) {
                continue;
            }
            found.push((segment, s, e));
        }
    }
    let mut names: FastSet<Vec<String>> = FastSet::default();
    for &(segment, s, e) in &found {
        let a = &analyzers[segment];
        if covered(mentions, segment, s, e) || a.gaz_at(s, e).is_some_and(|(end, _)| end == e) {
            continue;
        }
        names.insert((s..e).map(|i| a.word(i).to_string()).collect());
    }
    if names.is_empty() {
        return;
    }
    // Every uncovered occurrence of those names, standing alone (not inside a longer run of
    // capitalised words).
    for (segment, a) in analyzers.iter().enumerate() {
        let n = a.toks.len();
        for name in &names {
            let len = name.len();
            for s in 0..n.saturating_sub(len - 1) {
                let e = s + len;
                let matches = (0..len)
                    .all(|k| a.toks[s + k].kind == TokKind::Word && a.word(s + k) == name[k]);
                if !matches
                    || (s > 0 && a.is_name_token(s - 1) && !a.toks[s].sent_start)
                    || a.is_name_token(e)
                    || covered(mentions, segment, s, e)
                {
                    continue;
                }
                let (start, end) = (a.toks[s].start, a.toks[e - 1].end);
                mentions.push(Mention {
                    start,
                    end,
                    segment,
                    tok_start: s,
                    tok_end: e,
                    kind: EntityKind::Org,
                    key: normalise_name(&a.text[start..end]),
                    canonical: None,
                    strength: Strength::Strong,
                });
            }
        }
    }
}

/// Words that make the name after "at" a place of work: "a job at X", "five years at X", "in
/// the office here at X", "the development group at X".
const WORK_BEFORE_AT: &[&str] = &[
    "job",
    "jobs",
    "work",
    "works",
    "worked",
    "working",
    "years",
    "position",
    "career",
    "office",
    "group",
    "employee",
    "employees",
    "intern",
    "internship",
    "staff",
    "colleagues",
    "manager",
    "engineer",
    "consultant",
];

/// A name read as a place where a job is had is the employer: "a job at Cracker Barrel", "five
/// years at Enron" (a name the gazetteer knows as a place stays one: "years at Oxford"), and so
/// is the same name elsewhere in the document.
pub(crate) fn workplaces(analyzers: &[Analyzer], mentions: &mut [Mention]) {
    let is_place = |m: &Mention| matches!(m.kind, EntityKind::Loc | EntityKind::Gpe);
    let mut keys: FastSet<String> = FastSet::default();
    for m in mentions
        .iter()
        .filter(|m| is_place(m) && m.canonical.is_none())
    {
        let Some(a) = analyzers.get(m.segment).filter(|_| m.segment != HEADER) else {
            continue;
        };
        let (s, e) = (m.tok_start, m.tok_end);
        let cued = s >= 2
            && a.is_word(s - 1, "at")
            && (2..=4).any(|k| {
                s.checked_sub(k).is_some_and(|i| {
                    a.toks[i].kind == TokKind::Word
                        && WORK_BEFORE_AT.contains(&a.word(i).to_lowercase().as_str())
                })
            });
        if cued && a.gaz_at(s, e).is_none_or(|(end, _)| end != e) {
            keys.insert(m.key.clone());
        }
    }
    for m in mentions.iter_mut() {
        if is_place(m) && keys.contains(&m.key) {
            m.kind = EntityKind::Org;
        }
    }
}

/// Company suffixes written after a comma ("Enron Broadband Services, Inc."), full stops aside.
const COMMA_SUFFIXES: &[&str] = &[
    "Inc",
    "Corp",
    "Co",
    "Ltd",
    "LLC",
    "L.L.C",
    "LLP",
    "L.P",
    "PLC",
    "Plc",
    "plc",
    "GmbH",
    "S.A",
    "N.V",
    "B.V",
    "Limited",
    "Incorporated",
];

/// A company named with its suffix after a comma, as American filings and letters write it
/// ("CCNG, Inc.", "Foo Bar, LLC"): the name before the comma (a name found there, whatever its
/// kind, or else its run of capitalised words) and the suffix are one organisation, in place of
/// whatever was found on them ("LLC" alone).
pub(crate) fn comma_suffixed_companies(analyzers: &[Analyzer], mentions: &mut Vec<Mention>) {
    let lex = Lexicon::get();
    // Where each name found so far ends: (region, end token) -> its first token.
    let mut ends: FastMap<(usize, usize), usize> = FastMap::default();
    for m in mentions.iter().filter(|m| m.segment != HEADER) {
        let first = ends.entry((m.segment, m.tok_end)).or_insert(m.tok_start);
        *first = (*first).min(m.tok_start);
    }
    let mut found: Vec<(usize, usize, usize)> = Vec::new();
    for (segment, a) in analyzers.iter().enumerate() {
        let n = a.toks.len();
        let mut runs: Option<Vec<(usize, usize)>> = None;
        for k in 1..n.saturating_sub(1) {
            if !a.is_punct(k, ",") || !a.toks[k + 1].space_before {
                continue;
            }
            // The suffix: a word, and what is glued to it (the stops of "Inc." or "L.P.").
            let mut e = k + 2;
            while e < n
                && !a.toks[e].space_before
                && (a.toks[e].kind == TokKind::Word || a.word(e) == ".")
            {
                e += 1;
            }
            let suffix = &a.text[a.toks[k + 1].start..a.toks[e - 1].end];
            if a.toks[k + 1].kind != TokKind::Word
                || !COMMA_SUFFIXES.contains(&suffix.trim_end_matches('.'))
            {
                continue;
            }
            // The name: the longest of a name found there and the run of capitalised words
            // ("Theatre for Children"), a sentence's opening word of the dictionary aside.
            let runs = runs.get_or_insert_with(|| a.runs());
            let run = runs.iter().find(|&&(_, end)| end == k).map(|&(s, _)| {
                let opens = |s: usize| {
                    a.toks[s].sent_start && lex.is_common_word(&crate::text::fold(a.word(s)))
                };
                // After a title, the name is what follows it ("Senior Vice President of
                // CCNG, Inc.").
                let titled = (s..k)
                    .rev()
                    .find(|&i| a.cue1(i) & (cue::TITLE | cue::HONORIFIC) != 0)
                    .map(|t| {
                        let mut s = t + 1;
                        while s < k && (a.is_connector(s) || a.is_word(s, "the")) {
                            s += 1;
                        }
                        s
                    });
                match titled {
                    Some(after) => after,
                    None if opens(s) => (s + 1).min(k),
                    None => s,
                }
            });
            let found_there = ends.get(&(segment, k)).copied();
            let s = found_there.into_iter().chain(run).min().unwrap_or(k);
            if s < k {
                found.push((segment, s, e));
            }
        }
    }
    if found.is_empty() {
        return;
    }
    // Found in order within each region, and apart (each ends at its own comma's suffix).
    mentions.retain(|m| {
        let i = found.partition_point(|&(g, _, e)| (g, e) <= (m.segment, m.tok_start));
        found
            .get(i)
            .is_none_or(|&(g, s, _)| !(g == m.segment && s < m.tok_end))
    });
    for (segment, s, e) in found {
        let a = &analyzers[segment];
        let (start, end) = (a.toks[s].start, a.toks[e - 1].end);
        mentions.push(Mention {
            start,
            end,
            segment,
            tok_start: s,
            tok_end: e,
            kind: EntityKind::Org,
            key: normalise_name(&a.text[start..end]),
            canonical: None,
            strength: Strength::Strong,
        });
    }
}

/// Makes mention `i` an organisation that runs on to `end` (a token and a byte offset in its
/// region), in place of every mention it now overlaps; returns the index after it.
fn take_whole_organisation(
    mentions: &mut Vec<Mention>,
    mut i: usize,
    (end, end_byte): (usize, usize),
    key: String,
    canonical: Option<&'static str>,
) -> usize {
    let mut whole = mentions[i].clone();
    let (segment, start) = (whole.segment, whole.tok_start);
    whole.tok_end = end;
    whole.end = end_byte;
    whole.kind = EntityKind::Org;
    whole.key = key;
    whole.canonical = canonical;
    let mut j = 0;
    mentions.retain(|o| {
        let keep = !(o.segment == segment && o.tok_start < end && start < o.tok_end);
        if !keep && j < i {
            i -= 1;
        }
        j += 1;
        keep
    });
    mentions.insert(i, whole);
    i + 1
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
