//! Aliases and canonical names: acronyms defined in parentheses join their long form, lone
//! family names join the person named in full, a second pass finds every form of every entity
//! again (a surname opening a sentence, a name in a title-case headline, a shortened company
//! name), and mentions are grouped into entities with the name their chip shows.

use super::candidates::Analyzer;
use super::lexicon::{cue, phrase_key, push_key, push_key_titled, Lexicon, Source};
use super::mention::{normalise_name, Mention, Strength, HEADER};
use super::tokens::{tokenize, TokKind};
use super::{Entity, EntityKind};
use crate::span::Span;
use std::collections::{HashMap, HashSet};

/// Acronyms defined in parentheses take their long form's identity, everywhere. Returns the
/// long form written in the text for each identity that has one.
pub(crate) fn merge_acronyms(
    analyzers: &[Analyzer],
    mentions: &mut Vec<Mention>,
) -> HashMap<(EntityKind, String), String> {
    let mut definitions: HashMap<String, (EntityKind, String)> = HashMap::new();
    let mut long_forms = HashMap::new();
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by_key(|&i| mentions[i].start);
    for &i in &order {
        let m = &mentions[i];
        if m.segment == HEADER || m.strength != Strength::Strong {
            continue;
        }
        let a = &analyzers[m.segment];
        let Some(acronym_token) = a.acronym_after(m.tok_start, m.tok_end) else {
            continue;
        };
        let acronym = a.word(acronym_token).to_string();
        if definitions.contains_key(&acronym) {
            continue;
        }
        let identity = (m.kind, m.key.clone());
        long_forms
            .entry(identity.clone())
            .or_insert_with(|| normalise_name(&a.text[m.start..m.end]));
        definitions.insert(acronym, identity);
    }
    if definitions.is_empty() {
        return long_forms;
    }
    for m in mentions.iter_mut() {
        if m.segment == HEADER || m.tok_end != m.tok_start + 1 {
            continue;
        }
        let word = analyzers[m.segment].word(m.tok_start);
        if let Some((kind, key)) = definitions.get(word) {
            m.kind = *kind;
            m.key = key.clone();
            m.canonical = None;
            m.strength = Strength::Strong;
        }
    }
    // A defined acronym the first pass skipped (it looked like an ordinary word, say) is
    // still a mention of its long form.
    let mut extra = Vec::new();
    let taken: HashSet<(usize, usize)> = mentions
        .iter()
        .filter(|m| m.segment != HEADER)
        .flat_map(|m| (m.tok_start..m.tok_end).map(move |i| (m.segment, i)))
        .collect();
    for a in analyzers {
        for (i, t) in a.toks.iter().enumerate() {
            if t.kind != TokKind::Word {
                continue;
            }
            if let Some((kind, key)) = definitions.get(a.word(i)) {
                if !taken.contains(&(a.segment, i)) {
                    extra.push(Mention {
                        start: t.start,
                        end: t.end,
                        segment: a.segment,
                        tok_start: i,
                        tok_end: i + 1,
                        kind: *kind,
                        key: key.clone(),
                        canonical: None,
                        strength: Strength::Strong,
                    });
                }
            }
        }
    }
    mentions.extend(extra);
    long_forms
}

/// The capitalised words of a name, as token texts of the mention.
fn name_words(text: &str, m: &Mention) -> Vec<String> {
    let surface = &text[m.start..m.end];
    let toks = tokenize(surface, 0);
    let mut words: Vec<String> = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        let w = &surface[t.start..t.end];
        let glued = i > 0 && !t.space_before;
        if glued {
            if let Some(last) = words.last_mut() {
                last.push_str(w);
                continue;
            }
        }
        words.push(w.to_string());
    }
    words.retain(|w| w.starts_with(|c: char| c.is_uppercase()));
    words
}

/// The form a person is called by on second mention: the family name.
fn short_form(words: &[String], lex: &Lexicon) -> Option<String> {
    if words.len() < 2 {
        return None;
    }
    if lex.is_surname_first(&words[0]) && words.len() <= 3 {
        return Some(words[0].clone());
    }
    let last = words.iter().rev().find(|w| {
        !matches!(
            w.as_str(),
            "Jr" | "Jr." | "Sr" | "Sr." | "II" | "III" | "IV"
        )
    })?;
    // Initials and capitals are no family name.
    let usable =
        last.chars().count() >= 2 && last.chars().any(|c| c.is_lowercase()) && !last.ends_with('.');
    usable.then(|| last.clone())
}

