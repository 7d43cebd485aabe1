//! Seed files as documents: decoding, the metadata header, body paragraphs and page furniture.
//!
//! A news page saved as text usually starts with a short header (title, source, editor,
//! timestamp, byline) and ends with furniture such as "Related News". The parser recognises
//! these by their shape, not by any particular site's wording: a header is a run of short lines
//! under the title that contains at least one strong field (a timestamp, a "By …" byline of
//! names or a labelled field such as "Source: …"). A file without such a header is all body,
//! under its first line as title only when that line stands alone and does not read like a
//! sentence. Every non-blank text is a document: a text of one line is one paragraph.

use crate::span::Span;
use serde::{Deserialize, Serialize};

/// Largest seed file accepted, in bytes. Offsets are stored as `u32`, and a text this large is
/// far beyond what a page can show usefully.
pub const MAX_SEED_BYTES: usize = 256 * 1024 * 1024;

/// A parsed document: its full text (as read, minus any byte-order mark) and where things are.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Stable, URL-safe id derived from the file name.
    pub id: String,
    /// The file name relative to the seeds folder.
    pub file_name: String,
    pub text: String,
    /// Whether the file started with a UTF-8 byte-order mark (removed from `text`).
    pub had_bom: bool,
    pub meta: Meta,
    /// Body paragraphs in reading order, each trimmed of surrounding whitespace.
    pub paragraphs: Vec<Span>,
    /// Lines recognised as page furniture ("Related News"…) and left out of the body.
    pub furniture: Vec<Span>,
    /// The paragraphs (by index, in order) whose line breaks belong to the text: a list,
    /// verse (`keeps_line_breaks`, decided at build time so the page carries none of it).
    pub line_paragraphs: Vec<u32>,
}

/// What the header says about a document.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub title: String,
    /// Where the title came from: a line of the text, or (when `None`) the file name.
    pub title_span: Option<Span>,
    pub source: Option<Field>,
    pub editor: Option<Field>,
    pub published: Option<Timestamp>,
    /// The byline as written ("By Zheng Zaixing").
    pub byline: Option<Field>,
    /// The names in the byline ("Zheng Zaixing").
    pub authors: Vec<Field>,
}

/// A header value and the span it was read from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Field {
    pub value: String,
    pub span: Span,
}

/// A date (and maybe time) read from the header.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timestamp {
    /// As written in the file.
    pub raw: String,
    /// Machine-readable form for `<time datetime>`: `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS]`.
    pub iso: String,
    pub span: Span,
}

/// Why a seed file cannot be used. The build stops with this message, naming the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeedError {
    pub file_name: String,
    pub problem: SeedProblem,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SeedProblem {
    Empty,
    OnlyWhitespace,
    /// Where the first invalid byte is: its offset, and its line and column (1-based, the
    /// column counted in chars).
    NotUtf8 {
        byte_offset: usize,
        line: usize,
        column: usize,
    },
    TooLarge {
        bytes: usize,
    },
    Unreadable(String),
}

impl std::fmt::Display for SeedError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "seed file {}: {}", self.file_name, self.problem)
    }
}

impl std::fmt::Display for SeedProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SeedProblem::Empty => write!(f, "the file is empty"),
            SeedProblem::OnlyWhitespace => write!(f, "the file holds only whitespace"),
            SeedProblem::NotUtf8 {
                byte_offset,
                line,
                column,
            } => write!(
                f,
                "not valid UTF-8 (invalid byte sequence at byte {byte_offset}, line {line}, column {column}); save it as UTF-8"
            ),
            SeedProblem::TooLarge { bytes } => write!(
                f,
                "too large ({bytes} bytes; the limit is {MAX_SEED_BYTES} bytes)"
            ),
            SeedProblem::Unreadable(why) => write!(f, "cannot be read: {why}"),
        }
    }
}

impl std::error::Error for SeedError {}

