//! Companies and bodies told by their context: "shares of X", "X said in a statement",
//! "X's shareholders", "a job at X", armed groups, "X leader Y".

use super::organisation_at;
use crate::entities::candidates::Analyzer;
use crate::entities::capitals::title_cased_place;
use crate::entities::lexicon::{cue, FastSet, Lexicon};
use crate::entities::mention::{drop_overlapping, normalise_name, Mention, Strength, HEADER};
use crate::entities::teams::titled_key;
use crate::entities::tokens::TokKind;
use crate::entities::EntityKind;

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
    // The words of the people named in two words or more ("Bill Clinton"): "Clinton
    // officials" are a man's.
    let person_words: FastSet<String> = mentions
        .iter()
        .filter(|m| {
            m.kind == EntityKind::Person && m.segment != HEADER && m.tok_end > m.tok_start + 1
        })
        .flat_map(|m| {
            let a = &analyzers[m.segment];
            (m.tok_start..m.tok_end).map(|i| crate::text::fold(a.word(i)))
        })
        .collect();
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
            // "Kvaerner chairman Erik Tonseth", "Volvo chief executive Soren Gyll": a company
            // or a body before its head's title and name (not "spokesman": "a Yeltsin
            // spokesman" is a man's).
            let headed = !possessive
                && (is_any(a, next, &["chairman", "chairwoman"]) && a.is_name_token(next + 1)
                    || is_any(a, next, &["chief", "managing"])
                        && is_any(a, next + 1, &["executive", "director"])
                        && a.is_name_token(next + 2));
            // "Daewoo officials said": the staff of a company or a body, not of a person nor
            // of a country in initials ("U. S. officials").
            let staff = !possessive && is_any(a, next, &["officials", "executives", "employees"]);
            let cued = cued || rebels || led || headed || staff;
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
                || ((press || party || rebels || led || headed || staff)
                    && (s..e).all(|i| lex.is_common_word(a.word(i))))
                || ((headed || staff) && a.cue1(e - 1) & cue::TITLE != 0)
                || (staff
                    && (lex.is_first_name(a.word(s))
                        || (s..e).all(|i| a.word(i).trim_end_matches('.').chars().count() == 1)
                        || e == s + 1
                            && (lex.is_surname(a.word(s))
                                || person_words.contains(&crate::text::fold(a.word(s))))))
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

/// Bullets that open an item of a press review.
const BULLETS: &[&str] = &["-", "*", "\u{2022}", "\u{2013}"];

/// The newspapers of a press review: in a document that speaks of the press ("PRESS DIGEST",
/// "the leading stories in the Turkish press"), a line of one to four words in capitals
/// alone, no place of the gazetteer, followed by a line that opens with a bullet, is the
/// title of the newspaper whose stories the bullets give ("HURRIYET", "24 CHASA"); found as
/// anything or nothing, it is an organisation, and so are its mentions written alike.
pub(crate) fn press_review_titles(analyzers: &[Analyzer], mentions: &mut Vec<Mention>) {
    let press = analyzers.iter().any(|a| {
        (0..a.toks.len()).any(|i| {
            a.toks[i].kind == TokKind::Word
                && ["press", "newspapers"]
                    .iter()
                    .any(|w| a.word(i).eq_ignore_ascii_case(w))
        })
    });
    if !press {
        return;
    }
    let bullet = |a: &Analyzer, i: usize| BULLETS.contains(&a.word(i));
    let mut found: Vec<(usize, usize, usize)> = Vec::new();
    for (segment, a) in analyzers.iter().enumerate() {
        let n = a.toks.len();
        for (s, e) in crate::entities::capitals::line_ranges(a) {
            let title = e - s <= 4
                && (s..e).any(|i| a.is_all_caps(i))
                && (s..e).all(|i| {
                    a.is_all_caps(i)
                        || a.toks[i].kind == TokKind::Number
                        || matches!(a.word(i), "&" | "-")
                });
            // The next line, in this region or the next, opens with a bullet.
            let bulleted = if e < n {
                bullet(a, e)
            } else {
                analyzers
                    .get(segment + 1)
                    .is_some_and(|next| !next.toks.is_empty() && bullet(next, 0))
            };
            let place = || {
                title_cased_place(a, Lexicon::get(), s, e).is_some_and(|(end, entry)| {
                    end == e && matches!(entry.kind, EntityKind::Gpe | EntityKind::Loc)
                })
            };
            if title && bulleted && !place() {
                found.push((segment, s, e));
            }
        }
    }
    if found.is_empty() {
        return;
    }
    drop_overlapping(mentions, &found);
    let mut keys: FastSet<String> = FastSet::default();
    for &(segment, s, e) in &found {
        let a = &analyzers[segment];
        let mut m = a.mention(s, e, EntityKind::Org, Strength::Strong);
        m.key = titled_key(a, s, e);
        keys.insert(m.key.clone());
        mentions.push(m);
    }
    for m in mentions.iter_mut() {
        if m.kind != EntityKind::Org && keys.contains(&m.key) {
            m.kind = EntityKind::Org;
            m.canonical = None;
        }
    }
}
