//! Entity-annotated data sets read into documents with gold mentions: CoNLL-style token files
//! (WNUT-17, the Broad Twitter Corpus, WikiGold) and Universal NER's IOB2 files.
//!
//! Token files carry no spacing, so each sentence is rebuilt as text (a space between tokens,
//! none before closing punctuation or after opening brackets) and each sentence becomes a line
//! of the document. Universal NER keeps each sentence's original text, which is used as it is.
//! Gold mentions are byte spans into the rebuilt text, so they can be scored against what the
//! extractor returns for the same text, exactly as `explorer analyze` would see it.

use crate::document::Document;

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
}
