//! Where names can be: the tokens of a region seen through the lexicon (capitalised words,
//! cue words, ordinary words), runs of capitalised words, gazetteer and cue-phrase matches at a
//! token, names made by head words ("… Institute", "Ministry of …", "… Sea"), the extent of an
//! unknown chunk of capitalised words, datelines and acronyms in parentheses.
//!
//! A run is a maximal stretch of capitalised words, allowing hyphens ("Asia-Pacific"),
//! lower-case connectors before another capitalised word ("Ministry of Foreign Affairs", "Bank
//! of the West") and name particles ("Ursula von der Leyen"). `rules` decides what each part
//! of a run is; the tagger's features read the same predicates.

use super::lexicon::{cue, push_key, push_key_titled, FastSet, GazEntry, Lexicon, Source};
use super::tokens::{TokKind, Token};
use super::EntityKind;

/// Lower-case connectors allowed inside a run before another capitalised word.
pub(crate) const CONNECTORS: &[&str] = &["of", "for", "on", "and", "&"];
/// Name particles allowed inside a personal name.
pub(crate) const PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "la", "le", "du", "da", "di", "del", "della", "dos", "das",
    "ter", "bin", "ibn", "al", "el", "y",
];
/// Prepositions that make a following unknown capitalised word a place.
pub(crate) const LOCATIVE: &[&str] = &[
    "in",
    "near",
    "outside",
    "across",
    "throughout",
    "around",
    "at",
    "from",
    "to",
    "towards",
    "toward",
    "via",
    "into",
    "between",
];
pub(crate) const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
pub(crate) const ROMAN: &[&str] = &["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
/// Words that join a possessive into a name ("People's Liberation Army").
pub(crate) const POSSESSIVE_IN_NAMES: &[&str] = &["People", "Women", "Children", "Men"];

/// What the first pass needs to know about the whole document.
pub(crate) struct DocContext<'a> {
    /// Words that occur in lower case somewhere in the document.
    pub lower_words: FastSet<&'a str>,
}

pub(crate) struct Analyzer<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
    pub segment: usize,
    /// A title-case or all-capitals line, where capitals say nothing: only gazetteer names
    /// count there (and, later, names already found elsewhere).
    pub headline: bool,
    pub ctx: &'a DocContext<'a>,
    pub lex: &'static Lexicon,
}