/// Lone names join the person named in full; lone capitalised words that join nobody go.
pub(crate) fn resolve_people(analyzers: &[Analyzer], mentions: &mut Vec<Mention>) {
    let lex = Lexicon::get();
    let text = analyzers.first().map_or("", |a| a.text);
    // Full names by short form, with where each full name is first seen.
    let mut by_short: HashMap<String, Vec<(String, usize)>> = HashMap::new();
    for m in mentions.iter() {
        if m.kind != EntityKind::Person || m.strength != Strength::Strong {
            continue;
        }
        let words = name_words(text, m);
        if let Some(short) = short_form(&words, lex) {
            let list = by_short.entry(short).or_default();
            if !list.iter().any(|(k, _)| *k == m.key) {
                list.push((m.key.clone(), m.start));
            }
        }
    }
    for m in mentions.iter_mut() {
        let single = m.segment != HEADER && m.tok_end == m.tok_start + 1;
        let eligible = m.kind == EntityKind::Person
            || m.strength == Strength::Pending
            || m.kind == EntityKind::Gpe;
        if !single || !eligible {
            continue;
        }
        let word = &text[m.start..m.end];
        if let Some(full) = by_short.get(word) {
            // The most recent full name before this mention, else the first one.
            let key = full
                .iter()
                .filter(|(_, start)| *start <= m.start)
                .max_by_key(|(_, start)| *start)
                .or(full.first())
                .map(|(k, _)| k.clone());
            if let Some(key) = key {
                if m.kind == EntityKind::Gpe {
                    // A city that is also the family name of someone in the text: only when
                    // the gazetteer entry is a city, never a country.
                    let is_city = lex
                        .name(&phrase_key(word).0)
                        .is_some_and(|e| e.source == Source::City);
                    if !is_city {
                        continue;
                    }
                }
                m.kind = EntityKind::Person;
                m.key = key;
                m.canonical = None;
                m.strength = Strength::Strong;
            }
        }
    }
    mentions.retain(|m| m.strength == Strength::Strong);
}

/// Which second pass: the rules', or the final one over the merged names.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pass {
    /// The rules' pass, whose mentions are the tagger's features: names as written, as the
    /// weights were trained ("ARSENAL" is not "Arsenal").
    Rules,
    /// The final pass also reads a line in capitals title-cased (a headline's "ARSENAL HELD
    /// BY WEST HAM" names the "West Ham" of the report below it) and takes a name's initials
    /// in capitals for it ("PLO" for "Palestine Liberation Organisation").
    Final,
}

