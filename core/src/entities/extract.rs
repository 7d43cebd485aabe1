//! Rule-based entity extraction: gazetteers, capitalisation, cue words and a little
//! coreference, with no statistical model.
//!
//! The pipeline, per document:
//! 1. Header fields: the byline's names are people, the editor is a person when the field
//!    reads like a personal name, the source is an organisation.
//! 2. First pass over each region (title, body paragraphs), in `rules`: runs of capitalised
//!    words split into gazetteer names, head-word names and titled or name-shaped people.
//! 3. Acronyms defined in parentheses ("Republic of Korea (ROK)") join their long form, here
//!    and wherever else they occur.
//! 4. Lone surnames join the person named in full ("Stoltenberg" → "Jens Stoltenberg");
//!    lone capitalised words that join nobody are dropped.
//! 5. Second pass: every form of every entity found so far is looked for again, which picks up
//!    the ones the first pass could not vouch for (a surname opening a sentence, a name in a
//!    title-case headline).
//! 6. Mentions are grouped into entities; overlaps are impossible by construction and checked.

use super::features::{region_features, rule_tag, DocWords, Features, RuleTag};
use super::lexicon::{cue, phrase_key, FastSet, Lexicon, Source};
use super::model::{spans, viterbi, Model, TAGS};
use super::rules::{normalise_name, Analyzer, DocContext, Mention, Strength};
use super::tokens::{tokenize, TokKind, Token};
use super::{Entity, EntityKind};
use crate::document::{Document, Field};
use crate::span::Span;
use std::collections::{HashMap, HashSet};

/// Marks a mention that comes from a header field rather than a region.
pub(crate) const HEADER: usize = usize::MAX;

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
        let regions: Vec<Span> = doc
            .regions()
            .filter(|r| text.get(r.range()).is_some())
            .collect();
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
        second_pass(&analyzers, &mut mentions, lex);
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

/// Extraction with the tagger: the rules run first (their decisions are features), the model
/// tags each region, and the names it finds go through the same alias machinery as the rules'.
pub(crate) fn extract_with_model(doc: &Document, model: &Model) -> Vec<Entity> {
    let pass = RulePass::run(doc);
    let analyzers = pass.analyzers();
    let features = pass.features(&analyzers);
    let transitions = model.transitions();
    let mut tagged: Vec<(usize, usize, usize, EntityKind)> = Vec::new();
    for (segment, f) in features.iter().enumerate() {
        let emissions: Vec<[i64; TAGS]> =
            (0..f.len()).map(|i| model.emissions(f.token(i))).collect();
        let tags = viterbi(&emissions, &transitions);
        for (s, e, kind) in spans(&tags) {
            tagged.push((segment, s, e, kind));
        }
    }
    let mut mentions = merge_tagged(&analyzers, &pass.mentions, tagged);
    let mut long_forms = merge_acronyms(&analyzers, &mut mentions);
    for (identity, long) in &pass.long_forms {
        long_forms
            .entry(identity.clone())
            .or_insert_with(|| long.clone());
    }
    resolve_people(&analyzers, &mut mentions);
    second_pass(&analyzers, &mut mentions, Lexicon::get());
    build_entities(pass.text, mentions, &long_forms)
}

