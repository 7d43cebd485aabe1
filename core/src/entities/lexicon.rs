//! The gazetteers and cue-word lists behind entity extraction, embedded from `core/data/` and
//! parsed once, on first use, into hash maps keyed by token sequence.
//!
//! A key is a phrase's tokens joined by single spaces, folded by the core's one fold with
//! letter case kept (`text::fold_keep_case_into`: diacritics, combining marks, typographic
//! apostrophes and dashes), so "São Paulo", "Sao Paulo" and a decomposed "Sa\u{303}o Paulo"
//! share a key and a phrase in the text is looked up as the data file spells it, whatever its
//! spacing.

use super::tokens::tokenize;
use super::EntityKind;
use crate::text::fold_keep_case_into;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A small, fast hasher for short string keys (the FxHash mixing step). The maps are built
/// from checked-in data, so there is no untrusted input to defend against.
#[derive(Default, Clone, Copy)]
pub(crate) struct FastHasher(u64);

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0xf135_7aea_2e62_a9c5;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
            self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn write_u8(&mut self, b: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0xf135_7aea_2e62_a9c5);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;
pub(crate) type FastSet<K> = HashSet<K, BuildHasherDefault<FastHasher>>;

/// Where a gazetteer entry comes from; it decides how much support an ambiguous name needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Source {
    /// Hand-written lists: organisations, events, nationalities, regions, country aliases.
    Hand,
    Country,
    /// States and provinces.
    Admin,
    City,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct GazEntry {
    pub kind: EntityKind,
    pub canonical: &'static str,
    pub source: Source,
    /// Cities only; 0 for everything else.
    pub population: u32,
}

/// Cue categories, as bits, so one word can be several things ("Lake": head first or last).
pub(crate) mod cue {
    pub const TITLE: u32 = 1 << 0;
    pub const HONORIFIC: u32 = 1 << 1;
    pub const ORG: u32 = 1 << 2;
    pub const LOC: u32 = 1 << 3;
    pub const GPE: u32 = 1 << 4;
    pub const EVENT: u32 = 1 << 5;
    pub const ORG_FIRST: u32 = 1 << 6;
    pub const LOC_FIRST: u32 = 1 << 7;
    pub const GPE_FIRST: u32 = 1 << 8;
    pub const EVENT_FIRST: u32 = 1 << 9;
    pub const ORG_ABBR: u32 = 1 << 10;
    pub const SAYS: u32 = 1 << 11;
    pub const LOC_AFTER: u32 = 1 << 12;
    pub const GPE_AFTER: u32 = 1 << 13;
    pub const STOP: u32 = 1 << 14;
    pub const MONTH: u32 = 1 << 15;
    pub const NOT_ACRONYM: u32 = 1 << 16;
    pub const FACILITY: u32 = 1 << 17;
    pub const HEAD_LAST: u32 = ORG | LOC | GPE | EVENT;
    pub const HEAD_FIRST: u32 = ORG_FIRST | LOC_FIRST | GPE_FIRST | EVENT_FIRST;
}

pub(crate) struct Lexicon {
    names: FastMap<String, GazEntry>,
    /// Every proper token prefix of a name key, so a lookup can stop as soon as no name
    /// starts that way.
    name_prefixes: FastSet<String>,
    /// The longest gazetteer phrase, in tokens.
    pub max_name_tokens: usize,
    cues: FastMap<String, u32>,
    pub max_cue_tokens: usize,
    first_names: FastSet<&'static str>,
    surnames: FastSet<&'static str>,
    surnames_first: FastSet<&'static str>,
    common_words: FastSet<&'static str>,
    /// The 10,000 most frequent English words (`reference_en.tsv`, the Keywords tool's list).
    frequent_words: FastSet<&'static str>,
    /// Football clubs and their short names (`clubs.txt`): the sports-teams step of
    /// decoding reads them.
    pub clubs: CaseBlindList,
}

/// Names looked up case-blind (every token folded to lower case: `push_key_lower`), with
/// their proper prefixes: a list that decoding reads in a context, never names the rules
/// match on their own ("Chelsea" and "Dortmund" are other things too).
#[derive(Default)]
pub(crate) struct CaseBlindList {
    names: FastSet<String>,
    prefixes: FastSet<String>,
    /// The longest name, in tokens.
    pub max_tokens: usize,
}