/// Looks for every form of every entity again, in places the first pass left alone.
pub(crate) fn second_pass(
    analyzers: &[Analyzer],
    mentions: &mut Vec<Mention>,
    lex: &Lexicon,
    pass: Pass,
) {
    let text = analyzers.first().map_or("", |a| a.text);
    // Forms by key; a form claimed by two entities is ambiguous and not used.
    let mut forms: HashMap<String, Option<(EntityKind, String)>> = HashMap::new();
    let mut max_len = 1;
    // `weak`: a form that gives way to any other, never making it ambiguous.
    let mut add = |form: &str, identity: (EntityKind, String), weak: bool| {
        let (key, n) = phrase_key(form);
        if key.is_empty() || weak && forms.contains_key(&key) {
            return;
        }
        max_len = max_len.max(n);
        forms
            .entry(key)
            .and_modify(|e| {
                if e.as_ref() != Some(&identity) {
                    *e = None;
                }
            })
            .or_insert(Some(identity));
    };
    let mut add_form = |form: &str, identity| add(form, identity, false);
    let mut weak_forms = Vec::new();
    for m in mentions.iter() {
        let identity = (m.kind, m.key.clone());
        add_form(&text[m.start..m.end], identity.clone());
        if m.kind == EntityKind::Person {
            if let Some(short) = short_form(&name_words(text, m), lex) {
                add_form(&short, identity.clone());
            }
        } else if m.kind == EntityKind::Org && m.canonical.is_none() && m.segment != HEADER {
            // "Nordvik Semiconductor" … "Nordvik": a distinctive first word of a company
            // name made with a head word stands for the whole.
            let words = name_words(text, m);
            if let [first, .., last] = words.as_slice() {
                let distinctive = first.chars().count() >= 3
                    && !first.chars().all(|c| c.is_uppercase())
                    && !lex.is_common_word(first)
                    && !lex.is_first_name(first)
                    && !lex.is_surname(first)
                    && lex.name(&phrase_key(first).0).is_none()
                    && lex.cue(last) & cue::ORG != 0;
                if distinctive {
                    add_form(first, identity.clone());
                }
            }
        }
        // "Baltimore Orioles" … "the Orioles": what follows a place that opens a team's (or
        // a paper's) name, in the plural, stands for it, as a form that gives way to others.
        if pass == Pass::Final && m.kind == EntityKind::Org && m.segment != HEADER {
            if let Some(rest) = after_opening_place(&name_words(text, m), lex) {
                weak_forms.push((rest, identity.clone()));
            }
        }
        // "Palestine Liberation Organisation" … "PLO": the initials of a name of three
        // capitalised words or more, written in capitals, stand for it.
        if pass == Pass::Final
            && matches!(m.kind, EntityKind::Org | EntityKind::Gpe | EntityKind::Loc)
            && m.segment != HEADER
        {
            let words = name_words(text, m);
            if words.len() >= 3 && words.iter().all(|w| !w.chars().all(char::is_uppercase)) {
                let initials: String = words.iter().filter_map(|w| w.chars().next()).collect();
                weak_forms.push((initials, identity));
            }
        }
    }
    // Initials and short forms never take a form from a name written so ("WOSM" found as a
    // name of its own stays one).
    for (form, identity) in weak_forms {
        add(&form, identity, true);
    }
    if pass == Pass::Final {
        longer_forms_in_capitals(analyzers, mentions, &forms, max_len);
    }
    let mut found = Vec::new();
    let mut by_segment: Vec<Vec<(usize, usize)>> = vec![Vec::new(); analyzers.len()];
    for m in mentions.iter().filter(|m| m.segment != HEADER) {
        by_segment[m.segment].push((m.tok_start, m.tok_end));
    }
    for a in analyzers {
        let n = a.toks.len();
        let mut covered = vec![false; n];
        for &(s, e) in &by_segment[a.segment] {
            covered[s..e].iter_mut().for_each(|c| *c = true);
        }
        // The tokens of lines in capitals, where a name is also read title-cased.
        let mut shouted = vec![false; n];
        if pass == Pass::Final {
            for (s, e, caps) in super::capitals::lines(a) {
                shouted[s..e].iter_mut().for_each(|c| *c = caps);
            }
        }
        let mut i = 0;
        while i < n {
            if covered[i] || !a.is_name_token(i) {
                i += 1;
                continue;
            }
            let mut matched = None;
            let mut key = String::new();
            let mut titled = String::new();
            for (j, &taken) in covered.iter().enumerate().take(n.min(i + max_len)).skip(i) {
                if taken || (a.toks[j].kind == TokKind::Punct && a.word(j) != "&") {
                    break;
                }
                push_key(&mut key, a.word(j));
                // The title-cased key holds only while every word is in capitals.
                let all_shouted = shouted[i..=j].iter().all(|&c| c);
                if all_shouted {
                    push_key_titled(&mut titled, a.word(j));
                }
                let found = forms
                    .get(&key)
                    .or_else(|| all_shouted.then(|| forms.get(&titled)).flatten());
                if let Some(Some(identity)) = found {
                    matched = Some((j + 1, identity.clone()));
                }
            }
            let Some((end, (kind, key))) = matched else {
                i += 1;
                continue;
            };
            // In a line of capitals every word is capitalised: a name there is no fragment of
            // a longer one for that, and a name of one word must be no word of two letters
            // ("IT", "US") nor a word of the dictionary that the document also writes as one
            // ("JOB", "MAY"), or that is a head word ("COMMISSION" of "… REDISTRICTING
            // COMMISSION"). "ARSENAL" and "ORIOLES" are read, as the report never writes
            // "arsenal".
            let in_capitals = shouted[i..end].iter().all(|&c| c);
            let word_alone = end == i + 1
                && (a.word(i).chars().count() < 3
                    || lex.is_common_word(a.word(i))
                        && (lex.cue(&titled_key(a.word(i))) != 0
                            || a.ctx
                                .lower_words
                                .contains(a.word(i).to_lowercase().as_str())));
            if in_capitals && word_alone
                || !in_capitals && fragment_of_longer_name(a, i, end, &covered)
                || (end == i + 1
                    && (a.toks[i].sent_start || a.headline)
                    && lex.is_common_word(a.word(i))
                    && !a.word(i).chars().all(|c| !c.is_lowercase()))
            {
                i += 1;
                continue;
            }
            found.push(Mention {
                start: a.toks[i].start,
                end: a.toks[end - 1].end,
                segment: a.segment,
                tok_start: i,
                tok_end: end,
                kind,
                key,
                canonical: None,
                strength: Strength::Strong,
            });
            covered[i..end].iter_mut().for_each(|c| *c = true);
            i = end;
        }
    }
    mentions.extend(found);
}

