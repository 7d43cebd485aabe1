//! The first pass over one region of text: runs of capitalised words, split into names by
//! gazetteers, head words ("… Institute", "Ministry of …", "… Sea"), titles ("President …")
//! and the shape of what is left.
//!
//! A run is a maximal stretch of capitalised words, allowing hyphens ("Asia-Pacific"), lower-case
//! connectors before another capitalised word ("Ministry of Foreign Affairs", "Bank of the
//! West") and name particles ("Ursula von der Leyen"). Within a run, at each position the
//! longest of a gazetteer match and a head-word structure wins; a title is skipped and marks
//! what follows as a person; anything else is an unknown chunk, classified by its shape and
//! context. Ordinary words at the start of a sentence never start a name by themselves.

use super::lexicon::{cue, push_key, FastSet, GazEntry, Lexicon, Source};
use super::tokens::{TokKind, Token};
use super::EntityKind;

/// How sure the first pass is about a mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Strength {
    Strong,
    /// A lone capitalised word with no evidence: kept only if it turns out to be the short
    /// form of a person named in full elsewhere, or a defined acronym.
    Pending,
}

/// A mention found by the first pass.
#[derive(Clone, Debug)]
pub(crate) struct Mention {
    /// Byte offsets into the document text.
    pub start: usize,
    pub end: usize,
    /// Index of the region the mention is in, and its token range there.
    pub segment: usize,
    pub tok_start: usize,
    pub tok_end: usize,
    pub kind: EntityKind,
    /// The name under which mentions of one entity are merged (with the kind).
    pub key: String,
    /// The gazetteer's canonical name, if the mention came from a gazetteer.
    pub canonical: Option<&'static str>,
    pub strength: Strength,
}

