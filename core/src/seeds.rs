//! Reading a folder of seed files into documents, in a stable order with unique ids.

use crate::document::{Document, SeedError, SeedProblem};
use std::path::Path;

/// Extensions read as text. Files with other extensions are reported as skipped, not read.
pub const TEXT_EXTENSIONS: [&str; 4] = ["txt", "text", "md", "markdown"];

/// What reading a seeds folder found.
#[derive(Debug, Default)]
pub struct SeedFolder {
    /// (path relative to the folder with '/' separators, bytes), in [`path_order`].
    pub files: Vec<(String, Vec<u8>)>,
    /// Files left out because they are not text by extension, relative paths.
    pub skipped: Vec<String>,
    /// Text files (and folders) that could not be read, sorted by path.
    pub unreadable: Vec<SeedError>,
}

/// Reads every text file under `dir` (recursively, hidden files and folders skipped),
/// in [`path_order`] of their relative paths, so ids and order are stable from build to
/// build. The first file
/// that cannot be read stops it (the build must not go on without it).
pub fn read_seed_folder(dir: &Path) -> Result<SeedFolder, SeedError> {
    let mut folder = scan_seed_folder(dir)?;
    if !folder.unreadable.is_empty() {
        return Err(folder.unreadable.swap_remove(0));
    }
    Ok(folder)
}

/// Like `read_seed_folder`, but a file or subfolder that cannot be read is listed in
/// `unreadable` and the others are still read, so that each can be answered for.
pub fn scan_seed_folder(dir: &Path) -> Result<SeedFolder, SeedError> {
    let mut folder = SeedFolder::default();
    if let Err(e) = std::fs::read_dir(dir) {
        return Err(SeedError {
            file_name: dir.display().to_string(),
            problem: SeedProblem::Unreadable(e.to_string()),
        });
    }
    walk(dir, "", &mut folder);
    folder.files.sort_by(|a, b| path_order(&a.0, &b.0));
    folder.skipped.sort();
    folder
        .unreadable
        .sort_by(|a, b| a.file_name.cmp(&b.file_name));
    if folder.files.is_empty() && folder.unreadable.is_empty() {
        return Err(SeedError {
            file_name: dir.display().to_string(),
            problem: SeedProblem::Unreadable(format!(
                "the folder holds no text files (looked for *.{})",
                TEXT_EXTENSIONS.join(", *.")
            )),
        });
    }
    Ok(folder)
}

fn walk(dir: &Path, prefix: &str, folder: &mut SeedFolder) {
    let unreadable = |name: String, e: std::io::Error| SeedError {
        file_name: name,
        problem: SeedProblem::Unreadable(e.to_string()),
    };
    let folder_name = if prefix.is_empty() {
        dir.display().to_string()
    } else {
        prefix.trim_end_matches('/').to_string()
    };
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return folder.unreadable.push(unreadable(folder_name, e)),
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => return folder.unreadable.push(unreadable(folder_name, e)),
        };
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let rel = format!("{prefix}{name}");
        let path = entry.path();
        if path.is_dir() {
            walk(&path, &format!("{rel}/"), folder);
        } else if is_text_name(&name) {
            match std::fs::read(&path) {
                Ok(bytes) => folder.files.push((rel, bytes)),
                Err(e) => folder.unreadable.push(unreadable(rel, e)),
            }
        } else {
            folder.skipped.push(rel);
        }
    }
}

/// The corpus order of two relative paths: as text, except that a run of digits compares
/// as the number it writes, so that "chapter-2" comes before "chapter-10" (as a file
/// manager lists them). Equal numbers written differently ("7", "07") and paths that differ
/// only so fall back to plain text order, so the order is total and stable.
pub fn path_order(a: &str, b: &str) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    let (mut x, mut y) = (a.as_bytes(), b.as_bytes());
    loop {
        match (x.first(), y.first()) {
            (None, None) => return a.cmp(b),
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(c), Some(d)) if c.is_ascii_digit() && d.is_ascii_digit() => {
                let run = |s: &[u8]| s.iter().take_while(|c| c.is_ascii_digit()).count();
                let (m, n) = (run(x), run(y));
                let strip = |digits: &'_ [u8]| -> usize {
                    digits.iter().take_while(|&&c| c == b'0').count()
                };
                let (p, q) = (&x[strip(&x[..m])..m], &y[strip(&y[..n])..n]);
                let by_value = p.len().cmp(&q.len()).then_with(|| p.cmp(q));
                if by_value != Ordering::Equal {
                    return by_value;
                }
                (x, y) = (&x[m..], &y[n..]);
            }
            (Some(c), Some(d)) => {
                if c != d {
                    return c.cmp(d);
                }
                (x, y) = (&x[1..], &y[1..]);
            }
        }
    }
}