/// In a line written in capitals, a name found there that a longer form of the document
/// begins with, read title-cased, gives way to that form ("BRADFORD" read as a person in
/// "RUGBY LEAGUE - BRADFORD BULLS SIGN …", where the report names the "Bradford Bulls"):
/// the longest form from the name's first word on, over the names that lie wholly inside it.
fn longer_forms_in_capitals(
    analyzers: &[Analyzer],
    mentions: &mut Vec<Mention>,
    forms: &HashMap<String, Option<(EntityKind, String)>>,
    max_len: usize,
) {
    let index = super::mention::SpanIndex::of(mentions);
    let mut gone: HashSet<usize> = HashSet::new();
    let mut longer: Vec<Mention> = Vec::new();
    for a in analyzers {
        for (line_start, line_end, caps) in super::capitals::lines(a) {
            if !caps {
                continue;
            }
            let mut inside: Vec<usize> =
                index.overlapping(a.segment, line_start, line_end).collect();
            inside.sort_by_key(|&k| mentions[k].tok_start);
            for k in inside {
                let m = &mentions[k];
                if gone.contains(&k) || m.tok_start < line_start || m.tok_end > line_end {
                    continue;
                }
                let mut titled = String::new();
                let mut best = None;
                for j in m.tok_start..line_end.min(m.tok_start + max_len) {
                    if a.toks[j].kind == TokKind::Punct && a.word(j) != "&" {
                        break;
                    }
                    push_key_titled(&mut titled, a.word(j));
                    if j + 1 > m.tok_end {
                        if let Some(Some(identity)) = forms.get(&titled) {
                            best = Some((j + 1, identity.clone()));
                        }
                    }
                }
                let Some((end, (kind, key))) = best else {
                    continue;
                };
                let covered: Vec<usize> = index.overlapping(a.segment, m.tok_start, end).collect();
                let within = covered
                    .iter()
                    .all(|&o| mentions[o].tok_start >= m.tok_start && mentions[o].tok_end <= end);
                if !within {
                    continue;
                }
                gone.extend(covered);
                longer.push(Mention {
                    start: a.toks[m.tok_start].start,
                    end: a.toks[end - 1].end,
                    segment: a.segment,
                    tok_start: m.tok_start,
                    tok_end: end,
                    kind,
                    key,
                    canonical: None,
                    strength: Strength::Strong,
                });
            }
        }
    }
    if longer.is_empty() {
        return;
    }
    let mut k = 0;
    mentions.retain(|_| {
        k += 1;
        !gone.contains(&(k - 1))
    });
    mentions.extend(longer);
}

/// The key of `word` title-cased ("COMMISSION" -> "Commission").
fn titled_key(word: &str) -> String {
    let mut key = String::new();
    push_key_titled(&mut key, word);
    key
}

