//! The maintainer CLI prints what the build computes, with offsets a maintainer can trust.

use std::process::Command;

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../seeds/000_f229af850eb50190.txt"
);

fn run(args: &[&str]) -> (bool, Vec<serde_json::Value>) {
    let out = Command::new(env!("CARGO_BIN_EXE_explorer"))
        .args(args)
        .output()
        .expect("the CLI runs");
    let lines = String::from_utf8(out.stdout).expect("UTF-8 output");
    let values = lines
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    (out.status.success(), values)
}

/// Slices `text` by char offsets.
fn chars(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn seed_entities_have_char_offsets_into_the_file() {
    let (ok, values) = run(&["analyze", SEED]);
    assert!(ok);
    assert_eq!(values.len(), 1);
    let v = &values[0];
    let text = std::fs::read_to_string(SEED).unwrap();
    assert_eq!(v["file"], SEED);
    assert_eq!(v["title"], text.lines().next().unwrap());
    let entities = v["entities"].as_array().unwrap();
    for e in entities {
        let (start, end) = (
            e["start"].as_u64().unwrap() as usize,
            e["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(chars(&text, start, end), e["text"].as_str().unwrap(), "{e}");
        assert!(
            ["PER", "ORG", "GPE", "LOC", "EVENT", "NORP"].contains(&e["type"].as_str().unwrap())
        );
        assert!(!e["canonical"].as_str().unwrap().is_empty());
    }
    let terms = v["top_terms"].as_array().unwrap();
    assert_eq!(terms[0]["term"], "nato");
    assert!(terms.iter().all(|t| t["count"].as_u64().unwrap() > 0));
}

#[test]
fn offsets_count_chars_and_the_byte_order_mark() {
    let dir = std::env::temp_dir().join(format!("explorer-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("bom.txt");
    let content =
        "\u{FEFF}Ünïcödé title\r\n\r\nThe envoy met Angela Merkel in Zürich and Paris.\r\n";
    std::fs::write(&file, content).unwrap();
    let (ok, values) = run(&["analyze", file.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(ok);
    for e in values[0]["entities"].as_array().unwrap() {
        let (start, end) = (
            e["start"].as_u64().unwrap() as usize,
            e["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            chars(content, start, end),
            e["text"].as_str().unwrap(),
            "{e}"
        );
    }
}

#[test]
fn bad_files_print_an_error_and_fail() {
    let dir = std::env::temp_dir().join(format!("explorer-cli-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("bad.txt"), b"ok \xff").unwrap();
    let (ok, values) = run(&[
        "analyze",
        dir.join("bad.txt").to_str().unwrap(),
        "/no/such/file.txt",
    ]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(!ok);
    assert!(values[0]["error"]
        .as_str()
        .unwrap()
        .contains("not valid UTF-8"));
    assert!(values[1]["error"]
        .as_str()
        .unwrap()
        .contains("cannot be read"));
}

#[test]
fn every_readable_file_of_a_folder_is_answered() {
    let dir = std::env::temp_dir().join(format!("explorer-cli-folder-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    let files: &[(&str, &[u8])] = &[
        (
            "a-one-line.txt",
            b"Delegates of the United Nations met in Geneva on Friday.",
        ),
        (
            "b-two-paragraphs.txt",
            b"Angela Merkel met Emmanuel Macron in Berlin on Monday.\n\nThey talked about trade.\n",
        ),
        ("c-empty.txt", b""),
        ("d-blank.txt", b" \n\t\n"),
        ("e-latin1.txt", b"Z\xfcrich"),
        (
            "sub/f-headline.md",
            b"Storm hits Lisbon\n\nThe storm reached Portugal.",
        ),
        ("picture.png", &[0x89, 0x50, 0x4e, 0x47]),
    ];
    for (name, bytes) in files {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    let (ok, values) = run(&["analyze", dir.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(!ok, "empty, blank and non-UTF-8 files are errors");
    let by_file = |suffix: &str| {
        values
            .iter()
            .find(|v| v["file"].as_str().unwrap().ends_with(suffix))
            .unwrap_or_else(|| panic!("no line for {suffix}: {values:?}"))
    };
    assert_eq!(values.len(), 6, "one line per text file: {values:?}");
    let names = |v: &serde_json::Value| -> Vec<String> {
        v["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                format!(
                    "{} {}",
                    e["type"].as_str().unwrap(),
                    e["text"].as_str().unwrap()
                )
            })
            .collect()
    };
    let one_line = by_file("a-one-line.txt");
    assert_eq!(names(one_line), ["ORG United Nations", "GPE Geneva"]);
    let two = by_file("b-two-paragraphs.txt");
    assert_eq!(
        two["title"], "b two paragraphs",
        "titled by the file's own name"
    );
    assert_eq!(
        names(two),
        ["PER Angela Merkel", "PER Emmanuel Macron", "GPE Berlin"]
    );
    assert_eq!(
        names(by_file("f-headline.md")),
        ["GPE Lisbon", "GPE Portugal"]
    );
    for (file, problem) in [
        ("c-empty.txt", "empty"),
        ("d-blank.txt", "only whitespace"),
        ("e-latin1.txt", "not valid UTF-8"),
    ] {
        let error = by_file(file)["error"].as_str().unwrap();
        assert!(error.contains(problem), "{file}: {error}");
    }
}

#[test]
fn usage_without_arguments() {
    let out = Command::new(env!("CARGO_BIN_EXE_explorer"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("usage: explorer analyze"));
}

#[test]
fn search_prints_each_querys_hits_as_the_page_marks_them() {
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/multi");
    let (ok, values) = run(&["search", seeds, "storm", "zzzz-nothing", "\"unbalanced"]);
    assert!(ok);
    assert_eq!(values.len(), 3);
    let storm = &values[0];
    assert_eq!(storm["query"], "storm");
    let docs = storm["docs"].as_array().unwrap();
    assert!(!docs.is_empty());
    let mut total = 0;
    for doc in docs {
        let id = doc["id"].as_str().unwrap();
        let text = std::fs::read_dir(seeds)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.file_stem().is_some_and(|s| s.to_string_lossy() == id))
            .map(|p| std::fs::read_to_string(p).unwrap())
            .unwrap_or_else(|| panic!("a file for {id}"));
        for hit in doc["hits"].as_array().unwrap() {
            let (start, end) = (hit[0].as_u64().unwrap(), hit[1].as_u64().unwrap());
            let marked = text.get(start as usize..end as usize).unwrap_or_default();
            assert!(
                marked.to_lowercase().starts_with("storm"),
                "{id}: {marked:?}"
            );
            total += 1;
        }
    }
    assert_eq!(storm["total"], total);
    assert_eq!(values[1]["total"], 0);
    assert_eq!(values[1]["docs"].as_array().unwrap().len(), 0);
    assert_eq!(values[2]["query"], "\"unbalanced");
}

#[test]
fn a_reader_that_stops_reading_ends_the_output_quietly() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    // Far more output than a pipe holds (the seed analysed 2,000 times), read one line of.
    let args: Vec<&str> = std::iter::once("analyze")
        .chain(std::iter::repeat_n(SEED, 2000))
        .collect();
    let mut child = Command::new(env!("CARGO_BIN_EXE_explorer"))
        .args(&args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("{\"file\":"), "{first}");
    // The pipe is closed here; the program must end without a panic.
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(out.status.success(), "{:?}: {stderr}", out.status);
}
