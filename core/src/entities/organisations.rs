//! Organisations the tagger finds in part or not at all, told by their names' shape and their
//! context: names that go on after their head word ("the National Library of the
//! Netherlands"), names of the hand-written list taken whole, companies and bodies told by
//! context ("shares of X", "a job at X", "CCNG, Inc."), and shorter mentions joining the
//! organisation named in full. Decoding steps after the merge (`decode.rs`).

use super::candidates::Analyzer;
use super::lexicon::{cue, FastMap, FastSet, Lexicon, Source};
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

/// Words before a name that make it a company or a body: "shares of X", "a stake in X", "a
/// spokesman for X", "analysts at X", "dealers at X".
const ORG_BEFORE: &[(&str, &str)] = &[
    ("shares", "of"),
    ("shares", "in"),
    ("stake", "in"),
    ("spokesman", "for"),
    ("spokeswoman", "for"),
    ("spokesperson", "for"),
    ("analysts", "at"),
    ("analyst", "at"),
    ("economists", "at"),
    ("economist", "at"),
    ("strategists", "at"),
    ("strategist", "at"),
    ("dealers", "at"),
    ("dealer", "at"),
    ("traders", "at"),
    ("trader", "at"),
    ("executive", "of"),
    ("shareholders", "of"),
    ("subsidiary", "of"),
];
/// What a company or a body is called by, written before its name or as the head of an
/// apposition after it: "telecoms group Ericsson", "Telebras, Brazil's state telephone
/// company", "farmers' union Samoobrona". Words that also name a person's trade ("broker",
/// "producer") or a thing ("carrier": a ship) are left out, and so is "party" ("the State
/// party" of a treaty).
const COMPANY_WORDS: &[&str] = &[
    "company",
    "group",
    "firm",
    "conglomerate",
    "airline",
    "insurer",
    "retailer",
    "brokerage",
    "bank",
    "lender",
    "utility",
    "newspaper",
    "daily",
    "club",
    "union",
    "agency",
    "broadcaster",
    "federation",
];

/// Whether tokens `s..e` can be a company's name: some letter in lower case, or three
/// capitals or more that are no Roman numeral ("holding company IFI"; not "group S", "group
/// III").
fn company_name(a: &Analyzer, s: usize, e: usize) -> bool {
    let roman = |w: &str| w.chars().all(|c| "IVXLCDM".contains(c));
    (s..e).any(|i| {
        let w = a.word(i);
        w.chars().any(char::is_lowercase)
            || (w.chars().filter(|c| c.is_uppercase()).count() >= 3 && !roman(w))
    })
}

/// A company's part named after its name ("the Iveco truck unit", "its Magneti Marelli
/// components unit").
const UNIT_WORDS: &[&str] = &["unit", "subsidiary"];

/// A company word, or a maker of something ("carmaker", "chipmaker", "drugmaker").
fn is_company_word(word: &str) -> bool {
    COMPANY_WORDS.contains(&word) || word.len() > 5 && word.ends_with("maker")
}

/// The head of an apposition that starts at token `i` ("the Swedish telecoms group", "Brazil's
/// state telephone company", "a maker of steel"): its last word before a preposition or the
/// punctuation that ends it, if the apposition opens with a determiner or a possessive and
/// runs no more than eight words.
fn apposition_head(a: &Analyzer, i: usize) -> Option<usize> {
    let n = a.toks.len();
    // A name with a possessive, glued or written apart as tokenised text writes it ("Brazil
    // 's").
    let possessive = || {
        let after = a.text[a.toks[i].end..].trim_start();
        after.starts_with("'s ") || after.starts_with("\u{2019}s ")
    };
    let opens =
        matches!(a.word(i), "the" | "a" | "an" | "its") || (a.is_name_token(i) && possessive());
    if !opens {
        return None;
    }
    let mut last = None;
    for k in i..n.min(i + 10) {
        // The apostrophe and "s" of a possessive written apart.
        let apostrophe = |k: usize| matches!(a.word(k), "'" | "\u{2019}");
        if apostrophe(k) || k > i && a.word(k) == "s" && apostrophe(k - 1) {
            continue;
        }
        match a.toks[k].kind {
            TokKind::Word => {
                if matches!(
                    a.word(k),
                    "of" | "in" | "that" | "which" | "with" | "for" | "based"
                ) {
                    return last;
                }
                last = Some(k);
            }
            TokKind::Punct => return last,
            _ => {}
        }
    }
    None
}

