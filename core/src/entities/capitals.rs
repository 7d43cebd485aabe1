//! Places in lines written in capitals and in datelines ("OSLO 1996-08-30", "SOCCER - NORWAY
//! WIN …"), which the tagger, trained on few of them, misses or misreads. A decoding step
//! after the merge of the tagger's names with the rules' (`merge.rs`).

use super::candidates::Analyzer;
use super::lexicon::{push_key_titled, Lexicon, Source};
use super::mention::{Mention, Strength, HEADER};
use super::merge::is_listed_org;
use super::tokens::TokKind;
use super::EntityKind;

/// Places in lines written in capitals, and in datelines, which the tagger, trained on few of
/// them, misses or misreads: a dateline ("OSLO 1996-08-30", "WASHINGTON (AP) - The Senate…":
/// the capitals at the start of a line before a parenthesis, a dash, a comma or, in a line all
/// in capitals, a number) names any place the gazetteer knows as a title-cased name ("Oslo"),
/// unless it is a listed organisation ("NATO -"); a headline or a results table in capitals
/// names countries only, since capitals hide the difference between a town and a word
/// ("BATH", "READING"). A line is in capitals when four in five of its letters are. The place
/// wins over what the tagger made of the same words ("LONDON" as an organisation, "PARIS" as
/// a person); a name that reaches past it keeps its place. A dateline's place read as a
/// person elsewhere in the text is that place there too.
pub(crate) fn capitals_places(analyzers: &[Analyzer], mentions: &mut Vec<Mention>) {
    let lex = Lexicon::get();
    // Each dateline's head: (region, first token, end token).
    let mut dateline_heads = Vec::new();
    for (segment, a) in analyzers.iter().enumerate() {
        for (line_start, line_end, capitals) in lines(a) {
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
                // A hyphenated name: "AL-AIN", "BANJA-LUKA".
                if head_end + 1 < line_end
                    && a.toks[head_end].kind == TokKind::Joiner
                    && a.word(head_end) == "-"
                    && a.toks[head_end + 1].kind == TokKind::Word
                    && !a.toks[head_end + 1].space_before
                    && a.word(head_end + 1).chars().all(|c| !c.is_lowercase())
                {
                    head_end += 1;
                }
            }
            let dateline = head_end > line_start
                && head_end < line_end
                && ((capitals && a.toks[head_end].kind == TokKind::Number)
                    || matches!(a.word(head_end), "(" | "-" | "\u{2013}" | "\u{2014}" | ","))
                && !is_listed_org(a, line_start, head_end);
            if dateline && head_end - line_start <= 3 && datelined(a, head_end, line_end) {
                unknown_dateline_place(a, lex, segment, (line_start, head_end), mentions);
            }
            if dateline {
                dateline_heads.push((segment, line_start, head_end));
            }
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
        }
    }
    dateline_places_again(analyzers, &dateline_heads, mentions);
}

/// The place a dateline names, where the text names it again and the tagger read a person
/// there ("FRANKFURT 1996-12-12" … "the Frankfurt bourse"): that place. Not a word of a
/// person named in full in the text ("WASHINGTON" … "Denzel Washington" … "Washington
/// said"), and not an organisation (a team of the city the report was filed from is one).
fn dateline_places_again(
    analyzers: &[Analyzer],
    heads: &[(usize, usize, usize)],
    mentions: &mut [Mention],
) {
    let folded = |m: &Mention| crate::text::fold(&analyzers[m.segment].text[m.start..m.end]);
    let places: Vec<(String, Mention)> = mentions
        .iter()
        .filter(|m| matches!(m.kind, EntityKind::Gpe | EntityKind::Loc))
        .filter(|m| {
            heads
                .iter()
                .any(|&(g, s, e)| g == m.segment && m.tok_start == s && m.tok_end == e)
        })
        .map(|m| (folded(m), m.clone()))
        .collect();
    if places.is_empty() {
        return;
    }
    let full_names: Vec<String> = mentions
        .iter()
        .filter(|m| m.segment != HEADER)
        .filter(|m| m.kind == EntityKind::Person && m.tok_end - m.tok_start >= 2)
        .map(folded)
        .collect();
    for m in mentions
        .iter_mut()
        .filter(|m| m.kind == EntityKind::Person && m.segment != HEADER)
    {
        let name = folded(m);
        let of_a_person = full_names
            .iter()
            .any(|full| full.split_whitespace().any(|w| w == name));
        if let Some((_, place)) = places.iter().find(|(p, _)| *p == name) {
            if !of_a_person {
                m.kind = place.kind;
                m.key.clone_from(&place.key);
                m.canonical = place.canonical;
            }
        }
    }
}