fn is_text_name(name: &str) -> bool {
    match name.rsplit_once('.') {
        Some((_, ext)) => TEXT_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()),
        None => true,
    }
}

/// Parses files into documents, making ids unique ("a", "a-2", …) in file order.
pub fn documents_from_files(files: &[(String, Vec<u8>)]) -> Result<Vec<Document>, SeedError> {
    let mut docs: Vec<Document> = Vec::with_capacity(files.len());
    for (name, bytes) in files {
        let mut doc = Document::from_bytes(name, bytes)?;
        let base = doc.id.clone();
        let mut n = 1;
        while docs.iter().any(|d| d.id == doc.id) {
            n += 1;
            doc.id = format!("{base}-{n}");
        }
        docs.push(doc);
    }
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_seeds_make_two_documents_in_name_order() {
        let dir = std::env::temp_dir().join(format!("explorer-seeds-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("more")).unwrap();
        std::fs::write(dir.join("b.txt"), "Second\n\nBody of b.").unwrap();
        std::fs::write(dir.join("a.txt"), "First\n\nBody of a.").unwrap();
        std::fs::write(dir.join("more/c.md"), "Third\n\nBody of c.").unwrap();
        std::fs::write(dir.join("picture.png"), [0u8, 1, 2]).unwrap();
        std::fs::write(dir.join(".hidden.txt"), "x").unwrap();
        let folder = read_seed_folder(&dir).unwrap();
        let docs = documents_from_files(&folder.files).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "more-c"]);
        assert_eq!(docs[1].meta.title, "Second");
        assert_eq!(folder.skipped, ["picture.png"]);
    }

    #[test]
    fn numbers_in_names_are_ordered_by_value() {
        let mut names = vec![
            "doc-10.txt",
            "doc-2.txt",
            "doc-1.txt",
            "doc-02.txt",
            "b/1.txt",
            "a.txt",
            "doc-1a.txt",
            "doc-100.txt",
            "000_seed.txt",
        ];
        names.sort_by(|a, b| path_order(a, b));
        assert_eq!(
            names,
            [
                "000_seed.txt",
                "a.txt",
                "b/1.txt",
                "doc-1.txt",
                "doc-1a.txt",
                "doc-02.txt",
                "doc-2.txt",
                "doc-10.txt",
                "doc-100.txt",
            ]
        );
        // A total order: equal only when equal.
        assert_eq!(
            path_order("doc-02.txt", "doc-2.txt"),
            std::cmp::Ordering::Less
        );
        assert_eq!(path_order("x9", "x9"), std::cmp::Ordering::Equal);
    }

    #[test]
    fn an_empty_folder_is_an_error() {
        let dir = std::env::temp_dir().join(format!("explorer-empty-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let err = read_seed_folder(&dir).unwrap_err();
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(err.to_string().contains("no text files"), "{err}");
    }

    #[test]
    fn clashing_ids_get_suffixes() {
        let files = vec![
            ("a.txt".to_string(), b"A\n\nx".to_vec()),
            ("a.md".to_string(), b"A\n\ny".to_vec()),
        ];
        let docs = documents_from_files(&files).unwrap();
        assert_eq!(docs[0].id, "a");
        assert_eq!(docs[1].id, "a-2");
    }

    #[test]
    fn a_bad_file_names_itself() {
        let files = vec![
            ("good.txt".to_string(), b"A\n\nx".to_vec()),
            ("bad.txt".to_string(), vec![0xff, 0xfe]),
        ];
        let err = documents_from_files(&files).unwrap_err();
        assert_eq!(err.file_name, "bad.txt");
    }
}