/// Lower-case connectors allowed inside a run before another capitalised word.
const CONNECTORS: &[&str] = &["of", "for", "on", "and", "&"];
/// Name particles allowed inside a personal name.
const PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "la", "le", "du", "da", "di", "del", "della", "dos", "das",
    "ter", "bin", "ibn", "al", "el", "y",
];
/// Prepositions that make a following unknown capitalised word a place.
const LOCATIVE: &[&str] = &[
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
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const ROMAN: &[&str] = &["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
/// Words that join a possessive into a name ("People's Liberation Army").
const POSSESSIVE_IN_NAMES: &[&str] = &["People", "Women", "Children", "Men"];

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

    fn is_word(&self, i: usize, w: &str) -> bool {
        i < self.toks.len() && self.toks[i].kind == TokKind::Word && self.word(i) == w
    }

    fn is_punct(&self, i: usize, p: &str) -> bool {
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

    fn can_start_run(&self, i: usize) -> bool {
        self.is_name_token(i) && self.cue1(i) & (cue::STOP | cue::MONTH) == 0
    }

    fn is_connector(&self, i: usize) -> bool {
        let t = &self.toks[i];
        (t.kind == TokKind::Word || t.kind == TokKind::Punct) && CONNECTORS.contains(&self.word(i))
    }

    fn is_particle(&self, i: usize) -> bool {
        i < self.toks.len()
            && self.toks[i].kind == TokKind::Word
            && PARTICLES.contains(&self.word(i))
    }

    /// Can token `i` continue a run (capitalised, not a stop word or month after a connector)?
    fn continues_after_connector(&self, i: usize) -> bool {
        self.is_name_token(i) && self.cue1(i) & (cue::STOP | cue::MONTH) == 0
    }

    pub(crate) fn is_all_caps(&self, i: usize) -> bool {
        let w = self.word(i);
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(|c| c.is_lowercase())
    }

    /// An ordinary English word (its lower-case form is common, or appears in the document).
    fn is_ordinary(&self, i: usize) -> bool {
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
    fn word_is_ordinary(&self, i: usize) -> bool {
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
    fn runs(&self) -> Vec<(usize, usize)> {
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
    fn cue_at(&self, s: usize, limit: usize, bits: u32) -> Option<usize> {
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
    fn title_at(&self, s: usize, e: usize) -> Option<usize> {
        let end = self.cue_at(s, e, cue::TITLE)?;
        (end < e && self.is_name_token(end)).then_some(end)
    }

    fn prev_word_is(&self, i: usize, words: &[&str]) -> bool {
        i > 0
            && self.toks[i].space_before
            && self.toks[i - 1].kind == TokKind::Word
            && words.contains(&self.word(i - 1))
    }

    /// Whether the words just before token `s` say a person follows: "Mr. ", "spokesperson ".
    fn person_cue_before(&self, s: usize) -> bool {
        if s == 0 {
            return false;
        }
        let p = s - 1;
        if self.toks[p].kind == TokKind::Word && self.toks[s].space_before {
            return self.cue1(p) & cue::TITLE != 0;
        }
        p > 0
            && self.is_punct(p, ".")
            && self.toks[p - 1].kind == TokKind::Word
            && self.cue1(p - 1) & cue::HONORIFIC != 0
    }

    /// "…," said Raila Odinga: a person follows a speech verb.
    fn says_before(&self, s: usize) -> bool {
        s > 0
            && self.toks[s].space_before
            && self.toks[s - 1].kind == TokKind::Word
            && self.cue1(s - 1) & cue::SAYS != 0
    }

    /// Whether a single-token gazetteer match is trusted here.
    fn accept_gaz(&self, s: usize, end: usize, entry: &GazEntry, uncertain: bool) -> bool {
        if end - s >= 2 {
            return true;
        }
        let w = self.word(s);
        let all_caps = self.is_all_caps(s);
        let common = !all_caps && self.lex.is_common_word(w);
        match entry.source {
            Source::Country => true,
            Source::Hand
                if matches!(
                    entry.kind,
                    EntityKind::Gpe | EntityKind::Loc | EntityKind::Norp
                ) =>
            {
                true
            }
            Source::Hand | Source::Admin => !(common && uncertain),
            Source::City => {
                let named_like_a_person = self.lex.is_first_name(w) || self.lex.is_surname(w);
                let supported = self.prev_word_is(s, LOCATIVE) || self.followed_by_region(end);
                if common {
                    !uncertain && supported
                } else if named_like_a_person {
                    supported || (entry.population >= 500_000 && !self.headline)
                } else {
                    true
                }
            }
        }
    }

    /// "…, Alabama" or "…, France" after a city name.
    fn followed_by_region(&self, end: usize) -> bool {
        self.is_punct(end, ",")
            && self.is_name_token(end + 1)
            && self
                .gaz_at(end + 1, self.toks.len())
                .is_some_and(|(_, e)| matches!(e.source, Source::Country | Source::Admin))
    }

    fn head_kind(bits: u32) -> Option<EntityKind> {
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
    fn tail(&self, c: usize, e: usize) -> Option<usize> {
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
    fn cue_structure(&self, s: usize, e: usize) -> Option<(usize, EntityKind)> {
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

    /// A first name followed by another capitalised word: "Paris Hilton", "Jordan Henderson".
    fn first_name_then_name(&self, s: usize, e: usize) -> bool {
        let n = s + 1;
        n < e
            && self.toks[n].space_before
            && self.is_name_token(n)
            && self.lex.is_first_name(self.word(s))
            && self.cue1(n) & (cue::HEAD_LAST | cue::TITLE | cue::STOP | cue::MONTH) == 0
            && self
                .gaz_at(n, e)
                .is_none_or(|(_, entry)| entry.source == Source::City)
    }

    /// A city name followed by a known family name: "Yuki Tanaka", "Florence Pugh".
    fn place_then_surname(&self, s: usize, e: usize, entry: &GazEntry) -> bool {
        let n = s + 1;
        matches!(entry.source, Source::City | Source::Admin)
            && n < e
            && self.toks[n].space_before
            && self.is_name_token(n)
            && self.lex.is_surname(self.word(n))
            && self.gaz_at(n, e).is_none()
    }

    /// Where an unknown chunk starting at `s` ends: capitalised words, hyphenated parts and
    /// name particles, up to a connector or a known name.
    fn chunk_end(&self, s: usize, e: usize) -> usize {
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

    fn mention(&self, s: usize, e: usize, kind: EntityKind, strength: Strength) -> Mention {
        Mention {
            start: self.toks[s].start,
            end: self.toks[e - 1].end,
            segment: self.segment,
            tok_start: s,
            tok_end: e,
            kind,
            key: normalise_name(&self.text[self.toks[s].start..self.toks[e - 1].end]),
            canonical: None,
            strength,
        }
    }

    /// A mention of a gazetteer name. Countries, organisations and the like are shown under
    /// the list's canonical name ("US" → "United States"); a city or province is shown as
    /// written ("Sao Paulo", not the list's "São Paulo") but merged under the list's name.
    fn gazetteer_mention(&self, s: usize, e: usize, entry: &GazEntry) -> Mention {
        let mut m = self.mention(s, e, entry.kind, Strength::Strong);
        m.key = entry.canonical.to_string();
        if !matches!(entry.source, Source::City | Source::Admin) {
            m.canonical = Some(entry.canonical);
        }
        m
    }

    /// Finds the mentions in this region.
    pub(crate) fn analyse(&self, out: &mut Vec<Mention>) {
        for (s, e) in self.runs() {
            self.segment_run(s, e, out);
        }
    }

    /// "NAIROBI -", "BEIJING, March 3": a dateline's place, written in capitals at the start
    /// of a paragraph.
    fn dateline_place(&self, s: usize, e: usize) -> Option<(usize, GazEntry)> {
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
            let w = self.word(i);
            let mut chars = w.chars();
            let title: String = chars
                .next()
                .into_iter()
                .chain(chars.flat_map(char::to_lowercase))
                .collect();
            push_key(&mut key, &title);
        }
        let entry = *self.lex.name(&key)?;
        matches!(entry.kind, EntityKind::Gpe | EntityKind::Loc).then_some((end, entry))
    }

    fn segment_run(&self, s: usize, e: usize, out: &mut Vec<Mention>) {
        let mut pos = s;
        let mut person_cue = self.person_cue_before(s) || self.says_before(s);
        if let Some((end, entry)) = self.dateline_place(s, e) {
            out.push(self.gazetteer_mention(s, end, &entry));
            pos = end;
        }
        while pos < e {
            let t = pos;
            if !self.is_name_token(t) {
                if self.is_connector(t) {
                    person_cue = false;
                }
                pos += 1;
                continue;
            }
            if t > s && self.cue1(t) & (cue::STOP | cue::MONTH) != 0 && !person_cue {
                pos += 1;
                continue;
            }
            let uncertain = self.headline || self.toks[t].sent_start;
            // A gazetteer name may go on past the run in lower case ("Amazon rainforest").
            let gaz = self
                .gaz_at(t, self.toks.len())
                .filter(|(end, _)| *end <= e || self.toks[e].space_before)
                .or_else(|| self.gaz_at(t, e))
                .filter(|(end, entry)| self.accept_gaz(t, *end, entry, uncertain));
            let structure = if self.headline {
                None
            } else {
                self.cue_structure(t, e)
            };
            let gaz_end = gaz.map_or(0, |(end, _)| end);
            let structure_end = structure.map_or(0, |(end, _)| end);
            if !self.headline {
                if let Some(title_end) = self.title_at(t, e) {
                    if title_end >= gaz_end.max(structure_end) {
                        person_cue = true;
                        pos = title_end;
                        continue;
                    }
                }
            }
            if let Some((end, entry)) = gaz {
                if end >= structure_end {
                    // A city or first-name-like place after a title is a person
                    // ("President Jordan Smith"); a country or nationality never is.
                    let person_instead = end == t + 1
                        && entry.kind != EntityKind::Org
                        && ((person_cue && matches!(entry.source, Source::City | Source::Admin))
                            || self.first_name_then_name(t, e)
                            || self.place_then_surname(t, e, &entry));
                    if !person_instead {
                        out.push(self.gazetteer_mention(t, end, &entry));
                        pos = end;
                        person_cue = false;
                        continue;
                    }
                }
            }
            if let Some((end, kind)) = structure {
                if end >= t + 2 {
                    out.push(self.mention(t, end, kind, Strength::Strong));
                    pos = end;
                    person_cue = false;
                    continue;
                }
            }
            if self.headline {
                pos = self.chunk_end(t, e);
                continue;
            }
            let mut end = self.chunk_end(t, e);
            // "Procter & Gamble": an ampersand between capitalised words makes one name.
            while self.is_punct(end, "&") && end + 1 < e && self.is_name_token(end + 1) {
                end = self.chunk_end(end + 1, e);
            }
            if uncertain && !person_cue && self.is_ordinary(t) {
                let given_name_then_name = end - t >= 2
                    && self.lex.is_first_name(self.word(t))
                    && (t + 1..end).any(|i| self.is_name_token(i) && !self.is_ordinary(i));
                if !given_name_then_name {
                    pos = t + 1;
                    continue;
                }
            }
            if let Some((kind, strength)) = self.classify_chunk(t, end, person_cue) {
                out.push(self.mention(t, end, kind, strength));
            }
            pos = end;
            person_cue = false;
        }
    }

    /// What an unknown chunk of capitalised words `s..e` is, if anything.
    fn classify_chunk(
        &self,
        s: usize,
        e: usize,
        person_cue: bool,
    ) -> Option<(EntityKind, Strength)> {
        use EntityKind::*;
        let names: Vec<usize> = (s..e).filter(|&i| self.is_name_token(i)).collect();
        // Words, not tokens: "Jean-Claude" is one word.
        let words: Vec<usize> = (s..e)
            .filter(|&i| i == s || (self.is_name_token(i) && self.toks[i].space_before))
            .collect();
        let m = words.len();
        let first = self.word(s);
        let last = self.word(*names.last()?);
        let next = e;
        let next_is_word = next < self.toks.len()
            && self.toks[next].kind == TokKind::Word
            && self.toks[next].space_before;
        let next_bits = if next_is_word { self.cue1(next) } else { 0 };
        let says = next_bits & cue::SAYS != 0
            || (self.is_punct(next, ",") && self.is_word(next + 1, "who"));
        // Personal names hold no all-capitals words but roman numerals ("Elizabeth II").
        let title_case = names
            .iter()
            .all(|&i| !self.is_all_caps(i) || ROMAN.contains(&self.word(i)));
        let shouting = names.iter().all(|&i| self.is_all_caps(i));

        let abbreviation = self.is_punct(e, ".") && !self.toks[e].space_before && m == 1;
        if abbreviation && first.chars().count() <= 4 {
            // "Queen St.", "Mt.": an abbreviation, not a name.
            return None;
        }
        let all_ordinary = words.iter().all(|&i| self.word_is_ordinary(i));
        if m >= 2 && self.acronym_after(s, e).is_some() {
            return Some((if person_cue { Person } else { Org }, Strength::Strong));
        }
        if (s..e).any(|i| self.word(i) == "&") {
            return (!all_ordinary).then_some((Org, Strength::Strong));
        }
        if words.iter().any(|&i| self.cue1(i) & cue::FACILITY != 0) {
            // "Clair Avenue West", "Union Station": a facility, which is not a kind we keep.
            return None;
        }
        if person_cue && m <= 5 && title_case {
            // After a title, one word is a family name ("President Bush"); several ordinary
            // words are something else ("General Peace Agreement").
            let name_like = m == 1 || !all_ordinary || self.lex.is_first_name(first);
            return name_like.then_some((Person, Strength::Strong));
        }
        if next_bits & cue::LOC_AFTER != 0 && m <= 3 && !self.is_ordinary(s) {
            return Some((Loc, Strength::Strong));
        }
        if next_bits & cue::GPE_AFTER != 0 && m <= 3 && !self.is_ordinary(s) {
            return Some((Gpe, Strength::Strong));
        }
        if next + 1 < self.toks.len()
            && self.toks[next].kind == TokKind::Joiner
            && self.word(next) == "-"
            && self.is_word(next + 1, "based")
            && !self.is_ordinary(s)
        {
            return Some((Gpe, Strength::Strong));
        }
        if m == 1 {
            if shouting {
                let w = self.word(s);
                let acronym = (3..=6).contains(&w.chars().count())
                    && w.chars().all(|c| c.is_alphanumeric())
                    && !self.lex.is_common_word(w)
                    && self.cue1(s) & cue::NOT_ACRONYM == 0
                    && !ROMAN.contains(&w);
                return acronym.then_some((Org, Strength::Strong));
            }
            if self.is_ordinary(s) || first.ends_with('.') {
                return None;
            }
            let name_like = self.lex.is_first_name(first) || self.lex.is_surname(first);
            if says && name_like {
                return Some((Person, Strength::Strong));
            }
            if self.prev_word_is(s, &["in", "near", "outside", "across", "throughout"])
                && !name_like
            {
                return Some((Gpe, Strength::Strong));
            }
            return Some((Person, Strength::Pending));
        }
        if shouting || m > 5 {
            return None;
        }
        if !title_case {
            // "Mistral AI", "Deutsche Bank AG": a name ending in a short acronym is a company.
            let last_word = *words.last()?;
            let company = self.is_all_caps(last_word)
                && self.word(last_word).chars().count() <= 5
                && self.cue1(last_word) & cue::NOT_ACRONYM == 0
                && !self.word_is_ordinary(s)
                && words[..m - 1].iter().all(|&i| !self.is_all_caps(i));
            return company.then_some((Org, Strength::Strong));
        }
        let rest_name_like = words[1..]
            .iter()
            .any(|&i| !self.word_is_ordinary(i) || self.lex.is_surname(self.word(i)));
        // An unambiguous given name vouches for one more word ("Emmanuel Macron" although
        // "macron" is in the dictionary); an ambiguous one ("Mark", "Rose") needs a name-like
        // rest ("Mark Carney", "John Brown").
        let strong_given_name = !self.word_is_ordinary(s);
        if self.lex.is_first_name(first)
            && m <= 4
            && (rest_name_like || (m == 2 && strong_given_name))
        {
            return Some((Person, Strength::Strong));
        }
        if self.lex.is_surname_first(first) && m <= 3 && !self.word_is_ordinary(words[1]) {
            return Some((Person, Strength::Strong));
        }
        if self.lex.is_surname(last) && m <= 3 && !self.is_ordinary(s) {
            return Some((Person, Strength::Strong));
        }
        if words.iter().any(|&i| self.word_is_ordinary(i)) {
            // "Nordvik Semiconductor said": companies speak too, so no person here.
            return None;
        }
        // Two or three unknown, non-dictionary words: most often a name from another
        // language ("Jens Stoltenberg"), unless one of them is a known place.
        let holds_place = words.iter().any(|&i| self.gaz_at(i, i + 1).is_some());
        (m <= 3 && (!holds_place || says)).then_some((Person, Strength::Strong))
    }
}

/// The merge key for a name as written: folded with case kept (diacritics, apostrophes),
/// whitespace collapsed.
pub(crate) fn normalise_name(surface: &str) -> String {
    let mut out = String::with_capacity(surface.len());
    for word in surface.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        crate::text::fold_keep_case_into(word, &mut out);
    }
    out
}
