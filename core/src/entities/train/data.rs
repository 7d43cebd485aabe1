//! Entity-annotated data sets read into documents with gold mentions: CoNLL-style token files
//! (WNUT-17, the Broad Twitter Corpus, WikiGold), Universal NER's IOB2 files, and GUM's
//! CoNLL-U files (their entity layer: every mention, named or not, with its type).
//!
//! Token files carry no spacing, so each sentence is rebuilt as text (a space between tokens,
//! none before closing punctuation or after opening brackets) and each sentence becomes a line
//! of the document. Universal NER keeps each sentence's original text, which is used as it is.
//! Gold mentions are byte spans into the rebuilt text, so they can be scored against what the
//! extractor returns for the same text, exactly as `explorer analyze` would see it.

use crate::document::Document;
use std::collections::HashMap;

/// The three kinds every set annotates and the scores compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GoldKind {
    Per,
    Org,
    Loc,
}

impl GoldKind {
    pub const ALL: [GoldKind; 3] = [GoldKind::Per, GoldKind::Org, GoldKind::Loc];

    pub fn label(self) -> &'static str {
        match self {
            GoldKind::Per => "PER",
            GoldKind::Org => "ORG",
            GoldKind::Loc => "LOC",
        }
    }

    /// An extractor kind as scored: GPE counts as LOC; NORP and EVENT are not scored.
    pub fn of(kind: super::super::EntityKind) -> Option<GoldKind> {
        use super::super::EntityKind::*;
        match kind {
            Person => Some(GoldKind::Per),
            Org => Some(GoldKind::Org),
            Gpe | Loc => Some(GoldKind::Loc),
            Event | Norp => None,
        }
    }
}

/// A gold mention: byte range into the document text and kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GoldSpan {
    pub start: usize,
    pub end: usize,
    pub kind: GoldKind,
}

/// A document with its gold mentions, and spans where nothing is scored (user names in tweets,
/// which the extractor never reports and the sets annotate inconsistently).
#[derive(Clone, Debug)]
pub struct LabelledDoc {
    pub doc: Document,
    pub gold: Vec<GoldSpan>,
    pub ignore: Vec<(usize, usize)>,
}

/// How a set's labels map to the three kinds. `None`: not an entity for our purposes.
fn map_label(label: &str) -> Option<GoldKind> {
    match label.to_ascii_lowercase().as_str() {
        "per" | "person" => Some(GoldKind::Per),
        "org" | "organisation" | "organization" | "corporation" | "group" => Some(GoldKind::Org),
        "loc" | "location" | "gpe" => Some(GoldKind::Loc),
        _ => None,
    }
}

/// One sentence: its tokens and their labels ("O", "B-PER", "I-location"…).
#[derive(Clone, Debug, Default)]
struct Sentence {
    tokens: Vec<String>,
    labels: Vec<String>,
    /// The original text, when the set keeps it.
    text: Option<String>,
}

/// Tokens that take no space before them.
fn closes(token: &str) -> bool {
    matches!(
        token,
        "," | "."
            | ";"
            | ":"
            | "!"
            | "?"
            | ")"
            | "]"
            | "}"
            | "%"
            | "..."
            | "'s"
            | "'S"
            | "n't"
            | "'re"
            | "'ll"
            | "'ve"
            | "'m"
            | "'d"
            | "’s"
    )
}

/// Tokens that take no space after them.
fn opens(token: &str) -> bool {
    matches!(token, "(" | "[" | "{" | "$" | "#" | "@" | "£" | "€")
}