impl CaseBlindList {
    fn load(data: &'static str) -> CaseBlindList {
        let mut list = CaseBlindList::default();
        for line in lines(data) {
            let mut key = String::new();
            let tokens = tokenize(line, 0);
            for t in &tokens {
                push_key_lower(&mut key, &line[t.start..t.end]);
            }
            if key.is_empty() {
                continue;
            }
            list.max_tokens = list.max_tokens.max(tokens.len());
            for (i, _) in key.match_indices(' ') {
                list.prefixes.insert(key[..i].to_string());
            }
            list.names.insert(key);
        }
        list
    }

    /// Whether a case-blind key is one of the names.
    pub(crate) fn contains(&self, key: &str) -> bool {
        self.names.contains(key)
    }

    /// Whether some longer name starts with these tokens.
    pub(crate) fn is_prefix(&self, key: &str) -> bool {
        self.prefixes.contains(key)
    }
}

const COUNTRIES: &str = include_str!("../../data/countries.tsv");
const ADMIN: &str = include_str!("../../data/admin.tsv");
const CITIES: &str = include_str!("../../data/cities.tsv");
const PLACES_EXTRA: &str = include_str!("../../data/places_extra.tsv");
const ORGS: &str = include_str!("../../data/orgs.tsv");
const EVENTS: &str = include_str!("../../data/events.tsv");
const DEMONYMS: &str = include_str!("../../data/demonyms.tsv");
const CUES: &str = include_str!("../../data/cues.tsv");
const FIRST_NAMES: &str = include_str!("../../data/first_names.txt");
const SURNAMES: &str = include_str!("../../data/surnames.txt");
const SURNAMES_COMMON: &str = include_str!("../../data/surnames_common.txt");
const SURNAMES_FIRST: &str = include_str!("../../data/surnames_first.txt");
const COMMON_WORDS: &str = include_str!("../../data/common_words.txt");
const FREQUENT_WORDS: &str = include_str!("../../data/reference_en.tsv");
const CLUBS: &str = include_str!("../../data/clubs.txt");

/// The data lines of a file: not blank, not a `#` comment.
fn lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

/// Appends the normalised form of one token to a key: the core's fold with case kept.
pub(crate) fn push_key(key: &mut String, token_text: &str) {
    if !key.is_empty() {
        key.push(' ');
    }
    fold_keep_case_into(token_text, key);
}

/// Appends one token to a case-blind key: the core's fold, lower case ("FEYENOORD" and
/// "Feyenoord" meet). The football clubs are keyed so.
pub(crate) fn push_key_lower(key: &mut String, token_text: &str) {
    if !key.is_empty() {
        key.push(' ');
    }
    key.push_str(&crate::text::fold(token_text));
}

/// Appends one token to a key as a title-case name would spell it ("UNITED" and "united"
/// both as "United"): how a name in capitals or lower case is looked up in the lists.
pub(crate) fn push_key_titled(key: &mut String, token_text: &str) {
    let mut chars = token_text.chars();
    let titled: String = chars
        .next()
        .into_iter()
        .chain(chars.flat_map(char::to_lowercase))
        .collect();
    push_key(key, &titled);
}

/// A word as the word lists spell it: ASCII as it is, anything else folded with its case
/// kept ("José" and a decomposed "Jose\u{301}" are both "Jose").
fn list_form(word: &str) -> std::borrow::Cow<'_, str> {
    if word.is_ascii() {
        std::borrow::Cow::Borrowed(word)
    } else {
        let mut out = String::with_capacity(word.len());
        fold_keep_case_into(word, &mut out);
        std::borrow::Cow::Owned(out)
    }
}

/// The key of a whole phrase.
pub(crate) fn phrase_key(phrase: &str) -> (String, usize) {
    // Most entries are plain words between single spaces, whose key is themselves folded;
    // skipping the tokenizer for them keeps the first load fast in unoptimised builds.
    let plain = !phrase.is_empty()
        && !phrase.starts_with(' ')
        && !phrase.ends_with(' ')
        && !phrase.contains("  ")
        && phrase.chars().all(|c| c == ' ' || c.is_alphabetic());
    if plain {
        let mut key = String::with_capacity(phrase.len());
        fold_keep_case_into(phrase, &mut key);
        return (key, phrase.matches(' ').count() + 1);
    }
    let mut key = String::new();
    let tokens = tokenize(phrase, 0);
    for t in &tokens {
        push_key(&mut key, &phrase[t.start..t.end]);
    }
    (key, tokens.len())
}