impl Document {
    /// Decodes and parses one seed file. `file_name` is the path relative to the seeds folder.
    pub fn from_bytes(file_name: &str, bytes: &[u8]) -> Result<Document, SeedError> {
        let fail = |problem| SeedError {
            file_name: file_name.to_string(),
            problem,
        };
        if bytes.len() > MAX_SEED_BYTES {
            return Err(fail(SeedProblem::TooLarge { bytes: bytes.len() }));
        }
        let (had_bom, body) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
            Some(rest) => (true, rest),
            None => (false, bytes),
        };
        if body.is_empty() {
            return Err(fail(SeedProblem::Empty));
        }
        let text = std::str::from_utf8(body).map_err(|e| {
            // The valid prefix locates the bad byte for the reader.
            let valid = std::str::from_utf8(&body[..e.valid_up_to()]).unwrap_or_default();
            let line_start = valid.rfind('\n').map_or(0, |i| i + 1);
            fail(SeedProblem::NotUtf8 {
                byte_offset: e.valid_up_to() + usize::from(had_bom) * 3,
                line: valid.matches('\n').count() + 1,
                column: valid[line_start..].chars().count() + 1,
            })
        })?;
        if text.trim().is_empty() {
            return Err(fail(SeedProblem::OnlyWhitespace));
        }
        let mut doc = Document::parse(file_name, text);
        doc.had_bom = had_bom;
        Ok(doc)
    }

    /// Parses already-decoded text. Never fails: a text with no recognisable header is all body.
    pub fn parse(file_name: &str, text: &str) -> Document {
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let blocks = blocks(text);
        let mut meta = Meta::default();
        let mut lines: Vec<(usize, Span)> = Vec::new(); // (block index, line)
        for (b, block) in blocks.iter().enumerate() {
            lines.extend(block.iter().map(|&l| (b, l)));
        }

        // The title: the first line, when a header follows it (a timestamp, a byline or a
        // labelled field among the short lines under it), or when it stands alone before a
        // blank line and does not read like a sentence. Otherwise the first block is body
        // text and the file name serves as the title.
        let mut next_line = 0;
        if let Some(&(b0, first)) = lines.first() {
            let first_text = first.of(text);
            let alone = blocks[b0].len() == 1 && lines.len() > 1;
            let heads_header = !header_under(text, &lines[1..]).is_empty();
            if is_title_like(first_text) && (heads_header || (alone && !is_sentence(first_text))) {
                meta.title = first_text.to_string();
                meta.title_span = Some(first);
                next_line = 1;
            }
        }
        if meta.title_span.is_none() {
            // A one-line text is its own title (shortened); others take the file name.
            meta.title = match lines.as_slice() {
                [(_, only)] => shorten_title(only.of(text)),
                _ => title_from_file_name(file_name),
            };
        }

        // The header: header-like lines after the title, up to the last strong field.
        let header = if meta.title_span.is_some() {
            header_under(text, &lines[next_line..])
        } else {
            Vec::new()
        };
        let header_end = header
            .last()
            .map_or(meta.title_span.map_or(0, |s| s.end as usize), |(s, _)| {
                s.end as usize
            });
        for (span, kind) in header {
            let line = span.of(text);
            match kind {
                HeaderLine::Timestamp(iso) => {
                    meta.published.get_or_insert(Timestamp {
                        raw: line.to_string(),
                        iso,
                        span,
                    });
                }
                HeaderLine::Byline(name_start) => {
                    let names =
                        Span::new_unchecked(span.start as usize + name_start, span.end as usize);
                    meta.authors = split_names(text, names);
                    meta.byline = Some(field(text, span));
                }
                HeaderLine::Labelled(label, value_start) => {
                    let value = field(
                        text,
                        Span::new_unchecked(span.start as usize + value_start, span.end as usize),
                    );
                    match label {
                        Label::Source => meta.source = Some(value),
                        Label::Editor => meta.editor = Some(value),
                        Label::Author => {
                            meta.authors = split_names(text, value.span);
                            meta.byline = Some(field(text, span));
                        }
                        Label::Date => {
                            if let Some(iso) = parse_date(&value.value) {
                                meta.published = Some(Timestamp {
                                    raw: value.value.clone(),
                                    iso,
                                    span: value.span,
                                });
                            }
                        }
                    }
                }
                HeaderLine::Plain => {
                    if meta.source.is_none() {
                        meta.source = Some(field(text, span));
                    } else if meta.editor.is_none() {
                        meta.editor = Some(field(text, span));
                    }
                }
            }
        }

        // The body: every block after the header, as paragraphs; furniture set aside.
        let mut paragraphs = Vec::new();
        let mut furniture = Vec::new();
        for block in &blocks {
            let body_lines: Vec<Span> = block
                .iter()
                .copied()
                .filter(|l| l.start as usize >= header_end)
                .collect();
            let (Some(first), Some(last)) = (body_lines.first(), body_lines.last()) else {
                continue;
            };
            let span = Span::new_unchecked(first.start as usize, last.end as usize);
            if body_lines.len() == 1 && is_furniture(span.of(text)) {
                furniture.push(span);
            } else {
                paragraphs.push(span);
            }
        }
        if paragraphs.is_empty() {
            // Nothing is left for the body (a one-line file, a title and a header alone, a
            // lone furniture-like line): then every block is body text, nothing is metadata,
            // and the title is the first line, shortened.
            meta = Meta::default();
            paragraphs = blocks
                .iter()
                .filter_map(|b| {
                    Some(Span::new_unchecked(
                        b.first()?.start as usize,
                        b.last()?.end as usize,
                    ))
                })
                .collect();
            furniture.clear();
            meta.title = match lines.first() {
                Some((_, first)) => shorten_title(first.of(text)),
                None => title_from_file_name(file_name),
            };
        }

        let line_paragraphs = (0..paragraphs.len() as u32)
            .filter(|&i| keeps_line_breaks(paragraphs[i as usize].of(text)))
            .collect();
        Document {
            id: id_from_file_name(file_name),
            file_name: file_name.to_string(),
            text: text.to_string(),
            had_bom: false,
            meta,
            paragraphs,
            furniture,
            line_paragraphs,
        }
    }

    /// The lines of paragraph `i`, each trimmed (a paragraph holds no blank line).
    pub fn paragraph_lines(&self, i: usize) -> Vec<Span> {
        self.paragraphs.get(i).map_or_else(Vec::new, |&span| {
            lines(span.of(&self.text), span.start as usize)
                .flatten()
                .collect()
        })
    }

    /// Whether paragraph `i` keeps its line breaks (`line_paragraphs`).
    pub fn keeps_lines(&self, i: usize) -> bool {
        self.line_paragraphs.binary_search(&(i as u32)).is_ok()
    }

    /// The searchable parts of the text in reading order: the title (when it is a line of the
    /// text) and then each body paragraph. Tokens, hits and mentions never cross a region.
    pub fn regions(&self) -> impl Iterator<Item = Span> + '_ {
        self.meta
            .title_span
            .into_iter()
            .chain(self.paragraphs.iter().copied())
    }

    /// The text of paragraph `i`, or "" if there is none.
    pub fn paragraph(&self, i: usize) -> &str {
        self.paragraphs.get(i).map_or("", |s| s.of(&self.text))
    }
}

