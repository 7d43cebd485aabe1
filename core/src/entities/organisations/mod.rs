//! Organisations the tagger finds in part or not at all, told by their names' shape and their
//! context: names that go on after their head word ("the National Library of the
//! Netherlands"), names of the hand-written list taken whole, companies and bodies told by
//! context ("shares of X", "a job at X", "CCNG, Inc."), and shorter mentions joining the
//! organisation named in full. Steps after the merge (`merge.rs`). Here: names going on after
//! their head word, listed names taken whole, names spelt by an acronym, short names in
//! parentheses, parties named by their members, shorter mentions joining the full name; in
//! `context.rs` what the words around a name say of it, in `companies.rs` legal suffixes and
//! ampersands.

mod companies;
mod context;

pub(crate) use companies::{ampersand_firms, is_legal_suffix, suffixed_companies};
pub(crate) use context::{organisations_by_context, press_review_titles, workplaces};

use super::candidates::Analyzer;
use super::capitals::title_cased_place;
use super::lexicon::{cue, Lexicon, Source};
use super::mention::{drop_overlapping, normalise_name, Mention, SpanIndex, Strength, HEADER};
use super::merge::{end_without_suffix, folded_words};
use super::tokens::TokKind;
use super::EntityKind;
use std::collections::HashMap;

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
/// of the document begins with it) are "Carr Futures Inc."; "Commerzbank" is "Commerzbank AG".
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
                let suffix = is_legal_suffix(a.word(last));
                if a.cue1(last) & (cue::ORG | cue::ORG_ABBR) == 0 && !suffix
                    || full[0].chars().count() < 3
                {
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

/// An organisation on tokens `s..e` of region `segment`, keyed by its name as written.
pub(super) fn organisation_at(a: &Analyzer, segment: usize, s: usize, e: usize) -> Mention {
    let (start, end) = (a.toks[s].start, a.toks[e - 1].end);
    Mention {
        start,
        end,
        segment,
        tok_start: s,
        tok_end: e,
        kind: EntityKind::Org,
        key: normalise_name(&a.text[start..end]),
        canonical: None,
        strength: Strength::Strong,
    }
}

/// Small words a name spelt out by its initials passes over ("Organisation for Security and
/// Cooperation in Europe": OSCE).
const UNSPELT_WORDS: &[&str] = &[
    "of", "for", "and", "in", "on", "the", "de", "du", "des", "la", "le", "&",
];

/// A name whose initials spell the acronym in parentheses after it is that whole name: "the
/// Organisation for Security and Cooperation in Europe ( OSCE )", where the tagger stopped at
/// "Cooperation" and read "Europe" as a place. The capitalised words before the parenthesis,
/// small words among them, whose first letters are the acronym's letters, where some name was
/// found; the names found inside give way when they lie wholly inside it, and the whole takes
/// the kind of the one at its start, or is an organisation (no person: "John Fitzgerald
/// Kennedy (JFK)" stays as read).
pub(crate) fn names_spelt_by_acronyms(analyzers: &[Analyzer], mentions: &mut Vec<Mention>) {
    let mut found: Vec<(usize, usize, usize, EntityKind)> = Vec::new();
    let mut index: Option<SpanIndex> = None;
    for (segment, a) in analyzers.iter().enumerate() {
        let n = a.toks.len();
        for open in 1..n.saturating_sub(2) {
            if !a.is_punct(open, "(") || !a.is_punct(open + 2, ")") {
                continue;
            }
            let acronym: Vec<char> = a.word(open + 1).chars().collect();
            if !(2..=8).contains(&acronym.len()) || !acronym.iter().all(|c| c.is_uppercase()) {
                continue;
            }
            // Back from the parenthesis, the initials of the capitalised words, last first.
            let mut initials: Vec<char> = Vec::new();
            let mut start = None;
            let mut j = open;
            while j > 0 && initials.len() < acronym.len() {
                j -= 1;
                let t = &a.toks[j];
                let glued_after_joiner =
                    j > 0 && a.toks[j - 1].kind == TokKind::Joiner && !t.space_before;
                if t.kind == TokKind::Joiner {
                    continue;
                }
                if t.kind != TokKind::Word {
                    break;
                }
                if a.is_name_token(j) && !glued_after_joiner {
                    initials.push(a.word(j).chars().next().unwrap_or(' '));
                    if initials.len() == acronym.len() {
                        start = Some(j);
                    }
                } else if !(UNSPELT_WORDS.contains(&a.word(j)) || glued_after_joiner) {
                    break;
                }
            }
            let Some(start) = start else { continue };
            initials.reverse();
            if initials != acronym {
                continue;
            }
            let index = index.get_or_insert_with(|| SpanIndex::of(mentions));
            let inside: Vec<&Mention> = index
                .overlapping(segment, start, open)
                .map(|k| &mentions[k])
                .collect();
            let within = inside
                .iter()
                .all(|m| start <= m.tok_start && m.tok_end <= open);
            if inside.is_empty() {
                continue;
            }
            // The kind of the name found at its start, else an organisation ("Conference on
            // Security and Cooperation in Europe": "Europe" alone was found).
            let kind = match inside.iter().find(|m| m.tok_start == start).map(|m| m.kind) {
                Some(kind @ (EntityKind::Gpe | EntityKind::Loc)) => kind,
                Some(EntityKind::Person) => continue,
                _ => EntityKind::Org,
            };
            let whole_already = inside.len() == 1 && inside[0].tok_start == start;
            if within && !whole_already {
                found.push((segment, start, open, kind));
            }
        }
    }
    let spans: Vec<(usize, usize, usize)> = found.iter().map(|&(g, s, e, _)| (g, s, e)).collect();
    drop_overlapping(mentions, &spans);
    for (segment, s, e, kind) in found {
        mentions.push(analyzers[segment].mention(s, e, kind, Strength::Strong));
    }
}

/// An organisation's short name in parentheses right after its name is that organisation,
/// there and wherever the document writes it: "Petroliam Nasional Bhd ( Petronas )", where
/// the tagger read "Petronas" as a person. One capitalised word with letters in lower case
/// and the name's first letter, or an acronym of two to six capitals whatever its letters
/// (the rules' `aliases::merge_acronyms` joins those that spell the name; "Kurdistan Workers
/// Party ( PKK )" spells it in Kurdish); not a place ("Boeing Co ( Seattle )", "( USA )").
pub(crate) fn short_names_in_parentheses(analyzers: &[Analyzer], mentions: &mut Vec<Mention>) {
    // Each short name's folded form, with the key of the organisation it names.
    let mut short: Vec<(String, String)> = Vec::new();
    let mut at: Vec<(usize, usize)> = Vec::new();
    for m in mentions.iter() {
        let Some(a) = analyzers.get(m.segment).filter(|_| m.segment != HEADER) else {
            continue;
        };
        let (open, w) = (m.tok_end, m.tok_end + 1);
        if m.kind != EntityKind::Org || !a.is_punct(open, "(") || !a.is_punct(w + 1, ")") {
            continue;
        }
        let word = a.word(w);
        let initial = |x: &str| crate::text::fold(x).chars().next();
        // An acronym of two to six capitals, perhaps of the name in another language
        // ("Kurdistan Workers Party ( PKK )"); no ticker ("MSFT.O").
        let acronym = a.is_all_caps(w)
            && word.chars().count() <= 6
            && word.chars().all(|c| c.is_ascii_uppercase());
        let fits = a.is_name_token(w)
            && if acronym {
                let place = |entry: &super::lexicon::GazEntry| {
                    matches!(entry.kind, EntityKind::Gpe | EntityKind::Loc)
                };
                title_cased_place(a, Lexicon::get(), w, w + 1).is_none()
                    && a.gaz_at(w, w + 1).is_none_or(|(_, entry)| !place(&entry))
            } else {
                word.chars().skip(1).any(char::is_lowercase)
                    && initial(word) == initial(a.word(m.tok_start))
                    && a.gaz_at(w, w + 1).is_none()
            };
        if fits {
            short.push((crate::text::fold(word), m.key.clone()));
            at.push((m.segment, w));
        }
    }
    if short.is_empty() {
        return;
    }
    // Where nothing was found on the short name in parentheses, it is found now.
    let index = SpanIndex::of(mentions);
    let unnamed: Vec<(usize, usize)> = at
        .into_iter()
        .filter(|&(segment, w)| index.overlapping(segment, w, w + 1).next().is_none())
        .collect();
    for (segment, w) in unnamed {
        mentions.push(analyzers[segment].mention(w, w + 1, EntityKind::Org, Strength::Strong));
    }
    for m in mentions.iter_mut() {
        let Some(a) = analyzers.get(m.segment).filter(|_| m.segment != HEADER) else {
            continue;
        };
        if m.tok_end != m.tok_start + 1 || m.kind == EntityKind::Norp {
            continue;
        }
        let folded = crate::text::fold(a.word(m.tok_start));
        if let Some((_, key)) = short.iter().find(|(form, _)| *form == folded) {
            m.kind = EntityKind::Org;
            m.key = key.clone();
            m.canonical = None;
        }
    }
}

/// Words that make a party of the members a plural names: "Social Democrats", "Christian
/// Democrats", "Free Democrats" (the rules read "Democrats" alone as a group of people).
const PARTY_ADJECTIVES: &[&str] = &["Social", "Christian", "Free", "Liberal"];

/// A party named by its members in the plural after one of `PARTY_ADJECTIVES` is an
/// organisation, the adjective with it, in place of the nationalities found there
/// ("Germany's Social Democrats": a nationality "Democrat").
pub(crate) fn parties_of_members(analyzers: &[Analyzer], mentions: &mut Vec<Mention>) {
    let mut found: Vec<(usize, usize, usize)> = Vec::new();
    for m in mentions.iter() {
        let Some(a) = analyzers.get(m.segment).filter(|_| m.segment != HEADER) else {
            continue;
        };
        let s = m.tok_start;
        let plural = a.word(m.tok_end - 1);
        if m.kind != EntityKind::Norp
            || s == 0
            || !plural.ends_with('s')
            || !PARTY_ADJECTIVES.contains(&a.word(s - 1))
        {
            continue;
        }
        found.push((m.segment, s - 1, m.tok_end));
    }
    drop_overlapping(mentions, &found);
    for (segment, s, e) in found {
        mentions.push(organisation_at(&analyzers[segment], segment, s, e));
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
