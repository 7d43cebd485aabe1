//! Named entities: people, organisations, countries and cities, other places, events and
//! nationalities, each with its mentions in a document.
//!
//! The types are always compiled (the page shows entities). Extraction itself, with its
//! gazetteers and the tagger's weights, is behind the `extract` feature: it runs natively at
//! build time and in the CLI, so none of it reaches the browser. Its modules, one concern
//! each: `tokens` (words for names), `lexicon` (gazetteers, word lists, cue words),
//! `candidates` (where names can be), `rules` (what the rules make of them), `features` (what
//! the tagger sees of a token), `model` (its weights and scores), `decode` (best tags),
//! `mend` (each tagged name mended), `merge` (the tagger's names with the rules'), `names`,
//! `capitals`, `teams` and `organisations` (steps over the merged mentions), `aliases`
//! (acronyms, short forms, canonical names), `mention`, and `extract` (the pipeline). `train`
//! (feature `train`) reads the data sets, scores, and trains the weights.

use crate::span::Span;
use serde::{Deserialize, Serialize};

/// The kinds of entity, with the labels the CLI prints (spaCy/OntoNotes style).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityKind {
    /// PER: a person.
    Person,
    /// ORG: a company, agency, institution, alliance, party…
    Org,
    /// GPE: a country, city or state (a geopolitical entity).
    Gpe,
    /// LOC: a place that is not a GPE: regions, continents, seas, peninsulas, mountains.
    Loc,
    /// EVENT: a named event ("Cold War", "World War II").
    Event,
    /// NORP: a nationality, religious or political group ("Soviet", "Chinese").
    Norp,
}

impl EntityKind {
    pub const ALL: [EntityKind; 6] = [
        EntityKind::Person,
        EntityKind::Org,
        EntityKind::Gpe,
        EntityKind::Loc,
        EntityKind::Event,
        EntityKind::Norp,
    ];

    /// The short label: PER, ORG, GPE, LOC, EVENT or NORP.
    pub fn label(self) -> &'static str {
        match self {
            EntityKind::Person => "PER",
            EntityKind::Org => "ORG",
            EntityKind::Gpe => "GPE",
            EntityKind::Loc => "LOC",
            EntityKind::Event => "EVENT",
            EntityKind::Norp => "NORP",
        }
    }

    /// A name for readers.
    pub fn name(self) -> &'static str {
        match self {
            EntityKind::Person => "Person",
            EntityKind::Org => "Organisation",
            EntityKind::Gpe => "Country or city",
            EntityKind::Loc => "Place",
            EntityKind::Event => "Event",
            EntityKind::Norp => "Nationality or group",
        }
    }

    pub fn from_label(label: &str) -> Option<EntityKind> {
        EntityKind::ALL
            .into_iter()
            .find(|k| k.label().eq_ignore_ascii_case(label))
    }
}

/// One entity in one document: every mention of it, under whatever alias.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    pub kind: EntityKind,
    /// The name shown on its chip: the long form ("Republic of Korea", "United States").
    pub canonical: String,
    /// Other forms it goes by in the text ("ROK", "US"), without the canonical name.
    pub aliases: Vec<String>,
    /// Every mention, sorted, non-overlapping, each inside the title, a body paragraph or a
    /// header field (byline, editor, source).
    pub mentions: Vec<Span>,
}

impl Entity {
    pub fn count(&self) -> usize {
        self.mentions.len()
    }
}

#[cfg(feature = "extract")]
mod aliases;
#[cfg(feature = "extract")]
mod candidates;
#[cfg(feature = "extract")]
mod capitals;
#[cfg(feature = "extract")]
mod decode;
#[cfg(feature = "extract")]
mod extract;
#[cfg(feature = "extract")]
pub use extract::extract;
#[cfg(feature = "train")]
pub use extract::extract_rules;
#[cfg(feature = "extract")]
mod features;
#[cfg(feature = "extract")]
mod lexicon;
#[cfg(feature = "extract")]
mod mend;
#[cfg(feature = "extract")]
mod mention;
#[cfg(feature = "extract")]
mod merge;
#[cfg(feature = "extract")]
mod model;
#[cfg(feature = "extract")]
mod names;
#[cfg(feature = "extract")]
mod organisations;
#[cfg(feature = "extract")]
mod players;
#[cfg(feature = "extract")]
mod rules;
#[cfg(feature = "extract")]
mod teams;
#[cfg(feature = "extract")]
mod tokens;
#[cfg(feature = "train")]
pub mod train;