/// Rebuilds a sentence's text from its tokens, with each token's byte range in it.
fn detokenize(tokens: &[String]) -> (String, Vec<(usize, usize)>) {
    let mut text = String::new();
    let mut spans = Vec::with_capacity(tokens.len());
    let mut no_space_next = true;
    let mut open_quote = false;
    for token in tokens {
        let quote = token == "\"";
        let glue = no_space_next || closes(token) || (quote && open_quote);
        if !glue {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(token);
        spans.push((start, text.len()));
        no_space_next = opens(token) || (quote && !open_quote);
        if quote {
            open_quote = !open_quote;
        }
    }
    (text, spans)
}

/// Finds each token in the sentence's own text, in order; `None` if one is missing.
fn align(text: &str, tokens: &[String]) -> Option<Vec<(usize, usize)>> {
    let mut spans = Vec::with_capacity(tokens.len());
    let mut cursor = 0;
    for token in tokens {
        let at = cursor + text[cursor..].find(token.as_str())?;
        // Only whitespace may stand between two tokens.
        if !text[cursor..at].trim().is_empty() {
            return None;
        }
        spans.push((at, at + token.len()));
        cursor = at + token.len();
    }
    Some(spans)
}

/// Builds one document from sentences, one per line, with its gold and ignored spans.
fn build_doc(name: &str, sentences: &[Sentence]) -> Option<LabelledDoc> {
    let mut text = String::new();
    let mut gold = Vec::new();
    let mut ignore = Vec::new();
    for s in sentences {
        if s.tokens.is_empty() {
            continue;
        }
        let (line, spans) = match s
            .text
            .as_deref()
            .and_then(|t| Some((t, align(t, &s.tokens)?)))
        {
            Some((t, spans)) => (t.to_string(), spans),
            None => detokenize(&s.tokens),
        };
        if line.trim().is_empty() || line.contains('\n') {
            continue;
        }
        if !text.is_empty() {
            text.push('\n');
        }
        let base = text.len();
        text.push_str(&line);
        // Mentions from BIO or IO labels: a mention starts at B-, or at I- after another kind.
        let mut current: Option<(usize, usize, Option<GoldKind>)> = None;
        let mut flush = |m: Option<(usize, usize, Option<GoldKind>)>| {
            if let Some((s, e, Some(kind))) = m {
                gold.push(GoldSpan {
                    start: base + spans[s].0,
                    end: base + spans[e - 1].1,
                    kind,
                });
            }
        };
        for (i, label) in s.labels.iter().enumerate() {
            let (prefix, kind_label) = label.split_once('-').unwrap_or((label.as_str(), ""));
            let kind = map_label(kind_label);
            match prefix {
                "B" | "I" if !kind_label.is_empty() => {
                    let continues = prefix == "I"
                        && current.as_ref().is_some_and(|&(_, e, k)| {
                            e == i && k == kind && s.labels[i - 1].ends_with(kind_label)
                        });
                    if continues {
                        if let Some(c) = current.as_mut() {
                            c.1 = i + 1;
                        }
                    } else {
                        flush(current.take());
                        current = Some((i, i + 1, kind));
                    }
                }
                _ => flush(current.take()),
            }
        }
        flush(current.take());
    }
    if text.trim().is_empty() {
        return None;
    }
    // User names ("@name", or "@" and a name glued to it): not scored, not trained on.
    gold.retain(|g| {
        let starts_with_at = text[g.start..g.end].starts_with('@')
            || text[..g.start].ends_with('@')
            || (text[g.start..g.end] == *"@");
        if starts_with_at {
            let start = text[..g.start]
                .rfind(|c: char| c.is_whitespace())
                .map_or(0, |i| i + 1);
            let end = text[g.end..]
                .find(|c: char| c.is_whitespace())
                .map_or(text.len(), |i| g.end + i);
            ignore.push((start, end));
        }
        !starts_with_at
    });
    gold.sort();
    gold.dedup();
    ignore.sort();
    ignore.dedup();
    Some(LabelledDoc {
        doc: Document::parse(name, &text),
        gold,
        ignore,
    })
}

/// Reads a CoNLL-style file: a token and its label per line (tab or space separated, label
/// last), blank lines between sentences, "-DOCSTART-" lines between documents.
/// `sentence_per_doc`: each sentence is a document of its own (tweets).
pub fn read_conll(name: &str, content: &str, sentence_per_doc: bool) -> Vec<LabelledDoc> {
    let mut docs = Vec::new();
    let mut sentences: Vec<Sentence> = Vec::new();
    let mut current = Sentence::default();
    let mut n = 0;
    let mut finish_doc = |sentences: &mut Vec<Sentence>, docs: &mut Vec<LabelledDoc>| {
        if !sentences.is_empty() {
            n += 1;
            docs.extend(build_doc(&format!("{name}-{n}"), sentences));
            sentences.clear();
        }
    };
    for line in content.lines() {
        let line = line.trim_end_matches('\r');
        if line.starts_with("-DOCSTART-") {
            if !current.tokens.is_empty() {
                sentences.push(std::mem::take(&mut current));
            }
            finish_doc(&mut sentences, &mut docs);
            continue;
        }
        if line.trim().is_empty() {
            if !current.tokens.is_empty() {
                sentences.push(std::mem::take(&mut current));
                if sentence_per_doc {
                    finish_doc(&mut sentences, &mut docs);
                }
            }
            continue;
        }
        let (token, label) = match line.rsplit_once(['\t', ' ']) {
            Some((t, l)) => (t.trim(), l.trim()),
            None => (line.trim(), "O"),
        };
        if token.is_empty() {
            continue;
        }
        current.tokens.push(token.to_string());
        current.labels.push(label.to_string());
    }
    if !current.tokens.is_empty() {
        sentences.push(current);
    }
    finish_doc(&mut sentences, &mut docs);
    docs
}

/// Reads a Universal NER IOB2 file: "# newdoc" starts a document, "# text = …" gives the
/// sentence's text, then one line per token: index, token, label, ….
pub fn read_uner(name: &str, content: &str) -> Vec<LabelledDoc> {
    let mut docs = Vec::new();
    let mut sentences: Vec<Sentence> = Vec::new();
    let mut current = Sentence::default();
    let mut n = 0;
    let finish = |sentences: &mut Vec<Sentence>, docs: &mut Vec<LabelledDoc>, n: &mut usize| {
        if !sentences.is_empty() {
            *n += 1;
            docs.extend(build_doc(&format!("{name}-{n}"), sentences));
            sentences.clear();
        }
    };
    for line in content.lines() {
        let line = line.trim_end_matches('\r');
        if line.starts_with("# newdoc") {
            if !current.tokens.is_empty() {
                sentences.push(std::mem::take(&mut current));
            }
            finish(&mut sentences, &mut docs, &mut n);
        } else if let Some(text) = line.strip_prefix("# text = ") {
            current.text = Some(text.to_string());
        } else if line.starts_with('#') {
            continue;
        } else if line.trim().is_empty() {
            if !current.tokens.is_empty() {
                sentences.push(std::mem::take(&mut current));
            }
        } else {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() >= 3 {
                current.tokens.push(cols[1].to_string());
                current.labels.push(cols[2].to_string());
            }
        }
    }
    if !current.tokens.is_empty() {
        sentences.push(current);
    }
    finish(&mut sentences, &mut docs, &mut n);
    docs
}

/// One token of a GUM sentence, as the reader needs it.
struct GumToken {
    form: String,
    upos: String,
    xpos: String,
    /// The token this one depends on (an index into the document's tokens), `None` for a root.
    head: Option<usize>,
    start: usize,
    end: usize,
}

/// A mention of GUM's entity layer: its tokens (first and last, inclusive) and type.
struct GumMention {
    first: usize,
    last: usize,
    etype: String,
    /// The Wikipedia title it is linked to ("Charles_Bolden"), if any.
    identity: String,
}

/// Words that stand before a person's name without being part of it (CoNLL's convention, and
/// the extractor's): "NASA Administrator Charles Bolden" names "Charles Bolden".
const TITLES: &[&str] = &[
    "administrator",
    "ambassador",
    "former",
    "late",
    "archbishop",
    "bishop",
    "brother",
    "captain",
    "capt.",
    "chairman",
    "chancellor",
    "chief",
    "coach",
    "col.",
    "colonel",
    "commissioner",
    "congressman",
    "congresswoman",
    "count",
    "dr",
    "dr.",
    "duke",
    "emperor",
    "father",
    "general",
    "gen.",
    "gov.",
    "governor",
    "judge",
    "justice",
    "king",
    "lady",
    "lord",
    "lt.",
    "mayor",
    "minister",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "pope",
    "premier",
    "president",
    "prime",
    "prince",
    "princess",
    "prof.",
    "professor",
    "queen",
    "rep.",
    "representative",
    "rev.",
    "saint",
    "secretary",
    "sen.",
    "senator",
    "sergeant",
    "sgt.",
    "sir",
    "sister",
    "st.",
    "vice",
];

/// Small words that may join the parts of a name ("Bank of the West", "Procter & Gamble").
const NAME_JOINERS: &[&str] = &[
    "of", "the", "for", "and", "&", "de", "du", "la", "von", "van", "-", "\u{2013}",
];

/// Reads one GUM document (a CoNLL-U file of its `dep/` folder): paragraphs ("# newpar") become
/// paragraphs of the text, the sentences of a paragraph are joined by spaces as written
/// (`SpaceAfter=No`), and the gold mentions are the *named* mentions of the entity layer
/// (`Entity=` in the last column) of type person, organization and place, as PER, ORG and LOC.
///
/// GUM annotates every mention, "the agency" as much as "NASA", and nests them. A mention is
/// named when its head (the token whose head lies outside it) is a proper noun; its name is
/// the run of proper nouns around the head inside the mention (small joining words between
/// them allowed, a person's leading titles left out, a nested mention not crossed), and where
/// names overlap the longest wins (the outermost, as CoNLL annotates). Named mentions of other
/// types (events, works, programmes) take part in that choice but are not gold, so "Britain"
/// in "the Battle of Britain" is no place; and neither are plural people ("Americans"), which
/// the scored sets call nationalities.
pub fn read_gum(name: &str, content: &str) -> Option<LabelledDoc> {
    let mut text = String::new();
    let mut tokens: Vec<GumToken> = Vec::new();
    let mut mentions: Vec<GumMention> = Vec::new();
    let mut open: HashMap<String, Vec<(usize, String, String)>> = HashMap::new();
    // The current sentence's token ids → document indexes, and its raw heads.
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut raw_heads: Vec<(usize, String)> = Vec::new();
    let mut new_paragraph = false;
    let mut space_pending = false;
    let mut glued_until: Option<usize> = None;
    let mut glued_space_after = true;
    fn finish_sentence(
        ids: &mut HashMap<String, usize>,
        raw: &mut Vec<(usize, String)>,
        t: &mut [GumToken],
    ) {
        for (i, h) in raw.drain(..) {
            t[i].head = ids.get(&h).copied();
        }
        ids.clear();
    }
    for line in content.lines() {
        let line = line.trim_end_matches('\r');
        if line.starts_with("# newpar") && !line.starts_with("# newpar_block") {
            new_paragraph = true;
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        if line.trim().is_empty() {
            finish_sentence(&mut ids, &mut raw_heads, &mut tokens);
            space_pending = true;
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 10 || cols[0].contains('.') {
            continue;
        }
        // A word of several tokens ("won't": "wo", "n't"): no space inside it, and its own
        // spacing after its last token.
        if let Some((_, last)) = cols[0].split_once('-') {
            glued_until = last.parse().ok();
            glued_space_after = !cols[9].split('|').any(|f| f == "SpaceAfter=No");
            continue;
        }
        if !text.is_empty() {
            if new_paragraph {
                text.push_str("\n\n");
            } else if space_pending {
                text.push(' ');
            }
        }
        new_paragraph = false;
        let misc = cols[9];
        let start = text.len();
        text.push_str(cols[1]);
        let index = tokens.len();
        tokens.push(GumToken {
            form: cols[1].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            head: None,
            start,
            end: text.len(),
        });
        ids.insert(cols[0].to_string(), index);
        if cols[6] != "0" {
            raw_heads.push((index, cols[6].to_string()));
        }
        space_pending = !misc.split('|').any(|f| f == "SpaceAfter=No");
        if let Some(last) = glued_until {
            let id: usize = cols[0].parse().unwrap_or(0);
            if id < last {
                space_pending = false;
            } else {
                space_pending = glued_space_after;
                glued_until = None;
            }
        }
        let Some(entity) = misc.split('|').find_map(|f| f.strip_prefix("Entity=")) else {
            continue;
        };
        // "(ID-etype-…" opens a mention, "ID)" closes one; "(ID-…)" is a one-token mention.
        let mut rest = entity;
        while !rest.is_empty() {
            if let Some(after) = rest.strip_prefix('(') {
                let end = after.find(['(', ')']).unwrap_or(after.len());
                // ID-etype-infstat-salience-centering-minspan-link-identity
                let fields: Vec<&str> = after[..end].splitn(8, '-').collect();
                let id = fields[0].to_string();
                let etype = fields.get(1).copied().unwrap_or("").to_string();
                let identity = fields.get(7).copied().unwrap_or("").to_string();
                if after[end..].starts_with(')') {
                    mentions.push(GumMention {
                        first: index,
                        last: index,
                        etype,
                        identity,
                    });
                    rest = &after[end + 1..];
                } else {
                    open.entry(id).or_default().push((index, etype, identity));
                    rest = &after[end..];
                }
            } else {
                let end = rest.find(')').unwrap_or(rest.len());
                let id = &rest[..end];
                if let Some((first, etype, identity)) = open.get_mut(id).and_then(Vec::pop) {
                    mentions.push(GumMention {
                        first,
                        last: index,
                        etype,
                        identity,
                    });
                }
                rest = rest.get(end + 1..).unwrap_or("");
            }
        }
    }
    finish_sentence(&mut ids, &mut raw_heads, &mut tokens);
    if text.trim().is_empty() {
        return None;
    }
    let is_name = |t: &GumToken| t.upos == "PROPN";
    // Each named mention's name: (first token, end token, kind if scored).
    let mut names: Vec<(usize, usize, Option<GoldKind>)> = Vec::new();
    for m in &mentions {
        let inside = |i: usize| (m.first..=m.last).contains(&i);
        let Some(head) = (m.first..=m.last)
            .find(|&i| tokens[i].upos != "PUNCT" && !tokens[i].head.is_some_and(inside))
        else {
            continue;
        };
        if !is_name(&tokens[head]) {
            continue;
        }
        let kind = match m.etype.as_str() {
            "person" => Some(GoldKind::Per),
            "organization" => Some(GoldKind::Org),
            "place" => Some(GoldKind::Loc),
            _ => None,
        };
        let person = kind == Some(GoldKind::Per);
        // A person's name does not run into another mention nested in it ("NASA
        // Administrator Charles Bolden"); other names take theirs in ("Fisht Stadium").
        let nested = |i: usize| {
            person
                && mentions.iter().any(|n| {
                    (n.first, n.last) != (m.first, m.last)
                        && m.first <= n.first
                        && n.last <= m.last
                        && (n.first..=n.last).contains(&i)
                        && !(n.first..=n.last).contains(&head)
                })
        };
        let joins = |i: usize| NAME_JOINERS.contains(&tokens[i].form.to_lowercase().as_str());
        let mut s = head;
        loop {
            // Joining words, then a name word.
            let mut k = s;
            while k > m.first && joins(k - 1) && !nested(k - 1) {
                k -= 1;
            }
            // A capitalised adjective before a name is part of it ("New York").
            let adjective = |t: &GumToken| {
                matches!(t.upos.as_str(), "ADJ" | "VERB")
                    && t.form.chars().next().is_some_and(char::is_uppercase)
            };
            let word = |i: usize| is_name(&tokens[i]) || (i + 1 == k && adjective(&tokens[i]));
            if k > m.first && word(k - 1) && !nested(k - 1) {
                s = k - 1;
            } else {
                break;
            }
        }
        let mut e = head + 1;
        loop {
            let mut k = e;
            while k <= m.last && joins(k) && !nested(k) {
                k += 1;
            }
            if k <= m.last && is_name(&tokens[k]) && !nested(k) {
                e = k + 1;
            } else {
                break;
            }
        }
        if person {
            while s + 1 < e
                && (TITLES.contains(&tokens[s].form.to_lowercase().as_str())
                    || !is_name(&tokens[s]))
            {
                s += 1;
            }
            // A person linked to an article whose name shares no word with the mention is
            // described, not named ("Man of the Match").
            let identity = m.identity.to_lowercase();
            let words: Vec<&str> = identity.split(['_', '(', ')', ',']).collect();
            let named = identity.is_empty()
                || (s..e).any(|i| words.contains(&tokens[i].form.to_lowercase().as_str()));
            if !named {
                continue;
            }
        }
        let plural_people = kind == Some(GoldKind::Per) && tokens[head].xpos == "NNPS";
        names.push((s, e, if plural_people { None } else { kind }));
    }
    // The longest name wins where names overlap (then the earlier); a name written twice with
    // two kinds (a mention and a nested one of the same extent) keeps its first.
    names.sort_by_key(|&(s, e, _)| (std::cmp::Reverse(e - s), s));
    let mut taken = vec![false; tokens.len()];
    let mut gold = Vec::new();
    for (s, e, kind) in names {
        if taken[s..e].iter().any(|&t| t) {
            continue;
        }
        taken[s..e].iter_mut().for_each(|t| *t = true);
        if let Some(kind) = kind {
            gold.push(GoldSpan {
                start: tokens[s].start,
                end: tokens[e - 1].end,
                kind,
            });
        }
    }
    gold.sort();
    Some(LabelledDoc {
        doc: Document::parse(name, &text),
        gold,
        ignore: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn golds(d: &LabelledDoc) -> Vec<String> {
        d.gold
            .iter()
            .map(|g| format!("{} {}", g.kind.label(), &d.doc.text[g.start..g.end]))
            .collect()
    }

    #[test]
    fn conll_sentences_become_lines_with_gold_spans() {
        let content = "-DOCSTART- O\n\nJohn I-PER\nSmith I-PER\nvisited O\nNew I-LOC\nYork I-LOC\n( O\nUSA I-LOC\n) O\n. O\n\nHe O\nsaid O\n\" O\nhi O\n\" O\n, O\nper I-ORG\nBBC I-ORG\nNews I-MISC\n\n-DOCSTART- O\n\nAcme B-corporation\nsells O\n";
        let docs = read_conll("x", content, false);
        assert_eq!(docs.len(), 2);
        assert_eq!(
            docs[0].doc.text,
            "John Smith visited New York (USA).\nHe said \"hi\", per BBC News"
        );
        assert_eq!(
            golds(&docs[0]),
            ["PER John Smith", "LOC New York", "LOC USA", "ORG per BBC"]
        );
        assert_eq!(golds(&docs[1]), ["ORG Acme"]);
    }

    #[test]
    fn bio_labels_split_adjacent_mentions_and_user_names_are_ignored() {
        let content = "@\tB-PER\nann_b\tB-PER\nmet\tO\nParis\tB-LOC\nLondon\tB-LOC\nand\tO\n@bob\tB-person\n\nNext\tO\n";
        let docs = read_conll("t", content, true);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].doc.text, "@ann_b met Paris London and @bob");
        assert_eq!(golds(&docs[0]), ["LOC Paris", "LOC London"]);
        assert_eq!(docs[0].ignore, [(0, 6), (28, 32)]);
    }

    #[test]
    fn uner_keeps_the_original_text() {
        let content = "# newdoc id = a\n# sent_id = a-1\n# text = What is this Miramar?\n1\tWhat\tO\t-\t-\n2\tis\tO\t-\t-\n3\tthis\tO\t-\t-\n4\tMiramar\tB-LOC\t-\tx\n5\t?\tO\t-\t-\n\n# sent_id = a-2\n# text = It's in Argentina lol\n1\tIt\tO\n2\t's\tO\n3\tin\tO\n4\tArgentina\tB-LOC\n5\tlol\tO\n\n# newdoc id = b\n# text = Ask Bob Jones.\n1\tAsk\tO\n2\tBob\tB-PER\n3\tJones\tI-PER\n4\t.\tO\n";
        let docs = read_uner("u", content);
        assert_eq!(docs.len(), 2);
        assert_eq!(
            docs[0].doc.text,
            "What is this Miramar?\nIt's in Argentina lol"
        );
        assert_eq!(golds(&docs[0]), ["LOC Miramar", "LOC Argentina"]);
        assert_eq!(golds(&docs[1]), ["PER Bob Jones"]);
    }

    #[test]
    fn gum_named_mentions_become_gold_names() {
        // Columns: id, form, lemma, upos, xpos, feats, head, deprel, deps, misc.
        let row = |id: &str, form: &str, upos: &str, head: &str, misc: &str| {
            format!("{id}\t{form}\t_\t{upos}\tNNP\t_\t{head}\t_\t_\t{misc}\n")
        };
        let mut c = String::from("# newdoc id = GUM_news_x\n# newpar\n# text = x\n");
        c += &row("1", "NASA", "PROPN", "4", "Entity=(1-person-new-x-cf1-1-coref-Charles_Bolden(2-organization-new-x-cf1-1-coref-NASA)");
        c += &row("2", "Administrator", "PROPN", "3", "_");
        c += &row("3", "Charles", "PROPN", "5", "_");
        c += &row("4", "Bolden", "PROPN", "3", "Entity=1)");
        c += &row("5", "spoke", "VERB", "0", "_");
        c += &row("6", "at", "ADP", "8", "_");
        c += &row(
            "7",
            "Fisht",
            "PROPN",
            "8",
            "Entity=(3-place-new-x-cf1-1-sgl-Fisht_Stadium(4-place-new-x-cf1-1-sgl-Mount_Fisht)",
        );
        c += &row("8", "Stadium", "PROPN", "5", "Entity=3)|SpaceAfter=No");
        c += &row("9", ".", "PUNCT", "5", "_");
        c += "\n# newpar\n# text = y\n";
        c += &row("1-2", "Britain's", "_", "_", "_");
        c += &row(
            "1",
            "Britain",
            "PROPN",
            "3",
            "Entity=(5-place-new-x-cf1-1-sgl)",
        );
        c += &row("2", "'s", "PART", "1", "_");
        c += &row(
            "3",
            "Battle",
            "PROPN",
            "0",
            "Entity=(6-event-new-x-cf1-1-sgl",
        );
        c += &row("4", "of", "ADP", "5", "_");
        c += &row(
            "5",
            "Britain",
            "PROPN",
            "3",
            "Entity=(7-place-new-x-cf1-1-sgl)6)",
        );
        c += &row(
            "6",
            "Americans",
            "PROPN",
            "3",
            "Entity=(8-person-new-x-cf1-1-sgl)",
        );
        let c = c.replace("NNP\t_\t3\t_\t_\tEntity=(8", "NNPS\t_\t3\t_\t_\tEntity=(8");
        let d = read_gum("g", &c).unwrap();
        assert_eq!(
            d.doc.text,
            "NASA Administrator Charles Bolden spoke at Fisht Stadium.\n\nBritain's Battle of Britain Americans"
        );
        assert_eq!(
            golds(&d),
            [
                "ORG NASA",
                "PER Charles Bolden",
                "LOC Fisht Stadium",
                "LOC Britain"
            ]
        );
    }
}