fn kind_from(label: &str) -> EntityKind {
    EntityKind::from_label(label).unwrap_or(EntityKind::Gpe)
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut lex = Lexicon {
            names: FastMap::default(),
            name_prefixes: FastSet::default(),
            max_name_tokens: 1,
            cues: FastMap::default(),
            max_cue_tokens: 1,
            first_names: FastSet::default(),
            surnames: FastSet::default(),
            surnames_first: FastSet::default(),
            common_words: FastSet::default(),
            frequent_words: FastSet::default(),
            clubs: CaseBlindList::load(CLUBS),
        };
        // Earlier lists win when two spell a name the same way.
        let add = |surface: &str, entry: GazEntry, lex: &mut Lexicon| {
            let (key, n) = phrase_key(surface);
            if key.is_empty() {
                return;
            }
            lex.max_name_tokens = lex.max_name_tokens.max(n);
            for (i, _) in key.match_indices(' ') {
                lex.name_prefixes.insert(key[..i].to_string());
            }
            lex.names.entry(key).or_insert(entry);
        };
        let hand = |kind, canonical| GazEntry {
            kind,
            canonical,
            source: Source::Hand,
            population: 0,
        };
        for line in lines(PLACES_EXTRA) {
            let mut cols = line.split('\t');
            let surface = cols.next().unwrap_or("");
            let canonical = cols.next().unwrap_or(surface);
            let kind = kind_from(cols.next().unwrap_or("GPE"));
            add(surface, hand(kind, canonical), &mut lex);
        }
        for (data, kind) in [
            (ORGS, EntityKind::Org),
            (EVENTS, EntityKind::Event),
            (DEMONYMS, EntityKind::Norp),
        ] {
            for line in lines(data) {
                let mut cols = line.split('\t');
                let surface = cols.next().unwrap_or("");
                let canonical = cols.next().unwrap_or(surface);
                add(surface, hand(kind, canonical), &mut lex);
            }
        }
        for line in lines(COUNTRIES) {
            let mut cols = line.split('\t');
            let surface = cols.next().unwrap_or("");
            let canonical = cols.next().unwrap_or(surface);
            let entry = GazEntry {
                kind: EntityKind::Gpe,
                canonical,
                source: Source::Country,
                population: 0,
            };
            add(surface, entry, &mut lex);
        }
        for line in lines(ADMIN) {
            let entry = GazEntry {
                kind: EntityKind::Gpe,
                canonical: line,
                source: Source::Admin,
                population: 0,
            };
            add(line, entry, &mut lex);
        }
        for line in lines(CITIES) {
            let mut cols = line.split('\t');
            let surface = cols.next().unwrap_or("");
            let population = cols.next().and_then(|p| p.parse().ok()).unwrap_or(0);
            let entry = GazEntry {
                kind: EntityKind::Gpe,
                canonical: surface,
                source: Source::City,
                population,
            };
            add(surface, entry, &mut lex);
        }
        for line in lines(CUES) {
            let mut cols = line.split('\t');
            let phrase = cols.next().unwrap_or("");
            let bit = match cols.next().unwrap_or("") {
                "TITLE" => cue::TITLE,
                "HONORIFIC" => cue::HONORIFIC,
                "ORG" => cue::ORG,
                "LOC" => cue::LOC,
                "GPE" => cue::GPE,
                "EVENT" => cue::EVENT,
                "ORG_FIRST" => cue::ORG_FIRST,
                "LOC_FIRST" => cue::LOC_FIRST,
                "GPE_FIRST" => cue::GPE_FIRST,
                "EVENT_FIRST" => cue::EVENT_FIRST,
                "ORG_ABBR" => cue::ORG_ABBR,
                "SAYS" => cue::SAYS,
                "LOC_AFTER" => cue::LOC_AFTER,
                "GPE_AFTER" => cue::GPE_AFTER,
                "STOP" => cue::STOP,
                "MONTH" => cue::MONTH,
                "NOT_ACRONYM" => cue::NOT_ACRONYM,
                "FACILITY" => cue::FACILITY,
                _ => 0,
            };
            let (key, n) = phrase_key(phrase);
            lex.max_cue_tokens = lex.max_cue_tokens.max(n);
            *lex.cues.entry(key).or_insert(0) |= bit;
        }
        lex.first_names.extend(lines(FIRST_NAMES));
        lex.surnames.extend(lines(SURNAMES));
        lex.surnames.extend(lines(SURNAMES_COMMON));
        lex.surnames_first.extend(lines(SURNAMES_FIRST));
        lex.common_words.extend(lines(COMMON_WORDS));
        lex.frequent_words
            .extend(lines(FREQUENT_WORDS).filter_map(|l| l.split('\t').next()));
        lex
    }

    pub(crate) fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::load)
    }

    pub(crate) fn name(&self, key: &str) -> Option<&GazEntry> {
        self.names.get(key)
    }

    /// Whether some longer name starts with these tokens.
    pub(crate) fn is_name_prefix(&self, key: &str) -> bool {
        self.name_prefixes.contains(key)
    }

    /// The cue bits of a phrase key (0 when it is no cue).
    pub(crate) fn cue(&self, key: &str) -> u32 {
        self.cues.get(key).copied().unwrap_or(0)
    }

    pub(crate) fn is_first_name(&self, word: &str) -> bool {
        self.first_names.contains(&*list_form(word))
    }

    pub(crate) fn is_surname(&self, word: &str) -> bool {
        self.surnames.contains(&*list_form(word))
    }

    /// A family name that comes first in a personal name ("Wang" in "Wang Yi").
    pub(crate) fn is_surname_first(&self, word: &str) -> bool {
        self.surnames_first.contains(&*list_form(word))
    }

    /// Whether the lower-case form of `word` is an ordinary English word.
    /// Whether `folded` (lower case, as `text::fold` gives it) is among the 10,000 most
    /// frequent English words.
    pub(crate) fn is_frequent_word(&self, folded: &str) -> bool {
        self.frequent_words.contains(folded)
    }
    pub(crate) fn is_common_word(&self, word: &str) -> bool {
        if word.bytes().all(|b| b.is_ascii_lowercase()) {
            return self.common_words.contains(word);
        }
        if word.len() <= 32 && word.is_ascii() {
            let mut buf = [0u8; 32];
            let lower = &mut buf[..word.len()];
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            return std::str::from_utf8(lower).is_ok_and(|l| self.common_words.contains(l));
        }
        let lower = crate::text::fold(word);
        self.common_words.contains(lower.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_and_answer() {
        let lex = Lexicon::get();
        let gpe = |s: &str| lex.name(&phrase_key(s).0).map(|e| (e.kind, e.canonical));
        assert_eq!(gpe("U.S."), Some((EntityKind::Gpe, "United States")));
        assert_eq!(
            gpe("Republic of Korea"),
            Some((EntityKind::Gpe, "South Korea"))
        );
        assert_eq!(gpe("Asia-Pacific"), Some((EntityKind::Loc, "Asia-Pacific")));
        assert_eq!(gpe("Sao Paulo"), gpe("São Paulo"));
        assert!(gpe("São Paulo").is_some());
        assert_eq!(gpe("NATO"), Some((EntityKind::Org, "NATO")));
        assert_eq!(gpe("Soviet"), Some((EntityKind::Norp, "Soviet")));
        assert!(lex.cue(&phrase_key("Secretary-General").0) & cue::TITLE != 0);
        assert!(lex.cue("Institute") & cue::ORG != 0);
        assert!(lex.is_first_name("Jens"));
        assert!(lex.is_common_word("Besides"));
        assert!(!lex.is_common_word("Stoltenberg"));
        let key = |s: &str| {
            let mut key = String::new();
            for t in tokenize(s, 0) {
                push_key_lower(&mut key, &s[t.start..t.end]);
            }
            key
        };
        let club = |s: &str| lex.clubs.contains(&key(s));
        assert!(club("Borussia Dortmund") && club("BORUSSIA DORTMUND") && club("Feyenoord"));
        assert!(lex.clubs.is_prefix("borussia") && !club("Borussia") && !club("said"));
    }
}