impl<'a> Analyzer<'a> {
    pub(crate) fn word(&self, i: usize) -> &'a str {
        let t = &self.toks[i];
        &self.text[t.start..t.end]
    }
    pub(crate) fn is_word(&self, i: usize, w: &str) -> bool {
        i < self.toks.len() && self.toks[i].kind == TokKind::Word && self.word(i) == w
    }
    pub(crate) fn is_punct(&self, i: usize, p: &str) -> bool {
        i < self.toks.len() && self.toks[i].kind == TokKind::Punct && self.word(i) == p
    }
    /// A capitalised word (or initial, or initialism).
    pub(crate) fn is_name_token(&self, i: usize) -> bool {
        i < self.toks.len()
            && self.toks[i].kind == TokKind::Word
            && self
                .word(i)
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase())
    }
    pub(crate) fn cue1(&self, i: usize) -> u32 {
        if i >= self.toks.len() {
            return 0;
        }
        let w = self.word(i);
        if !w.is_ascii() || w.contains('`') {
            let mut key = String::new();
            push_key(&mut key, w);
            self.lex.cue(&key)
        } else {
            self.lex.cue(w)
        }
    }
    pub(crate) fn can_start_run(&self, i: usize) -> bool {
        self.is_name_token(i) && self.cue1(i) & (cue::STOP | cue::MONTH) == 0
    }
    pub(crate) fn is_connector(&self, i: usize) -> bool {
        let t = &self.toks[i];
        (t.kind == TokKind::Word || t.kind == TokKind::Punct) && CONNECTORS.contains(&self.word(i))
    }
    pub(crate) fn is_particle(&self, i: usize) -> bool {
        i < self.toks.len()
            && self.toks[i].kind == TokKind::Word
            && PARTICLES.contains(&self.word(i))
    }
    /// Can token `i` continue a run (capitalised, not a stop word or month after a connector)?
    pub(crate) fn continues_after_connector(&self, i: usize) -> bool {
        self.is_name_token(i) && self.cue1(i) & (cue::STOP | cue::MONTH) == 0
    }
    pub(crate) fn is_all_caps(&self, i: usize) -> bool {
        let w = self.word(i);
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(|c| c.is_lowercase())
    }
    /// An ordinary English word (its lower-case form is common, or appears in the document).
    pub(crate) fn is_ordinary(&self, i: usize) -> bool {
        if self.is_all_caps(i) || self.word(i).ends_with('.') {
            return false;
        }
        let w = self.word(i);
        if self.lex.is_common_word(w) {
            return true;
        }
        let lower = w.to_lowercase();
        self.ctx.lower_words.contains(lower.as_str())
    }
    /// Like `is_ordinary`, for a whole hyphenated word: "Aly-Khan" is a name although "khan"
    /// is in the dictionary.
    pub(crate) fn word_is_ordinary(&self, i: usize) -> bool {
        let mut j = i;
        loop {
            if !self.is_ordinary(j) {
                return false;
            }
            if j + 2 < self.toks.len()
                && self.toks[j + 1].kind == TokKind::Joiner
                && self.toks[j + 2].kind == TokKind::Word
            {
                j += 2;
            } else {
                return true;
            }
        }
    }
    /// The runs of capitalised words, as token ranges.
    pub(crate) fn runs(&self) -> Vec<(usize, usize)> {
        let n = self.toks.len();
        let mut runs = Vec::new();
        let mut i = 0;
        while i < n {
            if !self.can_start_run(i) {
                i += 1;
                continue;
            }
            let s = i;
            let mut e = i + 1;
            loop {
                if e < n && self.is_name_token(e) && self.toks[e].space_before {
                    e += 1;
                    continue;
                }
                if e + 1 < n && self.toks[e].kind == TokKind::Joiner && self.is_name_token(e + 1) {
                    e += 2;
                    continue;
                }
                // Korean given names: "Moon Jae-in", "Kim Jong-un".
                if e + 1 < n
                    && self.toks[e].kind == TokKind::Joiner
                    && self.word(e) == "-"
                    && e >= s + 2
                    && self.toks[e - 1].space_before
                    && self.lex.is_surname_first(self.word(e - 2))
                    && self.toks[e + 1].kind == TokKind::Word
                    && self.word(e + 1).chars().count() <= 5
                    && self.word(e + 1).chars().all(|c| c.is_lowercase())
                {
                    e += 2;
                    continue;
                }
                if e < n && self.toks[e].space_before && self.is_connector(e) {
                    let mut k = e + 1;
                    let connector = self.word(e);
                    if connector != "&" && self.is_word(k, "the") {
                        k += 1;
                    }
                    if self.continues_after_connector(k) {
                        e = k + 1;
                        continue;
                    }
                }
                if e < n && self.toks[e].space_before && self.is_particle(e) {
                    let mut k = e + 1;
                    if self.is_particle(k) {
                        k += 1;
                    }
                    if self.continues_after_connector(k) {
                        e = k + 1;
                        continue;
                    }
                }
                if e + 1 < n
                    && self.toks[e].kind == TokKind::Possessive
                    && POSSESSIVE_IN_NAMES.contains(&self.word(e - 1))
                    && self.is_name_token(e + 1)
                {
                    e += 2;
                    continue;
                }
                break;
            }
            runs.push((s, e));
            i = e;
        }
        runs
    }
    /// The longest gazetteer name starting at `s` and ending at or before `limit`.
    pub(crate) fn gaz_at(&self, s: usize, limit: usize) -> Option<(usize, GazEntry)> {
        let max = (limit - s).min(self.lex.max_name_tokens);
        let mut key = String::new();
        let mut best = None;
        for (len, i) in (s..s + max).enumerate() {
            // A name never spans a sentence break or a comma; tokens of other kinds are fine
            // ("Asia-Pacific", "People's", "U.S.").
            if self.toks[i].kind == TokKind::Punct && !matches!(self.word(i), "&" | ".") {
                break;
            }
            push_key(&mut key, self.word(i));
            if let Some(entry) = self.lex.name(&key) {
                best = Some((s + len + 1, *entry));
            }
            if !self.lex.is_name_prefix(&key) {
                break;
            }
        }
        best
    }
    /// The longest cue phrase with one of `bits` starting at `s`, ending at or before `limit`.
    pub(crate) fn cue_at(&self, s: usize, limit: usize, bits: u32) -> Option<usize> {
        let max = (limit.saturating_sub(s)).min(self.lex.max_cue_tokens);
        let mut key = String::new();
        let mut best = None;
        for (len, i) in (s..s + max).enumerate() {
            push_key(&mut key, self.word(i));
            if self.lex.cue(&key) & bits != 0 {
                best = Some(s + len + 1);
            }
        }
        best
    }
    /// A title at `s` followed by a capitalised word (a person, presumably).
    pub(crate) fn title_at(&self, s: usize, e: usize) -> Option<usize> {
        let end = self.cue_at(s, e, cue::TITLE)?;
        (end < e && self.is_name_token(end)).then_some(end)
    }
    pub(crate) fn prev_word_is(&self, i: usize, words: &[&str]) -> bool {
        i > 0
            && self.toks[i].space_before
            && self.toks[i - 1].kind == TokKind::Word
            && words.contains(&self.word(i - 1))
    }
    /// "…, Alabama" or "…, France" after a city name.
    pub(crate) fn followed_by_region(&self, end: usize) -> bool {
        self.is_punct(end, ",")
            && self.is_name_token(end + 1)
            && self
                .gaz_at(end + 1, self.toks.len())
                .is_some_and(|(_, e)| matches!(e.source, Source::Country | Source::Admin))
    }
    pub(crate) fn head_kind(bits: u32) -> Option<EntityKind> {
        if bits & (cue::ORG | cue::ORG_FIRST) != 0 {
            Some(EntityKind::Org)
        } else if bits & (cue::LOC | cue::LOC_FIRST) != 0 {
            Some(EntityKind::Loc)
        } else if bits & (cue::GPE | cue::GPE_FIRST) != 0 {
            Some(EntityKind::Gpe)
        } else if bits & (cue::EVENT | cue::EVENT_FIRST) != 0 {
            Some(EntityKind::Event)
        } else {
            None
        }
    }
    /// The end of a name's "of …" tail starting at connector `c`, if it has one.
    pub(crate) fn tail(&self, c: usize, e: usize) -> Option<usize> {
        if c >= e || !matches!(self.word(c), "of" | "for" | "on") {
            return None;
        }
        let mut k = c + 1;
        let has_the = self.is_word(k, "the");
        if has_the {
            k += 1;
        }
        if k >= e || !self.continues_after_connector(k) {
            return None;
        }
        let mut j = k;
        while j < e {
            if self.is_name_token(j) {
                if j > k && self.title_at(j, e).is_some() {
                    break;
                }
                j += 1;
            } else if (matches!(self.toks[j].kind, TokKind::Joiner | TokKind::Possessive)
                && self.is_name_token(j + 1))
                || (matches!(self.word(j), "and" | "&")
                    && j + 1 < e
                    && self.is_name_token(j + 1)
                    && self.gaz_at(j + 1, e).is_none())
            {
                j += 2;
            } else {
                break;
            }
        }
        // "the Sejong Institute of the ROK": a place after "of the" is not part of the name.
        if has_the {
            if let Some((ge, entry)) = self.gaz_at(k, j) {
                if ge == j && matches!(entry.kind, EntityKind::Gpe | EntityKind::Loc) {
                    return None;
                }
            }
        }
        Some(j)
    }
    /// A name made by a head word: "Five Eyes Alliance", "Ministry of Foreign Affairs",
    /// "Korean War", "Mount Everest". Returns its end and kind.
    pub(crate) fn cue_structure(&self, s: usize, e: usize) -> Option<(usize, EntityKind)> {
        let mut best: Option<(usize, EntityKind)> = None;
        // Head last: the last head word in the stretch of capitalised words from `s`.
        let mut last_head = None;
        let mut j = s;
        while j < e && self.is_name_token(j) {
            let bits = self.cue1(j);
            if j > s && bits & cue::HEAD_LAST != 0 && self.cue1(j) & cue::STOP == 0 {
                last_head = Some((j, bits));
            }
            let next = j + 1;
            if next + 1 < e
                && matches!(self.toks[next].kind, TokKind::Joiner | TokKind::Possessive)
                && self.is_name_token(next + 1)
            {
                j = next + 1;
            } else if next < e && self.is_name_token(next) && self.toks[next].space_before {
                j = next;
            } else {
                break;
            }
        }
        if let Some((h, bits)) = last_head {
            if let Some(kind) = Self::head_kind(bits & cue::HEAD_LAST) {
                let mut end = h + 1;
                // "Ford Motor Co.", "World War II".
                let abbreviation_stop = bits & cue::ORG_ABBR != 0
                    && self.is_punct(end, ".")
                    && !self.toks[end].space_before;
                let numeral = kind == EntityKind::Event
                    && end < e
                    && ROMAN.contains(&self.word(end))
                    && self.toks[end].kind == TokKind::Word;
                if abbreviation_stop || numeral {
                    end += 1;
                }
                if let Some(t) = self.tail(end, e) {
                    end = t;
                }
                best = Some((end, kind));
            }
        }
        // Head first: "Ministry of …", "Mount …".
        let bits = self.cue1(s);
        if bits & cue::HEAD_FIRST != 0 {
            if let Some(kind) = Self::head_kind(bits & cue::HEAD_FIRST) {
                let mut end = None;
                if let Some(t) = self.tail(s + 1, e) {
                    end = Some(t);
                } else if bits & (cue::LOC_FIRST | cue::EVENT_FIRST) != 0
                    && self.is_name_token(s + 1)
                    && s + 1 < e
                {
                    let mut k = s + 1;
                    while k < e && k < s + 4 && self.is_name_token(k) {
                        k += 1;
                    }
                    end = Some(k);
                }
                if let Some(end) = end {
                    if best.is_none_or(|(b, _)| end > b) {
                        best = Some((end, kind));
                    }
                }
            }
        }
        best
    }
    /// Where an unknown chunk starting at `s` ends: capitalised words, hyphenated parts and
    /// name particles, up to a connector or a known name.
    pub(crate) fn chunk_end(&self, s: usize, e: usize) -> usize {
        let first_is_given_name = self.lex.is_first_name(self.word(s));
        let mut j = s + 1;
        while j < e {
            let t = &self.toks[j];
            if t.kind == TokKind::Word && self.is_name_token(j) && t.space_before {
                let w = self.word(j);
                if self.title_at(j, e).is_some()
                    || WEEKDAYS.contains(&w)
                    || w.chars().any(|c| c.is_numeric())
                {
                    break;
                }
                if self.cue1(j) & cue::STOP != 0 {
                    break;
                }
                if let Some((ge, entry)) = self.gaz_at(j, e) {
                    // "Michael Jordan", "Hillary Clinton": a one-word place right after a
                    // given name is a family name.
                    let weak = ge == j + 1
                        && (entry.source == Source::City || (first_is_given_name && j == s + 1));
                    if !weak {
                        break;
                    }
                }
                j += 1;
            } else if t.kind == TokKind::Joiner
                && j + 1 < e
                && (self.word(j) != "&" || self.is_name_token(j + 1))
            {
                j += 2;
            } else if self.is_particle(j) {
                let mut k = j + 1;
                if self.is_particle(k) {
                    k += 1;
                }
                if k < e && self.is_name_token(k) {
                    j = k + 1;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        j.min(e)
    }
    /// Whether tokens at `i` read "(ACRONYM)" and the acronym starts like the name at `s`.
    pub(crate) fn acronym_after(&self, s: usize, i: usize) -> Option<usize> {
        if !self.is_punct(i, "(") || !self.is_punct(i + 2, ")") {
            return None;
        }
        let a = i + 1;
        if self.toks[a].kind != TokKind::Word {
            return None;
        }
        let acronym = self.word(a);
        let letters = acronym.chars().filter(|c| c.is_alphanumeric()).count();
        let capitals = acronym.chars().filter(|c| c.is_uppercase()).count();
        let first = acronym.chars().next()?;
        let initial = |word: &str| crate::text::fold(word).chars().next();
        ((2..=10).contains(&letters)
            && capitals >= 2
            && first.is_uppercase()
            && initial(acronym) == initial(self.word(s))
            && self.cue1(a) & cue::NOT_ACRONYM == 0)
            .then_some(a)
    }
    /// "NAIROBI -", "BEIJING, March 3": a dateline's place, written in capitals at the start
    /// of a paragraph.
    pub(crate) fn dateline_place(&self, s: usize, e: usize) -> Option<(usize, GazEntry)> {
        let first_word = self.toks.iter().position(|t| t.kind != TokKind::Punct)?;
        if s != first_word {
            return None;
        }
        let mut end = s;
        while end < e && end < s + 3 && self.is_all_caps(end) {
            end += 1;
        }
        let after = self.toks.get(end)?;
        if end == s || after.kind != TokKind::Punct && after.kind != TokKind::Joiner {
            return None;
        }
        if !matches!(self.word(end), "-" | "\u{2013}" | "\u{2014}" | "," | "(") {
            return None;
        }
        let mut key = String::new();
        for i in s..end {
            push_key_titled(&mut key, self.word(i));
        }
        let entry = *self.lex.name(&key)?;
        matches!(entry.kind, EntityKind::Gpe | EntityKind::Loc).then_some((end, entry))
    }
}
