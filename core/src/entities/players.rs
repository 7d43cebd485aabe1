//! Players in the tables of sports reports: scorers in parentheses after a side's score,
//! the names of a cricket scorecard's batsmen's and bowlers' lines. A step after the merge,
//! after `teams.rs`.

use super::candidates::Analyzer;
use super::mention::{drop_overlapping, Mention, SpanIndex, Strength};
use super::teams::is_goals;
use super::tokens::TokKind;
use super::EntityKind;

/// A player's name at token `i` of a line ending at `end`: capitalised words and initials,
/// and parts glued by a hyphen ("Inzamam-ul-Haq"). Its end token.
fn player_name(a: &Analyzer, i: usize, end: usize) -> Option<usize> {
    let mut e = i;
    while e < end {
        let glued_part = e > i
            && a.toks[e].kind == TokKind::Joiner
            && !a.toks[e].space_before
            && e + 1 < end
            && a.toks[e + 1].kind == TokKind::Word
            && !a.toks[e + 1].space_before;
        if a.is_name_token(e) && a.word(e).chars().any(char::is_alphabetic) {
            e += 1;
        } else if glued_part {
            e += 2;
        } else {
            break;
        }
    }
    (e > i && e - i <= 6).then_some(e)
}

/// The words of a batsman's line in a cricket scorecard between the names: caught, bowled,
/// stumped, leg before, run out, not out, caught and bowled, hit wicket, retired hurt.
const DISMISSALS: &[&str] = &[
    "c", "b", "st", "lbw", "run", "out", "not", "and", "hit", "wicket", "retired", "hurt",
];

/// Players in the tables of sports reports, which the tagger, trained on prose, misses or
/// misreads (a scorer beside a minute reads like a team beside a score): the scorers in
/// parentheses after a side's score ("Bayer Leverkusen 2 ( Kirsten 34 , Feldhoff 78 pen )"),
/// the names of a batsman's line in a scorecard ("A. Stewart c Moin Khan b Mushtaq Ahmed 44",
/// "Saeed Anwar not out 176") and of a bowler's ("Wasim Akram 25-5-70-3"). Each is a person,
/// in place of the names found inside it; one that a name reaches out of is left as read.
pub(crate) fn players_in_tables(analyzers: &[Analyzer], mentions: &mut Vec<Mention>) {
    let mut found: Vec<(usize, usize, usize)> = Vec::new();
    for (segment, a) in analyzers.iter().enumerate() {
        let n = a.toks.len();
        // Scorers: "( Name 34 , Name 78 pen ; Name 90 )" after a score.
        for open in 1..n {
            if !a.is_punct(open, "(") || !is_goals(&a.toks[open - 1]) {
                continue;
            }
            let mut names = Vec::new();
            let mut k = open + 1;
            let closed = loop {
                let Some(e) = player_name(a, k, n) else {
                    break false;
                };
                let mut after = e;
                while after < n && a.toks[after].kind == TokKind::Number {
                    after += 1;
                }
                if after == e {
                    break false;
                }
                while after < n
                    && a.toks[after].kind == TokKind::Word
                    && a.word(after).starts_with(char::is_lowercase)
                {
                    after += 1;
                }
                names.push((k, e));
                if a.is_punct(after, ")") {
                    break true;
                }
                if !(a.is_punct(after, ",") || a.is_punct(after, ";")) {
                    break false;
                }
                k = after + 1;
            };
            if closed {
                found.extend(names.into_iter().map(|(s, e)| (segment, s, e)));
            }
        }
        for (line_start, line_end) in super::capitals::line_ranges(a) {
            let Some(first) = player_name(a, line_start, line_end) else {
                continue;
            };
            // A bowler's figures: overs, maidens, runs, wickets ("25-5-70-3"; not a telephone
            // number, "011-52-987-12499").
            let figures = line_end - first == 7
                && (first..line_end).all(|k| {
                    let t = &a.toks[k];
                    let digits = [4, 2, 3, 2][((k - first) / 2).min(3)];
                    if (k - first) % 2 == 0 {
                        t.kind == TokKind::Number && t.end - t.start <= digits
                    } else {
                        t.kind == TokKind::Joiner && a.word(k) == "-"
                    }
                });
            if figures {
                found.push((segment, line_start, first));
                continue;
            }
            // A batsman's line.
            let mut names = vec![(line_start, first)];
            let mut dismissed = false;
            let mut k = first;
            while k < line_end {
                let w = a.word(k);
                if a.toks[k].kind == TokKind::Word && DISMISSALS.contains(&w) {
                    dismissed |= matches!(w, "c" | "b" | "st" | "lbw" | "out");
                    k += 1;
                } else if let Some(e) = player_name(a, k, line_end) {
                    names.push((k, e));
                    k = e;
                } else {
                    break;
                }
            }
            // The line ends with the runs scored.
            let ends_well = k + 1 == line_end && a.toks[k].kind == TokKind::Number;
            if dismissed && ends_well {
                found.extend(names.into_iter().map(|(s, e)| (segment, s, e)));
            }
        }
    }
    // A name found that reaches out of a player's name keeps its reading.
    let index = SpanIndex::of(mentions);
    found.retain(|&(g, s, e)| {
        !index.overlapping(g, s, e).any(|k| {
            let m = &mentions[k];
            m.tok_start < s || m.tok_end > e
        })
    });
    drop_overlapping(mentions, &found);
    for (segment, s, e) in found {
        mentions.push(analyzers[segment].mention(s, e, EntityKind::Person, Strength::Strong));
    }
}
