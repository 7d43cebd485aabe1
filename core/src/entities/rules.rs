//! The rules: what each candidate is. Within a run of capitalised words, at each position the
//! longest of a gazetteer match and a head-word structure wins; a title is skipped and marks
//! what follows as a person; anything else is an unknown chunk, classified by its shape and
//! context. Ordinary words at the start of a sentence never start a name by themselves.
//! Header fields have rules of their own: the byline's names are people, the editor is a
//! person when the field reads like a personal name, the source is an organisation.
//!
//! The rules' decisions are the baseline, and features of the tagger.

use super::candidates::{Analyzer, LOCATIVE, ROMAN};
use super::lexicon::{cue, phrase_key, GazEntry, Lexicon, Source};
use super::mention::{normalise_name, Mention, Strength, HEADER};
use super::tokens::{tokenize, TokKind};
use super::EntityKind;
use crate::document::{Document, Field};

impl Analyzer<'_> {
    /// Whether the words just before token `s` say a person follows: "Mr. ", "spokesperson ".
    pub(crate) fn person_cue_before(&self, s: usize) -> bool {
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
    pub(crate) fn says_before(&self, s: usize) -> bool {
        s > 0
            && self.toks[s].space_before
            && self.toks[s - 1].kind == TokKind::Word
            && self.cue1(s - 1) & cue::SAYS != 0
    }
    /// Whether a single-token gazetteer match is trusted here.
    pub(crate) fn accept_gaz(
        &self,
        s: usize,
        end: usize,
        entry: &GazEntry,
        uncertain: bool,
    ) -> bool {
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
    /// A first name followed by another capitalised word: "Paris Hilton", "Jordan Henderson".
    pub(crate) fn first_name_then_name(&self, s: usize, e: usize) -> bool {
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
    pub(crate) fn place_then_surname(&self, s: usize, e: usize, entry: &GazEntry) -> bool {
        let n = s + 1;
        matches!(entry.source, Source::City | Source::Admin)
            && n < e
            && self.toks[n].space_before
            && self.is_name_token(n)
            && self.lex.is_surname(self.word(n))
            && self.gaz_at(n, e).is_none()
    }
    pub(crate) fn mention(
        &self,
        s: usize,
        e: usize,
        kind: EntityKind,
        strength: Strength,
    ) -> Mention {
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
    pub(crate) fn gazetteer_mention(&self, s: usize, e: usize, entry: &GazEntry) -> Mention {
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
    pub(crate) fn segment_run(&self, s: usize, e: usize, out: &mut Vec<Mention>) {
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
    pub(crate) fn classify_chunk(
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

/// Reads like a personal name: two to four capitalised words (one allowed for a byline), no
/// title, head word or known non-person name.
fn looks_like_personal_name(value: &str, min_words: usize, lex: &Lexicon) -> bool {
    let toks = tokenize(value, 0);
    let words: Vec<&str> = toks
        .iter()
        .filter(|t| t.kind == TokKind::Word)
        .map(|t| &value[t.start..t.end])
        .collect();
    let spaced_words = toks
        .iter()
        .enumerate()
        .filter(|(i, t)| t.kind == TokKind::Word && (*i == 0 || t.space_before))
        .count();
    let shape_ok = toks.iter().all(|t| {
        matches!(
            t.kind,
            TokKind::Word | TokKind::Joiner | TokKind::Possessive
        )
    }) && words.iter().all(|w| {
        w.starts_with(|c: char| c.is_uppercase())
            && !(w.chars().count() > 3 && w.chars().all(|c| c.is_uppercase()))
    });
    if !shape_ok || !(min_words..=4).contains(&spaced_words) {
        return false;
    }
    let blocked = cue::TITLE | cue::HEAD_LAST | cue::STOP | cue::MONTH;
    if words.iter().any(|w| lex.cue(w) & blocked != 0) {
        return false;
    }
    let key = phrase_key(value).0;
    if lex.name(&key).is_some() {
        return false;
    }
    let first = words[0];
    lex.is_first_name(first)
        || lex.is_surname_first(first)
        || words.iter().any(|w| !lex.is_common_word(w))
}

fn header_mention(field: &Field, kind: EntityKind, key: String) -> Option<Mention> {
    let value = field
        .value
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':'));
    if value.is_empty() {
        return None;
    }
    let offset = field.value.find(value)?;
    let start = field.span.start as usize + offset;
    Some(Mention {
        start,
        end: start + value.len(),
        segment: HEADER,
        tok_start: 0,
        tok_end: 0,
        kind,
        key,
        canonical: None,
        strength: Strength::Strong,
    })
}

/// The byline's authors, the editor and the source.
pub(crate) fn header_mentions(doc: &Document, lex: &Lexicon) -> Vec<Mention> {
    let mut out = Vec::new();
    let meta = &doc.meta;
    let field_ok = |f: &Field| doc.text.get(f.span.range()) == Some(f.value.as_str());
    let as_org = |f: &Field| {
        let key = phrase_key(f.value.trim()).0;
        match lex.name(&key) {
            Some(e) if e.kind == EntityKind::Org => {
                let mut m = header_mention(f, EntityKind::Org, e.canonical.to_string())?;
                m.canonical = Some(e.canonical);
                Some(m)
            }
            _ => None,
        }
    };
    for author in meta.authors.iter().filter(|f| field_ok(f)) {
        let m = if looks_like_personal_name(author.value.trim(), 1, lex) {
            header_mention(author, EntityKind::Person, normalise_name(&author.value))
        } else {
            as_org(author)
        };
        out.extend(m);
    }
    if let Some(editor) = meta.editor.as_ref().filter(|f| field_ok(f)) {
        if looks_like_personal_name(editor.value.trim(), 2, lex) {
            out.extend(header_mention(
                editor,
                EntityKind::Person,
                normalise_name(&editor.value),
            ));
        }
    }
    if let Some(source) = meta.source.as_ref().filter(|f| field_ok(f)) {
        let m = as_org(source)
            .or_else(|| header_mention(source, EntityKind::Org, normalise_name(&source.value)));
        out.extend(m);
    }
    out
}
