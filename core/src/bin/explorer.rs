//! Maintainer CLI: shows what seed files yield, with exactly the code the page's build uses.
//!
//! ```text
//! cargo run -p explorer-core --bin explorer -- analyze FILE_OR_FOLDER...
//! cargo run -p explorer-core --bin explorer -- search SEEDS_FOLDER QUERY...
//! ```
//! `search` builds the corpus of a seeds folder as the page's build does and prints, per
//! query, `{"query", "total", "docs": [{"id", "index", "hits": [[start, end], …]}]}` with
//! documents best first and byte offsets into each document's text: what the page must mark
//! (the end-to-end tests compare the page with it).
//!
//! `analyze` prints one JSON object per file and line:
//! `{"file", "title", "entities": [{"start", "end", "type", "text", "canonical"}], "top_terms": [...]}`
//! where `start`/`end` are character offsets (Unicode scalar values) into the file's content
//! as read, header and any byte-order mark included, and `type` is PER, ORG, GPE, LOC, EVENT
//! or NORP. Every readable UTF-8 file is answered, however short; a file that cannot be
//! used (unreadable, empty or only whitespace, not UTF-8) prints `{"file", "error"}` and the
//! exit status is 1. A headerless file is titled by its file name, as in the page.

use explorer_core::export::{json_string as json, CharOffsets};
use explorer_core::seeds::{
    documents_from_files, read_seed_folder, scan_seed_folder, TEXT_EXTENSIONS,
};
use explorer_core::{Corpus, Document};
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "usage: explorer analyze FILE_OR_FOLDER...\n       explorer search SEEDS_FOLDER QUERY...\n\nanalyze prints one JSON object per file: its title, entities (with character offsets into the\nfile) and top terms, exactly as the page's build computes them.\nsearch prints one JSON object per query: its hits in each document of the folder's corpus\n(byte offsets), documents best first, as the page finds them.";

/// How many top terms to print.
const TOP_TERMS: usize = 20;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.split_first() {
        Some((cmd, paths)) if cmd == "analyze" && !paths.is_empty() => analyze(paths),
        Some((cmd, rest)) if cmd == "search" && rest.len() >= 2 => search(&rest[0], &rest[1..]),
        Some((cmd, _)) if cmd == "-h" || cmd == "--help" || cmd == "help" => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn search(folder: &str, queries: &[String]) -> ExitCode {
    let docs = read_seed_folder(Path::new(folder)).and_then(|f| documents_from_files(&f.files));
    let corpus = match docs {
        Ok(docs) => Corpus::build(docs),
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    for query in queries {
        let result = corpus.search(&explorer_core::query::parse(query));
        let mut out = format!(
            "{{\"query\":{},\"total\":{},\"docs\":[",
            json(query),
            result.total_hits
        );
        for (n, d) in result.docs.iter().enumerate() {
            let hits: Vec<String> = d
                .hits
                .iter()
                .map(|h| format!("[{},{}]", h.span.start, h.span.end))
                .collect();
            let _ = write!(
                out,
                "{}{{\"id\":{},\"index\":{},\"hits\":[{}]}}",
                if n > 0 { "," } else { "" },
                json(&corpus.docs[d.doc].id),
                d.doc,
                hits.join(",")
            );
        }
        out.push_str("]}");
        emit(&out);
    }
    ExitCode::SUCCESS
}

fn analyze(paths: &[String]) -> ExitCode {
    let mut failed = false;
    for arg in paths {
        let path = Path::new(arg);
        let files: Vec<(String, Vec<u8>)> = if path.is_dir() {
            match scan_seed_folder(path) {
                Ok(folder) => {
                    for e in &folder.unreadable {
                        let name = path.join(&e.file_name).display().to_string();
                        let message = format!("seed file {name}: {}", e.problem);
                        emit(&format!(
                            "{{\"file\":{},\"error\":{}}}",
                            json(&name),
                            json(&message)
                        ));
                        failed = true;
                    }
                    for skipped in &folder.skipped {
                        eprintln!(
                            "skipped {} (not a text file: *.{})",
                            path.join(skipped).display(),
                            TEXT_EXTENSIONS.join(", *.")
                        );
                    }
                    folder
                        .files
                        .into_iter()
                        .map(|(name, bytes)| (path.join(name).display().to_string(), bytes))
                        .collect()
                }
                Err(e) => {
                    emit(&format!(
                        "{{\"file\":{},\"error\":{}}}",
                        json(arg),
                        json(&e.to_string())
                    ));
                    failed = true;
                    continue;
                }
            }
        } else {
            match std::fs::read(path) {
                Ok(bytes) => vec![(arg.clone(), bytes)],
                Err(e) => {
                    let message = format!(
                        "seed file {arg}: cannot be read: {e} (text files are *.{})",
                        TEXT_EXTENSIONS.join(", *.")
                    );
                    emit(&format!(
                        "{{\"file\":{},\"error\":{}}}",
                        json(arg),
                        json(&message)
                    ));
                    failed = true;
                    continue;
                }
            }
        };
        for (name, bytes) in files {
            match Document::from_bytes(&name, &bytes) {
                Ok(doc) => emit(&report(doc)),
                Err(e) => {
                    emit(&format!(
                        "{{\"file\":{},\"error\":{}}}",
                        json(&name),
                        json(&e.to_string())
                    ));
                    failed = true;
                }
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Prints one line of output. A reader that stops reading (`explorer analyze … | head`) ends
/// the program quietly, as command-line tools do; any other failure to write is said.
fn emit(line: &str) {
    explorer_core::output::line(line);
}

/// The JSON line for one document, analysed as the page's build analyses it.
fn report(doc: Document) -> String {
    let had_bom = doc.had_bom;
    let file = doc.file_name.clone();
    let corpus = Corpus::build(vec![doc]);
    let doc = &corpus.docs[0];
    let chars = CharOffsets::new(&doc.text, usize::from(had_bom));
    let mut out = String::new();
    let _ = write!(
        out,
        "{{\"file\":{},\"title\":{},\"entities\":[",
        json(&file),
        json(&doc.meta.title)
    );
    let mut mentions: Vec<(u32, u32, usize)> = Vec::new();
    for (i, e) in corpus.entities(0).iter().enumerate() {
        mentions.extend(e.mentions.iter().map(|m| (m.start, m.end, i)));
    }
    mentions.sort_unstable();
    for (n, (start, end, i)) in mentions.into_iter().enumerate() {
        let e = &corpus.entities(0)[i];
        let text = doc.text.get(start as usize..end as usize).unwrap_or("");
        let _ = write!(
            out,
            "{}{{\"start\":{},\"end\":{},\"type\":\"{}\",\"text\":{},\"canonical\":{}}}",
            if n > 0 { "," } else { "" },
            chars.of(start),
            chars.of(end),
            e.kind.label(),
            json(text),
            json(&e.canonical)
        );
    }
    out.push_str("],\"top_terms\":[");
    let stats = &corpus.doc_stats[0];
    let vocab = &corpus.index.vocab;
    let top = stats
        .terms()
        .iter()
        .filter(|(t, _)| !vocab.is_stop(*t) && !vocab.is_number(*t))
        .take(TOP_TERMS);
    for (n, &(t, count)) in top.enumerate() {
        let _ = write!(
            out,
            "{}{{\"term\":{},\"count\":{},\"per_1000\":{:.2}}}",
            if n > 0 { "," } else { "" },
            json(vocab.form(t)),
            count,
            stats.per_thousand(count)
        );
    }
    out.push_str("]}");
    out
}
