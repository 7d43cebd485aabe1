//! Entity extraction, per document:
//! 1. The rules (`rules`, over the candidates of `candidates`): header fields, then a first
//!    pass over each region (title, body paragraphs); acronyms, people and a second pass
//!    (`aliases`).
//! 2. The tagger, when the build embeds a model: features of every token (`features`, the
//!    rules' decisions among them), the model's tags (`model`, `decode`), each name mended
//!    (`mend`) and the names merged with the rules' events, nationalities and header fields
//!    (`merge`); then the steps over the merged mentions (`names`, `capitals`, `teams`,
//!    `organisations`).
//! 3. Acronyms, people and the second pass again, over the merged names (`aliases`); then the
//!    mentions are grouped into entities with canonical names and aliases. Overlaps are
//!    impossible by construction and checked.

use super::aliases::{build_entities, merge_acronyms, resolve_people, second_pass, Pass};
use super::candidates::{Analyzer, DocContext};
use super::capitals::capitals_places;
use super::decode::tag_regions;
use super::features::{region_features, rule_tag, DocWords, Features, RuleTag};
use super::lexicon::{FastSet, Lexicon};
use super::mend::mend_tagged;
use super::mention::{Mention, HEADER};
use super::merge::{add_trusted_rule_names, merge_tagged};
use super::model::Model;
use super::names::{drop_folded_towns, hyphenated_names, storms};
use super::organisations::{
    ampersand_firms, join_short_organisations, listed_organisations_whole, names_spelt_by_acronyms,
    organisations_by_context, organisations_of_places, parties_of_members, press_review_titles,
    short_names_in_parentheses, suffixed_companies, workplaces,
};
use super::players::players_in_tables;
use super::rules::header_mentions;
use super::teams::{sports_teams, teams_after_nationality};
use super::tokens::{tokenize, TokKind, Token};
use super::{Entity, EntityKind};
use crate::document::Document;
use crate::span::Span;
use std::collections::HashMap;

/// Finds the entities of a document, sorted by kind then canonical name: the tagger's
/// names (with the rules' events and nationalities) when the build embeds a model, else the
/// rules' alone.
pub fn extract(doc: &Document) -> Vec<Entity> {
    match Model::embedded() {
        Some(model) => extract_with_model(doc, model),
        None => extract_rules(doc),
    }
}

/// The entities the rules alone find (the baseline the tagger is measured against).
pub fn extract_rules(doc: &Document) -> Vec<Entity> {
    let pass = RulePass::run(doc);
    build_entities(pass.text, pass.mentions, &pass.long_forms)
}

/// What the rules make of a document: its regions' tokens, its words, and the mentions the
/// rules find (header fields, first pass, acronyms, people, second pass).
pub(crate) struct RulePass<'a> {
    pub text: &'a str,
    pub tokens: Vec<Vec<Token>>,
    pub headlines: Vec<bool>,
    pub ctx: DocContext<'a>,
    pub mentions: Vec<Mention>,
    pub long_forms: HashMap<(EntityKind, String), String>,
}

impl<'a> RulePass<'a> {
    pub(crate) fn run(doc: &'a Document) -> RulePass<'a> {
        let lex = Lexicon::get();
        let text = doc.text.as_str();
        let regions = name_regions(doc);
        let tokens: Vec<Vec<Token>> = regions
            .iter()
            .map(|r| tokenize(r.of(text), r.start as usize))
            .collect();
        let mut lower_words = FastSet::default();
        for t in tokens.iter().flatten() {
            let w = &text[t.start..t.end];
            if t.kind == TokKind::Word && !w.chars().any(|c| c.is_uppercase()) {
                lower_words.insert(w);
            }
        }
        let headlines = tokens
            .iter()
            .zip(&regions)
            .map(|(toks, &region)| is_headline(text, toks, region, doc))
            .collect();
        let mut pass = RulePass {
            text,
            tokens,
            headlines,
            ctx: DocContext { lower_words },
            mentions: Vec::new(),
            long_forms: HashMap::new(),
        };
        let mut mentions = header_mentions(doc, lex);
        let analyzers = pass.analyzers();
        for a in &analyzers {
            a.analyse(&mut mentions);
        }
        let long_forms = merge_acronyms(&analyzers, &mut mentions);
        resolve_people(&analyzers, &mut mentions);
        second_pass(&analyzers, &mut mentions, lex, Pass::Rules);
        drop(analyzers);
        pass.mentions = mentions;
        pass.long_forms = long_forms;
        pass
    }

    pub(crate) fn analyzers(&self) -> Vec<Analyzer<'_>> {
        let lex = Lexicon::get();
        self.tokens
            .iter()
            .enumerate()
            .map(|(segment, toks)| Analyzer {
                text: self.text,
                toks,
                segment,
                headline: self.headlines[segment],
                ctx: &self.ctx,
                lex,
            })
            .collect()
    }