fn field(text: &str, span: Span) -> Field {
    Field {
        value: span.of(text).to_string(),
        span,
    }
}

/// Splits "A, B and C" into names, each with its own span.
fn split_names(text: &str, span: Span) -> Vec<Field> {
    let whole = span.of(text);
    let mut names = Vec::new();
    let push = |from: usize, to: usize, names: &mut Vec<Field>| {
        let piece = &whole[from..to];
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            let s = span.start as usize + from + lead;
            names.push(field(text, Span::new_unchecked(s, s + trimmed.len())));
        }
    };
    let mut start = 0;
    let mut skip_to = 0;
    for (i, c) in whole.char_indices() {
        if i < skip_to {
            continue;
        }
        let sep = if matches!(c, ',' | ';' | '&') {
            Some(1)
        } else if whole[i..].starts_with(" and ") {
            Some(5)
        } else {
            None
        };
        if let Some(len) = sep {
            push(start, i, &mut names);
            skip_to = i + len;
            start = skip_to;
        }
    }
    push(start, whole.len(), &mut names);
    names
}

/// Splits text into blocks of non-blank lines; each line is trimmed and excludes its line break.
fn blocks(text: &str) -> Vec<Vec<Span>> {
    let mut blocks: Vec<Vec<Span>> = Vec::new();
    let mut current: Vec<Span> = Vec::new();
    for line in lines(text, 0) {
        match line {
            Some(span) => current.push(span),
            None if !current.is_empty() => blocks.push(std::mem::take(&mut current)),
            None => {}
        }
    }
    if !current.is_empty() {
        blocks.push(current);
    }
    blocks
}

/// Each line of `text` (which starts at byte `base` of the document) trimmed, without its line
/// break; `None` for a blank line.
fn lines(text: &str, base: usize) -> impl Iterator<Item = Option<Span>> + '_ {
    let mut at = base;
    text.split_inclusive('\n').map(move |raw| {
        let line = raw.trim_end_matches(['\n', '\r']);
        let lead = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        let start = at + lead;
        at += raw.len();
        (!trimmed.is_empty()).then(|| Span::new_unchecked(start, start + trimmed.len()))
    })
}

/// Whether a paragraph's line breaks belong to the text (a list, verse, an address, a table, a
/// file of one sentence per line) rather than hard-wrapping running prose at a fixed width.
/// The reader shows such breaks, and no name runs across one. Wrapped prose is told by its
/// lines being filled: each line but the last is about as long as the longest, since the next
/// line's first word did not fit. Kept when the lines are too short for any wrap width
/// (under 40 characters), when more than one line in four is left unfilled (under four
/// fifths of the longest with the next word added), or when there are four lines or more and
/// each after the first opens with a capital, a digit or a list mark, as verse and lists do
/// and wrapped prose by chance almost never.
pub fn keeps_line_breaks(paragraph: &str) -> bool {
    if !paragraph.contains('\n') {
        return false;
    }
    let lines: Vec<&str> = paragraph
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.len() < 2 {
        return false;
    }
    let chars = |s: &str| s.chars().count();
    let width = lines.iter().map(|l| chars(l)).max().unwrap_or(0);
    if width < 40 {
        return true;
    }
    let unfilled = lines
        .windows(2)
        .filter(|w| {
            let next = w[1].split_whitespace().next().map_or(0, chars);
            (chars(w[0]) + 1 + next) * 5 < width * 4
        })
        .count();
    if unfilled * 4 > lines.len() - 1 {
        return true;
    }
    let opens_item = |l: &&str| {
        l.starts_with(|c: char| {
            c.is_uppercase() || c.is_ascii_digit() || "-*\u{2022}\u{2013}\u{2014}#>(".contains(c)
        })
    };
    lines.len() >= 4 && lines[1..].iter().all(opens_item)
}

/// The header under a title: the header-like lines of `lines` from the first on, up to the
/// last strong field (a timestamp, a byline or a labelled field). Empty when there is none.
fn header_under(text: &str, lines: &[(usize, Span)]) -> Vec<(Span, HeaderLine)> {
    let mut header: Vec<(Span, HeaderLine)> = Vec::new();
    for &(_, line) in lines {
        match header_line(line.of(text)) {
            Some(kind) => header.push((line, kind)),
            None => break,
        }
    }
    let last_strong = header.iter().rposition(|(_, k)| *k != HeaderLine::Plain);
    header.truncate(last_strong.map_or(0, |i| i + 1));
    header
}

