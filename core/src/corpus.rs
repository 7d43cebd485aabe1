//! The corpus as the page embeds it: every document with what the build computed for it.

use crate::document::Document;
use crate::documents::DocFacts;
use crate::entities::Entity;
use crate::index::Index;
use crate::lazy::Lazy;
use crate::network::Network;
use crate::stats::Stats;
use crate::word_tools::WordData;
use serde::{Deserialize, Serialize};

/// Everything the page needs, computed once at build time and embedded in the wasm.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    pub docs: Vec<Document>,
    pub index: Index,
    /// Per document, what the Documents table and the trends need (`doc_facts()`).
    /// Decoded when one of them is first shown.
    pub doc_facts: Lazy<Vec<DocFacts>>,
    /// The entity network of the whole corpus, laid out (`network()`). Decoded when it is
    /// first shown.
    pub network: Lazy<Network>,
    /// Per document, its entities sorted by kind and then by count (most mentioned first);
    /// see `entities()`. Decoded per document on first use.
    pub doc_entities: Vec<Lazy<Vec<Entity>>>,
    /// Per document.
    pub doc_stats: Vec<Stats>,
    /// The whole corpus.
    pub stats: Stats,
    /// Every distinct entity (by kind and canonical name) with its folded names and where it
    /// occurs, so an entity filter looks each name up once, not once per document; see
    /// `entity_keys()`. Decoded on the first entity filter.
    pub all_entity_keys: Lazy<Vec<EntityKey>>,
    /// Sentence starts, the phrase table and the reference list of the word tools.
    pub word_data: WordData,
}

/// What only the word tools and the corpus views read: the Documents table's and the trends'
/// facts, the network, the phrase table and the reference list. The build takes it out of
/// the corpus the page embeds ([`Corpus::take_tool_data`]) and embeds it in the module of
/// those tools instead, which puts it back ([`Corpus::put_tool_data`]): the page's first
/// load carries none of it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ToolData {
    pub doc_facts: Lazy<Vec<DocFacts>>,
    pub network: Lazy<Network>,
    pub phrases: Lazy<crate::phrases::PhraseTable>,
    pub reference: crate::keyness::Reference,
}

/// One entity across the corpus.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityKey {
    pub kind: crate::entities::EntityKind,
    /// The canonical name and the aliases, folded, words separated by single spaces.
    pub names: Vec<String>,
    /// (document, index into that document's entities).
    pub members: Vec<(u32, u32)>,
}

