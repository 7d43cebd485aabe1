//! Companies told by their legal suffixes ("X Ltd", "X, Inc.", "Sandoz AG") and firms named
//! with an ampersand ("Procter & Gamble").

use super::organisation_at;
use crate::entities::candidates::Analyzer;
use crate::entities::lexicon::{cue, FastMap, Lexicon};
use crate::entities::mention::{drop_overlapping, Mention, HEADER};
use crate::entities::tokens::TokKind;

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
