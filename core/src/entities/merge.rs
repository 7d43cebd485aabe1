//! The tagger's names merged with what the rules know: the rules' names on their strongest
//! evidence where the tagger found none, a name the rules found longer from the same word is
//! taken whole, a name inside a rule-found event is the event's, one kind per name written
//! alike across the document, a word that begins an organisation's name elsewhere stands for
//! it, a name at the place of a rule mention keeps its key and gazetteer name; the rules'
//! events, nationalities and header fields stay where no name overlaps them; people that are
//! places or companies.

use super::candidates::Analyzer;
use super::decode::TaggedName;
use super::lexicon::{cue, FastSet, Lexicon, Source};
use super::mention::{normalise_name, Mention, Strength, HEADER};
use super::organisations::is_legal_suffix;
use super::tokens::TokKind;
use super::EntityKind;
use std::collections::HashMap;

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
    tagged: &mut Vec<TaggedName>,
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

/// The rules' mentions outside the header, by region in order of where they start, and by
/// (region, first token).
struct RuleIndex<'m> {
    by_segment: Vec<Vec<&'m Mention>>,
    at: HashMap<(usize, usize), &'m Mention>,
}

impl<'m> RuleIndex<'m> {
    fn new(analyzers: &[Analyzer], rule_mentions: &'m [Mention]) -> RuleIndex<'m> {
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
        let at = rule_mentions
            .iter()
            .filter(|m| m.segment != HEADER)
            .map(|m| ((m.segment, m.tok_start), m))
            .collect();
        RuleIndex { by_segment, at }
    }
}

/// The name on a tagger's span as it is written, normalised and folded: mentions written
/// alike have the same.
fn surface(analyzers: &[Analyzer], &(segment, s, e, _): &TaggedName) -> String {
    let a = &analyzers[segment];
    crate::text::fold(&normalise_name(&a.text[a.toks[s].start..a.toks[e - 1].end]))
}

/// Two kinds of the same class: equal, or both places.
fn same_class(a: EntityKind, b: EntityKind) -> bool {
    a == b
        || (matches!(a, EntityKind::Gpe | EntityKind::Loc)
            && matches!(b, EntityKind::Gpe | EntityKind::Loc))
}

/// The tagger's names merged with the rules' mentions, in steps (each sees what the one
/// before made), as mentions; the rules' events, nationalities and header fields stay where
/// no name overlaps them.
pub(crate) fn merge_tagged(
    analyzers: &[Analyzer],
    rule_mentions: &[Mention],
    tagged: Vec<TaggedName>,
) -> Vec<Mention> {
    let rules = RuleIndex::new(analyzers, rule_mentions);
    let mut tagged = split_names_the_rules_keep_apart(analyzers, &rules, tagged);
    drop_names_inside_events(&rules, &mut tagged);
    take_longer_rule_names(analyzers, &rules, &mut tagged);
    one_kind_per_name(analyzers, &mut tagged);
    organisations_by_their_first_word(analyzers, rule_mentions, &mut tagged);
    to_mentions(analyzers, rule_mentions, &rules, &tagged)
}

/// Names the tagger runs together that the rules keep apart, each whole ("the US
/// Asia-Pacific allies": "US", then "Asia-Pacific"; "the Justice Department and General
/// Motors"), stay apart.
fn split_names_the_rules_keep_apart(
    analyzers: &[Analyzer],
    rules: &RuleIndex,
    tagged: Vec<TaggedName>,
) -> Vec<TaggedName> {
    let by_segment = &rules.by_segment;
    let mut split: Vec<TaggedName> = Vec::with_capacity(tagged.len());
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
    split
}

/// A name inside an event the rules found ("Britain" in "Battle of Britain") is part of
/// the event's name, not a name of its own.
fn drop_names_inside_events(rules: &RuleIndex, tagged: &mut Vec<TaggedName>) {
    let events: Vec<Vec<&Mention>> = rules
        .by_segment
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
}

/// A name the rules found longer, from the same first word and of the same kind, is taken
/// whole: the rules know the tails of names made with head words ("Framework for
/// Prosperity", "Bank of the West"), which few training texts show.
fn take_longer_rule_names(analyzers: &[Analyzer], rules: &RuleIndex, tagged: &mut [TaggedName]) {
    for k in 0..tagged.len() {
        let (segment, s, e, kind) = tagged[k];
        let Some(m) = rules.at.get(&(segment, s)) else {
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
}

/// One kind per name written alike (whatever its case: "LEEDS" in a headline is the
/// "Leeds" of the text). On a tie, a mention at a sentence's start, where the tagger sees
/// least, takes the kind the tied mentions inside sentences have ("Bundesbank leaves rates
/// unchanged" … "The Bundesbank left").
fn one_kind_per_name(analyzers: &[Analyzer], tagged: &mut [TaggedName]) {
    let mut votes: HashMap<String, [usize; 3]> = HashMap::new();
    let mut inside_votes: HashMap<String, [usize; 3]> = HashMap::new();
    let slot = |kind: EntityKind| match kind {
        EntityKind::Person => 0,
        EntityKind::Org => 1,
        _ => 2,
    };
    let opens_sentence = |t: &TaggedName| analyzers[t.0].toks[t.1].sent_start;
    let keys: Vec<String> = tagged.iter().map(|t| surface(analyzers, t)).collect();
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
}

/// A lone word that begins an organisation's name elsewhere in the document stands for
/// it ("Nordvik Holdings" … "Nordvik said"), unless it is a known place or a given name.
/// A given name that is a family name too stands for the organisation when no person of
/// the document bears it ("Carr Futures" … "Carr said"; not "Jason", nor "Ford" beside
/// "Harrison Ford").
/// A "person" whose words are an organisation's name of the document without its
/// company suffix is that organisation: "Carr Futures" of "Carr Futures Inc.".
fn organisations_by_their_first_word(
    analyzers: &[Analyzer],
    rule_mentions: &[Mention],
    tagged: &mut Vec<TaggedName>,
) {
    let lex = Lexicon::get();
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
    people_that_are_places_or_companies(analyzers, tagged);
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
}

/// The names as mentions: a name the rules found at the same place keeps the rules' merge
/// key and gazetteer name (and a place the rules' GPE or LOC); the rules' events,
/// nationalities and header fields stay where no name overlaps them.
fn to_mentions(
    analyzers: &[Analyzer],
    rule_mentions: &[Mention],
    rules: &RuleIndex,
    tagged: &[TaggedName],
) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::with_capacity(tagged.len());
    // An organisation of the hand-written list is no person ("Morgan Stanley"); between
    // organisation and place the tagger decides ("at the White House"), unless the document
    // calls the same name an organisation elsewhere: one name, one chip.
    let listed_at = |&(segment, s, e, _): &TaggedName| {
        rules
            .at
            .get(&(segment, s))
            .filter(|m| m.tok_end == e && m.kind == EntityKind::Org)
            .is_some_and(|_| is_listed_org(&analyzers[segment], s, e))
    };
    let listed_as_org: FastSet<String> = tagged
        .iter()
        .filter(|t| matches!(t.3, EntityKind::Person | EntityKind::Org) && listed_at(t))
        .map(|t| surface(analyzers, t))
        .collect();
    for t in tagged {
        let &(segment, s, e, kind) = t;
        let a = &analyzers[segment];
        let rule = rules.at.get(&(segment, s)).filter(|m| m.tok_end == e);
        let listed_org = match kind {
            EntityKind::Person => listed_at(t),
            EntityKind::Loc => listed_at(t) && listed_as_org.contains(&surface(analyzers, t)),
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

/// "People" of the tagger that no given or family name, no word of another person's name of
/// the document and no title speak for. One that is exactly a place the gazetteer knows is
/// the place: "Brussels said the deal would not harm competition" speaks for a government,
/// not a man ("Houston" stays a person beside "Whitney Houston", "Dr. Calgary" after a
/// title). One whose next word, a verb, is followed by "its" is an organisation, everywhere
/// in the document ("Svenska Handelsbanken cut its rating").
fn people_that_are_places_or_companies(analyzers: &[Analyzer], tagged: &mut [TaggedName]) {
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
                    .insert(surface(analyzers, t));
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
        let own = surface(analyzers, t);
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
            its_names.insert(surface(analyzers, t));
        }
    }
    // The name is no person anywhere in the document ("Dynegy expects its …" … "Dynegy said").
    if !its_names.is_empty() {
        for t in tagged.iter_mut() {
            if t.3 == EntityKind::Person && its_names.contains(&surface(analyzers, t)) {
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