/// The words after a city or a state that opens a name ("Orioles" of "Baltimore Orioles",
/// "Blue Jays" of "Toronto Blue Jays", "Times" of "New York Times"; not "Marines" of "US
/// Marines", a country's, which are no teams): one or two capitalised words, the
/// last a plural that is no head word of an organisation's name nor a legal suffix
/// ("Industries" of "Houston Industries" is no short form).
fn after_opening_place(words: &[String], lex: &Lexicon) -> Option<String> {
    let place_len = (1..words.len()).rev().find(|&k| {
        lex.name(&phrase_key(&words[..k].join(" ")).0)
            .is_some_and(|g| matches!(g.source, Source::City | Source::Admin))
    })?;
    let rest = &words[place_len..];
    let last = rest.last()?;
    let capitalised = |w: &String| {
        w.chars().next().is_some_and(char::is_uppercase) && w.chars().any(char::is_lowercase)
    };
    let plural = last.ends_with('s') && !last.ends_with("ss") && !last.ends_with("'s");
    (rest.len() <= 2
        && plural
        && rest.iter().all(capitalised)
        && lex.cue(&phrase_key(last).0) & (cue::ORG | cue::ORG_FIRST) == 0
        && !super::organisations::is_legal_suffix(last))
    .then(|| rest.join(" "))
}

/// Whether tokens `s..e` are glued to, or directly followed by, more of a capitalised name.
fn fragment_of_longer_name(a: &Analyzer, s: usize, e: usize, covered: &[bool]) -> bool {
    let n = a.toks.len();
    let joined_before = s > 0 && a.toks[s - 1].kind == TokKind::Joiner && !a.toks[s].space_before;
    let joined_after = e + 1 < n
        && a.toks[e].kind == TokKind::Joiner
        && !a.toks[e].space_before
        && a.is_name_token(e + 1);
    let lex = Lexicon::get();
    let plain_name = |i: usize| {
        a.is_name_token(i)
            && !covered[i]
            && lex.cue(a.word(i)) & (cue::TITLE | cue::HONORIFIC | cue::STOP | cue::MONTH) == 0
    };
    let name_before = s > 0 && a.toks[s].space_before && plain_name(s - 1);
    let name_after = e < n && a.toks[e].space_before && plain_name(e);
    joined_before || joined_after || name_before || name_after
}