/// Whether a line ends like a sentence ("… on Monday.") rather than a headline.
fn is_sentence(line: &str) -> bool {
    let end = line.trim_end_matches(['"', '\'', '\u{201D}', '\u{2019}', ')']);
    end.ends_with(['.', '!', '\u{2026}'])
        && !end.ends_with("Co.")
        && !end.ends_with("Inc.")
        && !end.ends_with("Ltd.")
        && !end.ends_with("Corp.")
}

/// A line as a title: whole when short, else cut at a word boundary with an ellipsis.
fn shorten_title(line: &str) -> String {
    const MAX_CHARS: usize = 80;
    if line.chars().count() <= MAX_CHARS {
        return line.to_string();
    }
    let mut out = String::new();
    for word in line.split_whitespace() {
        if out.chars().count() + word.chars().count() + 1 > MAX_CHARS - 1 {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        out = line.chars().take(MAX_CHARS - 1).collect();
    }
    out.push('\u{2026}');
    out
}

fn is_title_like(line: &str) -> bool {
    let chars = line.chars().count();
    // A long line ending like a sentence is the start of the body, not a title.
    chars <= 200 && !(chars > 100 && line.ends_with(['.', '!', '?']))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Label {
    Source,
    Editor,
    Author,
    Date,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum HeaderLine {
    /// A date or date-time; carries its ISO form.
    Timestamp(String),
    /// "By …"; carries the byte offset where the names start.
    Byline(usize),
    /// "Source: …" and the like; carries the label and where the value starts.
    Labelled(Label, usize),
    /// A short unlabelled line (a source or editor name, say).
    Plain,
}

/// Classifies a line that could belong to a header, or `None` if it reads like body text.
fn header_line(line: &str) -> Option<HeaderLine> {
    let chars = line.chars().count();
    if chars > 100 {
        return None;
    }
    if let Some(iso) = parse_date(line) {
        return Some(HeaderLine::Timestamp(iso));
    }
    for prefix in ["By ", "BY ", "by "] {
        if let Some(rest) = line.strip_prefix(prefix) {
            if is_byline_names(rest) {
                return Some(HeaderLine::Byline(prefix.len()));
            }
        }
    }
    if let Some(colon) = line.find(':') {
        let label = line[..colon].trim().to_lowercase();
        let value_start =
            colon + 1 + (line[colon + 1..].len() - line[colon + 1..].trim_start().len());
        let kind = match label.as_str() {
            "source" | "from" => Some(Label::Source),
            "editor" | "edited by" | "editor in charge" | "responsible editor" => {
                Some(Label::Editor)
            }
            "author" | "authors" | "writer" | "written by" | "reporter" | "reported by" => {
                Some(Label::Author)
            }
            "date" | "published" | "posted" | "updated" | "time" | "published on"
            | "updated on" => Some(Label::Date),
            _ => None,
        };
        if let Some(kind) = kind {
            if value_start < line.len() {
                return Some(HeaderLine::Labelled(kind, value_start));
            }
        }
    }
    let words = line.split_whitespace().count();
    let ends_like_sentence = line.ends_with(['.', '!', '?', ';', ',', ':'])
        && !line.ends_with("Co.")
        && !line.ends_with("Inc.")
        && !line.ends_with("Ltd.");
    if chars <= 60 && words <= 8 && !ends_like_sentence {
        return Some(HeaderLine::Plain);
    }
    None
}

/// Whether what follows "By " reads as the names of a byline ("Zheng Zaixing", "Ana Díaz and
/// Li Wei, Reuters") rather than a sentence ("By Friday, the talks had failed."): at most four
/// names of one to five capitalised words each (name particles aside), no digits, no
/// sentence end, and not a day or month.
fn is_byline_names(rest: &str) -> bool {
    const PARTICLES: [&str; 16] = [
        "von", "van", "der", "den", "de", "la", "le", "du", "da", "di", "del", "dos", "bin", "al",
        "el", "y",
    ];
    let rest = rest.trim();
    let last_word = rest.split_whitespace().last().unwrap_or("");
    // An initial or a suffix may end a name with a full stop ("John F.", "Jr.").
    let ends_with_abbreviation = last_word.ends_with('.')
        && (last_word.chars().count() <= 3 || matches!(last_word, "Jr." | "Sr."));
    if rest.is_empty()
        || rest.ends_with(['!', '?', ':', ';', ','])
        || (rest.ends_with('.') && !ends_with_abbreviation)
        || rest.chars().any(|c| c.is_ascii_digit())
    {
        return false;
    }
    let first_word = rest.split_whitespace().next().unwrap_or("");
    if is_weekday(first_word) || month_number(first_word).is_some() {
        return false;
    }
    let mut names = 0;
    for part in rest
        .split([',', ';', '&', '/'])
        .flat_map(|p| p.split(" and "))
    {
        let words: Vec<&str> = part.split_whitespace().collect();
        if words.is_empty() {
            continue;
        }
        let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
        if words.len() > 5
            || !words
                .iter()
                .all(|w| capitalised(w) || PARTICLES.contains(w))
            || !capitalised(&words[0])
        {
            return false;
        }
        names += 1;
    }
    (1..=4).contains(&names)
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Reads a line that is a date, optionally with a time and a weekday or zone around it:
/// "2023-03-03 00:50:38", "2023/3/3", "March 3, 2023 10:15", "3 March 2023", "Friday, 3 Mar 2023".
/// Returns its ISO form, or `None` if the line is anything else.
pub fn parse_date(line: &str) -> Option<String> {
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 7 {
        return None;
    }
    let mut i = 0;
    if is_weekday(words[0]) {
        i += 1;
    }
    let (date, used) = numeric_date(&words[i..]).or_else(|| month_name_date(&words[i..]))?;
    i += used;
    let mut iso = date;
    if let Some(time) = words.get(i).and_then(|w| parse_time(w)) {
        iso.push('T');
        iso.push_str(&time);
        i += 1;
        if words
            .get(i)
            .is_some_and(|w| matches!(w.to_ascii_lowercase().as_str(), "am" | "pm"))
        {
            i += 1;
        }
    }
    // A trailing time zone ("UTC", "GMT+8", "(Beijing time)") may follow; anything else may not.
    let rest = &words[i..];
    let zone_like = |w: &&str| {
        let w = w.trim_matches(|c| c == '(' || c == ')');
        w.len() <= 9
            && (w.chars().all(|c| {
                c.is_ascii_uppercase() || c.is_ascii_digit() || c == '+' || c == '-' || c == ':'
            }) || w.eq_ignore_ascii_case("time")
                || w.eq_ignore_ascii_case("beijing"))
    };
    if rest.len() <= 2 && rest.iter().all(zone_like) {
        Some(iso)
    } else {
        None
    }
}

fn is_weekday(word: &str) -> bool {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
    .iter()
    .any(|d| w.len() >= 3 && d.starts_with(&w))
}

fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(&w) && (w.len() == 3 || w.len() == m.len() || w == "sept"))
        .map(|i| i as u32 + 1)
}

fn iso_date(year: u32, month: u32, day: u32) -> Option<String> {
    ((1000..=2999).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day))
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// "2023-03-03", "2023/3/3", "2023.03.03" (year first only: day/month order is ambiguous).
fn numeric_date(words: &[&str]) -> Option<(String, usize)> {
    let word = *words.first()?;
    let word = word.strip_suffix('T').unwrap_or(word);
    let parts: Vec<&str> = word.split(['-', '/', '.']).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) || p.len() > 4)
    {
        return None;
    }
    if parts[0].len() != 4 {
        return None;
    }
    let n = |s: &str| s.parse::<u32>().ok();
    Some((iso_date(n(parts[0])?, n(parts[1])?, n(parts[2])?)?, 1))
}

