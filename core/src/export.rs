//! Downloads and CLI output: term counts as CSV, entities as JSON, and the small JSON and
//! offset helpers they share. Written by hand: serde_json would add about 15 KB (gzipped) to
//! the page for two string writers.

use crate::corpus::Corpus;
use std::fmt::Write as _;

/// A JSON string literal for `s`.
pub fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A CSV field, quoted when it must be (RFC 4180). A leading `=`, `+`, `-` or `@` is
/// prefixed with `'` so spreadsheets do not run it as a formula.
pub fn csv_field(s: &str) -> String {
    let mut csv = Csv(String::new(), true);
    csv.text(s);
    csv.0
}

/// A CSV table as it is written (RFC 4180: fields separated by commas, rows ended by CRLF):
/// every export of the page writes through this one writer, field by field, rather than
/// each formatting its rows (each `format!` site is its own code in the page).
pub struct Csv(String, bool);

impl Csv {
    /// A table with this header (field names separated by commas).
    pub fn new(header: &str) -> Csv {
        let mut csv = Csv(String::with_capacity(4096), true);
        csv.raw(header).end();
        csv
    }

    #[inline(never)]
    fn separate(&mut self) {
        if !std::mem::replace(&mut self.1, false) {
            self.0.push(',');
        }
    }

    /// A text field ([`csv_field`]'s quoting and defusing).
    #[inline(never)]
    pub fn text(&mut self, s: &str) -> &mut Csv {
        self.separate();
        let quote = s.contains([',', '"', '\n', '\r']);
        if quote {
            self.0.push('"');
        }
        if s.starts_with(['=', '+', '-', '@']) {
            self.0.push('\'');
        }
        if quote {
            self.0.push_str(&s.replace('"', "\"\""));
            self.0.push('"');
        } else {
            self.0.push_str(s);
        }
        self
    }

    /// A field written as it is (a number, a date, a fixed label).
    #[inline(never)]
    pub fn raw(&mut self, s: &str) -> &mut Csv {
        self.separate();
        self.0.push_str(s);
        self
    }

    /// A whole number.
    #[inline(never)]
    pub fn num(&mut self, n: u64) -> &mut Csv {
        self.raw(&n.to_string())
    }

    /// A number with this many decimals ([`crate::format::fixed`]).
    #[inline(never)]
    pub fn fixed(&mut self, x: f64, decimals: u32) -> &mut Csv {
        self.raw(&crate::format::fixed(x, decimals))
    }

    /// Ends the row.
    #[inline(never)]
    pub fn end(&mut self) {
        self.0.push_str("\r\n");
        self.1 = true;
    }

    /// The table written.
    pub fn finish(self) -> String {
        self.0
    }
}

/// Byte offset → char offset in a text, plus a fixed shift (1 when a byte-order mark was
/// removed, since offsets count from the file's content as read).
pub struct CharOffsets {
    byte_starts: Vec<u32>,
    shift: usize,
}

impl CharOffsets {
    pub fn new(text: &str, shift: usize) -> CharOffsets {
        CharOffsets {
            byte_starts: text.char_indices().map(|(i, _)| i as u32).collect(),
            shift,
        }
    }

    pub fn of(&self, byte: u32) -> usize {
        self.byte_starts.partition_point(|&b| b < byte) + self.shift
    }
}

/// Term counts of a document (or of the corpus when `doc` is `None`) as CSV:
/// `term,count,per_1000,stopword`, most frequent first.
pub fn terms_csv(corpus: &Corpus, doc: Option<usize>) -> String {
    let stats = match doc {
        Some(d) => &corpus.doc_stats[d],
        None => &corpus.stats,
    };
    let vocab = &corpus.index.vocab;
    let mut csv = Csv::new("term,count,per_1000,stopword");
    for &(t, count) in stats.terms() {
        csv.text(vocab.form(t))
            .num(count.into())
            .fixed(stats.per_thousand(count), 3)
            .raw(if vocab.is_stop(t) { "yes" } else { "no" })
            .end();
    }
    csv.finish()
}

/// The entities of a document as a JSON array, each with its mentions; `start` and `end`
/// are character offsets into the seed file's content.
pub fn entities_json(corpus: &Corpus, doc: usize) -> String {
    let Some(d) = corpus.docs.get(doc) else {
        return "[]".to_string();
    };
    let chars = CharOffsets::new(&d.text, usize::from(d.had_bom));
    let mut out = String::from("[");
    for (i, e) in corpus.entities(doc).iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let aliases: Vec<String> = e.aliases.iter().map(|a| json_string(a)).collect();
        let _ = write!(
            out,
            "\n{{\"type\":\"{}\",\"canonical\":{},\"aliases\":[{}],\"count\":{},\"mentions\":[",
            e.kind.label(),
            json_string(&e.canonical),
            aliases.join(","),
            e.count()
        );
        for (j, m) in e.mentions.iter().enumerate() {
            let _ = write!(
                out,
                "{}{{\"start\":{},\"end\":{},\"text\":{}}}",
                if j > 0 { "," } else { "" },
                chars.of(m.start),
                chars.of(m.end),
                json_string(m.of(&d.text))
            );
        }
        out.push_str("]}");
    }
    out.push_str("\n]\n");
    out
}

#[cfg(all(test, feature = "extract"))]
mod tests {
    use super::*;

    #[test]
    fn json_strings_escape() {
        assert_eq!(
            json_string("a\"b\\c\nd\u{1}é"),
            "\"a\\\"b\\\\c\\nd\\u0001é\""
        );
    }

    #[test]
    fn csv_fields_quote_and_defuse_formulas() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=cmd()"), "'=cmd()");
        assert_eq!(csv_field("-x"), "'-x");
    }

    #[test]
    fn char_offsets() {
        let offsets = CharOffsets::new("aé b", 1);
        assert_eq!(
            [offsets.of(0), offsets.of(1), offsets.of(3), offsets.of(5)],
            [1, 2, 3, 5]
        );
    }

    #[test]
    fn terms_csv_lists_every_term() {
        let docs = vec![crate::Document::parse("t.txt", "T\n\nThe cat, the hat.")];
        let corpus = Corpus::build(docs);
        let csv = terms_csv(&corpus, Some(0));
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], "term,count,per_1000,stopword");
        assert_eq!(lines[1], "the,2,400.000,yes");
        assert_eq!(lines.len(), 1 + 4);
        assert_eq!(terms_csv(&corpus, None), csv);
    }
}