/// A name as an entity filter compares it: folded, its words joined by single spaces.
pub fn name_key(name: &str) -> String {
    crate::text::fold(name)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

impl Corpus {
    /// Analyses documents (already in their stable order): index, entities, statistics.
    #[cfg(feature = "extract")]
    pub fn build(docs: Vec<Document>) -> Corpus {
        let built = Index::build(&docs);
        let entities: Vec<Vec<Entity>> = docs
            .iter()
            .map(|doc| {
                let mut found = crate::entities::extract(doc);
                found.sort_by(|a, b| {
                    a.kind
                        .cmp(&b.kind)
                        .then(b.count().cmp(&a.count()))
                        .then(a.canonical.cmp(&b.canonical))
                });
                found
            })
            .collect();
        let index = built.index;
        let doc_facts = Lazy::new(DocFacts::build(
            &docs,
            &entities,
            &built.tokens,
            &index.vocab,
        ));
        let network = Lazy::new(Network::build(&docs, &entities));
        let doc_stats: Vec<Stats> = docs
            .iter()
            .zip(&built.tokens)
            .map(|(doc, tokens)| Stats::of_document(doc, tokens, &index.vocab))
            .collect();
        let stats = Stats::of_corpus(&doc_stats, &index.vocab);
        let all_entity_keys = Lazy::new(entity_keys(&entities));
        let max_doc_words = doc_stats.iter().map(|s| s.words).max().unwrap_or(0);
        let word_data = WordData::build(&docs, &built.tokens, &index, max_doc_words);
        Corpus {
            docs,
            index,
            doc_facts,
            network,
            doc_entities: entities.into_iter().map(Lazy::new).collect(),
            doc_stats,
            stats,
            all_entity_keys,
            word_data,
        }
    }

    /// Takes out what only the word tools and corpus views read, leaving empty values.
    pub fn take_tool_data(&mut self) -> ToolData {
        ToolData {
            doc_facts: std::mem::take(&mut self.doc_facts),
            network: std::mem::take(&mut self.network),
            phrases: std::mem::take(&mut self.word_data.phrases),
            reference: std::mem::take(&mut self.word_data.reference),
        }
    }

    /// Puts back what [`Corpus::take_tool_data`] took out.
    pub fn put_tool_data(&mut self, data: ToolData) {
        self.doc_facts = data.doc_facts;
        self.network = data.network;
        self.word_data.phrases = data.phrases;
        self.word_data.reference = data.reference;
    }

    /// The entities of a document (none for an unknown index).
    pub fn entities(&self, doc: usize) -> &[Entity] {
        self.doc_entities
            .get(doc)
            .map_or(&[], |e| e.get().as_slice())
    }

    /// Every distinct entity of the corpus.
    pub fn entity_keys(&self) -> &[EntityKey] {
        self.all_entity_keys.get()
    }

    /// The entity network of the whole corpus.
    pub fn network(&self) -> &Network {
        self.network.get()
    }

    /// Replaces a document's entities (tests and tools that supply their own), and what is
    /// computed from them.
    pub fn set_entities(&mut self, doc: usize, entities: Vec<Entity>) {
        if let Some(slot) = self.doc_entities.get_mut(doc) {
            *slot = Lazy::new(entities);
        }
        let all: Vec<Vec<Entity>> = self.doc_entities.iter().map(|e| e.get().clone()).collect();
        self.all_entity_keys = Lazy::new(entity_keys(&all));
        let mut facts = self.doc_facts.get().clone();
        DocFacts::set_entities(&mut facts, &all);
        self.doc_facts = Lazy::new(facts);
        self.network = Lazy::new(Network::build(&self.docs, &all));
    }

    /// The index of the document with this id.
    pub fn doc_index(&self, id: &str) -> Option<usize> {
        self.docs.iter().position(|d| d.id == id)
    }
}

fn entity_keys(entities: &[Vec<Entity>]) -> Vec<EntityKey> {
    let mut by_name: std::collections::BTreeMap<(crate::entities::EntityKind, &str), EntityKey> =
        Default::default();
    for (doc, es) in entities.iter().enumerate() {
        for (i, e) in es.iter().enumerate() {
            let key = by_name
                .entry((e.kind, e.canonical.as_str()))
                .or_insert_with(|| EntityKey {
                    kind: e.kind,
                    names: vec![name_key(&e.canonical)],
                    members: Vec::new(),
                });
            for alias in &e.aliases {
                let alias = name_key(alias);
                if !key.names.contains(&alias) {
                    key.names.push(alias);
                }
            }
            key.members.push((doc as u32, i as u32));
        }
    }
    by_name.into_values().collect()
}

#[cfg(all(test, feature = "extract"))]
mod tests {
    use super::*;

    /// The page's corpus leaves the tools' data out; putting it back gives the corpus the
    /// build made, and the tools answer as before.
    #[test]
    fn tool_data_goes_out_and_back() {
        let docs = [
            "Talks in Geneva\n\nAngela Merkel met Emmanuel Macron in Geneva. Merkel spoke first.",
            "Trade\n\nThe United Nations met in Geneva on Friday. The United Nations spoke.",
        ];
        let docs: Vec<Document> = docs
            .iter()
            .enumerate()
            .map(|(i, t)| Document::parse(&format!("d{i}.txt"), t))
            .collect();
        let whole = Corpus::build(docs);
        let mut page = whole.clone();
        let data = page.take_tool_data();
        assert!(!data.network.get().nodes.is_empty());
        assert!(!data.doc_facts.get().is_empty());
        let bytes = |c: &Corpus| postcard::to_allocvec(c).expect("encodes").len();
        assert!(bytes(&page) < bytes(&whole));
        assert!(page.network().nodes.is_empty());
        let mut back: Corpus =
            postcard::from_bytes(&postcard::to_allocvec(&page).expect("encodes")).expect("decodes");
        let data: ToolData =
            postcard::from_bytes(&postcard::to_allocvec(&data).expect("encodes")).expect("decodes");
        back.put_tool_data(data);
        // (Compared as bytes: a value decoded on use is cached on one side only.)
        let encoded = |c: &Corpus| postcard::to_allocvec(c).expect("encodes");
        assert_eq!(encoded(&back), encoded(&whole));
        assert_eq!(back.network(), whole.network());
    }
}