/// "March 3 2023", "Mar. 3, 2023", "3 March 2023".
fn month_name_date(words: &[&str]) -> Option<(String, usize)> {
    if words.len() < 3 {
        return None;
    }
    let day = |w: &str| {
        let w = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        (w.len() <= 2).then(|| w.parse::<u32>().ok()).flatten()
    };
    let year = |w: &str| (w.len() == 4).then(|| w.parse::<u32>().ok()).flatten();
    if let (Some(m), Some(d), Some(y)) = (month_number(words[0]), day(words[1]), year(words[2])) {
        return Some((iso_date(y, m, d)?, 3));
    }
    if let (Some(d), Some(m), Some(y)) = (day(words[0]), month_number(words[1]), year(words[2])) {
        return Some((iso_date(y, m, d)?, 3));
    }
    None
}

/// "00:50:38" or "10:15" → the same, zero-padded.
fn parse_time(word: &str) -> Option<String> {
    let parts: Vec<&str> = word.split(':').collect();
    if !(2..=3).contains(&parts.len()) {
        return None;
    }
    let mut nums = Vec::new();
    for p in &parts {
        if p.is_empty() || p.len() > 2 || !p.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        nums.push(p.parse::<u32>().ok()?);
    }
    if nums[0] > 23 || nums[1] > 59 || nums.get(2).is_some_and(|&s| s > 60) {
        return None;
    }
    Some(
        nums.iter()
            .map(|n| format!("{n:02}"))
            .collect::<Vec<_>>()
            .join(":"),
    )
}

/// Standalone lines that news pages put around an article: navigation, sharing, adverts.
fn is_furniture(line: &str) -> bool {
    const FURNITURE: [&str; 24] = [
        "related news",
        "related articles",
        "related stories",
        "related",
        "related links",
        "read more",
        "more news",
        "more stories",
        "see also",
        "advertisement",
        "share",
        "share this article",
        "share this",
        "comments",
        "recommended",
        "you may also like",
        "top stories",
        "back to top",
        "print",
        "email",
        "most read",
        "most popular",
        "follow us",
        "trending",
    ];
    let folded = line
        .trim_end_matches([':', '>', '»', ' '])
        .trim()
        .to_lowercase();
    FURNITURE.contains(&folded.as_str())
}