/// Groups mentions into entities, choosing canonical names and aliases.
pub(crate) fn build_entities(
    text: &str,
    mut mentions: Vec<Mention>,
    long_forms: &HashMap<(EntityKind, String), String>,
) -> Vec<Entity> {
    mentions.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    // Overlaps cannot happen by construction; if one slips through, the earlier, longer
    // mention stays.
    let mut kept: Vec<Mention> = Vec::with_capacity(mentions.len());
    for m in mentions {
        if m.start >= m.end || text.get(m.start..m.end).is_none() {
            continue;
        }
        if kept.last().is_some_and(|k| k.end > m.start) {
            continue;
        }
        kept.push(m);
    }
    struct Group {
        kind: EntityKind,
        key: String,
        gazetteer: Option<&'static str>,
        surfaces: Vec<String>,
        mentions: Vec<Span>,
    }
    let mut index: HashMap<(EntityKind, String), usize> = HashMap::new();
    let mut groups: Vec<Group> = Vec::new();
    for m in kept {
        let identity = (m.kind, m.key.clone());
        let g = *index.entry(identity).or_insert_with(|| {
            groups.push(Group {
                kind: m.kind,
                key: m.key.clone(),
                gazetteer: None,
                surfaces: Vec::new(),
                mentions: Vec::new(),
            });
            groups.len() - 1
        });
        let group = &mut groups[g];
        if group.gazetteer.is_none() {
            group.gazetteer = m.canonical;
        }
        let surface = text[m.start..m.end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if !group
            .surfaces
            .iter()
            .any(|s| normalise_name(s) == normalise_name(&surface))
        {
            group.surfaces.push(surface);
        }
        group.mentions.push(Span::new_unchecked(m.start, m.end));
    }
    // A name found only in capitals ("NORMAN" of a headline, a dateline's "SYDNEY") joins the
    // entity of that kind that writes it otherwise ("Greg Norman" … "Norman"), or the first
    // one that writes it so too; places of either kind are one kind here (a headline's
    // "ZURICH" read as a region, the dateline's as a town). Failing that, a one-word person
    // joins the one person of the document whose family name it is ("JOHNSON" of a headline,
    // "Michael Johnson" of the report; not "II" of "Oscar Hammerstein II").
    let shouted: Vec<bool> = groups
        .iter()
        .map(|g| {
            g.surfaces
                .iter()
                .all(|s| !s.chars().any(char::is_lowercase))
        })
        .collect();
    let join_kind = |kind: EntityKind| match kind {
        EntityKind::Loc => EntityKind::Gpe,
        kind => kind,
    };
    let mut by_form: HashMap<(EntityKind, String), Vec<usize>> = HashMap::new();
    let mut by_family_name: HashMap<String, Vec<usize>> = HashMap::new();
    if shouted.iter().any(|&s| s) {
        for (h, group) in groups.iter().enumerate() {
            for surface in &group.surfaces {
                by_form
                    .entry((join_kind(group.kind), crate::text::fold(surface)))
                    .or_default()
                    .push(h);
            }
            if group.kind == EntityKind::Person && !shouted[h] {
                let mut family: Vec<String> = group
                    .surfaces
                    .iter()
                    .filter_map(|s| s.split_whitespace().nth(1).and(s.split_whitespace().last()))
                    .filter(|w| w.chars().any(char::is_lowercase))
                    .map(crate::text::fold)
                    .collect();
                family.sort();
                family.dedup();
                for name in family {
                    by_family_name.entry(name).or_default().push(h);
                }
            }
        }
    }
    for g in 0..groups.len() {
        if !shouted[g] || groups[g].mentions.is_empty() {
            continue;
        }
        let kind = join_kind(groups[g].kind);
        let live = |&h: &usize| h != g && !groups[h].mentions.is_empty();
        let target = groups[g]
            .surfaces
            .iter()
            .filter_map(|s| by_form.get(&(kind, crate::text::fold(s))))
            .flatten()
            .copied()
            .filter(live)
            .min_by_key(|&h| (shouted[h], h))
            .or_else(|| {
                let [surface] = groups[g].surfaces.as_slice() else {
                    return None;
                };
                let people = by_family_name.get(&crate::text::fold(surface))?;
                let people: Vec<usize> = people.iter().copied().filter(live).collect();
                (kind == EntityKind::Person && people.len() == 1).then(|| people[0])
            });
        let Some(h) = target else { continue };
        if shouted[h] && h > g {
            continue;
        }
        let (surfaces, mentions) = {
            let from = &mut groups[g];
            (
                std::mem::take(&mut from.surfaces),
                std::mem::take(&mut from.mentions),
            )
        };
        let into = &mut groups[h];
        for surface in surfaces {
            if !into
                .surfaces
                .iter()
                .any(|s| normalise_name(s) == normalise_name(&surface))
            {
                into.surfaces.push(surface);
            }
        }
        into.mentions.extend(mentions);
        into.mentions.sort_by_key(|m| m.start);
    }
    groups.retain(|g| !g.mentions.is_empty());
    let mut entities: Vec<Entity> = groups
        .into_iter()
        .map(|g| {
            let canonical = long_forms
                .get(&(g.kind, g.key.clone()))
                .cloned()
                .or_else(|| g.gazetteer.map(str::to_string))
                .unwrap_or_else(|| {
                    // The longest form as written, the first one on a tie; a form in capitals
                    // only where there is no other ("West Ham", not a headline's "WEST HAM").
                    let rank = |s: &str| (s.chars().any(char::is_lowercase), s.chars().count());
                    let mut best = &g.surfaces[0];
                    for s in &g.surfaces {
                        if rank(s) > rank(best) {
                            best = s;
                        }
                    }
                    best.clone()
                });
            let aliases = g
                .surfaces
                .into_iter()
                .filter(|s| normalise_name(s) != normalise_name(&canonical))
                .collect();
            Entity {
                kind: g.kind,
                canonical,
                aliases,
                mentions: g.mentions,
            }
        })
        .collect();
    entities.sort_by(|a, b| (a.kind, &a.canonical).cmp(&(b.kind, &b.canonical)));
    entities
}
