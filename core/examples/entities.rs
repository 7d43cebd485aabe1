//! Prints the entities of text files, or measures extraction throughput over a folder.
//!
//! ```text
//! cargo run --release -p explorer-core --features extract --example entities -- FILE...
//! cargo run --release -p explorer-core --features extract --example entities -- --bench DIR
//! cargo run --release -p explorer-core --features extract --example entities -- --rules FILE...
//! ```
//! With `--rules`, the entities the rules alone find (the tagger's baseline).
//! With `--bench`, every `.txt` file in DIR, and every `.json` file holding an array of
//! strings (as in the npm package `nlp-corpus`, joined into paragraphs), is extracted once to
//! warm up and then timed.

/// `println!` that ends quietly when the reader stops reading (`… | head`).
macro_rules! out {
    ($($arg:tt)*) => {
        explorer_core::output::line(&format!($($arg)*))
    };
}

#[cfg(feature = "extract")]
fn main() {
    use explorer_core::entities::extract;
    use explorer_core::Document;
    use std::time::Instant;

    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--bench") {
        let dir = args.get(1).expect("--bench needs a folder");
        let mut docs = Vec::new();
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .expect("readable folder")
            .flatten()
            .map(|e| e.path())
            .collect();
        paths.sort();
        for path in paths {
            let Ok(raw) = std::fs::read_to_string(&path) else {
                continue;
            };
            let text = match path.extension().and_then(|e| e.to_str()) {
                Some("json") => json_strings(&raw).join("\n\n"),
                Some("txt") => raw,
                _ => continue,
            };
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            docs.push(Document::parse(&name, &text));
        }
        let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
        let start = Instant::now();
        let first: usize = docs.iter().map(|d| extract(d).len()).sum();
        let cold = start.elapsed();
        let start = Instant::now();
        let mut n_entities = 0;
        for d in &docs {
            n_entities += extract(d).len();
        }
        let warm = start.elapsed();
        assert_eq!(first, n_entities);
        let mb = bytes as f64 / 1e6;
        out!(
            "{} documents, {:.2} MB, {} entities; first run (with gazetteer load) {:.3} s, then {:.3} s = {:.1} MB/s",
            docs.len(),
            mb,
            n_entities,
            cold.as_secs_f64(),
            warm.as_secs_f64(),
            mb / warm.as_secs_f64()
        );
        return;
    }
    let rules_only = args.first().map(String::as_str) == Some("--rules");
    for path in args.iter().skip(usize::from(rules_only)) {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("{path}: {e} (give text files, or --bench DIR for a folder)");
                std::process::exit(1);
            }
        };
        let doc = Document::parse(path, &text);
        out!("== {path}");
        let entities = if rules_only {
            explorer_core::entities::extract_rules(&doc)
        } else {
            extract(&doc)
        };
        for e in entities {
            let aliases = if e.aliases.is_empty() {
                String::new()
            } else {
                format!(" (aka {})", e.aliases.join(", "))
            };
            out!(
                "{:5} {}{} ×{}",
                e.kind.label(),
                e.canonical,
                aliases,
                e.count()
            );
        }
    }
}

/// The strings of a JSON array of strings (enough JSON for `nlp-corpus`).
#[cfg(feature = "extract")]
fn json_strings(raw: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '"' {
            continue;
        }
        let mut s = String::new();
        while let Some(c) = chars.next() {
            match c {
                '"' => break,
                '\\' => match chars.next() {
                    Some('n') => s.push('\n'),
                    Some('t') => s.push('\t'),
                    Some('u') => {
                        let hex: String = chars.by_ref().take(4).collect();
                        if let Some(ch) =
                            u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32)
                        {
                            s.push(ch);
                        }
                    }
                    Some(other) => s.push(other),
                    None => break,
                },
                c => s.push(c),
            }
        }
        out.push(s);
    }
    out
}

#[cfg(not(feature = "extract"))]
fn main() {
    eprintln!("this example needs `--features extract`");
}