/// The tagger's names as mentions, with the rules' events, nationalities and header fields
/// where no name overlaps them. A name the rules found at the same place keeps the rules'
/// merge key and gazetteer name; a place keeps the rules' GPE or LOC; the same name written
/// alike takes one kind throughout the document (the kind most of its mentions got).
fn merge_tagged(
    analyzers: &[Analyzer],
    rule_mentions: &[Mention],
    mut tagged: Vec<(usize, usize, usize, EntityKind)>,
) -> Vec<Mention> {
    // Punctuation never starts or ends a name ("(", a quote), but a full stop glued to the
    // word before may end one ("Co.", "Jr.").
    tagged.retain_mut(|(segment, s, e, _)| {
        let a = &analyzers[*segment];
        while *s < *e && a.toks[*s].kind != TokKind::Word && a.toks[*s].kind != TokKind::Number {
            *s += 1;
        }
        while *e > *s {
            let t = &a.toks[*e - 1];
            let glued_stop = t.kind == TokKind::Punct && !t.space_before && a.word(*e - 1) == ".";
            if matches!(t.kind, TokKind::Word | TokKind::Number) || glued_stop {
                break;
            }
            *e -= 1;
        }
        *s < *e
    });
    // A name inside an event the rules found ("Britain" in "Battle of Britain") is part of
    // the event's name, not a name of its own.
    let events: Vec<&Mention> = rule_mentions
        .iter()
        .filter(|m| m.segment != HEADER && m.kind == EntityKind::Event)
        .collect();
    tagged.retain(|&(segment, s, e, _)| {
        !events.iter().any(|m| {
            m.segment == segment
                && m.tok_start <= s
                && e <= m.tok_end
                && m.tok_end - m.tok_start > e - s
        })
    });
    // A name the rules found longer, from the same first word and of the same kind, is taken
    // whole: the rules know the tails of names made with head words ("Framework for
    // Prosperity", "Bank of the West"), which few training texts show.
    let same_class = |a: EntityKind, b: EntityKind| {
        a == b
            || (matches!(a, EntityKind::Gpe | EntityKind::Loc)
                && matches!(b, EntityKind::Gpe | EntityKind::Loc))
    };
    // The rules' mentions by where they start (the tagged names come in text order).
    let rule_at: HashMap<(usize, usize), &Mention> = rule_mentions
        .iter()
        .filter(|m| m.segment != HEADER)
        .map(|m| ((m.segment, m.tok_start), m))
        .collect();
    for k in 0..tagged.len() {
        let (segment, s, e, kind) = tagged[k];
        let Some(m) = rule_at.get(&(segment, s)) else {
            continue;
        };
        let next_start = tagged
            .get(k + 1)
            .filter(|next| next.0 == segment)
            .map_or(usize::MAX, |next| next.1);
        if m.tok_end > e && same_class(m.kind, kind) && next_start >= m.tok_end {
            tagged[k].2 = m.tok_end;
        }
    }
    // One kind per name written alike (whatever its case: "LEEDS" in a headline is the
    // "Leeds" of the text).
    let mut votes: HashMap<String, [usize; 3]> = HashMap::new();
    let surface = |&(segment, s, e, _): &(usize, usize, usize, EntityKind)| {
        let a = &analyzers[segment];
        crate::text::fold(&normalise_name(&a.text[a.toks[s].start..a.toks[e - 1].end]))
    };
    let slot = |kind: EntityKind| match kind {
        EntityKind::Person => 0,
        EntityKind::Org => 1,
        _ => 2,
    };
    for t in &tagged {
        votes.entry(surface(t)).or_default()[slot(t.3)] += 1;
    }
    for t in tagged.iter_mut() {
        let v = votes[&surface(t)];
        let mine = v[slot(t.3)];
        let best = (0..3).max_by_key(|&k| (v[k], k == slot(t.3))).unwrap_or(2);
        if v[best] > mine {
            t.3 = [EntityKind::Person, EntityKind::Org, EntityKind::Loc][best];
        }
    }
    // A lone word that begins an organisation's name elsewhere in the document stands for
    // it ("Nordvik Holdings" … "Nordvik said"), unless it is a given name or a known place.
    let lex = Lexicon::get();
    let mut org_first_words: FastSet<String> = FastSet::default();
    let multi_word_orgs = tagged
        .iter()
        .filter(|t| t.3 == EntityKind::Org && t.2 > t.1 + 1)
        .map(|t| (t.0, t.1))
        .chain(
            rule_mentions
                .iter()
                .filter(|m| {
                    m.segment != HEADER && m.kind == EntityKind::Org && m.tok_end > m.tok_start + 1
                })
                .map(|m| (m.segment, m.tok_start)),
        );
    for (segment, s) in multi_word_orgs {
        org_first_words.insert(crate::text::fold(analyzers[segment].word(s)));
    }
    for t in tagged.iter_mut() {
        let (segment, s, e, kind) = *t;
        if kind != EntityKind::Person || e != s + 1 {
            continue;
        }
        let a = &analyzers[segment];
        let w = a.word(s);
        if org_first_words.contains(&crate::text::fold(w))
            && !lex.is_first_name(w)
            && a.gaz_at(s, e).is_none()
        {
            t.3 = EntityKind::Org;
        }
    }
    let mut out: Vec<Mention> = Vec::with_capacity(tagged.len());
    for &(segment, s, e, kind) in &tagged {
        let a = &analyzers[segment];
        let rule = rule_at.get(&(segment, s)).filter(|m| m.tok_end == e);
        let m = match rule {
            Some(r) if same_class(r.kind, kind) => (*r).clone(),
            Some(r) => {
                let mut m = (*r).clone();
                m.kind = kind;
                m.canonical = None;
                m
            }
            None => {
                let mut m = Mention {
                    start: a.toks[s].start,
                    end: a.toks[e - 1].end,
                    segment,
                    tok_start: s,
                    tok_end: e,
                    kind,
                    key: normalise_name(&a.text[a.toks[s].start..a.toks[e - 1].end]),
                    canonical: None,
                    strength: Strength::Strong,
                };
                let entry = a
                    .gaz_at(s, e)
                    .filter(|&(end, _)| end == e)
                    .map(|(_, entry)| entry);
                match entry {
                    Some(entry) if same_class(entry.kind, kind) => {
                        m.kind = entry.kind;
                        m.key = entry.canonical.to_string();
                        if !matches!(entry.source, Source::City | Source::Admin) {
                            m.canonical = Some(entry.canonical);
                        }
                    }
                    // A place no gazetteer knows: most often a town or a country.
                    _ if kind == EntityKind::Loc => m.kind = EntityKind::Gpe,
                    _ => {}
                }
                m
            }
        };
        out.push(m);
    }
    // The rules' events and nationalities, and the header fields, where no name is.
    let named: FastSet<(usize, usize)> = tagged
        .iter()
        .flat_map(|&(segment, s, e, _)| (s..e).map(move |i| (segment, i)))
        .collect();
    for m in rule_mentions {
        let keep = m.segment == HEADER
            || (matches!(m.kind, EntityKind::Event | EntityKind::Norp)
                && !(m.tok_start..m.tok_end).any(|i| named.contains(&(m.segment, i))));
        if keep {
            out.push(m.clone());
        }
    }
    out
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
fn header_mentions(doc: &Document, lex: &Lexicon) -> Vec<Mention> {
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

/// Acronyms defined in parentheses take their long form's identity, everywhere. Returns the
/// long form written in the text for each identity that has one.
fn merge_acronyms(
    analyzers: &[Analyzer],
    mentions: &mut Vec<Mention>,
) -> HashMap<(EntityKind, String), String> {
    let mut definitions: HashMap<String, (EntityKind, String)> = HashMap::new();
    let mut long_forms = HashMap::new();
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by_key(|&i| mentions[i].start);
    for &i in &order {
        let m = &mentions[i];
        if m.segment == HEADER || m.strength != Strength::Strong {
            continue;
        }
        let a = &analyzers[m.segment];
        let Some(acronym_token) = a.acronym_after(m.tok_start, m.tok_end) else {
            continue;
        };
        let acronym = a.word(acronym_token).to_string();
        if definitions.contains_key(&acronym) {
            continue;
        }
        let identity = (m.kind, m.key.clone());
        long_forms
            .entry(identity.clone())
            .or_insert_with(|| normalise_name(&a.text[m.start..m.end]));
        definitions.insert(acronym, identity);
    }
    if definitions.is_empty() {
        return long_forms;
    }
    for m in mentions.iter_mut() {
        if m.segment == HEADER || m.tok_end != m.tok_start + 1 {
            continue;
        }
        let word = analyzers[m.segment].word(m.tok_start);
        if let Some((kind, key)) = definitions.get(word) {
            m.kind = *kind;
            m.key = key.clone();
            m.canonical = None;
            m.strength = Strength::Strong;
        }
    }
    // A defined acronym the first pass skipped (it looked like an ordinary word, say) is
    // still a mention of its long form.
    let mut extra = Vec::new();
    let taken: HashSet<(usize, usize)> = mentions
        .iter()
        .filter(|m| m.segment != HEADER)
        .flat_map(|m| (m.tok_start..m.tok_end).map(move |i| (m.segment, i)))
        .collect();
    for a in analyzers {
        for (i, t) in a.toks.iter().enumerate() {
            if t.kind != TokKind::Word {
                continue;
            }
            if let Some((kind, key)) = definitions.get(a.word(i)) {
                if !taken.contains(&(a.segment, i)) {
                    extra.push(Mention {
                        start: t.start,
                        end: t.end,
                        segment: a.segment,
                        tok_start: i,
                        tok_end: i + 1,
                        kind: *kind,
                        key: key.clone(),
                        canonical: None,
                        strength: Strength::Strong,
                    });
                }
            }
        }
    }
    mentions.extend(extra);
    long_forms
}

/// The capitalised words of a name, as token texts of the mention.
fn name_words(text: &str, m: &Mention) -> Vec<String> {
    let surface = &text[m.start..m.end];
    let toks = tokenize(surface, 0);
    let mut words: Vec<String> = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        let w = &surface[t.start..t.end];
        let glued = i > 0 && !t.space_before;
        if glued {
            if let Some(last) = words.last_mut() {
                last.push_str(w);
                continue;
            }
        }
        words.push(w.to_string());
    }
    words.retain(|w| w.starts_with(|c: char| c.is_uppercase()));
    words
}

/// The form a person is called by on second mention: the family name.
fn short_form(words: &[String], lex: &Lexicon) -> Option<String> {
    if words.len() < 2 {
        return None;
    }
    if lex.is_surname_first(&words[0]) && words.len() <= 3 {
        return Some(words[0].clone());
    }
    let last = words.iter().rev().find(|w| {
        !matches!(
            w.as_str(),
            "Jr" | "Jr." | "Sr" | "Sr." | "II" | "III" | "IV"
        )
    })?;
    // Initials and capitals are no family name.
    let usable =
        last.chars().count() >= 2 && last.chars().any(|c| c.is_lowercase()) && !last.ends_with('.');
    usable.then(|| last.clone())
}

/// Lone names join the person named in full; lone capitalised words that join nobody go.
fn resolve_people(analyzers: &[Analyzer], mentions: &mut Vec<Mention>) {
    let lex = Lexicon::get();
    let text = analyzers.first().map_or("", |a| a.text);
    // Full names by short form, with where each full name is first seen.
    let mut by_short: HashMap<String, Vec<(String, usize)>> = HashMap::new();
    for m in mentions.iter() {
        if m.kind != EntityKind::Person || m.strength != Strength::Strong {
            continue;
        }
        let words = name_words(text, m);
        if let Some(short) = short_form(&words, lex) {
            let list = by_short.entry(short).or_default();
            if !list.iter().any(|(k, _)| *k == m.key) {
                list.push((m.key.clone(), m.start));
            }
        }
    }
    for m in mentions.iter_mut() {
        let single = m.segment != HEADER && m.tok_end == m.tok_start + 1;
        let eligible = m.kind == EntityKind::Person
            || m.strength == Strength::Pending
            || m.kind == EntityKind::Gpe;
        if !single || !eligible {
            continue;
        }
        let word = &text[m.start..m.end];
        if let Some(full) = by_short.get(word) {
            // The most recent full name before this mention, else the first one.
            let key = full
                .iter()
                .filter(|(_, start)| *start <= m.start)
                .max_by_key(|(_, start)| *start)
                .or(full.first())
                .map(|(k, _)| k.clone());
            if let Some(key) = key {
                if m.kind == EntityKind::Gpe {
                    // A city that is also the family name of someone in the text: only when
                    // the gazetteer entry is a city, never a country.
                    let is_city = lex
                        .name(&phrase_key(word).0)
                        .is_some_and(|e| e.source == super::lexicon::Source::City);
                    if !is_city {
                        continue;
                    }
                }
                m.kind = EntityKind::Person;
                m.key = key;
                m.canonical = None;
                m.strength = Strength::Strong;
            }
        }
    }
    mentions.retain(|m| m.strength == Strength::Strong);
}

/// Looks for every form of every entity again, in places the first pass left alone.
fn second_pass(analyzers: &[Analyzer], mentions: &mut Vec<Mention>, lex: &Lexicon) {
    let text = analyzers.first().map_or("", |a| a.text);
    // Forms by key; a form claimed by two entities is ambiguous and not used.
    let mut forms: HashMap<String, Option<(EntityKind, String)>> = HashMap::new();
    let mut max_len = 1;
    let mut add_form = |form: &str, identity: (EntityKind, String)| {
        let (key, n) = phrase_key(form);
        if key.is_empty() {
            return;
        }
        max_len = max_len.max(n);
        forms
            .entry(key)
            .and_modify(|e| {
                if e.as_ref() != Some(&identity) {
                    *e = None;
                }
            })
            .or_insert(Some(identity));
    };
    for m in mentions.iter() {
        let identity = (m.kind, m.key.clone());
        add_form(&text[m.start..m.end], identity.clone());
        if m.kind == EntityKind::Person {
            if let Some(short) = short_form(&name_words(text, m), lex) {
                add_form(&short, identity);
            }
        } else if m.kind == EntityKind::Org && m.canonical.is_none() && m.segment != HEADER {
            // "Nordvik Semiconductor" … "Nordvik": a distinctive first word of a company
            // name made with a head word stands for the whole.
            let words = name_words(text, m);
            if let [first, .., last] = words.as_slice() {
                let distinctive = first.chars().count() >= 3
                    && !first.chars().all(|c| c.is_uppercase())
                    && !lex.is_common_word(first)
                    && !lex.is_first_name(first)
                    && !lex.is_surname(first)
                    && lex.name(&phrase_key(first).0).is_none()
                    && lex.cue(last) & cue::ORG != 0;
                if distinctive {
                    add_form(first, identity);
                }
            }
        }
    }
    let mut found = Vec::new();
    let mut by_segment: Vec<Vec<(usize, usize)>> = vec![Vec::new(); analyzers.len()];
    for m in mentions.iter().filter(|m| m.segment != HEADER) {
        by_segment[m.segment].push((m.tok_start, m.tok_end));
    }
    for a in analyzers {
        let n = a.toks.len();
        let mut covered = vec![false; n];
        for &(s, e) in &by_segment[a.segment] {
            covered[s..e].iter_mut().for_each(|c| *c = true);
        }
        let mut i = 0;
        while i < n {
            if covered[i] || !a.is_name_token(i) {
                i += 1;
                continue;
            }
            let mut matched = None;
            let mut key = String::new();
            for (j, &taken) in covered.iter().enumerate().take(n.min(i + max_len)).skip(i) {
                if taken || (a.toks[j].kind == TokKind::Punct && a.word(j) != "&") {
                    break;
                }
                super::lexicon::push_key(&mut key, a.word(j));
                if let Some(Some(identity)) = forms.get(&key) {
                    matched = Some((j + 1, identity.clone()));
                }
            }
            let Some((end, (kind, key))) = matched else {
                i += 1;
                continue;
            };
            if fragment_of_longer_name(a, i, end, &covered)
                || (end == i + 1
                    && (a.toks[i].sent_start || a.headline)
                    && lex.is_common_word(a.word(i))
                    && !a.word(i).chars().all(|c| !c.is_lowercase()))
            {
                i += 1;
                continue;
            }
            found.push(Mention {
                start: a.toks[i].start,
                end: a.toks[end - 1].end,
                segment: a.segment,
                tok_start: i,
                tok_end: end,
                kind,
                key,
                canonical: None,
                strength: Strength::Strong,
            });
            covered[i..end].iter_mut().for_each(|c| *c = true);
            i = end;
        }
    }
    mentions.extend(found);
}

/// Whether tokens `s..e` are glued to, or directly followed by, more of a capitalised name.
fn fragment_of_longer_name(a: &Analyzer, s: usize, e: usize, covered: &[bool]) -> bool {
    let n = a.toks.len();
    let joined_before = s > 0 && a.toks[s - 1].kind == TokKind::Joiner && !a.toks[s].space_before;
    let joined_after = e + 1 < n
        && a.toks[e].kind == TokKind::Joiner
        && !a.toks[e].space_before
        && a.is_name_token(e + 1);
    let lex = Lexicon::get();
    let plain_name = |i: usize| {
        a.is_name_token(i)
            && !covered[i]
            && lex.cue(a.word(i)) & (cue::TITLE | cue::HONORIFIC | cue::STOP | cue::MONTH) == 0
    };
    let name_before = s > 0 && a.toks[s].space_before && plain_name(s - 1);
    let name_after = e < n && a.toks[e].space_before && plain_name(e);
    joined_before || joined_after || name_before || name_after
}

/// Groups mentions into entities, choosing canonical names and aliases.
fn build_entities(
    text: &str,
    mut mentions: Vec<Mention>,
    long_forms: &HashMap<(EntityKind, String), String>,
) -> Vec<Entity> {
    mentions.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    // Overlaps cannot happen by construction; if one slips through, the earlier, longer
    // mention stays.
    let mut kept: Vec<Mention> = Vec::with_capacity(mentions.len());
    for m in mentions {
        if m.start >= m.end || text.get(m.start..m.end).is_none() {
            continue;
        }
        if kept.last().is_some_and(|k| k.end > m.start) {
            continue;
        }
        kept.push(m);
    }
    struct Group {
        kind: EntityKind,
        key: String,
        gazetteer: Option<&'static str>,
        surfaces: Vec<String>,
        mentions: Vec<Span>,
    }
    let mut index: HashMap<(EntityKind, String), usize> = HashMap::new();
    let mut groups: Vec<Group> = Vec::new();
    for m in kept {
        let identity = (m.kind, m.key.clone());
        let g = *index.entry(identity).or_insert_with(|| {
            groups.push(Group {
                kind: m.kind,
                key: m.key.clone(),
                gazetteer: None,
                surfaces: Vec::new(),
                mentions: Vec::new(),
            });
            groups.len() - 1
        });
        let group = &mut groups[g];
        if group.gazetteer.is_none() {
            group.gazetteer = m.canonical;
        }
        let surface = text[m.start..m.end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if !group
            .surfaces
            .iter()
            .any(|s| normalise_name(s) == normalise_name(&surface))
        {
            group.surfaces.push(surface);
        }
        group.mentions.push(Span::new_unchecked(m.start, m.end));
    }
    let mut entities: Vec<Entity> = groups
        .into_iter()
        .map(|g| {
            let canonical = long_forms
                .get(&(g.kind, g.key.clone()))
                .cloned()
                .or_else(|| g.gazetteer.map(str::to_string))
                .unwrap_or_else(|| {
                    // The longest form as written, the first one on a tie.
                    let mut best = &g.surfaces[0];
                    for s in &g.surfaces {
                        if s.chars().count() > best.chars().count() {
                            best = s;
                        }
                    }
                    best.clone()
                });
            let aliases = g
                .surfaces
                .into_iter()
                .filter(|s| normalise_name(s) != normalise_name(&canonical))
                .collect();
            Entity {
                kind: g.kind,
                canonical,
                aliases,
                mentions: g.mentions,
            }
        })
        .collect();
    entities.sort_by(|a, b| (a.kind, &a.canonical).cmp(&(b.kind, &b.canonical)));
    entities
}