    /// Each region's tokens tagged with the rules' decision.
    pub(crate) fn rule_tags(&self) -> Vec<Vec<RuleTag>> {
        let mut tags: Vec<Vec<RuleTag>> = self.tokens.iter().map(|t| vec![0; t.len()]).collect();
        for m in self.mentions.iter().filter(|m| m.segment != HEADER) {
            if let Some(region) = tags.get_mut(m.segment) {
                for (i, tag) in region
                    .iter_mut()
                    .enumerate()
                    .take(m.tok_end)
                    .skip(m.tok_start)
                {
                    *tag = rule_tag(m.kind, i == m.tok_start);
                }
            }
        }
        tags
    }

    /// The tagger's features for every region.
    pub(crate) fn features(&self, analyzers: &[Analyzer]) -> Vec<Features> {
        let tags = self.rule_tags();
        let with_tags: Vec<(&Analyzer, Vec<RuleTag>)> = analyzers.iter().zip(tags).collect();
        let words = DocWords::gather(&with_tags);
        with_tags
            .iter()
            .map(|(a, tags)| {
                let mut f = Features::default();
                region_features(a, tags, &words, &mut f);
                f
            })
            .collect()
    }
}

/// The regions names are read in: the title and each paragraph, and each line of a paragraph
/// whose line breaks belong to the text (a list, verse: `Document::keeps_lines`), so that no name
/// runs on from one line into the next ("Angela Merkel" and "Emmanuel Macron" on lines of
/// their own are two names) and each line is read from its start, as the tagger learnt a
/// region.
fn name_regions(doc: &Document) -> Vec<Span> {
    let mut out: Vec<Span> = doc.meta.title_span.into_iter().collect();
    for (i, &paragraph) in doc.paragraphs.iter().enumerate() {
        if doc.keeps_lines(i) {
            out.extend(doc.paragraph_lines(i));
        } else {
            out.push(paragraph);
        }
    }
    out.retain(|r| doc.text.get(r.range()).is_some());
    out
}

/// Extraction with the tagger: the rules run first (their decisions are features), the model
/// tags each region, and the names it finds go through the same alias machinery as the rules'.
pub(crate) fn extract_with_model(doc: &Document, model: &Model) -> Vec<Entity> {
    let pass = RulePass::run(doc);
    let analyzers = pass.analyzers();
    let features = pass.features(&analyzers);
    let mut tagged = tag_regions(&features, model);
    add_trusted_rule_names(&analyzers, &pass.mentions, &mut tagged);
    mend_tagged(&analyzers, &mut tagged);

    let mut mentions = merge_tagged(&analyzers, &pass.mentions, tagged);
    drop_folded_towns(&analyzers, &mut mentions);
    hyphenated_names(&analyzers, &mut mentions);
    storms(&analyzers, &mut mentions);
    capitals_places(&analyzers, &mut mentions);
    sports_teams(&analyzers, &mut mentions);
    teams_after_nationality(&analyzers, &mut mentions);
    players_in_tables(&analyzers, &mut mentions);
    organisations_of_places(&analyzers, &mut mentions);
    listed_organisations_whole(&analyzers, &mut mentions);
    names_spelt_by_acronyms(&analyzers, &mut mentions);
    organisations_by_context(&analyzers, &mut mentions);
    press_review_titles(&analyzers, &mut mentions);
    suffixed_companies(&analyzers, &mut mentions);
    ampersand_firms(&analyzers, &mut mentions);
    parties_of_members(&analyzers, &mut mentions);
    workplaces(&analyzers, &mut mentions);
    join_short_organisations(&analyzers, &mut mentions);
    short_names_in_parentheses(&analyzers, &mut mentions);
    let mut long_forms = merge_acronyms(&analyzers, &mut mentions);
    for (identity, long) in &pass.long_forms {
        long_forms
            .entry(identity.clone())
            .or_insert_with(|| long.clone());
    }
    resolve_people(&analyzers, &mut mentions);
    second_pass(&analyzers, &mut mentions, Lexicon::get(), Pass::Final);
    build_entities(pass.text, mentions, &long_forms)
}

/// A region written in title case or capitals ("Stoltenberg Visits Seoul"), where
/// capitalisation says nothing about names.
fn is_headline(text: &str, toks: &[Token], region: Span, doc: &Document) -> bool {
    // Only the title: body lines in title case are too often credit lines and lists of
    // names ("Reporting by Ann Saphir; Editing by Andrea Ricci").
    if doc.meta.title_span != Some(region) {
        return false;
    }
    // Title case leaves these small words in lower case.
    const SMALL: &[&str] = &[
        "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by",
        "with", "from", "as", "vs", "via", "into", "over", "up",
    ];
    let mut content = 0;
    let mut capitalised = 0;
    for t in toks.iter().filter(|t| t.kind == TokKind::Word) {
        let w = &text[t.start..t.end];
        if SMALL.contains(&w) {
            continue;
        }
        content += 1;
        if w.starts_with(|c: char| c.is_uppercase()) {
            capitalised += 1;
        }
    }
    // Long paragraphs are prose even when they are full of names.
    (3..=30).contains(&content) && capitalised * 100 >= content * 85
}