/// "reports/2023_nato-asia.txt" → "2023 nato asia": the file's own name, without its
/// folders and extension.
fn title_from_file_name(file_name: &str) -> String {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let base = if base.is_empty() { file_name } else { base };
    let stem = match base.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem,
        _ => base,
    };
    let title: String = stem
        .chars()
        .map(|c| if c == '_' || c == '-' { ' ' } else { c })
        .collect();
    let title = title.trim();
    if title.is_empty() {
        file_name.to_string()
    } else {
        title.to_string()
    }
}

/// A URL-safe id: the file name without its extension, other characters replaced by '-'.
pub fn id_from_file_name(file_name: &str) -> String {
    let stem = match file_name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && !ext.contains('/') => stem,
        _ => file_name,
    };
    let id: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '.' {
                c
            } else {
                '-'
            }
        })
        .collect();
    if id.is_empty() {
        "doc".to_string()
    } else {
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED_LIKE: &str = "\"Asia-Pacific version\" created to threaten stability\n\n\nChina Military Online\nHuang Panyue\n2023-03-03 00:50:38\n\nBy Zheng Zaixing\n\n\nFirst paragraph of the body, long enough to be read as body text and not a header line at all.\n\n\nSecond paragraph.\n\n\nRelated News";

    fn value(f: &Option<Field>) -> Option<&str> {
        f.as_ref().map(|f| f.value.as_str())
    }

    #[test]
    fn news_header_is_metadata_not_body() {
        let doc = Document::parse("a.txt", SEED_LIKE);
        assert_eq!(
            doc.meta.title,
            "\"Asia-Pacific version\" created to threaten stability"
        );
        assert_eq!(value(&doc.meta.source), Some("China Military Online"));
        assert_eq!(value(&doc.meta.editor), Some("Huang Panyue"));
        let ts = doc.meta.published.as_ref().unwrap();
        assert_eq!(
            (ts.raw.as_str(), ts.iso.as_str()),
            ("2023-03-03 00:50:38", "2023-03-03T00:50:38")
        );
        assert_eq!(value(&doc.meta.byline), Some("By Zheng Zaixing"));
        assert_eq!(
            doc.meta
                .authors
                .iter()
                .map(|a| a.value.as_str())
                .collect::<Vec<_>>(),
            ["Zheng Zaixing"]
        );
        assert_eq!(doc.paragraphs.len(), 2);
        assert!(doc.paragraph(0).starts_with("First paragraph"));
        assert_eq!(doc.paragraph(1), "Second paragraph.");
        assert_eq!(doc.furniture.len(), 1);
        assert_eq!(doc.furniture[0].of(&doc.text), "Related News");
    }

    #[test]
    fn field_spans_point_into_the_text() {
        let doc = Document::parse("a.txt", SEED_LIKE);
        let m = &doc.meta;
        for f in [&m.source, &m.editor, &m.byline]
            .into_iter()
            .flatten()
            .chain(&m.authors)
        {
            assert_eq!(f.span.of(&doc.text), f.value);
        }
        assert_eq!(m.title_span.unwrap().of(&doc.text), m.title);
    }

    #[test]
    fn crlf_and_bom_are_handled() {
        let crlf = SEED_LIKE.replace('\n', "\r\n");
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice(crlf.as_bytes());
        let doc = Document::from_bytes("a.txt", &bytes).unwrap();
        assert!(doc.had_bom);
        assert!(!doc.text.starts_with('\u{FEFF}'));
        assert_eq!(
            doc.meta.title,
            "\"Asia-Pacific version\" created to threaten stability"
        );
        assert_eq!(value(&doc.meta.editor), Some("Huang Panyue"));
        assert_eq!(doc.paragraph(1), "Second paragraph.");
        assert!(doc
            .paragraphs
            .iter()
            .all(|p| !p.of(&doc.text).contains('\r')));
    }

    #[test]
    fn headerless_text_with_a_title_line() {
        let doc = Document::parse(
            "notes.txt",
            "My notes\n\nThe body starts here. It says things.\n\nMore.",
        );
        assert_eq!(doc.meta.title, "My notes");
        assert_eq!(doc.meta.source, None);
        assert_eq!(doc.paragraphs.len(), 2);
    }

    #[test]
    fn headerless_wrapped_paragraph_takes_the_file_name_as_title() {
        let doc = Document::parse(
            "moby_dick.txt",
            "Call me Ishmael. Some years ago, never mind how long\nprecisely, having little money in my purse.\n\nIt is a way I have.",
        );
        assert_eq!(doc.meta.title, "moby dick");
        assert_eq!(doc.meta.title_span, None);
        assert_eq!(doc.paragraphs.len(), 2);
        assert!(doc.paragraph(0).starts_with("Call me Ishmael"));
        assert!(doc.paragraph(0).ends_with("purse."));
    }

    #[test]
    fn line_breaks_are_kept_in_lists_and_verse_not_in_wrapped_prose() {
        let cases: &[(&str, bool)] = &[
            // Prose wrapped at about 70 characters (Moby-Dick as Project Gutenberg has it).
            (
                "Call me Ishmael. Some years ago\u{2014}never mind how long precisely\u{2014}having\n\
                 little or no money in my purse, and nothing particular to interest me\n\
                 on shore, I thought I would sail about a little and see the watery part\n\
                 of the world. It is a way I have of driving off the spleen and\n\
                 regulating the circulation.",
                false,
            ),
            // Two wrapped lines, a name across the break.
            (
                "The talks in Brussels were led on the German side by Chancellor Angela\n\
                 Merkel, who arrived on Monday.",
                false,
            ),
            ("One line only, however long it is, has no break to keep at all.", false),
            // A list of names, one per line.
            ("Angela Merkel\nEmmanuel Macron\nJustin Trudeau", true),
            // Verse (Shakespeare's sonnet 18), its lines much alike in length.
            (
                "Shall I compare thee to a summer's day?\n\
                 Thou art more lovely and more temperate:\n\
                 Rough winds do shake the darling buds of May,\n\
                 And summer's lease hath all too short a date;",
                true,
            ),
            // One sentence per line, of unlike lengths.
            (
                "Delegates of the United Nations met in Geneva on Friday to discuss the plan.\n\
                 It failed.\n\
                 The next meeting is set for March in New York, officials said on Saturday.",
                true,
            ),
            // A list of long items.
            (
                "- the report of the committee on the budget for the coming financial year\n\
                 - minutes\n\
                 - any other business raised by members before the meeting closes today",
                true,
            ),
        ];
        for &(text, kept) in cases {
            assert_eq!(keeps_line_breaks(text), kept, "{text}");
        }
        // The document says which of its paragraphs keep them.
        let doc = Document::parse(
            "notes.txt",
            "Notes\n\nA first paragraph of prose, on one line.\n\nGuests:\nMaria Rossi\nJohn Okafor",
        );
        assert_eq!(doc.line_paragraphs, [1]);
        assert!(doc.keeps_lines(1) && !doc.keeps_lines(0));
    }

    #[test]
    fn a_single_long_line_is_body_not_title() {
        let long = "word ".repeat(60) + "end.";
        let doc = Document::parse("x.txt", &long);
        assert_eq!(doc.meta.title_span, None);
        assert!(doc.meta.title.starts_with("word word"));
        assert_eq!(doc.paragraphs.len(), 1);
    }

    #[test]
    fn short_lines_without_a_strong_field_are_body() {
        let doc = Document::parse(
            "x.txt",
            "Title\n\nIntroduction\n\nThe text begins and goes on for a while here.",
        );
        assert_eq!(doc.meta.source, None);
        assert_eq!(doc.paragraphs.len(), 2);
        assert_eq!(doc.paragraph(0), "Introduction");
    }

    #[test]
    fn labelled_header_fields() {
        let doc = Document::parse(
            "x.txt",
            "Storm hits coast\nSource: Coastal Times\nAuthor: Ana Díaz and Li Wei\nPublished: March 3, 2023\n\nBody text here.",
        );
        assert_eq!(value(&doc.meta.source), Some("Coastal Times"));
        assert_eq!(
            doc.meta
                .authors
                .iter()
                .map(|a| a.value.as_str())
                .collect::<Vec<_>>(),
            ["Ana Díaz", "Li Wei"]
        );
        assert_eq!(doc.meta.published.as_ref().unwrap().iso, "2023-03-03");
        assert_eq!(doc.paragraphs.len(), 1);
    }

    /// How a text is read: "title | T" (a line of the text) or "title from name | T", then
    /// "header" when it has one, then each paragraph.
    fn reading(file_name: &str, text: &str) -> Vec<String> {
        let d = Document::parse(file_name, text);
        let mut out = vec![match d.meta.title_span {
            Some(_) => format!("title | {}", d.meta.title),
            None => format!("title from name | {}", d.meta.title),
        }];
        let m = &d.meta;
        if m.byline.is_some() || m.published.is_some() || m.source.is_some() {
            out.push(format!(
                "header | {} | {} | {}",
                value(&m.source).unwrap_or("-"),
                m.published.as_ref().map_or("-", |t| t.iso.as_str()),
                value(&m.byline).unwrap_or("-"),
            ));
        }
        out.extend(d.paragraphs.iter().map(|p| p.of(&d.text).to_string()));
        out
    }

    #[test]
    fn short_texts_never_lose_a_sentence() {
        let check = |text: &str, expected: &[&str]| {
            assert_eq!(reading("notes/short-note.txt", text), expected, "{text:?}")
        };
        // One line: one paragraph, titled by itself.
        check(
            "Delegates of the United Nations met in Geneva on Friday.",
            &[
                "title from name | Delegates of the United Nations met in Geneva on Friday.",
                "Delegates of the United Nations met in Geneva on Friday.",
            ],
        );
        check(
            "Breaking news\n",
            &["title from name | Breaking news", "Breaking news"],
        );
        check(
            "Related News",
            &["title from name | Related News", "Related News"],
        );
        // Two sentences on two lines, and on two paragraphs: all body, titled by file name.
        check(
            "Angela Merkel met Emmanuel Macron in Berlin on Monday.\nThey talked about trade.",
            &[
                "title from name | short note",
                "Angela Merkel met Emmanuel Macron in Berlin on Monday.\nThey talked about trade.",
            ],
        );
        check(
            "Angela Merkel met Emmanuel Macron in Berlin on Monday.\n\nThey talked about trade.",
            &[
                "title from name | short note",
                "Angela Merkel met Emmanuel Macron in Berlin on Monday.",
                "They talked about trade.",
            ],
        );
        // A headline, then one paragraph.
        check(
            "Storm hits the coast\n\nThe storm reached Lisbon on Friday.",
            &[
                "title | Storm hits the coast",
                "The storm reached Lisbon on Friday.",
            ],
        );
        // A real header.
        check(
            "Storm hits the coast\nCoastal Times\n2023-03-03 10:15\n\nBy Ana Díaz\n\nThe storm reached Lisbon.",
            &[
                "title | Storm hits the coast",
                "header | Coastal Times | 2023-03-03T10:15 | By Ana Díaz",
                "The storm reached Lisbon.",
            ],
        );
        // A sentence that starts like a byline is body text, wherever it stands.
        check(
            "Talks in Geneva\n\nBy Friday, the talks had failed.\n\nThe envoys went home.",
            &[
                "title | Talks in Geneva",
                "By Friday, the talks had failed.",
                "The envoys went home.",
            ],
        );
        check(
            "Talks in Geneva\nBy Friday, the talks had failed.",
            &[
                "title from name | short note",
                "Talks in Geneva\nBy Friday, the talks had failed.",
            ],
        );
        check(
            "By Friday, the talks had failed.",
            &[
                "title from name | By Friday, the talks had failed.",
                "By Friday, the talks had failed.",
            ],
        );
        // A title and a header with no body: all of it is body rather than nothing.
        check(
            "Storm hits the coast\nBy Ana Díaz\n2023-03-03",
            &[
                "title from name | Storm hits the coast",
                "Storm hits the coast\nBy Ana Díaz\n2023-03-03",
            ],
        );
        // A long single line is cut for its title at a word boundary.
        let long = "word ".repeat(40) + "end.";
        let read = reading("x.txt", &long);
        assert_eq!(read[1], long);
        assert!(
            read[0].ends_with('\u{2026}')
                && read[0].chars().count() <= "title from name | ".len() + 80
        );
    }

    #[test]
    fn bylines_are_names() {
        let check =
            |rest: &str, expected: bool| assert_eq!(is_byline_names(rest), expected, "{rest}");
        check("Zheng Zaixing", true);
        check("Ana Díaz and Li Wei, Reuters", true);
        check("Ursula von der Leyen", true);
        check("JOHN SMITH", true);
        check("John F.", true);
        check("Friday, the talks had failed.", false);
        check("Monday", false);
        check("March 3, 2023", false);
        check("The end of the day", false);
        check("<svg onload=x>Mallory</svg>", false);
        check("Tom Becker.", false);
    }

    #[test]
    fn dates() {
        let check = |line: &str, expected: Option<&str>| {
            assert_eq!(parse_date(line).as_deref(), expected, "{line}")
        };
        check("2023-03-03 00:50:38", Some("2023-03-03T00:50:38"));
        check("2023/3/3", Some("2023-03-03"));
        check("March 3, 2023", Some("2023-03-03"));
        check("Friday, 3 Mar 2023 10:15 GMT", Some("2023-03-03T10:15"));
        check("Sept. 12, 2024", Some("2024-09-12"));
        check("2023-13-03", None);
        check("March on Washington", None);
        check("2023-03-03 and then some words", None);
        check("", None);
    }

    #[test]
    fn bad_bytes_are_named() {
        let check = |bytes: &[u8], problem: SeedProblem| {
            assert_eq!(
                Document::from_bytes("bad.txt", bytes).unwrap_err().problem,
                problem
            )
        };
        check(b"", SeedProblem::Empty);
        check(b"\xEF\xBB\xBF", SeedProblem::Empty);
        check(b" \n\t\r\n", SeedProblem::OnlyWhitespace);
        check(
            b"ok\xFFno",
            SeedProblem::NotUtf8 {
                byte_offset: 2,
                line: 1,
                column: 3,
            },
        );
        check(
            b"a\n\xC3\xA9\xFF",
            SeedProblem::NotUtf8 {
                byte_offset: 4,
                line: 2,
                column: 2,
            },
        );
        check(
            b"\xEF\xBB\xBFa\xFF",
            SeedProblem::NotUtf8 {
                byte_offset: 4,
                line: 1,
                column: 2,
            },
        );
        let err = Document::from_bytes("dir/bad.txt", b"ab\xC3").unwrap_err();
        assert!(err
            .to_string()
            .starts_with("seed file dir/bad.txt: not valid UTF-8"));
    }

    #[test]
    fn markup_is_kept_as_text() {
        let doc = Document::parse(
            "x.txt",
            "T\n\n<script>alert(1)</script> &amp; <img onerror=x>",
        );
        assert_eq!(
            doc.paragraph(0),
            "<script>alert(1)</script> &amp; <img onerror=x>"
        );
    }

    #[test]
    fn ids_are_url_safe() {
        assert_eq!(
            id_from_file_name("000_f229af850eb50190.txt"),
            "000_f229af850eb50190"
        );
        assert_eq!(id_from_file_name("a b/ç.md"), "a-b--");
        assert_eq!(id_from_file_name(".txt"), ".txt");
    }
}