/// The first words of those cues that no person is named after: a person has a spokesman
/// and may be an executive's employer, but no analysts, shares or subsidiaries.
const NO_PERSON_BEFORE: &[&str] = &[
    "shares",
    "stake",
    "analysts",
    "analyst",
    "economists",
    "economist",
    "strategists",
    "strategist",
    "dealers",
    "dealer",
    "traders",
    "trader",
    "shareholders",
    "subsidiary",
];
/// Words after "X's" that no person is followed by ("Buffett's shares" are his own).
const NO_PERSON_AFTER_POSSESSIVE: &[&str] = &["shareholders", "subsidiary", "headquarters"];
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
/// Words right after X that make it an armed group ("Tupac Amaru rebels", "FARC
/// guerrillas"); a people's name before them is found as a nationality and stays one.
const REBELS: &[&str] = &[
    "rebels",
    "guerrillas",
    "militants",
    "separatists",
    "insurgents",
];
const MARKET_VERBS: &[&str] = &[
    "rose", "fell", "jumped", "slipped", "climbed", "dropped", "gained", "lost", "tumbled",
    "surged", "slumped", "closed", "edged", "were", "are", "have", "had",
];

/// Names that nothing found but whose context makes them organisations, the companies and
/// bodies no list holds: "shares of X", "X shares fell", "a spokesman for X", "X's chief
/// executive", "analysts at X", "X said in a statement" (a name of two words or more that
/// does not begin with a given name: people say things in statements too). The same name
/// written alike elsewhere in the document, also left out, is the same organisation. A name
/// found as a person in a context no person has ("analysts at Merrill Lynch", "Philip Morris
/// shares rose", "X's chief executive") is an organisation, all its mentions with it.
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
    // A hyphen at `i` glued between two capitalised words, which goes on with the name.
    let glued_on = |a: &Analyzer, i: usize| {
        i + 1 < a.toks.len()
            && i > 0
            && a.toks[i].kind == TokKind::Joiner
            && a.word(i) == "-"
            && !a.toks[i].space_before
            && !a.toks[i + 1].space_before
            && a.is_name_token(i - 1)
            && name_word(a, i + 1)
    };
    // Where a name that starts at `s` ends, and where one that ends at `e` starts: its
    // capitalised words, hyphenated ones whole ("Alcatel-Alsthom").
    let name_end = |a: &Analyzer, s: usize| {
        let mut e = s;
        while e < a.toks.len() && name_word(a, e) {
            e += 1;
            if glued_on(a, e) {
                e += 1;
            }
        }
        e
    };
    let name_start = |a: &Analyzer, e: usize| {
        let mut s = e;
        while s > 0 && name_word(a, s - 1) {
            s -= 1;
            if s >= 2 && glued_on(a, s - 1) {
                s -= 1;
            }
        }
        s
    };
    let mut found: Vec<(usize, usize, usize)> = Vec::new();
    // Names in a context no person has: (region, first token, end token).
    let mut no_person: Vec<(usize, usize, usize)> = Vec::new();
    // Names described as companies ("telecoms group Ericsson"), which a person's name may be
    // too: a clause can end at the comma ("Under Gandhi, a group of …").
    let mut described: Vec<(usize, usize, usize)> = Vec::new();
    for (segment, a) in analyzers.iter().enumerate() {
        if a.headline {
            continue;
        }
        let n = a.toks.len();
        // Names that open after a cue.
        for i in 0..n.saturating_sub(2) {
            let Some(&(x, _)) = ORG_BEFORE
                .iter()
                .find(|&&(x, y)| is(a, i, x) && is(a, i + 1, y))
            else {
                continue;
            };
            let s = i + 2;
            let e = name_end(a, s);
            if e > s {
                found.push((segment, s, e));
                // "shares of Warren Buffett's Berkshire" is about the company after him.
                let owner = e < n && a.toks[e].kind == TokKind::Possessive;
                if !owner && NO_PERSON_BEFORE.contains(&x) {
                    no_person.push((segment, s, e));
                    // The names coordinated with it are in the same context: "analysts at
                    // Merrill Lynch, Salomon Brothers and Smith Barney".
                    let mut e = e;
                    while e + 1 < n
                        && (is_any(a, e, &["and", "or"]) || a.is_punct(e, ","))
                        && name_word(a, e + 1)
                    {
                        let next = name_end(a, e + 1);
                        if next < n && a.toks[next].kind == TokKind::Possessive {
                            break;
                        }
                        found.push((segment, e + 1, next));
                        no_person.push((segment, e + 1, next));
                        e = next;
                    }
                }
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
            // "Tupac Amaru rebels", "FARC guerrillas": a name of two words or more, or one in
            // capitals (one word is more often a people's, "Chechen rebels", "Islamist
            // militants"), and not dictionary words alone ("Southern rebels").
            let rebels = !possessive && is_any(a, next, REBELS);
            // "Sinn Fein leader Gerry Adams": a party or a group before its leader's name.
            let led = !possessive && is(a, next, "leader") && a.is_name_token(next + 1);
            let cued = cued || rebels || led;
            let statement = !possessive
                && is(a, e, "said")
                && is(a, e + 1, "in")
                && is_any(a, e + 2, &["a", "its"])
                && is(a, e + 3, "statement");
            // "Interfax news agency reported", "the Guardian newspaper" (not "a Government
            // newspaper": a name of dictionary words alone is left out below).
            let press = !possessive
                && (is(a, e, "news") && is(a, e + 1, "agency")
                    || is_any(a, e, &["newspaper", "poll"]));
            let cued = cued || press;
            // "Netanyahu's Likud party": a party's name no list holds ("the Labour party" is
            // in them), found where nothing else was, since people party too ("We'll party",
            // "a Halloween party", "the Middletons party").
            let party = !possessive && a.is_word(e, "party");
            if !cued && !statement && !party {
                continue;
            }
            let s = name_start(a, e);
            if s == e
                || (statement && (e - s < 2 || lex.is_first_name(a.word(s))))
                || ((press || party || rebels || led)
                    && (s..e).all(|i| lex.is_common_word(a.word(i))))
                || (rebels && e == s + 1 && !a.is_all_caps(s))
                || (party
                    && (a.toks[s].sent_start
                        || s > 0 && is_any(a, s - 1, &["a", "an"])
                        || (s..e).any(|i| a.word(i).ends_with('s'))))
            {
                continue;
            }
            found.push((segment, s, e));
            let of_no_person = if possessive {
                is_any(a, next, NO_PERSON_AFTER_POSSESSIVE)
                    || (is(a, next, "chief") && is(a, next + 1, "executive"))
            } else {
                cued
            };
            if of_no_person {
                no_person.push((segment, s, e));
            }
        }
        // A company named by what it is, before its name ("Swedish telecoms group Ericsson",
        // "Italian carmaker Fiat") or after it and a comma ("Telebras, Brazil's state
        // telephone company").
        let mut runs: Option<Vec<(usize, usize)>> = None;
        for i in 0..n.saturating_sub(1) {
            if a.toks[i].kind != TokKind::Word || !is_company_word(a.word(i)) {
                continue;
            }
            let s = i + 1;
            let mut e = name_end(a, s);
            // The name goes on as its run of capitalised words does ("club Queen of the
            // South").
            let runs = runs.get_or_insert_with(|| a.runs());
            if let Some(&(_, end)) = runs.iter().find(|&&(start, _)| start == s) {
                e = e.max(end);
            }
            if e > s && company_name(a, s, e) {
                found.push((segment, s, e));
                described.push((segment, s, e));
            }
        }
        // A company's part named before what it is ("Magneti Marelli components unit").
        let unit_at = |i: usize| i < n && UNIT_WORDS.contains(&a.word(i));
        let units = if (0..n).any(unit_at) {
            runs.get_or_insert_with(|| a.runs()).as_slice()
        } else {
            &[]
        };
        for &(s, e) in units {
            let described_after = unit_at(e)
                || (e + 1 < n
                    && a.toks[e].kind == TokKind::Word
                    && a.word(e).starts_with(char::is_lowercase)
                    && unit_at(e + 1));
            // Not one word of the dictionary ("Move the unit", "Ordnance unit").
            let ordinary = e == s + 1 && a.word_is_ordinary(s);
            if described_after && !ordinary && company_name(a, s, e) {
                found.push((segment, s, e));
                described.push((segment, s, e));
            }
        }
        for k in 1..n.saturating_sub(2) {
            if !a.is_punct(k, ",") || !name_word(a, k - 1) {
                continue;
            }
            let Some(head) = apposition_head(a, k + 1) else {
                continue;
            };
            if !is_company_word(a.word(head)) {
                continue;
            }
            let s = name_start(a, k);
            // Not the end of a longer name ("the Panel on Climate Change, the group that …").
            if s > 0 && a.is_connector(s - 1) || !company_name(a, s, k) {
                continue;
            }
            found.push((segment, s, k));
            described.push((segment, s, k));
        }
    }
    // A person's name so described stays a person's ("Under Gandhi, a group of 20 Indians
    // volunteered"): one that opens with a given name or is a family name alone.
    let lex_person = |m: &Mention| {
        analyzers.get(m.segment).is_some_and(|a| {
            lex.is_first_name(a.word(m.tok_start))
                || m.tok_end == m.tok_start + 1 && lex.is_surname(a.word(m.tok_start))
        })
    };
    for m in mentions.iter() {
        let span = (m.segment, m.tok_start, m.tok_end);
        if m.segment != HEADER && described.contains(&span) && !lex_person(m) {
            no_person.push(span);
        }
    }
    // A "person" in a context no person has is an organisation, and so is every mention of
    // it: "analysts at Merrill Lynch", "Philip Morris shares rose". So is a "place" the
    // gazetteer does not know ("shares in Alcatel-Alsthom"; "shares in Europe" stay a place's).
    let retyped = |m: &Mention| match m.kind {
        EntityKind::Person => true,
        EntityKind::Gpe | EntityKind::Loc => {
            m.segment != HEADER
                && m.canonical.is_none()
                && analyzers.get(m.segment).is_some_and(|a| {
                    a.gaz_at(m.tok_start, m.tok_end).is_none_or(|(end, entry)| {
                        end != m.tok_end || !matches!(entry.kind, EntityKind::Gpe | EntityKind::Loc)
                    })
                })
        }
        _ => false,
    };
    let mut keys: FastSet<String> = mentions
        .iter()
        .filter(|m| retyped(m) && no_person.contains(&(m.segment, m.tok_start, m.tok_end)))
        .map(|m| m.key.clone())
        .collect();
    // A name nothing found there is an organisation too (below), and so are its other mentions.
    for &(segment, s, e) in &no_person {
        let a = &analyzers[segment];
        if !covered(mentions, segment, s, e) {
            keys.insert(normalise_name(&a.text[a.toks[s].start..a.toks[e - 1].end]));
        }
    }
    if !keys.is_empty() {
        for m in mentions.iter_mut() {
            if keys.contains(&m.key) && retyped(m) {
                m.kind = EntityKind::Org;
            }
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
                let matches = (0..len).all(|k| {
                    matches!(a.toks[s + k].kind, TokKind::Word | TokKind::Joiner)
                        && a.word(s + k) == name[k]
                });
                if !matches
                    || (s > 0 && name_word(a, s - 1) && !a.toks[s].sent_start)
                    || a.is_name_token(e)
                    || covered(mentions, segment, s, e)
                {
                    continue;
                }
                mentions.push(organisation_at(a, segment, s, e));
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

/// Company suffixes written right after the name but not after a comma ("Commerzbank AG",
/// "Salomon Brothers"), full stops aside: the legal forms of other countries, and the
/// brothers of a firm. Those written after a comma are written so too ("Kohlberg Inc.").
const NAME_SUFFIXES: &[&str] = &[
    "AG", "SA", "SpA", "S.p.A", "NV", "BV", "AB", "ASA", "Oyj", "Oy", "Pty", "Pte", "Bhd",
    "Berhad", "Tbk", "KGaA", "Srl", "Cos", "Bros", "Brothers",
];

/// Whether a word (its stops aside) is a company's legal suffix written right after its
/// name ("AG", "Inc.", "Cos").
pub(crate) fn is_legal_suffix(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    COMMA_SUFFIXES.contains(&word) || NAME_SUFFIXES.contains(&word)
}

/// A company named with its legal suffix, after a comma as American filings and letters write
/// it ("CCNG, Inc.", "Foo Bar, LLC") or right after the name ("Commerzbank AG", "Kohlberg
/// Smithers plc", "Salomon Brothers"): the name (a name found there, whatever its kind, or else
/// its run of capitalised words) and the suffix are one organisation, in place of whatever was
/// found on them ("LLC" alone, "Commerzbank AG" as a person).
pub(crate) fn suffixed_companies(analyzers: &[Analyzer], mentions: &mut Vec<Mention>) {
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
        let mentions_past = |j: usize, e: usize| {
            mentions
                .iter()
                .any(|m| m.segment == segment && m.tok_start <= j && m.tok_end > e)
        };
        // `j`: the suffix's first token; `k`: where the name ends (the comma, or `j`).
        for j in 1..n {
            if a.toks[j].kind != TokKind::Word || !a.toks[j].space_before || a.toks[j].sent_start {
                continue;
            }
            let after_comma = j >= 2 && a.is_punct(j - 1, ",");
            let after_name = a.toks[j - 1].kind == TokKind::Word && a.is_name_token(j - 1);
            if !after_comma && !after_name {
                continue;
            }
            let k = if after_comma { j - 1 } else { j };
            // The suffix: a word, and what is glued to it (the stops of "Inc." or "L.P.").
            let mut e = j + 1;
            while e < n
                && !a.toks[e].space_before
                && (a.toks[e].kind == TokKind::Word || a.word(e) == ".")
            {
                e += 1;
            }
            let suffix = a.text[a.toks[j].start..a.toks[e - 1].end].trim_end_matches('.');
            let known = if after_comma {
                COMMA_SUFFIXES.contains(&suffix)
            } else {
                is_legal_suffix(suffix)
            };
            // A word that goes on ("Co-operation") is no suffix.
            if !known || (e < n && !a.toks[e].space_before && a.toks[e].kind != TokKind::Punct) {
                continue;
            }
            // A suffix written in full ends before the sentence's stop ("Lehman Brothers."),
            // and so does an abbreviated one ("CCNG, Inc.." is "CCNG, Inc." and the stop).
            while e > j + 1
                && a.word(e - 1) == "."
                && (a.word(e - 2).len() > 4 || a.word(e - 2) == ".")
            {
                e -= 1;
            }
            // A name that goes on past the suffix is some other name.
            if mentions_past(j, e) {
                continue;
            }
            // The name: the longest of a name found there and the run of capitalised words
            // ("Theatre for Children"), a sentence's opening word of the dictionary aside.
            let runs = runs.get_or_insert_with(|| a.runs());
            let run = runs
                .iter()
                .find(|&&(s, end)| s < k && k <= end)
                .map(|&(s, _)| {
                    // Not the first part of a hyphenated word ("Rolls-Royce Plc").
                    let opens = |s: usize| {
                        a.toks[s].sent_start
                            && lex.is_common_word(&crate::text::fold(a.word(s)))
                            && a.toks.get(s + 1).is_none_or(|t| t.kind != TokKind::Joiner)
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
                    // After "and the", the name is what follows ("Buddy Holly and the
                    // Everly Brothers").
                    let the = (s + 1..k)
                        .rev()
                        .find(|&i| a.is_word(i, "the") && matches!(a.word(i - 1), "and" | "&"))
                        .map(|t| t + 1);
                    let mut s = match titled.or(the) {
                        Some(after) => after,
                        None if opens(s) => s + 1,
                        None => s,
                    };
                    // Not from a connector on ("Shares of Carr Futures Inc.").
                    while s < k && (a.is_connector(s) || a.is_word(s, "the")) {
                        s += 1;
                    }
                    s
                });
            let found_there = [k, e]
                .into_iter()
                .filter_map(|end| ends.get(&(segment, end)).copied())
                .filter(|&s| s < k);
            let mut s = found_there.chain(run).min().unwrap_or(k);
            // A company named before, its suffix then "and" or a comma, is another one
            // ("Ciba-Geigy AG and Sandoz AG").
            if let Some(&(_, _, last_end)) = found.last().filter(|last| last.0 == segment) {
                if s < last_end
                    && last_end < k
                    && (a.is_connector(last_end) || a.is_punct(last_end, ","))
                {
                    s = last_end + 1;
                }
            }
            if s >= k {
                continue;
            }
            // Suffixes one after another ("Pty Ltd") make one name.
            match found.last_mut() {
                Some(last) if last.0 == segment && s < last.2 => {
                    *last = (segment, last.1.min(s), e);
                }
                _ => found.push((segment, s, e)),
            }
        }
    }
    if found.is_empty() {
        return;
    }
    // Found in order within each region, and apart (each ends at its own suffix).
    mentions.retain(|m| {
        let i = found.partition_point(|&(g, _, e)| (g, e) <= (m.segment, m.tok_start));
        found
            .get(i)
            .is_none_or(|&(g, s, _)| !(g == m.segment && s < m.tok_end))
    });
    for (segment, s, e) in found {
        mentions.push(organisation_at(&analyzers[segment], segment, s, e));
    }
}

/// An organisation on tokens `s..e` of region `segment`, keyed by its name as written.
fn organisation_at(a: &Analyzer, segment: usize, s: usize, e: usize) -> Mention {
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
/// (acronyms in capitals are the rules' own, `aliases::merge_acronyms`) and the name's
/// first letter; not a place of the gazetteer ("Boeing Co ( Seattle )").
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
        let fits = a.is_name_token(w)
            && word.chars().skip(1).any(char::is_lowercase)
            && initial(word) == initial(a.word(m.tok_start))
            && a.gaz_at(w, w + 1).is_none();
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

/// What follows a name and "&" in a firm's name ("Merrill Lynch & Co", "Lazard Freres &
/// Cie", "W. H. Smith & Sons", "Benjamin Thompson & Associates").
const FIRM_TAILS: &[&str] = &[
    "Co",
    "Cie",
    "Company",
    "Sons",
    "Son",
    "Associates",
    "Partners",
    "Brothers",
    "Bros",
];

/// A name, "&" and a firm's tail are one organisation ("Dow Jones & Co", "Lehman Brothers &
/// Co."), in place of what was found on them ("Dow Jones" and "Co" apart). Two names joined
/// by "&" are left as they are: in prose they are two people or places far more often than
/// a firm ("Hemingway & Shaw", "Quemoy & Matsu").
pub(crate) fn ampersand_firms(analyzers: &[Analyzer], mentions: &mut Vec<Mention>) {
    let mut found: Vec<(usize, usize, usize)> = Vec::new();
    for (segment, a) in analyzers.iter().enumerate() {
        let n = a.toks.len();
        for i in 1..n.saturating_sub(1) {
            let tail = a.word(i + 1);
            if a.word(i) != "&"
                || !a.toks[i].space_before
                || !a.toks[i + 1].space_before
                || a.toks[i + 1].kind != TokKind::Word
                || !FIRM_TAILS.contains(&tail)
                || !a.is_name_token(i - 1)
            {
                continue;
            }
            // The tail and its stop ("Co."), unless that stop ends the sentence after a word
            // written in full ("… & Sons.").
            let mut e = i + 2;
            if e < n && !a.toks[e].space_before && a.word(e) == "." && tail.len() <= 3 {
                e += 1;
            }
            // A name that goes on past the tail is some other name ("& Co Holdings").
            if e < n && a.is_name_token(e) && a.toks[e].space_before {
                continue;
            }
            // The name before: the one found there, or the capitalised words before the "&".
            let s = mentions
                .iter()
                .find(|m| m.segment == segment && m.segment != HEADER && m.tok_end == i)
                .map_or_else(
                    || {
                        let mut s = i - 1;
                        while s > 0
                            && a.is_name_token(s - 1)
                            && a.toks[s].space_before
                            && !a.toks[s].sent_start
                        {
                            s -= 1;
                        }
                        s
                    },
                    |m| m.tok_start,
                );
            found.push((segment, s, e));
        }
    }
    drop_overlapping(mentions, &found);
    for (segment, s, e) in found {
        mentions.push(organisation_at(&analyzers[segment], segment, s, e));
    }
}