/// The lines of a region as token ranges, each with whether it is written in capitals (four
/// in five of its letters, and four letters at least).
pub(crate) fn lines(a: &Analyzer) -> Vec<(usize, usize, bool)> {
    line_ranges(a)
        .into_iter()
        .map(|(line_start, line_end)| {
            let (mut upper, mut letters) = (0usize, 0usize);
            for i in line_start..line_end {
                if a.toks[i].kind == TokKind::Word {
                    for c in a.word(i).chars().filter(|c| c.is_alphabetic()) {
                        letters += 1;
                        upper += usize::from(c.is_uppercase());
                    }
                }
            }
            (
                line_start,
                line_end,
                letters >= 4 && upper * 10 >= letters * 8,
            )
        })
        .collect()
}

/// The lines of a region as token ranges (first token, end token), without their case.
pub(crate) fn line_ranges(a: &Analyzer) -> Vec<(usize, usize)> {
    let n = a.toks.len();
    let mut out = Vec::new();
    let mut line_start = 0;
    while line_start < n {
        let mut line_end = line_start + 1;
        while line_end < n
            && !a.text[a.toks[line_end - 1].end..a.toks[line_end].start].contains('\n')
        {
            line_end += 1;
        }
        out.push((line_start, line_end));
        line_start = line_end;
    }
    out
}

/// What follows a dateline's capitals so surely that they name a place whatever it is: a date
/// ("KIGALI 1996-12-06", a number of four digits first, after a country or state and a comma
/// or not) or a source in brackets and a dash
/// ("KIGALI (Reuters) -"). A dash alone does not ("SOCCER - …" heads a sports report).
fn datelined(a: &Analyzer, mut head_end: usize, line_end: usize) -> bool {
    // A country or state after a comma: "AL-AIN, United Arab Emirates 1996-12-06".
    if a.word(head_end) == "," {
        let mut i = head_end + 1;
        while i < line_end && i < head_end + 5 && a.is_name_token(i) {
            i += 1;
        }
        if i > head_end + 1 && i < line_end {
            head_end = i;
        }
    }
    let w = a.word(head_end);
    let year = a.toks[head_end].kind == TokKind::Number
        && w.len() >= 4
        && w.as_bytes().get(4).is_none_or(|b| !b.is_ascii_digit())
        && w[..4]
            .parse::<u32>()
            .is_ok_and(|y| (1800..2100).contains(&y));
    let source = w == "("
        && (head_end + 1..line_end.min(head_end + 5))
            .find(|&i| a.word(i) == ")")
            .is_some_and(|close| {
                close > head_end + 1
                    && matches!(a.word(close + 1), "-" | "\u{2013}" | "\u{2014}")
                    && close + 1 < line_end
            });
    year || source
}

/// A dateline's place the gazetteer does not know ("AL-AIN 1996-12-06", a town): a place,
/// named title-cased ("Al-Ain"), in place of what the tagger made of the same words, unless
/// its words are cue words ("UPDATE 2014-…") or all words of the dictionary ("ITS OVER
/// 2000"), or a listed organisation. A name the gazetteer
/// knows is left to the step below.
fn unknown_dateline_place(
    a: &Analyzer,
    lex: &Lexicon,
    segment: usize,
    (s, e): (usize, usize),
    mentions: &mut Vec<Mention>,
) {
    let word = |i: usize| a.toks[i].kind == TokKind::Word;
    if title_cased_place(a, lex, s, e).is_some()
        || (s..e).any(|i| a.cue1(i) != 0 || a.toks[i].kind == TokKind::Number)
        || (s..e)
            .filter(|&i| word(i))
            .all(|i| lex.is_common_word(a.word(i)))
        || is_listed_org(a, s, e)
    {
        return;
    }
    let overlapping = |m: &Mention| m.segment == segment && m.tok_start < e && s < m.tok_end;
    if mentions
        .iter()
        .any(|m| overlapping(m) && (m.tok_start < s || m.tok_end > e))
    {
        return;
    }
    mentions.retain(|m| !overlapping(m));
    let mut place = a.mention(s, e, EntityKind::Gpe, Strength::Strong);
    let mut key = String::new();
    let mut after_letter = false;
    for c in a.text[place.start..place.end].chars() {
        if after_letter {
            key.extend(c.to_lowercase());
        } else {
            key.push(c);
        }
        after_letter = c.is_alphabetic();
    }
    place.key = key;
    mentions.push(place);
}

/// The longest gazetteer place starting at token `s` when its words are read title-cased
/// ("NEW YORK" as "New York").
pub(crate) fn title_cased_place(
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
